"""Commands a person can text at any time ("WEIGHT 84.2", "GOAL walk more", "MY WEEK")."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from companion.engine.reading.parsing import match_keyword


class CommandName(StrEnum):
    """The commands a person can text."""

    LOG = "log"
    SKIP = "skip"
    WEIGHT = "weight"
    BP = "bp"
    SUGAR = "sugar"
    WAIST = "waist"
    SIDE = "side"
    MEDS_CHANGED = "meds_changed"
    GOAL = "goal"
    TIPS = "tips"
    TIME = "time"
    PAUSE = "pause"
    RESUME = "resume"
    NAME = "name"
    LANGUAGE = "language"
    BOROUGH = "borough"
    MY_WEEK = "my_week"
    MENU = "menu"
    REMIND = "remind"
    APPOINTMENT = "appointment"
    SHARE = "share"
    MY_DATA = "my_data"
    DELETE_ME = "delete_me"
    UNSHARE = "unshare"


# The words people type, mapped to what they mean. Reserved: no flow may use them as answers.
KEYWORDS: Mapping[str, CommandName] = {
    "LOG": CommandName.LOG,
    "CHECK IN": CommandName.LOG,
    "CHECKIN": CommandName.LOG,
    "SKIP": CommandName.SKIP,
    "WEIGHT": CommandName.WEIGHT,
    "BP": CommandName.BP,
    "BLOOD PRESSURE": CommandName.BP,
    "SUGAR": CommandName.SUGAR,
    "GLUCOSE": CommandName.SUGAR,
    "WAIST": CommandName.WAIST,
    "SIDE": CommandName.SIDE,
    "SIDE EFFECT": CommandName.SIDE,
    "SIDE EFFECTS": CommandName.SIDE,
    "MEDS CHANGED": CommandName.MEDS_CHANGED,
    "MEDS CHANGE": CommandName.MEDS_CHANGED,
    "MEDICATION CHANGED": CommandName.MEDS_CHANGED,
    "GOAL": CommandName.GOAL,
    "TIPS": CommandName.TIPS,
    "TIP": CommandName.TIPS,
    "TIME": CommandName.TIME,
    "PAUSE": CommandName.PAUSE,
    "RESUME": CommandName.RESUME,
    "NAME": CommandName.NAME,
    "LANGUAGE": CommandName.LANGUAGE,
    "JEZYK": CommandName.LANGUAGE,
    "BOROUGH": CommandName.BOROUGH,
    "MY WEEK": CommandName.MY_WEEK,
    "MENU": CommandName.MENU,
    "REMIND": CommandName.REMIND,
    "REMIND ME": CommandName.REMIND,
    "REMINDER": CommandName.REMIND,
    "APPT": CommandName.APPOINTMENT,
    "APPOINTMENT": CommandName.APPOINTMENT,
    "SHARE": CommandName.SHARE,
    "MY DATA": CommandName.MY_DATA,
    "DELETE ME": CommandName.DELETE_ME,
    "DELETE MY DATA": CommandName.DELETE_ME,
    "UNSHARE": CommandName.UNSHARE,
}
RESERVED_WORDS = frozenset(w.casefold() for k in KEYWORDS for w in k.split() if len(k.split()) == 1)


@dataclass(frozen=True)
class Command:
    """A recognised command and the rest of the message after its keyword."""

    name: CommandName
    rest: str
    exact: bool = field(default=True, compare=False)  # typed as spelt, not a forgiven typo


def find_command(text: str) -> Command | None:
    """The command a message starts with (one typo forgiven on longer words), if any."""
    match = match_keyword(text, KEYWORDS)
    if match is None:
        return None
    typed = " ".join(text.casefold().split())
    exact = typed.lstrip(" \t#*!.").startswith(match.keyword.casefold())
    return Command(KEYWORDS[match.keyword], match.rest, exact)

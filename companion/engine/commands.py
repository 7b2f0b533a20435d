"""Commands a person can text at any time ("WEIGHT 84.2", "GOAL walk more", "MY WEEK")."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from companion.engine.reading.parsing import match_keyword
from companion.engine.whole_life import whole_message_change


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
    REMINDERS = "reminders"
    QUIET = "quiet"
    HELP_TOPIC = "help_topic"
    FEEDBACK = "feedback"
    TOPICS = "topics"


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
    "PRIVACY": CommandName.MY_DATA,
    "DELETE ME": CommandName.DELETE_ME,
    "DELETE MY DATA": CommandName.DELETE_ME,
    "UNSHARE": CommandName.UNSHARE,
    "REMINDERS": CommandName.REMINDERS,
    "MY REMINDERS": CommandName.REMINDERS,
    "APPOINTMENTS": CommandName.REMINDERS,
    "QUIET": CommandName.QUIET,
    "QUIET HOURS": CommandName.QUIET,
    "FEEDBACK": CommandName.FEEDBACK,
    "OPINIA": CommandName.FEEDBACK,
    "TOPICS": CommandName.TOPICS,
    "TEMATY": CommandName.TOPICS,
}
# Keywords that are also everyday words one typo away ("quite tired" is not QUIET).
_EXACT_ONLY = frozenset({CommandName.QUIET})
# What may follow QUIET: a time, or a way of saying off.
_QUIET_REST = re.compile(
    r"^\s*(?:(?:from|between)\s+)?(?:\d|(?:off|none|reset|default|normal|usual|noon|midday|midnight)\b)",
    re.IGNORECASE,
)
# Whole messages that mean a command although they start with a carrier word or are one
# everyday word: "MORE" (the menu's second page), "STOP REMINDER 2" (one reminder, not
# STOP), "REMOVE 2". Only the whole message counts.
_MENU_MORE = re.compile(r"^(?:more|menu\s*(?:2|two|more|next|page\s*2))$")  # "next" alone is SKIP
_REMOVE_ONE = re.compile(
    r"^(?:stop|cancel|remove|delete|drop)\s+(?:(?:my\s+)?(?:reminders?|appts?|appointments?)\s*)?"
    r"(?:no\.?\s*|number\s+|#\s*)?(\d{1,2})$"
)
_STOP_ALL_REMINDERS = re.compile(
    r"^(?:stop|cancel)\s+(?:all\s+)?(?:my\s+)?(?:reminders|appointments)$"
)
_HELP_WITH = re.compile(r"^help\s+(?:me\s+)?(?:with\s+|on\s+|about\s+|for\s+)?(?:the\s+)?(.+)$")
# HELP misspelt on its own ("HLEP"): two letters swapped or one added, as for other
# four-letter keywords, and a few keyboard slips; not every one-letter change ("held").
_HELP_TYPOS = frozenset(
    {"hlep", "ehlp", "hepl", "hellp", "helpp", "hhelp", "heelp", "halp", "hekp", "hwlp"}
)
# Words after HELP that name a topic without being a command keyword.
_HELP_EXTRA = {
    "appointments": "appointment",
    "stop": "stop",
    "start": "stop",
    "join": "stop",
    "more": "menu",
    "menu 2": "menu",
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
    whole = _whole_message(text)
    if whole is not None:
        return whole
    match = match_keyword(text, KEYWORDS)
    if match is None:
        return None
    typed = " ".join(text.casefold().split())
    exact = typed.lstrip(" \t#*!.").startswith(match.keyword.casefold())
    name = KEYWORDS[match.keyword]
    if name in _EXACT_ONLY and not exact:
        return None
    if name is CommandName.QUIET and match.rest and not _QUIET_REST.match(match.rest):
        return None  # "quiet week", "quiet night, 8 hours": everyday words, not QUIET
    return Command(name, match.rest, exact)


def _whole_message(text: str) -> Command | None:
    """Commands recognised only as a whole message (see `_MENU_MORE` and its neighbours)."""
    typed = " ".join(text.casefold().replace("?", " ").replace("!", " ").replace(".", " ").split())
    if _MENU_MORE.match(typed):
        return Command(CommandName.MENU, "2")
    if removed := _REMOVE_ONE.match(typed):
        return Command(CommandName.REMINDERS, f"off {removed.group(1)}")
    if change := whole_message_change(typed):
        return Command(CommandName.TOPICS, change)  # "ADD mood", "REMOVE money"
    if _STOP_ALL_REMINDERS.match(typed):
        return Command(CommandName.REMINDERS, "off")
    if typed in _HELP_TYPOS:
        return Command(CommandName.HELP_TOPIC, "")
    if asked := _HELP_WITH.match(typed):
        topic = help_topic(asked.group(1))
        return None if topic is None else Command(CommandName.HELP_TOPIC, topic)
    return None


def help_topic(words: str) -> str | None:
    """The command that "HELP <words>" asks about ("remind" -> "remind"), if any.

    Returns:
        A `CommandName` value, or "stop" for the carrier words; None when the words name
        no command (the whole message then gets no special meaning here).
    """
    folded = " ".join(words.casefold().split())
    if folded in _HELP_EXTRA:
        return _HELP_EXTRA[folded]
    match = match_keyword(folded, KEYWORDS)
    if match is None or match.rest:
        return None
    return KEYWORDS[match.keyword].value

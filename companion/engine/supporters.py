"""Supporters the person chooses: reading SUPPORTER commands, and the weekly good news. Pure.

A supporter gets encouragement only ("Alex checked in 5 days this week", "Alex met
their goal"), never a health value, unless the person chose a category for them
(`SUPPORTER SHARE Sam activity`) and confirmed it with YES. Nothing here sends or
stores anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from companion.engine.history import History
from companion.engine.runner import Say
from companion.engine.timing import at_london, london_date

MAX_SUPPORTERS = 3
MAX_NAME_CHARS = 30
# What a person may choose to share with a supporter, beyond encouragement.
SHARE_CATEGORIES = ("activity", "sleep")
_CATEGORY_WORDS = {
    "activity": frozenset(
        {
            "activity",
            "active",
            "steps",
            "step",
            "walking",
            "walks",
            "exercise",
            "aktywnosc",
            "aktywność",
            "kroki",
            "ruch",
        }
    ),
    "sleep": frozenset({"sleep", "sleeping", "sen", "snu", "spanie"}),
}
# The weekly good news goes on Sunday at 18:00 London time, about Monday to Sunday;
# a sweep that comes more than a day late sends nothing for that week.
SEND_WEEKDAY = 6
SEND_AT = time(18, 0)
SEND_WITHIN = timedelta(days=1)
_NUMBER = re.compile(r"(?<!\w)\+?\d[\d\s\-().]{6,}\d")
_NAME = re.compile(r"[^\W\d_][\w'\-]*")
_ALL_WORDS = frozenset({"all", "everything", "wszystko"})
# Every message about supporters the code sends (`companion.i18n.used`).
SUPPORTER_MESSAGES = frozenset(
    {
        "supporter-how", "supporter-list-none", "supporter-list-entry", "supporter-need-name",
        "supporter-number-unclear", "supporter-unnamed", "supporter-not-yourself",
        "supporter-already", "supporter-too-many", "supporter-invite-limit",
        "supporter-cannot-invite", "supporter-invitation", "supporter-invited",
        "supporter-not-found", "supporter-removed", "supporter-share-how",
        "supporter-share-who", "supporter-share-already", "supporter-share-ask",
        "supporter-shared", "supporter-share-declined", "supporter-unshared",
        "supporter-declined", "supporter-joined", "supporter-now-active",
        "supporter-invited-reask", "supporter-about", "supporter-left", "supporter-has-left",
        "supporter-weekly",
    }
)  # fmt: skip
# A supporter's way out besides STOP: the whole message, in either language.
LEAVE_WORDS = frozenset({"leave", "leave supporter", "opusc", "opuść", "rezygnuje", "rezygnuję"})


class SupporterReply(StrEnum):
    """What a supporter's own text means."""

    JOIN = "join"
    DECLINE = "decline"
    LEAVE = "leave"
    OTHER = "other"


def supporter_reply(body: str, yes: bool | None) -> SupporterReply | None:
    """LEAVE (the whole message), else the invitation's YES or NO if read, else None."""
    whole = " ".join(body.casefold().replace("!", " ").replace(".", " ").split())
    if whole in LEAVE_WORDS:
        return SupporterReply.LEAVE
    if yes is None:
        return None
    return SupporterReply.JOIN if yes else SupporterReply.DECLINE


@dataclass(frozen=True)
class ListSupporters:
    """SUPPORTERS: who supports the person and what each gets."""


@dataclass(frozen=True)
class Invite:
    """SUPPORTER [name] <number>: invite someone (`number` as typed, not yet checked)."""

    number: str
    name: str | None


@dataclass(frozen=True)
class Remove:
    """SUPPORTER REMOVE <name or last digits>."""

    who: str


@dataclass(frozen=True)
class Share:
    """SUPPORTER SHARE [name] <category>: asks the person to confirm with YES."""

    who: str
    category: str | None


@dataclass(frozen=True)
class Unshare:
    """SUPPORTER UNSHARE [name]: back to encouragement only, at once."""

    who: str


@dataclass(frozen=True)
class HowTo:
    """Words after SUPPORTER that are not one of its forms."""


SupporterCommand = ListSupporters | Invite | Remove | Share | Unshare | HowTo


def read_supporter_command(rest: str) -> SupporterCommand:
    """Read the words after SUPPORTER (or SUPPORTERS)."""
    words = " ".join(rest.split())
    if not words:
        return ListSupporters()
    first, _, after = words.partition(" ")
    verb = first.casefold()
    if verb in {"remove", "delete", "usun", "usuń"}:
        return Remove(after) if after else HowTo()
    if verb in {"share", "udostepnij", "udostępnij"}:
        category = category_in(after)
        return Share(_without_category(after), category)
    if verb in {"unshare", "private"}:
        return Unshare(after)
    found = _NUMBER.search(words)
    if found is None:
        return HowTo()
    name = _NAME.search(words[: found.start()] + " " + words[found.end() :])
    return Invite(found.group(), name.group()[:MAX_NAME_CHARS] if name else None)


def category_in(words: str) -> str | None:
    """The share category named in `words` ("steps" -> "activity"), if exactly one."""
    folded = set(words.casefold().split())
    found = [c for c in SHARE_CATEGORIES if folded & _CATEGORY_WORDS[c]]
    return found[0] if len(found) == 1 else None


def _without_category(words: str) -> str:
    every = frozenset().union(*_CATEGORY_WORDS.values())
    return " ".join(w for w in words.split() if w.casefold() not in every | _ALL_WORDS)


def matches(who: str, name: str, last_digits: str) -> bool:
    """Whether what the person typed ("Sam", "0123") names this supporter."""
    typed = who.casefold().strip()
    if not typed:
        return False
    return typed == name.casefold() or (typed.isdigit() and last_digits.endswith(typed))


@dataclass(frozen=True)
class WeekNews:
    """What a supporter may hear about one week (None: not shared, or nothing to say)."""

    checkin_days: int
    goal_met: bool
    active_minutes: int | None = None
    sleep_hours: float | None = None


def week_news(history: History, first_day: date, shares: frozenset[str]) -> WeekNews:
    """The week from `first_day` (seven London days): good news, and only what is shared."""
    days = [first_day + timedelta(days=n) for n in range(7)]
    by_day = history.by_day()
    logs = [by_day[d] for d in days if d in by_day]
    active = [_number(log.values.get("activity_minutes")) for log in logs]
    sleep = [_number(log.values.get("sleep_hours")) for log in logs]
    active_known = [a for a in active if a is not None]
    sleep_known = [s for s in sleep if s is not None]
    return WeekNews(
        checkin_days=sum(1 for log in logs if log.checked_in),
        goal_met=any(log.values.get("goal_review") == "done" for log in logs),
        active_minutes=int(sum(active_known))
        if "activity" in shares and sum(active_known) > 0
        else None,
        sleep_hours=round(sum(sleep_known) / len(sleep_known), 1)
        if "sleep" in shares and sleep_known
        else None,
    )


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def weekly_say(news: WeekNews, person_name: str) -> Say | None:
    """The supporter's weekly message, or None when there is no good news to tell."""
    if not (news.checkin_days or news.goal_met or news.active_minutes or news.sleep_hours):
        return None
    sleep = news.sleep_hours
    args: dict[str, str | int] = {
        "name": person_name[:MAX_NAME_CHARS],
        "days": news.checkin_days,
        "checked": "yes" if news.checkin_days else "no",
        "goal": "yes" if news.goal_met else "no",
        "active": "yes" if news.active_minutes else "no",
        "minutes": news.active_minutes or 0,
        "slept": "yes" if sleep is not None else "no",
        "hours": "0" if sleep is None else (f"{sleep:.0f}" if sleep.is_integer() else f"{sleep}"),
    }
    return Say("supporter-weekly", args=args)


@dataclass(frozen=True)
class WeekDue:
    """The week whose good news is due: its key ("2026-W23") and its Monday."""

    key: str
    first_day: date


def weekly_due(now: datetime) -> WeekDue | None:
    """The week to tell supporters about now, or None outside the sending window."""
    today = london_date(now)
    sunday = today - timedelta(days=(today.weekday() - SEND_WEEKDAY) % 7)
    if now < at_london(sunday, SEND_AT):
        sunday -= timedelta(days=7)
    if now - at_london(sunday, SEND_AT) > SEND_WITHIN:
        return None
    monday = sunday - timedelta(days=6)
    year, week, _ = monday.isocalendar()
    return WeekDue(f"{year}-W{week:02d}", monday)

"""Reading "APPT 3 Dec 10:30 GP" and "REMIND 8am tablets": when, and what, in their words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time, timedelta

from companion.engine.reading.parsing import Value
from companion.engine.reading.settings import parse_clock_time

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NUMERIC = re.compile(r"^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2,4}))?$")
_ORDINAL = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$")
MAX_WHAT = 40


@dataclass(frozen=True)
class Reminder:
    """When (a London wall time, and a day for one-off appointments) and what."""

    at: time
    what: str
    on: date | None = None


def _day(words: list[str], today: date) -> tuple[date, int] | None:
    """A date at the start of `words` and how many words it used (day/month, UK order)."""
    first = words[0].lower().rstrip(",")
    if first in ("today", "tomorrow"):
        return today + timedelta(days=first == "tomorrow"), 1
    if first[:3] in {d[:3] for d in _DAYS} and first.rstrip("s") in {
        *_DAYS,
        *(d[:3] for d in _DAYS),
    }:
        ahead = ([d[:3] for d in _DAYS].index(first[:3]) - today.weekday()) % 7 or 7
        return today + timedelta(days=ahead), 1
    numeric = _NUMERIC.match(first)
    if numeric:
        day, month, year = numeric.groups()
        return _future(today, int(day), int(month), year), 1
    ordinal = _ORDINAL.match(first)
    if ordinal and len(words) > 1 and words[1].lower().rstrip(",.") in _MONTHS:
        return _future(
            today, int(ordinal.group(1)), _MONTHS[words[1].lower().rstrip(",.")], None
        ), 2
    if first in _MONTHS and len(words) > 1 and (o := _ORDINAL.match(words[1].rstrip(","))):
        return _future(today, int(o.group(1)), _MONTHS[first], None), 2
    return None


def _future(today: date, day: int, month: int, year: str | None) -> date:
    if year is not None:
        full = int(year) + (2000 if len(year) == 2 else 0)
        return date(full, month, day)
    candidate = date(today.year, month, day)
    return candidate if candidate >= today else date(today.year + 1, month, day)


def _time_then_what(words: list[str]) -> tuple[time, str] | None:
    for used in (2, 1):  # "10 am GP" before "10am GP"
        if len(words) > used:
            parsed = parse_clock_time(" ".join(words[:used]))
            if isinstance(parsed, Value):
                return parsed.value, " ".join(words[used:])[:MAX_WHAT]
    return None


def read_reminder(text: str) -> Reminder | None:
    """'8am take my tablets' -> daily at 08:00, what='take my tablets'."""
    found = _time_then_what(text.split())
    if found is None or not found[1]:
        return None
    return Reminder(at=found[0], what=found[1])


def read_appointment(text: str, today: date) -> Reminder | None:
    """'3 Dec 10:30 GP' -> on 3 December at 10:30, what='GP'. None if unclear or past."""
    words = text.split()
    if len(words) < 3:
        return None
    try:
        found = _day(words, today)
    except ValueError:  # 31/02 and the like
        return None
    if found is None or found[0] < today:
        return None
    rest = _time_then_what(words[found[1] :])
    if rest is None or not rest[1]:
        return None
    return Reminder(at=rest[0], what=rest[1], on=found[0])

"""When a team answers TALK requests, and the promise that follows from it. Pure.

A team's hours are written as the operator types them, "Mon-Fri 09:00-17:00", and kept
on the coordinator's row with how many working days they aim to answer within. The
promise (`reply_due`) counts only working time, in London: a request on Friday at
16:00 with two working days to answer falls due on Tuesday at 16:00, and one sent on
Saturday on Tuesday at 17:00.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from companion.engine.timing import LONDON

DEFAULT_HOURS = "Mon-Fri 09:00-17:00"
DEFAULT_WITHIN_DAYS = 2
MAX_WITHIN_DAYS = 10
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_HOURS = re.compile(
    r"^\s*([a-z]{3})(?:\s*-\s*([a-z]{3}))?\s+(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$"
)


class InvalidHours(ValueError):
    """Working hours that do not read as "Mon-Fri 09:00-17:00"."""


@dataclass(frozen=True)
class WorkingHours:
    """The days (0 Monday to 6 Sunday, a run) and the daily window a team works."""

    first_day: int
    last_day: int
    start: time
    end: time
    within_days: int = DEFAULT_WITHIN_DAYS

    def works_on(self, weekday: int) -> bool:
        """Whether the team works on this weekday (0 is Monday)."""
        if self.first_day <= self.last_day:
            return self.first_day <= weekday <= self.last_day
        return weekday >= self.first_day or weekday <= self.last_day  # "Sat-Tue"

    @property
    def text(self) -> str:
        """The hours as stored and typed: "Mon-Fri 09:00-17:00"."""
        days = DAYS[self.first_day].title()
        if self.last_day != self.first_day:
            days += "-" + DAYS[self.last_day].title()
        return f"{days} {self.start:%H:%M}-{self.end:%H:%M}"


def parse_hours(text: str, within_days: int = DEFAULT_WITHIN_DAYS) -> WorkingHours:
    """Read "Mon-Fri 09:00-17:00" (or "Sat 10:00-14:00").

    Raises:
        InvalidHours: not in that form, an unknown day, a time that is not one, a
            window that ends before it starts, or a number of days outside 1 to 10.
    """
    match = _HOURS.match(text.casefold())
    if match is None:
        raise InvalidHours(text)
    first, last, *clock = match.groups()
    if first not in DAYS or (last or first) not in DAYS:
        raise InvalidHours(text)
    try:
        start = time(int(clock[0]), int(clock[1]))
        end = time(int(clock[2]), int(clock[3]))
    except ValueError as error:
        raise InvalidHours(text) from error
    if end <= start or not 1 <= within_days <= MAX_WITHIN_DAYS:
        raise InvalidHours(text)
    return WorkingHours(DAYS.index(first), DAYS.index(last or first), start, end, within_days)


def reply_due(asked_at: datetime, hours: WorkingHours) -> datetime:
    """When a request asked at `asked_at` is overdue: `within_days` days of working time later.

    Working time is counted only inside the team's hours, in London (so a request made
    in the evening or at the weekend starts counting at the next opening).
    """
    day_length = _minutes(hours.end) - _minutes(hours.start)
    left = day_length * hours.within_days
    local = asked_at.astimezone(LONDON)
    day = local.date()
    for _ in range(7 * (hours.within_days + 2)):  # bounded: at least one working day a week
        if hours.works_on(day.weekday()):
            opens = datetime.combine(day, hours.start, LONDON)
            closes = datetime.combine(day, hours.end, LONDON)
            begin = max(opens, min(local, closes))
            available = int((closes - begin).total_seconds() // 60)
            if left <= available:
                return (begin + timedelta(minutes=left)).astimezone(asked_at.tzinfo)
            left -= available
        day += timedelta(days=1)
    raise AssertionError("unreachable: a team works at least one day a week")  # pragma: no cover


def _minutes(at: time) -> int:
    return at.hour * 60 + at.minute

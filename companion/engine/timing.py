"""When things are due: a person's chosen London time as UTC instants, quiet hours, windows.

Pure: every function takes the instant it reasons about. All instants are aware UTC.

Clock changes, decided deliberately:
* A chosen time that does not exist on a spring-forward day (01:30 on the last Sunday
  of March) happens at the same moment the clock jumps past it: 01:30 GMT, which
  the clock shows as 02:30 BST. It is neither skipped nor sent twice.
* A chosen time that exists twice on the autumn day (01:30 on the last Sunday of
  October) happens once, at its first occurrence (BST, fold=0).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")


@dataclass(frozen=True)
class Window:
    """A London-time window that may run past midnight (21:30-08:00)."""

    start: time
    end: time

    def contains(self, moment: datetime) -> bool:
        """True if `moment` falls inside the window, in London time."""
        return self.contains_wall(moment.astimezone(LONDON).time())

    def contains_wall(self, local: time) -> bool:
        """True if a London wall time (a chosen check-in time, say) is inside the window."""
        if self.start <= self.end:
            return self.start <= local < self.end
        return local >= self.start or local < self.end

    def ends_after(self, moment: datetime) -> datetime:
        """The first instant at or after `moment` that is outside the window."""
        if not self.contains(moment):
            return moment
        day = london_date(moment)
        for offset in (0, 1):
            candidate = at_london(day + timedelta(days=offset), self.end)
            if candidate > moment:
                return candidate
        raise AssertionError("a window always ends within a day")  # pragma: no cover


def london_date(moment: datetime) -> date:
    """The calendar date in London at `moment`."""
    return moment.astimezone(LONDON).date()


def at_london(day: date, wall: time) -> datetime:
    """The UTC instant at which London's clock first shows `wall` on `day`.

    A wall time skipped by the spring change maps to the instant the clock jumped
    over it; one repeated in autumn maps to its first occurrence.
    """
    # fold=0 (PEP 495): an ambiguous time takes its first (BST) reading; a time in
    # the spring gap takes the offset from before the change (GMT), which is exactly
    # the moment the clock jumped past it.
    return datetime.combine(day, wall, tzinfo=LONDON).astimezone(UTC)


def next_daily(after: datetime, wall: time) -> datetime:
    """The first instant strictly after `after` when London shows `wall` (daily)."""
    day = london_date(after)
    while True:
        candidate = at_london(day, wall)
        if candidate > after:
            return candidate
        day += timedelta(days=1)


def next_daily_after_day(previous_due: datetime, wall: time) -> datetime:
    """Tomorrow's occurrence (London calendar), after one on `previous_due`'s day.

    Used after a due item runs, so an autumn-repeated hour cannot run it twice.
    """
    return at_london(london_date(previous_due) + timedelta(days=1), wall)


def parse_wall(text: str) -> time:
    """'HH:MM' as a time (the stored form of a person's chosen time)."""
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))

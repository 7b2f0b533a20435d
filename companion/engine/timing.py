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


_DAY_MINUTES = 24 * 60


def _minutes(window: Window) -> set[int]:
    start = window.start.hour * 60 + window.start.minute
    end = window.end.hour * 60 + window.end.minute
    length = (end - start) % _DAY_MINUTES
    return {(start + step) % _DAY_MINUTES for step in range(length)}


def joined(first: Window | None, second: Window | None) -> Window | None:
    """The quiet time both windows make together, if it is one window.

    Used for a person's own quiet hours: joined to the service's, they can widen the
    quiet time and never shorten it. Two windows that do not meet (22:00-08:00 and
    13:00-14:00) or that together cover the whole day have no single join: None.
    """
    if first is None or second is None:
        return first or second
    quiet = _minutes(first) | _minutes(second)
    starts = [m for m in quiet if (m - 1) % _DAY_MINUTES not in quiet]
    if len(starts) != 1:
        return None
    start = starts[0]
    end = next(
        m % _DAY_MINUTES
        for m in range(start, start + _DAY_MINUTES)
        if m % _DAY_MINUTES not in quiet
    )
    return Window(time(start // 60, start % 60), time(end // 60, end % 60))


def quiet_for(service: Window | None, personal: Window | None) -> Window | None:
    """The quiet time for one person: their own joined to the service's, never less."""
    together = joined(service, personal)
    return together if together is not None else service


def window_of(text: str | None) -> Window | None:
    """A stored "HH:MM-HH:MM" window (a person's quiet hours); None when unset."""
    if not text:
        return None
    start, end = text.split("-")
    return Window(parse_wall(start), parse_wall(end))


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

"""What a sweep does with one due item: run it now, hold it, skip it, or drop it. Pure.

The promises kept here: never at night (quiet hours), never late (a prompt past its
window is skipped, not sent), never a burst after downtime (the next occurrence is
the next one after now), never while paused, never after STOP.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from companion.engine.timing import Window, at_london, london_date, next_daily

# How long after its time a prompt may still go out, by kind.
WINDOWS = {
    "checkin": timedelta(hours=3),
    "weekly": timedelta(hours=6),
    "calendar": timedelta(hours=12),
    "reminder": timedelta(hours=1),
    "appointment": timedelta(hours=3),
}
BUSY_DEFER = timedelta(minutes=30)  # wait when another conversation has just started


class Action(StrEnum):
    """What a sweep does with a due item now."""

    RUN = "run"  # start it now, then move on to the next occurrence
    DEFER = "defer"  # keep it, try again at `due_at`
    SKIP = "skip"  # too late (or paused): do not send, move on to the next occurrence
    CANCEL = "cancel"  # the person stopped: drop it


@dataclass(frozen=True)
class Item:
    """The parts of a due item the decision needs."""

    kind: str
    repeat: str  # daily, weekly, yearly, once
    wall: time
    due_at: datetime
    valid_until: datetime


@dataclass(frozen=True)
class Facts:
    """The person, as far as timing is concerned."""

    active: bool
    paused_until: datetime | None = None
    busy_since: datetime | None = None  # when their open conversation started, if any


@dataclass(frozen=True)
class Decision:
    """What to do now, and when the item is next due (None: it is finished)."""

    action: Action
    next_due: datetime | None
    next_valid_until: datetime | None


def decide(item: Item, facts: Facts, now: datetime, quiet: Window | None) -> Decision:
    """Decide what happens to a due item at `now`."""
    if not facts.active:
        return Decision(Action.CANCEL, None, None)
    if facts.paused_until is not None and facts.paused_until > now:
        return _move_on(Action.SKIP, item, facts.paused_until)
    if now >= item.valid_until:
        return _move_on(Action.SKIP, item, now)
    hold_until = now
    if quiet is not None and quiet.contains(now):
        hold_until = quiet.ends_after(now)
    if facts.busy_since is not None and now - facts.busy_since < BUSY_DEFER:
        hold_until = max(hold_until, facts.busy_since + BUSY_DEFER)
    if hold_until > now:
        if hold_until >= item.valid_until:
            return _move_on(Action.SKIP, item, now)
        return Decision(Action.DEFER, hold_until, item.valid_until)
    return _move_on(Action.RUN, item, now)


def first_due(kind: str, repeat: str, wall: time, after: datetime) -> tuple[datetime, datetime]:
    """The first (due_at, valid_until) strictly after `after` for a new item."""
    due = next_daily(after, wall)
    if repeat == "weekly":
        due = at_london(london_date(after) + timedelta(days=7), wall)
    return due, due + WINDOWS[kind]


def _move_on(action: Action, item: Item, after: datetime) -> Decision:
    following = next_occurrence(item, after)
    if following is None:
        return Decision(action, None, None)
    return Decision(action, following, following + WINDOWS[item.kind])


def next_occurrence(item: Item, after: datetime) -> datetime | None:
    """The item's next time strictly after both its current time and `after`."""
    if item.repeat == "once":
        return None
    step = {"daily": 1, "weekly": 7}.get(item.repeat)
    # The day of the slot itself: a DEFER moves due_at (maybe past midnight), never valid_until.
    day = london_date(item.valid_until - WINDOWS[item.kind])
    if step == 1:  # after downtime, jump straight to the days around `after`
        day = max(day, london_date(after) - timedelta(days=2))
    while True:
        if step is None:  # yearly
            day = _next_year(day)
        else:
            day += timedelta(days=step)
        candidate = at_london(day, item.wall)
        if candidate > after:
            return candidate


def _next_year(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)

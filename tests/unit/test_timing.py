"""London wall times as UTC instants, clock changes both ways, quiet-hours windows."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from companion.engine.timing import (
    LONDON,
    Window,
    at_london,
    london_date,
    next_daily,
    next_daily_after_day,
    parse_wall,
)

NINE = time(9, 0)
HALF_ONE = time(1, 30)
SPRING = date(2026, 3, 29)  # last Sunday of March 2026: 01:00 GMT -> 02:00 BST
AUTUMN = date(2026, 10, 25)  # last Sunday of October 2026: 02:00 BST -> 01:00 GMT
QUIET = Window(time(21, 30), time(8, 0))
LUNCH = Window(time(12, 0), time(13, 0))
YEAR_START = datetime(2026, 1, 1, tzinfo=UTC)
YEAR_MICROSECONDS = 365 * 24 * 3600 * 10**6


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def london(day: date, hour: int, minute: int = 0, fold: int = 0) -> datetime:
    """The UTC instant of a London wall reading (fold=1: the second of a repeated hour)."""
    local = datetime(day.year, day.month, day.day, hour, minute, tzinfo=LONDON, fold=fold)
    return local.astimezone(UTC)


def wall_of(moment: datetime) -> time:
    return moment.astimezone(LONDON).time()


def occurrences_on(day: date, wall: time) -> list[datetime]:
    """Every instant next_daily yields whose London date is `day`, walking from the day before."""
    found: list[datetime] = []
    moment = london(day - timedelta(days=1), 12)
    while london_date(moment) <= day:
        moment = next_daily(moment, wall)
        if london_date(moment) == day:
            found.append(moment)
    return found


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 3, 28), utc(2026, 3, 28, 9)),  # Saturday, still GMT
        (SPRING, utc(2026, 3, 29, 8)),  # Sunday, BST from 01:00 GMT
        (date(2026, 3, 30), utc(2026, 3, 30, 8)),  # Monday, BST
        (date(2026, 10, 24), utc(2026, 10, 24, 8)),  # Saturday, still BST
        (AUTUMN, utc(2026, 10, 25, 9)),  # Sunday, GMT from 01:00 GMT
        (date(2026, 10, 26), utc(2026, 10, 26, 9)),  # Monday, GMT
    ],
)
def test_chosen_nine_is_nine_on_the_london_clock_around_both_changes(
    day: date, expected: datetime
) -> None:
    """09:00 chosen is 09:00 London on the days around a change: 09:00 UTC in GMT, 08:00 in BST."""
    due = at_london(day, NINE)
    assert due == expected
    assert wall_of(due) == NINE
    assert london_date(due) == day


def test_next_daily_just_before_the_time_is_today() -> None:
    """A minute before 09:00 London, the next 09:00 is the same morning."""
    assert next_daily(london(date(2026, 7, 1), 8, 59), NINE) == utc(2026, 7, 1, 8)


def test_next_daily_at_or_just_after_the_time_is_tomorrow() -> None:
    """At 09:00 exactly, or a minute after, the next 09:00 is tomorrow (strictly after)."""
    tomorrow = utc(2026, 1, 16, 9)
    assert next_daily(utc(2026, 1, 15, 9), NINE) == tomorrow
    assert next_daily(utc(2026, 1, 15, 9, 1), NINE) == tomorrow


def test_next_daily_over_the_spring_change_is_23_hours_later() -> None:
    """From Saturday 09:01 GMT the next 09:00 is Sunday 09:00 BST, 08:00 UTC."""
    after = london(date(2026, 3, 28), 9, 1)
    nxt = next_daily(after, NINE)
    assert nxt == utc(2026, 3, 29, 8)
    assert nxt - after == timedelta(hours=22, minutes=59)


def test_next_daily_over_the_autumn_change_is_25_hours_later() -> None:
    """From Saturday 09:01 BST the next 09:00 is Sunday 09:00 GMT, 09:00 UTC."""
    after = london(date(2026, 10, 24), 9, 1)
    nxt = next_daily(after, NINE)
    assert nxt == utc(2026, 10, 25, 9)
    assert nxt - after == timedelta(hours=24, minutes=59)


def test_next_daily_uses_the_london_date_not_the_utc_date() -> None:
    """At 23:30 UTC in summer it is already tomorrow in London: 00:15 is 45 minutes away."""
    after = utc(2026, 7, 1, 23, 30)  # 00:30 BST on 2 July
    assert next_daily(after, time(0, 15)) == utc(2026, 7, 2, 23, 15)
    assert next_daily(after, time(0, 45)) == utc(2026, 7, 1, 23, 45)


def test_spring_gap_time_maps_to_the_moment_the_clock_jumps() -> None:
    """01:30 on 29 March 2026 does not exist: it is 01:30 UTC, shown as 02:30 BST."""
    due = at_london(SPRING, HALF_ONE)
    assert due == utc(2026, 3, 29, 1, 30)
    assert wall_of(due) == time(2, 30)
    assert london_date(due) == SPRING


def test_spring_gap_time_happens_exactly_once_that_day() -> None:
    """A daily 01:30 fires once on the spring-forward Sunday, then 01:30 BST on Monday."""
    assert occurrences_on(SPRING, HALF_ONE) == [utc(2026, 3, 29, 1, 30)]
    assert next_daily(utc(2026, 3, 29, 1, 30), HALF_ONE) == utc(2026, 3, 30, 0, 30)


def test_autumn_repeated_time_is_its_first_occurrence() -> None:
    """01:30 on 25 October 2026 exists twice; it is the first, 01:30 BST = 00:30 UTC."""
    assert at_london(AUTUMN, HALF_ONE) == utc(2026, 10, 25, 0, 30)
    assert at_london(AUTUMN, HALF_ONE) == london(AUTUMN, 1, 30, fold=0)
    assert london(AUTUMN, 1, 30, fold=1) == utc(2026, 10, 25, 1, 30)


def test_autumn_repeated_time_happens_exactly_once_that_day() -> None:
    """A daily 01:30 fires once on the autumn Sunday: never again at the second 01:30."""
    assert occurrences_on(AUTUMN, HALF_ONE) == [utc(2026, 10, 25, 0, 30)]


@pytest.mark.parametrize(
    "after",
    [
        utc(2026, 10, 25, 0, 30),  # the first 01:30 itself
        utc(2026, 10, 25, 1, 0),  # 01:00 GMT, between the two readings of 01:30
        utc(2026, 10, 25, 1, 29),  # just before the second 01:30
    ],
)
def test_after_the_first_autumn_half_one_the_next_is_monday(after: datetime) -> None:
    """After the first 01:30 on 25 October the next is 26 October, not the second 01:30."""
    assert next_daily(after, HALF_ONE) == utc(2026, 10, 26, 1, 30)


def test_next_daily_after_day_skips_the_repeated_hour() -> None:
    """After running at the first autumn 01:30, tomorrow's run is Monday 01:30 GMT."""
    assert next_daily_after_day(utc(2026, 10, 25, 0, 30), HALF_ONE) == utc(2026, 10, 26, 1, 30)


@pytest.mark.parametrize(
    "day",
    [date(2026, 1, 14), date(2026, 7, 14), SPRING, AUTUMN, date(2026, 3, 28), date(2026, 10, 24)],
)
def test_quiet_window_contains_night_times_in_london(day: date) -> None:
    """21:30-08:00 holds 21:30, 23:00, 07:59 London, whatever the offset that day."""
    for hour, minute in ((21, 30), (23, 0), (7, 59), (0, 0)):
        assert QUIET.contains(london(day, hour, minute)), (day, hour, minute)


@pytest.mark.parametrize(
    "day",
    [date(2026, 1, 14), date(2026, 7, 14), SPRING, AUTUMN, date(2026, 3, 28), date(2026, 10, 24)],
)
def test_quiet_window_excludes_its_end_and_the_day(day: date) -> None:
    """21:30-08:00 does not hold 08:00 (the end) or 21:29 London, nor midday."""
    for hour, minute in ((8, 0), (21, 29), (12, 0)):
        assert not QUIET.contains(london(day, hour, minute)), (day, hour, minute)


def test_quiet_window_reads_the_london_clock_not_utc() -> None:
    """In summer 07:30 UTC is 08:30 BST (outside), 21:00 UTC is 22:00 BST (inside)."""
    assert not QUIET.contains(utc(2026, 7, 14, 7, 30))
    assert QUIET.contains(utc(2026, 7, 14, 21, 0))
    assert QUIET.contains(utc(2026, 1, 14, 7, 30))
    assert not QUIET.contains(utc(2026, 1, 14, 21, 0))


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        (london(date(2026, 1, 14), 22), utc(2026, 1, 15, 8)),
        (london(date(2026, 1, 15), 2), utc(2026, 1, 15, 8)),
        (london(date(2026, 7, 14), 22), utc(2026, 7, 15, 7)),
        (london(date(2026, 7, 15), 2), utc(2026, 7, 15, 7)),
        (london(date(2026, 3, 28), 22), utc(2026, 3, 29, 7)),  # GMT evening, BST morning
        (london(date(2026, 10, 24), 22), utc(2026, 10, 25, 8)),  # BST evening, GMT morning
    ],
)
def test_quiet_window_ends_at_eight_london_next_morning(
    start: datetime, expected: datetime
) -> None:
    """From 22:00 or 02:00 the quiet window ends at 08:00 London that next morning."""
    end = QUIET.ends_after(start)
    assert end == expected
    assert wall_of(end) == time(8, 0)


def test_ends_after_outside_the_window_is_the_moment_itself() -> None:
    """At 08:00 or 15:00 London nothing is held: ends_after returns the same instant."""
    for moment in (london(date(2026, 7, 14), 8), london(date(2026, 1, 14), 15)):
        assert QUIET.ends_after(moment) == moment


def test_window_within_one_day_holds_only_its_hour() -> None:
    """12:00-13:00 holds 12:00 and 12:59, not 11:59, 13:00 or 23:00 (no midnight wrap)."""
    day = date(2026, 7, 14)
    assert LUNCH.contains(london(day, 12, 0))
    assert LUNCH.contains(london(day, 12, 59))
    for hour, minute in ((11, 59), (13, 0), (23, 0), (0, 30)):
        assert not LUNCH.contains(london(day, hour, minute)), (hour, minute)


def test_window_within_one_day_ends_the_same_day() -> None:
    """From 12:30 London a 12:00-13:00 window ends at 13:00 the same day."""
    assert LUNCH.ends_after(london(date(2026, 7, 14), 12, 30)) == utc(2026, 7, 14, 12)


def test_london_date_follows_the_london_clock() -> None:
    """23:30 UTC is the next day in London in summer, the same day in winter."""
    assert london_date(utc(2026, 7, 1, 23, 30)) == date(2026, 7, 2)
    assert london_date(utc(2026, 1, 1, 23, 30)) == date(2026, 1, 1)


def test_parse_wall_reads_hours_and_minutes() -> None:
    """'07:05' is 07:05 and '21:30' is 21:30."""
    assert parse_wall("07:05") == time(7, 5)
    assert parse_wall("21:30") == time(21, 30)


def in_spring_gap(moment: datetime, wall: time) -> bool:
    return london_date(moment) == SPRING and time(1, 0) <= wall < time(2, 0)


@given(
    hour=st.integers(0, 23),
    minute=st.integers(0, 59),
    offset=st.integers(0, YEAR_MICROSECONDS - 1),
)
@example(hour=1, minute=30, offset=int((utc(2026, 3, 29) - YEAR_START).total_seconds()) * 10**6)
@example(
    hour=1, minute=30, offset=int((utc(2026, 10, 25, 0, 30) - YEAR_START).total_seconds()) * 10**6
)
@example(
    hour=9, minute=0, offset=int((utc(2026, 10, 24, 8, 1) - YEAR_START).total_seconds()) * 10**6
)
def test_next_daily_is_the_next_london_wall_time(hour: int, minute: int, offset: int) -> None:
    """next_daily is strictly later, at most 25 hours on, and shows the wall time in London."""
    wall = time(hour, minute)
    after = YEAR_START + timedelta(microseconds=offset)
    nxt = next_daily(after, wall)
    assert nxt > after
    assert at_london(london_date(nxt) - timedelta(days=1), wall) <= after  # no slot passed over
    assert nxt - after <= timedelta(hours=25)
    if in_spring_gap(nxt, wall):
        assert nxt == at_london(SPRING, wall)
        assert wall_of(nxt) == time(hour + 1, minute)
    else:
        assert wall_of(nxt) == wall

"""decide() for one due item: cancel, skip, defer or run, and when it is next due."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

import pytest

from companion.engine.due import (
    BUSY_DEFER,
    WINDOWS,
    Action,
    Decision,
    Facts,
    Item,
    decide,
    first_due,
    next_occurrence,
)
from companion.engine.timing import LONDON, Window, at_london

NINE = time(9, 0)
QUIET = Window(time(21, 30), time(8, 0))
ACTIVE = Facts(active=True)
JUNE_15 = date(2026, 6, 15)  # a Monday in BST


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def london(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=LONDON).astimezone(UTC)


def item_on(day: date, wall: time = NINE, *, kind: str = "checkin", repeat: str = "daily") -> Item:
    """An item due at `wall` London on `day`, valid for its kind's window."""
    due = at_london(day, wall)
    return Item(kind, repeat, wall, due, due + WINDOWS[kind])


def apply(item: Item, decision: Decision) -> Item:
    """The item as the sweep stores it after a decision (recurring items only)."""
    assert decision.next_due is not None
    assert decision.next_valid_until is not None
    return replace(item, due_at=decision.next_due, valid_until=decision.next_valid_until)


def test_inactive_person_cancels_the_item() -> None:
    """After STOP the item is cancelled and has no next time, paused or not."""
    item = item_on(JUNE_15)
    for facts in (Facts(active=False), Facts(active=False, paused_until=utc(2026, 7, 1))):
        assert decide(item, facts, item.due_at, QUIET) == Decision(Action.CANCEL, None, None)


def test_paused_person_skips_to_the_first_time_after_the_pause() -> None:
    """Paused until 18 June noon, a daily 09:00 is skipped and next due 19 June 09:00."""
    item = item_on(JUNE_15)
    facts = Facts(active=True, paused_until=london(date(2026, 6, 18), 12))
    decision = decide(item, facts, item.due_at, QUIET)
    expected = london(date(2026, 6, 19), 9)
    assert decision == Decision(Action.SKIP, expected, expected + WINDOWS["checkin"])


def test_pause_ending_before_the_time_that_day_resumes_that_day() -> None:
    """Paused until 18 June 08:00, the daily 09:00 is next due 18 June 09:00."""
    item = item_on(JUNE_15)
    facts = Facts(active=True, paused_until=london(date(2026, 6, 18), 8))
    decision = decide(item, facts, item.due_at, QUIET)
    assert decision.action is Action.SKIP
    assert decision.next_due == london(date(2026, 6, 18), 9)


def test_once_the_pause_is_over_the_item_runs() -> None:
    """A pause that ended at or before now no longer holds the item back."""
    item = item_on(JUNE_15)
    for paused_until in (item.due_at, item.due_at - timedelta(days=1)):
        facts = Facts(active=True, paused_until=paused_until)
        assert decide(item, facts, item.due_at, QUIET).action is Action.RUN


def test_item_past_its_window_is_skipped_not_sent() -> None:
    """At 12:00 a 09:00 check-in (3-hour window) is skipped; one minute earlier it runs."""
    item = item_on(JUNE_15)
    assert decide(item, ACTIVE, item.valid_until - timedelta(minutes=1), QUIET).action is Action.RUN
    late = decide(item, ACTIVE, item.valid_until, QUIET)
    assert late.action is Action.SKIP
    assert late.next_due == london(date(2026, 6, 16), 9)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (london(date(2026, 6, 18), 10), london(date(2026, 6, 19), 9)),  # after today's slot
        (london(date(2026, 6, 18), 7), london(date(2026, 6, 18), 9)),  # before today's slot
    ],
)
def test_downtime_of_three_days_gives_one_skip_and_no_burst(
    now: datetime, expected: datetime
) -> None:
    """Back after 3 days down, one decision skips the stale item; the next is the coming slot."""
    item = item_on(JUNE_15)
    decisions = []
    while item.due_at <= now:  # what the sweep does: handle everything due by now
        decision = decide(item, ACTIVE, now, QUIET)
        decisions.append(decision.action)
        item = apply(item, decision)
    assert decisions == [Action.SKIP]
    assert item.due_at == expected
    assert item.valid_until == expected + WINDOWS["checkin"]


def test_in_quiet_hours_and_valid_past_their_end_defers_to_the_end() -> None:
    """A 07:00 check-in (valid to 10:00) at 07:00 is held until 08:00, keeping its window."""
    item = item_on(JUNE_15, time(7, 0))
    decision = decide(item, ACTIVE, item.due_at, QUIET)
    assert decision == Decision(Action.DEFER, london(JUNE_15, 8), item.valid_until)


def test_deferred_item_runs_when_quiet_hours_end() -> None:
    """The 07:00 check-in held to 08:00 runs at 08:00 and is next due tomorrow 07:00."""
    item = item_on(JUNE_15, time(7, 0))
    held = apply(item, decide(item, ACTIVE, item.due_at, QUIET))
    decision = decide(held, ACTIVE, held.due_at, QUIET)
    assert decision.action is Action.RUN
    assert decision.next_due == london(date(2026, 6, 16), 7)


@pytest.mark.parametrize(
    ("wall", "kind"),
    [(time(6, 0), "reminder"), (time(5, 0), "checkin"), (time(22, 0), "checkin")],
)
def test_in_quiet_hours_with_window_ending_first_is_skipped(wall: time, kind: str) -> None:
    """If the window closes by 08:00 (06:00 reminder, 05:00 or 22:00 check-in), it is skipped."""
    item = item_on(JUNE_15, wall, kind=kind)
    decision = decide(item, ACTIVE, item.due_at, QUIET)
    assert decision.action is Action.SKIP
    assert decision.next_due == at_london(date(2026, 6, 16), wall)


def test_quiet_hours_off_lets_a_night_item_run() -> None:
    """With no quiet window a 23:00 check-in runs at 23:00."""
    item = item_on(JUNE_15, time(23, 0))
    assert decide(item, ACTIVE, item.due_at, None).action is Action.RUN


def test_busy_person_defers_until_thirty_minutes_after_their_conversation_began() -> None:
    """A conversation begun 10 minutes ago holds the item until it is 30 minutes old."""
    item = item_on(JUNE_15)
    busy_since = item.due_at - timedelta(minutes=10)
    decision = decide(item, Facts(active=True, busy_since=busy_since), item.due_at, QUIET)
    assert decision == Decision(Action.DEFER, busy_since + BUSY_DEFER, item.valid_until)
    assert busy_since + BUSY_DEFER == item.due_at + timedelta(minutes=20)


def test_conversation_older_than_thirty_minutes_does_not_hold_the_item() -> None:
    """A conversation begun 30 minutes ago no longer defers: the item runs."""
    item = item_on(JUNE_15)
    facts = Facts(active=True, busy_since=item.due_at - BUSY_DEFER)
    assert decide(item, facts, item.due_at, QUIET).action is Action.RUN


def test_busy_hold_past_the_window_is_a_skip() -> None:
    """A reminder 50 minutes late with a fresh conversation cannot wait 30 more: skipped."""
    item = item_on(JUNE_15, kind="reminder")
    now = item.due_at + timedelta(minutes=50)
    decision = decide(item, Facts(active=True, busy_since=now), now, QUIET)
    assert decision.action is Action.SKIP
    assert decision.next_due == london(date(2026, 6, 16), 9)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (JUNE_15, utc(2026, 6, 16, 8)),
        (date(2026, 3, 28), utc(2026, 3, 29, 8)),  # Saturday GMT -> Sunday BST
        (date(2026, 10, 24), utc(2026, 10, 25, 9)),  # Saturday BST -> Sunday GMT
    ],
)
def test_run_moves_a_daily_item_to_tomorrow_same_wall_time(day: date, expected: datetime) -> None:
    """After a run a daily 09:00 is next due 09:00 London tomorrow, across clock changes."""
    item = item_on(day)
    decision = decide(item, ACTIVE, item.due_at, QUIET)
    assert decision == Decision(Action.RUN, expected, expected + WINDOWS["checkin"])


def test_run_late_in_the_window_still_moves_to_tomorrow() -> None:
    """A 09:00 check-in run at 11:30 is next due 09:00 tomorrow, not again today."""
    item = item_on(JUNE_15)
    decision = decide(item, ACTIVE, london(JUNE_15, 11, 30), QUIET)
    assert decision.action is Action.RUN
    assert decision.next_due == london(date(2026, 6, 16), 9)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (JUNE_15, utc(2026, 6, 22, 8)),
        (date(2026, 3, 22), utc(2026, 3, 29, 8)),  # 167 hours: over the spring change
        (date(2026, 10, 18), utc(2026, 10, 25, 9)),  # 169 hours: over the autumn change
    ],
)
def test_run_moves_a_weekly_item_seven_days_on(day: date, expected: datetime) -> None:
    """After a run a weekly 09:00 is next due 09:00 London seven days later."""
    item = item_on(day, kind="weekly", repeat="weekly")
    decision = decide(item, ACTIVE, item.due_at, QUIET)
    assert decision == Decision(Action.RUN, expected, expected + WINDOWS["weekly"])


@pytest.mark.parametrize(
    ("day", "expected_day"),
    [(JUNE_15, date(2027, 6, 15)), (date(2028, 2, 29), date(2029, 2, 28))],
)
def test_run_moves_a_yearly_item_to_next_year(day: date, expected_day: date) -> None:
    """After a run a yearly item is next due the same date next year; 29 Feb becomes 28 Feb."""
    item = item_on(day, kind="calendar", repeat="yearly")
    decision = decide(item, ACTIVE, item.due_at, QUIET)
    expected = at_london(expected_day, NINE)
    assert decision == Decision(Action.RUN, expected, expected + WINDOWS["calendar"])


def test_run_finishes_a_one_off_item() -> None:
    """A one-off item runs once and then has no next time."""
    item = item_on(JUNE_15, kind="appointment", repeat="once")
    assert decide(item, ACTIVE, item.due_at, QUIET) == Decision(Action.RUN, None, None)


def test_one_off_item_skipped_while_paused_is_finished() -> None:
    """A one-off reminder that falls in a pause is skipped and not rescheduled."""
    item = item_on(JUNE_15, kind="reminder", repeat="once")
    facts = Facts(active=True, paused_until=utc(2026, 7, 1))
    assert decide(item, facts, item.due_at, QUIET) == Decision(Action.SKIP, None, None)


def test_spring_gap_item_runs_once_on_the_sunday_then_at_the_wall_time() -> None:
    """A daily 01:30 runs at 01:30 UTC on 29 March (02:30 BST), then 01:30 BST Monday."""
    item = item_on(date(2026, 3, 28), time(1, 30))
    runs = []
    for _ in range(3):
        decision = decide(item, ACTIVE, item.due_at, None)
        assert decision.action is Action.RUN
        runs.append(item.due_at)
        item = apply(item, decision)
    assert runs == [utc(2026, 3, 28, 1, 30), utc(2026, 3, 29, 1, 30), utc(2026, 3, 30, 0, 30)]


def test_autumn_repeated_item_runs_at_the_first_and_not_the_second() -> None:
    """A daily 01:30 runs at 00:30 UTC on 25 October; the next is 26 October 01:30 GMT."""
    item = item_on(date(2026, 10, 25), time(1, 30))
    assert item.due_at == utc(2026, 10, 25, 0, 30)
    decision = decide(item, ACTIVE, item.due_at, None)
    assert decision.action is Action.RUN
    assert decision.next_due == utc(2026, 10, 26, 1, 30)
    second_half_one = utc(2026, 10, 25, 1, 30)
    assert next_occurrence(item, second_half_one) == utc(2026, 10, 26, 1, 30)


def test_first_due_daily_is_today_if_still_ahead_else_tomorrow() -> None:
    """A new daily 09:00 made at 08:00 is due today; made at 09:00 it is due tomorrow."""
    today, tomorrow = london(JUNE_15, 9), london(date(2026, 6, 16), 9)
    assert first_due("checkin", "daily", NINE, london(JUNE_15, 8)) == (
        today,
        today + timedelta(hours=3),
    )
    assert first_due("checkin", "daily", NINE, today) == (tomorrow, tomorrow + timedelta(hours=3))


@pytest.mark.parametrize("made_at", [time(8, 0), time(10, 0)])
def test_first_due_weekly_is_a_week_on(made_at: time) -> None:
    """A new weekly 09:00 made on Monday 15 June is first due Monday 22 June 09:00."""
    due, valid = first_due("weekly", "weekly", NINE, london(JUNE_15, made_at.hour))
    assert due == london(date(2026, 6, 22), 9)
    assert valid == due + timedelta(hours=6)


def test_first_due_weekly_over_the_spring_change_keeps_the_wall_time() -> None:
    """A weekly 09:00 made on Sunday 22 March is first due 09:00 BST (08:00 UTC) on the 29th."""
    due, _ = first_due("weekly", "weekly", NINE, london(date(2026, 3, 22), 10))
    assert due == utc(2026, 3, 29, 8)


@pytest.mark.parametrize(
    ("kind", "hours"),
    [("checkin", 3), ("weekly", 6), ("calendar", 12), ("reminder", 1), ("appointment", 3)],
)
def test_each_kind_may_go_out_only_within_its_window(kind: str, hours: int) -> None:
    """A prompt runs until its kind's window closes (1 to 12 hours) and is skipped from then."""
    item = item_on(JUNE_15, time(8, 0), kind=kind)
    closes = item.due_at + timedelta(hours=hours)
    assert item.valid_until == closes
    assert decide(item, ACTIVE, closes - timedelta(minutes=1), QUIET).action is Action.RUN
    assert decide(item, ACTIVE, closes, QUIET).action is Action.SKIP
    _, valid = first_due(kind, "daily", time(8, 0), london(JUNE_15, 7))
    assert valid == closes


def test_daily_item_deferred_past_midnight_is_not_skipped_the_next_day() -> None:
    """A 23:50 check-in held by a conversation to 00:05 is next due 23:50 that same day."""
    item = item_on(JUNE_15, time(23, 50))
    busy = Facts(active=True, busy_since=item.due_at - timedelta(minutes=15))
    held = apply(item, decide(item, busy, item.due_at, None))
    assert held.due_at == london(date(2026, 6, 16), 0, 5)
    decision = decide(held, ACTIVE, held.due_at, None)
    assert decision.action is Action.RUN
    assert decision.next_due == london(date(2026, 6, 16), 23, 50)


def test_weekly_item_deferred_past_midnight_keeps_its_weekday() -> None:
    """A Monday 23:50 weekly prompt held to Tuesday 00:05 is next due the following Monday."""
    item = item_on(JUNE_15, time(23, 50), kind="weekly", repeat="weekly")
    busy = Facts(active=True, busy_since=item.due_at - timedelta(minutes=15))
    held = apply(item, decide(item, busy, item.due_at, None))
    decision = decide(held, ACTIVE, held.due_at, None)
    assert decision.action is Action.RUN
    assert decision.next_due == london(date(2026, 6, 22), 23, 50)


def test_yearly_item_held_through_quiet_hours_keeps_its_date() -> None:
    """A 21:00 yearly check held into quiet hours and run at 08:00 keeps its date."""
    item = item_on(JUNE_15, time(21, 0), kind="calendar", repeat="yearly")
    now = item.due_at + timedelta(minutes=10)
    busy = Facts(active=True, busy_since=now)
    held = apply(item, decide(item, busy, now, QUIET))
    assert held.due_at == london(JUNE_15, 21, 40)
    held = apply(held, decide(held, ACTIVE, held.due_at, QUIET))
    assert held.due_at == london(date(2026, 6, 16), 8)
    decision = decide(held, ACTIVE, held.due_at, QUIET)
    assert decision.action is Action.RUN
    assert decision.next_due == london(date(2027, 6, 15), 21)


def test_weekly_item_whose_wall_time_changed_keeps_its_weekday() -> None:
    """A Monday 09:00 weekly item whose wall time became 10:00 is next due Monday 10:00."""
    item = replace(item_on(JUNE_15, kind="weekly", repeat="weekly"), wall=time(10, 0))
    decision = decide(item, ACTIVE, item.due_at, QUIET)
    assert decision.action is Action.RUN
    assert decision.next_due == london(date(2026, 6, 22), 10)


def test_next_occurrence_is_strictly_after_the_given_instant() -> None:
    """Asked from exactly a later slot (18 June 09:00), the next occurrence is the one after."""
    item = item_on(JUNE_15)
    assert next_occurrence(item, london(date(2026, 6, 18), 9)) == london(date(2026, 6, 19), 9)
    weekly = item_on(JUNE_15, kind="weekly", repeat="weekly")
    assert next_occurrence(weekly, london(date(2026, 6, 22), 9)) == london(date(2026, 6, 29), 9)

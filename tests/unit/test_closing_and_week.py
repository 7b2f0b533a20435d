"""The check-in closing line and MY WEEK: a person's own numbers, good news first."""

from __future__ import annotations

from datetime import date, timedelta

from companion.engine.closing import closing_line
from companion.engine.history import DayLog, History
from companion.engine.reading.answers import Stored
from companion.engine.runner import Say
from companion.engine.week import NONE, my_week

TODAY = date(2026, 3, 10)


def day(days_ago: int, checked_in: bool = True, **values: Stored) -> DayLog:
    """A day `days_ago` before TODAY with these logged values."""
    return DayLog(TODAY - timedelta(days=days_ago), values, checked_in)


def test_personal_best_of_activity_beats_a_streak() -> None:
    """More activity today than any day in the last four weeks is noticed before a streak."""
    history = History(
        TODAY,
        [day(0, activity_minutes=45), day(1, activity_minutes=30), day(2), day(3), day(4)],
        goal="walk to the park",
    )
    assert history.streak() == 5
    assert closing_line(history) == Say("closing-best-activity-minutes", args={"value": "45"})


def test_personal_best_of_fruit_and_veg_is_noticed() -> None:
    """More fruit and veg portions than before is a personal best too."""
    history = History(TODAY, [day(0, fruit_veg_portions=5), day(6, fruit_veg_portions=3)])
    assert closing_line(history) == Say("closing-best-fruit-veg-portions", args={"value": "5"})


def test_personal_best_shows_a_fraction_to_one_place() -> None:
    """A fractional best is shown to one decimal place."""
    history = History(TODAY, [day(0, activity_minutes=40.5), day(2, activity_minutes=40)])
    assert closing_line(history).args == {"value": "40.5"}


def test_equalling_the_best_is_not_a_new_best() -> None:
    """Matching the previous best is not a personal best; the streak is mentioned instead."""
    history = History(TODAY, [day(0, activity_minutes=30), day(1, activity_minutes=30), day(2)])
    assert closing_line(history) == Say("closing-streak", args={"days": 3})


def test_first_ever_value_is_not_a_personal_best() -> None:
    """With nothing to compare against, a first value is not called a best."""
    history = History(TODAY, [day(0, activity_minutes=20)])
    assert closing_line(history) == Say("closing-thanks")


def test_best_only_looks_back_four_weeks() -> None:
    """A higher value more than 28 days ago does not stop today's best."""
    history = History(
        TODAY,
        [day(0, activity_minutes=40), day(5, activity_minutes=20), day(29, activity_minutes=300)],
    )
    assert closing_line(history).message_id == "closing-best-activity-minutes"


def test_sleep_is_never_a_personal_best() -> None:
    """More sleep is not treated as an achievement."""
    history = History(TODAY, [day(0, sleep_hours=11), day(1, sleep_hours=7)])
    assert closing_line(history) == Say("closing-thanks")


def test_zero_activity_is_never_a_best() -> None:
    """A zero is not praised as a best even when earlier days were zero too."""
    history = History(TODAY, [day(0, activity_minutes=0), day(1, activity_minutes=0)])
    assert closing_line(history) == Say("closing-thanks")


def test_streak_of_three_is_mentioned() -> None:
    """Three check-in days in a row are mentioned, with the count."""
    history = History(TODAY, [day(0), day(1), day(2)], goal="walk")
    assert closing_line(history) == Say("closing-streak", args={"days": 3})


def test_streak_counts_to_yesterday_before_todays_checkin() -> None:
    """Before today's check-in is logged, a streak ending yesterday still counts."""
    history = History(TODAY, [day(1), day(2), day(3), day(5)])
    assert history.streak() == 3
    assert closing_line(history) == Say("closing-streak", args={"days": 3})


def test_streak_of_two_mentions_the_goal_instead() -> None:
    """Below three days, the person's goal is mentioned when they have one."""
    history = History(TODAY, [day(0), day(1), day(3)], goal="walk to the park")
    assert history.streak() == 2
    assert closing_line(history) == Say("closing-goal")


def test_days_without_a_checkin_break_the_streak() -> None:
    """A logged value without a check-in does not extend a streak."""
    history = History(TODAY, [day(0), day(1), day(2, checked_in=False, weight_kg=84)])
    assert history.streak() == 2


def test_thanks_when_nothing_else_to_notice() -> None:
    """No best, no streak, no goal: a plain thank you."""
    assert closing_line(History(TODAY, [day(0, sleep_hours=7)])) == Say("closing-thanks")
    assert closing_line(History(TODAY)) == Say("closing-thanks")


def test_my_week_counts_sums_and_averages_the_last_seven_days_only() -> None:
    """Days logged and values come from today and the six days before, nothing older."""
    history = History(
        TODAY,
        [
            day(0, sleep_hours=7, activity_minutes=30),
            day(1, sleep_hours=6.5, activity_minutes=20),
            day(3, checked_in=False, weight_kg=85),
            day(4, weight_kg=84.2),
            day(6, sleep_hours=8),
            day(7, sleep_hours=2, activity_minutes=500, weight_kg=99),
            day(8),
        ],
    )
    (week,) = my_week(history)
    assert week == Say(
        "my-week",
        args={"logged": 4, "sleep": "7.2", "active": "50", "weight": "85", "streak": 2},
    )


def test_my_week_reports_the_latest_weight() -> None:
    """The weight shown is the most recent one, whatever order the days come in."""
    history = History(TODAY, [day(1, weight_kg=83), day(5, weight_kg=86)])
    assert my_week(history)[0].args["weight"] == "83"


def test_my_week_includes_the_goal_as_a_second_message_when_set() -> None:
    """A set goal comes back as its own second message."""
    history = History(TODAY, [day(0, sleep_hours=7)], goal="walk to the park twice")
    says = my_week(history)
    assert [say.message_id for say in says] == ["my-week", "my-week-goal"]
    assert says[1].args == {"goal": "walk to the park twice"}


def test_my_week_has_no_goal_message_without_a_goal() -> None:
    """Without a goal MY WEEK is one message."""
    assert [s.message_id for s in my_week(History(TODAY, [day(0)]))] == ["my-week"]


def test_my_week_says_none_for_what_was_not_logged() -> None:
    """Values with nothing logged this week are "none"; what was logged still shows."""
    history = History(TODAY, [day(1, checked_in=False, weight_kg=80), day(9, sleep_hours=7)])
    assert my_week(history) == (
        Say(
            "my-week",
            args={"logged": 0, "sleep": NONE, "active": NONE, "weight": "80", "streak": 0},
        ),
    )


def test_my_week_welcomes_someone_new_instead_of_a_zero() -> None:
    """Right after joining, MY WEEK is a welcome, never "you checked in on 0 of 7 days"."""
    assert my_week(History(TODAY), joined=TODAY) == (Say("my-week-new"),)
    assert my_week(History(TODAY), joined=TODAY - timedelta(days=6)) == (Say("my-week-new"),)


def test_a_quiet_week_gets_a_kind_word_not_a_zero() -> None:
    """Someone with us for a while who logged nothing this week is not told "0 of 7"."""
    history = History(TODAY, [day(9, sleep_hours=7)])
    assert my_week(history, joined=TODAY - timedelta(days=30)) == (Say("my-week-quiet"),)
    assert my_week(History(TODAY)) == (Say("my-week-quiet"),)


def test_a_low_mood_is_not_followed_by_praise() -> None:
    """A LOW mood today, on a day with a streak and a personal best: a quiet line, no praise."""
    history = History(
        TODAY,
        [day(0, mood="low", activity_minutes=45), day(1, activity_minutes=30), day(2), day(3)],
        goal="walk",
    )
    assert closing_line(history) == Say("closing-gentle")


def test_no_contact_or_money_worries_are_hard_days_too() -> None:
    """No contact with anyone today, or money worries, also close quietly."""
    streak = [day(1), day(2), day(3)]
    lonely = History(TODAY, [day(0, connected_today=False), *streak])
    worried = History(TODAY, [day(0, money_worries=True), *streak])
    assert closing_line(lonely) == Say("closing-gentle")
    assert closing_line(worried) == Say("closing-gentle")


def test_a_good_mood_or_a_hard_day_before_today_leaves_the_praise() -> None:
    """GOOD today, or a LOW mood yesterday, do not change today's closing line."""
    good = History(TODAY, [day(0, mood="good"), day(1), day(2)])
    yesterday = History(TODAY, [day(0), day(1, mood="low"), day(2)])
    connected = History(TODAY, [day(0, connected_today=True, money_worries=False), day(1), day(2)])
    for history in (good, yesterday, connected):
        assert closing_line(history) == Say("closing-streak", args={"days": 3})

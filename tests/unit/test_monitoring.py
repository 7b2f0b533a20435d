"""The monitoring calendar after a medicine change: next due and overdue (NICE CG178)."""

from __future__ import annotations

from datetime import date

from companion.engine.monitoring import CheckDue, MonitoringCheck, monitoring_calendar

CHANGED = date(2026, 1, 5)


def test_weekly_weights_then_twelve_weeks_then_a_year() -> None:
    """Weight is due weekly for six weeks; BP and blood tests at 12 weeks; waist at a year."""
    calendar = monitoring_calendar(CHANGED, date(2026, 1, 20), {"weight_kg": date(2026, 1, 19)})
    assert calendar == [
        CheckDue(MonitoringCheck.WEIGHT, date(2026, 1, 26), None),
        CheckDue(MonitoringCheck.BLOOD_PRESSURE, date(2026, 3, 30), None),
        CheckDue(MonitoringCheck.BLOOD_TESTS, date(2026, 3, 30), None),
        CheckDue(MonitoringCheck.WAIST, date(2027, 1, 5), None),
    ]


def test_a_check_passed_with_no_reading_since_is_overdue() -> None:
    """At 14 weeks, a BP from week 11 counts (a week early is fine); no weight since week 6."""
    calendar = monitoring_calendar(
        CHANGED,
        date(2026, 4, 13),
        {"weight_kg": date(2026, 2, 16), "bp": date(2026, 3, 24)},
    )
    by_check = {item.check: item for item in calendar}
    assert by_check[MonitoringCheck.WEIGHT].overdue_since == date(2026, 3, 30)
    assert by_check[MonitoringCheck.BLOOD_PRESSURE].overdue_since is None
    assert by_check[MonitoringCheck.BLOOD_TESTS].overdue_since == date(2026, 3, 30)
    assert by_check[MonitoringCheck.WEIGHT].next_due == date(2027, 1, 5)


def test_after_the_first_year_checks_come_yearly() -> None:
    """Two and a half years on, everything is next due on the third anniversary."""
    calendar = monitoring_calendar(CHANGED, date(2028, 7, 1), {})
    assert {item.next_due for item in calendar} == {date(2029, 1, 4)}
    assert {item.overdue_since for item in calendar} == {date(2028, 1, 5)}

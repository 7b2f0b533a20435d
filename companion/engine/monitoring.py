"""The monitoring calendar after a medicine is started or changed (NICE CG178). Pure.

Timings from CLINICAL.md, counted from the day the medicine started or changed:
weight weekly for the first 6 weeks, then at 12 weeks and 1 year; blood pressure and
blood tests (glucose or HbA1c, lipids) at 12 weeks and 1 year; waist at 1 year; then
each of them yearly. For each check the calendar says when it is next due and whether
an earlier one is overdue: due, and nothing measured since (a week's grace before the
due day counts, as people are often measured a little early).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Final

YEAR: Final = timedelta(days=365)
EARLY_GRACE: Final = timedelta(days=7)


class MonitoringCheck(StrEnum):
    """A check in the calendar; the value is the measurement key it is met by."""

    WEIGHT = "weight_kg"
    BLOOD_PRESSURE = "bp"
    BLOOD_TESTS = "glucose_mmol"
    WAIST = "waist_cm"


# Weeks after the start or change at which each check is due, before the yearly ones.
_WEEKS: Final[Mapping[MonitoringCheck, tuple[int, ...]]] = {
    MonitoringCheck.WEIGHT: (1, 2, 3, 4, 5, 6, 12),
    MonitoringCheck.BLOOD_PRESSURE: (12,),
    MonitoringCheck.BLOOD_TESTS: (12,),
    MonitoringCheck.WAIST: (),
}


@dataclass(frozen=True)
class CheckDue:
    """One check: when it is next due, and since when it is overdue (if it is)."""

    check: MonitoringCheck
    next_due: date
    overdue_since: date | None


def due_dates(check: MonitoringCheck, changed_on: date, until: date) -> list[date]:
    """Every day the check falls due after `changed_on`, up to and including `until`'s year."""
    days = [changed_on + timedelta(weeks=weeks) for weeks in _WEEKS[check]]
    yearly = 1
    while True:
        day = changed_on + yearly * YEAR
        days.append(day)
        if day > until:
            return days
        yearly += 1


def monitoring_calendar(
    changed_on: date, today: date, last_measured: Mapping[str, date]
) -> list[CheckDue]:
    """Each check's next due day, and since when it is overdue, in :class:`MonitoringCheck` order.

    Args:
        changed_on: The day the medicine was started or changed.
        today: Today (London).
        last_measured: Measurement key -> the latest day it was measured, where known.
    """
    found = []
    for check in MonitoringCheck:
        days = due_dates(check, changed_on, today)
        upcoming = [day for day in days if day > today]
        passed = [day for day in days if day <= today]
        measured = last_measured.get(check.value)
        overdue = None
        if passed and (measured is None or measured < passed[-1] - EARLY_GRACE):
            overdue = passed[-1]
        found.append(CheckDue(check, upcoming[0], overdue))
    return found

"""A person's recent days, as the pure core sees them (built by the service from sealed rows)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from companion.engine.reading.answers import Stored


@dataclass(frozen=True)
class DayLog:
    """What a person logged on one London day: latest value per key, and a check-in flag."""

    day: date
    values: Mapping[str, Stored] = field(default_factory=dict)
    checked_in: bool = False


@dataclass(frozen=True)
class History:
    """Recent days, any order; `goal` is the person's current goal in their words."""

    today: date
    days: Sequence[DayLog] = ()
    goal: str | None = None

    def by_day(self) -> dict[date, DayLog]:
        """Days keyed by date."""
        return {log.day: log for log in self.days}

    def streak(self) -> int:
        """Consecutive days with a check-in, ending today (or yesterday, if not yet today)."""
        checked = {log.day for log in self.days if log.checked_in}
        day = self.today if self.today in checked else self.today - timedelta(days=1)
        count = 0
        while day in checked:
            count += 1
            day -= timedelta(days=1)
        return count

    def values_of(self, key: str, since: date) -> list[float]:
        """Numeric values logged under `key` from `since` to today, oldest first."""
        found = []
        for log in sorted(self.days, key=lambda d: d.day):
            value = log.values.get(key)
            if since <= log.day and isinstance(value, int | float) and not isinstance(value, bool):
                found.append(float(value))
        return found

"""The promise a TALK reply carries: counted in the team's working time, in London."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from companion.engine.talk_hours import InvalidHours, parse_hours, reply_due

DEFAULT = parse_hours("Mon-Fri 09:00-17:00")


@pytest.mark.parametrize(
    ("asked", "due"),
    [
        # Wednesday 11:00 London (BST) -> Friday 11:00
        (datetime(2026, 6, 3, 10, 0, tzinfo=UTC), datetime(2026, 6, 5, 10, 0, tzinfo=UTC)),
        # Friday 16:00 -> Tuesday 16:00: the weekend does not count
        (datetime(2026, 6, 5, 15, 0, tzinfo=UTC), datetime(2026, 6, 9, 15, 0, tzinfo=UTC)),
        # Saturday -> the clock starts Monday 09:00, so Tuesday 17:00
        (datetime(2026, 6, 6, 12, 0, tzinfo=UTC), datetime(2026, 6, 9, 16, 0, tzinfo=UTC)),
        # Thursday 22:00 (after hours) -> Friday, then Monday 17:00 (GMT in December)
        (datetime(2026, 12, 3, 22, 0, tzinfo=UTC), datetime(2026, 12, 7, 17, 0, tzinfo=UTC)),
    ],
)
def test_reply_due_counts_only_working_time(asked: datetime, due: datetime) -> None:
    """Evenings and weekends do not use up the days a person was promised."""
    assert reply_due(asked, DEFAULT) == due


def test_team_hours_and_days_change_the_promise() -> None:
    """A team working Sat-Sun 10:00-14:00 within 1 day: a Friday request is due Saturday 14:00."""
    weekend = parse_hours("sat-sun 10:00-14:00", within_days=1)
    assert weekend.text == "Sat-Sun 10:00-14:00"
    friday = datetime(2026, 6, 5, 9, 0, tzinfo=UTC)
    assert reply_due(friday, weekend) == datetime(2026, 6, 6, 13, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "within"),
    [("weekdays 9-5", 2), ("Mon-Fri 17:00-09:00", 2), ("Mon-Xyz 09:00-17:00", 2),
     ("Mon-Fri 25:00-26:00", 2), ("Mon-Fri 09:00-17:00", 0), ("Mon-Fri 09:00-17:00", 11)],
)  # fmt: skip
def test_hours_that_do_not_read_are_refused(text: str, within: int) -> None:
    """Only "Mon-Fri 09:00-17:00" forms, a window that ends after it starts, 1 to 10 days."""
    with pytest.raises(InvalidHours):
        parse_hours(text, within)

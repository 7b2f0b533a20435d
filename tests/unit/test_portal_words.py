"""How the portal writes weeks and times: dates, never ISO week codes."""

from __future__ import annotations

from datetime import UTC, date, datetime

from companion.web.portal_pages import clock, week_dates


def test_weeks_are_written_as_their_dates() -> None:
    """An ISO week code, a Monday or any day of the week gives "1 to 7 Dec"."""
    assert week_dates("2026-W49") == "30 Nov to 6 Dec"
    assert week_dates(date(2026, 12, 9)) == "7 to 13 Dec"
    assert week_dates("2026-12-07", with_year=True) == "7 to 13 Dec 2026"
    assert week_dates("2026-W53") == "28 Dec 2026 to 3 Jan 2027"


def test_times_are_london_wall_clock() -> None:
    """A UTC time in summer is an hour later in London; in winter it is the same."""
    assert clock("2026-06-01T10:00:00+00:00") == "11:00 on 1 Jun 2026"
    assert clock(datetime(2026, 12, 3, 15, 5, tzinfo=UTC)) == "15:05 on 3 Dec 2026"

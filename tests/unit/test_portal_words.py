"""How the portal writes weeks, times and the number to text; the no-reply setting."""

from __future__ import annotations

from datetime import UTC, date, datetime
from types import SimpleNamespace

import pytest

from companion.config import ConfigError, load_settings
from companion.web.portal_pages import clock, render_html, week_dates


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


def test_share_code_box_says_which_number_to_text() -> None:
    """With the service's number known, the share-code box names it."""
    code = SimpleNamespace(code="K7M2QX", expires_at=date(2026, 12, 17))
    context = {"me": None, "csrf": "t", "people": [], "codes": [code], "no_reply_days": 7}
    page = render_html("people.html", number="+44 7700 900123", **context)
    assert "<strong>SHARE K7M2QX</strong> to Companion's number, " in page
    assert '<strong class="number">+44 7700 900123</strong>' in page
    without = render_html("people.html", number=None, **context)
    assert "to the number they text Companion on" in without


def test_no_reply_days_is_a_setting_with_a_sane_range() -> None:
    """COMPANION_NO_REPLY_DAYS defaults to 7, takes whole days, and refuses nonsense."""
    base = {"COMPANION_MODE": "simulator"}
    assert load_settings(base).no_reply_days == 7
    assert load_settings({**base, "COMPANION_NO_REPLY_DAYS": "14"}).no_reply_days == 14
    for bad in ("0", "1.5", "-3", "400"):
        with pytest.raises(ConfigError, match="COMPANION_NO_REPLY_DAYS"):
            load_settings({**base, "COMPANION_NO_REPLY_DAYS": bad})

"""A person's own quiet time: read from their words, joined to the service's, never less."""

from __future__ import annotations

from datetime import time

import pytest

from companion.engine.reading.quiet import QuietTime, QuietUnclear, read_quiet, settle_quiet
from companion.engine.timing import Window, joined, quiet_for, window_of

SERVICE = Window(time(21, 30), time(8))


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("10pm-9am", time(22), time(9)),
        ("22:00-07:30", time(22), time(7, 30)),
        ("22:00 - 07:30", time(22), time(7, 30)),
        ("from 10pm to 9am", time(22), time(9)),
        ("between 11pm and 10am", time(23), time(10)),
        ("10-9", time(22), time(9)),  # a bare start is evening, a bare end morning
        ("9pm until 8:30am", time(21), time(8, 30)),
    ],
)
def test_quiet_times_in_their_words(text: str, start: time, end: time) -> None:
    """Dashes, "to", "until", "between ... and", 12- and 24-hour clocks."""
    assert read_quiet(text) == QuietTime(Window(start, end))


@pytest.mark.parametrize("text", ["off", "OFF", "none", "usual"])
def test_quiet_off(text: str) -> None:
    """QUIET OFF goes back to the service's hours."""
    assert read_quiet(text) == QuietTime(None)


@pytest.mark.parametrize("text", ["10pm", "tonight", "sandwich", "10pm-10pm", ""])
def test_unreadable_quiet_times(text: str) -> None:
    """One time, no time, or the same time twice is asked again."""
    assert read_quiet(text) == QuietUnclear("not_understood")


@pytest.mark.parametrize(
    ("wanted", "kept"),
    [
        (Window(time(22), time(9)), Window(time(21, 30), time(9))),  # later morning
        (Window(time(20), time(8)), Window(time(20), time(8))),  # earlier night
        (Window(time(23), time(7)), SERVICE),  # inside the night: the night stays
        (Window(time(8), time(9)), Window(time(21, 30), time(9))),  # touching it
    ],
)
def test_own_quiet_time_only_widens_the_night(wanted: Window, kept: Window) -> None:
    """Joined to the service's window: a person may widen it, never make us text at night."""
    assert settle_quiet(SERVICE, wanted) == kept


@pytest.mark.parametrize(
    ("wanted", "reason"),
    [
        (Window(time(9), time(22)), "too_long"),  # written the wrong way round
        (Window(time(7), time(22)), "too_long"),
        (Window(time(17), time(10)), "too_long"),  # under 8 hours left for texts
        (Window(time(13), time(14)), "apart"),  # a nap is a PAUSE or a TIME, not QUIET
    ],
)
def test_quiet_times_we_cannot_keep_are_asked_again(wanted: Window, reason: str) -> None:
    """Too little day left, or a window that does not meet the night, is asked again."""
    assert settle_quiet(SERVICE, wanted) == QuietUnclear(reason)


def test_quiet_for_never_falls_below_the_service() -> None:
    """A stored window that no longer joins (the service hours changed) is ignored."""
    assert quiet_for(SERVICE, Window(time(13), time(14))) == SERVICE
    assert quiet_for(SERVICE, None) == SERVICE
    assert quiet_for(None, Window(time(22), time(9))) == Window(time(22), time(9))
    assert joined(None, None) is None
    assert window_of("22:00-09:00") == Window(time(22), time(9))
    assert window_of(None) is None

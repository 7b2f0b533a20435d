"""The per-number reply bound: silence after a flood, safety replies still go once an hour."""

from __future__ import annotations

from companion.engine.limits import REPLIES_PER_HOUR, allowed_replies
from companion.engine.runner import Say

ACK = Say("no-question-open")
CRISIS = Say("crisis")


def test_replies_go_while_under_the_bound() -> None:
    """Below the hourly bound nothing is held back."""
    assert allowed_replies([ACK, ACK], replies_last_hour=3, safety_last_hour=False) == [ACK, ACK]


def test_replies_stop_at_the_bound() -> None:
    """At the bound ordinary replies are held back."""
    assert allowed_replies([ACK], replies_last_hour=REPLIES_PER_HOUR, safety_last_hour=False) == []


def test_a_crisis_reply_still_goes_once_an_hour() -> None:
    """Past the bound, crisis signposting still goes if none went this hour, and only once."""
    said = allowed_replies(
        [CRISIS, ACK], replies_last_hour=REPLIES_PER_HOUR, safety_last_hour=False
    )
    assert said == [CRISIS]
    again = allowed_replies([CRISIS], replies_last_hour=REPLIES_PER_HOUR, safety_last_hour=True)
    assert again == []


def test_only_the_room_left_is_used() -> None:
    """With room for one, the first reply goes and the rest wait."""
    said = allowed_replies(
        [ACK, Say("menu")], replies_last_hour=REPLIES_PER_HOUR - 1, safety_last_hour=False
    )
    assert said == [ACK]

"""The per-number reply bound: silence after a flood, but safety replies always go."""

from __future__ import annotations

from companion.engine.limits import (
    REPLIES_PER_HOUR,
    allowed_replies,
    is_safety,
    pause_notice_due,
)
from companion.engine.runner import Say

ACK = Say("understanding-unclear")
CRISIS = Say("crisis")
HELP = Say("help")


def test_replies_go_while_under_the_bound() -> None:
    """Below the hourly bound nothing is held back."""
    said = allowed_replies([ACK, ACK], replies_last_hour=3, signposted_last_hour=False)
    assert said == [ACK, ACK]


def test_replies_stop_at_the_bound() -> None:
    """At the bound ordinary replies are held back."""
    said = allowed_replies([ACK], replies_last_hour=REPLIES_PER_HOUR, signposted_last_hour=False)
    assert said == []


def test_a_crisis_reply_goes_past_the_bound_every_time() -> None:
    """Past the bound, crisis signposting still goes, in full first, then shorter."""
    said = allowed_replies(
        [CRISIS, ACK], replies_last_hour=REPLIES_PER_HOUR, signposted_last_hour=False
    )
    assert said == [CRISIS]
    again = allowed_replies([CRISIS], replies_last_hour=REPLIES_PER_HOUR, signposted_last_hour=True)
    assert again == [Say("crisis-again")]


def test_help_goes_past_the_bound() -> None:
    """HELP always answers, however busy the hour."""
    said = allowed_replies(
        [HELP], replies_last_hour=REPLIES_PER_HOUR * 3, signposted_last_hour=True
    )
    assert said == [HELP]


def test_only_the_room_left_is_used() -> None:
    """With room for one, the first reply goes and the rest wait."""
    said = allowed_replies(
        [ACK, Say("menu")], replies_last_hour=REPLIES_PER_HOUR - 1, signposted_last_hour=False
    )
    assert said == [ACK]


def test_only_signposting_alone_is_sent_as_safety() -> None:
    """Safety priority is for signposting only, not for ordinary replies beside it."""
    assert is_safety([CRISIS])
    assert is_safety([HELP])
    assert not is_safety([CRISIS, ACK])
    assert not is_safety([])


def test_the_pause_notice_is_due_when_replies_are_first_held_back() -> None:
    """Held back and not yet told this hour: say once that replies are paused."""
    says = [Say("menu")]
    assert pause_notice_due(says, [], told_this_hour=False)
    assert not pause_notice_due(says, [], told_this_hour=True)  # once an hour
    assert not pause_notice_due(says, says, told_this_hour=False)  # nothing held back


def test_the_pause_notice_never_joins_signposting() -> None:
    """Crisis signposting keeps its own priority; the notice is not mixed into it."""
    says = [Say("crisis"), Say("menu")]
    kept = allowed_replies(says, replies_last_hour=REPLIES_PER_HOUR, signposted_last_hour=False)
    assert kept == [Say("crisis")]
    assert not pause_notice_due(says, kept, told_this_hour=False)

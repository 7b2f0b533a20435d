"""What a safety event records of a crisis signal."""

from __future__ import annotations

from companion.db.safety_events import SOMEONE_ELSE, Detection
from companion.safety.crisis import detect_crisis


def test_someone_elses_crisis_is_recorded_as_someone_elses() -> None:
    """A friend's crisis is recorded as about someone else; the sender's own keeps its category."""
    friend = detect_crisis("my friend said she wants to die")
    own = detect_crisis("i want to die")
    assert friend is not None
    assert own is not None
    assert Detection.of(friend).category == SOMEONE_ELSE
    assert Detection.of(own).category == own.category != SOMEONE_ELSE

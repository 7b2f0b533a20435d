"""Safety event rows: what crisis language was detected, sealed so a copy of the file cannot tell.

The category ("suicide", "self_harm", ...) and the rule that matched reveal what a
person wrote about; both are sealed to their row like any other personal value. Only
the time, whether it was negated, and ids stay plain.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from companion.crypto.keyring import Keyring
from companion.crypto.sealing import seal, unseal
from companion.db.models import SafetyEvent, new_id
from companion.db.sealed import SAFETY_CATEGORY, SAFETY_PATTERN
from companion.safety.crisis import CrisisSignal

# The category recorded for crisis language about another person, not the sender.
SOMEONE_ELSE = "someone_else"


@dataclass(frozen=True)
class Detection:
    """What the safety check found, in the clear (as the engine reports it)."""

    category: str
    pattern: str
    negated: bool

    @classmethod
    def of(cls, signal: CrisisSignal) -> Detection:
        """What to record of a signal. Someone else's crisis ("my friend said she wants
        to die") is recorded as `SOMEONE_ELSE`, so a summary never shows it as the
        person's own."""
        category = SOMEONE_ELSE if signal.about_someone_else else signal.category
        return cls(category, signal.pattern, signal.negated)


def safety_event_row(
    keyring: Keyring,
    detection: Detection,
    *,
    person_id: str | None,
    phone_index: str,
    inbound_id: str,
    now: datetime,
) -> SafetyEvent:
    """A new safety event with its category and pattern sealed to the row."""
    row_id = new_id()
    return SafetyEvent(
        id=row_id,
        person_id=person_id,
        phone_index=phone_index,
        inbound_id=inbound_id,
        category=seal(keyring, detection.category, SAFETY_CATEGORY.bound_to(row_id)),
        pattern=seal(keyring, detection.pattern, SAFETY_PATTERN.bound_to(row_id)),
        negated=detection.negated,
        detected_at=now,
    )


def category_of(keyring: Keyring, row_id: str, sealed: bytes) -> str:
    """The event's category, unsealed.

    Raises:
        SealError: the value does not open here.
    """
    return unseal(keyring, sealed, SAFETY_CATEGORY.bound_to(row_id))


def detection_of(keyring: Keyring, event: SafetyEvent) -> Detection:
    """The event's category, pattern and negation, unsealed."""
    return Detection(
        category=category_of(keyring, event.id, event.category),
        pattern=unseal(keyring, event.pattern, SAFETY_PATTERN.bound_to(event.id)),
        negated=event.negated,
    )

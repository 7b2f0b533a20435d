"""Every state a stored row can be in, named once. Pure: no SQLAlchemy here.

Columns hold the enum's value (a short string, or a small integer for `Priority`);
`companion.db.types.StateColumn` turns it back into the member on the way out, so code
compares members (`person.status is PersonStatus.ACTIVE`), never string literals.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum


class PersonStatus(StrEnum):
    """Where a person stands with the service."""

    INVITED = "invited"
    PENDING = "pending"
    ACTIVE = "active"
    STOPPED = "stopped"
    DECLINED = "declined"


class Priority(IntEnum):
    """Outbox priority: safety signposting first, then replies, then bulk prompts."""

    SAFETY = -1
    REPLY = 0
    BULK = 1


class OutboxStatus(StrEnum):
    """An outbound SMS's life: queued, claimed, then one of the final states."""

    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    CANCELLED = "cancelled"
    EXPIRED = "expired"


class ConversationStatus(StrEnum):
    """A conversation is open until it ends, for one of these reasons."""

    OPEN = "open"
    COMPLETED = "completed"
    EXPIRED = "expired"
    TIMED_OUT = "timed_out"
    REPLACED = "replaced"
    PAUSED = "paused"
    STOPPED = "stopped"


class DueStatus(StrEnum):
    """A due item waits, is done, or was cancelled."""

    SCHEDULED = "scheduled"
    DONE = "done"
    CANCELLED = "cancelled"


class DueKind(StrEnum):
    """What a due item starts when its time comes."""

    CHECKIN = "checkin"
    WEEKLY = "weekly"
    CALENDAR = "calendar"
    REMINDER = "reminder"
    APPOINTMENT = "appointment"


class ConsentStatus(StrEnum):
    """A consent to share with a coordinator, from the question to its end."""

    ASKED = "asked"
    ACTIVE = "active"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"
    LAPSED = "lapsed"


class ConsentEventKind(StrEnum):
    """One step in a consent's record, with the wording shown at that step."""

    ASKED = "asked"
    GIVEN = "given"
    DECLINED = "declined"
    RECONFIRM_ASKED = "reconfirm_asked"
    RECONFIRMED = "reconfirmed"
    WITHDRAWN = "withdrawn"
    LAPSED = "lapsed"


class TalkStatus(StrEnum):
    """A person's request to be contacted by their named professional (TALK)."""

    OPEN = "open"
    DONE = "done"

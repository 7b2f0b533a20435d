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


class AuditAction(StrEnum):
    """What an audit entry records (`audit_entry.action`): who did what to which record."""

    # The portal: coordinators reading and asking.
    VIEW_PEOPLE = "view_people"
    VIEW_PERSON = "view_person"
    VIEW_IN_CASELOAD = "view_in_caseload"  # a person's row in the triaged caseload
    PRINT = "print"
    DOWNLOAD_FHIR = "download_fhir"
    SHARE_CODE_NEW = "share_code_new"
    SHARE_REQUEST = "share_request"
    # Signing in and out.
    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    LOGOUT = "logout"
    SESSION_ENDED = "session_ended"
    CSRF_FAILED = "csrf_failed"
    ENROL = "enrol"
    PASSPHRASE_CHANGE = "passphrase_change"  # noqa: S105 (an action's name, not a secret)
    # Coordinator accounts and their keys.
    COORDINATOR_ADD = "coordinator_add"
    COORDINATOR_DISABLE = "coordinator_disable"
    COORDINATOR_RESET = "coordinator_reset"
    KEY_BOUND = "key_bound"
    KEY_MISMATCH = "key_mismatch"
    # A person's consent, step by step (`consent_` + `ConsentEventKind`).
    CONSENT_ASKED = "consent_asked"
    CONSENT_GIVEN = "consent_given"
    CONSENT_DECLINED = "consent_declined"
    CONSENT_RECONFIRM_ASKED = "consent_reconfirm_asked"
    CONSENT_RECONFIRMED = "consent_reconfirmed"
    CONSENT_WITHDRAWN = "consent_withdrawn"
    CONSENT_LAPSED = "consent_lapsed"
    # Operators: data rights and keys.
    EXPORT = "export"
    ERASURE = "erasure"
    BACKUP = "backup"
    KEYS_ROTATE = "keys_rotate"
    KEYS_REENCRYPT = "keys_reencrypt"
    KEYS_RETIRE = "keys_retire"
    # FEEDBACK read by operators; coordinators' care notes and the person's answer.
    FEEDBACK_LIST = "feedback_list"
    CARE_NOTE_RECORDED = "care_note_recorded"
    CARE_NOTE_ADDED = "care_note_added"
    CARE_NOTE_DECLINED = "care_note_declined"

    @classmethod
    def consent(cls, kind: ConsentEventKind) -> AuditAction:
        """The audit action for a consent step."""
        return cls(f"consent_{kind.value}")


class CareNoteKind(StrEnum):
    """What a coordinator's note records."""

    MEDICINE = "medicine"
    APPOINTMENT = "appointment"


class CareNoteStatus(StrEnum):
    """A coordinator's note: the person is asked, then says yes or no.

    LAPSED is how the portal shows a question left unanswered for a week (not stored).
    """

    ASKED = "asked"
    ADDED = "added"
    DECLINED = "declined"
    LAPSED = "lapsed"

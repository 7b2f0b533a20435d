"""Database tables. Personal values are sealed bytes (see `companion.crypto.sealing`)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    SmallInteger,
    String,
    Text,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from companion.db.states import (
    CareNoteKind,
    CareNoteStatus,
    ConsentEventKind,
    ConsentStatus,
    ConversationStatus,
    DueKind,
    DueStatus,
    OutboxStatus,
    PersonStatus,
    Priority,
    SupporterEventKind,
    SupporterStatus,
    TalkStatus,
)
from companion.db.types import RankColumn, StateColumn, UTCDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    """A random row id, known before insert so values can be sealed to their row."""
    return uuid.uuid4().hex


class Base(DeclarativeBase):
    """The declarative base of every table."""

    metadata = MetaData(naming_convention=NAMING)


class Person(Base):
    """Someone who texted JOIN or was invited. Found by the blind index of their number."""

    __tablename__ = "person"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    phone_index: Mapped[str] = mapped_column(String(64), unique=True)
    phone: Mapped[bytes] = mapped_column(LargeBinary)
    name: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)
    status: Mapped[PersonStatus] = mapped_column(StateColumn(PersonStatus))
    locale: Mapped[str] = mapped_column(String(16), default="en")
    terms_version: Mapped[str | None] = mapped_column(String(64), default=None)
    terms_accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    invited_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    stopped_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    unreachable_code: Mapped[int | None] = mapped_column(Integer, default=None)
    checkin_time: Mapped[str] = mapped_column(String(5), default="10:00", server_default="10:00")
    paused_until: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    # "HH:MM-HH:MM" London time: their own quiet time, joined to the service's (QUIET).
    quiet_hours: Mapped[str | None] = mapped_column(String(11), default=None)
    borough: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)
    # Whole-life topics they chose to add to their check-in (ADD mood): sealed, space separated.
    topics: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)
    # FEEDBACK on its own: the next text (until a while after this) is their feedback.
    feedback_asked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class StrangerReply(Base):
    """When a number that is not enrolled was last told how to join (at most daily)."""

    __tablename__ = "stranger_reply"

    phone_index: Mapped[str] = mapped_column(String(64), primary_key=True)
    last_replied_at: Mapped[datetime] = mapped_column(UTCDateTime)


class InboundMessage(Base):
    """One message Twilio delivered to us, deduplicated on its MessageSid."""

    __tablename__ = "inbound_message"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    message_sid: Mapped[str] = mapped_column(String(64), unique=True)
    person_id: Mapped[str | None] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), index=True, default=None
    )
    phone_index: Mapped[str] = mapped_column(String(64), index=True)
    body: Mapped[bytes] = mapped_column(LargeBinary)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)


class OutboxMessage(Base):
    """An SMS to send, written in the same transaction as the change that caused it."""

    __tablename__ = "outbox_message"
    __table_args__ = (
        Index("ix_outbox_message_due", "status", "priority", "not_before", "created_at"),
        Index("ix_outbox_message_claim", "status", "claimed_at"),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    person_id: Mapped[str | None] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), index=True, default=None
    )
    phone_index: Mapped[str] = mapped_column(String(64), index=True)
    to_number: Mapped[bytes] = mapped_column(LargeBinary)
    body: Mapped[bytes] = mapped_column(LargeBinary)
    message_key: Mapped[str] = mapped_column(String(64))
    priority: Mapped[Priority] = mapped_column(RankColumn(Priority))
    status: Mapped[OutboxStatus] = mapped_column(StateColumn(OutboxStatus))
    not_before: Mapped[datetime] = mapped_column(UTCDateTime)
    valid_until: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    claim_token: Mapped[str | None] = mapped_column(String(32), default=None)
    twilio_sid: Mapped[str | None] = mapped_column(String(64), unique=True, default=None)
    delivery_status: Mapped[str | None] = mapped_column(String(16), default=None)
    error_code: Mapped[int | None] = mapped_column(Integer, default=None)
    failure_reason: Mapped[str | None] = mapped_column(String(32), default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)


class SafetyEvent(Base):
    """Crisis language was detected in a message and signposting was sent."""

    __tablename__ = "safety_event"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    person_id: Mapped[str | None] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), index=True, default=None
    )
    phone_index: Mapped[str] = mapped_column(String(64), index=True)
    inbound_id: Mapped[str] = mapped_column(ForeignKey("inbound_message.id", ondelete="CASCADE"))
    category: Mapped[bytes] = mapped_column(LargeBinary)  # sealed (`db.safety_events`)
    negated: Mapped[bool] = mapped_column(Boolean)
    pattern: Mapped[bytes] = mapped_column(LargeBinary)  # sealed
    detected_at: Mapped[datetime] = mapped_column(UTCDateTime)


class FlowRevision(Base):
    """The exact text of each flow revision, so a conversation finishes on the one it began."""

    __tablename__ = "flow_revision"

    revision: Mapped[str] = mapped_column(String(16), primary_key=True)
    flow_id: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ConversationRow(Base):
    """A flow a person is in (status open) or was in. At most one open per person."""

    __tablename__ = "conversation"
    __table_args__ = (
        Index(
            "uq_conversation_open",
            "person_id",
            unique=True,
            sqlite_where=text("status = 'open'"),
            postgresql_where=text("status = 'open'"),
        ),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    flow_id: Mapped[str] = mapped_column(String(64))
    flow_revision: Mapped[str] = mapped_column(ForeignKey("flow_revision.revision"))
    status: Mapped[ConversationStatus] = mapped_column(StateColumn(ConversationStatus))
    step: Mapped[str | None] = mapped_column(String(64), default=None)
    plan: Mapped[str] = mapped_column(String(512), default="")  # step names, space separated
    topics: Mapped[str] = mapped_column(String(256), default="")  # what was asked, for rotation
    retries: Mapped[int] = mapped_column(SmallInteger, default=0)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    step_started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)


class Observation(Base):
    """One health answer or measurement. Only a coarse kind is plain; key and value are sealed."""

    __tablename__ = "observation"
    __table_args__ = (Index("ix_observation_person_time", "person_id", "recorded_at"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    payload: Mapped[bytes] = mapped_column(LargeBinary)
    conversation_id: Mapped[str | None] = mapped_column(
        ForeignKey("conversation.id", ondelete="SET NULL"), default=None
    )
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Goal(Base):
    """A person's own small positive goal, in their words (sealed). Ended when replaced."""

    __tablename__ = "goal"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    text: Mapped[bytes] = mapped_column(LargeBinary)
    set_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)


class TipSent(Base):
    """Which directory resource was sent to whom, so tips do not repeat."""

    __tablename__ = "tip_sent"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    resource_id: Mapped[str] = mapped_column(String(64))
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime)


class DueItem(Base):
    """Something to start for a person at a time: a check-in, a weekly flow, a reminder.

    Recurring items move their `due_at` on after each run; one-off items end `done`.
    """

    __tablename__ = "due_item"
    __table_args__ = (Index("ix_due_item_due", "status", "due_at", "id"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    kind: Mapped[DueKind] = mapped_column(StateColumn(DueKind))
    flow_id: Mapped[str] = mapped_column(String(64))
    repeat: Mapped[str] = mapped_column(String(8))
    wall_time: Mapped[str] = mapped_column(String(5))
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    valid_until: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[DueStatus] = mapped_column(StateColumn(DueStatus), default=DueStatus.SCHEDULED)
    payload: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)
    runs: Mapped[int] = mapped_column(Integer, default=0)
    last_outcome: Mapped[str | None] = mapped_column(String(16), default=None)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Coordinator(Base):
    """A professional who may receive summaries. Their private key exists only wrapped."""

    __tablename__ = "coordinator"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    name: Mapped[bytes] = mapped_column(LargeBinary)  # sealed (`accounts.coordinators.who`)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    team: Mapped[bytes] = mapped_column(LargeBinary)  # sealed: a team can name a diagnosis
    passphrase_hash: Mapped[str | None] = mapped_column(String(255), default=None)
    totp_secret: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)  # sealed
    totp_last_step: Mapped[int | None] = mapped_column(Integer, default=None)
    public_key: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)
    # keyring MAC over id + public key (`crypto.key_binding`): checked before every seal
    public_key_binding: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)
    wrapped_key: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)
    enrol_token_hash: Mapped[str | None] = mapped_column(String(64), unique=True, default=None)
    enrol_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    enrolled_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)  # tries since the last login
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    disabled_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # When their team answers TALK requests (`engine.talk_hours`), told to the person.
    talk_hours: Mapped[str] = mapped_column(
        String(32), default="Mon-Fri 09:00-17:00", server_default="Mon-Fri 09:00-17:00"
    )
    talk_within_days: Mapped[int] = mapped_column(SmallInteger, default=2, server_default="2")


class ShareCode(Base):
    """A short code a coordinator gives a person, who texts SHARE <code>."""

    __tablename__ = "share_code"

    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    coordinator_id: Mapped[str] = mapped_column(
        ForeignKey("coordinator.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)


class Consent(Base):
    """A person's consent to share with one coordinator: asked, active, or ended.

    At most one consent per person is asked or active at a time (one named professional).
    """

    __tablename__ = "consent"
    __table_args__ = (
        Index(
            "uq_consent_live",
            "person_id",
            unique=True,
            sqlite_where=text("status IN ('asked', 'active')"),
            postgresql_where=text("status IN ('asked', 'active')"),
        ),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    coordinator_id: Mapped[str] = mapped_column(
        ForeignKey("coordinator.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[ConsentStatus] = mapped_column(StateColumn(ConsentStatus))
    shares: Mapped[str] = mapped_column(String(64), default="")  # space-separated categories
    asked_at: Mapped[datetime] = mapped_column(UTCDateTime)
    given_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)


class ConsentEvent(Base):
    """Every change to a consent, with the exact wording the person was shown."""

    __tablename__ = "consent_event"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    consent_id: Mapped[str] = mapped_column(
        ForeignKey("consent.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[ConsentEventKind] = mapped_column(StateColumn(ConsentEventKind))
    shares: Mapped[str] = mapped_column(String(64), default="")
    wording: Mapped[bytes] = mapped_column(LargeBinary)  # sealed: it names their team
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class Summary(Base):
    """A weekly summary, HPKE-sealed to the coordinator's public key: ciphertext only."""

    __tablename__ = "summary"
    __table_args__ = (Index("uq_summary_week", "consent_id", "week", unique=True),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    consent_id: Mapped[str] = mapped_column(ForeignKey("consent.id", ondelete="CASCADE"))
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    coordinator_id: Mapped[str] = mapped_column(
        ForeignKey("coordinator.id", ondelete="CASCADE"), index=True
    )
    week: Mapped[str] = mapped_column(String(8))
    ciphertext: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class TalkRequest(Base):
    """A person asked their named professional to get in touch (TALK), until marked done.

    At most one open request per person; a second TALK while it is open only counts.
    `reply_due_at` is the promise the person was given (working hours aware).
    """

    __tablename__ = "talk_request"
    __table_args__ = (
        Index(
            "uq_talk_request_open",
            "person_id",
            unique=True,
            sqlite_where=text("status = 'open'"),
            postgresql_where=text("status = 'open'"),
        ),
        Index("ix_talk_request_coordinator", "coordinator_id", "status", "asked_at"),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    coordinator_id: Mapped[str] = mapped_column(ForeignKey("coordinator.id", ondelete="CASCADE"))
    status: Mapped[TalkStatus] = mapped_column(StateColumn(TalkStatus))
    words: Mapped[bytes] = mapped_column(LargeBinary)  # sealed: the person's own text
    with_crisis: Mapped[bool] = mapped_column(Boolean, default=False)  # asked in a crisis text
    asked_at: Mapped[datetime] = mapped_column(UTCDateTime)
    reply_due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    asked_again: Mapped[int] = mapped_column(Integer, default=0)
    replied_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    reply_key: Mapped[str | None] = mapped_column(String(32), default=None)  # template chosen
    reply_note: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)  # sealed
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)


class DeliveryReport(Base):
    """A delivery report that arrived before its send's outcome was written (any instance).

    Kept until the outcome lands and it is applied to the outbox row (`sending.status`),
    or for two days if no row ever takes its SID. No personal data: a carrier SID and
    Twilio's status word.
    """

    __tablename__ = "delivery_report"

    sid: Mapped[str] = mapped_column(String(64), primary_key=True)
    status: Mapped[str] = mapped_column(String(16))
    error_code: Mapped[int | None] = mapped_column(Integer, default=None)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class PortalSession(Base):
    """A logged-in portal session; the id is a hash of the cookie value (`crypto.session_keys`)."""

    __tablename__ = "portal_session"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    coordinator_id: Mapped[str] = mapped_column(
        ForeignKey("coordinator.id", ondelete="CASCADE"), index=True
    )
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # The unwrapped private key, re-encrypted under a key only the cookie holds.
    sealed_key: Mapped[bytes] = mapped_column(LargeBinary)


class AuditEntry(Base):
    """Who did what, when: portal logins and views, consent changes, admin commands.

    No personal data: ids only. Each entry carries a keyring MAC over itself, its
    sequence number and the MAC of the one before (`records.audit`).
    """

    __tablename__ = "audit_entry"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32))
    subject: Mapped[str | None] = mapped_column(String(64), default=None)
    outcome: Mapped[str] = mapped_column(String(16))
    prev_hash: Mapped[str] = mapped_column(String(64))
    entry_hash: Mapped[str] = mapped_column(String(64))  # the MAC (a SHA-256 before 0006)
    key_id: Mapped[str | None] = mapped_column(String(16), default=None)  # None: before 0006


class ModeUsed(Base):
    """Which modes (twilio, simulator) have run on this database, and when first and last.

    Simulator mode shows anyone on this machine any number's messages, so it refuses a
    database that Twilio mode has used (`db.service_modes`).
    """

    __tablename__ = "mode_used"

    mode: Mapped[str] = mapped_column(String(16), primary_key=True)
    first_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Feedback(Base):
    """Words a person sent with FEEDBACK, for the operators (sealed).

    The person id is kept only so their own export and erasure find it: the operators'
    list never shows it, and no coordinator page reads this table.
    """

    __tablename__ = "feedback"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    locale: Mapped[str] = mapped_column(String(16))
    words: Mapped[bytes] = mapped_column(LargeBinary)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class CareNote(Base):
    """A medicine change or appointment a coordinator recorded; the person chooses to add it.

    What it says and its date are sealed in `details` (JSON). Nothing reaches the
    person's calendar unless they answer YES.
    """

    __tablename__ = "care_note"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    coordinator_id: Mapped[str] = mapped_column(
        ForeignKey("coordinator.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[CareNoteKind] = mapped_column(StateColumn(CareNoteKind))
    details: Mapped[bytes] = mapped_column(LargeBinary)
    status: Mapped[CareNoteStatus] = mapped_column(StateColumn(CareNoteStatus))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)


class Supporter(Base):
    """A family member, friend or peer the person invited: only a YES makes them one.

    Their number is sealed and found by its blind index; both are cleared when the
    person removes them, and the number (not its index) when they leave, so their STOP
    is still honoured (`sharing/supporters.py`).
    """

    __tablename__ = "supporter"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    phone_index: Mapped[str | None] = mapped_column(String(64), index=True, default=None)
    phone: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)  # sealed
    name: Mapped[bytes] = mapped_column(LargeBinary)  # sealed: the first name the person gave
    status: Mapped[SupporterStatus] = mapped_column(StateColumn(SupporterStatus))
    shares: Mapped[str] = mapped_column(String(64), default="")  # space-separated categories
    share_asked: Mapped[str | None] = mapped_column(String(16), default=None)  # awaiting YES
    share_asked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    last_week: Mapped[str | None] = mapped_column(String(10), default=None)  # last weekly sent
    invited_at: Mapped[datetime] = mapped_column(UTCDateTime)
    joined_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)


class SupporterEvent(Base):
    """Every consent step of a supporter, with the exact wording sent (sealed)."""

    __tablename__ = "supporter_event"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    supporter_id: Mapped[str] = mapped_column(
        ForeignKey("supporter.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[SupporterEventKind] = mapped_column(StateColumn(SupporterEventKind))
    shares: Mapped[str] = mapped_column(String(64), default="")
    wording: Mapped[bytes] = mapped_column(LargeBinary)  # sealed
    at: Mapped[datetime] = mapped_column(UTCDateTime)

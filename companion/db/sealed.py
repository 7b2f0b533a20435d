"""Every column sealed with the keyring, named once.

A sealed value is bound to where it lives (`table/column/row id`) as associated data,
so each column here is also the way to that binding: `PERSON_PHONE.bound_to(person.id)`.
Summaries (HPKE, to a coordinator's key) and wrapped coordinator keys (passphrase) are
not keyring-sealed and are not listed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import InstrumentedAttribute

from companion.crypto.sealing import associated_data
from companion.db.models import (
    Base,
    CareNote,
    ConsentEvent,
    Coordinator,
    DueItem,
    Feedback,
    Goal,
    InboundMessage,
    Observation,
    OutboxMessage,
    Person,
    SafetyEvent,
)


@dataclass(frozen=True)
class SealedColumn:
    """A column holding values sealed with the keyring, bound to `table/column/row id`."""

    model: type[Base]
    column: str

    @property
    def table(self) -> str:
        """The table's name, as used in the associated data."""
        return str(self.model.__tablename__)

    @property
    def attribute(self) -> InstrumentedAttribute[Any]:
        """The mapped attribute, for building queries."""
        found: InstrumentedAttribute[Any] = getattr(self.model, self.column)
        return found

    def bound_to(self, row_id: str) -> bytes:
        """The associated data that binds a value to this column of row `row_id`."""
        return associated_data(self.table, self.column, row_id)


PERSON_PHONE = SealedColumn(Person, "phone")
PERSON_NAME = SealedColumn(Person, "name")
PERSON_BOROUGH = SealedColumn(Person, "borough")
INBOUND_BODY = SealedColumn(InboundMessage, "body")
OUTBOX_TO = SealedColumn(OutboxMessage, "to_number")
OUTBOX_BODY = SealedColumn(OutboxMessage, "body")
OBSERVATION_PAYLOAD = SealedColumn(Observation, "payload")
GOAL_TEXT = SealedColumn(Goal, "text")
DUE_PAYLOAD = SealedColumn(DueItem, "payload")
COORDINATOR_TOTP = SealedColumn(Coordinator, "totp_secret")
COORDINATOR_NAME = SealedColumn(Coordinator, "name")
COORDINATOR_TEAM = SealedColumn(Coordinator, "team")
SAFETY_CATEGORY = SealedColumn(SafetyEvent, "category")
SAFETY_PATTERN = SealedColumn(SafetyEvent, "pattern")
CONSENT_WORDING = SealedColumn(ConsentEvent, "wording")
PERSON_TOPICS = SealedColumn(Person, "topics")
FEEDBACK_WORDS = SealedColumn(Feedback, "words")
CARE_NOTE_DETAILS = SealedColumn(CareNote, "details")

SEALED_COLUMNS: tuple[SealedColumn, ...] = (
    PERSON_PHONE,
    PERSON_NAME,
    PERSON_BOROUGH,
    INBOUND_BODY,
    OUTBOX_TO,
    OUTBOX_BODY,
    OBSERVATION_PAYLOAD,
    GOAL_TEXT,
    DUE_PAYLOAD,
    COORDINATOR_TOTP,
    COORDINATOR_NAME,
    COORDINATOR_TEAM,
    SAFETY_CATEGORY,
    SAFETY_PATTERN,
    CONSENT_WORDING,
    PERSON_TOPICS,
    FEEDBACK_WORDS,
    CARE_NOTE_DETAILS,
)

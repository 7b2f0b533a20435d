"""Everything held about one person, decrypted, as one JSON document (or a FHIR R4 Bundle).

The document's shape is `docs/export-schema.md`; change both together. Reading is one
transaction, so the export is a consistent snapshot. A value that cannot be unsealed
(a key missing from the keyring) raises rather than being left out silently.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from companion.accounts.coordinators import who
from companion.context import ServiceContext
from companion.crypto.blind_index import phone_index
from companion.crypto.keyring import Keyring
from companion.crypto.sealing import associated_data, unseal
from companion.db import people
from companion.db.models import (
    CareNote,
    Consent,
    ConsentEvent,
    ConversationRow,
    Coordinator,
    DueItem,
    Feedback,
    Goal,
    InboundMessage,
    Observation,
    OutboxMessage,
    Person,
    SafetyEvent,
    Summary,
    Supporter,
    SupporterEvent,
    TalkRequest,
    TipSent,
)
from companion.records.export_bundle import export_fhir as export_fhir  # its FHIR form
from companion.records.summary_views import summary_views

SCHEMA = "companion-export/1"
Row = dict[str, Any]


async def export_person(ctx: ServiceContext, e164: str) -> dict[str, Any] | None:
    """Everything held about the person with this number, decrypted and JSON-ready.

    A number that texted but never joined still has its texts (and any crisis
    signposting) held: those are exported, with `person` null.

    Returns:
        The export document, or None if nothing at all is held under this number.
    """
    index = phone_index(ctx.keyring, e164)
    async with ctx.sessions() as session, session.begin():
        person = await people.find_person(session, index)
        opener = _Opener(ctx.keyring)
        texts = await _texts(session, opener, index, person.id if person else None)
        if person is None:
            if not any(texts.values()):
                return None
            return {
                "schema": SCHEMA,
                "exported_at": _json(ctx.clock()),
                "person": None,
                "phone": e164,
                **texts,
            }
        pid = person.id

        async def rows(model: Any, order: Any) -> list[Any]:
            where = model.person_id == pid
            return list(await session.scalars(select(model).where(where).order_by(order, model.id)))

        consents = await _consents(session, opener, pid)
        return {
            "schema": SCHEMA,
            "exported_at": _json(ctx.clock()),
            "person": opener.profile(person),
            "consents": consents,
            "summaries": [
                _fields(r, "consent_id", "week", "created_at")
                for r in await rows(Summary, Summary.created_at)
            ],
            "summary_views": await summary_views(session, [c["id"] for c in consents]),
            "observations": [
                opener.observation(r) for r in await rows(Observation, Observation.recorded_at)
            ],
            "goals": [
                {**_fields(g, "set_at", "ended_at"), "text": opener("goal", "text", g)}
                for g in await rows(Goal, Goal.set_at)
            ],
            "conversations": [
                {
                    **_fields(c, "id", "flow_id", "status", "started_at", "ended_at"),
                    "topics": c.topics.split(),
                }
                for c in await rows(ConversationRow, ConversationRow.started_at)
            ],
            "due_items": [opener.due_item(d) for d in await rows(DueItem, DueItem.due_at)],
            "talk_requests": [
                opener.talk_request(t) for t in await rows(TalkRequest, TalkRequest.asked_at)
            ],
            "tips": [
                _fields(t, "resource_id", "sent_at") for t in await rows(TipSent, TipSent.sent_at)
            ],
            "feedback": [
                {**_fields(f, "received_at", "locale"), "words": opener("feedback", "words", f)}
                for f in await rows(Feedback, Feedback.received_at)
            ],
            "care_notes": [opener.care_note(n) for n in await rows(CareNote, CareNote.created_at)],
            "supporters": await _supporters(session, opener, pid),
            **texts,
        }


async def _texts(
    session: AsyncSession, opener: _Opener, index: str, person_id: str | None
) -> dict[str, list[Row]]:
    """Texts in and out and safety events under the number (and the person, if joined)."""

    async def rows(model: Any, order: Any) -> list[Any]:
        where = model.phone_index == index
        if person_id is not None:  # texts from before they joined are theirs too
            where = or_(where, model.person_id == person_id)
        return list(await session.scalars(select(model).where(where).order_by(order, model.id)))

    return {
        "safety_events": [
            {
                **_fields(e, "detected_at", "negated"),
                "category": opener("safety_event", "category", e),
                "pattern": opener("safety_event", "pattern", e),
                "message_id": e.inbound_id,
            }
            for e in await rows(SafetyEvent, SafetyEvent.detected_at)
        ],
        "messages_in": [
            {**_fields(m, "id", "received_at"), "body": opener.body("inbound_message", m)}
            for m in await rows(InboundMessage, InboundMessage.received_at)
        ],
        "supporting": [
            _fields(s, "id", "status", "invited_at", "joined_at", "ended_at")
            for s in await session.scalars(
                select(Supporter)
                .where(Supporter.phone_index == index)
                .order_by(Supporter.invited_at, Supporter.id)
            )
        ],
        "messages_out": [
            {
                **_fields(m, "id", "created_at", "sent_at", "message_key", "status"),
                "delivery_status": m.delivery_status,
                "body": opener.body("outbox_message", m),
            }
            for m in await rows(OutboxMessage, OutboxMessage.created_at)
        ],
    }


class _Opener:
    """Unseals values where they live; raises `SealError` rather than skip one."""

    def __init__(self, keyring: Keyring) -> None:
        self.keyring = keyring

    def __call__(self, table: str, column: str, row: Any) -> str | None:
        sealed: bytes | None = getattr(row, column)
        where = associated_data(table, column, row.id)
        return None if sealed is None else unseal(self.keyring, sealed, where)

    def profile(self, person: Person) -> Row:
        return {
            **_fields(person, "id"),
            "phone": self("person", "phone", person),
            "name": self("person", "name", person),
            "borough": self("person", "borough", person),
            "topics": (self("person", "topics", person) or "").split(),
            **_fields(
                person,
                "status",
                "locale",
                "checkin_time",
                "quiet_hours",
                "paused_until",
                "invited_at",
                "terms_version",
                "terms_accepted_at",
                "stopped_at",
                "unreachable_code",
                "created_at",
                "updated_at",
            ),
        }

    def observation(self, row: Observation) -> Row:
        data = json.loads(self("observation", "payload", row) or "{}")
        return {
            **_fields(row, "recorded_at", "kind"),
            "key": data["key"],
            "value": data["value"],
            "conversation_id": row.conversation_id,
        }

    def due_item(self, item: DueItem) -> Row:
        details = self("due_item", "payload", item)
        return {
            **_fields(item, "kind", "flow_id", "repeat", "wall_time", "due_at", "status"),
            **_fields(item, "runs", "last_outcome"),
            "details": None if details is None else json.loads(details),
        }

    def care_note(self, note: CareNote) -> Row:
        details = self("care_note", "details", note)
        return {
            **_fields(note, "kind", "status", "coordinator_id", "created_at", "answered_at"),
            "details": None if details is None else json.loads(details),
        }

    def talk_request(self, row: TalkRequest) -> Row:
        return {
            **_fields(row, "id", "coordinator_id", "status", "asked_at", "reply_due_at"),
            "words": self("talk_request", "words", row),
            **_fields(row, "with_crisis", "asked_again", "replied_at", "reply_key", "done_at"),
            "reply_note": self("talk_request", "reply_note", row),
        }

    def body(self, table: str, message: InboundMessage | OutboxMessage) -> str | None:
        # The retention sweep leaves a removed body sealed empty: say "none" for it.
        return self(table, "body", message) or None


async def _consents(session: AsyncSession, opener: _Opener, person_id: str) -> list[Row]:
    rows = await session.execute(
        select(Consent, Coordinator)
        .join(Coordinator, Coordinator.id == Consent.coordinator_id)
        .where(Consent.person_id == person_id)
        .order_by(Consent.asked_at)
    )
    found = []
    for consent, coordinator in rows:
        events = await session.scalars(
            select(ConsentEvent)
            .where(ConsentEvent.consent_id == consent.id)
            .order_by(ConsentEvent.at, ConsentEvent.id)
        )
        found.append(
            {
                **_fields(consent, "id", "status"),
                "coordinator": vars(who(opener.keyring, coordinator)),
                "shares": consent.shares.split(),
                **_fields(consent, "asked_at", "given_at", "confirmed_at", "ended_at"),
                "events": _steps(opener, "consent_event", events),
            }
        )
    return found


async def _supporters(session: AsyncSession, opener: _Opener, person_id: str) -> list[Row]:
    """The person's supporters, each consent step with the exact words sent."""
    found = []
    for supporter in await session.scalars(
        select(Supporter)
        .where(Supporter.person_id == person_id)
        .order_by(Supporter.invited_at, Supporter.id)
    ):
        events = await session.scalars(
            select(SupporterEvent)
            .where(SupporterEvent.supporter_id == supporter.id)
            .order_by(SupporterEvent.at, SupporterEvent.id)
        )
        found.append(
            {
                **_fields(supporter, "id", "status"),
                "name": opener("supporter", "name", supporter),
                "phone": opener("supporter", "phone", supporter),
                "shares": supporter.shares.split(),
                **_fields(supporter, "invited_at", "joined_at", "ended_at", "last_week"),
                "events": _steps(opener, "supporter_event", events),
            }
        )
    return found


def _steps(
    opener: _Opener, table: str, events: Iterable[ConsentEvent | SupporterEvent]
) -> list[Row]:
    """Each consent step: what happened, when, the exact words sent, and what it covered."""
    return [
        {
            **_fields(e, "kind", "at"),
            "wording": opener(table, "wording", e),
            "shares": e.shares.split(),
        }
        for e in events
    ]


def _fields(row: object, *names: str) -> Row:
    return {name: _json(getattr(row, name)) for name in names}


def _json(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value

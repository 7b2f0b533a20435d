"""Erasure: a person and everything held about them, removed in one transaction.

Rows are found by person id and by the blind index of the number (messages, the
"told how to join" note and safety events can exist before someone joins). The audit
entry that records the erasure names a random erasure id, never the person. Deleted
SQLite pages are zeroed (`secure_delete`) and the file is then compacted, so the
erased values do not linger in free pages or the write-ahead log.
"""

from __future__ import annotations

import logging
import secrets
import sqlite3
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, Delete, delete, or_, select, text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from companion.context import ServiceContext
from companion.crypto.blind_index import phone_index
from companion.db import people
from companion.db.models import (
    CareNote,
    Consent,
    ConsentEvent,
    ConversationRow,
    DueItem,
    Feedback,
    Goal,
    InboundMessage,
    Observation,
    OutboxMessage,
    Person,
    SafetyEvent,
    StrangerReply,
    Summary,
    TipSent,
)
from companion.db.states import AuditAction, PersonStatus
from companion.records import audit

log = logging.getLogger(__name__)

ERASURE_ACTION = AuditAction.ERASURE


@dataclass(frozen=True)
class ErasureResult:
    """What an erasure removed: rows per table, under an id that is not the person's."""

    erasure_id: str
    removed: dict[str, int] = field(default_factory=dict)
    compacted: bool = False

    @property
    def total(self) -> int:
        """Rows removed across all tables."""
        return sum(self.removed.values())


async def erase_person(
    ctx: ServiceContext, e164: str, *, actor: str, compact: bool = True
) -> ErasureResult | None:
    """Remove the person with this number and everything about them, then audit it.

    Args:
        ctx: the service context.
        e164: the number, in E.164 form.
        actor: who asked (`operator`, `person`, `retention`); goes into the audit entry.
        compact: rewrite a SQLite file afterwards so no erased bytes remain on disk.

    Returns:
        What was removed, or None if nothing at all is held about this number.
    """
    result = await erase_index(ctx, phone_index(ctx.keyring, e164), actor=actor)
    if result is not None and compact:
        return replace(result, compacted=await compact_storage(ctx))
    return result


async def erase_index(
    ctx: ServiceContext, index: str, *, actor: str, only_stopped_before: datetime | None = None
) -> ErasureResult | None:
    """Erase everything held under a phone blind index, in one transaction (no compaction).

    Args:
        ctx: the service context.
        index: the phone blind index.
        actor: who asked, for the audit entry.
        only_stopped_before: erase only if the person is still stopped since before
            this time (checked under the row lock, so texting START just before wins).
    """
    async with ctx.sessions() as session, session.begin():
        await zero_deleted(session)
        person = await people.find_person(session, index, lock=True)
        if only_stopped_before is not None and not _stopped_before(person, only_stopped_before):
            return None
        removed = await _delete_all(session, index, person.id if person else None)
        if not any(removed.values()):
            return None
        erasure_id = secrets.token_hex(16)
        await audit.record(
            session,
            actor=actor,
            action=ERASURE_ACTION,
            subject=erasure_id,
            outcome="done",
            now=ctx.clock(),
        )
    log.info("erasure done", extra={"erasure_id": erasure_id, "rows": sum(removed.values())})
    return ErasureResult(erasure_id, removed)


async def zero_deleted(session: AsyncSession) -> None:
    """On SQLite, make this connection overwrite deleted content with zeros."""
    if session.get_bind().dialect.name == "sqlite":
        await session.execute(text("PRAGMA secure_delete = ON"))


def _stopped_before(person: Person | None, cutoff: datetime) -> bool:
    return (
        person is not None
        and person.status is PersonStatus.STOPPED
        and person.stopped_at is not None
        and person.stopped_at < cutoff
    )


async def stopped_before(ctx: ServiceContext, cutoff: datetime) -> list[str]:
    """Blind indexes of people who stopped before `cutoff` and have not come back."""
    async with ctx.sessions() as session, session.begin():
        found = await session.scalars(
            select(Person.phone_index).where(
                Person.status == PersonStatus.STOPPED, Person.stopped_at < cutoff
            )
        )
        return list(found)


async def compact_storage(ctx: ServiceContext) -> bool:
    """Rewrite a SQLite database and empty its write-ahead log; True if it was done.

    A no-op (False) on PostgreSQL, whose autovacuum reclaims dead rows in its own time.
    Fails soft (False, logged) if another connection keeps the database busy.
    """
    engine = cast(AsyncEngine, ctx.sessions.kw["bind"])
    if engine.dialect.name != "sqlite":
        return False
    async with engine.connect() as connection:
        raw = await connection.get_raw_connection()
        # The driver connection directly: VACUUM cannot run inside the BEGIN IMMEDIATE
        # our engine starts every SQLAlchemy transaction with.
        driver: Any = raw.driver_connection
        try:
            await driver.execute("VACUUM")
            await driver.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.OperationalError:
            log.warning("compaction after erasure skipped: database busy")
            return False
    return True


async def _delete_all(session: AsyncSession, index: str, person_id: str | None) -> dict[str, int]:
    """Delete in an order that never leaves a row pointing at a deleted one."""
    by_number: list[tuple[str, Delete]] = [
        ("safety_event", _of(SafetyEvent, index, person_id)),
        ("outbox_message", _of(OutboxMessage, index, person_id)),
        ("inbound_message", _of(InboundMessage, index, person_id)),
        ("stranger_reply", delete(StrangerReply).where(StrangerReply.phone_index == index)),
    ]
    steps = by_number
    if person_id is not None:
        consents = select(Consent.id).where(Consent.person_id == person_id)
        steps = [
            ("observation", delete(Observation).where(Observation.person_id == person_id)),
            ("consent_event", delete(ConsentEvent).where(ConsentEvent.consent_id.in_(consents))),
            ("summary", delete(Summary).where(Summary.person_id == person_id)),
            ("consent", delete(Consent).where(Consent.person_id == person_id)),
            ("goal", delete(Goal).where(Goal.person_id == person_id)),
            ("tip_sent", delete(TipSent).where(TipSent.person_id == person_id)),
            ("feedback", delete(Feedback).where(Feedback.person_id == person_id)),
            ("care_note", delete(CareNote).where(CareNote.person_id == person_id)),
            ("due_item", delete(DueItem).where(DueItem.person_id == person_id)),
            *by_number,
            ("conversation", delete(ConversationRow).where(ConversationRow.person_id == person_id)),
            ("person", delete(Person).where(Person.id == person_id)),
        ]
    removed = {}
    for table, statement in steps:
        result = cast(CursorResult[Any], await session.execute(statement))
        removed[table] = int(result.rowcount)
    return removed


def _of(
    model: type[SafetyEvent | OutboxMessage | InboundMessage], index: str, person_id: str | None
) -> Delete:
    condition = model.phone_index == index
    if person_id is not None:
        condition = or_(condition, model.person_id == person_id)
    return delete(model).where(condition)

"""The retention sweep: raw messages, old summaries and long-stopped people are removed.

Structured answers (observations) are kept while the person is with us; what goes is
the raw text of messages after `bodies_days`, weekly summaries after `summaries_days`,
and everything about someone who texted STOP more than `stopped_days` ago and has not
come back. Inbound rows stay (their MessageSid still deduplicates, safety events point
at them) with the body replaced by a sealed empty text; finished outbox rows go.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import ColumnElement, CursorResult, Delete, delete, func, or_, select, update
from sqlalchemy.orm import InstrumentedAttribute

from companion.context import ServiceContext
from companion.crypto.keyring import Keyring
from companion.crypto.sealing import seal
from companion.db.models import InboundMessage, OutboxMessage, StrangerReply, Summary
from companion.db.sealed import INBOUND_BODY
from companion.db.states import OutboxStatus
from companion.records import erasure
from companion.records.rekey import sealed_with

RETENTION_ACTOR = "retention"
FINISHED = (OutboxStatus.SENT, OutboxStatus.FAILED, OutboxStatus.CANCELLED, OutboxStatus.EXPIRED)


@dataclass(frozen=True)
class RetentionCounts:
    """How much one sweep removed."""

    inbound_bodies: int
    outbox_messages: int
    summaries: int
    stranger_replies: int
    people_erased: int


async def retention_sweep(
    ctx: ServiceContext,
    *,
    bodies_days: int = 90,
    summaries_days: int = 365,
    stopped_days: int = 365,
    batch: int = 500,
) -> RetentionCounts:
    """Remove what is past its retention period; safe to run as often as wanted.

    Args:
        ctx: the service context.
        bodies_days: keep message text (in and out) this long.
        summaries_days: keep weekly summaries this long.
        stopped_days: erase people this long after they stopped, unless they came back.
        batch: inbound bodies removed per transaction.
    """
    now = ctx.clock()
    bodies_cutoff = now - timedelta(days=bodies_days)
    counts = RetentionCounts(
        inbound_bodies=await _remove_inbound_bodies(ctx, bodies_cutoff, batch),
        outbox_messages=await _delete(
            ctx,
            delete(OutboxMessage).where(
                OutboxMessage.status.in_(FINISHED), OutboxMessage.created_at < bodies_cutoff
            ),
        ),
        summaries=await _delete(
            ctx, delete(Summary).where(Summary.created_at < now - timedelta(days=summaries_days))
        ),
        stranger_replies=await _delete(
            ctx, delete(StrangerReply).where(StrangerReply.last_replied_at < bodies_cutoff)
        ),
        people_erased=await _erase_stopped(ctx, now - timedelta(days=stopped_days)),
    )
    if counts.people_erased:
        await erasure.compact_storage(ctx)
    return counts


async def _remove_inbound_bodies(ctx: ServiceContext, cutoff: datetime, size: int) -> int:
    removed = 0
    while True:
        async with ctx.sessions() as session, session.begin():
            await erasure.zero_deleted(session)
            ids = list(
                await session.scalars(
                    select(InboundMessage.id)
                    .where(
                        InboundMessage.received_at < cutoff,
                        ~_removed(InboundMessage.body, ctx.keyring),
                    )
                    .limit(size)
                    .with_for_update()
                )
            )
            if ids:
                await session.execute(update(InboundMessage), [_emptied(ctx, i) for i in ids])
        removed += len(ids)
        if len(ids) < size:
            return removed


def _emptied(ctx: ServiceContext, row_id: str) -> dict[str, Any]:
    where = INBOUND_BODY.bound_to(row_id)
    return {"id": row_id, "body": seal(ctx.keyring, "", where)}


def _removed(column: InstrumentedAttribute[bytes], keyring: Keyring) -> ColumnElement[bool]:
    """SQL: the value is an empty text sealed with one of the keyring's keys.

    Seen from its key id and length alone, so the sweep never re-reads removed bodies.
    """
    return or_(
        *(
            sealed_with(column, key_id) & (func.length(column) == _empty_length(key_id))
            for key_id in keyring.keys
        )
    )


def _empty_length(key_id: str) -> int:
    return len(seal(Keyring({key_id: bytes(32)}, key_id, bytes(32)), "", b""))


async def _delete(ctx: ServiceContext, statement: Delete) -> int:
    async with ctx.sessions() as session, session.begin():
        await erasure.zero_deleted(session)
        result = cast(CursorResult[Any], await session.execute(statement))
        return int(result.rowcount)


async def _erase_stopped(ctx: ServiceContext, cutoff: datetime) -> int:
    erased = 0
    for index in await erasure.stopped_before(ctx, cutoff):
        # One transaction each: a person who texts START meanwhile is simply not found.
        if await erasure.erase_index(ctx, index, actor=RETENTION_ACTOR, only_stopped_before=cutoff):
            erased += 1
    return erased

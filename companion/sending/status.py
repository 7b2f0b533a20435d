"""Delivery status callbacks: move an outbox row's delivery status forward, never back.

Behind a proxy with several instances, a report can reach an instance before the
instance that sent the message has written its outcome (the row has no SID yet). Such
a report is kept as a `DeliveryReport` row and applied by the outcome writer in the
transaction that writes the SID. A per-SID transaction lock orders the two, so nothing
is lost whichever commits first; the outbox sweep also applies any kept report whose
row has its SID (belt and braces) and drops unmatched ones after two days.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Sequence
from datetime import datetime, timedelta

from sqlalchemy import delete, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from companion.context import ServiceContext
from companion.db.models import DeliveryReport, OutboxMessage

log = logging.getLogger(__name__)

_SID_LOCKS = 7_202_612  # PostgreSQL advisory lock space for delivery-report SIDs
# A report no row takes within this long is for a message we never sent: dropped.
KEEP_UNMATCHED = timedelta(days=2)

# Callbacks can arrive out of order; a later stage never goes back to an earlier one.
_STAGE = {
    "accepted": 0,
    "scheduled": 0,
    "queued": 1,
    "sending": 2,
    "sent": 3,
    "delivered": 4,
    "undelivered": 4,
    "failed": 4,
    "read": 5,
}


def is_known_status(status: str) -> bool:
    """True for a Twilio message status we understand."""
    return status in _STAGE


def moves_forward(current: str | None, status: str) -> bool:
    """True if `status` is at or past the stage of `current` (None: nothing yet)."""
    return _STAGE.get(status, -1) >= _STAGE.get(current or "", -1)


async def record_status(ctx: ServiceContext, sid: str, status: str, error_code: int | None) -> bool:
    """Apply a delivery status to the outbox row with Twilio SID `sid`, or keep it for later.

    Returns:
        True if applied now; False if no row has that SID yet and the report was kept
        (applied when the send's outcome is written, or dropped after two days).
    """
    async with ctx.sessions() as session, session.begin():
        await _serialise(session, [sid])
        row = await session.scalar(
            select(OutboxMessage).where(OutboxMessage.twilio_sid == sid).with_for_update()
        )
        if row is None:
            await _keep(session, sid, status, error_code, ctx.clock())
        else:
            _apply(row, status, error_code, ctx.clock())
    if row is None:
        log.info("delivery status kept until its send is recorded", extra={"status": status})
        return False
    ctx.metrics.delivery.labels(status).inc()
    log.info("delivery status recorded", extra={"outbox_id": row.id, "status": status})
    return True


async def _keep(
    session: AsyncSession, sid: str, status: str, error_code: int | None, now: datetime
) -> None:
    kept = await session.get(DeliveryReport, sid, with_for_update=True)
    if kept is None:
        session.add(DeliveryReport(sid=sid, status=status, error_code=error_code, received_at=now))
        return
    if moves_forward(kept.status, status):
        kept.status = status
    if error_code is not None:
        kept.error_code = error_code


async def _serialise(session: AsyncSession, sids: Sequence[str]) -> None:
    """On PostgreSQL, take a transaction lock per SID (SQLite transactions are serial).

    The outcome writer (SID written, then kept reports read) and a report's handler (row
    read, then the report kept) each hold it, so one always sees the other's commit: a
    report can never be kept just after the writer looked for it.
    """
    if sids and session.get_bind().dialect.name == "postgresql":
        await session.execute(
            text(
                "SELECT pg_advisory_xact_lock(:space, hashtext(sid)) "
                "FROM unnest(CAST(:sids AS text[])) AS sid ORDER BY sid"
            ),
            {"space": _SID_LOCKS, "sids": sorted(sids)},
        )


async def apply_kept(ctx: ServiceContext) -> int:
    """Apply every kept report whose outbox row now has its SID; drop old unmatched ones."""
    async with ctx.sessions() as session, session.begin():
        applied = await apply_kept_in(session, ctx.clock())
        await session.execute(
            delete(DeliveryReport).where(DeliveryReport.received_at < ctx.clock() - KEEP_UNMATCHED)
        )
    for status in applied:
        ctx.metrics.delivery.labels(status).inc()
    return len(applied)


async def apply_kept_in(
    session: AsyncSession, now: datetime, sids: Collection[str] | None = None
) -> list[str]:
    """In the caller's transaction: apply and delete kept reports that now match a row.

    Returns:
        The statuses applied, one per report.
    """
    query = (
        select(DeliveryReport, OutboxMessage)
        .join(OutboxMessage, OutboxMessage.twilio_sid == DeliveryReport.sid)
        .with_for_update()
    )
    if sids is not None:
        if not sids:
            return []
        await _serialise(session, sorted(sids))
        query = query.where(DeliveryReport.sid.in_(list(sids)))
    applied = []
    for report, row in (await session.execute(query)).all():
        _apply(row, report.status, report.error_code, now)
        await session.delete(report)
        applied.append(report.status)
    return applied


def _apply(row: OutboxMessage, status: str, error_code: int | None, now: datetime) -> None:
    if moves_forward(row.delivery_status, status):
        row.delivery_status = status
        row.error_code = error_code if error_code is not None else row.error_code
        row.updated_at = now

"""Delivery status callbacks: move an outbox row's delivery status forward, never back.

Behind a proxy with several instances, a report can reach an instance before the
instance that sent the message has written its outcome (the row has no SID yet). Such
a report is kept as a `DeliveryReport` row and applied when the outcome lands: by the
outcome writer in the same transaction, or, if the two transactions crossed (neither saw
the other's uncommitted row), by the next outbox sweep on any instance. So nothing is
lost whichever commits first; at worst a report waits one `COMPANION_SWEEP_SECONDS`.
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from companion.context import ServiceContext
from companion.db.models import DeliveryReport, OutboxMessage

log = logging.getLogger(__name__)

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
    """Apply a delivery status to the outbox row with Twilio SID `sid`.

    Returns:
        False if no row has that SID yet (see `keep_status`).
    """
    async with ctx.sessions() as session, session.begin():
        row = await session.scalar(
            select(OutboxMessage).where(OutboxMessage.twilio_sid == sid).with_for_update()
        )
        if row is None:
            return False
        _apply(row, status, error_code, ctx.clock())
    ctx.metrics.delivery.labels(status).inc()
    log.info("delivery status recorded", extra={"outbox_id": row.id, "status": status})
    return True


async def keep_status(ctx: ServiceContext, sid: str, status: str, error_code: int | None) -> None:
    """Keep a report whose send has no outcome written yet (applied when it is, or swept)."""
    for _ in range(2):  # a concurrent first report for the same SID: the second merges
        try:
            async with ctx.sessions() as session, session.begin():
                kept = await session.get(DeliveryReport, sid, with_for_update=True)
                if kept is None:
                    session.add(DeliveryReport(sid=sid, status=status, received_at=ctx.clock()))
                    kept = DeliveryReport(sid=sid, status=status)
                elif moves_forward(kept.status, status):
                    kept.status = status
                if error_code is not None:
                    kept.error_code = error_code
            break
        except IntegrityError:
            continue
    log.info("delivery status kept until its send is recorded", extra={"status": status})


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

"""Delivery status callbacks: move an outbox row's delivery status forward, never back."""

from __future__ import annotations

import logging

from sqlalchemy import select

from companion.context import ServiceContext
from companion.db.models import OutboxMessage

log = logging.getLogger(__name__)

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


async def record_status(ctx: ServiceContext, sid: str, status: str, error_code: int | None) -> bool:
    """Apply a delivery status to the outbox row with Twilio SID `sid`.

    Returns:
        False if no row has that SID (acknowledged and logged, not an error).
    """
    async with ctx.sessions() as session, session.begin():
        row = await session.scalar(
            select(OutboxMessage).where(OutboxMessage.twilio_sid == sid).with_for_update()
        )
        if row is None:
            return False
        current = _STAGE.get(row.delivery_status or "", -1)
        if _STAGE[status] >= current:
            row.delivery_status = status
            row.error_code = error_code if error_code is not None else row.error_code
            row.updated_at = ctx.clock()
    ctx.metrics.delivery.labels(status).inc()
    log.info("delivery status recorded", extra={"outbox_id": row.id, "status": status})
    return True

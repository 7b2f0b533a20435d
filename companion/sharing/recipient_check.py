"""Refusing to seal to a coordinator whose stored public key the keyring does not vouch for.

Before any summary is sealed, the coordinator's public key must carry a valid keyring
binding (`crypto.key_binding`). One that does not was written by someone without the
keyring (or predates bindings and has not been bound yet): nothing is sealed to it, a
metric counts it, the audit trail records it, and the operator is told what to do.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from companion.context import ServiceContext
from companion.crypto import key_binding
from companion.db.models import Coordinator
from companion.db.states import AuditAction
from companion.records import audit

log = logging.getLogger(__name__)
SYSTEM = "system"
MISMATCH_ACTION = AuditAction.KEY_MISMATCH


def key_is_trusted(ctx: ServiceContext, coordinator: Coordinator) -> bool:
    """True if the coordinator's stored public key carries a valid keyring binding."""
    return key_binding.is_bound(
        ctx.keyring, coordinator.id, coordinator.public_key, coordinator.public_key_binding
    )


async def report_mismatch(
    ctx: ServiceContext, session: AsyncSession, coordinator_id: str, now: datetime, where: str
) -> None:
    """Count, audit and log a public key that failed its check (ids only).

    Args:
        ctx: the service context (metrics).
        session: the caller's transaction, for the audit entry.
        coordinator_id: whose key failed.
        now: when.
        where: what found it (`seal` or `login`), as the metric label.
    """
    ctx.metrics.key_mismatch.labels(where).inc()
    await audit.record(
        session,
        actor=SYSTEM,
        action=MISMATCH_ACTION,
        outcome=where,
        now=now,
        subject=coordinator_id,
    )
    log.error(
        "coordinator public key is not the one the keyring bound: nothing is sealed to them."
        " Find out who wrote to the database, then run `companion coordinator reset %s`"
        " (a new key pair; they enrol again)",
        coordinator_id,
        extra={"coordinator_id": coordinator_id, "found_at": where},
    )


async def trusted_only(
    ctx: ServiceContext,
    session: AsyncSession,
    coordinators: Sequence[Coordinator],
    now: datetime,
) -> set[str]:
    """The ids of the coordinators that may be sealed to; every other one is reported once."""
    trusted: set[str] = set()
    refused: set[str] = set()
    for coordinator in coordinators:
        if coordinator.id in trusted or coordinator.id in refused:
            continue
        if key_is_trusted(ctx, coordinator):
            trusted.add(coordinator.id)
        else:
            refused.add(coordinator.id)
            await report_mismatch(ctx, session, coordinator.id, now, "seal")
    return trusted

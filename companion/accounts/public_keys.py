"""Keeping coordinators' public-key bindings current: after a key rotation, and after 0006.

A binding (`crypto.key_binding`) is made with a data key. `keys reencrypt` re-makes
each valid one under the current key, so an old key can be retired; one that does not
check is left alone (and still refuses sealing). Coordinators enrolled before bindings
existed are bound at their next login, from the private key they unwrap; an operator
who needs their summaries sooner runs `companion keys bind`, which trusts the public
keys stored at that moment (run it straight after upgrading, before anyone else could
have written to the database).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from companion.context import ServiceContext
from companion.crypto import key_binding
from companion.db.models import Coordinator
from companion.db.states import AuditAction
from companion.records import audit

OPERATOR = "operator"


async def rebind(session: AsyncSession, ctx: ServiceContext) -> int:
    """Re-make valid bindings that use an old data key under the current one; how many."""
    done = 0
    for coordinator in await session.scalars(
        select(Coordinator).where(Coordinator.public_key_binding.is_not(None))
    ):
        binding = coordinator.public_key_binding
        assert binding is not None
        if key_binding.key_id_of(binding) == ctx.keyring.current_id:
            continue
        if key_binding.is_bound(ctx.keyring, coordinator.id, coordinator.public_key, binding):
            assert coordinator.public_key is not None
            coordinator.public_key_binding = key_binding.bind(
                ctx.keyring, coordinator.id, coordinator.public_key
            )
            done += 1
    return done


async def bind_unbound(session: AsyncSession, ctx: ServiceContext, now: datetime) -> int:
    """Bind every enrolled coordinator that has no binding yet (trusting the stored key).

    Each binding made is audited. Returns how many were bound.
    """
    rows = await session.scalars(
        select(Coordinator).where(
            Coordinator.public_key.is_not(None), Coordinator.public_key_binding.is_(None)
        )
    )
    done = 0
    for coordinator in rows:
        assert coordinator.public_key is not None
        coordinator.public_key_binding = key_binding.bind(
            ctx.keyring, coordinator.id, coordinator.public_key
        )
        await audit.record(
            session,
            actor=OPERATOR,
            action=AuditAction.KEY_BOUND,
            outcome="ok",
            now=now,
            subject=coordinator.id,
        )
        done += 1
    return done

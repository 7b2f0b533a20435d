"""The audit trail: append-only, each entry chained to the one before by a hash.

Entries hold ids and action names only, never personal data. Editing or deleting an
entry breaks the chain, which `verify_chain` finds.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from companion.db.models import AuditEntry

GENESIS = "0" * 64
_CHAIN_LOCK = 7_202_611  # PostgreSQL advisory lock: one writer extends the chain at a time


def entry_hash(
    prev_hash: str, at: datetime, actor: str, action: str, subject: str | None, outcome: str
) -> str:
    """The hash of an entry: its fields and the previous entry's hash."""
    fields = (prev_hash, at.isoformat(), actor, action, subject or "", outcome)
    return hashlib.sha256("\x1f".join(fields).encode("utf-8")).hexdigest()


async def record(
    session: AsyncSession,
    *,
    actor: str,
    action: str,
    outcome: str,
    now: datetime,
    subject: str | None = None,
) -> AuditEntry:
    """Append an entry in the caller's transaction."""
    if session.get_bind().dialect.name == "postgresql":
        await session.execute(text(f"SELECT pg_advisory_xact_lock({_CHAIN_LOCK})"))
    last = await session.scalar(select(AuditEntry.entry_hash).order_by(AuditEntry.seq.desc()))
    prev = last or GENESIS
    entry = AuditEntry(
        at=now,
        actor=actor,
        action=action,
        subject=subject,
        outcome=outcome,
        prev_hash=prev,
        entry_hash=entry_hash(prev, now, actor, action, subject, outcome),
    )
    session.add(entry)
    await session.flush()
    return entry


def verify_chain(entries: Sequence[AuditEntry]) -> int | None:
    """The seq of the first entry that does not fit the chain, or None if all do."""
    prev = GENESIS
    for entry in entries:
        expected = entry_hash(
            prev, entry.at, entry.actor, entry.action, entry.subject, entry.outcome
        )
        if entry.prev_hash != prev or entry.entry_hash != expected:
            return entry.seq
        prev = entry.entry_hash
    return None

"""The audit trail: append-only, each entry MACed with a keyring key and chained to the last.

Entries hold ids and action names only, never personal data. Each carries a sequence
number (1, 2, 3, ... with no gaps) and an HMAC-SHA256, under a key derived from the
keyring's stable blind-index key, over its fields, its sequence number and the MAC of
the entry before. Someone who can write to the database but does not hold the keyring
cannot edit, delete, insert or rewrite entries unnoticed (`verify_chain`). Removing
the newest entries leaves a valid shorter chain, so the head (the newest MAC) is also
printed by `companion audit verify`, to be kept elsewhere and checked later with
`--expect-head`.

Entries written before migration 0006 used an unkeyed SHA-256 chain; `key_legacy_entries`
checks that chain and re-MACs it once, at start-up.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
from collections.abc import Sequence
from datetime import datetime

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import select, text, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from companion.crypto.keyring import INDEX_KEY_ID, Keyring
from companion.db.models import AuditEntry
from companion.db.states import AuditAction

log = logging.getLogger(__name__)
GENESIS = "0" * 64
KEYRING_INFO = "companion.audit.keyring"  # where a session carries the keyring (session.info)
_CHAIN_LOCK = 7_202_611  # PostgreSQL advisory lock: one writer extends the chain at a time
_LABEL = b"companion/audit-chain/v1"


class AuditKeyMissing(RuntimeError):
    """An audit entry was written through a session without the keyring."""


def chain_key(keyring: Keyring) -> bytes:
    """The MAC key of the chain: derived from the blind-index key, stable across rotations."""
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_LABEL)
    return hkdf.derive(keyring.index_key)


def entry_mac(key: bytes, prev: str, seq: int, entry: AuditEntry) -> str:
    """The MAC of an entry: its sequence number, fields and the previous entry's MAC."""
    fields = (
        prev,
        str(seq),
        entry.at.isoformat(),
        entry.actor,
        entry.action,
        entry.subject or "",
        entry.outcome,
    )
    message = "\x1f".join(fields).encode("utf-8")
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def entry_hash(
    prev_hash: str, at: datetime, actor: str, action: str, subject: str | None, outcome: str
) -> str:
    """The unkeyed hash entries had before 0006 (only to check and re-MAC old chains)."""
    fields = (prev_hash, at.isoformat(), actor, action, subject or "", outcome)
    return hashlib.sha256("\x1f".join(fields).encode("utf-8")).hexdigest()


async def record(
    session: AsyncSession,
    *,
    actor: str,
    action: AuditAction,
    outcome: str,
    now: datetime,
    subject: str | None = None,
) -> AuditEntry:
    """Append an entry in the caller's transaction.

    The session must come from a `ServiceContext` (it carries the keyring).

    Raises:
        AuditKeyMissing: the session does not carry the keyring.
    """
    keyring = session.info.get(KEYRING_INFO)
    if not isinstance(keyring, Keyring):
        raise AuditKeyMissing("audit entries are MACed: use a session from the service context")
    if session.get_bind().dialect.name == "postgresql":
        await session.execute(text(f"SELECT pg_advisory_xact_lock({_CHAIN_LOCK})"))
    last = (
        await session.execute(
            select(AuditEntry.seq, AuditEntry.entry_hash).order_by(AuditEntry.seq.desc()).limit(1)
        )
    ).first()
    prev, seq = (last[1], last[0] + 1) if last else (GENESIS, 1)
    entry = AuditEntry(
        seq=seq, at=now, actor=actor, action=action, subject=subject, outcome=outcome
    )
    entry.prev_hash = prev
    entry.key_id = INDEX_KEY_ID
    entry.entry_hash = entry_mac(chain_key(keyring), prev, seq, entry)
    session.add(entry)
    await session.flush()
    return entry


def verify_chain(entries: Sequence[AuditEntry], keyring: Keyring) -> int | None:
    """The seq of the first entry that does not fit the chain, or None if all do.

    An entry fits if it is the next sequence number, names the previous entry's MAC,
    and its own MAC is right under the keyring.
    """
    key = chain_key(keyring)
    prev, expected_seq = GENESIS, 1
    for entry in entries:
        if (
            entry.seq != expected_seq
            or entry.prev_hash != prev
            or entry.key_id != INDEX_KEY_ID
            or not hmac.compare_digest(entry.entry_hash, entry_mac(key, prev, entry.seq, entry))
        ):
            return entry.seq
        prev, expected_seq = entry.entry_hash, entry.seq + 1
    return None


async def key_legacy_entries(sessions: async_sessionmaker[AsyncSession], keyring: Keyring) -> int:
    """Re-MAC entries written before 0006, if their unkeyed chain is intact; how many.

    A broken legacy chain is left as it is (and logged): verification then names it.
    """
    async with sessions.begin() as session:
        entries = list(await session.scalars(select(AuditEntry).order_by(AuditEntry.seq)))
        legacy = [entry for entry in entries if entry.key_id is None]
        if not legacy:
            return 0
        if legacy != entries[: len(legacy)] or _legacy_broken(legacy):
            log.error("audit entries from before 0006 do not verify: left unkeyed")
            return 0
        key, prev = chain_key(keyring), GENESIS
        for seq, entry in enumerate(entries, start=1):
            mac = entry_mac(key, prev, seq, entry)
            await session.execute(
                update(AuditEntry)
                .where(AuditEntry.seq == entry.seq)
                .values(seq=seq, prev_hash=prev, entry_hash=mac, key_id=INDEX_KEY_ID)
            )
            prev = mac
        return len(legacy)


def _legacy_broken(entries: Sequence[AuditEntry]) -> bool:
    prev = GENESIS
    for entry in entries:
        expected = entry_hash(
            prev, entry.at, entry.actor, entry.action, entry.subject, entry.outcome
        )
        if entry.prev_hash != prev or entry.entry_hash != expected:
            return True
        prev = entry.entry_hash
    return False


async def check_trail(sessions: async_sessionmaker[AsyncSession], keyring: Keyring) -> int | None:
    """Verify the whole trail as stored now: the first broken seq, or None if intact."""
    async with sessions() as session:
        entries = list(await session.scalars(select(AuditEntry).order_by(AuditEntry.seq)))
    return verify_chain(entries, keyring)

"""A coordinator's life after enrolment: listed, disabled, reset, passphrase changed.

* disable: they can no longer log in, their sessions end, nothing more is sealed to
  them. Their summaries stay (sealed to their key) for when they are reset.
* reset: for a lost passphrase, a left job, or a public key that failed its keyring
  check. Their credentials and keys go; the summaries sealed to the old key are
  deleted (nobody can open them any more); all their sessions end; a new one-time
  enrolment link is made, and enrolling through it makes a new key pair.
* passphrase change (in the portal): the private key is re-wrapped under the new
  passphrase (the key pair stays, so existing summaries still open), and their other
  sessions end.

Every change is audited.
"""

from __future__ import annotations

import asyncio
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy import delete, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from companion.accounts.coordinators import (
    ENROLMENT_VALID_FOR,
    MAX_PASSPHRASE_CHARS,
    MIN_PASSPHRASE_CHARS,
    OPERATOR,
    normalise_email,
    token_hash,
    who,
)
from companion.accounts.passphrase_strength import weakness
from companion.crypto import coordinator_keys, key_binding
from companion.crypto.keyring import Keyring
from companion.crypto.passwords import (
    PRODUCTION_PARAMS,
    Argon2Params,
    hash_passphrase,
    verify_passphrase,
)
from companion.db.models import Coordinator, PortalSession, Summary
from companion.db.states import AuditAction
from companion.records import audit

ChangeRefused = Literal["wrong", "mismatch", "short", "long", "weak", "same"]


class PassphraseChangeRefused(ValueError):
    """The new passphrase was not set; `reason` says why (the page words it)."""

    def __init__(self, reason: ChangeRefused) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Listing:
    """One coordinator as `companion coordinator list` shows them."""

    id: str
    email: str
    name: str
    team: str
    state: str  # pending, active, disabled
    key: str  # bound, mismatch (not the keyring's), unbound (before 0006), none


@dataclass(frozen=True)
class Reset:
    """What a reset did: the new enrolment link's token and what was removed."""

    coordinator_id: str
    token: str
    expires_at: datetime
    summaries_deleted: int
    sessions_ended: int


async def find(session: AsyncSession, who_: str) -> Coordinator | None:
    """A coordinator by id or email address."""
    found: Coordinator | None = await session.scalar(
        select(Coordinator).where(
            or_(Coordinator.id == who_.strip(), Coordinator.email == normalise_email(who_))
        )
    )
    return found


async def listing(session: AsyncSession, keyring: Keyring) -> list[Listing]:
    """Every coordinator, oldest first, with the state of their account and key."""
    rows = await session.scalars(select(Coordinator).order_by(Coordinator.created_at))
    return [_listed(keyring, row) for row in rows]


def _listed(keyring: Keyring, row: Coordinator) -> Listing:
    named = who(keyring, row)
    state = "disabled" if row.disabled_at else "active" if row.enrolled_at else "pending"
    if row.public_key is None:
        key = "none"
    elif row.public_key_binding is None:
        key = "unbound"
    elif key_binding.is_bound(keyring, row.id, row.public_key, row.public_key_binding):
        key = "bound"
    else:
        key = "mismatch"
    return Listing(row.id, row.email, named.name, named.team, state, key)


async def disable(session: AsyncSession, coordinator: Coordinator, now: datetime) -> int:
    """Stop a coordinator logging in and receiving summaries; returns sessions ended."""
    coordinator.disabled_at = now
    ended = await _end_sessions(session, coordinator.id)
    await audit.record(
        session,
        actor=OPERATOR,
        action=AuditAction.COORDINATOR_DISABLE,
        outcome="ok",
        now=now,
        subject=coordinator.id,
    )
    return ended


async def reset(session: AsyncSession, coordinator: Coordinator, now: datetime) -> Reset:
    """Remove credentials and keys, delete summaries sealed to the old key, end sessions,
    and make a new one-time enrolment link (enrolling makes a new key pair)."""
    summaries = await session.scalar(
        select(func.count()).select_from(Summary).where(Summary.coordinator_id == coordinator.id)
    )
    await session.execute(delete(Summary).where(Summary.coordinator_id == coordinator.id))
    ended = await _end_sessions(session, coordinator.id)
    token = secrets.token_urlsafe(32)
    coordinator.passphrase_hash = None
    coordinator.public_key = None
    coordinator.public_key_binding = None
    coordinator.wrapped_key = None
    coordinator.totp_secret = None
    coordinator.totp_last_step = None
    coordinator.enrolled_at = None
    coordinator.disabled_at = None
    coordinator.failed_logins = 0
    coordinator.locked_until = None
    coordinator.enrol_token_hash = token_hash(token)
    coordinator.enrol_expires_at = now + ENROLMENT_VALID_FOR
    await audit.record(
        session,
        actor=OPERATOR,
        action=AuditAction.COORDINATOR_RESET,
        outcome="ok",
        now=now,
        subject=coordinator.id,
    )
    return Reset(coordinator.id, token, now + ENROLMENT_VALID_FOR, int(summaries or 0), ended)


async def change_passphrase(
    session: AsyncSession,
    keyring: Keyring,
    coordinator: Coordinator,
    passphrases: tuple[str, str, str],
    now: datetime,
    params: Argon2Params = PRODUCTION_PARAMS,
) -> None:
    """Check the current passphrase and re-wrap the private key under the new one.

    Args:
        session: the caller's transaction.
        keyring: for the coordinator's name (the strength check).
        coordinator: the logged-in coordinator.
        passphrases: (current, new, new again) as typed.
        now: when.
        params: Argon2 cost for the new passphrase.

    Raises:
        PassphraseChangeRefused: the current passphrase is wrong, or the new one is
            not acceptable.
    """
    current, new, again = passphrases
    reason = _refusal(keyring, coordinator, new, again, current)
    if reason is None:
        assert coordinator.passphrase_hash is not None
        if not await asyncio.to_thread(verify_passphrase, current, coordinator.passphrase_hash):
            reason = "wrong"
    if reason is not None:
        await audit.record(
            session,
            actor=f"coordinator:{coordinator.id}",
            action=AuditAction.PASSPHRASE_CHANGE,
            outcome=reason,
            now=now,
            subject=coordinator.id,
        )
        raise PassphraseChangeRefused(reason)
    assert coordinator.wrapped_key is not None
    wrapped = coordinator_keys.from_bytes(coordinator.wrapped_key)
    try:
        rewrapped = await asyncio.to_thread(
            coordinator_keys.rewrap, wrapped, current, new, coordinator.id, params
        )
    except coordinator_keys.WrongPassphrase:
        raise PassphraseChangeRefused("wrong") from None
    coordinator.wrapped_key = coordinator_keys.to_bytes(rewrapped)
    coordinator.passphrase_hash = await asyncio.to_thread(hash_passphrase, new, params)
    await audit.record(
        session,
        actor=f"coordinator:{coordinator.id}",
        action=AuditAction.PASSPHRASE_CHANGE,
        outcome="ok",
        now=now,
        subject=coordinator.id,
    )


def _refusal(
    keyring: Keyring, coordinator: Coordinator, new: str, again: str, current: str
) -> ChangeRefused | None:
    if new != again:
        return "mismatch"
    if len(new) < MIN_PASSPHRASE_CHARS:
        return "short"
    if len(new) > MAX_PASSPHRASE_CHARS:
        return "long"
    if new == current:
        return "same"
    if weakness(new, email=coordinator.email, name=who(keyring, coordinator).name):
        return "weak"
    return None


async def end_other_sessions(session: AsyncSession, coordinator_id: str, keep: str) -> int:
    """End every session of the coordinator except `keep` (the one that asked)."""
    result = await session.execute(
        delete(PortalSession).where(
            PortalSession.coordinator_id == coordinator_id, PortalSession.id != keep
        )
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def _end_sessions(session: AsyncSession, coordinator_id: str) -> int:
    result = await session.execute(
        delete(PortalSession).where(PortalSession.coordinator_id == coordinator_id)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]

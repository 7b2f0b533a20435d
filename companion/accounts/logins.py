"""Logging in: email, passphrase and TOTP code, counted against the account, key checked.

Each try is counted against the account before it is checked (`_reserve_try`), so
guesses from anywhere get at most `login_throttle.ACCOUNT_MAX_FAILURES` checks per
`ACCOUNT_LOCK`; a browser with a device cookie for the account is exempt. A correct
login unwraps the private key and compares its public half with the stored key.
Argon2id work runs in a worker thread so the event loop keeps serving.
"""

from __future__ import annotations

import asyncio
import functools
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from companion.accounts.coordinators import normalise_email
from companion.accounts.login_throttle import ACCOUNT_LOCK, ACCOUNT_MAX_FAILURES
from companion.crypto import coordinator_keys, key_binding, totp
from companion.crypto.keyring import Keyring
from companion.crypto.passwords import hash_passphrase, verify_passphrase
from companion.crypto.sealing import unseal
from companion.db.models import Coordinator
from companion.db.sealed import COORDINATOR_TOTP

LoginFailure = Literal[
    "unknown_email", "wrong_passphrase", "wrong_totp", "reused_totp", "locked", "disabled"
]


@dataclass(frozen=True)
class LoginResult:
    """The outcome of a login attempt: a private key on success, else why it failed.

    `key_mismatch` is True when the stored public key is not the unwrapped private
    key's, or its keyring binding does not check: summaries are not sealed to them
    until an operator resets the coordinator.
    """

    coordinator_id: str | None
    private_key: X25519PrivateKey | None
    failure: LoginFailure | None
    key_mismatch: bool = False
    locked_until: datetime | None = None


async def check_login(
    session: AsyncSession,
    keyring: Keyring,
    *,
    email: str,
    passphrase: str,
    code: str,
    now: datetime,
    trusted_device: bool = False,
) -> LoginResult:
    """Check email, passphrase and TOTP code; unwrap the private key if all are right.

    A TOTP step is accepted once: the step is stored with a conditional update, so
    the same code cannot log in twice, even in two requests at the same moment.
    Each try is counted against the account before it is checked (`_reserve_try`),
    unless it comes from a browser with a device cookie for the account
    (`trusted_device`), so a locked account is refused unchecked ("locked").
    Every other outcome is the caller's to audit and throttle.
    """
    coordinator = await session.scalar(
        select(Coordinator).where(Coordinator.email == normalise_email(email))
    )
    if coordinator is not None and coordinator.disabled_at is not None:
        await asyncio.to_thread(verify_passphrase, passphrase, _decoy_hash())
        return LoginResult(coordinator.id, None, "disabled")
    if coordinator is None or coordinator.passphrase_hash is None:
        # Same Argon2 cost as a real account, so timing does not tell who exists.
        await asyncio.to_thread(verify_passphrase, passphrase, _decoy_hash())
        return LoginResult(None, None, "unknown_email")
    if not trusted_device and not await _reserve_try(session, coordinator.id, now):
        return LoginResult(coordinator.id, None, "locked", locked_until=coordinator.locked_until)
    if not await asyncio.to_thread(verify_passphrase, passphrase, coordinator.passphrase_hash):
        return await _failed(session, coordinator, "wrong_passphrase")
    step = _totp_step(keyring, coordinator, code, now)
    if step is None:
        replayed = _totp_step(keyring, coordinator, code, now, replay=True) is not None
        return await _failed(session, coordinator, "reused_totp" if replayed else "wrong_totp")
    claimed = await session.execute(
        update(Coordinator)
        .where(Coordinator.id == coordinator.id)
        .where(or_(Coordinator.totp_last_step.is_(None), Coordinator.totp_last_step < step))
        .values(totp_last_step=step, failed_logins=0)
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:  # type: ignore[attr-defined]
        return await _failed(session, coordinator, "reused_totp")
    assert coordinator.wrapped_key is not None
    wrapped = coordinator_keys.from_bytes(coordinator.wrapped_key)
    private = await asyncio.to_thread(
        coordinator_keys.unwrap_private_key, wrapped, passphrase, coordinator.id
    )
    matches = check_public_key(keyring, coordinator, coordinator_keys.public_bytes(private))
    return LoginResult(coordinator.id, private, None, key_mismatch=not matches)


def check_public_key(keyring: Keyring, coordinator: Coordinator, true_public: bytes) -> bool:
    """Check the stored public key against the one a just-unwrapped private key has.

    The private key is authentic (it opened with the coordinator's passphrase, bound
    to their id), so a stored key equal to its public half is the real one: a missing
    binding (a coordinator enrolled before bindings existed) or one made with a retired
    data key is (re)made here under the current key.

    Returns:
        False if the stored public key is another key (someone wrote to the database).
    """
    if coordinator.public_key != true_public:
        return False
    if (
        not key_binding.is_bound(
            keyring, coordinator.id, coordinator.public_key, coordinator.public_key_binding
        )
        or key_binding.key_id_of(coordinator.public_key_binding or b"") != keyring.current_id
    ):
        coordinator.public_key_binding = key_binding.bind(keyring, coordinator.id, true_public)
    return True


def _totp_step(
    keyring: Keyring, coordinator: Coordinator, code: str, now: datetime, *, replay: bool = False
) -> int | None:
    assert coordinator.totp_secret is not None
    where = COORDINATOR_TOTP.bound_to(coordinator.id)
    secret = bytes.fromhex(unseal(keyring, coordinator.totp_secret, where))
    last = None if replay else coordinator.totp_last_step
    return totp.verify_totp(secret, code, now, last_used_step=last)


async def _reserve_try(session: AsyncSession, coordinator_id: str, now: datetime) -> bool:
    """Count a try against the account before checking it; False if the account is locked.

    One conditional update, so concurrent tries cannot pass a lock being set. The
    `ACCOUNT_MAX_FAILURES`th try in a row is still checked, and locks the account
    for `ACCOUNT_LOCK` (a correct login sets the count back to 0).
    """
    counted = await session.execute(
        update(Coordinator)
        .where(Coordinator.id == coordinator_id)
        .where(or_(Coordinator.locked_until.is_(None), Coordinator.locked_until <= now))
        .values(failed_logins=Coordinator.failed_logins + 1)
        .returning(Coordinator.failed_logins)
        .execution_options(synchronize_session=False)
    )
    tries = counted.scalar_one_or_none()
    if tries is None:
        return False
    if tries >= ACCOUNT_MAX_FAILURES:
        await session.execute(
            update(Coordinator)
            .where(Coordinator.id == coordinator_id)
            .values(failed_logins=0, locked_until=now + ACCOUNT_LOCK)
            .execution_options(synchronize_session=False)
        )
    return True


async def _failed(
    session: AsyncSession, coordinator: Coordinator, failure: LoginFailure
) -> LoginResult:
    """A failed check (already counted against the account by `_reserve_try`)."""
    return LoginResult(coordinator.id, None, failure)


@functools.cache
def _decoy_hash() -> str:
    return hash_passphrase(secrets.token_urlsafe(16))

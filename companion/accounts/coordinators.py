"""Coordinator accounts: adding, enrolling with a passphrase and TOTP, and logging in.

An operator adds a coordinator and gets a one-time enrolment link; only the SHA-256
of its random token is stored, and it lasts 72 hours. Following the link, the
coordinator is shown a TOTP secret (kept sealed on their row until enrolment ends),
chooses a passphrase and confirms a first code. Only then is their X25519 key pair
made, the private half wrapped under the passphrase, and the link spent.

Argon2id work runs in a worker thread so the event loop keeps serving.
"""

from __future__ import annotations

import asyncio
import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from companion.accounts.passphrase_strength import weakness
from companion.crypto import coordinator_keys, key_binding, totp
from companion.crypto.keyring import Keyring
from companion.crypto.passwords import (
    PRODUCTION_PARAMS,
    Argon2Params,
    hash_passphrase,
)
from companion.crypto.sealing import seal, unseal
from companion.db.models import Coordinator, new_id
from companion.db.sealed import COORDINATOR_NAME, COORDINATOR_TEAM, COORDINATOR_TOTP
from companion.db.states import AuditAction
from companion.records import audit
from companion.sms.segments import non_gsm7_characters

ENROLMENT_VALID_FOR = timedelta(hours=72)
MIN_PASSPHRASE_CHARS = 12
MAX_PASSPHRASE_CHARS = 1024
OPERATOR = "operator"


class CoordinatorExists(ValueError):
    """A coordinator with this email address is already on file."""


class EnrolmentRefused(ValueError):
    """Enrolment did not complete; `reason` says which check failed (for the page)."""

    def __init__(self, reason: Literal["short", "mismatch", "long", "code", "weak"]) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Who:
    """A coordinator as people and pages name them: their name and team, unsealed."""

    name: str
    team: str


def who(keyring: Keyring, coordinator: Coordinator) -> Who:
    """The coordinator's name and team (sealed on their row: a team can reveal care)."""
    return Who(
        name=unseal(keyring, coordinator.name, COORDINATOR_NAME.bound_to(coordinator.id)),
        team=unseal(keyring, coordinator.team, COORDINATOR_TEAM.bound_to(coordinator.id)),
    )


@dataclass(frozen=True)
class NewCoordinator:
    """A coordinator just added, with the token for their one-time enrolment link."""

    coordinator_id: str
    token: str
    expires_at: datetime


@dataclass(frozen=True)
class PendingEnrolment:
    """What the enrolment page shows: who, and the TOTP secret to add to an app.

    It carries the keyring that binds the public key made when enrolment completes.
    """

    coordinator: Coordinator
    totp_secret: bytes
    keyring: Keyring


def normalise_email(email: str) -> str:
    """Email addresses are compared without case, surrounding spaces or NUL characters."""
    return email.replace("\x00", "").strip().lower()


def token_hash(token: str) -> str:
    """The stored form of an enrolment token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def enrolment_url(public_base_url: str, token: str) -> str:
    """The link a new coordinator opens to enrol."""
    return f"{public_base_url.rstrip('/')}/portal/enrol/{token}"


async def add_coordinator(
    session: AsyncSession,
    keyring: Keyring,
    *,
    name: str,
    email: str,
    team: str,
    now: datetime,
) -> NewCoordinator:
    """Create an account awaiting enrolment, in the caller's transaction.

    Raises:
        CoordinatorExists: the email address is taken.
        ValueError: a field is empty or too long for its column.
    """
    address = normalise_email(email)
    # Name and team are texted to people ("Sam Patel (Hackney CMHT) would like..."):
    # short and GSM-7, so those texts cost what their budgets say.
    fields = {"name": (name.strip(), 40), "email": (address, 254), "team": (team.strip(), 40)}
    for field, (value, limit) in fields.items():
        if not value or len(value) > limit or (field == "email" and "@" not in value):
            raise ValueError(f"{field}: must be 1 to {limit} characters")
        if field != "email" and non_gsm7_characters(value):
            raise ValueError(f"{field}: use plain letters (it is sent by SMS)")
    if await session.scalar(select(Coordinator.id).where(Coordinator.email == address)):
        raise CoordinatorExists(address)
    token = secrets.token_urlsafe(32)
    coordinator_id = new_id()
    coordinator = Coordinator(
        id=coordinator_id,
        name=seal(keyring, fields["name"][0], COORDINATOR_NAME.bound_to(coordinator_id)),
        email=address,
        team=seal(keyring, fields["team"][0], COORDINATOR_TEAM.bound_to(coordinator_id)),
        enrol_token_hash=token_hash(token),
        enrol_expires_at=now + ENROLMENT_VALID_FOR,
        created_at=now,
    )
    session.add(coordinator)
    await session.flush()
    await audit.record(
        session,
        actor=OPERATOR,
        action=AuditAction.COORDINATOR_ADD,
        outcome="ok",
        now=now,
        subject=coordinator.id,
    )
    return NewCoordinator(coordinator.id, token, now + ENROLMENT_VALID_FOR)


async def pending_enrolment(
    session: AsyncSession, keyring: Keyring, token: str, now: datetime
) -> PendingEnrolment | None:
    """The enrolment a link is for, making its TOTP secret on first visit.

    The same secret is shown on every visit until enrolment completes, so reloading
    the page does not undo an authenticator app already set up.

    Returns:
        None if the link is unknown, expired or already used.
    """
    coordinator = await session.scalar(
        select(Coordinator).where(Coordinator.enrol_token_hash == token_hash(token))
    )
    expires = coordinator.enrol_expires_at if coordinator else None
    if coordinator is None or coordinator.enrolled_at is not None or expires is None:
        return None
    if expires <= now:
        return None
    where = COORDINATOR_TOTP.bound_to(coordinator.id)
    if coordinator.totp_secret is None:
        secret = totp.new_totp_secret()
        coordinator.totp_secret = seal(keyring, secret.hex(), where)
        await session.flush()
    else:
        secret = bytes.fromhex(unseal(keyring, coordinator.totp_secret, where))
    return PendingEnrolment(coordinator, secret, keyring)


async def complete_enrolment(
    session: AsyncSession,
    pending: PendingEnrolment,
    *,
    passphrase: str,
    passphrase_again: str,
    code: str,
    now: datetime,
    params: Argon2Params = PRODUCTION_PARAMS,
) -> None:
    """Set the passphrase and key pair once the first TOTP code is right; spend the link.

    Raises:
        EnrolmentRefused: passphrases differ, are too short/long or easy to guess
            (`passphrase_strength`), or the code is wrong.
    """
    if passphrase != passphrase_again:
        raise EnrolmentRefused("mismatch")
    if len(passphrase) < MIN_PASSPHRASE_CHARS:
        raise EnrolmentRefused("short")
    if len(passphrase) > MAX_PASSPHRASE_CHARS:
        raise EnrolmentRefused("long")
    named = who(pending.keyring, pending.coordinator)
    if weakness(passphrase, email=pending.coordinator.email, name=named.name) is not None:
        raise EnrolmentRefused("weak")
    step = totp.verify_totp(pending.totp_secret, code, now, last_used_step=None)
    if step is None:
        raise EnrolmentRefused("code")
    coordinator = pending.coordinator
    hashed, wrapped, public = await asyncio.to_thread(
        _new_credentials, passphrase, coordinator.id, params
    )
    coordinator.passphrase_hash = hashed
    coordinator.public_key = public
    coordinator.public_key_binding = key_binding.bind(pending.keyring, coordinator.id, public)
    coordinator.wrapped_key = coordinator_keys.to_bytes(wrapped)
    coordinator.totp_last_step = step
    coordinator.enrolled_at = now
    coordinator.enrol_token_hash = None
    coordinator.enrol_expires_at = None
    coordinator.failed_logins = 0
    actor = f"coordinator:{coordinator.id}"
    await audit.record(
        session,
        actor=actor,
        action=AuditAction.ENROL,
        outcome="ok",
        now=now,
        subject=coordinator.id,
    )


def _new_credentials(
    passphrase: str, coordinator_id: str, params: Argon2Params
) -> tuple[str, coordinator_keys.WrappedKey, bytes]:
    private, public = coordinator_keys.new_key_pair()
    wrapped = coordinator_keys.wrap_private_key(private, passphrase, coordinator_id, params)
    return hash_passphrase(passphrase, params), wrapped, public

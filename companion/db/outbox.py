"""The outbox: queued SMS, claimed in batches, sent once, with their outcome recorded."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from companion.crypto.keyring import Keyring
from companion.crypto.sealing import SealError, associated_data, seal, unseal
from companion.db.models import OutboxMessage, new_id

PENDING, SENDING, SENT, FAILED, CANCELLED, EXPIRED = (
    "pending",
    "sending",
    "sent",
    "failed",
    "cancelled",
    "expired",
)
# `failure_reason` of a pending row whose last send has no known outcome (its process
# died mid-send, or the answer was lost): it is looked up at the carrier before any resend.
UNCONFIRMED = "unconfirmed"


@dataclass(frozen=True)
class ClaimedSms:
    """A claimed outbox row, unsealed, ready to hand to the gateway."""

    id: str
    claim_token: str
    person_id: str | None
    phone_index: str
    to: str
    body: str
    attempts: int
    valid_until: datetime | None
    created_at: datetime
    unconfirmed: bool = False


def queue_sms(
    session: AsyncSession,
    keyring: Keyring,
    *,
    to: str,
    phone_index: str,
    person_id: str | None,
    body: str,
    message_key: str,
    priority: int,
    now: datetime,
    not_before: datetime | None = None,
    valid_until: datetime | None = None,
    sequence: int = 0,
) -> OutboxMessage:
    """Add an outbox row to the session's transaction (it is sent only once committed).

    `sequence` orders rows queued together (a re-ask, then the next question): it is
    added to `created_at` in microseconds, which the dispatcher sends them in.
    """
    row = OutboxMessage(
        **sms_values(
            keyring,
            to=to,
            phone_index=phone_index,
            person_id=person_id,
            body=body,
            message_key=message_key,
            priority=priority,
            now=now,
            not_before=not_before,
            valid_until=valid_until,
            sequence=sequence,
        )
    )
    session.add(row)
    return row


def sms_values(
    keyring: Keyring,
    *,
    to: str,
    phone_index: str,
    person_id: str | None,
    body: str,
    message_key: str,
    priority: int,
    now: datetime,
    not_before: datetime | None = None,
    valid_until: datetime | None = None,
    sequence: int = 0,
) -> dict[str, object]:
    """The columns of a new pending outbox row, its number and body sealed to it."""
    row_id = new_id()
    return {
        "id": row_id,
        "person_id": person_id,
        "phone_index": phone_index,
        "to_number": seal(keyring, to, associated_data("outbox_message", "to_number", row_id)),
        "body": seal(keyring, body, associated_data("outbox_message", "body", row_id)),
        "message_key": message_key,
        "priority": priority,
        "status": PENDING,
        "not_before": not_before or now,
        "valid_until": valid_until,
        "attempts": 0,
        "created_at": now + timedelta(microseconds=sequence),
        "updated_at": now,
    }


_INSERT = insert(OutboxMessage.metadata.tables[OutboxMessage.__tablename__])


async def insert_sms(session: AsyncSession, rows: Sequence[dict[str, object]]) -> None:
    """Insert rows made by `sms_values` now, in the session's transaction.

    One Core statement, with no ORM objects to build and flush (the inbound replies).
    """
    if len(rows) == 1:
        await session.execute(_INSERT, rows[0])
    elif rows:
        await session.execute(_INSERT, list(rows))


async def claim_due(
    session: AsyncSession,
    keyring: Keyring,
    now: datetime,
    limit: int,
    only_phone_index: str | None = None,
    max_priority: int | None = None,
) -> list[ClaimedSms]:
    """Claim up to `limit` due rows, replies first, marking them `sending`.

    Call inside a transaction. On PostgreSQL, rows another process holds are skipped
    (FOR UPDATE SKIP LOCKED), so each row is claimed by exactly one dispatcher.
    `only_phone_index` limits the claim to one number (the terminal simulator);
    `max_priority` holds back lower-priority rows (bulk prompts during quiet hours).
    """
    query = (
        select(OutboxMessage)
        .where(OutboxMessage.status == PENDING, OutboxMessage.not_before <= now)
        .order_by(OutboxMessage.priority, OutboxMessage.not_before, OutboxMessage.created_at)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    if only_phone_index is not None:
        query = query.where(OutboxMessage.phone_index == only_phone_index)
    if max_priority is not None:
        query = query.where(OutboxMessage.priority <= max_priority)
    rows = list(await session.scalars(query))
    claimed = []
    for row in rows:
        try:
            to = unseal(
                keyring, row.to_number, associated_data("outbox_message", "to_number", row.id)
            )
            body = unseal(keyring, row.body, associated_data("outbox_message", "body", row.id))
        except SealError:
            # A row our keys cannot open (a removed key, a mismatched instance) must not
            # block every message behind it, crisis replies included: set it aside.
            row.status, row.failure_reason, row.updated_at = FAILED, "unreadable", now
            continue
        row.status, row.claim_token = SENDING, uuid.uuid4().hex
        row.claimed_at, row.updated_at = now, now
        claimed.append(
            ClaimedSms(
                id=row.id,
                claim_token=row.claim_token,
                person_id=row.person_id,
                phone_index=row.phone_index,
                to=to,
                body=body,
                attempts=row.attempts,
                valid_until=row.valid_until,
                created_at=row.created_at,
                unconfirmed=row.failure_reason == UNCONFIRMED,
            )
        )
    return claimed


async def release_stale_claims(session: AsyncSession, now: datetime, lease: timedelta) -> int:
    """Put rows claimed longer than `lease` ago back to pending (their dispatcher died).

    The dispatcher may have died after the carrier accepted the message, so each row is
    marked `UNCONFIRMED`: it is looked up at the carrier before it is sent again.

    Returns:
        How many rows were released.
    """
    result = await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.status == SENDING, OutboxMessage.claimed_at < now - lease)
        .values(
            status=PENDING,
            claim_token=None,
            claimed_at=None,
            failure_reason=UNCONFIRMED,
            updated_at=now,
        )
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


async def finish(session: AsyncSession, claim: ClaimedSms, now: datetime, **values: object) -> bool:
    """Record the outcome of a claimed row, only if our claim still holds.

    Returns:
        False if the claim was lost (released as stale and claimed again elsewhere).
    """
    result = await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == claim.id, OutboxMessage.claim_token == claim.claim_token)
        .values(updated_at=now, **values)
    )
    return int(result.rowcount) == 1  # type: ignore[attr-defined]


async def recorded_sids(session: AsyncSession, phone_index: str, since: datetime) -> set[str]:
    """Carrier sids recorded since `since` on rows to one number.

    A look-up must not claim a message another row already accounts for (the same text
    sent twice on purpose). A sid recorded after `since` leaves its row updated after it.
    """
    found = await session.scalars(
        select(OutboxMessage.twilio_sid).where(
            OutboxMessage.phone_index == phone_index,
            OutboxMessage.twilio_sid.is_not(None),
            OutboxMessage.updated_at >= since,
        )
    )
    return {sid for sid in found if sid is not None}


async def cancel_pending_for(
    session: AsyncSession,
    person_id: str,
    now: datetime,
    *,
    only_priority: int | None = None,
    reason: str = "stopped",
) -> int:
    """Cancel queued rows for a person: all of them (STOP), or one priority (PAUSE)."""
    query = update(OutboxMessage).where(
        OutboxMessage.person_id == person_id, OutboxMessage.status == PENDING
    )
    if only_priority is not None:
        query = query.where(OutboxMessage.priority == only_priority)
    result = await session.execute(
        query.values(status=CANCELLED, failure_reason=reason, updated_at=now)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


async def oldest_due_age(session: AsyncSession, now: datetime) -> float:
    """Seconds the oldest due pending row has waited (dispatcher lag), 0 if none."""
    oldest = await session.scalar(
        select(OutboxMessage.not_before)
        .where(OutboxMessage.status == PENDING, OutboxMessage.not_before <= now)
        .order_by(OutboxMessage.not_before)
        .limit(1)
    )
    return 0.0 if oldest is None else max(0.0, (now - oldest).total_seconds())


async def due_backlog(session: AsyncSession, now: datetime) -> dict[int, int]:
    """How many pending rows are due now, by priority."""
    rows = await session.execute(
        select(OutboxMessage.priority, func.count())
        .where(OutboxMessage.status == PENDING, OutboxMessage.not_before <= now)
        .group_by(OutboxMessage.priority)
    )
    return {int(priority): int(count) for priority, count in rows.all()}

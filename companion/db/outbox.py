"""The outbox: queued SMS, claimed in batches, sent once, with their outcome recorded."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import cast

from sqlalchemy import Table, and_, bindparam, func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from companion.crypto.keyring import Keyring
from companion.crypto.sealing import SealError, seal, unseal
from companion.db.core import run_core
from companion.db.models import OutboxMessage, new_id
from companion.db.sealed import OUTBOX_BODY, OUTBOX_TO
from companion.db.states import OutboxStatus, Priority

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


@dataclass(frozen=True)
class Recipient:
    """Who an outbound SMS goes to: the number, its blind index, the person and language."""

    phone: str
    phone_index: str
    person_id: str | None = None
    locale: str = "en"


@dataclass(frozen=True)
class Timing:
    """How an outbound SMS is queued: its priority, when it may go, and until when."""

    priority: Priority
    now: datetime
    valid_until: datetime | None = None
    not_before: datetime | None = None


def queue_sms(
    session: AsyncSession,
    keyring: Keyring,
    to: Recipient,
    key: str,
    body: str,
    timing: Timing,
    sequence: int = 0,
) -> OutboxMessage:
    """Add an outbox row to the session's transaction (it is sent only once committed)."""
    row = OutboxMessage(**sms_values(keyring, to, key, body, timing, sequence))
    session.add(row)
    return row


def sms_values(
    keyring: Keyring, to: Recipient, key: str, body: str, timing: Timing, sequence: int = 0
) -> dict[str, object]:
    """The columns of a new pending outbox row, its number and body sealed to it.

    `key` names the message (its catalog id). `sequence` orders rows queued together
    (a re-ask, then the next question): it is added to `created_at` in microseconds,
    which the dispatcher sends them in.
    """
    row_id = new_id()
    return {
        "id": row_id,
        "person_id": to.person_id,
        "phone_index": to.phone_index,
        "to_number": seal(keyring, to.phone, OUTBOX_TO.bound_to(row_id)),
        "body": seal(keyring, body, OUTBOX_BODY.bound_to(row_id)),
        "message_key": key,
        "priority": timing.priority,
        "status": OutboxStatus.PENDING,
        "not_before": timing.not_before or timing.now,
        "valid_until": timing.valid_until,
        "attempts": 0,
        "created_at": timing.now + timedelta(microseconds=sequence),
        "updated_at": timing.now,
    }


_INSERT = insert(OutboxMessage.metadata.tables[OutboxMessage.__tablename__])


async def insert_sms(session: AsyncSession, rows: Sequence[dict[str, object]]) -> None:
    """Insert rows made by `sms_values` now, in the session's transaction.

    One Core statement, with no ORM objects to build and flush (the inbound replies).
    """
    if len(rows) == 1:
        await run_core(session, _INSERT, rows[0])
    elif rows:
        await run_core(session, _INSERT, list(rows))


_CLAIMED_COLUMNS = (
    OutboxMessage.id,
    OutboxMessage.person_id,
    OutboxMessage.phone_index,
    OutboxMessage.to_number,
    OutboxMessage.body,
    OutboxMessage.attempts,
    OutboxMessage.valid_until,
    OutboxMessage.created_at,
    OutboxMessage.failure_reason,
    OutboxMessage.priority,
    OutboxMessage.not_before,
)


async def claim_due(
    session: AsyncSession,
    keyring: Keyring,
    now: datetime,
    limit: int,
    only_phone_index: str | None = None,
    max_priority: int | None = None,
    settling: Collection[str] = (),
) -> list[ClaimedSms]:
    """Claim up to `limit` due rows, replies first, marking them `sending`.

    Call inside a transaction. One `WITH due AS (SELECT ... LIMIT n) UPDATE ... WHERE id
    IN (SELECT id FROM due) RETURNING` claims the whole batch. On PostgreSQL the inner
    select locks with FOR UPDATE SKIP LOCKED, so rows another process holds are skipped
    and each row is claimed by exactly one dispatcher; on SQLite the transaction holds
    the write lock.
    Every row of one claim shares its `claim_token`: a row released and claimed again
    gets another claim's token, which is what `finish_many` checks.
    `only_phone_index` limits the claim to one number (the terminal simulator);
    `max_priority` holds back lower-priority rows (bulk prompts during quiet hours).

    One person's messages go out in the order they were queued, across dispatchers too:
    a claimed row is handed back (`held_back`) while an earlier row to the same number,
    as urgent or more, is due but not in this claim (another dispatcher's claim is taking
    it right now), or while another claim is still sending one of theirs. `settling`
    names the caller's own earlier claims whose outcomes are not yet written: their rows
    still read `sending`, and are not another's. Crisis signposting is never held back.

    Returns:
        The claimed rows in claim order (priority, then due time, then queue order).
    """
    due = (
        select(OutboxMessage.id)
        .where(OutboxMessage.status == OutboxStatus.PENDING, OutboxMessage.not_before <= now)
        .order_by(OutboxMessage.priority, OutboxMessage.not_before, OutboxMessage.created_at)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    if only_phone_index is not None:
        due = due.where(OutboxMessage.phone_index == only_phone_index)
    if max_priority is not None:
        due = due.where(OutboxMessage.priority <= max_priority)
    # A materialized CTE, not `IN (subquery)`: PostgreSQL may run a locking subquery once
    # per candidate row, and then claimed every due row whatever the limit (seen: limit 1
    # claimed 101), making a batch as long as the whole backlog.
    batch = due.cte("due").prefix_with("MATERIALIZED", dialect="postgresql")
    token = uuid.uuid4().hex
    result = await session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.id.in_(select(batch.c.id)), OutboxMessage.status == OutboxStatus.PENDING
        )
        .values(status=OutboxStatus.SENDING, claim_token=token, claimed_at=now, updated_at=now)
        .returning(*_CLAIMED_COLUMNS)
        .execution_options(synchronize_session=False)
    )
    rows = sorted(result.all(), key=lambda r: (r.priority, r.not_before, r.created_at))
    if rows:
        others = await session.execute(
            _OTHERS_TO_THE_SAME,
            {
                "phones": sorted({row.phone_index for row in rows}),
                "mine": sorted({token, *settling}),
                "now": now,
            },
        )
        held = held_back(
            [
                Queued(r.id, r.phone_index, r.priority, r.created_at, OutboxStatus.SENDING)
                for r in rows
            ],
            [Queued(None, *other) for other in others],
        )
        if held:
            await session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.id.in_(held))
                .values(status=OutboxStatus.PENDING, claim_token=None, claimed_at=None)
                .execution_options(synchronize_session=False)
            )
            rows = [row for row in rows if row.id not in held]
    claimed, unreadable = [], []
    for row in rows:
        try:
            to = unseal(keyring, row.to_number, OUTBOX_TO.bound_to(row.id))
            body = unseal(keyring, row.body, OUTBOX_BODY.bound_to(row.id))
        except SealError:
            # A row our keys cannot open (a removed key, a mismatched instance) must not
            # block every message behind it, crisis replies included: set it aside.
            unreadable.append(row.id)
            continue
        claimed.append(
            ClaimedSms(
                id=row.id,
                claim_token=token,
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
    if unreadable:
        await session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id.in_(unreadable))
            .values(
                status=OutboxStatus.FAILED,
                failure_reason="unreadable",
                claim_token=None,
                claimed_at=None,
                updated_at=now,
            )
            .execution_options(synchronize_session=False)
        )
    return claimed


@dataclass(frozen=True)
class Queued:
    """An outbox row as the claim's ordering rule sees it."""

    id: str | None
    phone_index: str
    priority: int
    created_at: datetime
    status: str


# Rows to the numbers of a claim that are not in it: due and waiting (another claim may
# be taking them now), or being sent under a claim that is not the caller's.
_OTHERS_TO_THE_SAME = select(
    OutboxMessage.phone_index,
    OutboxMessage.priority,
    OutboxMessage.created_at,
    OutboxMessage.status,
).where(
    OutboxMessage.phone_index.in_(bindparam("phones", expanding=True)),
    or_(
        and_(
            OutboxMessage.status == OutboxStatus.PENDING,
            OutboxMessage.not_before <= bindparam("now"),
        ),
        and_(
            OutboxMessage.status == OutboxStatus.SENDING,
            or_(
                OutboxMessage.claim_token.is_(None),
                OutboxMessage.claim_token.not_in(bindparam("mine", expanding=True)),
            ),
        ),
    ),
)


def held_back(claimed: Sequence[Queued], others: Sequence[Queued]) -> set[str]:
    """The claimed rows that must wait so that each person's messages keep their order.

    A row waits while another claim is sending to the same number, or while an earlier
    row to that number, as urgent or more, is due and outside this claim. Crisis
    signposting (`Priority.SAFETY`) never waits.
    """
    by_number: dict[str, list[Queued]] = {}
    for other in others:
        by_number.setdefault(other.phone_index, []).append(other)
    held = set()
    for row in claimed:
        if row.priority == Priority.SAFETY or row.id is None:
            continue
        for other in by_number.get(row.phone_index, []):
            sending = other.status == OutboxStatus.SENDING
            earlier = other.priority <= row.priority and other.created_at < row.created_at
            if sending or earlier:
                held.add(row.id)
                break
    return held


async def release_stale_claims(session: AsyncSession, now: datetime, lease: timedelta) -> int:
    """Put rows claimed longer than `lease` ago back to pending (their dispatcher died).

    The dispatcher may have died after the carrier accepted the message, so each row is
    marked `UNCONFIRMED`: it is looked up at the carrier before it is sent again.

    Returns:
        How many rows were released.
    """
    result = await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.status == OutboxStatus.SENDING, OutboxMessage.claimed_at < now - lease)
        .values(
            status=OutboxStatus.PENDING,
            claim_token=None,
            claimed_at=None,
            failure_reason=UNCONFIRMED,
            updated_at=now,
        )
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


async def renew_claim(
    session: AsyncSession, ids: Sequence[str], claim_token: str, now: datetime
) -> int:
    """Extend the lease of a claim's rows still `sending` (its batch is still at work).

    Rows released and claimed again elsewhere carry another token and are left alone.

    Returns:
        How many rows were renewed.
    """
    result = await session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.id.in_(ids),
            OutboxMessage.claim_token == claim_token,
            OutboxMessage.status == OutboxStatus.SENDING,
        )
        .values(claimed_at=now)
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Finished:
    """The outcome of one claimed row: the column values to record on it."""

    id: str
    claim_token: str
    values: Mapping[str, object]


async def finish_many(
    session: AsyncSession, outcomes: Sequence[Finished], now: datetime
) -> set[str]:
    """Record many claimed rows' outcomes, each only if its claim still holds.

    One `SELECT ... FOR UPDATE` finds which claims hold; then one executemany
    `UPDATE ... WHERE id = ? AND claim_token = ?` per distinct set of columns (sent,
    retried, failed ...). A row released as stale and claimed again elsewhere carries
    another token and is left alone.

    Returns:
        The ids whose claim held and whose outcome was written.
    """
    if not outcomes:
        return set()
    tokens = await session.execute(
        select(OutboxMessage.id, OutboxMessage.claim_token)
        .where(OutboxMessage.id.in_([o.id for o in outcomes]))
        .with_for_update()
    )
    current = {row_id: token for row_id, token in tokens}
    held = [o for o in outcomes if current.get(o.id) == o.claim_token]
    by_columns: dict[frozenset[str], list[dict[str, object]]] = {}
    for outcome in held:
        params = {**outcome.values, "updated_at": now}
        params["b_id"], params["b_token"] = outcome.id, outcome.claim_token
        by_columns.setdefault(frozenset(params), []).append(params)
    table = cast(Table, OutboxMessage.__table__)
    for columns, params_list in by_columns.items():
        statement = update(table).where(
            table.c.id == bindparam("b_id"), table.c.claim_token == bindparam("b_token")
        )
        if "delivery_status" in columns:
            # A delivery report may already have moved it on: the send's answer
            # ("queued") never takes it back.
            for params in params_list:
                params["b_delivery"] = params.pop("delivery_status")
            statement = statement.values(
                delivery_status=func.coalesce(table.c.delivery_status, bindparam("b_delivery"))
            )
        await session.execute(statement, params_list)
    return {o.id for o in held}


async def finish(session: AsyncSession, claim: ClaimedSms, now: datetime, **values: object) -> bool:
    """Record the outcome of one claimed row, only if our claim still holds.

    Returns:
        False if the claim was lost (released as stale and claimed again elsewhere).
    """
    done = await finish_many(session, [Finished(claim.id, claim.claim_token, values)], now)
    return claim.id in done


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
    """Cancel queued rows for a person: all of them (STOP), or one priority (PAUSE).

    Crisis signposting (`Priority.SAFETY`) is never cancelled: it answers the
    person's own message, and a STOP sent straight after it must not silence it.
    """
    query = update(OutboxMessage).where(
        OutboxMessage.person_id == person_id,
        OutboxMessage.status == OutboxStatus.PENDING,
        OutboxMessage.priority > Priority.SAFETY,
    )
    if only_priority is not None:
        query = query.where(OutboxMessage.priority == only_priority)
    result = await session.execute(
        query.values(status=OutboxStatus.CANCELLED, failure_reason=reason, updated_at=now)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


async def oldest_due_age(
    session: AsyncSession, now: datetime, max_priority: Priority | None = None
) -> float:
    """Seconds the oldest due pending row (of at most `max_priority`) has waited, 0 if none."""
    query = select(OutboxMessage.not_before).where(
        OutboxMessage.status == OutboxStatus.PENDING, OutboxMessage.not_before <= now
    )
    if max_priority is not None:
        query = query.where(OutboxMessage.priority <= max_priority)
    oldest = await session.scalar(query.order_by(OutboxMessage.not_before).limit(1))
    return 0.0 if oldest is None else max(0.0, (now - oldest).total_seconds())


async def due_backlog(session: AsyncSession, now: datetime) -> dict[int, int]:
    """How many pending rows are due now, by priority."""
    rows = await session.execute(
        select(OutboxMessage.priority, func.count())
        .where(OutboxMessage.status == OutboxStatus.PENDING, OutboxMessage.not_before <= now)
        .group_by(OutboxMessage.priority)
    )
    return {int(priority): int(count) for priority, count in rows.all()}

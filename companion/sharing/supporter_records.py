"""Supporters as a record: their sealed name and number, and every consent step's wording.

Each step (invited, joined, a category asked, shared or declined, removed, left) is a
`SupporterEvent` holding the exact words sent at that step, sealed, and an audit entry
naming ids only. Ending a supporter (removed, declined, left) clears their number and
cancels every message still queued to it.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import bindparam, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from companion.context import ServiceContext
from companion.crypto.keyring import Keyring
from companion.crypto.sealing import seal, unseal
from companion.db.core import run_core
from companion.db.models import OutboxMessage, Supporter, SupporterEvent, new_id
from companion.db.outbox import Recipient
from companion.db.sealed import SUPPORTER_NAME, SUPPORTER_PHONE, SUPPORTER_WORDING
from companion.db.states import AuditAction, OutboxStatus, SupporterEventKind, SupporterStatus
from companion.engine.runner import Say
from companion.records import audit
from companion.texting.speech import render

INVITE_VALID = timedelta(days=14)  # a YES after this is not read as joining
SHARE_ANSWER_WITHIN = timedelta(days=7)
LIVE = (SupporterStatus.INVITED, SupporterStatus.ACTIVE)


def name_of(keyring: Keyring, supporter: Supporter) -> str:
    """The first name the person gave (or "the number ending ..."), unsealed."""
    return unseal(keyring, supporter.name, SUPPORTER_NAME.bound_to(supporter.id))


def phone_of(keyring: Keyring, supporter: Supporter) -> str | None:
    """The supporter's number, unsealed; None once they have ended."""
    if supporter.phone is None:
        return None
    return unseal(keyring, supporter.phone, SUPPORTER_PHONE.bound_to(supporter.id))


def recipient(keyring: Keyring, supporter: Supporter, locale: str) -> Recipient:
    """Where a message to a supporter goes. Never the person's id: a failed send to a
    supporter must not mark the person unreachable, and it is not the person's text."""
    phone = phone_of(keyring, supporter)
    assert phone is not None
    assert supporter.phone_index is not None
    return Recipient(phone, supporter.phone_index, None, locale)


def new_supporter(
    keyring: Keyring, person_id: str, e164: str, index: str, name: str, now: datetime
) -> Supporter:
    """An invited supporter, number and name sealed to the row."""
    supporter_id = new_id()
    return Supporter(
        id=supporter_id,
        person_id=person_id,
        phone_index=index,
        phone=seal(keyring, e164, SUPPORTER_PHONE.bound_to(supporter_id)),
        name=seal(keyring, name, SUPPORTER_NAME.bound_to(supporter_id)),
        status=SupporterStatus.INVITED,
        shares="",
        invited_at=now,
    )


async def record_step(
    ctx: ServiceContext,
    session: AsyncSession,
    supporter: Supporter,
    kind: SupporterEventKind,
    wording: Say | str,
    locale: str,
    now: datetime,
) -> None:
    """Record one consent step with the exact words sent (or, for STOP, their own word)."""
    text = wording if isinstance(wording, str) else render(ctx.catalog, wording, locale)
    event_id = new_id()
    session.add(
        SupporterEvent(
            id=event_id,
            supporter_id=supporter.id,
            kind=kind,
            shares=supporter.shares,
            wording=seal(ctx.keyring, text, SUPPORTER_WORDING.bound_to(event_id)),
            at=now,
        )
    )
    by_supporter = kind in (SupporterEventKind.JOINED, SupporterEventKind.DECLINED)
    by_supporter = by_supporter or kind is SupporterEventKind.LEFT
    actor = f"supporter:{supporter.id}" if by_supporter else f"person:{supporter.person_id}"
    await audit.record(
        session,
        actor=actor,
        action=AuditAction.supporter(kind),
        subject=supporter.id,
        outcome="ok",
        now=now,
    )


async def end(
    session: AsyncSession, supporter: Supporter, status: SupporterStatus, now: datetime
) -> int:
    """End a supporter at once: clear their number, cancel what is queued to it.

    A supporter who left keeps the number's blind index (never the number), so their
    STOP is honoured if anyone invites that number again; otherwise it goes too.
    Returns how many queued messages were cancelled.
    """
    index = supporter.phone_index
    supporter.status, supporter.ended_at = status, now
    supporter.phone, supporter.share_asked, supporter.share_asked_at = None, None, None
    supporter.shares = ""  # nothing is shared with someone who has gone
    if status is not SupporterStatus.LEFT:
        supporter.phone_index = None
    if index is None:
        return 0
    return await cancel_queued_to(session, index, now)


async def cancel_queued_to(session: AsyncSession, index: str, now: datetime) -> int:
    """Cancel messages queued to a supporter's number (not their own, as a person)."""
    result = await session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.phone_index == index,
            OutboxMessage.person_id.is_(None),
            OutboxMessage.status == OutboxStatus.PENDING,
            OutboxMessage.message_key.startswith("supporter-"),
        )
        .values(status=OutboxStatus.CANCELLED, failure_reason="supporter_ended", updated_at=now)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


async def cancel_queued_about(session: AsyncSession, person_id: str, now: datetime) -> int:
    """The person texted STOP: nothing queued about them still goes to their supporters."""
    indexes = await session.scalars(
        select(Supporter.phone_index).where(
            Supporter.person_id == person_id, Supporter.status == SupporterStatus.ACTIVE
        )
    )
    return sum([await cancel_queued_to(session, i, now) for i in set(indexes) if i is not None])


async def live_for_person(session: AsyncSession, person_id: str, now: datetime) -> list[Supporter]:
    """The person's supporters who joined, and invitations still open, oldest first."""
    found = await session.scalars(
        select(Supporter)
        .where(
            Supporter.person_id == person_id,
            or_(
                Supporter.status == SupporterStatus.ACTIVE,
                (Supporter.status == SupporterStatus.INVITED)
                & (Supporter.invited_at > now - INVITE_VALID),
            ),
        )
        .order_by(Supporter.invited_at, Supporter.id)
    )
    return list(found)


async def roles_of_number(session: AsyncSession, index: str) -> list[Supporter]:
    """Every invited or joined supporter row under a number, newest invitation first."""
    found = await session.scalars(
        select(Supporter)
        .where(
            Supporter.phone_index == index,
            or_(*(Supporter.status == s for s in LIVE)),
        )
        .order_by(Supporter.invited_at.desc(), Supporter.id)
        .with_for_update()
    )
    return list(found)


# Built once, run on the connection: every inbound text that is not a keyword asks it.
_ROLE = select(Supporter.status, Supporter.invited_at).where(
    Supporter.phone_index == bindparam("index"), or_(*(Supporter.status == s for s in LIVE))
)


async def role_of(session: AsyncSession, index: str, now: datetime) -> SupporterStatus | None:
    """INVITED if an invitation to this number waits, ACTIVE if it supports someone."""
    statuses = await run_core(session, _ROLE, {"index": index})
    found = [
        status
        for status, invited_at in statuses
        if status is SupporterStatus.ACTIVE or invited_at > now - INVITE_VALID
    ]
    if SupporterStatus.INVITED in found:
        return SupporterStatus.INVITED
    return SupporterStatus.ACTIVE if found else None


async def share_question_waiting(
    session: AsyncSession, person_id: str, now: datetime
) -> Supporter | None:
    """The supporter whose "share this?" question waits for the person's YES or NO."""
    found: Supporter | None = await session.scalar(
        select(Supporter)
        .where(
            Supporter.person_id == person_id,
            Supporter.status == SupporterStatus.ACTIVE,
            Supporter.share_asked_at > now - SHARE_ANSWER_WITHIN,
        )
        .order_by(Supporter.share_asked_at.desc())
        .limit(1)
    )
    return found

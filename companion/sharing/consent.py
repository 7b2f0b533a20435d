"""Consent as a record: SHARE <code>, the person's YES or NO, UNSHARE, and re-confirmation.

Every change is a ConsentEvent with its time and the exact words the person was sent.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import bindparam, delete, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from companion.accounts.coordinators import who
from companion.context import ServiceContext
from companion.crypto.blind_index import phone_index
from companion.crypto.sealing import seal
from companion.db import people
from companion.db.models import (
    Consent,
    ConsentEvent,
    Coordinator,
    Person,
    ShareCode,
    Summary,
    new_id,
)
from companion.db.outbox import Recipient, Timing
from companion.db.sealed import CONSENT_WORDING
from companion.db.states import AuditAction, ConsentEventKind, ConsentStatus, PersonStatus, Priority
from companion.engine.consent import ShareAnswer, shares_args, shares_text
from companion.engine.runner import Say
from companion.records import audit
from companion.texting.speech import queue_says, render

ANSWER_WITHIN = timedelta(days=7)
RECONFIRM_AFTER = timedelta(days=90)
LAPSE_AFTER = timedelta(days=104)  # 90 days, then two weeks to answer the re-confirmation


# Built once, with plain binds (IN's expanding one is re-rendered on every execution).
_LIVE = select(Consent).where(
    Consent.person_id == bindparam("person_id"),
    or_(Consent.status == ConsentStatus.ASKED, Consent.status == ConsentStatus.ACTIVE),
)


async def live_consent(session: AsyncSession, person_id: str) -> Consent | None:
    """The person's asked or active consent, if any (there is at most one)."""
    consent: Consent | None = await session.scalar(_LIVE, {"person_id": person_id})
    return consent


async def _event(
    ctx: ServiceContext,
    session: AsyncSession,
    consent: Consent,
    kind: ConsentEventKind,
    say: Say,
    locale: str,
    now: datetime,
) -> Say:
    """Record the change with the exact wording, and return the message to send."""
    wording = render(ctx.catalog, say, locale)
    event_id = new_id()
    where = CONSENT_WORDING.bound_to(event_id)
    session.add(
        ConsentEvent(
            id=event_id,
            consent_id=consent.id,
            kind=kind,
            shares=consent.shares,
            wording=seal(ctx.keyring, wording, where),
            at=now,
        )
    )
    await audit.record(
        session,
        actor=f"person:{consent.person_id}",
        action=AuditAction.consent(kind),
        subject=consent.id,
        outcome="ok",
        now=now,
    )
    return say


def _who(ctx: ServiceContext, coordinator: Coordinator) -> dict[str, str | int]:
    named = who(ctx.keyring, coordinator)
    return {"coordinator": named.name, "team": named.team}


async def share(
    ctx: ServiceContext, session: AsyncSession, person: Person, code_text: str, now: datetime
) -> list[Say]:
    """SHARE <code>: ask the person to confirm who will see what."""
    code = "".join(code_text.split()).upper()
    share_code = await session.get(ShareCode, code) if code else None
    if share_code is None or share_code.used_at is not None or share_code.expires_at <= now:
        return [Say("share-code-unknown")]
    coordinator = await session.get(Coordinator, share_code.coordinator_id)
    assert coordinator is not None
    current = await live_consent(session, person.id)
    if current is not None and current.status == ConsentStatus.ACTIVE:
        other = await session.get(Coordinator, current.coordinator_id)
        assert other is not None
        key = "share-already" if other.id == coordinator.id else "share-one-at-a-time"
        return [Say(key, args=_who(ctx, other))]
    if current is not None:  # an earlier question not yet answered: this one replaces it
        current.status, current.ended_at = ConsentStatus.DECLINED, now
        await session.flush()
    share_code.used_at = now
    return [await ask(ctx, session, person, coordinator, now)]


async def ask(
    ctx: ServiceContext,
    session: AsyncSession,
    person: Person,
    coordinator: Coordinator,
    now: datetime,
    *,
    requested: bool = False,
) -> Say:
    """Open an asked consent and word the question (SHARE, or the coordinator's request)."""
    consent = Consent(
        person_id=person.id,
        coordinator_id=coordinator.id,
        status=ConsentStatus.ASKED,
        shares="",
        asked_at=now,
    )
    session.add(consent)
    await session.flush()
    say = Say("share-request" if requested else "share-ask", args=_who(ctx, coordinator))
    return await _event(ctx, session, consent, ConsentEventKind.ASKED, say, person.locale, now)


async def asked_at(session: AsyncSession, consent: Consent, now: datetime) -> datetime | None:
    """When the question now waiting for YES or NO was sent; None if none waits."""
    if consent.status == ConsentStatus.ASKED:
        return consent.asked_at if now - consent.asked_at < ANSWER_WITHIN else None
    confirmed = consent.confirmed_at or consent.given_at or consent.asked_at
    asked: datetime | None = await session.scalar(
        select(ConsentEvent.at).where(
            ConsentEvent.consent_id == consent.id,
            ConsentEvent.kind == ConsentEventKind.RECONFIRM_ASKED,
            ConsentEvent.at >= confirmed,
        )
    )
    return asked


async def question_waiting(
    session: AsyncSession, person_id: str, now: datetime
) -> tuple[Consent, datetime] | None:
    """The person's consent whose share question waits for YES or NO, and when it was
    asked; None if no question waits."""
    consent = await live_consent(session, person_id)
    if consent is None:
        return None
    waiting_since = await asked_at(session, consent, now)
    return None if waiting_since is None else (consent, waiting_since)


async def apply_answer(
    ctx: ServiceContext,
    session: AsyncSession,
    person: Person,
    consent: Consent,
    answer: ShareAnswer,
    now: datetime,
) -> list[Say]:
    """Record YES (with what is shared) or NO to the question waiting on `consent`."""
    coordinator = await session.get(Coordinator, consent.coordinator_id)
    assert coordinator is not None
    if consent.status == ConsentStatus.ACTIVE:
        return await _reconfirmed(ctx, session, person, consent, coordinator, answer.yes, now)
    if not answer.yes:
        consent.status, consent.ended_at = ConsentStatus.DECLINED, now
        say = Say("share-declined", args=_who(ctx, coordinator))
        return [
            await _event(ctx, session, consent, ConsentEventKind.DECLINED, say, person.locale, now)
        ]
    consent.status, consent.shares = ConsentStatus.ACTIVE, shares_text(answer.shares)
    consent.given_at = consent.confirmed_at = now
    args = {**_who(ctx, coordinator), **shares_args(answer.shares)}
    say = Say("share-given", args=args)
    return [await _event(ctx, session, consent, ConsentEventKind.GIVEN, say, person.locale, now)]


async def _reconfirmed(
    ctx: ServiceContext,
    session: AsyncSession,
    person: Person,
    consent: Consent,
    coordinator: Coordinator,
    yes: bool,
    now: datetime,
) -> list[Say]:
    if not yes:
        return await unshare(ctx, session, person, now)
    consent.confirmed_at = now
    say = Say("share-reconfirmed", args=_who(ctx, coordinator))
    return [
        await _event(ctx, session, consent, ConsentEventKind.RECONFIRMED, say, person.locale, now)
    ]


async def unshare(
    ctx: ServiceContext, session: AsyncSession, person: Person, now: datetime
) -> list[Say]:
    """UNSHARE: stop at once, delete the summaries made for that coordinator, confirm."""
    consent = await live_consent(session, person.id)
    if consent is None:
        return [Say("unshare-nothing")]
    coordinator = await session.get(Coordinator, consent.coordinator_id)
    assert coordinator is not None
    return [await end(ctx, session, person, consent, coordinator, ConsentStatus.WITHDRAWN, now)]


async def end(
    ctx: ServiceContext,
    session: AsyncSession,
    person: Person,
    consent: Consent,
    coordinator: Coordinator,
    status: ConsentStatus,
    now: datetime,
) -> Say:
    """End a consent (withdrawn or lapsed): summaries for it are deleted in the same step."""
    consent.status, consent.ended_at = status, now
    await session.execute(delete(Summary).where(Summary.consent_id == consent.id))
    key = "unshare-done" if status == ConsentStatus.WITHDRAWN else "share-lapsed"
    say = Say(key, args=_who(ctx, coordinator))
    return await _event(ctx, session, consent, ConsentEventKind(status), say, person.locale, now)


async def reconfirm_or_lapse(
    ctx: ServiceContext, session: AsyncSession, person: Person, consent: Consent, now: datetime
) -> Say | None:
    """At 90 days ask once to keep sharing; at 104 days without a YES, sharing lapses."""
    confirmed = consent.confirmed_at or consent.given_at or consent.asked_at
    coordinator = await session.get(Coordinator, consent.coordinator_id)
    assert coordinator is not None
    if now - confirmed >= LAPSE_AFTER:
        return await end(ctx, session, person, consent, coordinator, ConsentStatus.LAPSED, now)
    if now - confirmed < RECONFIRM_AFTER:
        return None
    already = await session.scalar(
        select(ConsentEvent.id).where(
            ConsentEvent.consent_id == consent.id,
            ConsentEvent.kind == ConsentEventKind.RECONFIRM_ASKED,
            ConsentEvent.at >= confirmed,
        )
    )
    if already is not None:
        return None
    args = {**_who(ctx, coordinator), **shares_args(frozenset(consent.shares.split()))}
    say = Say("share-reconfirm", args=args)
    return await _event(
        ctx, session, consent, ConsentEventKind.RECONFIRM_ASKED, say, person.locale, now
    )


async def request_from_portal(ctx: ServiceContext, coordinator_id: str, e164: str) -> bool:
    """A coordinator asks an enrolled person to share; only the person's YES starts it.

    Returns:
        False (and nothing is sent) unless the number is an active person with no
        sharing already asked or active.
    """
    now = ctx.clock()
    async with ctx.sessions() as session, session.begin():
        person = await people.find_person(session, phone_index(ctx.keyring, e164), lock=True)
        coordinator = await session.get(Coordinator, coordinator_id)
        if person is None or coordinator is None or person.status is not PersonStatus.ACTIVE:
            return False
        if await live_consent(session, person.id) is not None:
            return False
        say = await ask(ctx, session, person, coordinator, now, requested=True)
        to = Recipient(e164, person.phone_index, person.id, person.locale)
        queue_says(ctx, session, [say], to, Timing(Priority.REPLY, now))
    ctx.wake_dispatcher()
    return True

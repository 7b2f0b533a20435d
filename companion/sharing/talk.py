"""TALK: a person asks their named professional to get in touch, and is told honestly when.

Only someone with an active share has a named professional to ask: anyone else is told
how to reach their team (GP, care team, the crisis numbers) and nothing is stored. A
request is one open row per person, the person's words sealed, with the promise they
were given (`reply_due_at`, from the team's working hours); a second TALK while it is
open is counted on it, not added. Every reply names the coordinator and their team,
the hours, and repeats the crisis numbers: a request to talk is not a crisis route.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from companion.accounts.coordinators import who
from companion.context import ServiceContext
from companion.crypto.sealing import seal
from companion.db.models import Coordinator, Person, TalkRequest, new_id
from companion.db.sealed import TALK_WORDS
from companion.db.states import AuditAction, ConsentStatus, TalkStatus
from companion.engine.runner import Say
from companion.engine.talk_hours import (
    DEFAULT_HOURS,
    InvalidHours,
    WorkingHours,
    parse_hours,
    reply_due,
)
from companion.records import audit
from companion.sharing.consent import live_consent

NO_SHARE = "understanding-talk"  # how to reach their team; nothing is stored
MAX_WORDS_CHARS = 480


def hours_of(coordinator: Coordinator) -> WorkingHours:
    """The coordinator's team hours (the defaults if what is stored does not read)."""
    try:
        return parse_hours(coordinator.talk_hours, coordinator.talk_within_days)
    except InvalidHours:
        return parse_hours(DEFAULT_HOURS)


def hours_args(ctx: ServiceContext, coordinator: Coordinator) -> dict[str, str | int]:
    """Who will see the request and when they work, as message arguments."""
    named, hours = who(ctx.keyring, coordinator), hours_of(coordinator)
    return {
        "coordinator": named.name[:40],
        "team": named.team[:40],
        "first_day": str(hours.first_day),
        "last_day": str(hours.last_day),
        "start": f"{hours.start:%H:%M}",
        "end": f"{hours.end:%H:%M}",
        "within": hours.within_days,
    }


async def open_request(session: AsyncSession, person_id: str) -> TalkRequest | None:
    """The person's open request, if any (there is at most one)."""
    found: TalkRequest | None = await session.scalar(
        select(TalkRequest).where(
            TalkRequest.person_id == person_id, TalkRequest.status == TalkStatus.OPEN
        )
    )
    return found


async def ask(
    ctx: ServiceContext,
    session: AsyncSession,
    person: Person,
    words: str,
    now: datetime,
    *,
    with_crisis: bool = False,
) -> list[Say]:
    """Record that the person asked to be contacted, and say who will see it and when.

    Args:
        ctx: The service context.
        session: The inbound message's transaction.
        person: The active person who asked.
        words: What they wrote (sealed on the request; the coordinator reads it).
        now: When they asked.
        with_crisis: The text also got crisis signposting (sent just before this).

    Returns:
        What to say: the request noted (or already open), or, without an active share,
        how to reach their team (nothing after crisis signposting, which says it all).
    """
    consent = await live_consent(session, person.id)
    coordinator = None
    if consent is not None and consent.status is ConsentStatus.ACTIVE:
        coordinator = await session.get(Coordinator, consent.coordinator_id)
    if coordinator is None or coordinator.disabled_at is not None:
        return [] if with_crisis else [Say(NO_SHARE)]
    args = hours_args(ctx, coordinator)
    current = await open_request(session, person.id)
    if current is not None:
        current.asked_again += 1
        current.with_crisis = current.with_crisis or with_crisis
        return [Say("talk-already-open", args=args)]
    request_id = new_id()
    kept = "" if with_crisis else " ".join(words.split())[:MAX_WORDS_CHARS]
    session.add(
        TalkRequest(
            id=request_id,
            person_id=person.id,
            coordinator_id=coordinator.id,
            status=TalkStatus.OPEN,
            words=seal(ctx.keyring, kept, TALK_WORDS.bound_to(request_id)),
            with_crisis=with_crisis,
            asked_at=now,
            reply_due_at=reply_due(now, hours_of(coordinator)),
        )
    )
    await audit.record(
        session,
        actor=f"person:{person.id}",
        action=AuditAction.TALK_ASKED,
        subject=request_id,
        outcome="ok",
        now=now,
    )
    return [Say("talk-after-crisis" if with_crisis else "talk-asked", args=args)]

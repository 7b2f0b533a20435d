"""Weekly summaries for consenting people: built, sealed to the coordinator, stored.

Once a week (for the week just ended) and when consent starts (the week so far), per
active consent. The summary is HPKE-sealed to the coordinator's public key with the
person, coordinator and week bound in `info`; only the ciphertext is stored. The
coordinator is told a summary is ready by a log line carrying ids only.
"""

from __future__ import annotations

import json
import logging
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from companion.crypto import hpke_box
from companion.crypto.sealing import associated_data, unseal
from companion.db import observations, people
from companion.db.models import Consent, ConversationRow, Coordinator, Person, SafetyEvent, Summary
from companion.engine.enrolment import Priority
from companion.engine.summary import (
    ReferenceRanges,
    SummaryInput,
    build_summary,
    iso_week,
    summary_week,
)
from companion.engine.timing import at_london
from companion.services import consent as consents
from companion.services.context import ServiceContext
from companion.services.speech import queue_says

log = logging.getLogger(__name__)
HISTORY_WEEKS = 9
_MIDNIGHT = time(0, 0)


async def summary_sweep(ctx: ServiceContext, ranges: ReferenceRanges) -> int:
    """Make every summary that is due; re-confirm or lapse old consents. Returns how many."""
    async with ctx.sessions() as session:
        ids = list(await session.scalars(select(Consent.id).where(Consent.status == "active")))
    made = 0
    for consent_id in ids:
        async with ctx.sessions() as session, session.begin():
            made += await _upkeep(ctx, session, consent_id, ranges)
    return made


async def _upkeep(
    ctx: ServiceContext, session: AsyncSession, consent_id: str, ranges: ReferenceRanges
) -> int:
    now = ctx.clock()
    consent = await session.get(Consent, consent_id, with_for_update=True)
    if consent is None or consent.status != "active":
        return 0
    person = await session.get(Person, consent.person_id)
    assert person is not None
    notice = await consents.reconfirm_or_lapse(ctx, session, person, consent, now)
    if notice is not None:
        queue_says(
            ctx,
            session,
            [notice],
            to=people.person_phone(ctx.keyring, person),
            phone_index=person.phone_index,
            person_id=person.id,
            locale=person.locale,
            priority=Priority.BULK,
            now=now,
        )
        ctx.wake_dispatcher()
    if consent.status != "active":
        return 0
    this_week = summary_week(now)
    last_week = this_week - timedelta(days=7)
    given = consent.given_at or consent.asked_at
    made = 0
    # The week just ended, if sharing began before it ended (replacing a "so far" one),
    # or when sharing starts, so the coordinator has a whole week to read at once.
    first = not await _has_any(session, consent.id)
    if first or given < at_london(this_week, _MIDNIGHT):
        made += await ensure_summary(ctx, session, consent, person, last_week, now, ranges)
    # And the week so far.
    if first:
        made += await ensure_summary(ctx, session, consent, person, this_week, now, ranges)
    return made


async def _has_any(session: AsyncSession, consent_id: str) -> bool:
    count = await session.scalar(
        select(func.count()).select_from(Summary).where(Summary.consent_id == consent_id)
    )
    return bool(count)


async def ensure_summary(
    ctx: ServiceContext,
    session: AsyncSession,
    consent: Consent,
    person: Person,
    week_start: date,
    now: datetime,
    ranges: ReferenceRanges,
) -> int:
    week = iso_week(week_start)
    week_end = at_london(week_start + timedelta(days=7), _MIDNIGHT)
    existing = await session.scalar(
        select(Summary).where(Summary.consent_id == consent.id, Summary.week == week)
    )
    if existing is not None and existing.created_at >= min(week_end, now):
        return 0  # made after the week ended (or just now): nothing new to add
    coordinator = await session.get(Coordinator, consent.coordinator_id)
    if coordinator is None or coordinator.public_key is None:
        return 0  # not enrolled yet: nothing can be sealed to them
    data = await _input(ctx, session, consent, person, week_start, min(now, week_end))
    body = json.dumps(build_summary(data, ranges), sort_keys=True).encode("utf-8")
    info = hpke_box.summary_info(person.id, coordinator.id, week)
    sealed = hpke_box.seal(coordinator.public_key, body, info)
    if existing is None:
        session.add(
            Summary(
                consent_id=consent.id,
                person_id=person.id,
                coordinator_id=coordinator.id,
                week=week,
                ciphertext=sealed,
                created_at=now,
            )
        )
    else:
        existing.ciphertext, existing.created_at = sealed, now
    log.info(
        "summary ready",
        extra={"coordinator_id": coordinator.id, "consent_id": consent.id, "week": week},
    )
    return 1


async def _input(
    ctx: ServiceContext,
    session: AsyncSession,
    consent: Consent,
    person: Person,
    week_start: date,
    until: datetime,
) -> SummaryInput:
    start = at_london(week_start, _MIDNIGHT)
    since = start - timedelta(weeks=HISTORY_WEEKS - 1)
    found = [
        (moment, key, value)
        for moment, key, value in await observations.read_since(
            session, ctx.keyring, person.id, since
        )
        if moment <= until
    ]
    checkins = list(
        await session.scalars(
            select(ConversationRow.status).where(
                ConversationRow.person_id == person.id,
                ConversationRow.flow_id == "checkin",
                ConversationRow.started_at >= start,
                ConversationRow.started_at < until,
            )
        )
    )
    events = await session.execute(
        select(SafetyEvent.detected_at, SafetyEvent.category, SafetyEvent.negated).where(
            SafetyEvent.person_id == person.id,
            SafetyEvent.detected_at >= since,
            SafetyEvent.detected_at < until,
        )
    )
    goal = await observations.current_goal(session, ctx.keyring, person.id)
    return SummaryInput(
        week_start=week_start,
        generated_at=until,
        person_label=_label(ctx, person),
        shares=frozenset(consent.shares.split()),
        observations=found,
        checkins_prompted=len(checkins),
        checkins_answered=sum(1 for status in checkins if status == "completed"),
        safety_events=[(at, category, negated) for at, category, negated in events.all()],
        goal_text=observations.goal_text(ctx.keyring, goal) if goal else None,
        goal_set_at=goal.set_at if goal else None,
    )


def _label(ctx: ServiceContext, person: Person) -> str:
    """Their chosen name, else "ending 0123": enough for the coordinator to recognise."""
    if person.name is not None:
        return unseal(ctx.keyring, person.name, associated_data("person", "name", person.id))
    return "ending " + people.person_phone(ctx.keyring, person)[-4:]

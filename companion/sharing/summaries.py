"""Weekly summaries for consenting people: built, sealed to the coordinator, stored.

Once a week (for the week just ended) and when consent starts (the week so far), per
active consent. The summary is HPKE-sealed to the coordinator's public key with the
person, coordinator and week bound in `info`; only the ciphertext is stored. The
coordinator is told a summary is ready by a log line carrying ids only.

The sweep works through the active consents in batches: each batch is one transaction
(its consents locked, re-confirmed or lapsed, its summaries made), so it is stored
whole or not at all, and a sweep running at the same time waits for it and then finds
those summaries made.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from companion.context import ServiceContext
from companion.db import people, summary_reads
from companion.db.models import Consent, Coordinator, Person
from companion.db.outbox import Timing
from companion.db.states import ConsentStatus, Priority
from companion.engine.summary import ReferenceRanges, iso_week, summary_week
from companion.sharing import consent as consents
from companion.sharing.summary_batch import (
    Due,
    Made,
    Sharing,
    due,
    make_summaries,
    week_end,
)
from companion.texting.speech import queue_says

log = logging.getLogger(__name__)
BATCH_SIZE = 100


async def summary_sweep(
    ctx: ServiceContext, ranges: ReferenceRanges, *, batch_size: int = BATCH_SIZE
) -> int:
    """Make every summary that is due; re-confirm or lapse old consents. Returns how many."""
    async with ctx.sessions() as session:
        ids = list(
            await session.scalars(
                select(Consent.id)
                .where(Consent.status == ConsentStatus.ACTIVE)
                .order_by(Consent.id)
            )
        )
    made = 0
    for first in range(0, len(ids), batch_size):
        made += await _sweep_batch(ctx, ids[first : first + batch_size], ranges)
    return made


async def _sweep_batch(
    ctx: ServiceContext, consent_ids: Sequence[str], ranges: ReferenceRanges
) -> int:
    """One transaction: lock the batch's consents, keep them up to date, make their summaries."""
    now = ctx.clock()
    async with ctx.sessions() as session, session.begin():
        sharing = await _lock_active(session, consent_ids)
        notified = [await _upkeep(ctx, session, item, now) for item in sharing]
        still = [item for item in sharing if item.consent.status == ConsentStatus.ACTIVE]
        made = await make_summaries(ctx, session, await _due(session, still, now), now, ranges)
    if any(notified):
        ctx.wake_dispatcher()
    _announce(made)
    return len(made)


async def _lock_active(session: AsyncSession, consent_ids: Sequence[str]) -> list[Sharing]:
    """The consents still active, locked (in id order), with their people and coordinators."""
    rows = await session.execute(
        select(Consent, Person, Coordinator)
        .join(Person, Person.id == Consent.person_id)
        .join(Coordinator, Coordinator.id == Consent.coordinator_id)
        .where(Consent.id.in_(consent_ids), Consent.status == ConsentStatus.ACTIVE)
        .order_by(Consent.id)
        .with_for_update(of=Consent)
    )
    return [Sharing(consent, person, coordinator) for consent, person, coordinator in rows]


async def _upkeep(ctx: ServiceContext, session: AsyncSession, item: Sharing, now: datetime) -> bool:
    """Re-confirm or lapse the consent; True if the person was sent a notice."""
    person = item.person
    notice = await consents.reconfirm_or_lapse(ctx, session, person, item.consent, now)
    if notice is None:
        return False
    to = people.recipient(ctx.keyring, person)
    queue_says(ctx, session, [notice], to, Timing(Priority.BULK, now))
    return True


async def _due(session: AsyncSession, sharing: Sequence[Sharing], now: datetime) -> list[Due]:
    """The summaries to make now for the active consents, from one read of those made."""
    this_week = summary_week(now)
    last_week = this_week - timedelta(days=7)
    made = await summary_reads.summaries_made(
        session, [item.consent.id for item in sharing], [iso_week(last_week), iso_week(this_week)]
    )
    found = []
    for item in sharing:
        weeks = _weeks(item.consent, item.consent.id not in made, this_week)
        for week_start in weeks:
            already = made.get(item.consent.id, {}).get(iso_week(week_start))
            wanted = due(item, week_start, already, now)
            found += [] if wanted is None else [wanted]
    return found


def _weeks(consent: Consent, first: bool, this_week: date) -> list[date]:
    """The weeks a consent's summaries are (re)made for this week, oldest first."""
    last_week = this_week - timedelta(days=7)
    given = consent.given_at or consent.asked_at
    weeks = []
    # The week just ended, if sharing began before it ended (replacing a "so far" one),
    # or when sharing starts, so the coordinator has a whole week to read at once.
    if first or given < week_end(last_week):
        weeks.append(last_week)
    # And the week so far.
    if first:
        weeks.append(this_week)
    return weeks


async def refresh_week_so_far(
    ctx: ServiceContext,
    session: AsyncSession,
    consent_ids: Sequence[str],
    ranges: ReferenceRanges,
    fresh_for: timedelta,
) -> int:
    """Remake the week-so-far summaries older than `fresh_for`, in the caller's transaction.

    For the portal: what a coordinator reads is still a summary sealed to their public
    key (the database alone cannot open it), only newer, so a crisis text or a reading
    since the last one shows, with the time it is "as of". The consents are locked as
    the sweep locks them, so the two never make the same summary at once. Returns how
    many summaries were made.
    """
    now = ctx.clock()
    sharing = await _lock_active(session, consent_ids)
    this_week = summary_week(now)
    weeks = [iso_week(this_week - timedelta(days=7)), iso_week(this_week)]
    made = await summary_reads.summaries_made(session, [item.consent.id for item in sharing], weeks)
    wanted: list[Due] = []
    for item in sharing:
        mine = made.get(item.consent.id, {})
        starts = _weeks(item.consent, item.consent.id not in made, this_week)
        for week_start in [*starts, *([] if this_week in starts else [this_week])]:
            already = mine.get(iso_week(week_start))
            if already is not None and now - already.created_at < fresh_for:
                continue
            wanted += [found] if (found := due(item, week_start, already, now)) else []
    stored = await make_summaries(ctx, session, wanted, now, ranges)
    _announce(stored)
    return len(stored)


async def ensure_summary(
    ctx: ServiceContext,
    session: AsyncSession,
    consent: Consent,
    person: Person,
    week_start: date,
    now: datetime,
    ranges: ReferenceRanges,
) -> int:
    """Make (or remake) one week's summary in the caller's transaction; 1 if made."""
    week = iso_week(week_start)
    made = await summary_reads.summaries_made(session, [consent.id], [week])
    coordinator = await session.get(Coordinator, consent.coordinator_id)
    if coordinator is None:
        return 0
    sharing = Sharing(consent, person, coordinator)
    wanted = due(sharing, week_start, made.get(consent.id, {}).get(week), now)
    stored = await make_summaries(ctx, session, [] if wanted is None else [wanted], now, ranges)
    _announce(stored)
    return len(stored)


def _announce(made: Sequence[Made]) -> None:
    """Tell each coordinator a summary is ready (ids only)."""
    for summary in made:
        log.info(
            "summary ready",
            extra={
                "coordinator_id": summary.coordinator_id,
                "consent_id": summary.consent_id,
                "week": summary.week,
            },
        )

"""Making many weekly summaries in one transaction: read set-based, built, sealed, stored.

The inputs of a whole batch are read in a handful of statements (observations,
check-ins, safety events, goals), each summary is built by the pure builder and sealed
to its coordinator with the person, coordinator and week bound in `info`, and the
batch is written with one insert (and one update for weeks made "so far" before).
Only what the person shares is read beyond their answers: safety events and the goal
are not even loaded for someone who does not share them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import insert, update
from sqlalchemy.ext.asyncio import AsyncSession

from companion.context import ServiceContext
from companion.crypto import hpke_box
from companion.crypto.sealing import unseal
from companion.db import people, summary_reads
from companion.db.models import Consent, Coordinator, Person, Summary, new_id
from companion.db.sealed import PERSON_NAME
from companion.engine.reading.answers import Stored
from companion.engine.summary import ReferenceRanges, SummaryInput, build_summary, iso_week
from companion.engine.timing import at_london
from companion.sharing import recipient_check

HISTORY_WEEKS = 9
_MIDNIGHT = time(0, 0)


@dataclass(frozen=True)
class Sharing:
    """An active consent with its person and coordinator, loaded in the batch's session."""

    consent: Consent
    person: Person
    coordinator: Coordinator

    @property
    def shares(self) -> frozenset[str]:
        """What the person consented to share."""
        return frozenset(self.consent.shares.split())


@dataclass(frozen=True)
class Due:
    """One summary to make, and the stored one it replaces (made before its week ended)."""

    sharing: Sharing
    week_start: date
    replaces: summary_reads.MadeSummary | None


@dataclass(frozen=True)
class Made:
    """A summary stored: ids only, for the "summary ready" line."""

    coordinator_id: str
    consent_id: str
    week: str


def week_end(week_start: date) -> datetime:
    """Midnight (London) at the end of the week starting `week_start`."""
    return at_london(week_start + timedelta(days=7), _MIDNIGHT)


def due(
    sharing: Sharing, week_start: date, made: summary_reads.MadeSummary | None, now: datetime
) -> Due | None:
    """The week's summary if it should be (re)made now; None if it is up to date."""
    if made is not None and made.created_at >= min(week_end(week_start), now):
        return None  # made after the week ended (or just now): nothing new to add
    if sharing.coordinator.public_key is None or sharing.coordinator.disabled_at is not None:
        return None  # not enrolled yet (or reset, or disabled): nothing is sealed to them
    return Due(sharing, week_start, made)


async def make_summaries(
    ctx: ServiceContext,
    session: AsyncSession,
    wanted: Sequence[Due],
    now: datetime,
    ranges: ReferenceRanges,
) -> list[Made]:
    """Build, seal and store the summaries in the caller's transaction.

    Nothing is sealed to a coordinator whose public key fails its keyring check
    (`recipient_check`); that is reported instead.
    """
    trusted = await recipient_check.trusted_only(
        ctx, session, [item.sharing.coordinator for item in wanted], now
    )
    wanted = [item for item in wanted if item.sharing.coordinator.id in trusted]
    if not wanted:
        return []
    inputs = await _inputs(ctx, session, wanted, now)
    added: list[dict[str, object]] = []
    replaced: list[dict[str, object]] = []
    made: list[Made] = []
    for item, data in zip(wanted, inputs, strict=True):
        consent, person, coordinator = (
            item.sharing.consent,
            item.sharing.person,
            item.sharing.coordinator,
        )
        week = iso_week(item.week_start)
        assert coordinator.public_key is not None  # checked by `due`
        body = json.dumps(build_summary(data, ranges), sort_keys=True).encode("utf-8")
        info = hpke_box.summary_info(person.id, coordinator.id, week)
        sealed = hpke_box.seal(coordinator.public_key, body, info)
        if item.replaces is None:
            added.append(
                {
                    "id": new_id(),
                    "consent_id": consent.id,
                    "person_id": person.id,
                    "coordinator_id": coordinator.id,
                    "week": week,
                    "ciphertext": sealed,
                    "created_at": now,
                }
            )
        else:
            replaced.append({"id": item.replaces.id, "ciphertext": sealed, "created_at": now})
        made.append(Made(coordinator.id, consent.id, week))
    if added:
        await session.execute(insert(Summary), added)
    if replaced:
        await session.execute(update(Summary), replaced)
    return made


@dataclass(frozen=True)
class _Window:
    """The times one summary reads: its week from `start`, history from `since`."""

    start: datetime
    since: datetime
    until: datetime


def _window(week_start: date, now: datetime) -> _Window:
    start = at_london(week_start, _MIDNIGHT)
    since = start - timedelta(weeks=HISTORY_WEEKS - 1)
    return _Window(start, since, min(now, week_end(week_start)))


@dataclass(frozen=True)
class _Read:
    """What the whole batch read, by person id."""

    observations: dict[str, list[tuple[datetime, str, Stored]]]
    checkins: dict[str, list[summary_reads.CheckinAsked]]
    safety_events: dict[str, list[tuple[datetime, str, bool]]]
    goals: dict[str, summary_reads.CurrentGoal]


async def _inputs(
    ctx: ServiceContext, session: AsyncSession, wanted: Sequence[Due], now: datetime
) -> list[SummaryInput]:
    """Every summary's input, from one read of each kind for the whole batch."""
    windows = [_window(item.week_start, now) for item in wanted]
    since = min(window.since for window in windows)
    until = max(window.until for window in windows)
    everyone = {item.sharing.person.id for item in wanted}
    safety = {item.sharing.person.id for item in wanted if "safety" in item.sharing.shares}
    goals = {item.sharing.person.id for item in wanted if "goals" in item.sharing.shares}
    start = min(window.start for window in windows)
    read = _Read(
        observations=await summary_reads.observations_since(session, ctx.keyring, everyone, since),
        checkins=await summary_reads.checkins_between(session, everyone, start, until),
        safety_events=await summary_reads.safety_events_between(
            session, ctx.keyring, safety, since, until
        ),
        goals=await summary_reads.current_goals(session, ctx.keyring, goals),
    )
    labels = {item.sharing.person.id: _label(ctx, item.sharing.person) for item in wanted}
    return [
        _input(item, window, read, labels[item.sharing.person.id])
        for item, window in zip(wanted, windows, strict=True)
    ]


def _input(item: Due, window: _Window, read: _Read, label: str) -> SummaryInput:
    """One summary's input: the batch's rows for its person, cut to its window."""
    person_id = item.sharing.person.id
    checkins = [
        checkin
        for checkin in read.checkins.get(person_id, [])
        if window.start <= checkin.started < window.until
    ]
    goal = read.goals.get(person_id)
    return SummaryInput(
        week_start=item.week_start,
        generated_at=window.until,
        person_label=label,
        shares=item.sharing.shares,
        observations=[
            (moment, key, value)
            for moment, key, value in read.observations.get(person_id, [])
            if window.since <= moment <= window.until
        ],
        checkins_prompted=sum(checkin.asked for checkin in checkins),
        checkins_answered=sum(checkin.answered for checkin in checkins),
        safety_events=[
            event
            for event in read.safety_events.get(person_id, [])
            if window.since <= event[0] < window.until
        ],
        goal_text=goal.text if goal else None,
        goal_set_at=goal.set_at if goal else None,
    )


def _label(ctx: ServiceContext, person: Person) -> str:
    """Their chosen name, else "ending 0123": enough for the coordinator to recognise."""
    if person.name is not None:
        return unseal(ctx.keyring, person.name, PERSON_NAME.bound_to(person.id))
    return "ending " + people.person_phone(ctx.keyring, person)[-4:]

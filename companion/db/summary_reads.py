"""What a batch of weekly summaries is built from, read for many people at once.

Each function is one statement for the whole batch, selecting plain columns (no ORM
entities), grouped by person or consent in Python. Sealed values are unsealed here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from sqlalchemy import func, null, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession

from companion.crypto.keyring import Keyring
from companion.crypto.sealing import unseal
from companion.db import safety_events
from companion.db.models import ConversationRow, Goal, Observation, SafetyEvent, Summary
from companion.db.observations import opened
from companion.db.sealed import GOAL_TEXT
from companion.db.states import ConversationStatus
from companion.engine.reading.answers import Stored


@dataclass(frozen=True)
class MadeSummary:
    """A summary already stored for one consent and week."""

    id: str
    created_at: datetime


@dataclass(frozen=True)
class CurrentGoal:
    """A person's goal that has not been replaced, unsealed."""

    text: str
    set_at: datetime


async def summaries_made(
    session: AsyncSession, consent_ids: Collection[str], weeks: Collection[str]
) -> dict[str, dict[str, MadeSummary]]:
    """The consents that have any summary, each with its summaries for `weeks`.

    A consent missing from the result has no summary at all; one mapped to an empty
    dict has summaries, but none for `weeks`.
    """
    if not consent_ids:
        return {}
    for_weeks = select(Summary.consent_id, Summary.week, Summary.id, Summary.created_at).where(
        Summary.consent_id.in_(consent_ids), Summary.week.in_(weeks)
    )
    any_at_all = (
        select(
            Summary.consent_id,
            null().cast(Summary.week.type),
            null().cast(Summary.id.type),
            null().cast(Summary.created_at.type),
        )
        .where(Summary.consent_id.in_(consent_ids))
        .distinct()
    )
    rows = cast(
        "Sequence[tuple[str, str | None, str | None, datetime | None]]",
        (await session.execute(union_all(for_weeks, any_at_all))).all(),
    )
    made: dict[str, dict[str, MadeSummary]] = {}
    for consent_id, week, summary_id, created_at in rows:
        by_week = made.setdefault(consent_id, {})
        if week is not None and summary_id is not None and created_at is not None:
            by_week[week] = MadeSummary(summary_id, created_at)
    return made


async def observations_since(
    session: AsyncSession, keyring: Keyring, person_ids: Collection[str], since: datetime
) -> dict[str, list[tuple[datetime, str, Stored]]]:
    """Each person's (time, key, value) observations since `since`, oldest first."""
    rows = await session.execute(
        select(Observation.id, Observation.person_id, Observation.payload, Observation.recorded_at)
        .where(Observation.person_id.in_(person_ids), Observation.recorded_at >= since)
        .order_by(Observation.person_id, Observation.recorded_at)
    )
    found: dict[str, list[tuple[datetime, str, Stored]]] = defaultdict(list)
    for row_id, person_id, payload, moment in rows:
        key, value = opened(keyring, row_id, payload)
        found[person_id].append((moment, key, value))
    return found


@dataclass(frozen=True)
class CheckinAsked:
    """One check-in: when it started, and how many of its questions were asked and answered."""

    started: datetime
    asked: int
    answered: int


async def checkins_between(
    session: AsyncSession, person_ids: Collection[str], start: datetime, until: datetime
) -> dict[str, list[CheckinAsked]]:
    """Each person's check-ins started in [start, until), counted in questions.

    A check-in plans up to three topics. One that completed asked them all (a skipped
    question was asked); one that ended early or is still open has asked only up to
    the question after the last one answered. Answers are the check-in's observations,
    at most one per topic (a smoker's "how many?" follows their "yes").
    """
    answers = (
        select(Observation.conversation_id, func.count().label("n"))
        .where(Observation.person_id.in_(person_ids), Observation.recorded_at >= start)
        .group_by(Observation.conversation_id)
        .subquery()
    )
    rows = await session.execute(
        select(
            ConversationRow.person_id,
            ConversationRow.started_at,
            ConversationRow.status,
            ConversationRow.topics,
            answers.c.n,
        )
        .outerjoin(answers, answers.c.conversation_id == ConversationRow.id)
        .where(
            ConversationRow.person_id.in_(person_ids),
            ConversationRow.flow_id == "checkin",
            ConversationRow.started_at >= start,
            ConversationRow.started_at < until,
        )
    )
    found: dict[str, list[CheckinAsked]] = defaultdict(list)
    for person_id, started_at, status, topics, count in rows:
        planned = max(len(str(topics).split()), 1)
        answered = min(int(count or 0), planned)
        done = status == ConversationStatus.COMPLETED
        asked = planned if done else min(planned, answered + 1)
        found[person_id].append(CheckinAsked(started_at, asked, answered))
    return found


async def safety_events_between(
    session: AsyncSession,
    keyring: Keyring,
    person_ids: Collection[str],
    since: datetime,
    until: datetime,
) -> dict[str, list[tuple[datetime, str, bool]]]:
    """Each person's crisis-language detections in [since, until): (time, category, negated)."""
    found: dict[str, list[tuple[datetime, str, bool]]] = defaultdict(list)
    if not person_ids:
        return found  # nobody in the batch shares them: nothing is read
    rows = await session.execute(
        select(
            SafetyEvent.id,
            SafetyEvent.person_id,
            SafetyEvent.detected_at,
            SafetyEvent.category,
            SafetyEvent.negated,
        ).where(
            SafetyEvent.person_id.in_(person_ids),
            SafetyEvent.detected_at >= since,
            SafetyEvent.detected_at < until,
        )
    )
    for event_id, person_id, detected_at, category, negated in rows:
        found[str(person_id)].append(
            (detected_at, safety_events.category_of(keyring, event_id, category), negated)
        )
    return found


async def current_goals(
    session: AsyncSession, keyring: Keyring, person_ids: Collection[str]
) -> dict[str, CurrentGoal]:
    """Each person's goal that has not been replaced, if they have one."""
    found: dict[str, CurrentGoal] = {}
    if not person_ids:
        return found
    rows = await session.execute(
        select(Goal.id, Goal.person_id, Goal.text, Goal.set_at).where(
            Goal.person_id.in_(person_ids), Goal.ended_at.is_(None)
        )
    )
    for goal_id, person_id, text, set_at in rows:
        words = unseal(keyring, text, GOAL_TEXT.bound_to(goal_id))
        found.setdefault(person_id, CurrentGoal(words, set_at))
    return found

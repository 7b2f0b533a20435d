"""What one sweep batch needs to know about its people, read in a handful of queries.

The due-work sweep handles up to a few hundred items per transaction; reading each
person's row, open conversation and rotation history one at a time would cost ten round
trips per item. These readers take the whole batch at once.
"""

from __future__ import annotations

import json
from collections.abc import Collection

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from companion.crypto.keyring import Keyring
from companion.crypto.sealing import unseal
from companion.db.models import ConversationRow, FlowRevision, Goal, Observation, Person, TipSent
from companion.db.sealed import OBSERVATION_PAYLOAD
from companion.engine.reading.answers import Stored

RECENT_RUNS = 7  # a week of check-ins decides the rotation


async def people_by_id(session: AsyncSession, ids: Collection[str]) -> dict[str, Person]:
    """The people with these ids."""
    rows = await session.scalars(select(Person).where(Person.id.in_(ids)))
    return {person.id: person for person in rows}


async def open_conversations(
    session: AsyncSession, person_ids: Collection[str], status: str
) -> dict[str, ConversationRow]:
    """Each person's conversation in `status` (at most one is open per person)."""
    rows = await session.scalars(
        select(ConversationRow).where(
            ConversationRow.person_id.in_(person_ids), ConversationRow.status == status
        )
    )
    return {row.person_id: row for row in rows}


async def recent_topics(
    session: AsyncSession, person_ids: Collection[str], flow_id: str
) -> dict[str, list[str]]:
    """The topics of each person's last runs of `flow_id`, newest first."""
    ranked = (
        select(
            ConversationRow.person_id,
            ConversationRow.topics,
            func.row_number()
            .over(
                partition_by=ConversationRow.person_id,
                order_by=ConversationRow.started_at.desc(),
            )
            .label("n"),
        )
        .where(ConversationRow.person_id.in_(person_ids), ConversationRow.flow_id == flow_id)
        .subquery()
    )
    rows = await session.execute(
        select(ranked.c.person_id, ranked.c.topics)
        .where(ranked.c.n <= RECENT_RUNS)
        .order_by(ranked.c.person_id, ranked.c.n)
    )
    recent: dict[str, list[str]] = {}
    for person_id, topics in rows:
        recent.setdefault(person_id, []).append(topics)
    return recent


async def latest_answers(
    session: AsyncSession,
    keyring: Keyring,
    person_ids: Collection[str],
    *,
    key: str,
    kind: str,
    flow_id: str,
    topic: str,
) -> dict[str, Stored]:
    """Each person's latest answer saved under `key` in a run of `flow_id` that asked `topic`.

    Keys are sealed, so only rows that could hold the answer are read and opened: those
    of `kind` from conversations whose topics include `topic`.
    """
    asked = select(ConversationRow.id).where(
        ConversationRow.person_id.in_(person_ids),
        ConversationRow.flow_id == flow_id,
        ConversationRow.topics.contains(topic),
    )
    rows = await session.execute(
        select(Observation.person_id, Observation.id, Observation.payload)
        .where(
            Observation.person_id.in_(person_ids),
            Observation.kind == kind,
            Observation.conversation_id.in_(asked),
        )
        .order_by(Observation.person_id, Observation.recorded_at.desc())
    )
    found: dict[str, Stored] = {}
    for person_id, row_id, payload in rows:
        if person_id in found:
            continue
        data = json.loads(unseal(keyring, payload, OBSERVATION_PAYLOAD.bound_to(row_id)))
        if data["key"] == key:
            found[person_id] = data["value"]
    return found


async def missing_revisions(session: AsyncSession, revisions: Collection[str]) -> set[str]:
    """Which of these flow revisions are not stored yet."""
    stored = await session.scalars(
        select(FlowRevision.revision).where(FlowRevision.revision.in_(revisions))
    )
    return set(revisions) - set(stored)


async def tips_sent(session: AsyncSession, person_ids: Collection[str]) -> dict[str, set[str]]:
    """The resources each person has been sent as tips."""
    rows = await session.execute(
        select(TipSent.person_id, TipSent.resource_id).where(TipSent.person_id.in_(person_ids))
    )
    sent: dict[str, set[str]] = {}
    for person_id, resource_id in rows:
        sent.setdefault(person_id, set()).add(resource_id)
    return sent


async def current_goals(session: AsyncSession, person_ids: Collection[str]) -> dict[str, Goal]:
    """Each person's goal that has not been replaced."""
    rows = await session.scalars(
        select(Goal).where(Goal.person_id.in_(person_ids), Goal.ended_at.is_(None))
    )
    return {goal.person_id: goal for goal in rows}

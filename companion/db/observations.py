"""Health answers and measurements: sealed in, unsealed out, grouped by London day."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from companion.crypto.keyring import Keyring
from companion.crypto.sealing import seal, unseal
from companion.db.core import run_core
from companion.db.models import ConversationRow, Goal, Observation, new_id
from companion.db.sealed import GOAL_TEXT, OBSERVATION_PAYLOAD
from companion.db.states import ConversationStatus
from companion.engine.history import DayLog, History
from companion.engine.reading.answers import Stored

LONDON = ZoneInfo("Europe/London")
MEASUREMENTS = frozenset({"weight_kg", "bp", "glucose_mmol", "waist_cm"})
# Answers to the whole-life topics a person may add (mood, loneliness, money).
WHOLE_LIFE = frozenset({"mood", "connected_today", "money_worries"})


def kind_of(key: str) -> str:
    """The coarse, unsealed kind of an answer (the key itself is sealed with the value)."""
    if key.startswith("side.") or key == "side_note":
        return "side_effect"
    if key in MEASUREMENTS:
        return "measurement"
    if key.startswith("goal"):
        return "goal"
    if key in WHOLE_LIFE:
        return "wellbeing"
    if key == "meds_changed":
        return "medication"
    return "checkin"


def london_day(moment: datetime) -> date:
    """The calendar day in London at `moment`."""
    return moment.astimezone(LONDON).date()


def record(
    session: AsyncSession,
    keyring: Keyring,
    person_id: str,
    key: str,
    value: Stored,
    now: datetime,
    conversation_id: str | None = None,
) -> None:
    """Add one sealed observation to the session's transaction."""
    session.add(Observation(**_values(keyring, person_id, key, value, now, conversation_id)))


_INSERT = insert(Observation.metadata.tables[Observation.__tablename__])


async def insert_now(
    session: AsyncSession,
    keyring: Keyring,
    person_id: str,
    answers: Sequence[tuple[str, Stored]],
    now: datetime,
    conversation_id: str | None = None,
) -> None:
    """Insert sealed observations, (key, value) each, now: one Core statement, no ORM."""
    rows = [_values(keyring, person_id, key, value, now, conversation_id) for key, value in answers]
    if len(rows) == 1:
        await run_core(session, _INSERT, rows[0])
    elif rows:
        await run_core(session, _INSERT, rows)


def _values(
    keyring: Keyring,
    person_id: str,
    key: str,
    value: Stored,
    now: datetime,
    conversation_id: str | None,
) -> dict[str, object]:
    row_id = new_id()
    payload = json.dumps({"key": key, "value": value}, separators=(",", ":"))
    return {
        "id": row_id,
        "person_id": person_id,
        "kind": kind_of(key),
        "payload": seal(keyring, payload, OBSERVATION_PAYLOAD.bound_to(row_id)),
        "conversation_id": conversation_id,
        "recorded_at": now,
    }


async def read_since(
    session: AsyncSession, keyring: Keyring, person_id: str, since: datetime
) -> list[tuple[datetime, str, Stored]]:
    """(time, key, value) of a person's observations since `since`, oldest first."""
    rows = await session.scalars(
        select(Observation)
        .where(Observation.person_id == person_id, Observation.recorded_at >= since)
        .order_by(Observation.recorded_at)
    )
    found = []
    for row in rows:
        key, value = opened(keyring, row.id, row.payload)
        found.append((row.recorded_at, key, value))
    return found


def opened(keyring: Keyring, row_id: str, payload: bytes) -> tuple[str, Stored]:
    """The (key, value) sealed in an observation's payload."""
    data = json.loads(unseal(keyring, payload, OBSERVATION_PAYLOAD.bound_to(row_id)))
    value: Stored = data["value"]
    return str(data["key"]), value


async def latest_value(
    session: AsyncSession, keyring: Keyring, person_id: str, key: str, kind: str
) -> Stored | None:
    """The most recent value stored under `key` (scans only rows of its coarse kind)."""
    rows = await session.scalars(
        select(Observation)
        .where(Observation.person_id == person_id, Observation.kind == kind)
        .order_by(Observation.recorded_at.desc())
    )
    for row in rows:
        data = json.loads(unseal(keyring, row.payload, OBSERVATION_PAYLOAD.bound_to(row.id)))
        if data["key"] == key:
            value: Stored = data["value"]
            return value
    return None


async def current_goal(session: AsyncSession, keyring: Keyring, person_id: str) -> Goal | None:
    """The person's goal that has not been replaced."""
    goal: Goal | None = await session.scalar(
        select(Goal).where(Goal.person_id == person_id, Goal.ended_at.is_(None))
    )
    return goal


def goal_text(keyring: Keyring, goal: Goal) -> str:
    """A goal's words, unsealed."""
    return unseal(keyring, goal.text, GOAL_TEXT.bound_to(goal.id))


def new_goal(
    session: AsyncSession, keyring: Keyring, person_id: str, words: str, now: datetime
) -> None:
    """Add a goal (the caller ends the previous one first)."""
    goal_id = new_id()
    text = seal(keyring, words, GOAL_TEXT.bound_to(goal_id))
    session.add(Goal(id=goal_id, person_id=person_id, text=text, set_at=now))


async def history(
    session: AsyncSession, keyring: Keyring, person_id: str, now: datetime, days: int = 28
) -> History:
    """The person's last `days` London days, for closing lines and MY WEEK."""
    since = now - timedelta(days=days)
    values: dict[date, dict[str, Stored]] = defaultdict(dict)
    for moment, key, value in await read_since(session, keyring, person_id, since):
        values[london_day(moment)][key] = value
    checkins = await session.scalars(
        select(ConversationRow.started_at).where(
            ConversationRow.person_id == person_id,
            ConversationRow.flow_id == "checkin",
            ConversationRow.status == ConversationStatus.COMPLETED,
            ConversationRow.started_at >= since,
        )
    )
    checked = {london_day(moment) for moment in checkins}
    logs = [DayLog(day, values.get(day, {}), day in checked) for day in set(values) | checked]
    goal = await current_goal(session, keyring, person_id)
    words = goal_text(keyring, goal) if goal else None
    return History(today=london_day(now), days=logs, goal=words)

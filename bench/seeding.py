"""Seeding benchmark databases fast: Core bulk inserts of rows sealed as the service seals them.

People are sealed and blind-indexed exactly as `companion.db.people.add_person` does;
observations as `companion.db.observations.record`. Where a row's shape comes from
the engine (an open check-in's plan), the real service function makes it.
"""

from __future__ import annotations

import contextlib
import json
import random
from collections.abc import AsyncIterator, Iterable, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncEngine

from companion.clock import system_clock
from companion.config import load_settings
from companion.content import load_content
from companion.context import ServiceContext
from companion.crypto.blind_index import phone_index
from companion.crypto.keyring import Keyring, parse_keyring
from companion.crypto.sealing import associated_data, seal
from companion.db.connection import create_engine, session_factory
from companion.db.models import (
    ConversationRow,
    Person,
    new_id,
)
from companion.db.observations import kind_of
from companion.db.states import ConversationStatus
from companion.engine.due import WINDOWS
from companion.engine.summary import iso_week, summary_week
from companion.metrics import Metrics
from companion.texting import conversation, starter

CHUNK = 5000
SHARES = "checkins side_effects goals safety"
# An answer each check-in step understands (see flows/checkin.toml and engine/answers.py).
ANSWERS = {
    "hours": "7",
    "minutes": "30",
    "count": "3",
    "yes_no": "no",
    "cigarettes": "5",
    "score10": "6",
}


def phone(number: int) -> str:
    """The E.164 number of seeded person `number` (a possible UK mobile number)."""
    return f"+4477{number:08d}"


@contextlib.asynccontextmanager
async def service_context(
    database_url: str, data_keys: str
) -> AsyncIterator[tuple[ServiceContext, AsyncEngine]]:
    """A service context and its engine, configured as `companion serve` configures them."""
    settings = load_settings(
        {
            "DATABASE_URL": database_url,
            "COMPANION_DATA_KEYS": data_keys,
            "COMPANION_MODE": "simulator",
            "COMPANION_QUIET_HOURS": "off",
        }
    )
    content = load_content()
    engine = create_engine(settings.database_url)
    try:
        ctx = ServiceContext(
            sessions=session_factory(engine),
            keyring=parse_keyring(data_keys),
            catalog=content.catalog,
            clock=system_clock,
            metrics=Metrics(),
            wake_dispatcher=lambda: None,
            flows=content.flows,
            resources=content.resources,
            quiet_hours=settings.quiet_hours,
        )
        await conversation.remember_revisions(ctx)
        yield ctx, engine
    finally:
        await engine.dispose()


async def insert_rows(engine: AsyncEngine, model: Any, rows: Iterable[dict[str, Any]]) -> int:
    """Bulk insert (executemany) in chunks, one transaction per chunk. Returns the count."""
    count = 0
    chunk: list[dict[str, Any]] = []

    async def flush() -> None:
        async with engine.begin() as connection:
            await connection.execute(insert(model), chunk)

    for row in rows:
        chunk.append(row)
        if len(chunk) >= CHUNK:
            await flush()
            count += len(chunk)
            chunk = []
    if chunk:
        await flush()
        count += len(chunk)
    return count


def person_rows(
    keyring: Keyring, first: int, count: int, now: datetime, checkin_time: str = "10:00"
) -> Iterable[dict[str, Any]]:
    """Active people who accepted the terms, numbers `first`..`first+count-1`."""
    for number in range(first, first + count):
        person_id = new_id()
        e164 = phone(number)
        yield {
            "id": person_id,
            "phone_index": phone_index(keyring, e164),
            "phone": seal(keyring, e164, associated_data("person", "phone", person_id)),
            "status": "active",
            "locale": "en",
            "terms_version": "terms:en:bench",
            "terms_accepted_at": now - timedelta(days=30),
            "checkin_time": checkin_time,
            "created_at": now - timedelta(days=30),
            "updated_at": now - timedelta(days=30),
        }


async def add_people(
    engine: AsyncEngine,
    keyring: Keyring,
    count: int,
    now: datetime,
    checkin_time: str = "10:00",
    first: int = 0,
) -> list[str]:
    """Insert `count` active people numbered from `first`; returns their ids in number order."""
    rows = list(person_rows(keyring, first, count, now, checkin_time))
    await insert_rows(engine, Person, rows)
    return [row["id"] for row in rows]


def due_rows(
    person_ids: Sequence[str], checkin_due: datetime, wall: str, now: datetime
) -> Iterable[dict[str, Any]]:
    """What `schedule.on_activated` makes: a daily check-in and two weekly flows each.

    The check-ins are due at `checkin_due`; the weekly flows a week later.
    """
    weekly_due = checkin_due + timedelta(days=7, hours=1)
    weekly_wall = datetime.combine(date(2000, 1, 1), time.fromisoformat(wall)) + timedelta(hours=1)
    weekly = weekly_wall.strftime("%H:%M")
    for person_id in person_ids:
        yield _due(person_id, "checkin", "checkin", "daily", wall, checkin_due, now)
        yield _due(person_id, "weekly", "side-effects", "weekly", weekly, weekly_due, now)
        yield _due(person_id, "weekly", "tip", "weekly", weekly, weekly_due, now)


def _due(
    person_id: str, kind: str, flow_id: str, repeat: str, wall: str, due: datetime, now: datetime
) -> dict[str, Any]:
    return {
        "id": new_id(),
        "person_id": person_id,
        "kind": kind,
        "flow_id": flow_id,
        "repeat": repeat,
        "wall_time": wall,
        "due_at": due,
        "valid_until": due + WINDOWS[kind],
        "status": "scheduled",
        "payload": None,
        "runs": 0,
        "last_outcome": None,
        "updated_at": now,
    }


async def open_checkins(
    ctx: ServiceContext, person_ids: Sequence[str], now: datetime, batch: int = 250
) -> dict[str, list[str]]:
    """Start a check-in for each person with the real `starter.start_flow`.

    The opening question is not queued (nobody is listening yet). Returns, per person,
    the steps still to answer, in order: the open step, then the rest of the plan.
    """
    for start in range(0, len(person_ids), batch):
        ids = person_ids[start : start + batch]
        async with ctx.sessions() as session, session.begin():
            found = await session.scalars(select(Person).where(Person.id.in_(ids)))
            for person in found:
                await starter.start_flow(ctx, session, person, "checkin", now)
    steps: dict[str, list[str]] = {}
    async with ctx.sessions() as session:
        rows = await session.execute(
            select(ConversationRow.person_id, ConversationRow.step, ConversationRow.plan).where(
                ConversationRow.status == ConversationStatus.OPEN
            )
        )
        for person_id, step, plan in rows:
            steps[person_id] = [step or "", *plan.split()]
    return steps


def answer_for(ctx: ServiceContext, step: str) -> str:
    """A reply the check-in step `step` understands."""
    spec = ctx.flows["checkin"].steps[step]
    return ANSWERS.get(spec.answer or "", "7")


def history_rows(
    keyring: Keyring,
    person_ids: Sequence[str],
    revision: str,
    weeks: int,
    now: datetime,
    seed: int = 7,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """`weeks` of daily check-ins, weekly measurements and side effects, and a goal each.

    Returns (observations, conversations, goals) rows; about 80% of days are answered.
    """
    rng = random.Random(seed)
    observations: list[dict[str, Any]] = []
    conversations: list[dict[str, Any]] = []
    goals: list[dict[str, Any]] = []
    start = now - timedelta(weeks=weeks)
    for person_id in person_ids:
        goal_id = new_id()
        goals.append(
            {
                "id": goal_id,
                "person_id": person_id,
                "text": seal(keyring, "walk to the park", associated_data("goal", "text", goal_id)),
                "set_at": start,
                "ended_at": None,
            }
        )
        for day in range(weeks * 7):
            moment = start + timedelta(days=day, hours=1)
            answered = rng.random() < 0.8
            conversations.append(
                {
                    "id": new_id(),
                    "person_id": person_id,
                    "flow_id": "checkin",
                    "flow_revision": revision,
                    "status": "completed" if answered else "expired",
                    "step": None,
                    "plan": "",
                    "topics": "sleep activity energy",
                    "retries": 0,
                    "started_at": moment,
                    "step_started_at": moment,
                    "ended_at": moment,
                }
            )
            if not answered:
                continue
            values: dict[str, Any] = {
                "sleep_hours": round(rng.uniform(5, 8), 1),
                "activity_minutes": rng.randint(5, 60),
                "energy_score": rng.randint(3, 8),
            }
            if day % 7 == 3:
                values["weight_kg"] = round(rng.uniform(70, 95), 1)
                values["bp"] = {"systolic": rng.randint(115, 145), "diastolic": rng.randint(75, 92)}
            if day % 7 == 5:
                values["side.sleepy"] = rng.randint(0, 2)
                values["goal_review"] = rng.choice(["done", "partly", "not_this_week"])
            for key, value in values.items():
                observations.append(_observation(keyring, person_id, key, value, moment))
    return observations, conversations, goals


def _observation(
    keyring: Keyring, person_id: str, key: str, value: Any, moment: datetime
) -> dict[str, Any]:
    row_id = new_id()
    payload = json.dumps({"key": key, "value": value}, separators=(",", ":"))
    return {
        "id": row_id,
        "person_id": person_id,
        "kind": kind_of(key),
        "payload": seal(keyring, payload, associated_data("observation", "payload", row_id)),
        "conversation_id": None,
        "recorded_at": moment,
    }


def consent_rows(
    person_ids: Sequence[str], coordinator_id: str, given: datetime, now: datetime
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Active consents given at `given`, each with last-but-one week's summary already made.

    So a sweep now makes exactly one summary each (last week's): the weekly steady state.
    Returns (consents, summaries).
    """
    consents: list[dict[str, Any]] = []
    summaries: list[dict[str, Any]] = []
    earlier_week = iso_week(summary_week(now) - timedelta(weeks=2))
    for person_id in person_ids:
        consent_id = new_id()
        consents.append(
            {
                "id": consent_id,
                "person_id": person_id,
                "coordinator_id": coordinator_id,
                "status": "active",
                "shares": SHARES,
                "asked_at": given,
                "given_at": given,
                "confirmed_at": given,
                "ended_at": None,
            }
        )
        summaries.append(
            {
                "id": new_id(),
                "consent_id": consent_id,
                "person_id": person_id,
                "coordinator_id": coordinator_id,
                "week": earlier_week,
                "ciphertext": b"seeded",
                "created_at": now - timedelta(days=8),
            }
        )
    return consents, summaries

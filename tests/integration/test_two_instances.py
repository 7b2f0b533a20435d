"""Two `companion serve` processes on one PostgreSQL database: each check-in exactly once."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from companion.crypto.keyring import Keyring, format_keyring
from companion.db import people
from companion.db.connection import create_engine, session_factory
from companion.db.models import DueItem
from companion.db.states import PersonStatus
from companion.sms.fake_twilio import FakeTwilio
from tests.conftest import ACCOUNT_SID, AUTH_TOKEN
from tests.support.processes import free_port, service_env, start_serve, stop_serve

PEOPLE = 2000
pytestmark = [pytest.mark.postgres, pytest.mark.timeout(300)]


def number(i: int) -> str:
    return f"+4477009{i:05d}"


async def seed(url: str, keyring: Keyring, now: datetime) -> None:
    """2,000 active people whose check-in fell due a moment ago."""
    engine = create_engine(url)
    async with session_factory(engine)() as session, session.begin():
        for i in range(PEOPLE):
            person = await people.add_person(session, keyring, number(i), PersonStatus.ACTIVE, now)
            session.add(
                DueItem(
                    person_id=person.id,
                    kind="checkin",
                    flow_id="checkin",
                    repeat="daily",
                    wall_time="09:00",
                    due_at=now - timedelta(seconds=30),
                    valid_until=now + timedelta(hours=3),
                    status="scheduled",
                    runs=0,
                    updated_at=now,
                )
            )
    await engine.dispose()


async def test_two_processes_send_each_checkin_exactly_once(
    postgres_url: str, keyring: Keyring, fake_twilio: FakeTwilio, tmp_path: Path
) -> None:
    """2,000 people due at the same minute, two serve processes: 2,000 check-ins, no repeats."""
    await seed(postgres_url, keyring, datetime.now(UTC))
    processes = []
    for _ in range(2):
        port = free_port()
        env = service_env(
            {
                "DATABASE_URL": postgres_url,
                "COMPANION_PORT": str(port),
                "PUBLIC_BASE_URL": f"http://127.0.0.1:{port}",
                "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
                "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
                "TWILIO_FROM_NUMBER": "+447700900000",
                "TWILIO_API_BASE_URL": fake_twilio.base_url,
                "TWILIO_MAX_MPS": "400",
                "COMPANION_DATA_KEYS": format_keyring(keyring),
                "COMPANION_SWEEP_SECONDS": "1",
                "COMPANION_QUIET_HOURS": "off",
            }
        )
        processes.append(await start_serve(env, tmp_path))
    try:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 150
        while len(fake_twilio.messages) < PEOPLE and loop.time() < deadline:  # noqa: ASYNC110
            await asyncio.sleep(0.5)
        await asyncio.sleep(3)  # room for any duplicate to arrive
    finally:
        results = [await stop_serve(process) for process in processes]
    per_number = Counter(message.to for message in fake_twilio.messages)
    assert len(per_number) == PEOPLE
    assert max(per_number.values()) == 1
    assert all(code == 0 for code, _ in results), results

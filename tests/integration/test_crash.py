"""SIGKILL `companion serve` at random points mid-fan-out: nothing lost, few duplicates.

2,000 people have a check-in due now. `companion serve` (Twilio mode, against the fake
API) is killed with SIGKILL at random moments, 20 times, and restarted each time; on
PostgreSQL the database is also restarted under the running service half-way. The fake
takes each message at once and answers 0.2 s later, so most kills leave messages that
Twilio holds but the outbox does not know about. Afterwards:

* every person got their check-in (H-10: nothing lost);
* at most one duplicate per fault (H-09), and none from rows Twilio already held;
* every row a fault left `sending` was looked up at the API before being sent again.

Set CRASH_SEED to replay one run's kill points; the summary is printed (`pytest -s`).
"""

from __future__ import annotations

import asyncio
import os
import random
import subprocess
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from companion.crypto.keyring import Keyring, format_keyring
from companion.db import people
from companion.db.connection import create_engine, session_factory
from companion.db.models import DueItem, OutboxMessage
from companion.db.states import PersonStatus
from companion.sms.fake_twilio import FakeTwilio
from tests.conftest import ACCOUNT_SID, AUTH_TOKEN
from tests.support.database import count, rows
from tests.support.processes import free_port, service_env, start_serve, stop_serve

PEOPLE = 2000
KILLS = 20
LEASE_SECONDS = 8  # a batch of 50 takes about 1.3 s at the fake's pace
RESTART_PG_AFTER_KILL = KILLS // 2
pytestmark = [pytest.mark.slow, pytest.mark.timeout(420)]


@pytest.fixture(
    params=[
        "sqlite",
        # It restarts PostgreSQL under everyone: `make test` runs it alone, afterwards.
        pytest.param("postgres", marks=[pytest.mark.postgres, pytest.mark.serial]),
    ]
)
def database_url(request: pytest.FixtureRequest) -> str:
    """Each backend in turn; only the PostgreSQL run is `serial`."""
    name = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    return str(request.getfixturevalue(name))


def number(i: int) -> str:
    return f"+4477009{i:05d}"


@dataclass(frozen=True)
class Fault:
    """One SIGKILL (or database restart) and the outbox rows it left `sending`."""

    kind: str
    at: datetime
    stranded: dict[str, str]  # outbox row id -> the person's number
    held: frozenset[str]  # of those numbers, the ones Twilio already had a message for


async def seed(url: str, keyring: Keyring, now: datetime) -> dict[str, str]:
    """2,000 active people whose check-in fell due a moment ago; person id -> number."""
    numbers = {}
    engine = create_engine(url)
    async with session_factory(engine)() as session, session.begin():
        for i in range(PEOPLE):
            person = await people.add_person(session, keyring, number(i), PersonStatus.ACTIVE, now)
            numbers[person.id] = number(i)
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
    return numbers


def restart_postgres() -> None:
    """Restart the local cluster and wait until it accepts connections again."""
    version = sorted(os.listdir("/etc/postgresql"))[-1]
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart"],
        check=True,
        capture_output=True,
        timeout=120,
    )
    deadline = time.monotonic() + 60
    while subprocess.run(["pg_isready", "-h", "127.0.0.1", "-p", "5432", "-q"]).returncode:
        assert time.monotonic() < deadline, "PostgreSQL did not come back"
        time.sleep(0.2)


class Service:
    """`companion serve` against one database and the fake, restarted on demand."""

    def __init__(self, url: str, keyring: Keyring, fake: FakeTwilio, cwd: Path) -> None:
        self._url, self._keyring, self._fake, self._cwd = url, keyring, fake, cwd
        self.process: asyncio.subprocess.Process | None = None

    async def start(self) -> None:
        port = free_port()
        env = service_env(
            {
                "DATABASE_URL": self._url,
                "COMPANION_PORT": str(port),
                "PUBLIC_BASE_URL": f"http://127.0.0.1:{port}",
                "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
                "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
                "TWILIO_FROM_NUMBER": "+447700900000",
                "TWILIO_API_BASE_URL": self._fake.base_url,
                "TWILIO_MAX_MPS": "100",
                "COMPANION_DATA_KEYS": format_keyring(self._keyring),
                "COMPANION_SWEEP_SECONDS": "1",
                "COMPANION_QUIET_HOURS": "off",
                "COMPANION_CLAIM_LEASE_SECONDS": str(LEASE_SECONDS),
            }
        )
        self.process = await start_serve(env, self._cwd)

    async def kill(self) -> datetime:
        assert self.process is not None
        assert self.process.returncode is None, "serve died on its own"
        self.process.kill()
        await self.process.wait()
        return datetime.now(UTC)


async def restart_database_under(service: Service, fake: FakeTwilio) -> Fault:
    """Restart PostgreSQL under the running service; it must carry on by itself."""
    at = datetime.now(UTC)
    await asyncio.to_thread(restart_postgres)
    back = len(fake.messages)
    await asyncio.sleep(LEASE_SECONDS + 2)  # reconnect, release what the outage stranded
    assert service.process is not None
    assert service.process.returncode is None, "serve died with the database"
    # Progress is owed only if anything was left to send: since claims respect their
    # batch limit on PostgreSQL, a fast run can have sent all of them before the restart
    # (the end of the test still checks that everything is sent, and nothing twice).
    left = back < PEOPLE
    assert len(fake.messages) > back or not left, "no sends after the database came back"
    return Fault("postgres restart", at, {}, frozenset())


async def stranded_rows(url: str, numbers: dict[str, str]) -> dict[str, str]:
    """Outbox rows left `sending`, as outbox row id -> number."""
    found = await rows(url, OutboxMessage, OutboxMessage.status == "sending")
    return {row.id: numbers[row.person_id] for row in found}


def fault(kind: str, at: datetime, stranded: dict[str, str], fake: FakeTwilio) -> Fault:
    delivered = {message.to for message in fake.messages}
    held = frozenset(to for to in stranded.values() if to in delivered)
    return Fault(kind, at, stranded, held)


async def all_sent(url: str, within: float) -> None:
    deadline = time.monotonic() + within
    while (sent := await count(url, OutboxMessage, OutboxMessage.status == "sent")) < PEOPLE:
        if time.monotonic() > deadline:
            stuck = await count(url, OutboxMessage, OutboxMessage.status == "sending")
            raise AssertionError(
                f"only {sent} of {PEOPLE} rows sent, {stuck} still 'sending' (are stale "
                "claims released? COMPANION_CLAIM_LEASE_SECONDS, the outbox sweep)"
            )
        await asyncio.sleep(0.5)


async def test_sigkill_at_random_points_loses_nothing_and_looks_up_before_resending(
    database_url: str, keyring: Keyring, fake_twilio: FakeTwilio, tmp_path: Path
) -> None:
    """20 SIGKILLs (and a PostgreSQL restart) mid-fan-out: 2,000 check-ins, none re-sent blind."""
    seed_value = int(os.environ.get("CRASH_SEED", str(time.time_ns() % 1_000_000)))
    rng = random.Random(seed_value)
    postgres = database_url.startswith("postgresql")
    numbers = await seed(database_url, keyring, datetime.now(UTC))
    fake_twilio.slow(0.2, accept_first=True)
    service = Service(database_url, keyring, fake_twilio, tmp_path)
    faults: list[Fault] = []
    code, log = -1, ""
    await service.start()
    try:
        for kill in range(KILLS):
            await asyncio.sleep(rng.uniform(0.3, 2.5))
            if postgres and kill == RESTART_PG_AFTER_KILL:
                faults.append(await restart_database_under(service, fake_twilio))
            at = await service.kill()
            faults.append(
                fault("SIGKILL", at, await stranded_rows(database_url, numbers), fake_twilio)
            )
            await service.start()
        fake_twilio.slow(0.02, accept_first=True)  # the kills are over: finish quickly
        await all_sent(database_url, within=150)
    finally:
        if service.process is not None:
            code, log = await stop_serve(service.process)
    assert code == 0, log[-2000:]

    summary = check(faults, fake_twilio, await rows(database_url, OutboxMessage), numbers)
    print(f"\ncrash run (seed {seed_value}, {'postgres' if postgres else 'sqlite'}): {summary}")


def check(
    faults: list[Fault], fake: FakeTwilio, outbox: list[OutboxMessage], numbers: dict[str, str]
) -> dict[str, object]:
    """Assert the run's promises; return the figures for docs/RELIABILITY.md."""
    sent = defaultdict(list)
    for message in fake.messages:
        sent[message.to].append(message)
    assert set(sent) == set(numbers.values()), "someone got no check-in"
    assert Counter(row.status for row in outbox) == {"sent": PEOPLE}
    delivered = {message.sid: message.to for message in fake.messages}
    assert all(delivered[row.twilio_sid] == numbers[row.person_id] for row in outbox)

    # Each duplicate is blamed on the last fault before it: at most one per fault.
    blame: Counter[int] = Counter()
    for messages in sent.values():
        for extra in messages[1:]:
            before = [i for i, f in enumerate(faults) if f.at <= extra.received_at]
            blame[max(before, default=-1)] += 1
    assert -1 not in blame, "a duplicate before any fault"
    assert all(n <= 1 for n in blame.values()), blame

    # Rows Twilio already held were recorded with that message, never sent again.
    sid_of = {numbers[row.person_id]: row.twilio_sid for row in outbox}
    held = {to for f in faults for to in f.held}
    assert held, "no kill caught a message Twilio held: the run proved nothing"
    for to in held:
        assert [m.sid for m in sent[to]] == [sid_of[to]], f"{to} was re-sent"

    # Every stranded row was looked up after its fault, and before any send after it.
    lookups = defaultdict(list)
    for lookup in fake.lookups:
        lookups[lookup.query["To"]].append(lookup.received_at)
    for f in faults:
        for to in f.stranded.values():
            asked = [t for t in lookups[to] if t > f.at]
            assert asked, f"{to}, stranded at {f.at}, was never looked up"
            later = [m.received_at for m in sent[to] if m.received_at > f.at]
            assert all(min(asked) < t for t in later), f"{to} was sent before its look-up"
    return {
        "faults": len(faults),
        "rows stranded": len({row for f in faults for row in f.stranded}),
        "held by Twilio, reconciled": len(held),
        "look-ups": len(fake.lookups),
        "messages": len(fake.messages),
        "duplicates": sum(blame.values()),
        "duplicates per fault": [blame.get(i, 0) for i in range(len(faults))],
    }

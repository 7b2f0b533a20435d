"""Key rotation: every sealed value moves to the new key, in batches, resumably, live."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import textwrap
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace

from sqlalchemy import LargeBinary, func, select

from companion.accounts import coordinators
from companion.config import load_settings
from companion.context import ServiceContext, standalone_context
from companion.crypto.keyring import Keyring, format_keyring, with_new_key
from companion.crypto.sealing import associated_data, unseal
from companion.db import observations, people
from companion.db.models import Base, Observation
from companion.db.states import PersonStatus
from companion.records.export import export_person
from companion.records.rekey import (
    BINDING_COLUMNS,
    SEALED_COLUMNS,
    reencrypt,
    sealed_with,
    values_not_current,
    values_under,
)
from tests.integration.test_export import PHONE, a_month, companion
from tests.support.clock import ManualClock

MANY = 20_000
# Binary columns that are not sealed with the data keyring, and why.
NOT_KEYRING_SEALED = {
    "summary.ciphertext",  # HPKE, to the coordinator's own key
    "coordinator.public_key",  # public
    "coordinator.public_key_binding",  # a MAC, re-made by reencrypt (BINDING_COLUMNS)
    "coordinator.wrapped_key",  # wrapped with the coordinator's passphrase
    "portal_session.sealed_key",  # under a key only the session cookie holds
}


def only_current(keyring: Keyring) -> Keyring:
    """The keyring after `keys retire` of every old key."""
    return replace(keyring, keys={keyring.current_id: keyring.keys[keyring.current_id]})


@asynccontextmanager
async def context(url: str, keyring: Keyring, clock: ManualClock) -> AsyncIterator[ServiceContext]:
    settings = load_settings(
        {
            "DATABASE_URL": url,
            "COMPANION_MODE": "simulator",
            "COMPANION_DATA_KEYS": format_keyring(keyring),
        }
    )
    async with standalone_context(settings, clock=clock) as ctx:
        yield ctx


async def per_column(ctx: ServiceContext, key_id: str) -> dict[str, int]:
    """How many values of each sealed column use `key_id`."""
    counts = {}
    async with ctx.sessions() as session:
        for column in SEALED_COLUMNS + BINDING_COLUMNS:
            found = await session.scalar(
                select(func.count())
                .select_from(column.model)
                .where(sealed_with(column.attribute, key_id))
            )
            counts[f"{column.table}.{column.column}"] = int(found or 0)
    return counts


def test_every_binary_column_is_re_encrypted_or_known_not_to_need_it() -> None:
    """A new sealed column cannot be added without `reencrypt` covering it."""
    binary = {
        f"{table.name}.{column.name}"
        for table in Base.metadata.sorted_tables
        for column in table.columns
        if isinstance(column.type, LargeBinary)
    }
    covered = {f"{c.table}.{c.column}" for c in SEALED_COLUMNS}
    assert binary == covered | NOT_KEYRING_SEALED
    assert not covered & NOT_KEYRING_SEALED


async def add_enrolling_coordinator(ctx: ServiceContext) -> None:
    """A coordinator who opened their enrolment link: their TOTP secret is sealed."""
    async with ctx.sessions() as session, session.begin():
        new = await coordinators.add_coordinator(
            session,
            ctx.keyring,
            name="Jo Bloggs",
            email="jo@nhs.example",
            team="CMHT",
            now=ctx.clock(),
        )
        assert await coordinators.pending_enrolment(session, ctx.keyring, new.token, ctx.clock())


async def test_every_sealed_column_moves_to_the_new_key_and_reads_the_same(
    sqlite_url: str, keyring: Keyring, clock: ManualClock
) -> None:
    """After rotate + reencrypt nothing uses the old key and a keyring without it reads all."""
    async with companion(sqlite_url, keyring, clock) as phone:
        await a_month(phone, clock)
        await phone.text("SUPPORTER Sam 07700 900456")  # a supporter's sealed name and number
        await add_enrolling_coordinator(phone.ctx)
        before = await export_person(phone.ctx, PHONE)
        old = await per_column(phone.ctx, keyring.current_id)
    assert all(old.values()), old  # the data covers every sealed column
    rotated = with_new_key(keyring)
    async with context(sqlite_url, rotated, clock) as ctx:
        assert await values_under(ctx, keyring.current_id) == sum(old.values())
        progress: list[tuple[int, int]] = []
        done = await reencrypt(ctx, batch=50, on_progress=lambda *p: progress.append(p))
        assert done == sum(old.values())
        assert progress[-1] == (done, done)
        assert [d for d, _ in progress] == sorted(d for d, _ in progress)
        assert await values_under(ctx, keyring.current_id) == 0
        assert await per_column(ctx, rotated.current_id) == old
        assert await reencrypt(ctx) == 0
    async with context(sqlite_url, only_current(rotated), clock) as ctx:
        after = await export_person(ctx, PHONE)
    assert before is not None
    assert after is not None
    assert {**after, "exported_at": None} == {**before, "exported_at": None}


async def test_reencrypt_runs_while_people_keep_texting(
    sqlite_url: str, keyring: Keyring, clock: ManualClock
) -> None:
    """Texts handled during a re-encryption pass are sealed right and nothing is left behind."""
    async with companion(sqlite_url, keyring, clock) as phone:
        await a_month(phone, clock, share=False)
    rotated = with_new_key(keyring)
    async with companion(sqlite_url, rotated, clock) as phone:

        async def keep_texting() -> None:
            for day in range(20):
                await phone.text(f"WEIGHT {90 + day}")
                await asyncio.sleep(0)

        done, _ = await asyncio.gather(reencrypt(phone.ctx, batch=10), keep_texting())
        assert done > 0
        assert await values_under(phone.ctx, keyring.current_id) == 0
    async with context(sqlite_url, only_current(rotated), clock) as ctx:
        data = await export_person(ctx, PHONE)
    assert data is not None
    weights = [o["value"] for o in data["observations"] if o["key"] == "weight_kg"]
    assert weights[-20:] == [90 + day for day in range(20)]


async def test_a_value_that_does_not_open_is_left_and_keeps_its_key_in_use(
    sqlite_url: str, keyring: Keyring, clock: ManualClock
) -> None:
    """A tampered value is skipped, not lost, and still counts against retiring its key."""
    async with context(sqlite_url, keyring, clock) as ctx:
        async with ctx.sessions() as session, session.begin():
            person = await people.add_person(
                session, ctx.keyring, PHONE, PersonStatus.ACTIVE, clock()
            )
            for value in range(3):
                observations.record(session, ctx.keyring, person.id, "energy_score", value, clock())
        async with ctx.sessions() as session, session.begin():
            first, second = (await session.scalars(select(Observation).limit(2))).all()
            first.payload = second.payload  # a value copied into another row does not open
    rotated = with_new_key(keyring)
    async with context(sqlite_url, rotated, clock) as ctx:
        assert await reencrypt(ctx) == 3  # the phone and two observations
        assert await values_under(ctx, keyring.current_id) == 1
        assert await values_not_current(ctx) == 1


async def test_values_are_counted_by_key_on_each_backend(
    database_url: str, keyring: Keyring, clock: ManualClock
) -> None:
    """Which key a value uses is read in SQL the same way on SQLite and PostgreSQL."""
    async with companion(database_url, keyring, clock) as phone:
        for body in ("JOIN", "YES", "WEIGHT 84", "NAME Robin"):
            await phone.text(body)
        total = await values_under(phone.ctx, keyring.current_id)
        assert total == 1 + 1 + 4 + 4 * 2 + 1  # phone, name, in, out (to + body), weight
    rotated = with_new_key(keyring)
    async with context(database_url, rotated, clock) as ctx:
        assert await values_not_current(ctx) == total
        assert await values_under(ctx, rotated.current_id) == 0
        assert await reencrypt(ctx, batch=2) == total
        assert (await values_under(ctx, keyring.current_id), await values_not_current(ctx)) == (
            0,
            0,
        )
        assert await values_under(ctx, rotated.current_id) == total


async def test_a_killed_reencrypt_resumes_over_20000_values(
    sqlite_url: str, keyring: Keyring, clock: ManualClock
) -> None:
    """Killed halfway through 20,000 values, a second run finishes; all open under the new key."""
    async with context(sqlite_url, keyring, clock) as ctx:
        await add_observations(ctx, MANY)
    rotated = with_new_key(keyring)
    child = await start_reencrypt(sqlite_url, rotated)
    assert child.stdout is not None
    while True:
        line = await asyncio.wait_for(child.stdout.readline(), 60)
        assert line, "the re-encryption ended before it could be interrupted"
        done, total = map(int, line.split())
        if done >= total // 2:
            break
    child.send_signal(signal.SIGKILL)
    assert await child.wait() == -signal.SIGKILL
    async with context(sqlite_url, rotated, clock) as ctx:
        left = await values_not_current(ctx)
        assert 0 < left <= MANY + 1 - done
        assert await reencrypt(ctx, batch=1000) == left
        assert await values_under(ctx, keyring.current_id) == 0
    async with context(sqlite_url, only_current(rotated), clock) as ctx:
        assert await opened_observations(ctx) == MANY


async def add_observations(ctx: ServiceContext, count: int) -> None:
    async with ctx.sessions() as session, session.begin():
        person = await people.add_person(
            session, ctx.keyring, PHONE, PersonStatus.ACTIVE, ctx.clock()
        )
        for value in range(count):
            observations.record(session, ctx.keyring, person.id, "pain_score", value, ctx.clock())


async def opened_observations(ctx: ServiceContext) -> int:
    async with ctx.sessions() as session:
        rows = (await session.execute(select(Observation.id, Observation.payload))).all()
    for row_id, payload in rows:
        unseal(ctx.keyring, payload, associated_data("observation", "payload", row_id))
    return len(rows)


async def start_reencrypt(url: str, keyring: Keyring) -> asyncio.subprocess.Process:
    """`reencrypt` in its own process, printing progress and pausing a little per batch."""
    script = textwrap.dedent(
        """
        import asyncio, os, time
        from companion.config import load_settings
        from companion.records.rekey import reencrypt
        from companion.context import standalone_context

        def progress(done, total):
            print(done, total, flush=True)
            time.sleep(0.02)  # like drawing a progress bar: leaves time to be killed

        async def main():
            settings = load_settings(os.environ, default_mode="simulator")
            async with standalone_context(settings) as ctx:
                await reencrypt(ctx, batch=500, on_progress=progress)

        asyncio.run(main())
        """
    )
    env = {**os.environ, "DATABASE_URL": url, "COMPANION_DATA_KEYS": format_keyring(keyring)}
    return await asyncio.create_subprocess_exec(
        sys.executable, "-c", script, env=env, stdout=asyncio.subprocess.PIPE
    )

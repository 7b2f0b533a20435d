"""The restore drill: a backup made while the service writes restores whole onto a new database.

Every person, answer and summary committed before the backup is in the copy, nothing in
it is half a transaction, and everything opens: numbers and answers with the keyring
(kept apart from the backup), summaries with the coordinator's passphrase.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import secrets
import shutil
import stat
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from companion.cli.demo import seed_demo
from companion.config import load_settings
from companion.context import ServiceContext, standalone_context
from companion.crypto import hpke_box
from companion.crypto.blind_index import phone_index
from companion.crypto.coordinator_keys import from_bytes, unwrap_private_key
from companion.crypto.keyring import Keyring
from companion.crypto.keysource import load_keyring
from companion.db import observations, people
from companion.db.connection import create_engine, session_factory
from companion.db.migrate import database_revision, head_revision
from companion.db.models import AuditEntry, Coordinator, Observation, Person, Summary
from companion.db.states import PersonStatus
from companion.engine.summary import load_reference_ranges
from companion.records.audit import verify_chain
from companion.records.backup import back_up, destination, pg_environment
from tests.support.clock import ManualClock
from tests.support.command_line import CommandLine


@dataclass
class Census:
    """Ids of what a database holds."""

    people: set[str]
    answers: set[str]
    summaries: set[str]


async def census(url: str) -> Census:
    """What `url` holds now."""
    engine = create_engine(url)
    try:
        async with session_factory(engine)() as session:
            return Census(
                set(await session.scalars(select(Person.id))),
                set(await session.scalars(select(Observation.id))),
                set(await session.scalars(select(Summary.id))),
            )
    finally:
        await engine.dispose()


async def keep_writing(ctx: ServiceContext, going: asyncio.Event, stop: asyncio.Event) -> list[str]:
    """Join people one transaction each (a person and their first answer) until told to stop."""
    joined: list[str] = []
    while not stop.is_set():
        if len(joined) == 3:
            going.set()
        async with ctx.sessions() as session, session.begin():
            phone = f"+4477009{len(joined):05d}"
            person = await people.add_person(
                session, ctx.keyring, phone, PersonStatus.ACTIVE, ctx.clock()
            )
            observations.record(session, ctx.keyring, person.id, "sleep_hours", 7, ctx.clock())
        joined.append(person.id)
        await asyncio.sleep(0.005)
    return joined


def restore(url: str, backup: Path, tmp_path: Path) -> str:
    """Bring the backup up on a NEW database, as deploy/README.md says; returns its URL."""
    if make_url(url).get_backend_name() == "sqlite":
        copy = tmp_path / "restored.db"
        shutil.copy(backup, copy)
        return f"sqlite+aiosqlite:///{copy}"
    name = f"{make_url(url).database}_restore_{secrets.token_hex(4)}"
    env = {**os.environ, **pg_environment(url)}
    subprocess.run(["createdb", name], env=env, check=True, timeout=60)
    subprocess.run(
        ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "-d", name, backup],
        env=env,
        check=True,
        timeout=120,
    )
    return make_url(url).set(database=name).render_as_string(hide_password=False)


def drop(url: str) -> None:
    """Remove a restored PostgreSQL database (a SQLite copy goes with tmp_path)."""
    if make_url(url).get_backend_name() != "sqlite":
        env = {**os.environ, **pg_environment(url)}
        subprocess.run(["dropdb", "--force", str(make_url(url).database)], env=env, check=True)


async def check_opens(url: str, keyring: Keyring, passphrase: str, joined: set[str]) -> None:
    """Every number, answer and summary in `url` opens; every joined person has their answer."""
    engine = create_engine(url)
    try:
        async with session_factory(engine)() as session:
            assert await database_revision(session) == head_revision()
            for person in await session.scalars(select(Person)):
                index = phone_index(keyring, people.person_phone(keyring, person))
                assert (await people.find_person(session, index)) is person
            answered = set()
            for answer in await session.scalars(select(Observation)):
                key, _ = observations.opened(keyring, answer.id, answer.payload)
                answered.add((answer.person_id, key))
            assert {(p, "sleep_hours") for p in joined} <= answered  # no half transaction
            (coordinator,) = await session.scalars(select(Coordinator))
            private = unwrap_private_key(
                from_bytes(coordinator.wrapped_key), passphrase, coordinator.id
            )
            for summary in await session.scalars(select(Summary)):
                info = hpke_box.summary_info(summary.person_id, coordinator.id, summary.week)
                assert json.loads(hpke_box.open_(private, summary.ciphertext, info))["trends"]
            trail = list(await session.scalars(select(AuditEntry).order_by(AuditEntry.seq)))
            assert verify_chain(trail, keyring) is None
    finally:
        await engine.dispose()


@pytest.mark.timeout(90)
async def test_backup_made_while_writing_restores_whole_and_opens_with_the_keyring(
    database_url: str, tmp_path: Path, clock: ManualClock
) -> None:
    """Everyone, every answer and summary is in the restored copy, readable with the kept keys."""
    settings = load_settings(
        {
            "DATABASE_URL": database_url,
            "COMPANION_MODE": "simulator",
            "COMPANION_KEY_FILE": f"{tmp_path}/keys/keyring",
        }
    )
    async with standalone_context(settings, clock=clock) as ctx:
        login = await seed_demo(ctx, load_reference_ranges())
        assert login is not None
        going, stop = asyncio.Event(), asyncio.Event()
        writer = asyncio.create_task(keep_writing(ctx, going, stop))
        await going.wait()
        before = await census(database_url)
        target = destination(database_url, tmp_path, clock())
        await asyncio.to_thread(back_up, database_url, target)
        after_backup = await census(database_url)
        await asyncio.sleep(0.05)
        stop.set()
        joined = await writer
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert len(before.summaries) == 9
    restored_url = restore(database_url, target, tmp_path)
    try:
        restored = await census(restored_url)
        assert before.people <= restored.people <= after_backup.people
        assert before.answers <= restored.answers <= after_backup.answers
        assert restored.summaries == before.summaries
        assert len(joined) > len(restored.people) - 1  # the service went on writing after it
        kept_keys = load_keyring(settings)  # the keyring as kept apart from the backup
        await check_opens(restored_url, kept_keys, login.passphrase, restored.people & set(joined))
    finally:
        drop(restored_url)


def test_backup_command_writes_a_private_dated_file_never_over_another(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`companion backup DIR` makes one 0600 file, audited; the same name again is refused."""
    companion = CommandLine(tmp_path, monkeypatch, capsys)
    assert companion("db", "upgrade").status == 0
    (tmp_path / "backups").mkdir()
    made = companion("backup", "backups")
    assert made.status == 0
    (backup,) = (tmp_path / "backups").iterdir()
    assert re.fullmatch(r"companion-\d{8}T\d{6}Z\.sqlite3", backup.name)
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert "it holds no keys" in made.out
    again = companion("backup", f"backups/{backup.name}")
    assert again.status == 1
    assert "exists already" in again.err
    shown = companion("audit", "show")
    assert f"backup             done       {backup.name}" in shown.out

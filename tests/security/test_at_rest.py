"""Finding 3: the database file, its side files and exports, read without the keyring."""

from __future__ import annotations

import asyncio
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import LargeBinary, bindparam, select, text

from companion.accounts.coordinators import who
from companion.context import ServiceContext
from companion.crypto.sealing import associated_data, unseal
from companion.db.connection import create_engine
from companion.db.migrate import alembic_config, upgrade
from companion.db.models import ConsentEvent, Coordinator, SafetyEvent
from companion.db.safety_events import detection_of
from companion.db.types import UTCDateTime
from companion.records.legacy_plain import seal_plain_values
from companion.safety.crisis import detect_crisis
from companion.sharing.share_codes import new_share_code
from companion.sms.fake_twilio import FakeTwilio
from companion.web.keys import CONTEXT, SETTINGS
from tests.conftest import AUTH_TOKEN, PG_URL, PUBLIC_BASE_URL, AppClient
from tests.support.clock import ManualClock
from tests.support.command_line import CommandLine
from tests.support.portal import enrolled_coordinator
from tests.support.waiting import eventually, outbox_settled
from tests.support.webhooks import post_signed, sms_form

PHONE = "+447700900462"
TEAM = "Riverside Early Intervention"
CRISIS = "i want to kill myself"
WORDS = "my ankles swell after the new tablets"
TALK = "TALK about my landlord and the eviction"


def database_files(client: AppClient) -> list[Path]:
    """The SQLite file and every side file next to it (-wal, -shm, -journal)."""
    path = Path(client.app[SETTINGS].database_url.removeprefix("sqlite+aiosqlite:///"))
    return [p for p in path.parent.iterdir() if p.name.startswith(path.name)]


async def _text(client: AppClient, fake: FakeTwilio, body: str) -> None:
    before = len(fake.messages_to(PHONE))
    form = sms_form(PHONE, body)
    await post_signed(
        client, "/twilio/sms", form, auth_token=AUTH_TOKEN, public_base_url=PUBLIC_BASE_URL
    )
    await eventually(lambda: len(fake.messages_to(PHONE)) > before)
    await outbox_settled(client.app[CONTEXT].sessions)


async def test_raw_files_reveal_no_crisis_team_number_or_message(
    twilio_client: AppClient, fake_twilio: FakeTwilio, clock: ManualClock
) -> None:
    """After crisis text, consent to a named team, a note and TALK, no such word is in any file."""
    ctx = twilio_client.app[CONTEXT]
    coordinator = await enrolled_coordinator(ctx.sessions, ctx.keyring, clock(), team=TEAM)
    async with ctx.sessions.begin() as session:
        code = (await new_share_code(session, coordinator.id, clock())).code
    for body in ("JOIN", "YES", CRISIS, WORDS, f"SHARE {code}", "YES", TALK):
        await _text(twilio_client, fake_twilio, body)
    signal = detect_crisis(CRISIS)
    assert signal is not None

    raw = b"".join(path.read_bytes() for path in database_files(twilio_client))

    assert len(raw) > 10_000
    needles = [signal.category, signal.pattern, TEAM, "Riverside", "Sam Patel", PHONE]
    needles += [PHONE[1:], "7700900462", "kill myself", "ankles swell", "eviction"]
    for needle in needles:
        assert needle.encode() not in raw, needle
        assert needle.encode("utf-16-le") not in raw, needle


async def test_database_and_side_files_are_owner_only(
    twilio_client: AppClient, fake_twilio: FakeTwilio
) -> None:
    """The database file, its -wal and -shm are created 0600, whatever the umask."""
    await _text(twilio_client, fake_twilio, "JOIN")
    files = database_files(twilio_client)
    assert {p.name.rsplit(".db", 1)[1] for p in files} >= {"", "-wal", "-shm"}
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name


def test_a_new_database_is_created_owner_only(tmp_path: Path) -> None:
    """`db upgrade` on a path that does not exist yet makes a 0600 file (umask 022)."""
    path = tmp_path / "fresh.db"
    upgrade(f"sqlite+aiosqlite:///{path}")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_export_out_file_is_owner_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`companion export --out` writes a file only its owner can read (so is the key file)."""
    companion = CommandLine(tmp_path, monkeypatch, capsys)
    chat = companion("chat", "--phone", PHONE, stdin="JOIN\nYES\n")
    assert chat.status == 0, chat.err
    out = tmp_path / "export.json"
    exported = companion("export", "--phone", PHONE, "--out", str(out))
    assert exported.status == 0, exported.err
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "keyring").stat().st_mode) == 0o600


async def export_person_by_id(ctx: ServiceContext) -> tuple[str, ...]:
    """The migrated values, read back through the readers the service uses."""
    async with ctx.sessions() as session:
        event = await session.get(SafetyEvent, "s1")
        wording = await session.scalar(select(ConsentEvent.wording))
        coordinator = await session.get(Coordinator, "c1")
    assert event is not None
    assert wording is not None
    assert coordinator is not None
    found = detection_of(ctx.keyring, event)
    where = associated_data("consent_event", "wording", "e1")
    named = who(ctx.keyring, coordinator)
    return (
        found.category,
        found.pattern,
        unseal(ctx.keyring, wording, where),
        named.name,
        named.team,
    )


_OLD_ROWS = [
    "INSERT INTO person (id, phone_index, phone, status, locale, checkin_time, created_at,"
    " updated_at) VALUES ('p1', 'idx', :blob, 'active', 'en', '10:00', :at, :at)",
    "INSERT INTO inbound_message (id, message_sid, person_id, phone_index, body, received_at)"
    " VALUES ('m1', 'SM1', 'p1', 'idx', :blob, :at)",
    "INSERT INTO safety_event (id, person_id, phone_index, inbound_id, category, negated,"
    " pattern, detected_at) VALUES ('s1', 'p1', 'idx', 'm1', 'suicide', :no, 'kill_myself', :at)",
    "INSERT INTO coordinator (id, name, email, team, failed_logins, created_at) VALUES"
    " ('c1', 'Sam Patel', 'sam@nhs.example', :team, 0, :at)",
    "INSERT INTO consent (id, person_id, coordinator_id, status, shares, asked_at) VALUES"
    " ('k1', 'p1', 'c1', 'active', 'safety', :at)",
    "INSERT INTO consent_event (id, consent_id, kind, shares, wording, at) VALUES"
    " ('e1', 'k1', 'given', 'safety', :wording, :at)",
]


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_at_0005(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database at revision 0005 holding plain safety, consent and coordinator text
    (SQLite, and the test PostgreSQL database, reset, left at head afterwards)."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'old.db'}" if request.param == "sqlite" else PG_URL
    values = {
        "blob": b"\x00",
        "at": datetime(2026, 1, 1, tzinfo=UTC),
        "no": False,
        "team": TEAM,
        "wording": f"You share with {TEAM}",
    }

    async def reset() -> None:
        engine = create_engine(url)
        async with engine.begin() as connection:
            await connection.execute(text("DROP SCHEMA public CASCADE"))
            await connection.execute(text("CREATE SCHEMA public"))
        await engine.dispose()

    async def insert() -> None:
        engine = create_engine(url)
        async with engine.begin() as connection:
            for row in _OLD_ROWS:
                typed = [
                    bindparam(name, type_=kind)
                    for name, kind in (("at", UTCDateTime()), ("blob", LargeBinary()))
                    if f":{name}" in row
                ]
                used = {k: v for k, v in values.items() if f":{k}" in row}
                await connection.execute(text(row).bindparams(*typed), used)
        await engine.dispose()

    if request.param == "postgres":
        asyncio.run(reset())
    command.upgrade(alembic_config(url), "0005")
    asyncio.run(insert())
    return url


async def test_migration_0006_then_start_up_seals_old_plain_values(
    database_at_0005: str,
) -> None:
    """Rows written plain before 0006 are sealed at start-up and still read the same."""
    from companion.config import load_settings
    from companion.context import standalone_context
    from companion.crypto.keyring import format_keyring, new_keyring

    await asyncio.to_thread(upgrade, database_at_0005)
    keys = new_keyring()
    settings = load_settings(
        {
            "DATABASE_URL": database_at_0005,
            "COMPANION_MODE": "simulator",
            "COMPANION_DATA_KEYS": format_keyring(keys),
        }
    )
    async with standalone_context(settings) as ctx:
        assert await seal_plain_values(ctx) == 5
        assert await seal_plain_values(ctx) == 0
        data = await export_person_by_id(ctx)
    assert data == ("suicide", "kill_myself", f"You share with {TEAM}", "Sam Patel", TEAM)
    if database_at_0005.startswith("sqlite"):
        path = Path(database_at_0005.removeprefix("sqlite+aiosqlite:///"))
        raw = b"".join(
            p.read_bytes() for p in path.parent.iterdir() if p.name.startswith(path.name)
        )
        for needle in (TEAM, "Sam Patel", "kill_myself"):
            assert needle.encode() not in raw, needle
    assert data == ("suicide", "kill_myself", f"You share with {TEAM}", "Sam Patel", TEAM)

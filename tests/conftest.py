"""Shared fixtures: real SQLite files, the real PostgreSQL, a fake Twilio API, the app."""

from __future__ import annotations

import asyncio
import os
import shutil
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient
from aiohttp.web import Application
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from companion.app import create_app
from companion.config import Settings, load_settings
from companion.crypto.keyring import Keyring, new_keyring
from companion.db.connection import create_engine
from companion.db.migrate import upgrade
from companion.db.models import Base
from companion.sms.fake_twilio import FakeTwilio
from tests.support.clock import ManualClock

# COMPANION_TEST_PG_URL lets two checkouts test side by side without sharing one database;
# under pytest-xdist each worker takes its own database beside it (`test_gw0`, `test_gw1`).
_BASE_PG_URL = os.environ.get(
    "COMPANION_TEST_PG_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
)
_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
PG_URL = f"{_BASE_PG_URL}_{_WORKER}" if _WORKER else _BASE_PG_URL
ACCOUNT_SID = "AC" + "0123456789abcdef" * 2
AUTH_TOKEN = "test-auth-token-0123456789"
PUBLIC_BASE_URL = "https://companion.example.org"


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated once with Alembic; each test gets a copy."""
    path = tmp_path_factory.mktemp("template") / "companion.db"
    upgrade(f"sqlite+aiosqlite:///{path}")
    return path


@pytest.fixture
def sqlite_url(sqlite_template: Path, tmp_path: Path) -> str:
    """A fresh, migrated SQLite database file for this test."""
    path = tmp_path / "companion.db"
    shutil.copy(sqlite_template, path)
    return f"sqlite+aiosqlite:///{path}"


async def _create_database(url: str) -> None:
    """Create the database `url` names, if it is missing (a worker's own database)."""
    base, name = url.rsplit("/", 1)
    engine = create_async_engine(f"{base}/postgres", isolation_level="AUTOCOMMIT")
    async with engine.connect() as connection:
        exists = await connection.scalar(
            text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}
        )
        if not exists:
            await connection.execute(text(f'CREATE DATABASE "{name}"'))
    await engine.dispose()


@pytest.fixture(scope="session")
def postgres_migrated() -> str:
    """The `test` database on the local PostgreSQL, reset and migrated once per run."""

    async def reset() -> None:
        if _WORKER:
            await _create_database(PG_URL)
        engine = create_engine(PG_URL)
        async with engine.begin() as connection:
            await connection.execute(text("DROP SCHEMA public CASCADE"))
            await connection.execute(text("CREATE SCHEMA public"))
        await engine.dispose()

    asyncio.run(reset())
    upgrade(PG_URL)
    return PG_URL


@pytest.fixture
async def postgres_url(postgres_migrated: str) -> str:
    """The migrated PostgreSQL database, emptied for this test."""
    engine = create_engine(postgres_migrated)
    tables = ", ".join(table.name for table in Base.metadata.sorted_tables)
    async with engine.begin() as connection:
        await connection.execute(text(f"TRUNCATE {tables} CASCADE"))
    await engine.dispose()
    return postgres_migrated


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest) -> str:
    """Each backend in turn, for behaviour that differs (claims, concurrency)."""
    name = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    return str(request.getfixturevalue(name))


@pytest.fixture
def keyring() -> Keyring:
    """A fresh data keyring."""
    return new_keyring()


@pytest.fixture
def clock() -> ManualClock:
    """A clock the test moves by hand."""
    return ManualClock()


@pytest.fixture
async def fake_twilio() -> AsyncIterator[FakeTwilio]:
    """A local fake of Twilio's REST API."""
    async with FakeTwilio(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN) as fake:
        yield fake


def twilio_settings(database_url: str, fake: FakeTwilio, **extra: str) -> Settings:
    """Settings for Twilio mode against the fake API."""
    return load_settings(
        {
            "DATABASE_URL": database_url,
            "PUBLIC_BASE_URL": PUBLIC_BASE_URL,
            "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
            "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
            "TWILIO_FROM_NUMBER": "+447700900000",
            "TWILIO_API_BASE_URL": fake.base_url,
            "TWILIO_MAX_MPS": "1000",
            "COMPANION_DATA_KEYS": "unused",
            **extra,
        }
    )


AppClient = TestClient[object, Application]


@pytest.fixture
async def twilio_client(
    aiohttp_client: Callable[[Application], asyncio.Future[AppClient]],
    sqlite_url: str,
    fake_twilio: FakeTwilio,
    keyring: Keyring,
    clock: ManualClock,
) -> AppClient:
    """The real app in Twilio mode on SQLite, sending to the fake Twilio API."""
    app = create_app(
        twilio_settings(sqlite_url, fake_twilio), clock=clock, keyring=keyring, sweep_at_start=False
    )
    return await aiohttp_client(app)


@pytest.fixture
async def twilio_client_each_db(
    aiohttp_client: Callable[[Application], asyncio.Future[AppClient]],
    database_url: str,
    fake_twilio: FakeTwilio,
    keyring: Keyring,
    clock: ManualClock,
) -> AppClient:
    """The real app in Twilio mode, once on SQLite and once on PostgreSQL."""
    app = create_app(
        twilio_settings(database_url, fake_twilio),
        clock=clock,
        keyring=keyring,
        sweep_at_start=False,
    )
    return await aiohttp_client(app)


@pytest.fixture
async def scheduled_client(
    aiohttp_client: Callable[[Application], asyncio.Future[AppClient]],
    database_url: str,
    fake_twilio: FakeTwilio,
    keyring: Keyring,
    clock: ManualClock,
) -> AppClient:
    """The app in Twilio mode with a long sweep interval: the test runs sweeps by hand."""
    settings = twilio_settings(database_url, fake_twilio, COMPANION_SWEEP_SECONDS="3600")
    app = create_app(settings, clock=clock, keyring=keyring, sweep_at_start=False)
    return await aiohttp_client(app)

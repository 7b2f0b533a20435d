"""The portal's test app and a logged-in coordinator, shared by the portal tests."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest
from aiohttp.web import Application

from companion.app import create_app
from companion.config import load_settings
from companion.crypto.keyring import Keyring
from companion.web.keys import CONTEXT
from tests.conftest import AppClient
from tests.support.clock import ManualClock
from tests.support.portal import Enrolled, enrolled_coordinator, log_in

Client = Callable[[Application], asyncio.Future[AppClient]]


@pytest.fixture
async def client(
    aiohttp_client: Client, sqlite_url: str, keyring: Keyring, clock: ManualClock
) -> AppClient:
    """The real app (simulator mode, plain http) on a fresh SQLite file."""
    settings = load_settings({"DATABASE_URL": sqlite_url, "COMPANION_MODE": "simulator"})
    return await aiohttp_client(create_app(settings, clock=clock, keyring=keyring))


@pytest.fixture
async def sam(client: AppClient, keyring: Keyring, clock: ManualClock) -> Enrolled:
    """An enrolled coordinator, logged in on `client`."""
    coordinator = await enrolled_coordinator(client.app[CONTEXT].sessions, keyring, clock())
    clock.advance(seconds=30)
    assert (await log_in(client, coordinator, clock())).status == 303
    return coordinator

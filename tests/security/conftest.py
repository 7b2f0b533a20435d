"""Fixtures for the attack tests: the real app on a real SQLite file."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest
from aiohttp.web import Application

from companion.app import create_app
from companion.config import load_settings
from companion.crypto.keyring import Keyring
from tests.conftest import AppClient
from tests.support.clock import ManualClock

Client = Callable[[Application], asyncio.Future[AppClient]]


@pytest.fixture
async def portal_client(
    aiohttp_client: Client, sqlite_url: str, keyring: Keyring, clock: ManualClock
) -> AppClient:
    """The real app in simulator mode over plain http, sweeps run by hand."""
    settings = load_settings({"DATABASE_URL": sqlite_url, "COMPANION_MODE": "simulator"})
    app = create_app(settings, clock=clock, keyring=keyring, sweep_at_start=False)
    return await aiohttp_client(app)

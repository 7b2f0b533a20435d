"""Finding 5: simulator mode opened real data; finding 7: http:// and a 500 on a charset."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from unittest.mock import Mock

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer, make_mocked_request
from aiohttp.web import Application

from companion.app import create_app
from companion.config import ConfigError, load_settings
from companion.crypto.keyring import Keyring
from companion.db.service_modes import ModeRefused
from companion.sms.fake_twilio import FakeTwilio
from companion.web import simulator
from tests.conftest import AppClient, twilio_settings
from tests.support.clock import ManualClock

Client = Callable[[Application], asyncio.Future[AppClient]]


def test_without_mode_or_twilio_credentials_start_up_fails_naming_the_variable() -> None:
    """No COMPANION_MODE and no Twilio credentials: one line naming TWILIO_ACCOUNT_SID."""
    with pytest.raises(ConfigError) as raised:
        load_settings({})
    assert str(raised.value).startswith("TWILIO_ACCOUNT_SID: required in Twilio mode")
    assert "COMPANION_MODE=simulator" in str(raised.value)
    assert load_settings({"COMPANION_MODE": "simulator"}).simulator_mode


def test_a_mode_that_does_not_exist_names_the_variable() -> None:
    """COMPANION_MODE=test is refused with one line naming it."""
    with pytest.raises(ConfigError, match=r"^COMPANION_MODE: must be twilio or simulator"):
        load_settings({"COMPANION_MODE": "test"})


def test_twilio_mode_refuses_a_plain_http_public_base_url() -> None:
    """Twilio mode with http:// PUBLIC_BASE_URL (not loopback) fails start-up, naming it."""
    twilio = {
        "TWILIO_ACCOUNT_SID": "AC" + "1" * 32,
        "TWILIO_AUTH_TOKEN": "t",
        "TWILIO_FROM_NUMBER": "+447700900000",
    }
    with pytest.raises(ConfigError, match=r"^PUBLIC_BASE_URL: must be https://"):
        load_settings({**twilio, "PUBLIC_BASE_URL": "http://companion.example.org"})
    assert load_settings({**twilio, "PUBLIC_BASE_URL": "https://companion.example.org"})


async def test_simulator_mode_refuses_a_database_twilio_mode_used(
    aiohttp_client: Client,
    sqlite_url: str,
    fake_twilio: FakeTwilio,
    keyring: Keyring,
    clock: ManualClock,
) -> None:
    """Once Twilio mode has run on a database, the simulator will not start on it."""
    twilio_app = create_app(
        twilio_settings(sqlite_url, fake_twilio), clock=clock, keyring=keyring, sweep_at_start=False
    )
    client = await aiohttp_client(twilio_app)
    await client.close()
    settings = load_settings({"DATABASE_URL": sqlite_url, "COMPANION_MODE": "simulator"})
    server = TestServer(create_app(settings, clock=clock, keyring=keyring))
    try:
        with pytest.raises(ModeRefused, match=r"^COMPANION_MODE: simulator refused"):
            await server.start_server()
    finally:
        await server.close()


async def test_simulator_answers_only_loopback_clients() -> None:
    """A request to /simulator from another machine is 404 before anything is read."""
    transport = Mock()
    transport.get_extra_info.side_effect = lambda name, default=None: (
        ("203.0.113.5", 40000) if name == "peername" else default
    )
    for handler, method in ((simulator.page, "GET"), (simulator.send, "POST")):
        request = make_mocked_request(method, "/simulator?phone=07700900123", transport=transport)
        with pytest.raises(web.HTTPNotFound):
            await handler(request)


async def test_simulator_post_with_an_unknown_charset_is_400(portal_client: AppClient) -> None:
    """A form body in a charset nobody knows is a 400, not a 500."""
    response = await portal_client.post(
        "/simulator",
        data=b"phone=07700900123&body=hi",
        headers={"Content-Type": "application/x-www-form-urlencoded; charset=klingon"},
    )
    assert response.status == 400

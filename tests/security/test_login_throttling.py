"""Finding 2: guesses spread over many addresses, and lock-outs through a proxy."""

from __future__ import annotations

import asyncio
import ipaddress
from collections.abc import Callable

import pytest
from aiohttp.web import Application

from companion.accounts.login_throttle import ACCOUNT_MAX_FAILURES
from companion.app import create_app
from companion.config import ConfigError, load_settings
from companion.crypto.keyring import Keyring
from companion.web.client_address import client_address
from companion.web.keys import CONTEXT
from tests.conftest import AppClient
from tests.support.clock import ManualClock
from tests.support.portal import audit_entries, csrf_of, enrolled_coordinator, log_in, totp_code

Client = Callable[[Application], asyncio.Future[AppClient]]
DEVICE = "companion_portal_device"
PROXY = "127.0.0.1"


@pytest.fixture
async def behind_proxy(
    aiohttp_client: Client, sqlite_url: str, keyring: Keyring, clock: ManualClock
) -> AppClient:
    """The app with the test client's address (127.0.0.1) named as a trusted proxy."""
    settings = load_settings(
        {
            "DATABASE_URL": sqlite_url,
            "COMPANION_MODE": "simulator",
            "COMPANION_TRUSTED_PROXIES": PROXY,
        }
    )
    return await aiohttp_client(create_app(settings, clock=clock, keyring=keyring))


async def test_guesses_over_many_addresses_get_only_the_account_budget(
    behind_proxy: AppClient, clock: ManualClock, keyring: Keyring
) -> None:
    """1,000 wrong logins from 100 addresses are checked at most 10 times; the coordinator,
    from a browser that logged in before, still logs in at once (device cookie)."""
    client, ctx = behind_proxy, behind_proxy.app[CONTEXT]
    sam = await enrolled_coordinator(ctx.sessions, keyring, clock())
    clock.advance(seconds=30)
    assert (await log_in(client, sam, clock())).status == 303
    device = client.session.cookie_jar.filter_cookies(client.make_url("/"))[DEVICE].value
    client.session.cookie_jar.clear()  # the attacker's browser has no device cookie

    page = await (await client.get("/portal/login")).text()
    form = {"csrf": csrf_of(page), "email": sam.email, "passphrase": "guess", "code": "000000"}
    statuses: dict[int, int] = {}
    for attempt in range(1000):
        headers = {"X-Forwarded-For": f"198.51.100.{attempt % 100}"}
        response = await client.post("/portal/login", data=form, headers=headers)
        statuses[response.status] = statuses.get(response.status, 0) + 1
    checked = [e for e in await audit_entries(ctx.sessions, "login_failed")]
    wrong = [e for e in checked if e.outcome == "wrong_passphrase"]
    assert len(wrong) <= ACCOUNT_MAX_FAILURES
    assert statuses[429] >= 1000 - ACCOUNT_MAX_FAILURES

    clock.advance(seconds=30)
    no_device = await log_in(client, sam, clock())
    assert no_device.status == 429  # the account is locked for browsers it does not know
    clock.advance(seconds=30)
    client.session.cookie_jar.update_cookies({DEVICE: device})
    assert (await log_in(client, sam, clock())).status == 303


async def test_a_forged_device_cookie_does_not_unlock_the_account(
    behind_proxy: AppClient, clock: ManualClock, keyring: Keyring
) -> None:
    """A device cookie not signed by the keyring, or for another account, is no exemption."""
    client, ctx = behind_proxy, behind_proxy.app[CONTEXT]
    sam = await enrolled_coordinator(ctx.sessions, keyring, clock())
    for attempt in range(ACCOUNT_MAX_FAILURES):
        clock.advance(seconds=1)
        headers = {"X-Forwarded-For": f"203.0.113.{attempt}"}
        page = await (await client.get("/portal/login")).text()
        form = {"csrf": csrf_of(page), "email": sam.email, "passphrase": "x", "code": "1"}
        assert (await client.post("/portal/login", data=form, headers=headers)).status == 401
    clock.advance(seconds=30)
    client.session.cookie_jar.update_cookies({DEVICE: "1780000000.bm9uY2U.Zm9yZ2Vk"})
    assert (await log_in(client, sam, clock())).status == 429


async def test_a_device_cookie_is_locked_by_its_own_failures(
    behind_proxy: AppClient, clock: ManualClock, keyring: Keyring
) -> None:
    """A stolen device cookie gives at most 5 guesses an hour, then it is refused too."""
    client, ctx = behind_proxy, behind_proxy.app[CONTEXT]
    sam = await enrolled_coordinator(ctx.sessions, keyring, clock())
    clock.advance(seconds=30)
    assert (await log_in(client, sam, clock())).status == 303
    device = client.session.cookie_jar.filter_cookies(client.make_url("/"))[DEVICE].value
    client.session.cookie_jar.clear()  # the session ends; the browser keeps its device cookie
    client.session.cookie_jar.update_cookies({DEVICE: device})
    outcomes = []
    for _ in range(8):
        clock.advance(seconds=1)
        response = await log_in(client, sam, clock(), passphrase="wrong guess")
        outcomes.append(response.status)
    assert outcomes == [401] * 5 + [429] * 3


def test_x_forwarded_for_is_believed_from_trusted_proxies_only() -> None:
    """Only a trusted peer's X-Forwarded-For is read, right to left, skipping trusted hops."""
    proxies = (ipaddress.ip_network("10.0.0.0/8"), ipaddress.ip_network("127.0.0.1/32"))
    assert client_address("192.0.2.1", "198.51.100.7", proxies) == "192.0.2.1"
    assert client_address("127.0.0.1", "198.51.100.7", proxies) == "198.51.100.7"
    assert client_address("127.0.0.1", "6.6.6.6, 198.51.100.7, 10.1.2.3", proxies) == (
        "198.51.100.7"
    )
    assert client_address("127.0.0.1", "not-an-address", proxies) == "127.0.0.1"
    assert client_address("127.0.0.1", "198.51.100.7", ()) == "127.0.0.1"


def test_a_bad_trusted_proxy_names_the_variable() -> None:
    """A value that is not an address or network fails start-up with one line naming it."""
    with pytest.raises(ConfigError, match=r"^COMPANION_TRUSTED_PROXIES: 'proxy\.local'"):
        load_settings({"COMPANION_TRUSTED_PROXIES": "10.0.0.1, proxy.local"})


async def test_without_trusted_proxies_forwarded_headers_do_not_dodge_the_address_limit(
    portal_client: AppClient, clock: ManualClock, keyring: Keyring
) -> None:
    """Rotating X-Forwarded-For from an untrusted peer does not reset per-address delays."""
    ctx = portal_client.app[CONTEXT]
    sam = await enrolled_coordinator(ctx.sessions, keyring, clock())
    page = await (await portal_client.get("/portal/login")).text()
    statuses = []
    for attempt in range(5):
        form = {"csrf": csrf_of(page), "email": sam.email, "passphrase": "x", "code": "1"}
        headers = {"X-Forwarded-For": f"198.51.100.{attempt}"}
        response = await portal_client.post("/portal/login", data=form, headers=headers)
        statuses.append(response.status)
    assert statuses == [401] * 4 + [429]
    assert totp_code(sam.totp_secret, clock())  # the account itself is still usable

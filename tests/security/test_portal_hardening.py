"""Finding 7: HSTS, cookie deletion, abandoned keys, weak passphrases, the demo login."""

from __future__ import annotations

import asyncio
import base64
from collections.abc import Callable

import pytest
from aiohttp.web import Application
from sqlalchemy import select

from companion.accounts.coordinators import add_coordinator
from companion.accounts.passphrase_strength import weakness
from companion.app import create_app
from companion.cli.demo import seed_demo
from companion.config import load_settings
from companion.crypto.keyring import Keyring
from companion.db.models import PortalSession
from companion.engine.summary import load_reference_ranges
from companion.web.keys import CONTEXT
from companion.web.portal_session import delete_expired_sessions
from tests.conftest import AppClient
from tests.support.clock import ManualClock
from tests.support.portal import csrf_of, enrolled_coordinator, log_in, totp_code

Client = Callable[[Application], asyncio.Future[AppClient]]


@pytest.fixture
async def https_client(
    aiohttp_client: Client, sqlite_url: str, keyring: Keyring, clock: ManualClock
) -> AppClient:
    """The app as deployed behind https (PUBLIC_BASE_URL https://)."""
    settings = load_settings(
        {
            "DATABASE_URL": sqlite_url,
            "COMPANION_MODE": "simulator",
            "PUBLIC_BASE_URL": "https://portal.example.org",
        }
    )
    return await aiohttp_client(create_app(settings, clock=clock, keyring=keyring))


async def test_hsts_is_sent_over_https_only(
    https_client: AppClient, portal_client: AppClient
) -> None:
    """Strict-Transport-Security on every portal page behind https, not over plain http."""
    secure = await https_client.get("/portal/login")
    assert secure.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    plain = await portal_client.get("/portal/login")
    assert "Strict-Transport-Security" not in plain.headers


async def test_logout_deletes_the_host_cookie_with_secure(
    https_client: AppClient, clock: ManualClock, keyring: Keyring
) -> None:
    """The deletion of __Host-companion carries Secure (browsers ignore it otherwise)."""
    ctx = https_client.app[CONTEXT]
    sam = await enrolled_coordinator(ctx.sessions, keyring, clock())
    clock.advance(seconds=30)
    page = await (await https_client.get("/portal/login")).text()
    login_token = https_client.session.cookie_jar.filter_cookies(https_client.make_url("/")).get(
        "__Host-companion-login"
    )
    form = {
        "csrf": csrf_of(page),
        "email": sam.email,
        "passphrase": "walking by the river twice",
        "code": totp_code(sam.totp_secret, clock()),
    }
    cookies = {"__Host-companion-login": csrf_of(page)} if login_token is None else {}
    logged = await https_client.post(
        "/portal/login", data=form, allow_redirects=False, cookies=cookies
    )
    assert logged.status == 303
    session = logged.cookies["__Host-companion"].value
    people = await https_client.get("/portal/people", cookies={"__Host-companion": session})
    out = await https_client.post(
        "/portal/logout",
        data={"csrf": csrf_of(await people.text())},
        cookies={"__Host-companion": session},
        allow_redirects=False,
    )
    assert out.status == 303
    deletion = [h for h in out.headers.getall("Set-Cookie") if h.startswith("__Host-companion=")]
    assert len(deletion) == 1
    assert "Secure" in deletion[0]
    assert "Max-Age=0" in deletion[0]


async def test_an_abandoned_sessions_sealed_key_is_deleted(
    portal_client: AppClient, clock: ManualClock, keyring: Keyring
) -> None:
    """A session nobody returns to has its row and sealed key deleted once idle too long."""
    ctx = portal_client.app[CONTEXT]
    sam = await enrolled_coordinator(ctx.sessions, keyring, clock())
    clock.advance(seconds=30)
    assert (await log_in(portal_client, sam, clock())).status == 303
    portal_client.session.cookie_jar.clear()  # the browser is gone
    clock.advance(minutes=29)
    async with ctx.sessions.begin() as session:
        assert await delete_expired_sessions(session, clock()) == 0
    clock.advance(minutes=2)
    async with ctx.sessions.begin() as session:
        assert await delete_expired_sessions(session, clock()) == 1
    async with ctx.sessions() as session:
        assert (await session.scalars(select(PortalSession))).all() == []


@pytest.mark.parametrize(
    "passphrase",
    [
        "aaaaaaaaaaaaaaaa",
        "password1234",
        "Passw0rd2024!",
        "qwertyuiopasdf",
        "123456789012",
        "monkeymonkeymonkey",
        "sam.patel@nhs.example",
        "SamPatel2024!",
    ],
)
def test_common_or_guessable_passphrases_are_refused(passphrase: str) -> None:
    """Long enough is not enough: common words, repeats, runs and one's own name fail."""
    assert weakness(passphrase, email="sam.patel@nhs.example", name="Sam Patel") is not None


def test_unrelated_words_pass_the_strength_check() -> None:
    """A few unrelated words, the advice the page gives, are accepted."""
    assert weakness("walking by the river twice", email="sam@x.example", name="Sam") is None
    assert weakness("lion-grape-ocean-kettle-moss", email="sam@x.example", name="Sam") is None


async def test_enrolment_refuses_a_weak_passphrase(
    portal_client: AppClient, clock: ManualClock, keyring: Keyring
) -> None:
    """The enrolment page says the passphrase is easy to guess, with a 400."""
    ctx = portal_client.app[CONTEXT]
    async with ctx.sessions.begin() as session:
        added = await add_coordinator(
            session, keyring, name="Sam Patel", email="sam@nhs.example", team="North", now=clock()
        )
    page = await (await portal_client.get(f"/portal/enrol/{added.token}")).text()
    form = {
        "csrf": csrf_of(page),
        "passphrase": "password12345",
        "passphrase_again": "password12345",
        "code": "000000",
    }
    response = await portal_client.post(f"/portal/enrol/{added.token}", data=form)
    assert response.status == 400
    assert "easy to guess" in await response.text()


async def test_the_demo_login_works_at_once(portal_client: AppClient, clock: ManualClock) -> None:
    """The printed demo login (with the code the app shows now) logs in without waiting."""
    ctx = portal_client.app[CONTEXT]
    login = await seed_demo(ctx, load_reference_ranges())
    assert login is not None
    secret_b32 = login.totp_secret.replace(" ", "")
    secret = base64.b32decode(secret_b32 + "=" * (-len(secret_b32) % 8))
    page = await (await portal_client.get("/portal/login")).text()
    form = {
        "csrf": csrf_of(page),
        "email": login.email,
        "passphrase": login.passphrase,
        "code": totp_code(secret, clock()),
    }
    response = await portal_client.post("/portal/login", data=form, allow_redirects=False)
    assert response.status == 303

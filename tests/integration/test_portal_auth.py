"""Portal enrolment and login: passphrase + TOTP, replay, CSRF, sessions, throttling."""

from __future__ import annotations

import asyncio
import base64
import re
from collections.abc import Callable

import pytest
from aiohttp.web import Application
from sqlalchemy import select

from companion.accounts.coordinators import add_coordinator
from companion.app import create_app
from companion.config import load_settings
from companion.crypto.keyring import Keyring
from companion.crypto.session_keys import SessionKeyError, new_cookie_value, open_key
from companion.db.models import Coordinator, PortalSession
from companion.web.keys import CONTEXT
from tests.conftest import AppClient
from tests.support.clock import ManualClock
from tests.support.portal import (
    PASSPHRASE,
    audit_entries,
    csrf_of,
    enrolled_coordinator,
    log_in,
    totp_code,
)

Client = Callable[[Application], asyncio.Future[AppClient]]


async def test_enrol_through_the_page_then_log_in(client: AppClient, clock: ManualClock) -> None:
    """The enrolment page's secret and a first code set the account up; login then works."""
    ctx = client.app[CONTEXT]
    async with ctx.sessions.begin() as session:
        added = await add_coordinator(
            session,
            ctx.keyring,
            name="Sam Patel",
            email="Sam@NHS.example",
            team="North",
            now=clock(),
        )
    page = await (await client.get(f"/portal/enrol/{added.token}")).text()
    assert 'src="data:image/svg+xml' in page
    match = re.search(r'id="totp-secret">([A-Z2-7 ]+)<', page)
    assert match is not None
    secret_b32 = match.group(1).replace(" ", "")
    secret = base64.b32decode(secret_b32 + "=" * (-len(secret_b32) % 8))
    form = {
        "csrf": csrf_of(page),
        "passphrase": PASSPHRASE,
        "passphrase_again": PASSPHRASE,
        "code": totp_code(secret, clock()),
    }
    done = await client.post(f"/portal/enrol/{added.token}", data=form, allow_redirects=False)
    assert done.status == 303
    assert done.headers["Location"] == "/portal/login?reason=enrolled"
    async with ctx.sessions() as session:
        row = await session.get(Coordinator, added.coordinator_id)
    assert row is not None
    assert row.enrolled_at == clock()
    assert row.public_key is not None
    assert row.wrapped_key is not None
    assert row.enrol_token_hash is None
    assert row.totp_secret is not None
    assert secret.hex().encode() not in row.totp_secret  # sealed, not stored in the clear
    assert (await client.get(f"/portal/enrol/{added.token}")).status == 404  # link spent

    clock.advance(seconds=30)
    page = await (await client.get("/portal/login")).text()
    login = {
        "csrf": csrf_of(page),
        "email": "sam@nhs.example",
        "passphrase": PASSPHRASE,
        "code": totp_code(secret, clock()),
    }
    response = await client.post("/portal/login", data=login, allow_redirects=False)
    assert response.status == 303
    assert response.headers["Location"] == "/portal/people"
    assert (await client.get("/portal/people")).status == 200
    (entry,) = await audit_entries(ctx.sessions, "login")
    assert entry.outcome == "ok"
    assert entry.actor == f"coordinator:{added.coordinator_id}"


async def test_enrolment_refuses_mismatch_wrong_code_and_an_expired_link(
    client: AppClient, clock: ManualClock
) -> None:
    """Different passphrases or a wrong code re-show the form; after 72 hours the link is dead."""
    ctx = client.app[CONTEXT]
    async with ctx.sessions.begin() as session:
        added = await add_coordinator(
            session, ctx.keyring, name="A", email="a@x.example", team="T", now=clock()
        )
    page = await (await client.get(f"/portal/enrol/{added.token}")).text()
    base = {"csrf": csrf_of(page), "passphrase": PASSPHRASE}
    cases = [
        ({"passphrase_again": PASSPHRASE + "!", "code": "000000"}, "not the same"),
        ({"passphrase_again": PASSPHRASE, "code": "000000"}, "did not match"),
        ({"passphrase": "short", "passphrase_again": "short", "code": "1"}, "at least 12"),
    ]
    for fields, words in cases:
        response = await client.post(f"/portal/enrol/{added.token}", data={**base, **fields})
        assert response.status == 400
        assert words in await response.text()
    clock.advance(hours=72, seconds=1)
    assert (await client.get(f"/portal/enrol/{added.token}")).status == 404
    assert [e.outcome for e in await audit_entries(ctx.sessions, "enrol")] == ["invalid_link"]


async def test_wrong_totp_is_refused_with_401_and_audited(
    client: AppClient, clock: ManualClock, keyring: Keyring
) -> None:
    """Right passphrase, wrong code: 401, no session cookie, audit login_failed/wrong_totp."""
    ctx = client.app[CONTEXT]
    sam = await enrolled_coordinator(ctx.sessions, keyring, clock())
    clock.advance(seconds=60)
    right = totp_code(sam.totp_secret, clock())
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    response = await log_in(client, sam, clock(), code=wrong)
    assert response.status == 401
    assert "That did not work" in await response.text()
    assert "companion_portal" not in response.cookies
    (entry,) = await audit_entries(ctx.sessions, "login_failed")
    assert (entry.outcome, entry.subject) == ("wrong_totp", sam.id)
    assert (await client.get("/portal/people", allow_redirects=False)).status == 303


async def test_wrong_passphrase_is_refused_and_audited(
    client: AppClient, clock: ManualClock, keyring: Keyring
) -> None:
    """Wrong passphrase with a right code: 401 and audit login_failed/wrong_passphrase."""
    ctx = client.app[CONTEXT]
    sam = await enrolled_coordinator(ctx.sessions, keyring, clock())
    clock.advance(seconds=60)
    response = await log_in(client, sam, clock(), passphrase="not the passphrase at all")
    assert response.status == 401
    (entry,) = await audit_entries(ctx.sessions, "login_failed")
    assert entry.outcome == "wrong_passphrase"


async def test_a_totp_code_works_only_once(
    client: AppClient, clock: ManualClock, keyring: Keyring
) -> None:
    """The code used to log in cannot log in again, even after logging out."""
    ctx = client.app[CONTEXT]
    sam = await enrolled_coordinator(ctx.sessions, keyring, clock())
    assert (await log_in(client, sam, clock())).status == 401  # the enrolment code itself
    clock.advance(seconds=30)
    code = totp_code(sam.totp_secret, clock())
    assert (await log_in(client, sam, clock(), code=code)).status == 303
    people = await (await client.get("/portal/people")).text()
    await client.post("/portal/logout", data={"csrf": csrf_of(people)})
    clock.advance(seconds=10)
    replay = await log_in(client, sam, clock(), code=code)
    assert replay.status == 401
    outcomes = [e.outcome for e in await audit_entries(ctx.sessions, "login_failed")]
    assert outcomes == ["reused_totp", "reused_totp"]


async def test_missing_or_wrong_csrf_is_403_and_audited(
    client: AppClient, clock: ManualClock, keyring: Keyring
) -> None:
    """Login without the token, and logged-in forms with a wrong one, are refused and audited."""
    ctx = client.app[CONTEXT]
    sam = await enrolled_coordinator(ctx.sessions, keyring, clock())
    clock.advance(seconds=30)
    form = {
        "email": sam.email,
        "passphrase": PASSPHRASE,
        "code": totp_code(sam.totp_secret, clock()),
    }
    assert (await client.post("/portal/login", data=form)).status == 403
    assert (await log_in(client, sam, clock())).status == 303
    assert (await client.post("/portal/share-codes", data={})).status == 403
    assert (await client.post("/portal/share-codes", data={"csrf": "guess"})).status == 403
    assert (await client.post("/portal/logout", data={"csrf": ""})).status == 403
    assert (await client.get("/portal/people")).status == 200  # still logged in
    entries = await audit_entries(ctx.sessions, "csrf_failed")
    assert [e.actor for e in entries] == ["portal"] + [f"coordinator:{sam.id}"] * 3
    assert all(e.outcome == "denied" for e in entries)


async def test_idle_session_goes_back_to_login(
    client: AppClient, clock: ManualClock, keyring: Keyring
) -> None:
    """Activity keeps a session; 30 idle minutes end it and the login page says why."""
    ctx = client.app[CONTEXT]
    sam = await enrolled_coordinator(ctx.sessions, keyring, clock())
    clock.advance(seconds=30)
    assert (await log_in(client, sam, clock())).status == 303
    for _ in range(3):
        clock.advance(minutes=25)
        assert (await client.get("/portal/people", allow_redirects=False)).status == 200
    clock.advance(minutes=31)
    response = await client.get("/portal/people", allow_redirects=False)
    assert response.status == 303
    assert response.headers["Location"] == "/portal/login?reason=idle"
    async with ctx.sessions() as session:
        assert (await session.scalars(select(PortalSession))).all() == []
    page = await (await client.get("/portal/login?reason=idle")).text()
    assert "30 minutes without activity" in page
    (ended,) = await audit_entries(ctx.sessions, "session_ended")
    assert (ended.actor, ended.outcome) == (f"coordinator:{sam.id}", "idle")


async def test_session_survives_a_restart_and_any_instance_serves_it(
    aiohttp_client: Client,
    client: AppClient,
    sqlite_url: str,
    clock: ManualClock,
    keyring: Keyring,
) -> None:
    """A new process (or another instance) on the same database serves the same session."""
    sam = await enrolled_coordinator(client.app[CONTEXT].sessions, keyring, clock())
    clock.advance(seconds=30)
    assert (await log_in(client, sam, clock())).status == 303
    settings = load_settings({"DATABASE_URL": sqlite_url, "COMPANION_MODE": "simulator"})
    restarted = await aiohttp_client(create_app(settings, clock=clock, keyring=keyring))
    restarted.session.cookie_jar.update_cookies({c.key: c.value for c in client.session.cookie_jar})
    for instance in (restarted, client, restarted):
        response = await instance.get("/portal/people", allow_redirects=False)
        assert response.status == 200
    clock.advance(minutes=31)  # idle expiry is the database's, so every instance agrees
    response = await client.get("/portal/people", allow_redirects=False)
    assert response.headers["Location"] == "/portal/login?reason=idle"


async def test_a_session_row_without_its_cookie_opens_no_key(
    client: AppClient, clock: ManualClock, keyring: Keyring
) -> None:
    """The database holds the session's key only sealed: another cookie cannot open it."""
    ctx = client.app[CONTEXT]
    sam = await enrolled_coordinator(ctx.sessions, keyring, clock())
    clock.advance(seconds=30)
    cookie = (await log_in(client, sam, clock())).cookies["companion_portal"].value
    async with ctx.sessions() as session:
        (row,) = (await session.scalars(select(PortalSession))).all()
    assert open_key(row.sealed_key, cookie, sam.id).private_bytes_raw()
    with pytest.raises(SessionKeyError):
        open_key(row.sealed_key, new_cookie_value(), sam.id)
    with pytest.raises(SessionKeyError):
        open_key(row.sealed_key, cookie, "another-coordinator")


async def test_login_rotates_the_session(
    client: AppClient, clock: ManualClock, keyring: Keyring
) -> None:
    """Logging in while holding a session cookie makes a new id and ends the old session."""
    ctx = client.app[CONTEXT]
    sam = await enrolled_coordinator(ctx.sessions, keyring, clock())
    clock.advance(seconds=30)
    first = (await log_in(client, sam, clock())).cookies["companion_portal"].value
    clock.advance(seconds=30)
    token = next(c.value for c in client.session.cookie_jar if c.key == "companion_portal_login")
    form = {
        "csrf": token,
        "email": sam.email,
        "passphrase": PASSPHRASE,
        "code": totp_code(sam.totp_secret, clock()),
    }
    again = await client.post("/portal/login", data=form, allow_redirects=False)
    assert again.status == 303
    second = again.cookies["companion_portal"].value
    assert second != first
    async with ctx.sessions() as session:
        assert len((await session.scalars(select(PortalSession))).all()) == 1
    stale = await client.get("/portal/people", cookies={"companion_portal": first})
    assert stale.url.path == "/portal/login"


async def test_lockout_delays_then_lets_the_right_login_in(
    client: AppClient, clock: ManualClock, keyring: Keyring
) -> None:
    """After 3 free failures each try waits longer; during a wait even the right login is
    refused (429), and after it the right login works."""
    ctx = client.app[CONTEXT]
    sam = await enrolled_coordinator(ctx.sessions, keyring, clock())
    for _ in range(4):
        clock.advance(seconds=1)
        assert (await log_in(client, sam, clock(), passphrase="wrong guess")).status == 401
    clock.advance(seconds=10)
    held = await log_in(client, sam, clock())
    assert held.status == 429
    assert held.headers["Retry-After"] == "20"
    assert "Too many tries" in await held.text()
    clock.advance(seconds=21)
    assert (await log_in(client, sam, clock(), passphrase="wrong again")).status == 401
    clock.advance(seconds=59)
    assert (await log_in(client, sam, clock())).status == 429  # the delay doubled to 60 s
    clock.advance(seconds=2)
    assert (await log_in(client, sam, clock())).status == 303
    outcomes = [e.outcome for e in await audit_entries(ctx.sessions, "login_failed")]
    assert outcomes.count("throttled") == 2
    assert outcomes.count("wrong_passphrase") == 5


async def test_https_cookie_is_host_prefixed_secure_httponly_strict(
    aiohttp_client: Client, sqlite_url: str, clock: ManualClock, keyring: Keyring
) -> None:
    """Behind https the session cookie is __Host-companion with every protective flag."""
    settings = load_settings(
        {
            "DATABASE_URL": sqlite_url,
            "COMPANION_MODE": "simulator",
            "PUBLIC_BASE_URL": "https://portal.example.org",
        }
    )
    client = await aiohttp_client(create_app(settings, clock=clock, keyring=keyring))
    sam = await enrolled_coordinator(client.app[CONTEXT].sessions, keyring, clock())
    clock.advance(seconds=30)
    login_page = await client.get("/portal/login")
    assert "__Host-companion-login=" in login_page.headers["Set-Cookie"]
    token = login_page.cookies["__Host-companion-login"].value
    form = {
        "csrf": token,
        "email": sam.email,
        "passphrase": PASSPHRASE,
        "code": totp_code(sam.totp_secret, clock()),
    }
    response = await client.post(
        "/portal/login",
        data=form,
        cookies={"__Host-companion-login": token},
        allow_redirects=False,
    )
    assert response.status == 303
    header = response.headers["Set-Cookie"]
    assert header.startswith("__Host-companion=")
    for flag in ("Secure", "HttpOnly", "SameSite=Strict", "Path=/"):
        assert flag in header
    assert "Domain" not in header

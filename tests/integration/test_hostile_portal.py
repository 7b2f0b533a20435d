"""Hostile use of the portal: fixed sessions, forged forms, throttle dodging, odd form bodies.

What `test_portal_auth.py` already pins (per-account lockout, rotation of the caller's own
session, missing or guessed CSRF tokens) is not repeated here.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest
from aiohttp import ClientResponse
from aiohttp.web import Application
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from companion.app import create_app
from companion.config import load_settings
from companion.crypto.keyring import Keyring
from companion.db.models import Consent, Coordinator, OutboxMessage, PortalSession, ShareCode
from companion.db.people import add_person
from companion.web.keys import CONTEXT
from companion.web.portal_session import hashed
from tests.conftest import AppClient
from tests.support.clock import ManualClock
from tests.support.database import count, rows
from tests.support.portal import (
    PASSPHRASE,
    Enrolled,
    audit_entries,
    csrf_of,
    enrolled_coordinator,
    log_in,
    totp_code,
)

Client = Callable[[Application], asyncio.Future[AppClient]]
SESSION, LOGIN_TOKEN = "companion_portal", "companion_portal_login"
PERSON = "+447700900555"
EMAIL = "sam.patel@nhs.example"  # enrolled_coordinator's default
EVIL = {"Origin": "https://evil.example", "Referer": "https://evil.example/win-a-prize"}
FORM = "application/x-www-form-urlencoded"
ANY_CHAR = st.characters(exclude_categories=["Cs"])


@pytest.fixture
async def client(
    aiohttp_client: Client, sqlite_url: str, keyring: Keyring, clock: ManualClock
) -> AppClient:
    """The real app (simulator mode, plain http) on a fresh SQLite file."""
    settings_ = load_settings({"DATABASE_URL": sqlite_url, "COMPANION_MODE": "simulator"})
    return await aiohttp_client(create_app(settings_, clock=clock, keyring=keyring))


def cookie(client: AppClient, name: str) -> str | None:
    """The value of one cookie in the client's jar."""
    return next((c.value for c in client.session.cookie_jar if c.key == name), None)


def db_url(client: AppClient) -> str:
    """The database the app under test writes to."""
    from companion.web.keys import SETTINGS

    return client.app[SETTINGS].database_url


async def login_form(client: AppClient, who: Enrolled, clock: ManualClock) -> dict[str, str]:
    """A correct login form, with the token from the login page just fetched."""
    page = await (await client.get("/portal/login")).text()
    return {
        "csrf": csrf_of(page),
        "email": who.email,
        "passphrase": PASSPHRASE,
        "code": totp_code(who.totp_secret, clock()),
    }


async def logged_in(client: AppClient, who: Enrolled, clock: ManualClock) -> str:
    """Log `who` in; returns the session cookie's value."""
    clock.advance(seconds=30)  # a fresh TOTP step
    assert (await log_in(client, who, clock())).status == 303
    value = cookie(client, SESSION)
    assert value is not None
    return value


async def session_csrf(client: AppClient) -> str:
    """The logged-in session's CSRF token, as the people page's forms carry it."""
    return csrf_of(await (await client.get("/portal/people")).text())


# --- session fixation ------------------------------------------------------------------


async def test_a_planted_session_cookie_is_not_the_session_used_after_login(
    client: AppClient, clock: ManualClock, keyring: Keyring
) -> None:
    """A session id an attacker chose and planted before login never becomes a logged-in one."""
    sam = await enrolled_coordinator(client.app[CONTEXT].sessions, keyring, clock())
    clock.advance(seconds=30)
    planted = "attacker-chosen-session-value-0123456789"
    form = await login_form(client, sam, clock)
    client.session.cookie_jar.update_cookies({SESSION: planted})
    response = await client.post("/portal/login", data=form, allow_redirects=False)
    assert response.status == 303
    issued = response.cookies[SESSION].value
    assert issued != planted
    (row,) = await rows(db_url(client), PortalSession)
    assert row.id == hashed(issued) != hashed(planted)
    attacker = await client.get("/portal/people", cookies={SESSION: planted}, allow_redirects=False)
    assert attacker.status == 303
    assert attacker.headers["Location"] == "/portal/login"


async def test_an_attackers_own_session_planted_on_a_victim_is_ended_by_their_login(
    client: AppClient, clock: ManualClock, keyring: Keyring
) -> None:
    """The attacker's real session cookie, planted on the victim, dies when the victim logs in."""
    sessions = client.app[CONTEXT].sessions
    mallory = await enrolled_coordinator(sessions, keyring, clock(), email="mallory@nhs.example")
    sam = await enrolled_coordinator(sessions, keyring, clock())
    planted = await logged_in(client, mallory, clock)
    client.session.cookie_jar.clear()
    clock.advance(seconds=30)
    form = await login_form(client, sam, clock)
    client.session.cookie_jar.update_cookies({SESSION: planted})
    response = await client.post("/portal/login", data=form, allow_redirects=False)
    assert response.status == 303
    issued = response.cookies[SESSION].value
    assert issued != planted
    (row,) = await rows(db_url(client), PortalSession)
    assert (row.id, row.coordinator_id) == (hashed(issued), sam.id)
    stale = await client.get("/portal/people", cookies={SESSION: planted}, allow_redirects=False)
    assert stale.status == 303


# --- cross-site request forgery ----------------------------------------------------------


async def test_forged_share_request_texts_nobody(
    client: AppClient, clock: ManualClock, keyring: Keyring
) -> None:
    """A cross-site form asking a person to share, without the token, is 403 and sends nothing."""
    ctx = client.app[CONTEXT]
    sam = await enrolled_coordinator(ctx.sessions, keyring, clock())
    async with ctx.sessions.begin() as session:
        await add_person(session, keyring, PERSON, "active", clock())
    await logged_in(client, sam, clock)
    url = db_url(client)
    for form in ({"phone": PERSON}, {"phone": PERSON, "csrf": ""}):
        response = await client.post("/portal/share-requests", data=form, headers=EVIL)
        assert response.status == 403
    assert (await count(url, OutboxMessage), await count(url, Consent)) == (0, 0)
    denied = await audit_entries(ctx.sessions, "csrf_failed")
    assert [e.actor for e in denied] == [f"coordinator:{sam.id}"] * 2
    assert await audit_entries(ctx.sessions, "share_request") == []
    genuine = {"phone": PERSON, "csrf": await session_csrf(client)}
    response = await client.post("/portal/share-requests", data=genuine, allow_redirects=False)
    assert response.status == 303  # the same request from the portal's own form does send
    assert (await count(url, OutboxMessage), await count(url, Consent)) == (1, 1)


async def test_another_sessions_valid_token_does_not_pass(
    client: AppClient, clock: ManualClock, keyring: Keyring
) -> None:
    """An attacker's own real CSRF token (from their session) is refused on the victim's."""
    sessions = client.app[CONTEXT].sessions
    mallory = await enrolled_coordinator(sessions, keyring, clock(), email="mallory@nhs.example")
    sam = await enrolled_coordinator(sessions, keyring, clock())
    await logged_in(client, mallory, clock)
    mallorys_token = await session_csrf(client)
    client.session.cookie_jar.clear()
    await logged_in(client, sam, clock)
    sams_token = await session_csrf(client)
    assert sams_token != mallorys_token
    codes = await count(db_url(client), ShareCode)
    forged = await client.post("/portal/share-codes", data={"csrf": mallorys_token}, headers=EVIL)
    assert forged.status == 403
    assert await count(db_url(client), ShareCode) == codes
    mine = await client.post(
        "/portal/share-codes", data={"csrf": sams_token}, allow_redirects=False
    )
    assert mine.status == 303  # the same form with the right token works: the test can fail
    assert await count(db_url(client), ShareCode) == codes + 1


async def test_token_in_the_query_string_or_the_login_cookie_value_does_not_pass(
    client: AppClient, clock: ManualClock, keyring: Keyring
) -> None:
    """The token must be in the posted form and be the session's, not the pre-login one."""
    sam = await enrolled_coordinator(client.app[CONTEXT].sessions, keyring, clock())
    await logged_in(client, sam, clock)
    token = await session_csrf(client)
    pre_login = cookie(client, LOGIN_TOKEN)
    assert pre_login is not None
    assert pre_login != token
    in_query = await client.post(f"/portal/share-codes?csrf={token}", data={}, headers=EVIL)
    assert in_query.status == 403
    wrong_kind = await client.post("/portal/share-codes", data={"csrf": pre_login}, headers=EVIL)
    assert wrong_kind.status == 403
    assert await count(db_url(client), ShareCode) == 0


async def test_cross_site_login_without_the_login_cookie_is_403(
    client: AppClient, clock: ManualClock, keyring: Keyring
) -> None:
    """Login CSRF: a form posted from elsewhere (no SameSite=Strict cookie) logs nobody in."""
    ctx = client.app[CONTEXT]
    sam = await enrolled_coordinator(ctx.sessions, keyring, clock())
    clock.advance(seconds=30)
    form = await login_form(client, sam, clock)
    client.session.cookie_jar.clear()  # what a cross-site post carries: no Strict cookies
    response = await client.post("/portal/login", data=form, headers=EVIL, allow_redirects=False)
    assert response.status == 403
    assert SESSION not in response.cookies
    assert await count(db_url(client), PortalSession) == 0
    assert [e.actor for e in await audit_entries(ctx.sessions, "csrf_failed")] == ["portal"]


async def test_forged_enrolment_form_is_403_and_enrols_nobody(
    client: AppClient, clock: ManualClock
) -> None:
    """Posting the enrolment form from elsewhere cannot set an unenrolled account's passphrase."""
    from companion.accounts.coordinators import add_coordinator

    ctx = client.app[CONTEXT]
    async with ctx.sessions.begin() as session:
        added = await add_coordinator(
            session, ctx.keyring, name="A", email="a@x.example", team="T", now=clock()
        )
    form = {"passphrase": PASSPHRASE, "passphrase_again": PASSPHRASE, "code": "123456"}
    for forged in (form, {**form, "csrf": "guessed"}):
        response = await client.post(f"/portal/enrol/{added.token}", data=forged, headers=EVIL)
        assert response.status == 403
    (row,) = await rows(db_url(client), Coordinator)
    assert row.enrolled_at is None
    assert row.passphrase_hash is None


# --- brute force -------------------------------------------------------------------------


async def test_changing_email_case_and_spaces_does_not_dodge_the_throttle(
    client: AppClient, clock: ManualClock, keyring: Keyring
) -> None:
    """Guesses spelt "SAM@...", " sam@... " and so on count against one account and are slowed."""
    ctx = client.app[CONTEXT]
    sam = await enrolled_coordinator(ctx.sessions, keyring, clock())
    spellings = [sam.email.upper(), f"  {sam.email}  ", sam.email.title(), sam.email + "\t"]
    for spelling in spellings:
        clock.advance(seconds=1)
        form = {**await login_form(client, sam, clock), "email": spelling, "passphrase": "guess"}
        assert (await client.post("/portal/login", data=form)).status == 401
    clock.advance(seconds=1)
    held = await client.post("/portal/login", data=await login_form(client, sam, clock))
    assert held.status == 429
    assert int(held.headers["Retry-After"]) > 0
    outcomes = [e.outcome for e in await audit_entries(ctx.sessions, "login_failed")]
    assert outcomes == ["wrong_passphrase"] * 4 + ["throttled"]


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    passphrase=st.text(ANY_CHAR, max_size=40)
    | st.text(ANY_CHAR, min_size=1, max_size=3).map(lambda s: s * 1500),
    code=st.text(ANY_CHAR, max_size=40),
)
async def test_any_passphrase_and_code_is_refused_with_401_never_a_500(
    client: AppClient, clock: ManualClock, keyring: Keyring, passphrase: str, code: str
) -> None:
    """Any passphrase and code text (NULs, emoji, 4,500 characters) is a plain, audited 401."""
    ctx = client.app[CONTEXT]
    if not await count(db_url(client), Coordinator):  # hypothesis shares the app between examples
        await enrolled_coordinator(ctx.sessions, keyring, clock())
    clock.advance(minutes=61)  # past any delay and account lock: every example is checked
    page = await (await client.get("/portal/login")).text()
    form = {"csrf": csrf_of(page), "email": EMAIL, "passphrase": passphrase, "code": code}
    failures = len(await audit_entries(ctx.sessions, "login_failed"))
    response = await client.post("/portal/login", data=form, allow_redirects=False)
    assert response.status == 401
    assert SESSION not in response.cookies
    assert len(await audit_entries(ctx.sessions, "login_failed")) == failures + 1


@pytest.mark.parametrize(
    "email",
    [
        '"><script>alert(1)</script>@x.example',
        "{{7*7}}@x.example",
        "{ $name }@x.example",
        "'; DROP TABLE coordinator;--",
        "x" * 5000,
        "ﷺ" * 300,
    ],
)
async def test_hostile_email_is_refused_and_shown_back_only_escaped(
    client: AppClient, clock: ManualClock, email: str
) -> None:
    """Injection in the email field is a 401 whose page shows it escaped and unevaluated."""
    page = await (await client.get("/portal/login")).text()
    form = {"csrf": csrf_of(page), "email": email, "passphrase": "x", "code": "123456"}
    response = await client.post("/portal/login", data=form)
    assert response.status == 401
    html = await response.text()
    assert "<script>alert" not in html
    assert "49@x.example" not in html
    assert await count(db_url(client), Coordinator) == 0


@pytest.mark.parametrize(
    ("path", "content_type", "body"),
    [
        ("/portal/login", FORM, b"csrf=TOKEN&email=\xff\xfe&passphrase=x&code=1"),
        ("/portal/login", FORM + "; charset=bogus", b"csrf=TOKEN&email=a&passphrase=x&code=1"),
        ("/portal/enrol/abc", FORM, b"csrf=TOKEN&passphrase=\xff"),
    ],
)
async def test_malformed_portal_form_body_is_a_4xx_not_a_500(
    client: AppClient, path: str, content_type: str, body: bytes
) -> None:
    """Regression: a login or enrolment body that is not UTF-8 was a 500; now a 4xx."""
    token = csrf_of(await (await client.get("/portal/login")).text())
    response: ClientResponse = await client.post(
        path, data=body.replace(b"TOKEN", token.encode()), headers={"Content-Type": content_type}
    )
    assert 400 <= response.status < 500


@pytest.mark.postgres
async def test_nul_in_the_login_email_is_a_401_on_postgresql(
    aiohttp_client: Client, postgres_url: str, clock: ManualClock, keyring: Keyring
) -> None:
    """Regression: a NUL in the email was a 500 on PostgreSQL; now refused like any wrong one."""
    settings_ = load_settings({"DATABASE_URL": postgres_url, "COMPANION_MODE": "simulator"})
    client = await aiohttp_client(create_app(settings_, clock=clock, keyring=keyring))
    page = await (await client.get("/portal/login")).text()
    form = {"csrf": csrf_of(page), "email": "sam\x00@nhs.example", "passphrase": "x", "code": "1"}
    response = await client.post("/portal/login", data=form)
    assert response.status == 401

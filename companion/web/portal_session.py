"""Portal sessions: cookies, CSRF tokens, idle and absolute timeouts, sealed keys.

The cookie holds a random value; the database holds only its SHA-256 as the session
id, so a copy of the database cannot be replayed as a cookie. The coordinator's
private key, unwrapped at login, is kept in the session row re-encrypted under a key
derived from the cookie value alone (`crypto.session_keys`): any instance can serve
any request and a restart logs nobody out, while the database alone opens nothing.
The key is opened per request and never kept in memory between requests. Expiry is
enforced here, on the server: a row idle for 30 minutes or older than 12 hours is
deleted when it is next presented, and the periodic sweep deletes abandoned ones.

Cookies are `__Host-` prefixed with `Secure` when the portal is served over HTTPS
(the request is, or PUBLIC_BASE_URL is https://). Over plain http, which only makes
sense on localhost, browsers refuse `Secure` and `__Host-` cookies, so the same
cookies are named `companion_portal` and `companion_portal_login`, without `Secure`.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from aiohttp import web
from aiohttp.web_request import FileField
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from multidict import MultiDictProxy
from sqlalchemy import delete, or_
from sqlalchemy.ext.asyncio import AsyncSession

from companion.accounts.login_throttle import LoginThrottle
from companion.crypto.session_keys import (
    SessionKeyError,
    new_cookie_value,
    open_key,
    seal_key,
    session_id_of,
)
from companion.db.models import PortalSession
from companion.db.states import AuditAction
from companion.records import audit
from companion.records.audit_budget import AuditBudget
from companion.web.keys import CONTEXT, SETTINGS
from companion.web.portal_pages import error_page

Form = MultiDictProxy[str | bytes | bytearray | FileField]

IDLE_TIMEOUT = timedelta(minutes=30)
MAX_SESSION = timedelta(hours=12)
CSRF_FIELD = "csrf"


@dataclass
class PortalState:
    """What the portal keeps in this process: the login throttle and the junk audit budget.

    No session state: sessions live in the database so that any instance serves them.
    """

    throttle: LoginThrottle = field(default_factory=LoginThrottle)
    junk: AuditBudget = field(default_factory=AuditBudget)


async def delete_expired_sessions(session: AsyncSession, now: datetime) -> int:
    """Delete sessions idle too long or past their absolute lifetime; how many.

    A session nobody comes back to is never presented again, so without this its sealed
    key would stay in the database until the coordinator logs in again.
    """
    result = await session.execute(
        delete(PortalSession).where(
            or_(
                PortalSession.last_seen_at < now - IDLE_TIMEOUT,
                PortalSession.created_at < now - MAX_SESSION,
            )
        )
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


PORTAL_STATE = web.AppKey("portal_state", PortalState)


@dataclass(frozen=True)
class PortalLogin:
    """The logged-in coordinator behind a request."""

    session_id: str
    coordinator_id: str
    csrf_token: str
    private_key: X25519PrivateKey

    @property
    def actor(self) -> str:
        """How the audit trail names this coordinator."""
        return f"coordinator:{self.coordinator_id}"


def is_https(request: web.Request) -> bool:
    """Whether the portal is reached over HTTPS (directly or behind a proxy)."""
    return request.secure or request.config_dict[SETTINGS].public_base_url.startswith("https://")


def session_cookie(request: web.Request) -> str:
    """The session cookie's name for this request's scheme."""
    return "__Host-companion" if is_https(request) else "companion_portal"


def login_cookie(request: web.Request) -> str:
    """The pre-login CSRF cookie's name (login and enrolment forms)."""
    return "__Host-companion-login" if is_https(request) else "companion_portal_login"


def device_cookie(request: web.Request) -> str:
    """The device cookie's name (a browser that logged in before, `accounts.device_cookies`)."""
    return "__Host-companion-device" if is_https(request) else "companion_portal_device"


def set_cookie(
    request: web.Request,
    response: web.StreamResponse,
    name: str,
    value: str,
    max_age: int | None = None,
) -> None:
    """Set a portal cookie: HttpOnly, SameSite=Strict, Path=/, Secure over HTTPS."""
    response.set_cookie(
        name,
        value,
        path="/",
        httponly=True,
        samesite="Strict",
        secure=is_https(request),
        max_age=max_age,
    )


def delete_cookie(request: web.Request, response: web.StreamResponse, name: str) -> None:
    """Expire a portal cookie with the same flags it was set with.

    Browsers ignore a `__Host-` cookie header without `Secure`, deletion included, so
    without the flags the old cookie would stay in the browser.
    """
    response.del_cookie(name, path="/", secure=is_https(request), httponly=True, samesite="Strict")


def hashed(value: str) -> str:
    """The session id stored for a cookie value."""
    return session_id_of(value)


def same_token(expected: str, given: object) -> bool:
    """Constant-time comparison of a CSRF token with what a form sent."""
    if not isinstance(given, str) or not expected:
        return False
    return hmac.compare_digest(expected.encode("utf-8"), given.encode("utf-8"))


async def start_session(
    request: web.Request, response: web.StreamResponse, coordinator_id: str, key: X25519PrivateKey
) -> None:
    """Log in: a brand-new session id (any old session is ended), cookie set on `response`."""
    await end_session(request, response)
    ctx = request.config_dict[CONTEXT]
    value = new_cookie_value()
    now = ctx.clock()
    async with ctx.sessions.begin() as session:
        session.add(
            PortalSession(
                id=hashed(value),
                coordinator_id=coordinator_id,
                csrf_token=new_cookie_value(),
                created_at=now,
                last_seen_at=now,
                sealed_key=seal_key(key, value, coordinator_id),
            )
        )
    set_cookie(request, response, session_cookie(request), value)


async def end_session(request: web.Request, response: web.StreamResponse) -> None:
    """Forget the request's session, if any: the row (and its sealed key), the cookie."""
    value = request.cookies.get(session_cookie(request))
    if value:
        await _forget(request, hashed(value))
        delete_cookie(request, response, session_cookie(request))


async def current_login(request: web.Request) -> PortalLogin | str:
    """The logged-in coordinator, or why there is none ("none", "idle")."""
    ctx = request.config_dict[CONTEXT]
    now = ctx.clock()
    value = request.cookies.get(session_cookie(request))
    if not value:
        return "none"
    async with ctx.sessions.begin() as session:
        row = await session.get(PortalSession, hashed(value))
        if row is None:
            return "none"
        idle = now - row.last_seen_at > IDLE_TIMEOUT or now - row.created_at > MAX_SESSION
        key = None if idle else _opened(row, value)
        if key is None:
            await session.delete(row)
            await audit.record(
                session,
                actor=f"coordinator:{row.coordinator_id}",
                action=AuditAction.SESSION_ENDED,
                outcome="idle" if idle else "unreadable",
                now=now,
            )
            return "idle" if idle else "none"
        row.last_seen_at = now
        return PortalLogin(row.id, row.coordinator_id, row.csrf_token, key)


def _opened(row: PortalSession, value: str) -> X25519PrivateKey | None:
    """The session's private key, or None if its sealed copy does not open (altered)."""
    try:
        return open_key(row.sealed_key, value, row.coordinator_id)
    except SessionKeyError:
        return None


async def require_login(request: web.Request) -> PortalLogin:
    """The logged-in coordinator; otherwise a redirect to the login page saying why.

    Raises:
        web.HTTPSeeOther: not logged in, or idle (or logged in) too long.
    """
    login = await current_login(request)
    if isinstance(login, PortalLogin):
        return login
    target = "/portal/login" if login == "none" else f"/portal/login?reason={login}"
    response = web.HTTPSeeOther(target)
    delete_cookie(request, response, session_cookie(request))
    raise response


async def read_form(request: web.Request) -> Form:
    """The posted form; a body that is not a readable UTF-8 form is 400, never a 500."""
    try:
        return await request.post()
    except (UnicodeDecodeError, LookupError, ValueError):
        raise web.HTTPBadRequest(text="malformed form") from None


async def require_csrf(request: web.Request, expected: str, actor: str) -> Form:
    """The posted form, if its CSRF token matches; else 403 and an audit entry.

    Raises:
        web.HTTPForbidden: the token is missing or wrong.
    """
    form = await read_form(request)
    if same_token(expected, form.get(CSRF_FIELD)):
        return form
    ctx = request.config_dict[CONTEXT]
    async with ctx.sessions.begin() as session:  # a logged-in browser: every one is audited
        await audit.record(
            session, actor=actor, action=AuditAction.CSRF_FAILED, outcome="denied", now=ctx.clock()
        )
    raise error_page(web.HTTPForbidden, "csrf")


async def require_login_post(request: web.Request) -> tuple[PortalLogin, Form]:
    """The logged-in coordinator and their posted form, its CSRF token checked.

    Raises:
        web.HTTPSeeOther: not logged in (as `require_login`).
        web.HTTPForbidden: the token is missing or wrong (as `require_csrf`).
    """
    login = await require_login(request)
    return login, await require_csrf(request, login.csrf_token, login.actor)


async def record_junk(
    request: web.Request,
    *,
    actor: str,
    action: AuditAction,
    outcome: str,
    subject: str | None = None,
) -> None:
    """Audit a refused request, at most once a minute per kind; count the rest."""
    ctx = request.config_dict[CONTEXT]
    now = ctx.clock()
    if not request.app[PORTAL_STATE].junk.allow(action, outcome, subject, now):
        ctx.metrics.unaudited.labels(action, outcome).inc()
        return
    async with ctx.sessions.begin() as session:
        await audit.record(
            session, actor=actor, action=action, outcome=outcome, now=now, subject=subject
        )


async def _forget(request: web.Request, session_id: str) -> None:
    ctx = request.config_dict[CONTEXT]
    async with ctx.sessions.begin() as session:
        await session.execute(delete(PortalSession).where(PortalSession.id == session_id))

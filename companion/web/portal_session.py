"""Portal sessions: cookies, CSRF tokens, idle timeout, and keys held in memory.

The cookie holds a random value; the database holds only its SHA-256 as the
session id, so a copy of the database cannot be replayed as a cookie. The
coordinator's unwrapped private key lives in this process's memory only, keyed by
session id: after a restart the session cannot read anything and the coordinator
logs in again (the login page says why).

Cookies are `__Host-` prefixed with `Secure` when the portal is served over HTTPS
(the request is, or PUBLIC_BASE_URL is https://). Over plain http, which only makes
sense on localhost, browsers refuse `Secure` and `__Host-` cookies, so the same
cookies are named `companion_portal` and `companion_portal_login`, without `Secure`.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from aiohttp import web
from aiohttp.web_request import FileField
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from multidict import MultiDictProxy
from sqlalchemy import delete

from companion.accounts.login_throttle import LoginThrottle
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
    """What the portal keeps in memory: session keys and the login throttle."""

    keys: dict[str, X25519PrivateKey] = field(default_factory=dict)
    throttle: LoginThrottle = field(default_factory=LoginThrottle)
    junk: AuditBudget = field(default_factory=AuditBudget)
    seen: dict[str, tuple[datetime, datetime]] = field(default_factory=dict)

    def hold(self, session_id: str, key: X25519PrivateKey, now: datetime) -> None:
        """Keep a just-unwrapped private key for a new session."""
        self.keys[session_id] = key
        self.seen[session_id] = (now, now)

    def touch(self, session_id: str, now: datetime) -> None:
        """The session was used now."""
        created, _ = self.seen.get(session_id, (now, now))
        self.seen[session_id] = (created, now)

    def drop(self, session_id: str) -> None:
        """Forget a session's key."""
        self.keys.pop(session_id, None)
        self.seen.pop(session_id, None)

    def forget_idle(self, now: datetime) -> int:
        """Drop the keys of sessions idle or too old, abandoned ones included; how many.

        A session nobody comes back to is never looked up again, so without this its
        unwrapped key would stay in memory until the process ends.
        """
        stale = [
            session_id
            for session_id, (created, last) in self.seen.items()
            if now - last > IDLE_TIMEOUT or now - created > MAX_SESSION
        ]
        for session_id in stale:
            self.drop(session_id)
        return len(stale)


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
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


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
    value = secrets.token_urlsafe(32)
    now = ctx.clock()
    async with ctx.sessions.begin() as session:
        session.add(
            PortalSession(
                id=hashed(value),
                coordinator_id=coordinator_id,
                csrf_token=secrets.token_urlsafe(32),
                created_at=now,
                last_seen_at=now,
            )
        )
    request.app[PORTAL_STATE].hold(hashed(value), key, now)
    set_cookie(request, response, session_cookie(request), value)


async def end_session(request: web.Request, response: web.StreamResponse) -> None:
    """Forget the request's session, if any: row, key in memory, cookie."""
    value = request.cookies.get(session_cookie(request))
    if value:
        await _forget(request, hashed(value))
        delete_cookie(request, response, session_cookie(request))


async def current_login(request: web.Request) -> PortalLogin | str:
    """The logged-in coordinator, or why there is none ("none", "idle", "restart")."""
    ctx = request.config_dict[CONTEXT]
    now = ctx.clock()
    request.app[PORTAL_STATE].forget_idle(now)  # abandoned sessions' keys leave memory
    value = request.cookies.get(session_cookie(request))
    if not value:
        return "none"
    session_id = hashed(value)
    async with ctx.sessions.begin() as session:
        row = await session.get(PortalSession, session_id)
        if row is None:
            return "none"
        key = request.app[PORTAL_STATE].keys.get(session_id)
        idle = now - row.last_seen_at > IDLE_TIMEOUT or now - row.created_at > MAX_SESSION
        if idle or key is None:
            await session.delete(row)
            request.app[PORTAL_STATE].drop(session_id)
            reason = "idle" if idle else "restart"
            await audit.record(
                session,
                actor=f"coordinator:{row.coordinator_id}",
                action=AuditAction.SESSION_ENDED,
                outcome=reason,
                now=now,
            )
            return reason
        row.last_seen_at = now
        request.app[PORTAL_STATE].touch(session_id, now)
        return PortalLogin(session_id, row.coordinator_id, row.csrf_token, key)


async def require_login(request: web.Request) -> PortalLogin:
    """The logged-in coordinator; otherwise a redirect to the login page saying why.

    Raises:
        web.HTTPSeeOther: not logged in, idle too long, or the service restarted.
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
    request.app[PORTAL_STATE].drop(session_id)
    ctx = request.config_dict[CONTEXT]
    async with ctx.sessions.begin() as session:
        await session.execute(delete(PortalSession).where(PortalSession.id == session_id))

"""Portal login, logout and enrolment handlers.

Forms shown before login (login, enrolment) are protected by a double-submit token:
a random value in a SameSite=Strict cookie that the form must repeat. After login,
forms carry the session's own CSRF token instead.
"""

from __future__ import annotations

import math
import secrets
from datetime import timedelta
from typing import Any

import segno
from aiohttp import web
from sqlalchemy import select

from companion.accounts import device_cookies
from companion.accounts.coordinators import (
    EnrolmentRefused,
    PendingEnrolment,
    complete_enrolment,
    normalise_email,
    pending_enrolment,
    token_hash,
    who,
)
from companion.accounts.device_cookies import trusted_nonce
from companion.accounts.logins import check_login
from companion.crypto import totp
from companion.db.models import Coordinator
from companion.db.states import AuditAction
from companion.records import audit
from companion.sharing.recipient_check import report_mismatch
from companion.web.client_address import request_address
from companion.web.keys import CONTEXT
from companion.web.portal_pages import error_page, page
from companion.web.portal_session import (
    CSRF_FIELD,
    PORTAL_STATE,
    Form,
    PortalLogin,
    current_login,
    device_cookie,
    end_session,
    login_cookie,
    read_form,
    record_junk,
    require_csrf,
    require_login,
    same_token,
    set_cookie,
    start_session,
)

ANONYMOUS = "portal"
LOGIN_NOTICES = frozenset({"idle", "restart", "enrolled", "logged_out"})


def see_other(location: str) -> web.Response:
    """A 303 redirect as a plain response (so cookies can be set on it)."""
    return web.Response(status=303, headers={"Location": location})


async def login_page(request: web.Request) -> web.Response:
    """The login form; straight to the people list if already logged in."""
    if isinstance(await current_login(request), PortalLogin):
        return see_other("/portal/people")
    reason = request.query.get("reason", "")
    return _with_form_token(
        request, "login.html", notice=reason if reason in LOGIN_NOTICES else None
    )


async def login(request: web.Request) -> web.Response:
    """Check email, passphrase and TOTP code; on success start a fresh session."""
    form = await _pre_login_form(request)
    email = str(form.get("email", ""))[:254]
    passphrase = str(form.get("passphrase", ""))[:1024]
    code = str(form.get("code", ""))[:16]
    ctx = request.config_dict[CONTEXT]
    throttle = request.app[PORTAL_STATE].throttle
    account, address, now = normalise_email(email), request_address(request), ctx.clock()
    device = trusted_nonce(ctx.keyring, account, request.cookies.get(device_cookie(request)), now)
    wait = throttle.wait(account, address, now, device)
    if wait is not None:
        await _audit_throttled(request, account)
        return _throttled(form, email, wait)
    async with ctx.sessions.begin() as session:
        result = await check_login(
            session,
            ctx.keyring,
            email=email,
            passphrase=passphrase,
            code=code,
            now=now,
            trusted_device=device is not None,
        )
        if result.failure != "locked":  # refused unchecked: junk, audited below
            await audit.record(
                session,
                actor=f"coordinator:{result.coordinator_id}"
                if result.failure is None
                else ANONYMOUS,
                action=AuditAction.LOGIN if result.failure is None else AuditAction.LOGIN_FAILED,
                outcome=result.failure or "ok",
                now=now,
                subject=result.coordinator_id,
            )
        if result.key_mismatch and result.coordinator_id is not None:
            await report_mismatch(ctx, session, result.coordinator_id, now, "login")
    if result.failure == "locked":
        await record_junk(
            request,
            actor=ANONYMOUS,
            action=AuditAction.LOGIN_FAILED,
            outcome="locked",
            subject=result.coordinator_id,
        )
        locked_until = result.locked_until or now
        throttle.account_locked(account, locked_until)
        return _throttled(form, email, max(locked_until - now, timedelta(seconds=1)))
    if result.failure is not None or result.private_key is None or result.coordinator_id is None:
        throttle.failed(account, address, now, device)
        return _login_again(form, 401, "failed", email)
    throttle.succeeded(account, address)
    response = see_other("/portal/people")
    await start_session(request, response, result.coordinator_id, result.private_key)
    value = device_cookies.issue(ctx.keyring, account, now)
    lifetime = int(device_cookies.VALID_FOR.total_seconds())
    set_cookie(request, response, device_cookie(request), value, max_age=lifetime)
    return response


async def _audit_throttled(request: web.Request, account: str) -> None:
    """A refused try: audited once a minute per account tried (the rest only counted),
    and the account looked up only when it is audited."""
    ctx = request.config_dict[CONTEXT]
    now = ctx.clock()
    if not request.app[PORTAL_STATE].junk.allow("login_failed", "throttled", account, now):
        ctx.metrics.unaudited.labels("login_failed", "throttled").inc()
        return
    async with ctx.sessions.begin() as session:
        subject = await session.scalar(select(Coordinator.id).where(Coordinator.email == account))
        await audit.record(
            session,
            actor=ANONYMOUS,
            action=AuditAction.LOGIN_FAILED,
            outcome="throttled",
            now=now,
            subject=subject,
        )


def _throttled(form: Form, email: str, wait: timedelta) -> web.Response:
    """429 with the login form again, saying how many minutes to wait."""
    minutes = max(1, math.ceil(wait.total_seconds() / 60))
    response = _login_again(form, 429, "throttled", email, minutes=minutes)
    response.headers["Retry-After"] = str(math.ceil(wait.total_seconds()))
    return response


async def logout(request: web.Request) -> web.Response:
    """End the session (its key leaves memory) and go back to the login page."""
    login_ = await require_login(request)
    await require_csrf(request, login_.csrf_token, login_.actor)
    response = see_other("/portal/login?reason=logged_out")
    await end_session(request, response)
    ctx = request.config_dict[CONTEXT]
    async with ctx.sessions.begin() as session:
        await audit.record(
            session,
            actor=login_.actor,
            action=AuditAction.LOGOUT,
            outcome="ok",
            now=ctx.clock(),
            subject=login_.coordinator_id,
        )
    return response


async def enrol_page(request: web.Request) -> web.Response:
    """Show the TOTP secret (QR code and text) and the passphrase form for a new coordinator."""
    token = request.match_info["token"]
    ctx = request.config_dict[CONTEXT]
    async with ctx.sessions.begin() as session:
        pending = await pending_enrolment(session, ctx.keyring, token, ctx.clock())
    if pending is None:
        await _audit_bad_link(request)
        raise error_page(web.HTTPNotFound, "enrol_link")
    return _with_form_token(request, "enrol.html", **_enrol_context(pending), error=None)


async def enrol(request: web.Request) -> web.Response:
    """Set the passphrase and confirm the first TOTP code; then log in as usual."""
    form = await _pre_login_form(request)
    token = request.match_info["token"]
    ctx = request.config_dict[CONTEXT]
    throttle = request.app[PORTAL_STATE].throttle
    account, address, now = "enrol:" + token_hash(token), request_address(request), ctx.clock()
    if throttle.wait(account, address, now) is not None:
        raise error_page(web.HTTPTooManyRequests, "throttled")
    async with ctx.sessions() as session:
        known = await pending_enrolment(session, ctx.keyring, token, now) is not None
    if not known:
        await _audit_bad_link(request)
        raise error_page(web.HTTPNotFound, "enrol_link")
    async with ctx.sessions.begin() as session:
        pending = await pending_enrolment(session, ctx.keyring, token, now)
        if pending is None:  # spent by another request a moment ago
            raise error_page(web.HTTPNotFound, "enrol_link")
        context = _enrol_context(pending)
        try:
            await complete_enrolment(
                session,
                pending,
                passphrase=str(form.get("passphrase", "")),
                passphrase_again=str(form.get("passphrase_again", "")),
                code=str(form.get("code", ""))[:16],
                now=now,
            )
            refused = None
        except EnrolmentRefused as error:
            refused = error.reason
    if refused is not None:
        if refused == "code":
            throttle.failed(account, address, now)
        return page("enrol.html", status=400, csrf=form[CSRF_FIELD], error=refused, **context)
    return see_other("/portal/login?reason=enrolled")


def _enrol_context(pending: PendingEnrolment) -> dict[str, object]:
    coordinator = pending.coordinator
    uri = totp.provisioning_uri(pending.totp_secret, coordinator.email)
    return {
        "name": who(pending.keyring, coordinator).name,
        "email": coordinator.email,
        "qr": segno.make(uri, error="m").svg_data_uri(scale=4, border=2),
        "secret": totp.secret_text(pending.totp_secret),
    }


async def _audit_bad_link(request: web.Request) -> None:
    await record_junk(request, actor=ANONYMOUS, action=AuditAction.ENROL, outcome="invalid_link")


def _login_again(form: Form, status: int, error: str, email: str, **extra: object) -> web.Response:
    """The login form again, with what went wrong (the template words it)."""
    return page(
        "login.html",
        status=status,
        csrf=form[CSRF_FIELD],
        error=error,
        email=email,
        notice=None,
        **extra,
    )


def _with_form_token(request: web.Request, template: str, **context: Any) -> web.Response:
    """Render a pre-login form with the double-submit token, setting its cookie if new."""
    token = request.cookies.get(login_cookie(request)) or secrets.token_urlsafe(32)
    response = page(template, csrf=token, **context)
    set_cookie(request, response, login_cookie(request), token)
    return response


async def _pre_login_form(request: web.Request) -> Form:
    """The posted form if it repeats the pre-login cookie; else 403 and an audit entry."""
    form = await read_form(request)
    if same_token(request.cookies.get(login_cookie(request), ""), form.get(CSRF_FIELD)):
        return form
    await record_junk(request, actor=ANONYMOUS, action=AuditAction.CSRF_FAILED, outcome="denied")
    raise error_page(web.HTTPForbidden, "csrf")

"""Portal pages after login: the people list, share codes, and a person's summaries.

Every page about a person goes through `load_person`, which shows nothing unless
the consent is active and to the logged-in coordinator: otherwise 404 (whether the
consent exists is not revealed) and an audit entry with outcome "denied".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from aiohttp import web
from sqlalchemy.ext.asyncio import AsyncSession

from companion.accounts.coordinators import Who, who
from companion.crypto.hpke_box import OpenError
from companion.crypto.keyring import Keyring
from companion.db.models import Consent, Coordinator
from companion.db.people import person_phone
from companion.db.states import AuditAction
from companion.records import audit
from companion.sharing.caseload import (
    active_consent,
    open_summary,
    person_name,
    person_of,
    sharing_people,
    summary_weeks,
)
from companion.sharing.consent import request_from_portal
from companion.sharing.share_codes import live_share_codes, new_share_code
from companion.sharing.talk_caseload import open_requests
from companion.sms.phone import InvalidPhoneNumber, to_e164
from companion.web.keys import CONTEXT
from companion.web.portal_pages import error_page, page
from companion.web.portal_session import PortalLogin, require_csrf, require_login
from companion.web.sparkline import Sparkline, sparkline

WEEK_PATTERN = r"[0-9]{4}-W[0-9]{2}"


@dataclass(frozen=True)
class PersonView:
    """What the person pages show: who, which weeks exist, and one week opened."""

    coordinator: Who
    consent: Consent
    name: str | None
    phone_ending: str
    weeks: Sequence[str]
    week: str | None
    summary: dict[str, Any] | None
    unreadable: bool

    @property
    def charts(self) -> list[tuple[dict[str, Any], Sparkline]]:
        """Each trend in the opened summary with its sparkline."""
        trends = (self.summary or {}).get("trends") or []
        return [(trend, sparkline([w.get("value") for w in trend["weeks"]])) for trend in trends]


async def people(request: web.Request) -> web.Response:
    """The people who share with this coordinator now, and the live share codes."""
    login = await require_login(request)
    ctx = request.config_dict[CONTEXT]
    now = ctx.clock()
    async with ctx.sessions.begin() as session:
        me = await session.get(Coordinator, login.coordinator_id)
        assert me is not None
        named = who(ctx.keyring, me)
        sharing = await sharing_people(session, ctx.keyring, login.coordinator_id)
        codes = await live_share_codes(session, login.coordinator_id, now)
        talk = await open_requests(session, ctx.keyring, login.coordinator_id, now)
        await audit.record(
            session, actor=login.actor, action=AuditAction.VIEW_PEOPLE, outcome="ok", now=now
        )
    asked = request.query.get("asked")
    return page(
        "people.html",
        me=named,
        csrf=login.csrf_token,
        people=sharing,
        codes=codes,
        asked=asked if asked in {"sent", "invalid"} else None,
        talk=talk,
        talk_said=request.query.get("talk"),
    )


async def new_code(request: web.Request) -> web.Response:
    """Make a share code (POST with CSRF) and show it on the people page."""
    login = await require_login(request)
    await require_csrf(request, login.csrf_token, login.actor)
    ctx = request.config_dict[CONTEXT]
    async with ctx.sessions.begin() as session:
        code = await new_share_code(session, login.coordinator_id, ctx.clock())
        await audit.record(
            session,
            actor=login.actor,
            action=AuditAction.SHARE_CODE_NEW,
            outcome="ok",
            now=ctx.clock(),
        )
    return web.Response(status=303, headers={"Location": f"/portal/people#code-{code.code}"})


async def ask_by_text(request: web.Request) -> web.Response:
    """Text a person asking them to share (POST with CSRF); only their YES starts sharing.

    The page says the same whether or not the number belongs to someone signed up, so
    the portal cannot be used to find out who uses Companion.
    """
    login = await require_login(request)
    form = await require_csrf(request, login.csrf_token, login.actor)
    ctx = request.config_dict[CONTEXT]
    try:
        e164 = to_e164(str(form.get("phone", ""))[:32])
    except InvalidPhoneNumber:
        return web.Response(status=303, headers={"Location": "/portal/people?asked=invalid#ask"})
    sent = await request_from_portal(ctx, login.coordinator_id, e164)
    async with ctx.sessions.begin() as session:
        outcome = "sent" if sent else "not_sent"
        await audit.record(
            session,
            actor=login.actor,
            action=AuditAction.SHARE_REQUEST,
            outcome=outcome,
            now=ctx.clock(),
        )
    return web.Response(status=303, headers={"Location": "/portal/people?asked=sent#ask"})


async def person(request: web.Request) -> web.Response:
    """A person's latest summary (or the week in the path) with charts and earlier weeks."""
    login = await require_login(request)
    view = await load_person(
        request, login, AuditAction.VIEW_PERSON, request.match_info.get("week")
    )
    return page("person.html", view=view, csrf=login.csrf_token, me=view.coordinator)


async def load_person(
    request: web.Request, login: PortalLogin, action: AuditAction, week: str | None
) -> PersonView:
    """Check consent, open the week's summary (the latest if None), and audit the view.

    Raises:
        web.HTTPNotFound: no active consent to this coordinator (audited "denied"),
            or no summary for the week asked for (audited "not_found").
    """
    ctx = request.config_dict[CONTEXT]
    now = ctx.clock()
    consent_id = request.match_info["consent_id"]
    async with ctx.sessions.begin() as session:
        consent = await active_consent(session, login.coordinator_id, consent_id)
        view = None if consent is None else await _view(session, ctx.keyring, login, consent, week)
        found = view is not None and (week is None or view.summary is not None or view.unreadable)
        outcome = "denied" if consent is None else "ok" if found else "not_found"
        if view is not None and view.unreadable:
            outcome = "unreadable"
        subject = consent_id if len(consent_id) <= 64 else None
        await audit.record(
            session, actor=login.actor, action=action, outcome=outcome, now=now, subject=subject
        )
    if view is None or not found:
        raise error_page(web.HTTPNotFound, "not_found")
    return view


async def _view(
    session: AsyncSession, keyring: Keyring, login: PortalLogin, consent: Consent, week: str | None
) -> PersonView:
    me = await session.get(Coordinator, login.coordinator_id)
    person = await person_of(session, consent)
    weeks = await summary_weeks(session, consent)
    chosen = week if week is not None else (weeks[0] if weeks else None)
    summary, unreadable = None, False
    if chosen is not None and chosen in weeks:
        try:
            summary = await open_summary(session, consent, chosen, login.private_key)
        except (OpenError, ValueError):  # ValueError: not JSON, so not ours
            unreadable = True
    assert me is not None
    return PersonView(
        coordinator=who(keyring, me),
        consent=consent,
        name=person_name(keyring, person),
        phone_ending=person_phone(keyring, person)[-4:],
        weeks=weeks,
        week=chosen,
        summary=summary,
        unreadable=unreadable,
    )

"""Portal pages after login: the people list, share codes, and a person's summaries.

Every page about a person goes through `load_person`, which shows nothing unless
the consent is active and to the logged-in coordinator: otherwise 404 (whether the
consent exists is not revealed) and an audit entry with outcome "denied".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from aiohttp import web
from sqlalchemy.ext.asyncio import AsyncSession

from companion.accounts.coordinators import Who, who
from companion.context import ServiceContext
from companion.crypto.hpke_box import OpenError
from companion.db.models import Consent, Coordinator
from companion.db.people import person_phone
from companion.db.states import AuditAction
from companion.engine.monitoring import CheckDue, monitoring_calendar
from companion.engine.summary import ReferenceRanges
from companion.engine.timing import london_date
from companion.records import audit
from companion.sharing.attention import FRESH_FOR, triaged_caseload
from companion.sharing.attention import Settings as TriageSettings
from companion.sharing.caseload import (
    active_consent,
    open_summary,
    person_name,
    person_of,
    summary_weeks,
)
from companion.sharing.consent import request_from_portal
from companion.sharing.share_codes import live_share_codes, new_share_code
from companion.sharing.summaries import refresh_week_so_far
from companion.sharing.summary_batch import week_end
from companion.sharing.talk_caseload import open_requests
from companion.sms.phone import InvalidPhoneNumber, to_e164
from companion.web import portal_notes
from companion.web.keys import CONTEXT, RANGES, SETTINGS
from companion.web.portal_pages import error_page, page
from companion.web.portal_session import (
    PortalLogin,
    require_login,
    require_login_post,
)
from companion.web.sparkline import Band, Sparkline, sparkline

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
    ranges: ReferenceRanges
    today: date

    @property
    def charts(self) -> list[tuple[dict[str, Any], Sparkline]]:
        """Each trend in the opened summary with its sparkline (and reference band)."""
        trends = (self.summary or {}).get("trends") or []
        bands = {
            "bp_systolic": Band(None, self.ranges.bp_systolic_above),
            "bp_diastolic": Band(None, self.ranges.bp_diastolic_above),
        }
        return [
            (trend, sparkline(_values(trend), band=bands.get(trend["key"]))) for trend in trends
        ]

    @property
    def so_far(self) -> bool:
        """True when the summary was made before its week ended: "this week so far"."""
        if self.summary is None:
            return False
        made = datetime.fromisoformat(str(self.summary["generated_at"]))
        return made < week_end(date.fromisoformat(str(self.summary["week_start"])))

    @property
    def monitoring(self) -> list[CheckDue]:
        """What is due next and overdue, from the medicine start or change date, if shared."""
        calendar = (self.summary or {}).get("calendar") or {}
        changed = calendar.get("medicine_changed_on")
        if not isinstance(changed, str):
            return []
        measured = calendar.get("last_measured") or {}
        last = {key: date.fromisoformat(day) for key, day in measured.items()}
        return monitoring_calendar(date.fromisoformat(changed), self.today, last)


def _values(trend: dict[str, Any]) -> list[float | None]:
    return [week.get("value") for week in trend["weeks"]]


async def people(request: web.Request) -> web.Response:
    """The people sharing with this coordinator, those needing attention first; share codes."""
    login = await require_login(request)
    ctx = request.config_dict[CONTEXT]
    now = ctx.clock()
    settings = request.config_dict[SETTINGS]
    triage = TriageSettings(request.config_dict[RANGES], settings.no_reply_days, login.private_key)
    async with ctx.sessions.begin() as session:
        me = await session.get(Coordinator, login.coordinator_id)
        assert me is not None
        named = who(ctx.keyring, me)
        sharing = await triaged_caseload(ctx, session, login.coordinator_id, triage)
        codes = await live_share_codes(session, login.coordinator_id, now)
        talk = await open_requests(session, ctx.keyring, login.coordinator_id, now)
        await audit.record(
            session, actor=login.actor, action=AuditAction.VIEW_PEOPLE, outcome="ok", now=now
        )
        for row in sharing:  # each row is read from that person's summaries
            await audit.record(
                session,
                actor=login.actor,
                action=AuditAction.VIEW_IN_CASELOAD,
                outcome="ok",
                now=now,
                subject=row.person.consent_id,
            )
    asked = request.query.get("asked")
    return page(
        "people.html",
        me=named,
        csrf=login.csrf_token,
        people=sharing,
        no_reply_days=settings.no_reply_days,
        number=settings.number_to_text,
        codes=codes,
        asked=asked if asked in {"sent", "invalid"} else None,
        talk=talk,
        talk_said=request.query.get("talk"),
    )


async def new_code(request: web.Request) -> web.Response:
    """Make a share code (POST with CSRF) and show it on the people page."""
    login, _form = await require_login_post(request)
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
    login, form = await require_login_post(request)
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
    notes = await portal_notes.notes_view(request, view.consent)
    return page(
        "person.html",
        view=view,
        csrf=login.csrf_token,
        me=view.coordinator,
        notes=notes,
        note_outcome=portal_notes.note_outcome(request),
    )


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
    ranges = request.config_dict[RANGES]
    async with ctx.sessions.begin() as session:
        consent = await active_consent(session, login.coordinator_id, consent_id)
        if consent is not None and week is None:  # the latest: the week so far, made fresh
            await refresh_week_so_far(ctx, session, [consent.id], ranges, FRESH_FOR)
        view = None if consent is None else await _view(session, ctx, ranges, login, consent, week)
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
    session: AsyncSession,
    ctx: ServiceContext,
    ranges: ReferenceRanges,
    login: PortalLogin,
    consent: Consent,
    week: str | None,
) -> PersonView:
    keyring = ctx.keyring
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
        ranges=ranges,
        today=london_date(ctx.clock()),
    )

"""The person page's notes: a coordinator records a medicine change or an appointment.

POST /portal/people/{consent}/notes (CSRF) records it for a person who shares with
this coordinator; the person is asked by SMS whether to add it to their calendar.
The page lists the notes with the person's answer so far.
"""

from __future__ import annotations

from aiohttp import web

from companion.db.models import Consent
from companion.engine.care_notes import NoteProblem, read_note_form
from companion.engine.timing import LONDON
from companion.records import audit
from companion.sharing.care_notes import RECORDED, ListedNote, notes_for, record_note
from companion.sharing.caseload import active_consent
from companion.web.keys import CONTEXT
from companion.web.portal_pages import error_page
from companion.web.portal_session import require_login_post

NOTE_OUTCOMES = frozenset({"sent", "not_active", "kind", "what", "day", "time", "past", "far"})


async def add_note(request: web.Request) -> web.Response:
    """Record a note (POST with CSRF) and go back to the person page, saying what happened."""
    login, form = await require_login_post(request)
    ctx = request.config_dict[CONTEXT]
    consent_id = request.match_info["consent_id"]
    now = ctx.clock()
    entry = read_note_form(
        str(form.get("kind", ""))[:16],
        str(form.get("what", ""))[:200],
        str(form.get("day", ""))[:16],
        str(form.get("time", ""))[:8],
        now.astimezone(LONDON).date(),
    )
    async with ctx.sessions.begin() as session:
        consent = await active_consent(session, login.coordinator_id, consent_id)
        if consent is None:
            subject = consent_id if len(consent_id) <= 64 else None
            await audit.record(
                session, actor=login.actor, action=RECORDED, outcome="denied", now=now,
                subject=subject,
            )  # fmt: skip
            outcome = "denied"
        elif isinstance(entry, NoteProblem):
            outcome = entry.reason
        else:
            sent = await record_note(ctx, session, consent, entry, login.actor)
            outcome = "sent" if sent else "not_active"
    if outcome == "denied":
        raise error_page(web.HTTPNotFound, "not_found")
    if outcome == "sent":
        ctx.wake_dispatcher()
    location = f"/portal/people/{consent_id}?note={outcome}#notes"
    return web.Response(status=303, headers={"Location": location})


async def notes_view(request: web.Request, consent: Consent) -> list[ListedNote]:
    """The notes for the person page (the page's own view is audited by `load_person`)."""
    ctx = request.config_dict[CONTEXT]
    async with ctx.sessions.begin() as session:
        return await notes_for(ctx, session, consent)


def note_outcome(request: web.Request) -> str | None:
    """What the last note form did, from the redirect's query (only known codes)."""
    outcome = request.query.get("note")
    return outcome if outcome in NOTE_OUTCOMES else None

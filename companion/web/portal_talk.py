"""Portal forms for TALK requests: reply to the person by text, and mark a request done.

Both are POSTs with the session's CSRF token, for a request addressed to the logged-in
coordinator only (anything else is "not found", audited). The reply goes through the
outbox like every SMS. The open requests themselves are read by `portal_views.people`
(`sharing.talk_caseload.open_requests`) and shown by the `_talk.html` partial.
"""

from __future__ import annotations

from aiohttp import web

from companion.db.states import AuditAction
from companion.records import audit
from companion.sharing.talk_caseload import ReplyOutcome, mark_done, reply
from companion.web.keys import CONTEXT
from companion.web.portal_session import require_login_post

REQUEST_PATTERN = "{request_id:[a-f0-9]{32}}"


def _back(outcome: str, request_id: str) -> web.Response:
    return web.Response(
        status=303, headers={"Location": f"/portal/people?talk={outcome}#talk-{request_id}"}
    )


async def reply_by_text(request: web.Request) -> web.Response:
    """Queue the coordinator's reply (template plus optional note) to the person."""
    login, form = await require_login_post(request)
    ctx = request.config_dict[CONTEXT]
    request_id = request.match_info["request_id"]
    now = ctx.clock()
    async with ctx.sessions.begin() as session:
        outcome = await reply(
            ctx,
            session,
            login.coordinator_id,
            request_id,
            str(form.get("template", "")),
            str(form.get("note", "")),
            now,
        )
        await audit.record(
            session,
            actor=login.actor,
            action=AuditAction.TALK_REPLY,
            subject=request_id,
            outcome=str(outcome),
            now=now,
        )
    if outcome is ReplyOutcome.QUEUED:
        ctx.wake_dispatcher()
    return _back(str(outcome), request_id)


async def done(request: web.Request) -> web.Response:
    """Mark the request done: it leaves the top of the caseload."""
    login, _form = await require_login_post(request)
    ctx = request.config_dict[CONTEXT]
    request_id = request.match_info["request_id"]
    now = ctx.clock()
    async with ctx.sessions.begin() as session:
        closed = await mark_done(session, login.coordinator_id, request_id, now)
        outcome = "done" if closed else "not_found"
        await audit.record(
            session,
            actor=login.actor,
            action=AuditAction.TALK_DONE,
            subject=request_id,
            outcome=outcome,
            now=now,
        )
    return _back(outcome, request_id)

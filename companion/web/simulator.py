"""/simulator: a phone in the browser, for simulator mode only. No JavaScript needed.

It shows any number's messages and texts as any number, so it answers only to this
machine (loopback clients); anyone else gets 404, as if it were not there.
"""

from __future__ import annotations

import ipaddress
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import urlencode

from aiohttp import web
from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy import select

from companion.crypto.blind_index import phone_index
from companion.crypto.sealing import unseal
from companion.db.models import InboundMessage
from companion.db.sealed import INBOUND_BODY
from companion.sms.phone import InvalidPhoneNumber, to_e164
from companion.sms.segments import MAX_BODY_CHARS
from companion.texting.inbound import InboundSms, handle_inbound
from companion.web.keys import CONTEXT, DISPATCHER, SIMULATOR
from companion.web.portal_session import read_form

TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(default=True),
)
DEFAULT_PHONE = "07700 900123"


@dataclass(frozen=True)
class Bubble:
    """One message in the simulated thread."""

    at: datetime
    mine: bool
    text: str


def _loopback_only(request: web.Request) -> None:
    """Refuse (404) a client that is not on this machine."""
    try:
        local = request.remote is not None and ipaddress.ip_address(request.remote).is_loopback
    except ValueError:
        local = False
    if not local:
        raise web.HTTPNotFound()


async def page(request: web.Request) -> web.Response:
    """Show the thread for the phone number in the query string."""
    _loopback_only(request)
    raw = request.query.get("phone", DEFAULT_PHONE)
    try:
        e164 = to_e164(raw)
    except InvalidPhoneNumber:
        e164 = ""
    bubbles = await _thread(request, e164) if e164 else []
    html = TEMPLATES.get_template("simulator.html").render(
        phone=raw, valid=bool(e164), bubbles=bubbles
    )
    return web.Response(text=html, content_type="text/html")


async def send(request: web.Request) -> web.Response:
    """Deliver the typed text as an inbound SMS, send replies, and show the thread."""
    _loopback_only(request)
    form = await read_form(request)  # an unreadable body (unknown charset) is 400
    raw, body = str(form.get("phone", "")), str(form.get("body", ""))[:MAX_BODY_CHARS]
    if body.strip():
        await handle_inbound(request.app[CONTEXT], InboundSms("SIM" + uuid.uuid4().hex, raw, body))
        await request.app[DISPATCHER].drain()
    raise web.HTTPSeeOther("/simulator?" + urlencode({"phone": raw}))


async def _thread(request: web.Request, e164: str) -> list[Bubble]:
    ctx = request.app[CONTEXT]
    async with ctx.sessions() as session:
        rows = await session.scalars(
            select(InboundMessage).where(
                InboundMessage.phone_index == phone_index(ctx.keyring, e164)
            )
        )
        mine = [
            Bubble(
                row.received_at,
                True,
                unseal(ctx.keyring, row.body, INBOUND_BODY.bound_to(row.id)),
            )
            for row in rows
        ]
    theirs = [Bubble(m.sent_at, False, m.body) for m in request.app[SIMULATOR].inbox(e164)]
    return sorted(mine + theirs, key=lambda bubble: bubble.at)

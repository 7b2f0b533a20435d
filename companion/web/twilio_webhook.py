"""Twilio's webhooks: inbound SMS and delivery status callbacks, both signed."""

from __future__ import annotations

import logging

from aiohttp import web

from companion.sending.status import is_known_status, record_status
from companion.sms.segments import MAX_BODY_CHARS
from companion.texting.inbound import InboundSms, handle_inbound
from companion.web.keys import CONTEXT, SETTINGS
from companion.web.signature import is_signed

log = logging.getLogger(__name__)

EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'
MAX_FIELD_LENGTH = 2000
MAX_SID_LENGTH = 64
MAX_ERROR_CODE_DIGITS = 9  # Twilio's are five; more would overflow the integer column
_UTF8 = frozenset({"utf-8", "utf8"})


def _is_sid(value: str) -> bool:
    """Twilio SIDs are ASCII letters and digits ("SM" + 32 hex); anything else is malformed."""
    return 0 < len(value) <= MAX_SID_LENGTH and value.isascii() and value.isalnum()


def _error_code(text: str) -> int | None:
    """Twilio's ErrorCode as a number, or None ("²" and "٣" pass str.isdigit but are not codes)."""
    plain = text.isascii() and text.isdigit() and len(text) <= MAX_ERROR_CODE_DIGITS
    return int(text) if plain else None


async def _signed_form(request: web.Request) -> dict[str, str]:
    """The form Twilio posted, or an HTTP error: 400 malformed, 403 not signed by Twilio."""
    settings = request.app[SETTINGS]
    if settings.twilio is None:
        raise web.HTTPForbidden(text="Twilio is not configured (simulator mode)\n")
    if request.content_type != "application/x-www-form-urlencoded":
        raise web.HTTPBadRequest(text="expected a form post\n")
    if (request.charset or "utf-8").lower() not in _UTF8:
        # Twilio posts UTF-8. Other codecs can fail to load (500) or decode to lone
        # surrogates that no signature can be computed over.
        raise web.HTTPBadRequest(text="expected a UTF-8 form\n")
    try:
        raw = await request.post()
        form = {key: value for key, value in raw.items() if isinstance(value, str)}
    except (ValueError, UnicodeDecodeError):
        raise web.HTTPBadRequest(text="malformed form\n") from None
    if len(form) != len(raw) or any(len(v) > MAX_FIELD_LENGTH for v in form.values()):
        raise web.HTTPBadRequest(text="malformed form\n")
    if not is_signed(request, form, settings.twilio.auth_token, settings.public_base_url):
        log.warning("rejected unsigned webhook", extra={"path": request.path})
        raise web.HTTPForbidden(text="invalid signature\n")
    return form


async def inbound_sms(request: web.Request) -> web.Response:
    """POST /twilio/sms: record, dedupe and queue replies; answer with empty TwiML."""
    form = await _signed_form(request)
    sid, sender = form.get("MessageSid", ""), form.get("From", "")
    if not _is_sid(sid) or not sender:
        raise web.HTTPBadRequest(text="MessageSid and From are required\n")
    # No SMS carries NUL, and PostgreSQL refuses it in any text it is compared with
    # (a "SHARE" code, say): dropped here, after the signature was checked over it.
    body = form.get("Body", "")[:MAX_BODY_CHARS].replace("\x00", "")
    await handle_inbound(request.app[CONTEXT], InboundSms(sid, sender, body))
    return web.Response(text=EMPTY_TWIML, content_type="text/xml")


async def status_callback(request: web.Request) -> web.Response:
    """POST /twilio/status: move the outbox row's delivery status forward."""
    form = await _signed_form(request)
    sid, status = form.get("MessageSid", ""), form.get("MessageStatus", "")
    if not _is_sid(sid) or not status:
        raise web.HTTPBadRequest(text="MessageSid and MessageStatus are required\n")
    if not is_known_status(status):
        log.warning("unknown delivery status", extra={"status": status[:32]})
        return web.Response(status=204)
    error_code = _error_code(form.get("ErrorCode", ""))
    ctx = request.app[CONTEXT]
    # A report can overtake the write of its own send's outcome, on this instance or
    # another: it is kept and applied when the outcome lands (`sending.status`).
    await record_status(ctx, sid, status, error_code)
    return web.Response(status=204)

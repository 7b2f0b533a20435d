"""What Twilio posts to us: an inbound SMS form and its signature. Used by the fake
Twilio API, the tests and the benchmarks to speak to the webhook as Twilio does."""

from __future__ import annotations

import itertools
from collections.abc import Mapping

from twilio.request_validator import RequestValidator

_SIDS = itertools.count(1)


def sign(auth_token: str, url: str, params: Mapping[str, str]) -> str:
    """The X-Twilio-Signature Twilio would send for this URL and form."""
    return str(RequestValidator(auth_token).compute_signature(url, dict(params)))


def new_message_sid() -> str:
    """A fresh, Twilio-shaped inbound MessageSid."""
    return f"SM{next(_SIDS):032x}"


def sms_form(sender: str, body: str, sid: str | None = None) -> dict[str, str]:
    """The form Twilio posts for an inbound SMS."""
    return {
        "MessageSid": sid or new_message_sid(),
        "AccountSid": "AC" + "a" * 32,
        "From": sender,
        "To": "+447700900000",
        "Body": body,
        "NumMedia": "0",
    }

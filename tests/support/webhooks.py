"""Posting signed webhooks to the app under test the way Twilio does."""

from __future__ import annotations

from collections.abc import Mapping

from aiohttp.test_utils import TestClient
from aiohttp.web import Application

from companion.sms.twilio_forms import new_message_sid, sign, sms_form

__all__ = ["new_message_sid", "post_signed", "sign", "sms_form"]


async def post_signed(
    client: TestClient[object, Application],
    path: str,
    form: Mapping[str, str],
    *,
    auth_token: str,
    public_base_url: str,
) -> int:
    """POST a signed form; returns the HTTP status."""
    signature = sign(auth_token, public_base_url + path, form)
    response = await client.post(path, data=dict(form), headers={"X-Twilio-Signature": signature})
    await response.read()
    return response.status

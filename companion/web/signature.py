"""Twilio request signatures, checked against the public URL Twilio called."""

from __future__ import annotations

from collections.abc import Mapping

from aiohttp import web
from twilio.request_validator import RequestValidator


def public_url(request: web.Request, public_base_url: str) -> str:
    """The URL Twilio signed: our public base URL plus the path and query it called.

    Behind a TLS proxy the request reaches us as http://127.0.0.1:8080/..., but Twilio
    signed https://companion.example.nhs.uk/..., so the host part comes from settings.
    """
    return public_base_url + request.raw_path


def is_signed(
    request: web.Request, params: Mapping[str, str], auth_token: str, public_base_url: str
) -> bool:
    """True if the X-Twilio-Signature header matches the URL and form parameters."""
    signature = request.headers.get("X-Twilio-Signature", "")
    if not signature:
        return False
    validator = RequestValidator(auth_token)
    return bool(validator.validate(public_url(request, public_base_url), dict(params), signature))

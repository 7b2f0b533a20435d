"""Time-based one-time passwords (RFC 6238): SHA-1, 6 digits, 30-second steps.

These are the settings every authenticator app supports. A code is accepted in
the current step or one step either side (clock drift), and `verify_totp` returns
the step it matched so the caller can store it and refuse that step or any
earlier one next time: a code seen over someone's shoulder cannot be replayed.
The clock is never read here; the caller passes `now`.
"""

from __future__ import annotations

import base64
import hmac
import re
import secrets
from datetime import datetime

from cryptography.hazmat.primitives.hashes import SHA1
from cryptography.hazmat.primitives.twofactor.totp import TOTP

SECRET_BYTES = 20
DIGITS = 6
STEP_SECONDS = 30
DRIFT_STEPS = 1
DEFAULT_ISSUER = "Companion"

_CODE = re.compile(rf"[0-9]{{{DIGITS}}}")


def new_totp_secret() -> bytes:
    """A fresh random 160-bit secret (the size RFC 4226 recommends for SHA-1)."""
    return secrets.token_bytes(SECRET_BYTES)


def provisioning_uri(secret: bytes, account_name: str, issuer: str = DEFAULT_ISSUER) -> str:
    """The `otpauth://totp/...` URI an authenticator app reads from a QR code."""
    return _totp(secret).get_provisioning_uri(account_name, issuer)


def secret_text(secret: bytes) -> str:
    """The secret as base32 in groups of four, for typing into an app by hand."""
    text = base64.b32encode(secret).decode("ascii").rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def time_step(now: datetime) -> int:
    """The RFC 6238 time step (counter) that `now` falls in.

    Raises:
        ValueError: `now` is a naive datetime.
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    return int(now.timestamp()) // STEP_SECONDS


def verify_totp(
    secret: bytes, code: str, now: datetime, *, last_used_step: int | None
) -> int | None:
    """Check a code typed by a person.

    Spaces inside the code are ignored ("123 456"); anything other than six ASCII
    digits is simply wrong. Steps at or before `last_used_step` are refused.

    Returns:
        The time step the code matched (store it as the new `last_used_step`),
        or None if it matches no acceptable step.

    Raises:
        ValueError: `now` is a naive datetime.
    """
    current = time_step(now)
    digits = "".join(code.split()) if isinstance(code, str) else ""
    if not _CODE.fullmatch(digits):
        return None
    totp = _totp(secret)
    matched: int | None = None
    for step in range(current - DRIFT_STEPS, current + DRIFT_STEPS + 1):
        if last_used_step is not None and step <= last_used_step:
            continue
        expected = totp.generate(step * STEP_SECONDS)
        # Every candidate is computed and compared; the latest match wins.
        if hmac.compare_digest(expected, digits.encode("ascii")):
            matched = step
    return matched


def _totp(secret: bytes) -> TOTP:
    # HMAC-SHA1 as RFC 6238 and every authenticator app use it; HMAC does not rely
    # on SHA-1's collision resistance.
    return TOTP(secret, DIGITS, SHA1(), STEP_SECONDS)  # noqa: S303


def code_at(secret: bytes, now: datetime) -> str:
    """The six-digit code an authenticator app shows at `now` (for the demo and tests)."""
    return _totp(secret).generate(time_step(now) * STEP_SECONDS).decode("ascii")

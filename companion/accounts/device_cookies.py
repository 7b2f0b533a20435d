"""Device cookies (OWASP): a browser that logged in before is not locked out with the account.

After a correct login the browser is given a cookie naming the account, when it was
issued and a random nonce, signed with a key derived from the keyring's blind-index key
(stable across data-key rotations). When an account is locked because of guesses from
everywhere, a browser presenting a valid device cookie for that account may still try;
its own failures are counted per nonce and lock that cookie alone.

Format: ``issued (unix seconds) . nonce . signature``, all URL-safe.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from datetime import datetime, timedelta

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from companion.crypto.keyring import Keyring

VALID_FOR = timedelta(days=180)
_LABEL = b"companion/device-cookie/v1"


def _key(keyring: Keyring) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_LABEL)
    return hkdf.derive(keyring.index_key)


def _signature(keyring: Keyring, account: str, issued: int, nonce: str) -> str:
    message = f"{account}\x1f{issued}\x1f{nonce}".encode()
    digest = hmac.new(_key(keyring), message, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")


def issue(keyring: Keyring, account: str, now: datetime) -> str:
    """A new device cookie value for a browser that just logged in to `account`."""
    issued = int(now.timestamp())
    nonce = secrets.token_urlsafe(16)
    return f"{issued}.{nonce}.{_signature(keyring, account, issued, nonce)}"


def trusted_nonce(keyring: Keyring, account: str, value: str | None, now: datetime) -> str | None:
    """The cookie's nonce if it is a valid, unexpired device cookie for `account`, else None."""
    if not value or value.count(".") != 2:
        return None
    issued_text, nonce, signature = value.split(".")
    if not issued_text.isdigit() or len(issued_text) > 12:
        return None
    issued = int(issued_text)
    expected = _signature(keyring, account, issued, nonce)
    if not hmac.compare_digest(expected.encode(), signature.encode()):
        return None
    age = now.timestamp() - issued
    if age < 0 or age > VALID_FOR.total_seconds():
        return None
    return nonce

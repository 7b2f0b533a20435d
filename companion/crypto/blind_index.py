"""Blind index: a keyed hash that finds a person by phone number without storing it."""

from __future__ import annotations

import hashlib
import hmac

from companion.crypto.keyring import Keyring


def phone_index(keyring: Keyring, e164: str) -> str:
    """The HMAC-SHA256 of an E.164 number under the index key, as hex."""
    return hmac.new(keyring.index_key, b"phone:" + e164.encode("ascii"), hashlib.sha256).hexdigest()

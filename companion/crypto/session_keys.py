"""A portal session's copy of the coordinator's private key, openable only with its cookie.

At login the coordinator's private key is unwrapped with their passphrase. So that any
instance can serve the next request, and a restart does not log them out, the session
keeps that key re-wrapped under a key that exists only in the browser's session cookie:

    cookie value (32 random bytes, base64url)
        -> session id     = SHA-256(cookie value)          stored, the row's key
        -> session secret = HKDF-SHA256(cookie value, info) never stored
    sealed key = AES-256-GCM(session secret, private key, aad = label | session id | coordinator)

The database holds only the hash and the ciphertext: a copy of it can neither be replayed
as a cookie nor open the key (and so no summary). The cookie alone opens nothing either:
it needs the row, which logout and the idle and absolute timeouts delete.
"""

from __future__ import annotations

import base64
import hashlib
import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

COOKIE_BYTES = 32
_NONCE_BYTES = 12
_INFO = b"companion/portal-session-key/v1"
_LABEL = b"companion/portal-session/v1"


class SessionKeyError(ValueError):
    """A sealed session key did not open with this cookie (tampered, or another session)."""


def new_cookie_value() -> str:
    """A fresh session cookie value: 256 random bits, URL-safe."""
    return secrets.token_urlsafe(COOKIE_BYTES)


def session_id_of(cookie_value: str) -> str:
    """The session id stored for a cookie value (hex SHA-256)."""
    return hashlib.sha256(cookie_value.encode("utf-8")).hexdigest()


def seal_key(private: X25519PrivateKey, cookie_value: str, coordinator_id: str) -> bytes:
    """The private key encrypted under the cookie's secret, bound to the session and coordinator.

    Returns:
        nonce (12 bytes) followed by the ciphertext with its tag (48 bytes).
    """
    nonce = secrets.token_bytes(_NONCE_BYTES)
    sealed = AESGCM(_secret(cookie_value)).encrypt(
        nonce, private.private_bytes_raw(), _aad(cookie_value, coordinator_id)
    )
    return nonce + sealed


def open_key(sealed: bytes, cookie_value: str, coordinator_id: str) -> X25519PrivateKey:
    """Open a sealed session key with the cookie that made it.

    Raises:
        SessionKeyError: the bytes were altered, belong to another session or coordinator,
            or the cookie is not the one the key was sealed under.
    """
    nonce, ciphertext = sealed[:_NONCE_BYTES], sealed[_NONCE_BYTES:]
    try:
        raw = AESGCM(_secret(cookie_value)).decrypt(
            nonce, ciphertext, _aad(cookie_value, coordinator_id)
        )
        return X25519PrivateKey.from_private_bytes(raw)
    except (InvalidTag, ValueError) as error:
        raise SessionKeyError("session key does not open with this cookie") from error


def _secret(cookie_value: str) -> bytes:
    raw = _cookie_bytes(cookie_value)
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO).derive(raw)


def _cookie_bytes(cookie_value: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(cookie_value + "=" * (-len(cookie_value) % 4))
    except ValueError:  # not base64: still a key input, it just will not open anything
        return cookie_value.encode("utf-8")


def _aad(cookie_value: str, coordinator_id: str) -> bytes:
    session_id = session_id_of(cookie_value).encode("ascii")
    coordinator = coordinator_id.encode("utf-8")
    return _LABEL + session_id + len(coordinator).to_bytes(4, "big") + coordinator

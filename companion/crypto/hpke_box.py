"""Summaries sealed to a coordinator's public key with HPKE (RFC 9180).

Base mode, single shot, DHKEM(X25519, HKDF-SHA256) / HKDF-SHA256 / AES-256-GCM,
using `cryptography`'s own HPKE. A sealed value is `enc || ciphertext` (32-byte
encapsulated key, then the AEAD output with its tag).

There is no separate associated-data argument: `cryptography`'s public API takes
only `info`, which RFC 9180 section 8.1 recommends for single-shot use. `info`
is authenticated, so everything a summary must be bound to goes there; use
`summary_info` so a summary cannot be moved to another person, coordinator or week.
"""

from __future__ import annotations

import re

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

ENC_BYTES = 32
TAG_BYTES = 16
_SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
_SUMMARY_LABEL = b"companion/summary/v1"
_ISO_WEEK = re.compile(r"[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])")


class OpenError(ValueError):
    """A sealed value did not open: wrong key, wrong info, truncated or tampered."""


def seal(recipient_public: bytes, plaintext: bytes, info: bytes) -> bytes:
    """Encrypt to a raw X25519 public key, bound to `info`.

    Returns:
        `enc || ciphertext`; a fresh ephemeral key is used every call.

    Raises:
        ValueError: the public key is not 32 bytes, or is a low-order point.
    """
    public = X25519PublicKey.from_public_bytes(recipient_public)
    return _SUITE.encrypt(plaintext, public, info=info)


def open_(private: X25519PrivateKey, sealed: bytes, info: bytes) -> bytes:
    """Decrypt a value sealed to this private key with the same `info`.

    Raises:
        OpenError: the value is too short, for another key or `info`, or tampered.
    """
    if len(sealed) < ENC_BYTES + TAG_BYTES:
        raise OpenError("sealed value is too short")
    try:
        return _SUITE.decrypt(sealed, private, info=info)
    except (InvalidTag, ValueError) as error:
        raise OpenError("sealed value does not open with this key and info") from error


def summary_info(person_id: str, coordinator_id: str, week: str) -> bytes:
    """The HPKE `info` for one person's summary for one coordinator and ISO week.

    A fixed label, then each field as a 2-byte big-endian length and UTF-8 bytes,
    so no two different triples give the same bytes.

    Raises:
        ValueError: `week` is not an ISO week such as `2025-W07`, or a field is
            longer than 65535 bytes.
    """
    if not _ISO_WEEK.fullmatch(week):
        raise ValueError("week must look like 2025-W07")
    parts = [_SUMMARY_LABEL]
    for field in (person_id, coordinator_id, week):
        encoded = field.encode("utf-8")
        if len(encoded) > 0xFFFF:
            raise ValueError("summary info field is too long")
        parts.append(len(encoded).to_bytes(2, "big") + encoded)
    return b"".join(parts)

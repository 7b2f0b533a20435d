"""A coordinator's public key, bound to them by the keyring.

Summaries are sealed to the public key stored on a coordinator's row. Someone who can
write to the database, but does not hold the keyring, could swap that key for their
own and read every summary sealed after. So each stored public key carries a MAC
(HMAC-SHA256) over the coordinator id and the key, under a key derived from a data
key of the keyring (HKDF, a label of its own). The data key's id is stored with the
MAC so a rotated keyring still checks older bindings.

Wire format of a binding: version (1) | key id length (1) | key id | MAC (32).
"""

from __future__ import annotations

import hashlib
import hmac

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from companion.crypto.keyring import Keyring, KeyringError

_VERSION = 1
_MAC_BYTES = 32
_LABEL = b"companion/coordinator-public-key/v1"


def binding_key(keyring: Keyring, key_id: str) -> bytes:
    """The MAC key derived from the data key `key_id` (never the data key itself).

    Raises:
        KeyringError: the key id is not in the keyring.
    """
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_LABEL)
    return hkdf.derive(keyring.key(key_id))


def _mac(key: bytes, coordinator_id: str, public_key: bytes) -> bytes:
    who = coordinator_id.encode("utf-8")
    message = len(who).to_bytes(4, "big") + who + len(public_key).to_bytes(4, "big") + public_key
    return hmac.new(key, message, hashlib.sha256).digest()


def bind(keyring: Keyring, coordinator_id: str, public_key: bytes) -> bytes:
    """The binding to store with a coordinator's public key (under the current data key)."""
    key_id = keyring.current_id.encode("ascii")
    mac = _mac(binding_key(keyring, keyring.current_id), coordinator_id, public_key)
    return bytes([_VERSION, len(key_id)]) + key_id + mac


def is_bound(
    keyring: Keyring, coordinator_id: str, public_key: bytes | None, binding: bytes | None
) -> bool:
    """True if `binding` proves the keyring's holder stored this key for this coordinator.

    A missing key or binding, an unknown version or key id, or a wrong MAC is False.
    """
    if public_key is None or binding is None or len(binding) < 2 or binding[0] != _VERSION:
        return False
    end = 2 + binding[1]
    if len(binding) != end + _MAC_BYTES:
        return False
    try:
        key = binding_key(keyring, binding[2:end].decode("ascii"))
    except (KeyringError, UnicodeDecodeError):
        return False
    return hmac.compare_digest(binding[end:], _mac(key, coordinator_id, public_key))


def key_id_of(binding: bytes) -> str | None:
    """The id of the data key a binding was made with, or None if it is malformed."""
    if len(binding) < 2 or binding[0] != _VERSION:
        return None
    try:
        return binding[2 : 2 + binding[1]].decode("ascii")
    except UnicodeDecodeError:
        return None

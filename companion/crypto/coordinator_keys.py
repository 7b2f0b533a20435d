"""Coordinator key pairs: X25519, the private half stored only wrapped.

Summaries are sealed to a coordinator's public key (`hpke_box`). The private key
is kept encrypted with AES-256-GCM under a key derived from the coordinator's
passphrase (Argon2id, a salt of its own), with the coordinator id as associated
data so a wrapped key copied onto another coordinator's row does not open. It is
unwrapped in memory for a portal session and never written in the clear.

Wire format of a wrapped key (`to_bytes`), 84 bytes with the default sizes::

    version (1) | memory KiB (4, big-endian) | iterations (1) | lanes (1)
    | salt length (1) | salt | nonce (12) | ciphertext with tag (48)
"""

from __future__ import annotations

import secrets
import struct
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from companion.crypto.passwords import PRODUCTION_PARAMS, Argon2Params, derive_wrapping_key

KEY_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = 12
_TAG_BYTES = 16
_VERSION = 1
_HEADER = struct.Struct(">BIBBB")
_LABEL = b"companion/coordinator-key/v1"


class WrongPassphrase(ValueError):
    """A wrapped key did not open: wrong passphrase, another coordinator, or tampered."""


class WrappedKeyError(ValueError):
    """Stored bytes are not a wrapped key this version can read."""


@dataclass(frozen=True)
class WrappedKey:
    """A coordinator's private key encrypted under their passphrase."""

    salt: bytes
    nonce: bytes
    ciphertext: bytes
    params: Argon2Params


def new_key_pair() -> tuple[X25519PrivateKey, bytes]:
    """Generate a coordinator key pair.

    Returns:
        The private key and the raw 32-byte public key (to store and seal to).
    """
    private = X25519PrivateKey.generate()
    return private, public_bytes(private)


def public_bytes(private: X25519PrivateKey) -> bytes:
    """The raw 32-byte public key of a private key."""
    return private.public_key().public_bytes_raw()


def wrap_private_key(
    private: X25519PrivateKey,
    passphrase: str,
    coordinator_id: str,
    params: Argon2Params = PRODUCTION_PARAMS,
) -> WrappedKey:
    """Encrypt a private key under a passphrase, bound to its coordinator."""
    salt = secrets.token_bytes(SALT_BYTES)
    nonce = secrets.token_bytes(NONCE_BYTES)
    key = derive_wrapping_key(passphrase, salt, params)
    ciphertext = AESGCM(key).encrypt(
        nonce, private.private_bytes_raw(), _associated_data(coordinator_id)
    )
    return WrappedKey(salt=salt, nonce=nonce, ciphertext=ciphertext, params=params)


def unwrap_private_key(
    wrapped: WrappedKey, passphrase: str, coordinator_id: str
) -> X25519PrivateKey:
    """Decrypt a wrapped private key.

    Raises:
        WrongPassphrase: the passphrase is wrong, the key belongs to another
            coordinator, or it was tampered with (these cannot be told apart).
    """
    try:
        key = derive_wrapping_key(passphrase, wrapped.salt, wrapped.params)
        raw = AESGCM(key).decrypt(
            wrapped.nonce, wrapped.ciphertext, _associated_data(coordinator_id)
        )
        return X25519PrivateKey.from_private_bytes(raw)
    except (InvalidTag, ValueError) as error:
        raise WrongPassphrase("wrapped key does not open with this passphrase") from error


def rewrap(
    wrapped: WrappedKey,
    old_passphrase: str,
    new_passphrase: str,
    coordinator_id: str,
    params: Argon2Params = PRODUCTION_PARAMS,
) -> WrappedKey:
    """Re-encrypt a wrapped key under a new passphrase (fresh salt and nonce).

    Raises:
        WrongPassphrase: the old passphrase does not open the key.
    """
    private = unwrap_private_key(wrapped, old_passphrase, coordinator_id)
    return wrap_private_key(private, new_passphrase, coordinator_id, params)


def to_bytes(wrapped: WrappedKey) -> bytes:
    """Serialise a wrapped key for storage (versioned, see the module docstring)."""
    params = wrapped.params
    header = _HEADER.pack(
        _VERSION, params.memory_kib, params.iterations, params.lanes, len(wrapped.salt)
    )
    return header + wrapped.salt + wrapped.nonce + wrapped.ciphertext


def from_bytes(data: bytes) -> WrappedKey:
    """Read a wrapped key written by `to_bytes`.

    Raises:
        WrappedKeyError: unknown version, wrong lengths or out-of-range parameters.
    """
    if len(data) < _HEADER.size or data[0] != _VERSION:
        raise WrappedKeyError("not a wrapped key of a known version")
    _, memory_kib, iterations, lanes, salt_len = _HEADER.unpack_from(data)
    body = data[_HEADER.size :]
    if salt_len < 8 or len(body) != salt_len + NONCE_BYTES + KEY_BYTES + _TAG_BYTES:
        raise WrappedKeyError("wrapped key has the wrong length")
    try:
        params = Argon2Params(memory_kib, iterations, lanes)
    except ValueError as error:
        raise WrappedKeyError("wrapped key has out-of-range parameters") from error
    nonce_end = salt_len + NONCE_BYTES
    return WrappedKey(
        salt=body[:salt_len],
        nonce=body[salt_len:nonce_end],
        ciphertext=body[nonce_end:],
        params=params,
    )


def _associated_data(coordinator_id: str) -> bytes:
    encoded = coordinator_id.encode("utf-8")
    return _LABEL + len(encoded).to_bytes(4, "big") + encoded

"""Field encryption at rest: AES-256-GCM with key id and nonce stored with the value.

Every sealed value is bound to where it lives (`table/column/row id`) as associated
data, so a ciphertext copied into another row or column does not decrypt.
"""

from __future__ import annotations

import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from companion.crypto.keyring import Keyring

_VERSION = 1
_NONCE_BYTES = 12


class SealError(ValueError):
    """A sealed value could not be opened: wrong place, wrong key, or tampered."""


def associated_data(table: str, column: str, row_id: str) -> bytes:
    """The associated data that binds a value to its table, column and row."""
    return f"{table}/{column}/{row_id}".encode()


def seal(keyring: Keyring, plaintext: str, where: bytes) -> bytes:
    """Encrypt text under the current key, bound to `where`."""
    key_id = keyring.current_id.encode("ascii")
    nonce = secrets.token_bytes(_NONCE_BYTES)
    ciphertext = AESGCM(keyring.key(keyring.current_id)).encrypt(
        nonce, plaintext.encode("utf-8"), where
    )
    return bytes([_VERSION, len(key_id)]) + key_id + nonce + ciphertext


def key_id_of(sealed: bytes) -> str:
    """The id of the key a sealed value was written with (for rotation)."""
    if len(sealed) < 2 or sealed[0] != _VERSION:
        raise SealError("not a sealed value")
    return sealed[2 : 2 + sealed[1]].decode("ascii")


def unseal(keyring: Keyring, sealed: bytes, where: bytes) -> str:
    """Decrypt a sealed value that must belong to `where`.

    Raises:
        SealError: the value is malformed, from another place, or tampered with.
    """
    key_id = key_id_of(sealed)
    start = 2 + sealed[1]
    nonce, ciphertext = sealed[start : start + _NONCE_BYTES], sealed[start + _NONCE_BYTES :]
    try:
        plaintext = AESGCM(keyring.key(key_id)).decrypt(nonce, ciphertext, where)
    except (InvalidTag, ValueError) as error:
        raise SealError("sealed value does not open here") from error
    return plaintext.decode("utf-8")

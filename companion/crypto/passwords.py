"""Passphrase hashing and passphrase-derived keys with Argon2id.

Hashes are PHC strings (`$argon2id$v=19$m=...,t=...,p=...$salt$hash`, unpadded
base64) so the parameters travel with each hash and can be raised later:
`needs_rehash` tells the caller when to store a fresh hash after a good login.
Passphrases are NFKC-normalised first, so the same passphrase typed on different
keyboards (composed or decomposed accents) gives the same result.

An encoded hash is parsed with bounds on its parameters before any work is done:
a damaged or forged row in the database cannot make a login allocate gigabytes.
"""

from __future__ import annotations

import base64
import re
import secrets
import unicodedata
from dataclasses import dataclass

from cryptography.exceptions import InvalidKey
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

SALT_BYTES = 16
HASH_BYTES = 32
WRAPPING_KEY_BYTES = 32

# Upper bounds for parameters read back from storage (DoS guard, not policy).
MAX_MEMORY_KIB = 1024 * 1024
MAX_ITERATIONS = 16
MAX_LANES = 8

# Argon2 associated data: keeps wrapping keys apart from anything else derived
# from the same passphrase, even if a salt were ever reused.
_WRAPPING_AD = b"companion/coordinator-key-wrapping/v1"

# Salt and hash are 8..64 bytes (11..86 unpadded base64 characters).
_PHC = re.compile(
    r"\$argon2id\$v=19\$m=([1-9][0-9]{0,9}),t=([1-9][0-9]{0,9}),p=([1-9][0-9]{0,9})"
    r"\$([A-Za-z0-9+/]{11,86})\$([A-Za-z0-9+/]{22,86})"
)


@dataclass(frozen=True)
class Argon2Params:
    """Argon2id cost parameters.

    The default follows OWASP's Argon2id recommendation (46 MiB, one pass, one
    lane): about 60 ms on the development machine. Tests pass cheaper values.

    Raises:
        ValueError: a parameter is out of range (below Argon2's minimum or above
            the bounds accepted from storage).
    """

    memory_kib: int = 47104
    iterations: int = 1
    lanes: int = 1

    def __post_init__(self) -> None:
        if not 1 <= self.lanes <= MAX_LANES:
            raise ValueError(f"lanes must be 1..{MAX_LANES}")
        if not 1 <= self.iterations <= MAX_ITERATIONS:
            raise ValueError(f"iterations must be 1..{MAX_ITERATIONS}")
        if not 8 * self.lanes <= self.memory_kib <= MAX_MEMORY_KIB:
            raise ValueError(f"memory_kib must be 8*lanes..{MAX_MEMORY_KIB}")


PRODUCTION_PARAMS = Argon2Params()


@dataclass(frozen=True)
class _ParsedHash:
    params: Argon2Params
    salt: bytes
    digest: bytes


def hash_passphrase(passphrase: str, params: Argon2Params = PRODUCTION_PARAMS) -> str:
    """Hash a passphrase with a fresh random salt.

    Returns:
        A PHC string carrying the algorithm, version, parameters, salt and hash.

    Raises:
        UnicodeEncodeError: the passphrase holds lone surrogates.
    """
    kdf = _argon2(params, secrets.token_bytes(SALT_BYTES), HASH_BYTES)
    return kdf.derive_phc_encoded(_passphrase_bytes(passphrase))


def verify_passphrase(passphrase: str, encoded: str) -> bool:
    """Check a passphrase against a stored hash, in constant time.

    Never raises: a malformed, truncated or out-of-bounds hash gives False.
    """
    parsed = _parse(encoded)
    if parsed is None:
        return False
    try:
        kdf = _argon2(parsed.params, parsed.salt, len(parsed.digest))
        kdf.verify(_passphrase_bytes(passphrase), parsed.digest)
    except (InvalidKey, ValueError, MemoryError):
        return False
    return True


def needs_rehash(encoded: str, params: Argon2Params = PRODUCTION_PARAMS) -> bool:
    """Whether a stored hash should be replaced (other parameters, or unreadable)."""
    parsed = _parse(encoded)
    if parsed is None:
        return True
    return (
        parsed.params != params
        or len(parsed.salt) != SALT_BYTES
        or len(parsed.digest) != HASH_BYTES
    )


def derive_wrapping_key(
    passphrase: str, salt: bytes, params: Argon2Params = PRODUCTION_PARAMS
) -> bytes:
    """Derive a 32-byte key from a passphrase, for wrapping a private key.

    Use a salt of its own (not the login hash's salt).

    Raises:
        ValueError: the salt is shorter than 8 bytes.
    """
    kdf = _argon2(params, salt, WRAPPING_KEY_BYTES, ad=_WRAPPING_AD)
    return kdf.derive(_passphrase_bytes(passphrase))


def _argon2(params: Argon2Params, salt: bytes, length: int, ad: bytes | None = None) -> Argon2id:
    return Argon2id(
        salt=salt,
        length=length,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
        ad=ad,
    )


def _passphrase_bytes(passphrase: str) -> bytes:
    return unicodedata.normalize("NFKC", passphrase).encode("utf-8")


def _parse(encoded: str) -> _ParsedHash | None:
    match = _PHC.fullmatch(encoded) if isinstance(encoded, str) else None
    if match is None:
        return None
    memory, iterations, lanes, salt, digest = match.groups()
    try:
        params = Argon2Params(int(memory), int(iterations), int(lanes))
        return _ParsedHash(params, _unb64(salt), _unb64(digest))
    except ValueError:
        return None


def _unb64(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)

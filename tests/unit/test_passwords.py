"""Argon2id passphrase hashes: PHC format, verification, rehash and wrapping keys."""

from __future__ import annotations

import base64
import re

import pytest
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from companion.crypto.passwords import (
    PRODUCTION_PARAMS,
    Argon2Params,
    derive_wrapping_key,
    hash_passphrase,
    needs_rehash,
    verify_passphrase,
)

FAST = Argon2Params(memory_kib=64, iterations=1, lanes=1)
# From the Argon2 reference implementation's tests (phc-winner-argon2 src/test.c).
REFERENCE_HASH = (
    "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4"
)
PHC = re.compile(r"\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4))


def test_hash_verifies_with_the_right_passphrase_only() -> None:
    """A hash accepts its own passphrase and rejects a near miss."""
    encoded = hash_passphrase("correct horse battery staple", FAST)
    assert verify_passphrase("correct horse battery staple", encoded)
    assert not verify_passphrase("correct horse battery stapl", encoded)
    assert not verify_passphrase("", encoded)


def test_hash_is_a_phc_string_with_its_parameters_salt_and_hash() -> None:
    """The encoding names argon2id v19, the parameters, a 16-byte salt and a 32-byte hash."""
    # PHC is matched in full with a base64 alphabet that has no `=`: no padding.
    match = PHC.fullmatch(hash_passphrase("pass", Argon2Params(72, 2, 1)))
    assert match is not None
    assert match.group(1, 2, 3) == ("72", "2", "1")
    assert len(_unb64(match.group(4))) == 16
    assert len(_unb64(match.group(5))) == 32


def test_reference_implementation_hash_verifies() -> None:
    """A hash made by the Argon2 reference implementation is read and checked."""
    assert verify_passphrase("password", REFERENCE_HASH)
    assert not verify_passphrase("Password", REFERENCE_HASH)


def test_same_passphrase_hashes_differently_each_time() -> None:
    """Random salts: equal passphrases give unequal hashes."""
    assert hash_passphrase("same", FAST) != hash_passphrase("same", FAST)


def test_passphrase_is_normalised_before_hashing() -> None:
    """Composed/decomposed accents and compatibility forms are the same passphrase (NFKC)."""
    encoded = hash_passphrase("caf\u00e9 au lait", FAST)
    assert verify_passphrase("cafe\u0301 au lait", encoded)
    assert verify_passphrase("\uff43af\u00e9 au lait", encoded)  # full-width c
    assert not verify_passphrase("Caf\u00e9 au lait", encoded)


def test_unencodable_passphrase_is_false_not_an_error() -> None:
    """A passphrase with a lone surrogate cannot match and does not raise."""
    assert verify_passphrase("\ud800", hash_passphrase("pass", FAST)) is False


@pytest.mark.parametrize(
    "encoded",
    [
        "",
        "garbage",
        "$argon2id$",
        REFERENCE_HASH[:-4],
        REFERENCE_HASH + "A",
        REFERENCE_HASH.replace("argon2id", "argon2i"),
        REFERENCE_HASH.replace("v=19", "v=16"),
        REFERENCE_HASH.replace("m=256", "m=99999999"),
        REFERENCE_HASH.replace("m=256", "m=4"),
        REFERENCE_HASH.replace("t=2", "t=1000"),
        REFERENCE_HASH.replace("p=1", "p=0"),
        REFERENCE_HASH.replace("c29tZXNhbHQ", "c29tZX!hbHQ"),
        REFERENCE_HASH.replace("c29tZXNhbHQ", "c29tZQ"),
        REFERENCE_HASH.replace("$c29t", "$$c29t"),
        "\u0000" * 10,
    ],
)
def test_malformed_hash_is_false_not_an_error(encoded: str) -> None:
    """Damaged, foreign or out-of-bounds encodings give False without raising."""
    assert verify_passphrase("password", encoded) is False
    assert needs_rehash(encoded, FAST) is True


def test_needs_rehash_only_when_parameters_differ() -> None:
    """A hash with the wanted parameters is kept; one with others is flagged."""
    encoded = hash_passphrase("pass", FAST)
    assert not needs_rehash(encoded, FAST)
    assert needs_rehash(encoded, Argon2Params(memory_kib=128, iterations=1, lanes=1))
    assert needs_rehash(encoded, PRODUCTION_PARAMS)
    assert needs_rehash(REFERENCE_HASH, Argon2Params(256, 2, 1))  # 8-byte salt


def test_production_default_is_owasp_argon2id() -> None:
    """The default is 46 MiB, one pass, one lane, and it round-trips."""
    encoded = hash_passphrase("correct horse battery staple")
    assert encoded.startswith("$argon2id$v=19$m=47104,t=1,p=1$")
    assert verify_passphrase("correct horse battery staple", encoded)
    assert not needs_rehash(encoded)


@pytest.mark.parametrize(
    ("memory_kib", "iterations", "lanes"),
    [(7, 1, 1), (15, 1, 2), (64, 0, 1), (64, 1, 0), (64, 17, 1), (64, 1, 9), (2**20 + 1, 1, 1)],
)
def test_out_of_range_parameters_are_refused(memory_kib: int, iterations: int, lanes: int) -> None:
    """Parameters below Argon2's minimum or above the storage bounds raise ValueError."""
    with pytest.raises(ValueError, match="must be"):
        Argon2Params(memory_kib, iterations, lanes)


def test_wrapping_key_is_32_bytes_and_depends_on_passphrase_and_salt() -> None:
    """Same inputs give the same key; another salt or passphrase gives another."""
    salt = bytes(range(16))
    key = derive_wrapping_key("pass", salt, FAST)
    assert len(key) == 32
    assert derive_wrapping_key("pass", salt, FAST) == key
    assert derive_wrapping_key("pass", bytes(16), FAST) != key
    assert derive_wrapping_key("pasS", salt, FAST) != key


def test_wrapping_key_differs_from_a_login_hash_with_the_same_salt() -> None:
    """Argon2 associated data separates wrapping keys from plain Argon2id output."""
    salt = bytes(range(16))
    plain = Argon2id(salt=salt, length=32, iterations=1, lanes=1, memory_cost=64).derive(b"pass")
    assert derive_wrapping_key("pass", salt, FAST) != plain


def test_short_wrapping_salt_is_refused() -> None:
    """A salt under 8 bytes is a programming error and raises."""
    with pytest.raises(ValueError, match="salt"):
        derive_wrapping_key("pass", b"short", FAST)

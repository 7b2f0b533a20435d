"""Keyring parsing, field sealing bound to its place, and the blind index."""

from __future__ import annotations

import base64
import os
import stat
from pathlib import Path

import pytest

from companion.crypto.blind_index import phone_index
from companion.crypto.keyring import (
    KeyringError,
    format_keyring,
    load_or_create_key_file,
    new_keyring,
    parse_keyring,
    with_new_key,
)
from companion.crypto.sealing import SealError, associated_data, key_id_of, seal, unseal

WHERE = associated_data("person", "phone", "row1")


def test_sealed_value_round_trips_and_hides_the_plaintext() -> None:
    """A sealed value opens to the original and does not contain it."""
    keyring = new_keyring()
    sealed = seal(keyring, "+447700900123", WHERE)
    assert b"447700900123" not in sealed
    assert unseal(keyring, sealed, WHERE) == "+447700900123"


def test_value_moved_to_another_row_or_column_does_not_open() -> None:
    """Associated data binds a value to its table, column and row."""
    keyring = new_keyring()
    sealed = seal(keyring, "secret", WHERE)
    for other in (
        associated_data("person", "phone", "row2"),
        associated_data("person", "name", "row1"),
        associated_data("outbox_message", "phone", "row1"),
    ):
        with pytest.raises(SealError):
            unseal(keyring, sealed, other)


def test_tampered_value_does_not_open() -> None:
    """Flipping one bit of the ciphertext is detected."""
    keyring = new_keyring()
    sealed = bytearray(seal(keyring, "secret", WHERE))
    sealed[-1] ^= 1
    with pytest.raises(SealError):
        unseal(keyring, bytes(sealed), WHERE)


def test_same_value_seals_differently_each_time() -> None:
    """Random nonces: equal plaintexts give unequal ciphertexts."""
    keyring = new_keyring()
    assert seal(keyring, "7", WHERE) != seal(keyring, "7", WHERE)


def test_old_values_open_after_a_new_key_is_made_current() -> None:
    """Rotation keeps old keys for reading and writes new values under the new key."""
    keyring = new_keyring()
    old = seal(keyring, "before", WHERE)
    rotated = with_new_key(keyring)
    assert rotated.current_id != keyring.current_id
    assert unseal(rotated, old, WHERE) == "before"
    assert key_id_of(seal(rotated, "after", WHERE)) == rotated.current_id
    assert phone_index(rotated, "+447700900123") == phone_index(keyring, "+447700900123")


def test_keyring_text_round_trips() -> None:
    """format_keyring and parse_keyring agree, current key first."""
    keyring = with_new_key(new_keyring())
    assert parse_keyring(format_keyring(keyring)) == keyring


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "no 'index' entry"),
        ("index:" + base64.urlsafe_b64encode(os.urandom(32)).decode(), "no data key"),
        ("k1:" + base64.urlsafe_b64encode(os.urandom(32)).decode(), "no 'index' entry"),
        ("k1:" + base64.urlsafe_b64encode(b"short").decode(), "must be 32 bytes"),
        ("K 1:abc", "id:base64key"),
        ("k1:@@@", "base64"),
    ],
    ids=["empty", "index-only", "no-index", "short-key", "bad-id", "bad-base64"],
)
def test_malformed_keyrings_are_explained(text: str, problem: str) -> None:
    """Each malformed keyring names the problem and never echoes key material."""
    with pytest.raises(KeyringError, match=problem):
        parse_keyring(text)


def test_key_file_is_created_owner_only_and_reused(tmp_path: Path) -> None:
    """The local key file is made once with mode 0600 and read back the next time."""
    path = tmp_path / "keys" / "keyring"
    first, created = load_or_create_key_file(path)
    second, created_again = load_or_create_key_file(path)
    assert created
    assert not created_again
    assert first == second
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_blind_index_depends_on_the_key() -> None:
    """The same number indexes differently under different keyrings."""
    assert phone_index(new_keyring(), "+447700900123") != phone_index(
        new_keyring(), "+447700900123"
    )

"""Coordinator X25519 keys wrapped under a passphrase and bound to the coordinator."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from companion.crypto.coordinator_keys import (
    WrappedKey,
    WrappedKeyError,
    WrongPassphrase,
    from_bytes,
    new_key_pair,
    public_bytes,
    rewrap,
    to_bytes,
    unwrap_private_key,
    wrap_private_key,
)
from companion.crypto.passwords import Argon2Params

FAST = Argon2Params(memory_kib=64, iterations=1, lanes=1)
PASSPHRASE = "a long coordinator passphrase"


def _raw(private: X25519PrivateKey) -> bytes:
    return private.private_bytes_raw()


def test_new_key_pair_returns_the_matching_raw_public_key() -> None:
    """The public bytes are 32 bytes and belong to the private key; pairs differ."""
    private, public = new_key_pair()
    assert len(public) == 32
    assert public == public_bytes(private)
    assert new_key_pair()[1] != public


def test_wrapped_key_unwraps_with_passphrase_and_coordinator() -> None:
    """Wrapping then unwrapping gives back the same private key."""
    private, _ = new_key_pair()
    wrapped = wrap_private_key(private, PASSPHRASE, "coord-1", FAST)
    assert _raw(unwrap_private_key(wrapped, PASSPHRASE, "coord-1")) == _raw(private)


def test_wrong_passphrase_is_refused() -> None:
    """Another passphrase raises WrongPassphrase."""
    private, _ = new_key_pair()
    wrapped = wrap_private_key(private, PASSPHRASE, "coord-1", FAST)
    with pytest.raises(WrongPassphrase):
        unwrap_private_key(wrapped, PASSPHRASE + "!", "coord-1")


def test_key_moved_to_another_coordinator_does_not_open() -> None:
    """The coordinator id is associated data: the right passphrase on another row fails."""
    private, _ = new_key_pair()
    wrapped = wrap_private_key(private, PASSPHRASE, "coord-1", FAST)
    for other in ("coord-2", "coord-10", "coord-", ""):
        with pytest.raises(WrongPassphrase):
            unwrap_private_key(wrapped, PASSPHRASE, other)


def test_serialised_key_round_trips_and_hides_the_private_key() -> None:
    """to_bytes/from_bytes is lossless, compact, versioned and holds no plaintext key."""
    private, _ = new_key_pair()
    wrapped = wrap_private_key(private, PASSPHRASE, "coord-1", FAST)
    data = to_bytes(wrapped)
    assert data[0] == 1
    assert len(data) == 84
    assert _raw(private) not in data
    assert from_bytes(data) == wrapped
    assert _raw(unwrap_private_key(from_bytes(data), PASSPHRASE, "coord-1")) == _raw(private)


@pytest.mark.parametrize("position", [9, 30, -1])
def test_tampered_serialised_key_does_not_open(position: int) -> None:
    """Flipping a bit of the salt, nonce or ciphertext makes unwrapping fail."""
    private, _ = new_key_pair()
    data = bytearray(to_bytes(wrap_private_key(private, PASSPHRASE, "coord-1", FAST)))
    data[position] ^= 1
    with pytest.raises(WrongPassphrase):
        unwrap_private_key(from_bytes(bytes(data)), PASSPHRASE, "coord-1")


def test_changed_cost_parameters_do_not_open() -> None:
    """Parameters are read from the stored value; altering them derives another key."""
    private, _ = new_key_pair()
    data = bytearray(to_bytes(wrap_private_key(private, PASSPHRASE, "coord-1", FAST)))
    data[4] += 8  # memory KiB, low byte: 64 -> 72
    wrapped = from_bytes(bytes(data))
    assert wrapped.params.memory_kib == 72
    with pytest.raises(WrongPassphrase):
        unwrap_private_key(wrapped, PASSPHRASE, "coord-1")


def _valid() -> bytes:
    return to_bytes(wrap_private_key(new_key_pair()[0], PASSPHRASE, "coord-1", FAST))


@pytest.mark.parametrize(
    "mangle",
    [
        lambda data: b"",
        lambda data: data[:8],
        lambda data: data[:-1],
        lambda data: data + b"\x00",
        lambda data: b"\x02" + data[1:],
        lambda data: data[:5] + b"\x00" + data[6:],  # iterations 0
        lambda data: data[:6] + b"\x00" + data[7:],  # lanes 0
        lambda data: data[:1] + b"\x7f\xff\xff\xff" + data[5:],  # 2 TiB of memory
        lambda data: data[:7] + b"\x04" + data[8:],  # salt length and body disagree
        lambda data: data[:7] + b"\x04" + data[20:],  # consistent, but a 4-byte salt
    ],
)
def test_malformed_serialised_key_is_refused(mangle: Callable[[bytes], bytes]) -> None:
    """Unknown versions, wrong lengths and out-of-range parameters raise WrappedKeyError."""
    with pytest.raises(WrappedKeyError):
        from_bytes(mangle(_valid()))


def test_rewrap_changes_passphrase_salt_and_nonce() -> None:
    """After rewrap the new passphrase opens the same key and the old one does not."""
    private, _ = new_key_pair()
    old = wrap_private_key(private, PASSPHRASE, "coord-1", FAST)
    new = rewrap(old, PASSPHRASE, "a new passphrase", "coord-1", FAST)
    assert _raw(unwrap_private_key(new, "a new passphrase", "coord-1")) == _raw(private)
    assert (new.salt, new.nonce) != (old.salt, old.nonce)
    with pytest.raises(WrongPassphrase):
        unwrap_private_key(new, PASSPHRASE, "coord-1")


def test_rewrap_needs_the_old_passphrase() -> None:
    """Rewrapping with a wrong old passphrase raises WrongPassphrase."""
    private, _ = new_key_pair()
    old = wrap_private_key(private, PASSPHRASE, "coord-1", FAST)
    with pytest.raises(WrongPassphrase):
        rewrap(old, "guess", "a new passphrase", "coord-1", FAST)


def test_rewrap_can_raise_the_cost_parameters() -> None:
    """The new wrapping uses the parameters passed, recorded in the value."""
    private, _ = new_key_pair()
    old = wrap_private_key(private, PASSPHRASE, "coord-1", FAST)
    stronger = Argon2Params(memory_kib=128, iterations=2, lanes=1)
    new = rewrap(old, PASSPHRASE, PASSPHRASE, "coord-1", stronger)
    assert from_bytes(to_bytes(new)).params == stronger
    assert _raw(unwrap_private_key(new, PASSPHRASE, "coord-1")) == _raw(private)


def test_hand_built_wrapped_key_with_bad_salt_is_refused_not_crashing() -> None:
    """A WrappedKey with an unusable salt fails as WrongPassphrase."""
    private, _ = new_key_pair()
    good = wrap_private_key(private, PASSPHRASE, "coord-1", FAST)
    bad = WrappedKey(salt=b"x", nonce=good.nonce, ciphertext=good.ciphertext, params=FAST)
    with pytest.raises(WrongPassphrase):
        unwrap_private_key(bad, PASSPHRASE, "coord-1")

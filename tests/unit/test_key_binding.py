"""Key bindings: a keyring MAC over a coordinator id and their public key."""

from __future__ import annotations

from companion.crypto import key_binding
from companion.crypto.coordinator_keys import new_key_pair
from companion.crypto.keyring import new_keyring, with_new_key


def test_a_binding_checks_only_for_its_coordinator_key_and_keyring() -> None:
    """Another key, another coordinator, another keyring or a flipped bit all fail."""
    keyring = new_keyring()
    _, public = new_key_pair()
    _, other = new_key_pair()
    binding = key_binding.bind(keyring, "c1", public)
    assert key_binding.is_bound(keyring, "c1", public, binding)
    assert not key_binding.is_bound(keyring, "c1", other, binding)
    assert not key_binding.is_bound(keyring, "c2", public, binding)
    assert not key_binding.is_bound(new_keyring(), "c1", public, binding)
    flipped = binding[:-1] + bytes([binding[-1] ^ 1])
    assert not key_binding.is_bound(keyring, "c1", public, flipped)
    assert not key_binding.is_bound(keyring, "c1", public, None)
    assert not key_binding.is_bound(keyring, "c1", public, b"\x01")


def test_a_binding_still_checks_after_rotation_and_names_its_key() -> None:
    """The data key id is stored, so a rotated keyring (old key kept) still checks it."""
    keyring = new_keyring()
    _, public = new_key_pair()
    binding = key_binding.bind(keyring, "c1", public)
    rotated = with_new_key(keyring)
    assert key_binding.is_bound(rotated, "c1", public, binding)
    assert key_binding.key_id_of(binding) == keyring.current_id
    assert key_binding.key_id_of(key_binding.bind(rotated, "c1", public)) == rotated.current_id

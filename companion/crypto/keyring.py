"""The data keyring: AES-256 keys by id, one current, plus the blind-index key.

`COMPANION_DATA_KEYS` holds comma-separated `id:base64key` entries. The entry named
`index` is the blind-index key (stable across rotations, so people can still be
found); of the others, the first is current and the rest are kept to read older
values. Without the variable a local key file in the same format is used, created
on first run with owner-only permissions.
"""

from __future__ import annotations

import base64
import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

INDEX_KEY_ID = "index"
_KEY_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,15}")


class KeyringError(ValueError):
    """The keyring text is malformed; the message says what is wrong, never a key."""


@dataclass(frozen=True)
class Keyring:
    """Data keys by id, the id of the current one, and the blind-index key."""

    keys: dict[str, bytes]
    current_id: str
    index_key: bytes

    def key(self, key_id: str) -> bytes:
        """Return the key with this id.

        Raises:
            KeyringError: the id is not in the keyring (a retired key, or a wrong keyring).
        """
        try:
            return self.keys[key_id]
        except KeyError:
            raise KeyringError(f"no data key with id {key_id!r} in the keyring") from None


def parse_keyring(text: str) -> Keyring:
    """Parse `id:base64key,...` into a keyring.

    Raises:
        KeyringError: on a malformed entry, a duplicate id, a key that is not 32 bytes,
            a missing `index` entry or no data key.
    """
    keys: dict[str, bytes] = {}
    order: list[str] = []
    index_key: bytes | None = None
    for entry in filter(None, (part.strip() for part in text.split(","))):
        key_id, sep, encoded = entry.partition(":")
        if not sep or not _KEY_ID.fullmatch(key_id):
            raise KeyringError("each entry must be id:base64key with a short lowercase id")
        try:
            key = base64.b64decode(encoded.encode("ascii"), altchars=b"-_", validate=True)
        except (ValueError, UnicodeEncodeError):
            raise KeyringError(f"key {key_id!r} is not valid base64") from None
        if len(key) != 32:
            raise KeyringError(f"key {key_id!r} must be 32 bytes, got {len(key)}")
        if key_id == INDEX_KEY_ID:
            index_key = key
        elif key_id in keys:
            raise KeyringError(f"key id {key_id!r} appears twice")
        else:
            keys[key_id] = key
            order.append(key_id)
    if index_key is None:
        raise KeyringError("there is no 'index' entry (the blind-index key)")
    if not order:
        raise KeyringError("there is no data key")
    return Keyring(keys=keys, current_id=order[0], index_key=index_key)


def format_keyring(keyring: Keyring) -> str:
    """Write a keyring back as text, current key first."""
    ids = [keyring.current_id] + [k for k in keyring.keys if k != keyring.current_id]
    entries = [f"{INDEX_KEY_ID}:{_b64(keyring.index_key)}"]
    entries += [f"{key_id}:{_b64(keyring.keys[key_id])}" for key_id in ids]
    return ",".join(entries)


def new_keyring() -> Keyring:
    """Make a fresh keyring with one data key and a blind-index key."""
    return Keyring(
        keys={"k1": secrets.token_bytes(32)}, current_id="k1", index_key=secrets.token_bytes(32)
    )


def with_new_key(keyring: Keyring) -> Keyring:
    """Return the keyring with a new data key added and made current."""
    number = 1
    while f"k{number}" in keyring.keys:
        number += 1
    key_id = f"k{number}"
    return Keyring({key_id: secrets.token_bytes(32), **keyring.keys}, key_id, keyring.index_key)


def load_or_create_key_file(path: Path) -> tuple[Keyring, bool]:
    """Read the local key file, creating it (mode 0600) if it does not exist.

    Returns:
        The keyring and whether the file was just created.
    """
    if path.exists():
        return parse_keyring(path.read_text(encoding="ascii")), False
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    keyring = new_keyring()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(format_keyring(keyring) + "\n")
    return keyring, True


def _b64(key: bytes) -> str:
    return base64.urlsafe_b64encode(key).decode("ascii")

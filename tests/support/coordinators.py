"""A coordinator row as enrolment leaves it: name and team sealed, public key bound."""

from __future__ import annotations

from datetime import datetime

from companion.crypto import key_binding
from companion.crypto.keyring import Keyring
from companion.crypto.sealing import associated_data, seal
from companion.db.models import Coordinator, new_id


def coordinator_row(
    keyring: Keyring, *, name: str, email: str, team: str, public_key: bytes, now: datetime
) -> Coordinator:
    """An enrolled coordinator (no passphrase: these tests never log in as them)."""
    coordinator_id = new_id()
    return Coordinator(
        id=coordinator_id,
        name=seal(keyring, name, associated_data("coordinator", "name", coordinator_id)),
        email=email,
        team=seal(keyring, team, associated_data("coordinator", "team", coordinator_id)),
        public_key=public_key,
        public_key_binding=key_binding.bind(keyring, coordinator_id, public_key),
        created_at=now,
        enrolled_at=now,
    )

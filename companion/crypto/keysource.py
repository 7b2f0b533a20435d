"""Where the keyring comes from: COMPANION_DATA_KEYS, or a local file in simulator mode."""

from __future__ import annotations

import logging

from companion.config import ConfigError, Settings
from companion.crypto.keyring import Keyring, KeyringError, load_or_create_key_file, parse_keyring

log = logging.getLogger(__name__)


def load_keyring(settings: Settings) -> Keyring:
    """The keyring the service runs with.

    Raises:
        ConfigError: COMPANION_DATA_KEYS is malformed, or missing while Twilio is
            configured (a production service must not invent its own keys).
    """
    if settings.data_keys is not None:
        try:
            return parse_keyring(settings.data_keys)
        except KeyringError as error:
            raise ConfigError(f"COMPANION_DATA_KEYS: {error}") from None
    if not settings.simulator_mode:
        raise ConfigError(
            "COMPANION_DATA_KEYS: required when Twilio is configured"
            " (generate one with `companion keys new`)"
        )
    try:
        keyring, created = load_or_create_key_file(settings.key_file)
    except KeyringError as error:
        raise ConfigError(f"COMPANION_KEY_FILE: {error}") from None
    if created:
        log.warning(
            "created a local key file for simulator mode", extra={"path": str(settings.key_file)}
        )
    return keyring

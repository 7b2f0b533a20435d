"""Data protection: the raw database file and the logs hold no number and no message."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest

from companion.crypto.blind_index import phone_index
from companion.crypto.keyring import Keyring
from companion.sms.fake_twilio import FakeTwilio
from tests.conftest import AUTH_TOKEN, PUBLIC_BASE_URL, AppClient
from tests.support.waiting import eventually
from tests.support.webhooks import post_signed, sms_form

PHONE = "+447700900461"
SECRETS = ["JOIN", "YES", "I slept about seven hours and walked to the park", "Wheezy today"]


async def converse(client: AppClient, fake: FakeTwilio) -> None:
    for body in SECRETS:
        await post_signed(
            client,
            "/twilio/sms",
            sms_form(PHONE, body),
            auth_token=AUTH_TOKEN,
            public_base_url=PUBLIC_BASE_URL,
        )
    await eventually(lambda: len(fake.messages_to(PHONE)) == len(SECRETS))


def sqlite_files(client: AppClient) -> list[Path]:
    from companion.web.keys import SETTINGS

    path = Path(client.app[SETTINGS].database_url.removeprefix("sqlite+aiosqlite:///"))
    return [p for p in path.parent.iterdir() if p.name.startswith(path.name)]


async def test_raw_database_file_holds_no_number_and_no_message(
    twilio_client: AppClient, fake_twilio: FakeTwilio, keyring: Keyring
) -> None:
    """After a conversation, no phone number form, message or reply text is in the file (or WAL)."""
    await converse(twilio_client, fake_twilio)
    raw = b"".join(path.read_bytes() for path in sqlite_files(twilio_client))
    assert len(raw) > 10_000
    needles = [PHONE, PHONE[1:], "07700900461", "7700900461", "900461", "seven hours", "Wheezy"]
    needles += [fake_twilio.messages_to(PHONE)[0].body[:40], "Reply YES"]
    for needle in needles:
        assert needle.encode() not in raw, needle
        assert needle.encode("utf-16-le") not in raw, needle
    # The blind index is there, so the person can be found by someone holding the key.
    assert phone_index(keyring, PHONE).encode() in raw


async def test_logs_carry_no_number_and_no_message(
    twilio_client: AppClient, fake_twilio: FakeTwilio, caplog: pytest.LogCaptureFixture
) -> None:
    """Every log record of a conversation (ours and libraries') is free of numbers and bodies."""
    caplog.set_level(logging.DEBUG)
    await converse(twilio_client, fake_twilio)
    logged = "\n".join(f"{record.getMessage()} {record.__dict__}" for record in caplog.records)
    assert "inbound handled" in logged
    for needle in [PHONE, "7700900461", "seven hours", "Wheezy", "Reply YES"]:
        assert needle not in logged, needle
    assert not re.search(r"\+44\d{6,}", logged)

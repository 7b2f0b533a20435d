"""The same webhook at two processes at once, and two replies racing: applied once, in order."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from companion.crypto.keyring import Keyring, format_keyring
from companion.crypto.sealing import associated_data, unseal
from companion.db.models import InboundMessage, Observation
from companion.sms.fake_twilio import FakeTwilio
from tests.conftest import ACCOUNT_SID, AUTH_TOKEN
from tests.support.database import count, rows
from tests.support.processes import free_port, service_env, start_serve, stop_serve
from tests.support.webhooks import sign, sms_form

pytestmark = [pytest.mark.postgres, pytest.mark.timeout(120)]
PUBLIC = "https://companion.example"  # both instances sit behind one proxy
PHONE = "+447700900123"


@pytest.fixture
async def two_instances(
    postgres_url: str, keyring: Keyring, fake_twilio: FakeTwilio, tmp_path: Path
) -> AsyncIterator[list[str]]:
    """Two `companion serve` processes on one PostgreSQL database; yields their base URLs."""
    processes, urls = [], []
    for _ in range(2):
        port = free_port()
        env = service_env(
            {
                "DATABASE_URL": postgres_url,
                "COMPANION_PORT": str(port),
                "PUBLIC_BASE_URL": PUBLIC,
                "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
                "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
                "TWILIO_FROM_NUMBER": "+447700900000",
                "TWILIO_API_BASE_URL": fake_twilio.base_url,
                "TWILIO_MAX_MPS": "100",
                "COMPANION_DATA_KEYS": format_keyring(keyring),
                "COMPANION_SWEEP_SECONDS": "3600",
                "COMPANION_QUIET_HOURS": "off",
            }
        )
        processes.append(await start_serve(env, tmp_path))
        urls.append(f"http://127.0.0.1:{port}")
    try:
        yield urls
    finally:
        results = [await stop_serve(process) for process in processes]
        assert all(code == 0 for code, _ in results)


async def post(http: aiohttp.ClientSession, base: str, form: dict[str, str]) -> int:
    signature = sign(AUTH_TOKEN, PUBLIC + "/twilio/sms", form)
    async with http.post(
        base + "/twilio/sms", data=form, headers={"X-Twilio-Signature": signature}
    ) as response:
        await response.read()
        return response.status


async def replies_reach(fake: FakeTwilio, n: int) -> list[str]:
    for _ in range(300):
        if len(fake.messages_to(PHONE)) >= n:
            break
        await asyncio.sleep(0.02)
    await asyncio.sleep(0.3)  # room for a duplicate to show
    return [m.body for m in fake.messages_to(PHONE)]


async def test_same_webhook_at_two_processes_at_once_is_handled_once(
    two_instances: list[str], fake_twilio: FakeTwilio, postgres_url: str
) -> None:
    """Twilio redelivering to another instance at the same moment: one row, one reply."""
    form = sms_form(PHONE, "JOIN")
    async with aiohttp.ClientSession() as http:
        statuses = await asyncio.gather(*(post(http, base, form) for base in two_instances * 3))
    assert set(statuses) == {200}
    assert len(await replies_reach(fake_twilio, 1)) == 1
    assert await count(postgres_url, InboundMessage) == 1


async def test_two_replies_racing_answer_two_questions_in_turn(
    two_instances: list[str], fake_twilio: FakeTwilio, postgres_url: str, keyring: Keyring
) -> None:
    """Two answers sent together to two processes fill two questions, never one twice.

    Both answers ("7", "6") fit either question, so the order they land in does not matter.
    """
    first, second = two_instances
    async with aiohttp.ClientSession() as http:
        for n, body in enumerate(("JOIN", "YES", "LOG"), start=1):
            assert await post(http, first, sms_form(PHONE, body)) == 200
            await replies_reach(fake_twilio, n)
        assert "sleep" in fake_twilio.messages_to(PHONE)[-1].body
        await asyncio.gather(
            post(http, first, sms_form(PHONE, "7")), post(http, second, sms_form(PHONE, "6"))
        )
    bodies = await replies_reach(fake_twilio, 5)
    assert len(bodies) == 5
    keys = []
    for row in await rows(postgres_url, Observation):
        payload = unseal(keyring, row.payload, associated_data("observation", "payload", row.id))
        keys.append(json.loads(payload)["key"])
    assert sorted(keys) == ["activity_minutes", "sleep_hours"]

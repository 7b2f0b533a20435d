"""A fan-out of 2,000 behind nginx while one of the two instances is SIGKILLed.

Delivery reports come back through nginx to whichever instance it picks, often before
the sender has written the send's outcome; the killed instance's claimed rows are
looked up at the fake Twilio by the survivor after the claim lease, never resent blind.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, datetime

import pytest

from companion.crypto.keyring import Keyring
from companion.db.models import DeliveryReport, OutboxMessage
from companion.db.states import OutboxStatus
from companion.sms.fake_twilio import FakeTwilio
from tests.deployment.conftest import Deployment
from tests.integration.test_two_instances import PEOPLE, seed
from tests.support.database import rows

pytestmark = [pytest.mark.slow, pytest.mark.postgres, pytest.mark.timeout(300)]


async def test_a_killed_instance_loses_no_message_and_no_delivery_report(
    deployment: Deployment, postgres_url: str, keyring: Keyring, fake_twilio: FakeTwilio
) -> None:
    """2,000 due at once, one instance SIGKILLed mid-way: each sent once, each report kept."""
    fake_twilio.report_next("delivered", None, delay=0.0, times=PEOPLE)
    await seed(postgres_url, keyring, datetime.now(UTC))
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 180
    while len(fake_twilio.messages) < PEOPLE // 3 and loop.time() < deadline:  # noqa: ASYNC110
        await asyncio.sleep(0.05)
    await deployment.kill_instance(1)
    while len(fake_twilio.messages) < PEOPLE and loop.time() < deadline:  # noqa: ASYNC110
        await asyncio.sleep(0.25)
    await fake_twilio.callbacks_done()

    per_number = Counter(message.to for message in fake_twilio.messages)
    assert (len(per_number), max(per_number.values())) == (PEOPLE, 1)  # each exactly once
    acknowledged = {c.sid for c in fake_twilio.callbacks if c.answered == 204}
    # A report in flight to the instance as it died is sent on to the other by nginx
    # (`proxy_next_upstream ... non_idempotent` for /twilio/): none is lost.
    assert len(acknowledged) == PEOPLE
    while loop.time() < deadline:
        outbox = await rows(postgres_url, OutboxMessage)
        settled = [r for r in outbox if r.status == OutboxStatus.SENT]
        delivered = {r.twilio_sid for r in settled if r.delivery_status == "delivered"}
        if len(settled) == PEOPLE and acknowledged <= delivered:
            break
        await asyncio.sleep(0.5)
    assert len(settled) == PEOPLE
    assert acknowledged <= delivered
    assert await rows(postgres_url, DeliveryReport) == []  # every kept report was applied
    assert deployment.nginx.upstreams("POST", "/twilio/status", 204)

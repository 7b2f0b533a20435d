"""After 40 replies in an hour everything went silent with no word to the person.

Now the first held-back reply is replaced, once an hour, by a notice saying replies are
paused and until when (London time); crisis signposting still goes every time.
"""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from companion.context import ServiceContext
from companion.crypto.keyring import Keyring
from companion.engine.limits import REPLIES_PER_HOUR
from companion.sending.dispatcher import Dispatcher
from companion.sms.fake_twilio import FakeTwilio
from companion.texting.inbound import InboundSms, handle_inbound
from tests.support.clock import ManualClock
from tests.support.dispatching import dispatcher_for

PHONE = "+447700900124"
NOTICE = "replies will pause until about"
_sids = itertools.count()


@pytest.fixture
async def service(
    database_url: str, fake_twilio: FakeTwilio, keyring: Keyring, clock: ManualClock
) -> AsyncIterator[tuple[ServiceContext, Dispatcher]]:
    """The inbound service and a dispatcher that sends only when drained."""
    async with dispatcher_for(database_url, fake_twilio, keyring, clock) as pair:
        yield pair


async def texts(ctx: ServiceContext, *bodies: str) -> None:
    for body in bodies:
        await handle_inbound(ctx, InboundSms(f"SMpaused{next(_sids):026d}", PHONE, body))


async def test_the_person_is_told_once_that_replies_paused_and_until_when(
    service: tuple[ServiceContext, Dispatcher], fake_twilio: FakeTwilio, clock: ManualClock
) -> None:
    """At 10:00 London, past the bound: one notice naming 11:01; later texts get silence."""
    ctx, dispatcher = service
    clock.now = datetime(2026, 6, 2, 10, 0, tzinfo=ZoneInfo("Europe/London"))
    await texts(ctx, "JOIN", "YES", *(["MENU"] * REPLIES_PER_HOUR))
    await dispatcher.drain()
    bodies = [m.body for m in fake_twilio.messages_to(PHONE)]
    notices = [b for b in bodies if NOTICE in b]
    assert notices == [b for b in bodies[-1:] if NOTICE in b]  # the last, and the only one
    assert "11:01" in notices[0]
    await texts(ctx, "MENU", "MENU", "i want to kill myself")
    await dispatcher.drain()
    after = [m.body for m in fake_twilio.messages_to(PHONE)][len(bodies) :]
    assert len(after) == 1
    assert "116 123" in after[0]

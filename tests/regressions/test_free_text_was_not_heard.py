"""Free text got one canned line, "HLEP" got no crisis numbers, a mid check-in complaint
was read as an unreadable answer and the words after LOG were thrown away (issue 14)."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import select

from companion.context import ServiceContext
from companion.crypto.keyring import Keyring
from companion.db.models import Observation
from companion.db.observations import opened
from companion.engine.limits import REPLIES_PER_HOUR
from companion.sending.dispatcher import Dispatcher
from companion.sms.fake_twilio import FakeTwilio
from companion.texting.inbound import InboundSms, handle_inbound
from tests.support.clock import ManualClock
from tests.support.dispatching import dispatcher_for

PHONE = "+447700900456"
NUMBERS = ("999", "NHS 111", "116 123", "85258")
_sids = itertools.count()


@pytest.fixture
async def service(
    sqlite_url: str, fake_twilio: FakeTwilio, keyring: Keyring, clock: ManualClock
) -> AsyncIterator[tuple[ServiceContext, Dispatcher]]:
    """The inbound service and a dispatcher that sends only when drained."""
    async with dispatcher_for(sqlite_url, fake_twilio, keyring, clock) as pair:
        yield pair


async def texts(ctx: ServiceContext, *bodies: str) -> None:
    for body in bodies:
        await handle_inbound(ctx, InboundSms(f"SM{next(_sids):032d}", PHONE, body))


async def replies_to(
    service: tuple[ServiceContext, Dispatcher], fake: FakeTwilio, *bodies: str
) -> list[str]:
    """What the phone received for these texts."""
    ctx, dispatcher = service
    await dispatcher.drain()
    before = len(fake.messages_to(PHONE))
    await texts(ctx, *bodies)
    await dispatcher.drain()
    return [m.body for m in fake.messages_to(PHONE)][before:]


async def test_a_misspelt_help_gets_every_crisis_number_even_after_a_busy_hour(
    service: tuple[ServiceContext, Dispatcher], fake_twilio: FakeTwilio
) -> None:
    """HLEP is the HELP reply, sent as safety signposting: never held back by the bound."""
    ctx, _ = service
    await texts(ctx, "JOIN", "YES", *(f"the bus was late {n}" for n in range(REPLIES_PER_HOUR)))
    (reply,) = await replies_to(service, fake_twilio, "HLEP")
    assert all(number in reply for number in NUMBERS), reply


async def test_free_text_is_heard_not_answered_with_one_canned_line(
    service: tuple[ServiceContext, Dispatcher], fake_twilio: FakeTwilio
) -> None:
    """The texts that got "Thanks for your message" each get a reply of their own."""
    ctx, _ = service
    await texts(ctx, "JOIN", "YES")
    said = await replies_to(
        service,
        fake_twilio,
        "please stop texting me",
        "I forgot my pills yesterday",
        "who is this",
        "blood sugar 6.2",
        "thank you",
    )
    assert len(said) == 5
    assert len(set(said)) == 5
    assert not any("Text LOG to do a check-in now" in body for body in said)  # the old line
    assert not any("we may not understand it all" in body for body in said)  # the fallback
    assert "STOP" in said[0]
    assert "PAUSE 7" in said[0]
    assert "6.2 mmol/L" in said[3]


async def test_stop_asking_mid_checkin_is_not_an_unreadable_answer(
    service: tuple[ServiceContext, Dispatcher], fake_twilio: FakeTwilio
) -> None:
    """The complaint is answered and the question stays open for the next text."""
    ctx, _ = service
    await texts(ctx, "JOIN", "YES", "LOG")
    (complaint,) = await replies_to(service, fake_twilio, "STOP asking me so many questions")
    assert "Sorry, I did not catch that" not in complaint
    assert "PAUSE 7" in complaint
    (next_question,) = await replies_to(service, fake_twilio, "7")
    assert "Sorry" not in next_question


async def test_the_words_after_log_are_kept_as_a_side_effect_note(
    service: tuple[ServiceContext, Dispatcher], fake_twilio: FakeTwilio
) -> None:
    """LOG with words starts the check-in and notes the side effect in their words."""
    ctx, _ = service
    await texts(ctx, "JOIN", "YES")
    said = await replies_to(service, fake_twilio, "LOG dry mouth and I keep putting on weight")
    assert len(said) == 2
    assert "prescriber" in said[0]
    async with ctx.sessions() as session:
        notes = [
            opened(ctx.keyring, row.id, row.payload)
            for row in await session.scalars(select(Observation))
        ]
    assert notes == [("side_note", "LOG dry mouth and I keep putting on weight"[4:])]

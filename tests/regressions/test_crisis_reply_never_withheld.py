"""A crisis text after HELP and a busy hour got no reply: signposting is never withheld.

Every state that could hold a crisis reply back is tried here: the hourly reply bound
(spent by HELP or by many texts), a repeat, a pause, an open check-in, quiet hours, a
STOP before or after, a stranger, and a queue full of other messages.
"""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from fluent.syntax import FluentParser, ast

from companion.context import ServiceContext
from companion.crypto.keyring import Keyring
from companion.db import outbox
from companion.db.models import Person
from companion.db.states import Priority
from companion.engine.limits import REPLIES_PER_HOUR
from companion.i18n.catalog import read_catalog_files
from companion.safety.crisis import detect_crisis
from companion.sending.dispatcher import Dispatcher
from companion.sms.fake_twilio import FakeTwilio
from companion.texting.inbound import InboundSms, handle_inbound
from tests.support.clock import ManualClock
from tests.support.database import rows
from tests.support.dispatching import dispatcher_for

PHONE = "+447700900123"
NUMBERS = ("999", "NHS 111", "116 123", "85258")
FULL = "You deserve support"  # in the first crisis reply of an hour
AGAIN = "We hear you"  # in the shorter form for a repeat within the hour
_sids = itertools.count()


def london(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=ZoneInfo("Europe/London"))  # type: ignore[misc]


@pytest.fixture
async def service(
    database_url: str, fake_twilio: FakeTwilio, keyring: Keyring, clock: ManualClock
) -> AsyncIterator[tuple[ServiceContext, Dispatcher]]:
    """The inbound service and a dispatcher that sends only when drained."""
    async with dispatcher_for(database_url, fake_twilio, keyring, clock) as pair:
        yield pair


async def texts(ctx: ServiceContext, *bodies: str, sender: str = PHONE) -> None:
    for body in bodies:
        await handle_inbound(ctx, InboundSms(f"SM{next(_sids):032d}", sender, body))


def signposting(fake: FakeTwilio, to: str = PHONE) -> list[str]:
    """The crisis replies that reached the phone (every number in each)."""
    bodies = [m.body for m in fake.messages_to(to) if FULL in m.body or AGAIN in m.body]
    for body in bodies:
        assert all(number in body for number in NUMBERS), body
    return bodies


async def test_crisis_after_help_and_forty_texts_in_the_hour_is_answered_each_time(
    service: tuple[ServiceContext, Dispatcher], fake_twilio: FakeTwilio, clock: ManualClock
) -> None:
    """The reported bug: HELP, 40 texts, then two crisis texts; both are answered."""
    ctx, dispatcher = service
    await texts(ctx, "JOIN", "YES", "HELP")
    await texts(ctx, *(f"what about tomorrow {n}" for n in range(REPLIES_PER_HOUR)))
    await texts(ctx, "i can't go on anymore")
    clock.advance(seconds=1)  # two replies queued at one instant may be sent in either order
    await texts(ctx, "i want to kill myself")
    await dispatcher.drain()
    said = signposting(fake_twilio)
    assert [FULL in said[0], AGAIN in said[1]] == [True, True]
    ordinary = [m for m in fake_twilio.messages_to(PHONE) if "116 123" not in m.body]
    # The bound still holds for everything else, past the one notice that replies paused.
    notices = [m for m in ordinary if "replies will pause" in m.body]
    assert len(notices) == 1
    assert len(ordinary) - len(notices) <= REPLIES_PER_HOUR


async def test_a_crisis_text_twice_in_a_row_is_answered_twice(
    service: tuple[ServiceContext, Dispatcher], fake_twilio: FakeTwilio
) -> None:
    """A repeat within the hour gets the shorter form, never silence."""
    ctx, dispatcher = service
    await texts(ctx, "JOIN", "YES", "I want to end my life", "I want to end my life")
    await dispatcher.drain()
    assert len(signposting(fake_twilio)) == 2


async def test_a_paused_person_in_crisis_is_answered(
    service: tuple[ServiceContext, Dispatcher], fake_twilio: FakeTwilio
) -> None:
    """PAUSE holds check-ins, never signposting."""
    ctx, dispatcher = service
    await texts(ctx, "JOIN", "YES", "PAUSE 3", "i want to kill myself")
    await dispatcher.drain()
    assert len(signposting(fake_twilio)) == 1


async def test_crisis_mid_checkin_is_answered_before_the_question(
    service: tuple[ServiceContext, Dispatcher], fake_twilio: FakeTwilio
) -> None:
    """An open check-in does not read a crisis text as an unreadable answer."""
    ctx, dispatcher = service
    await texts(ctx, "JOIN", "YES", "LOG")
    await dispatcher.drain()
    before = len(fake_twilio.messages_to(PHONE))
    await texts(ctx, "i want to kill myself")
    await dispatcher.drain()
    (reply,) = [m.body for m in fake_twilio.messages_to(PHONE)][before:]
    assert FULL in reply


async def test_crisis_in_quiet_hours_is_sent_at_once(
    service: tuple[ServiceContext, Dispatcher], fake_twilio: FakeTwilio, clock: ManualClock
) -> None:
    """At 02:00 prompts wait, but signposting goes straight away."""
    ctx, dispatcher = service
    clock.now = london(2026, 6, 2, 2, 0)
    await texts(ctx, "JOIN", "YES", "i want to kill myself")
    await dispatcher.drain()
    assert len(signposting(fake_twilio)) == 1


async def test_crisis_after_stop_is_answered_and_the_person_stays_stopped(
    service: tuple[ServiceContext, Dispatcher], fake_twilio: FakeTwilio, database_url: str
) -> None:
    """STOP silences everything else; a crisis text written after it is still answered."""
    ctx, dispatcher = service
    await texts(ctx, "JOIN", "YES", "STOP")
    await dispatcher.drain()
    before = len(fake_twilio.messages_to(PHONE))
    await texts(ctx, "i want to kill myself", "how are you")
    await dispatcher.drain()
    after = [m.body for m in fake_twilio.messages_to(PHONE)][before:]
    assert len(after) == 1
    assert FULL in after[0]
    (person,) = await rows(database_url, Person)
    assert person.status == "stopped"


async def test_stop_straight_after_a_crisis_text_does_not_cancel_its_reply(
    service: tuple[ServiceContext, Dispatcher], fake_twilio: FakeTwilio
) -> None:
    """A STOP that arrives before the crisis reply is sent cancels the rest, not that."""
    ctx, dispatcher = service
    await texts(ctx, "JOIN", "YES")
    await dispatcher.drain()
    await texts(ctx, "i want to kill myself", "STOP")
    await dispatcher.drain()
    assert len(signposting(fake_twilio)) == 1


async def test_a_strangers_crisis_text_is_answered_after_the_join_hint(
    service: tuple[ServiceContext, Dispatcher], fake_twilio: FakeTwilio
) -> None:
    """A number we do not know, already told how to join today, still gets signposting."""
    ctx, dispatcher = service
    await texts(ctx, "who is this", "i want to disappear forever and never come back")
    await texts(ctx, "I want to end my life")
    await dispatcher.drain()
    assert len(signposting(fake_twilio)) >= 1


async def test_crisis_reply_is_claimed_ahead_of_a_queue_of_other_messages(
    service: tuple[ServiceContext, Dispatcher],
) -> None:
    """A backlog of replies and prompts to others cannot keep signposting waiting."""
    ctx, _ = service
    async with ctx.sessions() as session, session.begin():
        for n in range(50):
            for priority in (Priority.REPLY, Priority.BULK):
                outbox.queue_sms(
                    session,
                    ctx.keyring,
                    outbox.Recipient(f"+4477009{n:05d}", f"other-{n}", None),
                    "test",
                    "queued earlier",
                    outbox.Timing(priority, ctx.clock()),
                )
    await texts(ctx, "I want to end my life")
    async with ctx.sessions() as session, session.begin():
        first = (await outbox.claim_due(session, ctx.keyring, ctx.clock(), 1))[0]
    assert FULL in first.body


def _message_texts() -> list[tuple[str, str, str]]:
    found = []
    for file in read_catalog_files():
        for entry in FluentParser().parse(file.text).body:
            if isinstance(entry, ast.Message) and entry.value is not None:
                words = " ".join(
                    e.value for e in entry.value.elements if isinstance(e, ast.TextElement)
                )
                found.append((file.locale, entry.id.name, words))
    return found


def test_none_of_our_own_messages_reads_as_crisis_language() -> None:
    """Unbounded crisis replies cannot loop with an echoing auto-responder."""
    echoes = [(loc, key) for loc, key, words in _message_texts() if detect_crisis(words)]
    assert echoes == []
    assert len(_message_texts()) > 200  # the scan really read the catalog

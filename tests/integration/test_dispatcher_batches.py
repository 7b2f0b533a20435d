"""What batched claims, concurrent sends and bulk outcome writes must not change."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from sqlalchemy import update

from companion.context import ServiceContext
from companion.crypto.keyring import Keyring
from companion.db import outbox, people
from companion.db.models import OutboxMessage, Person
from companion.db.states import PersonStatus, Priority
from companion.sending.dispatcher import CLAIM_LEASE
from companion.sms.fake_twilio import FakeTwilio
from tests.conftest import ACCOUNT_SID, AUTH_TOKEN
from tests.support.clock import ManualClock
from tests.support.database import rows
from tests.support.dispatching import dispatcher_for
from tests.support.waiting import eventually

PHONE = "+447700900123"


@pytest.fixture
async def fake(clock: ManualClock) -> AsyncIterator[FakeTwilio]:
    """The fake Twilio API on the test's clock, so look-up windows line up."""
    async with FakeTwilio(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN, clock=clock) as api:
        yield api


async def queue(
    ctx: ServiceContext,
    to: str,
    body: str,
    *,
    person_id: str | None = None,
    sequence: int = 0,
    not_before_in: timedelta | None = None,
) -> str:
    """Queue one bulk message to `to`; returns the row id."""
    now = ctx.clock()
    async with ctx.sessions() as session, session.begin():
        row = outbox.queue_sms(
            session,
            ctx.keyring,
            outbox.Recipient(to, "idx-" + to, person_id),
            "test",
            body,
            outbox.Timing(Priority.BULK, now, None, now + not_before_in if not_before_in else None),
            sequence,
        )
    return row.id


async def test_each_persons_messages_arrive_in_order_while_others_interleave(
    database_url: str, fake_twilio: FakeTwilio, keyring: Keyring, clock: ManualClock
) -> None:
    """Twelve people's three messages each: every person's arrive in queue order, side by side."""
    numbers = [f"+4477009002{n:02d}" for n in range(12)]
    async with dispatcher_for(database_url, fake_twilio, keyring, clock) as (ctx, dispatcher):
        for part in range(3):
            for n, number in enumerate(numbers):
                await queue(ctx, number, f"person {n} part {part}", sequence=part)
        fake_twilio.slow(0.02)
        assert await dispatcher.drain() == 36
    for n, number in enumerate(numbers):
        assert [m.body for m in fake_twilio.messages_to(number)] == [
            f"person {n} part {part}" for part in range(3)
        ]
    # Sent side by side, not one person after another.
    order = [m.to for m in fake_twilio.messages]
    assert order[:12] != [order[0]] * 12
    assert len(set(order[:12])) > 6


async def test_an_outcome_whose_claim_was_taken_over_is_not_overwritten(
    database_url: str, fake_twilio: FakeTwilio, keyring: Keyring, clock: ManualClock
) -> None:
    """A send that outlived its lease does not record over the row's new claimant."""
    async with dispatcher_for(database_url, fake_twilio, keyring, clock) as (ctx, dispatcher):
        row_id = await queue(ctx, PHONE, "slow to answer")
        fake_twilio.slow(0.5, accept_first=True)
        sending = asyncio.create_task(dispatcher.run_once())
        await eventually(lambda: len(fake_twilio.messages) == 1)  # Twilio has it, no answer yet
        clock.advance(seconds=CLAIM_LEASE.total_seconds() + 1)
        assert await dispatcher.release_stale() == 1  # taken for a dead dispatcher's row
        async with ctx.sessions() as session, session.begin():
            (taken_over,) = await outbox.claim_due(session, keyring, clock(), 10)
        assert await sending == 1  # the first send ends, and writes its outcome in bulk
    (row,) = await rows(database_url, OutboxMessage, OutboxMessage.id == row_id)
    assert (row.status, row.claim_token, row.twilio_sid) == (
        "sending",
        taken_over.claim_token,
        None,
    )
    assert taken_over.unconfirmed  # so the new claimant looks it up before any resend


async def test_a_21610_in_a_batch_stops_that_person_and_cancels_their_queue(
    database_url: str, fake_twilio: FakeTwilio, keyring: Keyring, clock: ManualClock
) -> None:
    """An opt-out at Twilio stops the person: the rest of their batch and queue is cancelled."""
    stopped = "+447700900301"
    others = [f"+4477009004{n:02d}" for n in range(10)]
    async with dispatcher_for(database_url, fake_twilio, keyring, clock) as (ctx, dispatcher):
        async with ctx.sessions() as session, session.begin():
            person = await people.add_person(
                session, keyring, stopped, PersonStatus.ACTIVE, clock()
            )
        for part in range(3):
            await queue(ctx, stopped, f"part {part}", person_id=person.id, sequence=part)
        await queue(ctx, stopped, "tomorrow", person_id=person.id, not_before_in=timedelta(days=1))
        for number in others:
            await queue(ctx, number, "for someone else")
        fake_twilio.opt_out(stopped)
        await dispatcher.drain()
    (row,) = await rows(database_url, Person)
    assert (row.status, row.unreachable_code) == ("stopped", 21610)
    outcomes = {
        (r.status, r.failure_reason)
        for r in await rows(database_url, OutboxMessage, OutboxMessage.person_id == person.id)
    }
    assert outcomes == {("failed", "opted_out"), ("cancelled", "stopped")}
    assert await _statuses(database_url, person.id) == [
        "failed",
        "cancelled",
        "cancelled",
        "cancelled",
    ]
    assert [a.form.get("To") for a in fake_twilio.attempts].count(stopped) == 1
    assert sorted(m.to for m in fake_twilio.messages) == sorted(others)


async def _statuses(database_url: str, person_id: str) -> list[str]:
    """The person's rows' statuses in queue order."""
    found = await rows(database_url, OutboxMessage, OutboxMessage.person_id == person_id)
    return [r.status for r in sorted(found, key=lambda r: (r.not_before, r.created_at))]


async def test_a_lookup_skips_a_sid_this_batch_has_not_written_yet(
    database_url: str, fake: FakeTwilio, keyring: Keyring, clock: ManualClock
) -> None:
    """Same text twice to one number, the second unconfirmed: the first's unwritten sid
    is not taken for the second's, which is sent."""
    async with dispatcher_for(database_url, fake, keyring, clock) as (ctx, dispatcher):
        await queue(ctx, PHONE, "Time for your check-in", sequence=0)
        second = await queue(ctx, PHONE, "Time for your check-in", sequence=1)
        # Its earlier send died before reaching Twilio; it was released unconfirmed.
        async with ctx.sessions() as session, session.begin():
            await session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.id == second)
                .values(failure_reason=outbox.UNCONFIRMED)
            )
        assert await dispatcher.drain() == 2
    assert len(fake.lookups) == 1
    assert len(fake.messages_to(PHONE)) == 2
    sids = {r.twilio_sid for r in await rows(database_url, OutboxMessage)}
    assert sids == {m.sid for m in fake.messages}


async def test_on_sqlite_the_dispatcher_keeps_sending_during_a_long_sweep(
    sqlite_url: str, fake_twilio: FakeTwilio, keyring: Keyring, clock: ManualClock
) -> None:
    """Back-to-back write transactions (a long sweep) do not starve the dispatcher."""
    numbers = [f"+4477009005{n:02d}" for n in range(20)]
    async with dispatcher_for(sqlite_url, fake_twilio, keyring, clock) as (ctx, dispatcher):
        for number in numbers:
            await queue(ctx, number, "during the sweep")
        stop = asyncio.Event()
        batches = 0

        async def long_sweep() -> None:
            nonlocal batches
            while not stop.is_set():
                async with ctx.sessions() as session, session.begin():
                    # Takes the write lock, then works on its batch for a while.
                    await session.execute(
                        update(Person).where(Person.id == "none").values(updated_at=clock())
                    )
                    await asyncio.sleep(0.3)
                batches += 1

        sweeping = asyncio.create_task(long_sweep())
        try:
            await asyncio.sleep(0.1)
            async with asyncio.timeout(6):
                assert await dispatcher.drain() == 20
            assert not sweeping.done()
        finally:
            stop.set()
            await sweeping
    assert sorted(m.to for m in fake_twilio.messages) == numbers
    assert batches > 2

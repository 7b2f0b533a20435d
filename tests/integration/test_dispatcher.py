"""The outbox dispatcher against the fake Twilio API: retries, failures, crashes, claims."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from companion.context import ServiceContext
from companion.crypto.keyring import Keyring
from companion.db import outbox, people
from companion.db.models import OutboxMessage, Person
from companion.db.states import PersonStatus, Priority
from companion.sending.dispatcher import CLAIM_LEASE, MAX_ATTEMPTS
from companion.sms.fake_twilio import FakeTwilio
from tests.support.clock import ManualClock
from tests.support.database import rows
from tests.support.dispatching import dispatcher_for

PHONE = "+447700900123"


async def enqueue(ctx: ServiceContext, body: str, to: str = PHONE, person: bool = False) -> str:
    async with ctx.sessions() as session, session.begin():
        person_id = None
        if person:
            row = await people.add_person(
                session, ctx.keyring, to, PersonStatus.ACTIVE, ctx.clock()
            )
            person_id = row.id
        queued = outbox.queue_sms(
            session,
            ctx.keyring,
            outbox.Recipient(to, "idx-" + to, person_id),
            "test",
            body,
            outbox.Timing(Priority.BULK, ctx.clock()),
        )
    return queued.id


async def test_429_then_success_is_retried_and_delivered_once(
    sqlite_url: str, fake_twilio: FakeTwilio, keyring: Keyring, clock: ManualClock
) -> None:
    """A 429 puts the row back with backoff; the next pass sends it exactly once."""
    async with dispatcher_for(sqlite_url, fake_twilio, keyring, clock) as (ctx, dispatcher):
        row_id = await enqueue(ctx, "hello")
        fake_twilio.fail_next(429)
        assert await dispatcher.drain() == 1
        (row,) = await rows(sqlite_url, OutboxMessage)
        assert (row.status, row.attempts, row.error_code) == ("pending", 1, 20429)
        assert await dispatcher.drain() == 0  # not due yet: backing off
        clock.advance(seconds=3)
        assert await dispatcher.drain() == 1
    assert [m.body for m in fake_twilio.messages] == ["hello"]
    (row,) = await rows(sqlite_url, OutboxMessage, OutboxMessage.id == row_id)
    assert row.status == "sent"
    assert row.twilio_sid == fake_twilio.messages[0].sid


@pytest.mark.parametrize("fault", ["500", "503", "reset", "timeout"])
async def test_transient_failures_are_retried(
    sqlite_url: str, fake_twilio: FakeTwilio, keyring: Keyring, clock: ManualClock, fault: str
) -> None:
    """Server errors, dropped connections and timeouts are retried, not lost."""
    async with dispatcher_for(sqlite_url, fake_twilio, keyring, clock, send_timeout=0.5) as (
        ctx,
        dispatcher,
    ):
        await enqueue(ctx, "hi")
        if fault == "reset":
            fake_twilio.reset_next()
        elif fault == "timeout":
            fake_twilio.hang_next(2.0)
        else:
            fake_twilio.fail_next(int(fault))
        await dispatcher.drain()
        clock.advance(minutes=1)
        await dispatcher.drain()
    assert [m.body for m in fake_twilio.messages] == ["hi"]


async def test_retries_are_bounded(
    sqlite_url: str, fake_twilio: FakeTwilio, keyring: Keyring, clock: ManualClock
) -> None:
    """A row that keeps failing gives up after MAX_ATTEMPTS with the reason stored."""
    async with dispatcher_for(sqlite_url, fake_twilio, keyring, clock) as (ctx, dispatcher):
        await enqueue(ctx, "hi")
        fake_twilio.fail_next(500, times=MAX_ATTEMPTS + 5)
        for _ in range(MAX_ATTEMPTS + 3):
            await dispatcher.drain()
            clock.advance(minutes=31)  # past the longest backoff, still in the day
    (row,) = await rows(sqlite_url, OutboxMessage)
    assert (row.status, row.failure_reason, row.attempts) == (
        "failed",
        "retries_exhausted",
        MAX_ATTEMPTS,
    )
    assert len(fake_twilio.attempts) == MAX_ATTEMPTS


async def test_carrier_opt_out_21610_stops_the_person(
    sqlite_url: str, fake_twilio: FakeTwilio, keyring: Keyring, clock: ManualClock
) -> None:
    """Twilio's 21610 marks the person stopped and cancels what else was queued."""
    async with dispatcher_for(sqlite_url, fake_twilio, keyring, clock) as (ctx, dispatcher):
        await enqueue(ctx, "first", person=True)
        fake_twilio.fail_next(400, code=21610)
        await dispatcher.run_once()
    (person,) = await rows(sqlite_url, Person)
    assert person.status == "stopped"
    assert person.unreachable_code == 21610
    (row,) = await rows(sqlite_url, OutboxMessage)
    assert (row.status, row.failure_reason) == ("failed", "opted_out")


@pytest.mark.parametrize(("code", "reason"), [(21211, "invalid_number"), (21614, "not_mobile")])
async def test_invalid_number_is_final(
    sqlite_url: str,
    fake_twilio: FakeTwilio,
    keyring: Keyring,
    clock: ManualClock,
    code: int,
    reason: str,
) -> None:
    """Invalid or non-mobile numbers fail once, with the reason, and are not retried."""
    async with dispatcher_for(sqlite_url, fake_twilio, keyring, clock) as (ctx, dispatcher):
        await enqueue(ctx, "hi", person=True)
        fake_twilio.fail_next(400, code=code)
        await dispatcher.drain()
        clock.advance(hours=2)
        await dispatcher.drain()
    (row,) = await rows(sqlite_url, OutboxMessage)
    assert (row.status, row.failure_reason, row.error_code) == ("failed", reason, code)
    assert len(fake_twilio.attempts) == 1
    (person,) = await rows(sqlite_url, Person)
    assert person.status == "active"
    assert person.unreachable_code == code


async def test_dispatcher_killed_between_claim_and_send_loses_nothing(
    database_url: str, fake_twilio: FakeTwilio, keyring: Keyring, clock: ManualClock
) -> None:
    """Rows claimed by a dispatcher that died are released after the lease and sent once."""
    async with dispatcher_for(database_url, fake_twilio, keyring, clock) as (ctx, dispatcher):
        await enqueue(ctx, "survives a crash")
        async with ctx.sessions() as session, session.begin():
            claimed = await outbox.claim_due(session, keyring, clock(), 10)
        assert len(claimed) == 1  # ...and the process dies here, before sending
        assert await dispatcher.drain() == 0
        assert await dispatcher.release_stale() == 0  # lease not over yet
        clock.advance(seconds=CLAIM_LEASE.total_seconds() + 1)
        assert await dispatcher.release_stale() == 1
        assert await dispatcher.drain() == 1
    assert [m.body for m in fake_twilio.messages] == ["survives a crash"]


async def test_concurrent_dispatchers_send_each_row_once(
    database_url: str, fake_twilio: FakeTwilio, keyring: Keyring, clock: ManualClock
) -> None:
    """Three dispatchers draining one outbox at once send each of 300 rows exactly once."""
    async with (
        dispatcher_for(database_url, fake_twilio, keyring, clock) as (ctx, first),
        dispatcher_for(database_url, fake_twilio, keyring, clock) as (_, second),
        dispatcher_for(database_url, fake_twilio, keyring, clock) as (_, third),
    ):
        async with ctx.sessions() as session, session.begin():
            for n in range(300):
                outbox.queue_sms(
                    session,
                    keyring,
                    outbox.Recipient(PHONE, "i", None),
                    "t",
                    f"message {n}",
                    outbox.Timing(Priority.BULK, clock()),
                )
        claimed = await asyncio.gather(first.drain(), second.drain(), third.drain())
    assert sum(claimed) == 300
    bodies = [m.body for m in fake_twilio.messages]
    assert sorted(bodies) == sorted(f"message {n}" for n in range(300))


async def test_replies_go_before_bulk_prompts(
    sqlite_url: str, fake_twilio: FakeTwilio, keyring: Keyring, clock: ManualClock
) -> None:
    """A reply queued after bulk prompts is claimed first."""
    async with dispatcher_for(sqlite_url, fake_twilio, keyring, clock) as (ctx, dispatcher):
        async with ctx.sessions() as session, session.begin():
            for n, priority in enumerate([Priority.BULK, Priority.BULK, Priority.REPLY]):
                outbox.queue_sms(
                    session,
                    keyring,
                    outbox.Recipient(PHONE, "i", None),
                    "t",
                    f"m{n}",
                    outbox.Timing(priority, clock()),
                )
        async with ctx.sessions() as session, session.begin():
            first = await outbox.claim_due(session, keyring, clock(), 1)
    assert [c.body for c in first] == ["m2"]
    del dispatcher


async def test_expired_rows_are_not_sent(
    sqlite_url: str, fake_twilio: FakeTwilio, keyring: Keyring, clock: ManualClock
) -> None:
    """A row past its validity window is marked expired instead of being sent late."""
    async with dispatcher_for(sqlite_url, fake_twilio, keyring, clock) as (ctx, dispatcher):
        async with ctx.sessions() as session, session.begin():
            outbox.queue_sms(
                session,
                keyring,
                outbox.Recipient(PHONE, "i", None),
                "t",
                "late",
                outbox.Timing(Priority.BULK, clock(), clock() + timedelta(minutes=5)),
            )
        clock.advance(minutes=6)
        await dispatcher.drain()
    (row,) = await rows(sqlite_url, OutboxMessage)
    assert row.status == "expired"
    assert fake_twilio.attempts == []


async def test_rejected_credentials_keep_the_message_and_blame_no_one(
    sqlite_url: str, fake_twilio: FakeTwilio, keyring: Keyring, clock: ManualClock
) -> None:
    """A 401 (our auth token is wrong) is retried later; the person is not marked unreachable."""
    async with dispatcher_for(sqlite_url, fake_twilio, keyring, clock) as (ctx, dispatcher):
        await enqueue(ctx, "hi", person=True)
        fake_twilio.fail_next(401, code=20003)
        await dispatcher.drain()
        clock.advance(minutes=5)
        await dispatcher.drain()
    (row,) = await rows(sqlite_url, OutboxMessage)
    assert row.status == "sent"
    (person,) = await rows(sqlite_url, Person)
    assert person.unreachable_code is None


async def test_a_row_our_keys_cannot_open_does_not_block_the_others(
    sqlite_url: str, fake_twilio: FakeTwilio, keyring: Keyring, clock: ManualClock
) -> None:
    """One unreadable row (a removed key) is set aside; the messages behind it still go."""
    from companion.crypto.keyring import new_keyring

    async with dispatcher_for(sqlite_url, fake_twilio, keyring, clock) as (ctx, dispatcher):
        stranger = type(ctx)(**{**ctx.__dict__, "keyring": new_keyring()})
        bad = await enqueue(stranger, "sealed under another key")
        good = await enqueue(ctx, "crisis reply")
        await dispatcher.drain()
    by_id = {row.id: row for row in await rows(sqlite_url, OutboxMessage)}
    assert (by_id[bad].status, by_id[bad].failure_reason) == ("failed", "unreadable")
    assert by_id[good].status == "sent"
    assert [m.body for m in fake_twilio.messages] == ["crisis reply"]


async def test_one_persons_messages_arrive_in_the_order_queued(
    sqlite_url: str, fake_twilio: FakeTwilio, keyring: Keyring, clock: ManualClock
) -> None:
    """A re-ask queued before the next question is sent before it, even when sends are slow."""
    async with dispatcher_for(sqlite_url, fake_twilio, keyring, clock) as (ctx, dispatcher):
        async with ctx.sessions() as session, session.begin():
            for n in range(6):
                outbox.queue_sms(
                    session,
                    ctx.keyring,
                    outbox.Recipient(PHONE, "idx", None),
                    "test",
                    f"part {n}",
                    outbox.Timing(Priority.REPLY, ctx.clock()),
                    n,
                )
        fake_twilio.slow(0.02)
        await dispatcher.drain()
    assert [m.body for m in fake_twilio.messages_to(PHONE)] == [f"part {n}" for n in range(6)]


async def test_a_batch_outlasting_its_lease_is_renewed_not_taken_by_another_instance(
    postgres_url: str, fake_twilio: FakeTwilio, keyring: Keyring
) -> None:
    """A-10: while a slow send is under way, another instance's stale sweep leaves it alone."""
    lease = timedelta(seconds=0.6)

    def now() -> datetime:
        return datetime.now(UTC)

    async with (
        dispatcher_for(postgres_url, fake_twilio, keyring, now, claim_lease=lease) as (ctx, slow),
        dispatcher_for(postgres_url, fake_twilio, keyring, now, claim_lease=lease) as (_, other),
    ):
        await enqueue(ctx, "sent once")
        fake_twilio.slow(2.0)  # the API takes three leases to answer
        sending = asyncio.create_task(slow.drain())
        released = 0
        while not sending.done():
            released += await other.release_stale()
            await other.drain()
            await asyncio.sleep(0.1)
        assert await sending == 1
    assert released == 0
    assert [m.body for m in fake_twilio.messages] == ["sent once"]

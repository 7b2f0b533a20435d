"""Reconciliation: a send with no known outcome is looked up at Twilio before any resend.

Real SQLite, the real `twilio` client and the fake Twilio API, on one manual clock.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

import pytest
from aiohttp.test_utils import TestServer
from aiohttp.web import Application

from companion.app import create_app
from companion.context import ServiceContext
from companion.crypto.keyring import Keyring
from companion.db import outbox
from companion.db.connection import create_engine, session_factory
from companion.db.models import OutboxMessage
from companion.db.states import Priority
from companion.i18n.catalog import load_catalog
from companion.metrics import Metrics
from companion.sending.dispatcher import CLAIM_LEASE, MAX_AGE, MAX_ATTEMPTS, Dispatcher
from companion.sending.rate import SendRate
from companion.sms.fake_twilio import FakeTwilio
from companion.sms.gateway import OutboundSms, SmsGateway
from companion.sms.simulator_gateway import SimulatorGateway
from companion.sms.twilio_gateway import TwilioGateway
from tests.conftest import ACCOUNT_SID, AUTH_TOKEN, AppClient, twilio_settings
from tests.support.clock import ManualClock
from tests.support.database import rows
from tests.support.processes import free_port
from tests.support.waiting import eventually
from tests.support.webhooks import post_signed, sms_form

PHONE = "+447700900456"
AFTER_LEASE = CLAIM_LEASE.total_seconds() + 1


@dataclass(frozen=True)
class Rig:
    """A dispatcher wired to the fake, and the gateway it sends through."""

    ctx: ServiceContext
    dispatcher: Dispatcher
    gateway: SmsGateway

    def outcomes(self, outcome: str) -> float:
        """How many sends the dispatcher counted with this outcome."""
        value = self.ctx.metrics.registry.get_sample_value(
            "companion_outbound_messages_total", {"outcome": outcome}
        )
        return value or 0.0


@pytest.fixture
async def fake(clock: ManualClock) -> AsyncIterator[FakeTwilio]:
    """The fake Twilio API on the test's clock, so look-up windows line up."""
    async with FakeTwilio(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN, clock=clock) as api:
        yield api


@asynccontextmanager
async def rig(
    url: str,
    fake: FakeTwilio,
    keyring: Keyring,
    clock: ManualClock,
    gateway: SmsGateway | None = None,
) -> AsyncIterator[Rig]:
    engine = create_engine(url)
    settings = twilio_settings(url, fake)
    assert settings.twilio is not None
    chosen = gateway or TwilioGateway(settings.twilio, timeout=0.5)
    ctx = ServiceContext(
        session_factory(engine), keyring, load_catalog(), clock, Metrics(), lambda: None
    )
    try:
        yield Rig(ctx, Dispatcher(ctx, chosen, SendRate(1000), None, asyncio.Event()), chosen)
    finally:
        await chosen.close()
        await engine.dispose()


async def enqueue(ctx: ServiceContext, body: str, *, valid_until: datetime | None = None) -> str:
    async with ctx.sessions() as session, session.begin():
        row = outbox.queue_sms(
            session,
            ctx.keyring,
            outbox.Recipient(PHONE, "idx", None),
            "test",
            body,
            outbox.Timing(Priority.REPLY, ctx.clock(), valid_until),
        )
    return row.id


async def strand(ctx: ServiceContext) -> list[outbox.ClaimedSms]:
    """Claim every due row as a dispatcher does, then 'die': nothing is recorded."""
    async with ctx.sessions() as session, session.begin():
        return await outbox.claim_due(session, ctx.keyring, ctx.clock(), 50)


async def release_after_lease(setup: Rig, clock: ManualClock, expected: int = 1) -> None:
    clock.advance(seconds=AFTER_LEASE)
    assert await setup.dispatcher.release_stale() == expected


async def only_row(url: str) -> OutboxMessage:
    (row,) = await rows(url, OutboxMessage)
    return row  # type: ignore[no-any-return]


async def test_send_lost_in_a_crash_is_found_at_twilio_not_sent_again(
    database_url: str, fake: FakeTwilio, keyring: Keyring, clock: ManualClock
) -> None:
    """Twilio took the message, the process died before recording it: the SID is looked up."""
    async with rig(database_url, fake, keyring, clock) as setup:
        await enqueue(setup.ctx, "how was your sleep?")
        (claim,) = await strand(setup.ctx)
        await setup.gateway.send(OutboundSms(PHONE, claim.body))  # its last act
        await release_after_lease(setup, clock)
        (released,) = await rows(database_url, OutboxMessage)
        assert (released.status, released.failure_reason) == ("pending", "unconfirmed")
        assert await setup.dispatcher.drain() == 1
        assert setup.outcomes("reconciled") == 1
    assert [m.body for m in fake.messages] == ["how was your sleep?"]
    assert [lookup.query["To"] for lookup in fake.lookups] == [PHONE]
    row = await only_row(database_url)
    assert (row.status, row.twilio_sid, row.failure_reason) == ("sent", fake.messages[0].sid, None)


async def test_row_stranded_before_its_post_is_looked_up_then_sent_once(
    sqlite_url: str, fake: FakeTwilio, keyring: Keyring, clock: ManualClock
) -> None:
    """The process died between claim and POST: the look-up finds nothing, so it is sent."""
    async with rig(sqlite_url, fake, keyring, clock) as setup:
        await enqueue(setup.ctx, "morning check-in")
        await strand(setup.ctx)
        await release_after_lease(setup, clock)
        assert await setup.dispatcher.drain() == 1
    assert len(fake.lookups) == 1
    assert [m.body for m in fake.messages] == ["morning check-in"]
    row = await only_row(sqlite_url)
    assert (row.status, row.twilio_sid) == ("sent", fake.messages[0].sid)


@pytest.mark.parametrize("fault", ["timeout", "reset"])
async def test_answer_lost_after_twilio_took_it_is_reconciled_not_resent(
    sqlite_url: str, fake: FakeTwilio, keyring: Keyring, clock: ManualClock, fault: str
) -> None:
    """A timeout or dropped connection after Twilio accepted: the retry finds it, no resend."""
    async with rig(sqlite_url, fake, keyring, clock) as setup:
        await enqueue(setup.ctx, "did you take a walk?")
        if fault == "timeout":
            fake.hang_next(2.0, accept=True)
        else:
            fake.reset_next(accept=True)
        await setup.dispatcher.drain()
        row = await only_row(sqlite_url)
        assert (row.status, row.failure_reason) == ("pending", "unconfirmed")
        clock.advance(minutes=1)
        assert await setup.dispatcher.drain() == 1
    assert len(fake.messages) == 1
    assert len(fake.attempts) == 1  # one POST in all
    row = await only_row(sqlite_url)
    assert (row.status, row.twilio_sid) == ("sent", fake.messages[0].sid)


@pytest.mark.parametrize("fault", ["timeout", "reset"])
async def test_answer_lost_before_twilio_took_it_is_sent_after_the_lookup(
    sqlite_url: str, fake: FakeTwilio, keyring: Keyring, clock: ManualClock, fault: str
) -> None:
    """A timeout or reset where Twilio kept nothing: one look-up, then one real send."""
    async with rig(sqlite_url, fake, keyring, clock) as setup:
        await enqueue(setup.ctx, "hello")
        if fault == "timeout":
            fake.hang_next(2.0)
        else:
            fake.reset_next()
        await setup.dispatcher.drain()
        clock.advance(minutes=1)
        await setup.dispatcher.drain()
    assert len(fake.lookups) == 1
    assert [m.body for m in fake.messages] == ["hello"]
    assert [attempt.status for attempt in fake.attempts] == [None, 201]


async def test_refused_connection_is_retried_without_a_lookup(
    sqlite_url: str, fake: FakeTwilio, keyring: Keyring, clock: ManualClock
) -> None:
    """Nothing listening (connection refused) cannot have sent anything: no look-up needed."""
    settings = twilio_settings(sqlite_url, fake)
    assert settings.twilio is not None
    nowhere = replace(settings.twilio, api_base_url=f"http://127.0.0.1:{free_port()}")
    async with rig(sqlite_url, fake, keyring, clock, TwilioGateway(nowhere, 0.5)) as setup:
        await enqueue(setup.ctx, "hello")
        await setup.dispatcher.drain()
    row = await only_row(sqlite_url)
    assert (row.status, row.attempts, row.failure_reason) == ("pending", 1, None)


async def test_lookup_skips_a_message_another_row_already_holds(
    sqlite_url: str, fake: FakeTwilio, keyring: Keyring, clock: ManualClock
) -> None:
    """The same text sent on purpose twice: a stranded copy is not matched to the first SID."""
    async with rig(sqlite_url, fake, keyring, clock) as setup:
        await enqueue(setup.ctx, "Please reply with a number from 0 to 10.")
        assert await setup.dispatcher.drain() == 1  # sent and recorded
        clock.advance(seconds=30)
        await enqueue(setup.ctx, "Please reply with a number from 0 to 10.")
        await strand(setup.ctx)
        await release_after_lease(setup, clock)
        assert await setup.dispatcher.drain() == 1
    assert len(fake.lookups) == 1
    assert len(fake.messages) == 2
    sids = {row.twilio_sid for row in await rows(sqlite_url, OutboxMessage)}
    assert sids == {message.sid for message in fake.messages}


async def test_lookup_ignores_the_same_text_sent_before_the_row_was_queued(
    sqlite_url: str, fake: FakeTwilio, keyring: Keyring, clock: ManualClock
) -> None:
    """An identical message from earlier that day is not taken for this row's send."""
    async with rig(sqlite_url, fake, keyring, clock) as setup:
        await setup.gateway.send(OutboundSms(PHONE, "Thanks, noted."))  # no row holds it
        clock.advance(hours=1)
        await enqueue(setup.ctx, "Thanks, noted.")
        await strand(setup.ctx)
        await release_after_lease(setup, clock)
        await setup.dispatcher.drain()
    assert len(fake.lookups) == 1
    assert fake.lookups[0].query["DateSent>"].startswith(clock().date().isoformat())
    assert len(fake.messages) == 2
    row = await only_row(sqlite_url)
    assert row.twilio_sid == fake.messages[1].sid


async def test_failed_lookup_retries_later_without_sending(
    sqlite_url: str, fake: FakeTwilio, keyring: Keyring, clock: ManualClock
) -> None:
    """If Twilio cannot be asked (500), nothing is sent; the row waits, still unconfirmed."""
    async with rig(sqlite_url, fake, keyring, clock) as setup:
        await enqueue(setup.ctx, "evening check-in")
        await strand(setup.ctx)
        await release_after_lease(setup, clock)
        fake.fail_lookups_next(500)
        await setup.dispatcher.drain()
        row = await only_row(sqlite_url)
        assert (row.status, row.failure_reason, row.attempts) == ("pending", "unconfirmed", 1)
        assert fake.attempts == []
        clock.advance(minutes=1)
        await setup.dispatcher.drain()
    assert len(fake.lookups) == 2
    assert [m.body for m in fake.messages] == ["evening check-in"]


async def test_refused_lookup_sends_rather_than_lose_the_message(
    sqlite_url: str, fake: FakeTwilio, keyring: Keyring, clock: ManualClock
) -> None:
    """An API key that may not list messages (403): send anyway; a duplicate beats a loss."""
    async with rig(sqlite_url, fake, keyring, clock) as setup:
        await enqueue(setup.ctx, "evening check-in")
        await strand(setup.ctx)
        await release_after_lease(setup, clock)
        fake.fail_lookups_next(403)
        assert await setup.dispatcher.drain() == 1
    assert [m.body for m in fake.messages] == ["evening check-in"]
    assert (await only_row(sqlite_url)).status == "sent"


async def test_rows_older_than_max_age_expire_unsent(
    sqlite_url: str, fake: FakeTwilio, keyring: Keyring, clock: ManualClock
) -> None:
    """A row queued more than MAX_AGE ago expires; a younger one still goes."""
    async with rig(sqlite_url, fake, keyring, clock) as setup:
        old = await enqueue(setup.ctx, "yesterday's news")
        clock.advance(hours=2)
        young = await enqueue(setup.ctx, "still fresh")
        clock.advance(seconds=MAX_AGE.total_seconds() - 2 * 3600 + 60)
        await setup.dispatcher.drain()
    by_id = {row.id: row for row in await rows(sqlite_url, OutboxMessage)}
    assert (by_id[old].status, by_id[old].failure_reason) == ("expired", "max_age")
    assert by_id[young].status == "sent"
    assert [m.body for m in fake.messages] == ["still fresh"]


async def test_stranded_row_past_its_window_that_twilio_took_is_recorded_sent(
    sqlite_url: str, fake: FakeTwilio, keyring: Keyring, clock: ManualClock
) -> None:
    """The look-up comes before the expiry check: a row that did go out says so."""
    async with rig(sqlite_url, fake, keyring, clock) as setup:
        await enqueue(setup.ctx, "check-in", valid_until=clock() + timedelta(minutes=1))
        (claim,) = await strand(setup.ctx)
        await setup.gateway.send(OutboundSms(PHONE, claim.body))
        await release_after_lease(setup, clock)  # now past valid_until
        await setup.dispatcher.drain()
    row = await only_row(sqlite_url)
    assert (row.status, row.twilio_sid) == ("sent", fake.messages[0].sid)


async def test_sends_that_keep_dropping_stop_at_max_attempts(
    sqlite_url: str, fake: FakeTwilio, keyring: Keyring, clock: ManualClock
) -> None:
    """Look-ups do not make retries endless: MAX_ATTEMPTS POSTs, then the row fails."""
    async with rig(sqlite_url, fake, keyring, clock) as setup:
        await enqueue(setup.ctx, "hi")
        fake.reset_next(times=MAX_ATTEMPTS + 5)
        for _ in range(MAX_ATTEMPTS + 3):
            await setup.dispatcher.drain()
            clock.advance(minutes=31)
    row = await only_row(sqlite_url)
    assert (row.status, row.failure_reason, row.attempts) == (
        "failed",
        "retries_exhausted",
        MAX_ATTEMPTS,
    )
    assert len(fake.attempts) == MAX_ATTEMPTS
    assert len(fake.lookups) == MAX_ATTEMPTS - 1
    assert fake.messages == []


async def test_simulator_finds_what_it_delivered_before_the_crash(
    sqlite_url: str, fake: FakeTwilio, keyring: Keyring, clock: ManualClock
) -> None:
    """The simulator gateway reconciles from its own record, like Twilio's list."""
    simulator = SimulatorGateway(clock)
    async with rig(sqlite_url, fake, keyring, clock, simulator) as setup:
        await enqueue(setup.ctx, "hello from the simulator")
        (claim,) = await strand(setup.ctx)
        receipt = await simulator.send(OutboundSms(PHONE, claim.body))
        await release_after_lease(setup, clock)
        await setup.dispatcher.drain()
    assert [m.body for m in simulator.inbox(PHONE)] == ["hello from the simulator"]
    assert (await only_row(sqlite_url)).twilio_sid == receipt.sid


@pytest.mark.parametrize(("status", "code"), [("undelivered", 30003), ("failed", 30008)])
async def test_accepted_then_reported_failed_is_recorded_and_not_resent(
    aiohttp_client: Callable[[TestServer], asyncio.Future[AppClient]],
    sqlite_url: str,
    fake: FakeTwilio,
    keyring: Keyring,
    clock: ManualClock,
    status: str,
    code: int,
) -> None:
    """Twilio took the reply, then called back undelivered/failed: recorded with the code."""
    port = free_port()
    public = f"http://127.0.0.1:{port}"
    settings = twilio_settings(sqlite_url, fake, PUBLIC_BASE_URL=public)
    app: Application = create_app(settings, clock=clock, keyring=keyring, sweep_at_start=False)
    client = await aiohttp_client(TestServer(app, host="127.0.0.1", port=port))
    fake.report_next(status, code, delay=0.5)
    form = sms_form(PHONE, "JOIN")
    assert (
        await post_signed(
            client, "/twilio/sms", form, auth_token=AUTH_TOKEN, public_base_url=public
        )
        == 200
    )
    await eventually(lambda: len(fake.callbacks) == 1)
    assert fake.callbacks[0].answered == 204
    (row,) = await rows(sqlite_url, OutboxMessage)
    assert (row.status, row.delivery_status, row.error_code) == ("sent", status, code)
    assert row.twilio_sid == fake.messages[0].sid
    assert len(fake.messages) == 1

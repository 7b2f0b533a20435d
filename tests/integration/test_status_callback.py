"""Delivery status callbacks move the outbox row forward; unknown ones are acknowledged."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable

from aiohttp.web import Application

from companion.app import create_app
from companion.crypto.keyring import Keyring
from companion.db.models import DeliveryReport, OutboxMessage
from companion.sms.fake_twilio import FakeTwilio
from tests.conftest import AUTH_TOKEN, PUBLIC_BASE_URL, AppClient, twilio_settings
from tests.support.clock import ManualClock
from tests.support.database import rows
from tests.support.waiting import eventually, eventually_true
from tests.support.webhooks import post_signed, sms_form

PHONE = "+447700900777"


async def status(client: AppClient, sid: str, value: str, error: str | None = None) -> int:
    form = {"MessageSid": sid, "SmsSid": sid, "MessageStatus": value, "AccountSid": "AC" + "0" * 32}
    if error:
        form["ErrorCode"] = error
    return await post_signed(
        client, "/twilio/status", form, auth_token=AUTH_TOKEN, public_base_url=PUBLIC_BASE_URL
    )


def url(client: AppClient) -> str:
    from companion.web.keys import SETTINGS

    return client.app[SETTINGS].database_url


async def join(client: AppClient) -> None:
    """JOIN from PHONE through the signed webhook (its welcome is what gets reported on)."""
    await post_signed(
        client,
        "/twilio/sms",
        sms_form(PHONE, "JOIN"),
        auth_token=AUTH_TOKEN,
        public_base_url=PUBLIC_BASE_URL,
    )


async def sent_sid(client: AppClient, fake: FakeTwilio) -> str:
    await join(client)
    await eventually(lambda: len(fake.messages_to(PHONE)) == 1)
    sid = fake.messages_to(PHONE)[0].sid

    async def stored() -> bool:
        return any(r.twilio_sid == sid for r in await rows(url(client), OutboxMessage))

    for _ in range(200):
        if await stored():
            break
        await asyncio.sleep(0.01)
    return sid


async def test_delivered_is_recorded(twilio_client: AppClient, fake_twilio: FakeTwilio) -> None:
    """A signed 'delivered' callback sets the row's delivery status."""
    sid = await sent_sid(twilio_client, fake_twilio)

    async def recorded() -> str | None:
        (row,) = await rows(url(twilio_client), OutboxMessage)
        return row.delivery_status

    assert await status(twilio_client, sid, "sent") == 204
    assert await status(twilio_client, sid, "delivered") == 204
    assert await recorded() == "delivered"
    assert await status(twilio_client, sid, "sent") == 204  # late, out of order
    assert await recorded() == "delivered"


async def test_undelivered_keeps_the_error_code(
    twilio_client: AppClient, fake_twilio: FakeTwilio
) -> None:
    """An 'undelivered' callback records Twilio's error code."""
    sid = await sent_sid(twilio_client, fake_twilio)
    assert await status(twilio_client, sid, "undelivered", "30003") == 204
    (row,) = await rows(url(twilio_client), OutboxMessage)
    assert (row.delivery_status, row.error_code) == ("undelivered", 30003)


async def test_unknown_sid_is_acknowledged(twilio_client: AppClient) -> None:
    """A callback for a SID we never sent is acknowledged (Twilio must not retry it)."""
    assert await status(twilio_client, "SM" + "9" * 32, "delivered") == 204


async def test_unsigned_callback_is_refused(twilio_client: AppClient) -> None:
    """A status callback without a valid signature gets 403."""
    response = await twilio_client.post(
        "/twilio/status", data={"MessageSid": "SMx", "MessageStatus": "delivered"}
    )
    assert response.status == 403


async def test_a_report_that_overtakes_its_own_send_is_still_recorded(
    twilio_client_each_db: AppClient, fake_twilio: FakeTwilio
) -> None:
    """Outcomes are written a batch at a time; a report arriving first is not dropped."""
    fake_twilio.report_next("delivered", None, delay=0.0)
    fake_twilio.callback_origin = str(twilio_client_each_db.make_url("/")).rstrip("/")
    await join(twilio_client_each_db)
    await eventually(lambda: len(fake_twilio.callbacks) == 1)
    assert fake_twilio.callbacks[0].answered == 204
    (row,) = await rows(url(twilio_client_each_db), OutboxMessage)
    assert (row.twilio_sid, row.delivery_status) == (fake_twilio.callbacks[0].sid, "delivered")


async def test_a_report_is_kept_while_its_send_outcome_waits_for_the_database(
    twilio_client: AppClient, fake_twilio: FakeTwilio
) -> None:
    """The outcome write is held up (another writer has SQLite); the report waits for it."""
    fake_twilio.report_next("delivered", None, delay=0.0)
    fake_twilio.callback_origin = str(twilio_client.make_url("/")).rstrip("/")
    fake_twilio.slow(0.5, accept_first=True)  # taken (and reported) at once, answered later
    await join(twilio_client)
    await eventually(lambda: len(fake_twilio.messages) == 1)
    # No busy timeout: SQLite's busy handler would sleep in the event loop, and the app
    # (whose write we wait for) could not finish it. Retry between turns of the loop.
    other = sqlite3.connect(url(twilio_client).split("///", 1)[1], 0, isolation_level=None)
    while True:
        try:
            other.execute("BEGIN IMMEDIATE")
            break
        except sqlite3.OperationalError:
            await asyncio.sleep(0.005)
    try:
        await asyncio.sleep(1.5)
    finally:
        other.execute("ROLLBACK")
        other.close()
    await eventually(lambda: len(fake_twilio.callbacks) == 1)
    # The report was kept; it is applied once the outcome it waited for is written.
    sid = fake_twilio.callbacks[0].sid

    async def recorded() -> bool:
        (row,) = await rows(url(twilio_client), OutboxMessage)
        return (row.twilio_sid, row.delivery_status) == (sid, "delivered")

    await eventually_true(recorded)


async def test_a_report_reaching_another_instance_first_is_kept_and_applied(
    aiohttp_client: Callable[[Application], asyncio.Future[AppClient]],
    twilio_client_each_db: AppClient,
    fake_twilio: FakeTwilio,
    keyring: Keyring,
    clock: ManualClock,
) -> None:
    """Behind a proxy: instance B gets the report before instance A records the send."""
    sender = twilio_client_each_db
    database = url(sender)
    other = await aiohttp_client(
        create_app(
            twilio_settings(database, fake_twilio),
            clock=clock,
            keyring=keyring,
            sweep_at_start=False,
        )
    )
    fake_twilio.report_next("delivered", None, delay=0.0)
    fake_twilio.callback_origin = str(other.make_url("/")).rstrip("/")
    fake_twilio.slow(0.5, accept_first=True)  # taken and reported at once, answered later
    await join(sender)
    await eventually(lambda: len(fake_twilio.callbacks) == 1)
    assert fake_twilio.callbacks[0].answered == 204
    (row,) = await rows(database, OutboxMessage)
    assert row.twilio_sid is None  # the report overtook the send's outcome
    (kept,) = await rows(database, DeliveryReport)
    assert (kept.sid, kept.status) == (fake_twilio.callbacks[0].sid, "delivered")

    for _ in range(300):  # A's 201 comes after 0.5 s; its outcome write applies the report
        (row,) = await rows(database, OutboxMessage)
        if row.twilio_sid is not None:
            break
        await asyncio.sleep(0.01)
    assert await rows(database, DeliveryReport) == []
    assert row.delivery_status == "delivered"
    assert row.twilio_sid == fake_twilio.callbacks[0].sid

"""TALK requests in the portal: top of the caseload, flagged overdue on time, done, guarded."""

from __future__ import annotations

import asyncio
import re
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from aiohttp.web import Application

from companion.app import create_app
from companion.config import load_settings
from companion.crypto.keyring import Keyring
from companion.crypto.sealing import unseal
from companion.db.models import TalkRequest
from companion.db.sealed import TALK_REPLY_NOTE
from companion.db.states import TalkStatus
from companion.texting.inbound import InboundSms, handle_inbound
from companion.web.keys import CONTEXT
from tests.conftest import AppClient
from tests.support.clock import ManualClock
from tests.support.portal import (
    audit_entries,
    csrf_of,
    enrolled_coordinator,
    log_in,
    person_sharing,
)

Client = Callable[[Application], asyncio.Future[AppClient]]
PHONE = "+447700900123"
FRIDAY_3PM = datetime(2026, 6, 5, 14, 0, tzinfo=UTC)  # 15:00 in London (BST)
_OVERDUE_GAUGE = re.compile(r"^companion_talk_requests_overdue (\S+)$", re.MULTILINE)


@pytest.fixture
async def client(
    aiohttp_client: Client, sqlite_url: str, keyring: Keyring, clock: ManualClock
) -> AppClient:
    """The real app (simulator mode, plain http) on a fresh SQLite file, on a Friday."""
    clock.now = FRIDAY_3PM
    settings = load_settings({"DATABASE_URL": sqlite_url, "COMPANION_MODE": "simulator"})
    return await aiohttp_client(create_app(settings, clock=clock, keyring=keyring))


async def overdue_gauge(client: AppClient) -> float:
    """What /metrics says about overdue requests now."""
    found = _OVERDUE_GAUGE.search(await (await client.get("/metrics")).text())
    assert found is not None
    return float(found.group(1))


async def test_an_unanswered_request_is_flagged_overdue_only_after_the_working_days_promised(
    client: AppClient, keyring: Keyring, clock: ManualClock
) -> None:
    """Friday 15:00 + 2 working days is Tuesday 15:00: not overdue on Monday, overdue after."""
    ctx = client.app[CONTEXT]
    sam = await enrolled_coordinator(ctx.sessions, keyring, clock())
    await person_sharing(ctx.sessions, keyring, sam.id, clock(), phone=PHONE, name="Alex")
    await handle_inbound(ctx, InboundSms("SM" + uuid.uuid4().hex, PHONE, "TALK please"))
    clock.now = datetime(2026, 6, 8, 15, 0, tzinfo=UTC)  # Monday 16:00 London: a weekend later
    assert (await log_in(client, sam, clock())).status == 303
    page = await (await client.get("/portal/people")).text()
    talk_at, people_at = page.index("Asked to get in touch (1)"), page.index("People sharing")
    assert talk_at < people_at  # above the people list
    assert "TALK please" in page
    assert "Asked to be contacted: 1 open request." in page  # the caseload row's reason too
    assert "Overdue" not in page
    assert await overdue_gauge(client) == 0
    clock.now = datetime(2026, 6, 9, 14, 1, tzinfo=UTC)  # Tuesday 15:01 London
    assert (await log_in(client, sam, clock())).status == 303  # the session timed out
    page = await (await client.get("/portal/people")).text()
    assert "Overdue" in page
    assert "expect contact by 9 Jun 2026, 15:00" in page
    assert await overdue_gauge(client) == 1


async def test_reply_and_done_need_csrf_and_the_right_coordinator_then_clear_the_request(
    client: AppClient, keyring: Keyring, clock: ManualClock
) -> None:
    """Only Sam, with the CSRF token, can reply (a known template, note cut to 300) and close it."""
    ctx = client.app[CONTEXT]
    sam = await enrolled_coordinator(ctx.sessions, keyring, clock())
    jo = await enrolled_coordinator(
        ctx.sessions, keyring, clock(), email="jo@south.example", name="Jo Ade", team="South"
    )
    await person_sharing(ctx.sessions, keyring, sam.id, clock(), phone=PHONE, name="Alex")
    await handle_inbound(ctx, InboundSms("SM" + uuid.uuid4().hex, PHONE, "can someone call me"))
    async with ctx.sessions() as session:
        (request_id,) = await session.scalars(
            TalkRequest.__table__.select().with_only_columns(TalkRequest.id)
        )
    clock.advance(seconds=30)
    assert (await log_in(client, jo, clock())).status == 303
    jo_page = await (await client.get("/portal/people")).text()
    assert "Nobody is waiting to hear from you" in jo_page
    done = f"/portal/talk/{request_id}/done"
    refused = await client.post(done, data={"csrf": csrf_of(jo_page)}, allow_redirects=False)
    assert refused.headers["Location"].startswith("/portal/people?talk=not_found")
    await client.post("/portal/logout", data={"csrf": csrf_of(jo_page)})
    clock.advance(seconds=30)
    assert (await log_in(client, sam, clock())).status == 303
    page = await (await client.get("/portal/people")).text()
    assert (await client.post(done, data={}, allow_redirects=False)).status == 403
    answer = f"/portal/talk/{request_id}/reply"
    odd = {"csrf": csrf_of(page), "template": "anything", "note": "hi"}
    refused = await client.post(answer, data=odd, allow_redirects=False)
    assert refused.headers["Location"].startswith("/portal/people?talk=invalid")
    long = {"csrf": csrf_of(page), "template": "callback", "note": "x" * 1000}
    queued = await client.post(answer, data=long, allow_redirects=False)
    assert queued.headers["Location"].startswith("/portal/people?talk=queued")
    async with ctx.sessions() as session:
        request = await session.get(TalkRequest, request_id)
        assert request is not None
        assert request.reply_note is not None
        note = unseal(keyring, request.reply_note, TALK_REPLY_NOTE.bound_to(request_id))
    assert note == "x" * 300  # cut to the promised length
    replies = [e.outcome for e in await audit_entries(ctx.sessions, "talk_reply")]
    assert replies == ["invalid", "queued"]
    closed = await client.post(done, data={"csrf": csrf_of(page)}, allow_redirects=False)
    assert closed.headers["Location"].startswith("/portal/people?talk=done")
    async with ctx.sessions() as session:
        request = await session.get(TalkRequest, request_id)
        assert request is not None
        assert request.status is TalkStatus.DONE
    after = await (await client.get("/portal/people")).text()
    assert "can someone call me" not in after
    outcomes = [e.outcome for e in await audit_entries(ctx.sessions, "talk_done")]
    assert outcomes == ["not_found", "done"]
    assert clock() - FRIDAY_3PM < timedelta(minutes=5)

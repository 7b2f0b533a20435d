"""/readyz and the operator metrics the alert rules read, through the real app."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime

from aiohttp.web import Application
from sqlalchemy import text, update

from companion.app import create_app
from companion.config import load_settings
from companion.crypto.keyring import Keyring
from companion.db.connection import create_engine, session_factory
from companion.db.models import AuditEntry
from companion.records.audit import KEYRING_INFO, record
from companion.web.keys import DISPATCHER
from tests.conftest import AUTH_TOKEN, PUBLIC_BASE_URL, AppClient
from tests.support.clock import ManualClock
from tests.support.waiting import eventually
from tests.support.webhooks import post_signed, sms_form


async def test_readyz_names_each_reason_an_instance_cannot_take_traffic(
    twilio_client: AppClient, clock: ManualClock, sqlite_url: str
) -> None:
    """Ready when all is well; 503 with codes for old schema, stopped dispatcher, late replies."""
    response = await twilio_client.get("/readyz")
    assert response.status == 200
    assert await response.json() == {"status": "ready"}

    dispatcher = twilio_client.app[DISPATCHER]
    dispatcher.stop()
    await eventually(lambda: not dispatcher.alive)
    form = sms_form("+447700900123", "JOIN")
    await post_signed(
        twilio_client, "/twilio/sms", form, auth_token=AUTH_TOKEN, public_base_url=PUBLIC_BASE_URL
    )
    clock.advance(minutes=3)  # the welcome reply has waited past the limit
    engine = create_engine(sqlite_url)
    async with engine.begin() as connection:
        await connection.execute(text("UPDATE alembic_version SET version_num = '0001'"))
    await engine.dispose()

    response = await twilio_client.get("/readyz")
    assert response.status == 503
    assert await response.json() == {
        "status": "not_ready",
        "reasons": ["migrations_not_current", "replies_lagging", "dispatcher_stopped"],
    }


async def test_metrics_report_a_broken_audit_trail_and_sweeps_on_time(
    aiohttp_client: Callable[[Application], asyncio.Future[AppClient]],
    sqlite_url: str,
    keyring: Keyring,
    clock: ManualClock,
) -> None:
    """The start-up audit check sets companion_audit_chain_intact 0 for an edited trail."""
    engine = create_engine(sqlite_url)
    sessions = session_factory(engine)
    sessions.configure(info={KEYRING_INFO: keyring})
    async with sessions() as session, session.begin():
        await record(session, actor="operator", action="export", outcome="done", now=clock())
    async with sessions() as session, session.begin():
        await session.execute(update(AuditEntry).values(outcome="refused"))  # edited behind us
    await engine.dispose()
    settings = load_settings({"DATABASE_URL": sqlite_url, "COMPANION_MODE": "simulator"})
    client = await aiohttp_client(create_app(settings, clock=clock, keyring=keyring))

    async def exposition() -> str:
        return await (await client.get("/metrics")).text()

    started = datetime.now(UTC).timestamp()
    for _ in range(500):
        if "companion_audit_chain_intact 0.0" in await exposition():
            break
        await asyncio.sleep(0.02)
    lines = (await exposition()).splitlines()
    assert "companion_audit_chain_intact 0.0" in lines
    assert 'companion_outbound_messages_total{outcome="gave_up"} 0.0' in lines
    success = [ln for ln in lines if ln.startswith("companion_sweep_last_success_timestamp")]
    assert {ln.split('"')[1] for ln in success} >= {"due-sweep", "summary-sweep", "retention"}
    assert all(float(ln.split()[-1]) >= started - 60 for ln in success)

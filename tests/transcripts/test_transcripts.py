"""Every golden transcript, played through the service core and through the signed webhook."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from aiohttp.web import Application
from sqlalchemy import func, select

from companion.app import create_app
from companion.config import load_settings
from companion.context import standalone_context
from companion.crypto.keyring import Keyring, format_keyring
from companion.db.models import OutboxMessage
from companion.sending.dispatcher import Dispatcher
from companion.sending.rate import SendRate
from companion.sms.fake_twilio import FakeTwilio
from companion.sms.simulator_gateway import SimulatorGateway
from companion.texting.inbound import InboundSms, handle_inbound
from companion.web.keys import CONTEXT
from tests.conftest import AUTH_TOKEN, PUBLIC_BASE_URL, AppClient, twilio_settings
from tests.support.clock import ManualClock
from tests.support.prompts import prompt
from tests.support.transcript import UPDATE, Phone, play
from tests.support.webhooks import post_signed, sms_form

PHONE = "+447700900123"
TRANSCRIPTS = sorted(Path(__file__).parent.glob("*.txt"))


@asynccontextmanager
async def core_phone(url: str, keyring: Keyring, clock: ManualClock) -> AsyncIterator[Phone]:
    """The path `companion chat` takes: inbound service, outbox, simulator gateway."""
    settings = load_settings(
        {
            "DATABASE_URL": url,
            "COMPANION_MODE": "simulator",
            "COMPANION_DATA_KEYS": format_keyring(keyring),
        }
    )
    gateway = SimulatorGateway()
    async with standalone_context(settings, clock=clock) as ctx:
        dispatcher = Dispatcher(ctx, gateway, SendRate(1000), None, asyncio.Event())
        seen = 0

        async def send(text: str) -> None:
            await handle_inbound(ctx, InboundSms("SM" + uuid.uuid4().hex, PHONE, text))

        async def replies() -> list[str]:
            nonlocal seen
            await dispatcher.drain()
            bodies = [m.body for m in gateway.inbox(PHONE)[seen:]]
            seen += len(bodies)
            return bodies

        async def start_flow(flow_id: str) -> bool:
            return await prompt(ctx, PHONE, flow_id)

        yield Phone(send, replies, start_flow)


@asynccontextmanager
async def webhook_phone(client: AppClient, fake: FakeTwilio) -> AsyncIterator[Phone]:
    """The path a real phone takes: signed webhook in, real Twilio client out."""
    ctx = client.app[CONTEXT]
    seen = 0

    async def send(text: str) -> None:
        form = sms_form(PHONE, text)
        status = await post_signed(
            client, "/twilio/sms", form, auth_token=AUTH_TOKEN, public_base_url=PUBLIC_BASE_URL
        )
        assert status == 200

    async def replies() -> list[str]:
        nonlocal seen
        for _ in range(500):
            async with ctx.sessions() as session:
                waiting = await session.scalar(
                    select(func.count())
                    .select_from(OutboxMessage)
                    .where(OutboxMessage.status.in_(("pending", "sending")))
                )
            if waiting == 0:
                break
            await asyncio.sleep(0.01)
        bodies = [m.body for m in fake.messages_to(PHONE)[seen:]]
        seen += len(bodies)
        return bodies

    async def start_flow(flow_id: str) -> bool:
        return await prompt(ctx, PHONE, flow_id)

    yield Phone(send, replies, start_flow)


@pytest.mark.parametrize("path", TRANSCRIPTS, ids=[p.stem for p in TRANSCRIPTS])
async def test_transcript_through_the_service_core(
    path: Path, sqlite_url: str, keyring: Keyring, clock: ManualClock
) -> None:
    """The conversation goes exactly as the transcript says (the `companion chat` path)."""
    async with core_phone(sqlite_url, keyring, clock) as phone:
        expected, actual = await play(path, phone, clock)
    assert UPDATE or actual == expected


@pytest.mark.parametrize("path", TRANSCRIPTS, ids=[p.stem for p in TRANSCRIPTS])
async def test_transcript_through_the_signed_webhook(
    path: Path,
    aiohttp_client: Callable[[Application], asyncio.Future[AppClient]],
    sqlite_url: str,
    fake_twilio: FakeTwilio,
    keyring: Keyring,
    clock: ManualClock,
) -> None:
    """The same conversation through Twilio's webhook and the real Twilio client."""
    if UPDATE:
        pytest.skip("transcripts are rewritten from the service-core run")
    app = create_app(
        twilio_settings(sqlite_url, fake_twilio), clock=clock, keyring=keyring, sweep_at_start=False
    )
    client = await aiohttp_client(app)
    async with webhook_phone(client, fake_twilio) as phone:
        expected, actual = await play(path, phone, clock)
    assert actual == expected


def test_there_is_a_transcript_for_every_flow_and_command() -> None:
    """Each flow and each command appears in at least one transcript."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in TRANSCRIPTS).upper()
    flows = [p.stem.upper() for p in (Path(__file__).parents[2] / "flows").glob("*.toml")]
    started_by_command = {"DELETE-ME": "> DELETE ME"}
    for flow in flows:
        marker = started_by_command.get(flow, f"! {flow}")
        assert marker in text, f"no transcript starts the {flow} flow"
    for word in ("LOG", "SKIP", "WEIGHT", "BP", "SIDE", "MEDS CHANGED", "GOAL", "TIPS", "TIME"):
        assert f"> {word}" in text, f"no transcript uses {word}"
    for word in ("PAUSE", "RESUME", "NAME", "LANGUAGE", "BOROUGH", "MY WEEK", "MENU", "STOP"):
        assert f"> {word}" in text, f"no transcript uses {word}"
    for word in ("REMIND", "APPT", "MY DATA", "DELETE ME"):
        assert f"> {word}" in text, f"no transcript uses {word}"

"""A service context and a dispatcher the test drains by hand, sending to the fake Twilio."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime, timedelta

from companion.context import ServiceContext
from companion.crypto.keyring import Keyring
from companion.db.connection import create_engine, session_factory
from companion.i18n.catalog import load_catalog
from companion.metrics import Metrics
from companion.sending.dispatcher import CLAIM_LEASE, Dispatcher
from companion.sending.rate import SendRate
from companion.sms.fake_twilio import FakeTwilio
from companion.sms.twilio_gateway import TwilioGateway
from tests.conftest import twilio_settings
from tests.support.clock import ManualClock


@asynccontextmanager
async def dispatcher_for(
    url: str,
    fake: FakeTwilio,
    keyring: Keyring,
    clock: ManualClock | Callable[[], datetime],
    send_timeout: float = 5.0,
    claim_lease: timedelta = CLAIM_LEASE,
) -> AsyncIterator[tuple[ServiceContext, Dispatcher]]:
    """A context on `url` and a dispatcher with no loop of its own: `drain()` sends."""
    engine = create_engine(url)
    settings = twilio_settings(url, fake)
    assert settings.twilio is not None
    gateway = TwilioGateway(settings.twilio, timeout=send_timeout)
    ctx = ServiceContext(
        session_factory(engine), keyring, load_catalog(), clock, Metrics(), lambda: None
    )
    try:
        yield (
            ctx,
            Dispatcher(
                ctx, gateway, SendRate(1000), None, asyncio.Event(), claim_lease=claim_lease
            ),
        )
    finally:
        await gateway.close()
        await engine.dispose()

"""A service context outside the web app, for command-line tools."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable

from companion.clock import Clock, system_clock
from companion.config import Settings
from companion.content import load_content
from companion.crypto.keysource import load_keyring
from companion.db.connection import create_engine, session_factory
from companion.metrics import Metrics
from companion.services.context import ServiceContext


@contextlib.asynccontextmanager
async def standalone_context(
    settings: Settings, clock: Clock = system_clock, wake: Callable[[], None] = lambda: None
) -> AsyncIterator[ServiceContext]:
    """Open the database and build a context; dispose of the engine afterwards."""
    content = load_content()
    engine = create_engine(settings.database_url)
    try:
        yield ServiceContext(
            sessions=session_factory(engine),
            keyring=load_keyring(settings),
            catalog=content.catalog,
            clock=clock,
            metrics=Metrics(),
            wake_dispatcher=wake,
            flows=content.flows,
            resources=content.resources,
            quiet_hours=settings.quiet_hours,
        )
    finally:
        await engine.dispose()

"""A service context outside the web app, for command-line tools."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable

from companion.clock import Clock, system_clock
from companion.config import Settings
from companion.crypto.keysource import load_keyring
from companion.db.connection import create_engine, session_factory
from companion.i18n.catalog import load_catalog
from companion.metrics import Metrics
from companion.services.context import ServiceContext


@contextlib.asynccontextmanager
async def standalone_context(
    settings: Settings, clock: Clock = system_clock, wake: Callable[[], None] = lambda: None
) -> AsyncIterator[ServiceContext]:
    """Open the database and build a context; dispose of the engine afterwards."""
    engine = create_engine(settings.database_url)
    try:
        yield ServiceContext(
            sessions=session_factory(engine),
            keyring=load_keyring(settings),
            catalog=load_catalog(),
            clock=clock,
            metrics=Metrics(),
            wake_dispatcher=wake,
        )
    finally:
        await engine.dispose()

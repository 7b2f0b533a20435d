"""What every service needs, built once by `create_app` (or, for a command-line tool,
`standalone_context`) and passed in."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable, Mapping
from dataclasses import dataclass, field
from datetime import time

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from companion.clock import Clock, system_clock
from companion.config import QuietHours, Settings
from companion.content import load_content
from companion.crypto.keyring import Keyring
from companion.crypto.keysource import load_keyring
from companion.db.connection import create_engine, session_factory
from companion.engine.flowspec import Flow, load_flows
from companion.engine.resources import Resource
from companion.i18n.catalog import Catalog
from companion.metrics import Metrics
from companion.records.audit import KEYRING_INFO

DEFAULT_QUIET_HOURS = QuietHours(time(21, 30), time(8, 0))


@dataclass(frozen=True)
class ServiceContext:
    """Database sessions, keys, words, flows, time, metrics, and a nudge for the dispatcher."""

    sessions: async_sessionmaker[AsyncSession]
    keyring: Keyring
    catalog: Catalog
    clock: Clock
    metrics: Metrics
    wake_dispatcher: Callable[[], None]
    flows: Mapping[str, Flow] = field(default_factory=load_flows)
    resources: tuple[Resource, ...] = ()
    quiet_hours: QuietHours | None = DEFAULT_QUIET_HOURS

    def __post_init__(self) -> None:
        # Audit entries are MACed with the keyring: every session made here carries it.
        self.sessions.configure(info={KEYRING_INFO: self.keyring})


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

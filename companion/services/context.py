"""What every service needs, built once by `create_app` (or `chat`) and passed in."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import time

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from companion.clock import Clock
from companion.config import QuietHours
from companion.crypto.keyring import Keyring
from companion.engine.flowspec import Flow, load_flows
from companion.engine.resources import Resource
from companion.i18n.catalog import Catalog
from companion.metrics import Metrics

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

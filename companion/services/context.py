"""What every service needs, built once by `create_app` (or `chat`) and passed in."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from companion.clock import Clock
from companion.crypto.keyring import Keyring
from companion.i18n.catalog import Catalog
from companion.metrics import Metrics


@dataclass(frozen=True)
class ServiceContext:
    """Database sessions, keys, words, time, metrics, and a nudge for the dispatcher."""

    sessions: async_sessionmaker[AsyncSession]
    keyring: Keyring
    catalog: Catalog
    clock: Clock
    metrics: Metrics
    wake_dispatcher: Callable[[], None]

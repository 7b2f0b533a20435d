"""The async engine: SQLite in WAL mode with serialised writers, or PostgreSQL."""

from __future__ import annotations

import asyncio
import weakref
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlalchemy.ext.asyncio import AsyncSession as AsyncSession
from sqlalchemy.pool import ConnectionPoolEntry
from sqlalchemy.util import await_only

from companion.db.file_modes import protect_sqlite_files
from companion.db.sqlite_inline import inline_creator

SQLITE_BUSY_TIMEOUT_MS = 10_000


def is_sqlite(url: str) -> bool:
    """True for a SQLite URL."""
    return url.startswith("sqlite")


class WriteTurnTimeout(TimeoutError):
    """A SQLite connection waited longer than the busy timeout for its turn."""


class WriteTurns:
    """First come, first served turns at one process's SQLite database.

    Every SQLite transaction here takes the write lock (BEGIN IMMEDIATE). Left to
    SQLite's busy handler, a waiter sleeps and polls while a busy writer takes the lock
    again at once, so a long sweep of back-to-back batches starves the dispatcher. So
    each pooled connection takes a turn when checked out and gives it back when checked
    in: the process's writers wait in FIFO order on an asyncio lock instead. Other
    processes still meet the busy timeout.
    """

    def __init__(self, timeout: float) -> None:
        self._timeout = timeout
        self._locks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
            weakref.WeakKeyDictionary()
        )
        self._holders: dict[int, asyncio.Lock] = {}

    def take(self, record: ConnectionPoolEntry) -> None:
        """Wait for our turn (called from the pool, inside SQLAlchemy's greenlet)."""
        lock = self._locks.setdefault(asyncio.get_running_loop(), asyncio.Lock())
        try:
            await_only(asyncio.wait_for(lock.acquire(), self._timeout))
        except TimeoutError:
            raise WriteTurnTimeout("waited too long for the SQLite write turn") from None
        self._holders[id(record)] = lock

    def give_back(self, record: ConnectionPoolEntry) -> None:
        """End the turn `record` holds, if it holds one."""
        lock = self._holders.pop(id(record), None)
        if lock is not None:
            lock.release()


def create_engine(url: str) -> AsyncEngine:
    """Create the engine for `url`, configured for safe concurrent use.

    On SQLite every transaction starts with BEGIN IMMEDIATE: writers queue on the
    busy timeout instead of failing when a read transaction tries to upgrade. Within
    one process they queue first come, first served (`WriteTurns`). A database file is
    used on the loop's own thread (`sqlite_inline`), not through aiosqlite's.
    """
    if not is_sqlite(url):
        return create_async_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10)
    protect_sqlite_files(url)  # 0600 before SQLite first creates it (and its -wal, -shm)
    wait = SQLITE_BUSY_TIMEOUT_MS / 1000
    database = make_url(url).database or ":memory:"
    inline = database != ":memory:" and not database.startswith("file::memory:")
    if inline:  # a file: statements on the loop's thread, busy waited out asynchronously
        engine = create_async_engine(url, async_creator=inline_creator(url, wait))
    else:
        engine = create_async_engine(url, connect_args={"timeout": wait})
    busy_timeout_ms = 0 if inline else SQLITE_BUSY_TIMEOUT_MS

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={busy_timeout_ms}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    turns = WriteTurns(wait)

    @event.listens_for(engine.sync_engine, "checkout")
    def _on_checkout(_dbapi: Any, record: ConnectionPoolEntry, _proxy: Any) -> None:
        turns.take(record)

    @event.listens_for(engine.sync_engine, "checkin")
    def _on_checkin(_dbapi: Any, record: ConnectionPoolEntry) -> None:
        turns.give_back(record)

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions that keep loaded values usable after commit."""
    return async_sessionmaker(engine, expire_on_commit=False)

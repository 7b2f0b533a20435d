"""SQLite on the event loop's own thread: what the aiosqlite dialect needs, without a thread.

aiosqlite runs every call (cursor, execute, fetch, close) in a worker thread and
awaits the result: about 30 hand-offs for one inbound answer, each two thread
switches and a wait for the interpreter lock, which the busy loop thread holds for up
to its 5 ms switch interval. That, not SQLite, was most of the embedded database's
cost (docs/PERFORMANCE.md, section 10). Here the same calls run where they are made:
SQLite statements on a WAL database with ``synchronous=NORMAL`` take microseconds, and
one process's transactions already take turns (`connection.WriteTurns`), so nothing is
gained by a second thread.

Two things could stall the loop, and do not:
* **Another process holds the write lock** (a CLI command, a backup). The connection's
  busy timeout is zero; a statement SQLite refuses as busy is retried after an
  asynchronous sleep, up to the same total wait as before (the loop keeps serving).
* **A statement that takes long by nature** (``VACUUM``, a WAL checkpoint) runs in a
  worker thread on a connection of its own, opened and closed there (so a caller that
  gives up, or a pool that closes its connection meanwhile, cannot pull a connection
  from under SQLite), and waits out a busy database the same way. It returns no rows.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any, cast

from sqlalchemy.dialects.sqlite.aiosqlite import SQLiteDialect_aiosqlite
from sqlalchemy.engine import make_url

_FIRST_PAUSE = 0.001
_LONGEST_PAUSE = 0.05
# Statements long by nature (a rewrite of the file, a checkpoint): off the loop's thread.
_IN_A_THREAD = ("VACUUM", "PRAGMA WAL_CHECKPOINT")


def _is_busy(error: sqlite3.OperationalError) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    return code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "locked" in str(error)


class _Queue:
    """aiosqlite's job queue, as SQLAlchemy's isolation-level setter uses it: run at once."""

    def put_nowait(self, job: tuple[asyncio.Future[Any], Callable[[], Any]]) -> None:
        future, function = job
        try:
            future.set_result(function())
        except Exception as error:  # handed to the awaiting caller
            future.set_exception(error)


def _alone(opener: Callable[[], sqlite3.Connection], sql: str) -> None:
    """Run `sql` on a connection of its own (in a worker thread), then close it."""
    connection = opener()
    try:
        connection.execute(sql)
    finally:
        connection.close()


class InlineCursor:
    """An aiosqlite-shaped cursor whose calls run on the calling thread."""

    def __init__(
        self, cursor: sqlite3.Cursor, busy_timeout: float, opener: Callable[[], sqlite3.Connection]
    ) -> None:
        self._cursor = cursor
        self._busy_timeout = busy_timeout
        self._opener = opener

    async def __aenter__(self) -> InlineCursor:
        return self

    async def __aexit__(self, *_exc: object) -> None:
        self._cursor.close()

    async def execute(self, sql: str, parameters: Sequence[Any] = ()) -> InlineCursor:
        """Run one statement; busy is waited out asynchronously, VACUUM in a thread."""
        if sql.lstrip().upper().startswith(_IN_A_THREAD):
            await self._patiently(lambda: _alone(self._opener, sql), threaded=True)
            return self
        await self._patiently(lambda: self._cursor.execute(sql, parameters))
        return self

    async def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> InlineCursor:
        """Run one statement for each row of parameters."""
        batch = list(rows)
        await self._patiently(lambda: self._cursor.executemany(sql, batch))
        return self

    async def _patiently(self, run: Callable[[], object], threaded: bool = False) -> None:
        deadline = time.monotonic() + self._busy_timeout
        pause = _FIRST_PAUSE
        while True:
            try:
                if threaded:
                    await asyncio.to_thread(run)
                else:
                    run()
                return
            except sqlite3.OperationalError as error:
                if not _is_busy(error) or time.monotonic() >= deadline:
                    raise
            await asyncio.sleep(pause)
            pause = min(pause * 2, _LONGEST_PAUSE)

    async def fetchone(self) -> Any:
        """The next row, or None."""
        return self._cursor.fetchone()

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        """Up to `size` rows."""
        return self._cursor.fetchmany(size if size is not None else self._cursor.arraysize)

    async def fetchall(self) -> list[Any]:
        """Every remaining row."""
        return self._cursor.fetchall()

    async def close(self) -> None:
        """Close the cursor."""
        self._cursor.close()

    @property
    def description(self) -> Any:
        """The result's columns (DB-API)."""
        return self._cursor.description

    @property
    def rowcount(self) -> int:
        """Rows the last statement changed (DB-API)."""
        return self._cursor.rowcount

    @property
    def lastrowid(self) -> int | None:
        """The last inserted rowid (DB-API)."""
        return self._cursor.lastrowid

    @property
    def arraysize(self) -> int:
        """Rows per fetchmany by default (DB-API)."""
        return self._cursor.arraysize

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        self._cursor.arraysize = value


class InlineConnection:
    """An aiosqlite-shaped connection whose calls run on the calling thread."""

    def __init__(self, opener: Callable[[], sqlite3.Connection], busy_timeout: float) -> None:
        self._conn: sqlite3.Connection | None = opener()
        self._opener = opener
        self._busy_timeout = busy_timeout
        self._tx = _Queue()

    @property
    def _connection(self) -> sqlite3.Connection | None:
        """The open sqlite3 connection (SQLAlchemy checks it before commit and rollback)."""
        return self._conn

    def _open(self) -> sqlite3.Connection:
        if self._conn is None:
            raise ValueError("no active connection")
        return self._conn

    @property
    def isolation_level(self) -> str | None:
        """sqlite3's transaction control (None: ours, explicit BEGIN)."""
        return self._open().isolation_level

    @isolation_level.setter
    def isolation_level(self, value: str | None) -> None:
        self._open().isolation_level = cast(Any, value)

    def cursor(self) -> InlineCursor:
        """A new cursor (entered with ``async with`` or awaited ``__aenter__``)."""
        return InlineCursor(self._open().cursor(), self._busy_timeout, self._opener)

    async def execute(self, sql: str, parameters: Sequence[Any] = ()) -> InlineCursor:
        """Run one statement on a new cursor."""
        return await self.cursor().execute(sql, parameters)

    async def commit(self) -> None:
        """Commit (a no-op outside a transaction)."""
        self._open().commit()

    async def rollback(self) -> None:
        """Roll back (a no-op outside a transaction)."""
        self._open().rollback()

    async def create_function(self, *args: Any, **kwargs: Any) -> None:
        """Register a SQL function (DB-API extension)."""
        self._open().create_function(*args, **kwargs)

    async def close(self) -> None:
        """Close the connection; closing twice does nothing."""
        self.stop()

    def stop(self) -> None:
        """Close at once (SQLAlchemy's terminate)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def inline_creator(url: str, busy_timeout: float) -> Callable[[], Any]:
    """An ``async_creator`` opening `url`'s file as aiosqlite would, without its thread.

    The connection waits for no lock itself (busy timeout zero): `InlineCursor` waits
    out a busy database asynchronously for up to `busy_timeout` seconds.
    """
    args, options = SQLiteDialect_aiosqlite().create_connect_args(make_url(url))
    database, uri = str(args[0]), bool(options.get("uri", False))

    def opener() -> sqlite3.Connection:
        return sqlite3.connect(
            database, timeout=0.0, isolation_level=None, check_same_thread=False, uri=uri
        )

    async def connect() -> InlineConnection:
        return InlineConnection(opener, busy_timeout)

    return connect

"""SQLite on the loop's thread: another process's write lock is waited out, the loop still runs."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time
from pathlib import Path

from sqlalchemy import text

from companion.db.connection import create_engine, session_factory
from companion.db.sqlite_inline import InlineConnection

HOLD = 0.4


def _hold_write_lock(path: Path, held: threading.Event, seconds: float) -> None:
    """What `companion backup` or a CLI command in another process does: BEGIN IMMEDIATE."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO note VALUES ('from the other process')")
    held.set()
    time.sleep(seconds)
    other.execute("COMMIT")
    other.close()


async def test_a_locked_database_is_waited_for_while_the_loop_keeps_serving(
    tmp_path: Path,
) -> None:
    path = tmp_path / "locked.db"
    engine = create_engine(f"sqlite+aiosqlite:///{path}")
    sessions = session_factory(engine)
    async with sessions() as session, session.begin():
        await session.execute(text("CREATE TABLE note (words TEXT)"))
    held = threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(path, held, HOLD))
    holder.start()
    await asyncio.to_thread(held.wait)
    ticks = 0

    async def tick() -> None:  # stands for the webhooks the loop must keep answering
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1

    ticker = asyncio.create_task(tick())
    started = time.monotonic()
    async with sessions() as session, session.begin():
        await session.execute(text("INSERT INTO note VALUES ('ours')"))
    waited = time.monotonic() - started
    ticker.cancel()
    holder.join()
    async with sessions() as session:
        notes = list(await session.scalars(text("SELECT words FROM note ORDER BY rowid")))
    await engine.dispose()
    # Our write waited for the other's and lost nothing; the loop ran all the while.
    assert notes == ["from the other process", "ours"]
    assert waited >= HOLD / 2
    assert ticks >= 10, f"the loop stalled: {ticks} ticks in {waited:.2f} s"


async def test_the_database_file_is_used_without_a_driver_thread(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'inline.db'}")
    before = threading.active_count()
    async with engine.connect() as connection:
        raw = await connection.get_raw_connection()
        assert isinstance(raw.driver_connection, InlineConnection)
        assert (await connection.execute(text("PRAGMA journal_mode"))).scalar() == "wal"
        assert threading.active_count() == before
    await engine.dispose()

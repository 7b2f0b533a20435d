"""Waiting for background work (the dispatcher loop) without fixed sleeps."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from companion.db.models import OutboxMessage
from companion.sending.dispatcher import Dispatcher


async def eventually(condition: Callable[[], bool], within: float = 5.0) -> None:
    """Wait until `condition()` is true; fail the test if it is not within `within` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not condition():
        if loop.time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.01)


async def outbox_settled(sessions: async_sessionmaker[AsyncSession], within: float = 5.0) -> None:
    """Wait until no outbox row is being sent (a background dispatcher finished its batch)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while True:
        async with sessions() as session:
            busy = await session.scalar(
                select(func.count())
                .select_from(OutboxMessage)
                .where(OutboxMessage.status == "sending")
            )
        if not busy:
            return
        if loop.time() > deadline:
            raise AssertionError(f"{busy} outbox rows still waiting after {within}s")
        await asyncio.sleep(0.01)


async def all_sent(dispatcher: Dispatcher, sessions: async_sessionmaker[AsyncSession]) -> None:
    """Send everything due now, whichever dispatcher holds it, and wait until it is sent.

    The app's own dispatcher may hold an uncommitted claim: `drain` skips those rows
    (SKIP LOCKED on PostgreSQL) and they still read as pending, not sending. So drain
    and wait twice, a moment apart: by the second look that claim is visible.
    """
    for _ in range(2):
        await dispatcher.drain()
        await outbox_settled(sessions)
        await asyncio.sleep(0.05)


async def eventually_true(condition: Callable[[], Awaitable[bool]], within: float = 5.0) -> None:
    """As `eventually`, for a condition that has to read something (the database)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not await condition():
        if loop.time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.01)

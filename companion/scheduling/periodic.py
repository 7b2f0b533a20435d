"""The periodic sweeps, on APScheduler: a few interval jobs, never a job per person.

Jobs are coalesced, one instance at a time, with a misfire grace longer than the
interval. On shutdown the scheduler stops and any sweep in flight is awaited, so
nothing is cut off half-way and the database is closed only after it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.util import undefined


class Sweeps:
    """Interval jobs that finish cleanly on `stop()`."""

    def __init__(self, every_seconds: float) -> None:
        self._every = every_seconds
        self._scheduler = AsyncIOScheduler(timezone="UTC")
        self._running: set[asyncio.Task[object]] = set()

    def add(self, name: str, job: Callable[[], Awaitable[object]], *, at_start: bool) -> None:
        """Run `job` every interval (and once at start if asked)."""

        async def tracked() -> None:
            task = asyncio.current_task()
            assert task is not None
            self._running.add(task)
            try:
                await job()
            finally:
                self._running.discard(task)

        self._scheduler.add_job(
            tracked,
            "interval",
            seconds=self._every,
            id=name,
            name=name,
            coalesce=True,
            max_instances=1,
            misfire_grace_time=int(self._every * 2) + 1,
            # None would add the job paused (never run); `undefined` lets the trigger decide.
            next_run_time=datetime.now(UTC) if at_start else undefined,
        )

    def start(self) -> None:
        """Start the scheduler (inside the running event loop)."""
        self._scheduler.start()

    async def stop(self) -> None:
        """Stop scheduling and wait for sweeps in flight."""
        self._scheduler.shutdown(wait=False)
        if self._running:
            await asyncio.gather(*self._running, return_exceptions=True)

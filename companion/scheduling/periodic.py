"""The periodic sweeps, on APScheduler: a few interval jobs, never a job per person.

Jobs are coalesced, one instance at a time, with a misfire grace longer than the
interval. On shutdown the scheduler stops and any sweep in flight is awaited, so
nothing is cut off half-way and the database is closed only after it.

Each job's progress is kept (when it last finished, whether it is running), so
`/readyz` can say which sweeps are late, and `report` tells /metrics how each run went.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.util import undefined

# A sweep is late when it has not finished for this many intervals (plus the grace),
# unless it is running now and has not been running longer than STUCK_SECONDS.
LATE_INTERVALS = 3
LATE_GRACE_SECONDS = 60.0
STUCK_SECONDS = 15 * 60.0


class Sweeps:
    """Interval jobs that finish cleanly on `stop()`."""

    def __init__(
        self,
        every_seconds: float,
        *,
        report: Callable[[str, bool], None] | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        """Set up; nothing runs until `start()`.

        Args:
            every_seconds: the interval.
            report: told (job name, succeeded) after every run.
            monotonic: seconds from a clock that never goes back (tests pass their own).
        """
        self._every = every_seconds
        self._scheduler = AsyncIOScheduler(timezone="UTC")
        self._running: set[asyncio.Task[object]] = set()
        self._report = report
        self._monotonic = monotonic
        self._started_at: float | None = None
        self._finished: dict[str, float] = {}
        self._since: dict[str, float] = {}  # jobs running now: since when

    @property
    def names(self) -> tuple[str, ...]:
        """The jobs' names, in the order they were added."""
        return tuple(job.id for job in self._scheduler.get_jobs())

    def add(self, name: str, job: Callable[[], Awaitable[object]], *, at_start: bool) -> None:
        """Run `job` every interval (and once at start if asked)."""

        async def tracked() -> None:
            task = asyncio.current_task()
            assert task is not None
            self._running.add(task)
            self._since[name] = self._monotonic()
            succeeded = False
            try:
                await job()
                succeeded = True
                self._finished[name] = self._monotonic()
            finally:
                self._since.pop(name, None)
                self._running.discard(task)
                if self._report is not None:
                    self._report(name, succeeded)

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
        self._started_at = self._monotonic()
        self._scheduler.start()

    def late(self) -> list[str]:
        """Names of the jobs that are late: not finished lately, or running far too long."""
        if self._started_at is None or not self._scheduler.running:
            return list(self.names)
        now = self._monotonic()
        limit = LATE_INTERVALS * self._every + LATE_GRACE_SECONDS
        found = []
        for name in self.names:
            since = self._since.get(name)
            if since is not None:
                late = now - since > STUCK_SECONDS
            else:
                late = now - self._finished.get(name, self._started_at) > limit
            if late:
                found.append(name)
        return found

    async def stop(self) -> None:
        """Stop scheduling and wait for sweeps in flight."""
        self._scheduler.shutdown(wait=False)
        if self._running:
            await asyncio.gather(*self._running, return_exceptions=True)

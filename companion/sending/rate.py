"""A token bucket that paces sends to the carrier's messages-per-second limit."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable


class SendRate:
    """Allows `per_second` sends on average, with bursts of at most half a second's worth.

    The carrier's own bucket holds a second's worth. Keeping half of it spare absorbs
    network jitter: with a full-second burst, any later request that arrives faster
    than the burst's last one finds the carrier's bucket empty and is refused (429).
    """

    def __init__(self, per_second: float, monotonic: Callable[[], float] = time.monotonic) -> None:
        self._rate = per_second
        self._capacity = max(1.0, per_second / 2)
        self._tokens = self._capacity
        self._monotonic = monotonic
        self._updated = monotonic()
        self._lock = asyncio.Lock()

    @property
    def per_second(self) -> float:
        """The sustained rate."""
        return self._rate

    def delay_for_next(self) -> float:
        """Take a token if one is free (0.0), else the seconds until one will be."""
        now = self._monotonic()
        self._tokens = min(self._capacity, self._tokens + (now - self._updated) * self._rate)
        self._updated = now
        if self._tokens >= 1:
            self._tokens -= 1
            return 0.0
        return (1 - self._tokens) / self._rate

    async def acquire(self) -> None:
        """Wait until a send is allowed."""
        async with self._lock:
            delay = self.delay_for_next()
            while delay > 0:
                await asyncio.sleep(delay)
                delay = self.delay_for_next()

"""Load generators: an open loop at a fixed offered rate, and a closed loop at saturation.

Requests are prepared (form and signature) before the clock starts, so the client's
own cost per request is one aiohttp POST. At a fixed rate each request has a planned
send time and its latency is measured from that plan, not from when it actually went
out, so a server that falls behind shows its queueing delay (no coordinated omission).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

import aiohttp

from bench.harness import percentile


@dataclass(frozen=True)
class SignedPost:
    """One webhook, ready to send."""

    form: dict[str, str]
    signature: str


@dataclass
class Run:
    """What a load run saw."""

    offered_per_s: float | None
    latencies: list[float] = field(default_factory=list)  # seconds, successful requests
    errors: int = 0
    statuses: dict[int, int] = field(default_factory=dict)
    elapsed: float = 0.0

    def summary(self) -> dict[str, float | int | dict[int, int] | None]:
        """Throughput and latency figures, in messages/s and milliseconds."""
        ok = len(self.latencies)
        return {
            "offered_per_s": self.offered_per_s,
            "sent": ok + self.errors,
            "ok": ok,
            "errors": self.errors,
            "statuses": self.statuses,
            "elapsed_s": round(self.elapsed, 3),
            "msg_per_s": round(ok / self.elapsed, 1) if self.elapsed else 0.0,
            "p50_ms": round(percentile(self.latencies, 50) * 1000, 2),
            "p99_ms": round(percentile(self.latencies, 99) * 1000, 2),
            "max_ms": round(max(self.latencies, default=float("nan")) * 1000, 2),
        }


async def _post(
    session: aiohttp.ClientSession, url: str, post: SignedPost, since: float, run: Run
) -> None:
    try:
        async with session.post(
            url, data=post.form, headers={"X-Twilio-Signature": post.signature}
        ) as response:
            await response.read()
            status = response.status
    except (aiohttp.ClientError, TimeoutError):
        run.errors += 1
        return
    run.statuses[status] = run.statuses.get(status, 0) + 1
    if status == 200:
        run.latencies.append(time.monotonic() - since)
    else:
        run.errors += 1


def client(connections: int = 256, timeout: float = 30.0) -> aiohttp.ClientSession:
    """A keep-alive client session for load runs."""
    return aiohttp.ClientSession(
        connector=aiohttp.TCPConnector(limit=connections),
        timeout=aiohttp.ClientTimeout(total=timeout),
    )


async def fixed_rate(
    session: aiohttp.ClientSession, url: str, posts: Sequence[SignedPost], rate: float
) -> Run:
    """Offer `posts` at `rate` per second, whatever the server does; wait for all answers."""
    run = Run(offered_per_s=rate)
    tasks = []
    start = time.monotonic()
    for number, post in enumerate(posts):
        planned = start + number / rate
        delay = planned - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(_post(session, url, post, planned, run)))
    await asyncio.gather(*tasks)
    run.elapsed = time.monotonic() - start
    return run


async def saturate(
    session: aiohttp.ClientSession,
    url: str,
    posts: Iterable[SignedPost],
    concurrency: int,
    seconds: float,
) -> Run:
    """Keep `concurrency` requests in flight for `seconds` (or until `posts` run out)."""
    run = Run(offered_per_s=None)
    source: Iterator[SignedPost] = iter(posts)
    deadline = time.monotonic() + seconds

    async def worker() -> None:
        while time.monotonic() < deadline:
            post = next(source, None)
            if post is None:
                return
            await _post(session, url, post, time.monotonic(), run)

    start = time.monotonic()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    run.elapsed = time.monotonic() - start
    return run

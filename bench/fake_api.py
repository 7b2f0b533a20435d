"""The tests' fake Twilio API in its own process, with an optional MPS cap and counters.

`python -m bench.fake_api --port P [--cap MPS]` serves the Messages API of
`companion.sms.fake_twilio.FakeTwilio` on 127.0.0.1, plus:

* `GET /bench/stats` (`?times=1` adds every accepted message's arrival time),
* `POST /bench/reset` to forget messages and counters between phases.

With `--cap`, sends beyond the cap are answered 429 / 20429 as Twilio does. The cap is
a token bucket refilled at `cap` per second holding one second's worth, the same shape
as the service's own `SendRate`, plus one token of slack for loopback scheduling jitter
(a send the client timed right must not be refused because it arrived a millisecond
early relative to the one before it).
"""

from __future__ import annotations

import argparse
import time
from typing import Any

from aiohttp import web

from companion.sms.fake_twilio import FakeTwilio, Handler, error_body


class BenchFakeTwilio(FakeTwilio):
    """FakeTwilio that counts what it accepts and can enforce a messages-per-second cap."""

    def __init__(self, account_sid: str, auth_token: str, cap: float) -> None:
        super().__init__(account_sid=account_sid, auth_token=auth_token)
        self.cap = cap
        self._capacity = max(1.0, cap) + 1.0
        self._reset_counters()

    def _reset_counters(self) -> None:
        self.messages.clear()
        self.attempts.clear()
        getattr(self, "_states", {}).clear()  # the parent keeps per-message states
        self.accepted_at: list[float] = []
        self.rejected_429 = 0
        self.other_errors = 0
        self._tokens = self._capacity
        self._updated = time.monotonic()

    def make_app(self) -> web.Application:
        app = super().make_app()
        app.middlewares.insert(0, self._bench_routes)
        app.middlewares.append(self._count)
        app.router.add_get("/bench/stats", self._stats)
        app.router.add_post("/bench/reset", self._reset)
        return app

    def _take_token(self) -> bool:
        now = time.monotonic()
        self._tokens = min(self._capacity, self._tokens + (now - self._updated) * self.cap)
        self._updated = now
        if self._tokens >= 1:
            self._tokens -= 1
            return True
        return False

    @web.middleware
    async def _bench_routes(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """`/bench/*` is ours: it skips the fake's credential check."""
        if request.path.startswith("/bench/"):
            return await request.match_info.handler(request)
        return await handler(request)

    @web.middleware
    async def _count(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Inside the fake's auth gate: apply the cap to sends and count the outcomes."""
        if request.method != "POST" or not request.path.endswith("/Messages.json"):
            return await handler(request)
        if self.cap > 0 and not self._take_token():
            self.rejected_429 += 1
            await request.read()
            return web.json_response(error_body(429, 20429), status=429)
        response = await handler(request)
        if response.status == 201:
            self.accepted_at.append(time.time())
        else:
            self.other_errors += 1
        return response

    async def _stats(self, request: web.Request) -> web.Response:
        times = self.accepted_at
        body: dict[str, Any] = {
            "accepted": len(times),
            "rejected_429": self.rejected_429,
            "other_errors": self.other_errors,
            "first": times[0] if times else None,
            "last": times[-1] if times else None,
            "cap": self.cap,
        }
        if request.query.get("times") == "1":
            body["times"] = times
        return web.json_response(body)

    async def _reset(self, _request: web.Request) -> web.Response:
        self._reset_counters()
        return web.Response(status=204)


def main() -> None:
    """Serve until SIGTERM."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--cap", type=float, default=0.0, help="messages per second; 0: none")
    parser.add_argument("--account-sid", required=True)
    parser.add_argument("--auth-token", required=True)
    args = parser.parse_args()
    fake = BenchFakeTwilio(args.account_sid, args.auth_token, args.cap)
    web.run_app(fake.make_app(), host="127.0.0.1", port=args.port, print=None, access_log=None)


if __name__ == "__main__":
    main()

"""The send-rate token bucket and the retry backoff."""

from __future__ import annotations

from datetime import timedelta

from companion.sending.dispatcher import MAX_BACKOFF, backoff
from companion.sending.rate import SendRate


class FakeMonotonic:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_rate_allows_a_burst_of_half_a_second_then_paces() -> None:
    """At 10 per second, 5 sends go at once, then one every 0.1s."""
    time = FakeMonotonic()
    rate = SendRate(10, time)
    assert [rate.delay_for_next() for _ in range(5)] == [0.0] * 5
    assert abs(rate.delay_for_next() - 0.1) < 1e-9
    time.now += 0.1
    assert rate.delay_for_next() == 0.0


def test_rate_over_a_minute_matches_the_cap() -> None:
    """Sending as fast as allowed for 60s gives 60 x rate (+ the first burst)."""
    time = FakeMonotonic()
    rate = SendRate(2, time)
    sent = 0
    while time.now < 60:
        delay = rate.delay_for_next()
        if delay == 0:
            sent += 1
        else:
            time.now += delay
    assert 120 <= sent <= 122


def test_slow_rates_still_allow_one_message() -> None:
    """A cap under one per second still sends, one at a time."""
    time = FakeMonotonic()
    rate = SendRate(0.5, time)
    assert rate.delay_for_next() == 0.0
    assert abs(rate.delay_for_next() - 2.0) < 1e-9


def test_backoff_doubles_and_is_capped() -> None:
    """Retries wait 2s, 4s, 8s... and never more than the cap."""
    assert [backoff(n) for n in (1, 2, 3)] == [timedelta(seconds=s) for s in (2, 4, 8)]
    assert backoff(30) == MAX_BACKOFF

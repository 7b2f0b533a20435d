"""When an instance is ready for traffic, and when a sweep counts as late."""

from __future__ import annotations

import asyncio

from companion.readiness import Probe, not_ready_reasons
from companion.scheduling.periodic import Sweeps

READY = Probe(
    database_ok=True,
    revision="0007",
    head="0007",
    dispatcher_alive=True,
    dispatcher_idle_seconds=1.0,
    reply_lag_seconds=0.0,
)


def test_a_working_instance_is_ready() -> None:
    """No reasons when the schema is current, the dispatcher runs and replies go out."""
    assert not_ready_reasons(READY) == []


def test_each_fault_is_named_by_a_fixed_code() -> None:
    """Stuck dispatcher, replies waiting over 2 minutes, a late sweep, no database."""
    stuck = Probe(**{**vars(READY), "dispatcher_idle_seconds": 121.0, "reply_lag_seconds": 121.0})
    assert not_ready_reasons(stuck) == ["replies_lagging", "dispatcher_stuck"]
    late = Probe(**{**vars(READY), "late_sweeps": ("due-sweep",)})
    assert not_ready_reasons(late) == ["sweep_late:due-sweep"]
    gone = Probe(**{**vars(READY), "database_ok": False, "revision": None})
    assert not_ready_reasons(gone) == ["database_unreachable"]
    slow_bulk = Probe(**{**vars(READY), "reply_lag_seconds": 119.0})
    assert not_ready_reasons(slow_bulk) == []


async def test_a_sweep_is_late_after_three_intervals_and_a_minute_without_finishing() -> None:
    """Counted from its last finish: on time at 149 s, late at 151 s (3 x 30 s + 60 s)."""
    now = [1000.0]
    sweeps = Sweeps(30, monotonic=lambda: now[0])
    ran = asyncio.Event()

    async def job() -> None:
        ran.set()

    sweeps.add("due-sweep", job, at_start=True)
    assert sweeps.late() == ["due-sweep"]  # a scheduler not started runs nothing
    sweeps.start()
    now[0] = 1100.0  # the first run finishes 100 s after start
    try:
        await ran.wait()
        await asyncio.sleep(0.05)
        now[0] += 149
        assert sweeps.late() == []
        now[0] += 2
        assert sweeps.late() == ["due-sweep"]
    finally:
        await sweeps.stop()

"""Is this instance fit to take traffic? The pure judgement behind `/readyz`.

`/healthz` says the process answers and its database does; `/readyz` says the whole
instance works: its schema is the one this release expects, its dispatcher is running
and not stuck, replies are not waiting, and its sweeps run on time. A load balancer
(or an operator) takes an instance that is not ready out of service. The reasons are
fixed codes, never data.
"""

from __future__ import annotations

from dataclasses import dataclass

# A pass that has not ended for this long is stuck (a batch is sized to end well inside
# the 2-minute claim lease, so a longer one is a dispatcher that hangs).
DISPATCHER_STUCK_SECONDS = 120.0
# A reply (or crisis signposting) due this long and not sent: people are waiting.
REPLY_LAG_LIMIT_SECONDS = 120.0


@dataclass(frozen=True)
class Probe:
    """What `/readyz` measured, a moment ago."""

    database_ok: bool
    revision: str | None
    head: str
    dispatcher_alive: bool
    dispatcher_idle_seconds: float
    reply_lag_seconds: float
    late_sweeps: tuple[str, ...] = ()


def not_ready_reasons(probe: Probe) -> list[str]:
    """Why the instance is not ready, as codes; empty when it is ready."""
    reasons = []
    if not probe.database_ok:
        reasons.append("database_unreachable")
    else:
        if probe.revision != probe.head:
            reasons.append("migrations_not_current")
        if probe.reply_lag_seconds > REPLY_LAG_LIMIT_SECONDS:
            reasons.append("replies_lagging")
    if not probe.dispatcher_alive:
        reasons.append("dispatcher_stopped")
    elif probe.dispatcher_idle_seconds > DISPATCHER_STUCK_SECONDS:
        reasons.append("dispatcher_stuck")
    reasons.extend(f"sweep_late:{name}" for name in probe.late_sweeps)
    return reasons

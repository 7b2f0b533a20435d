"""Prometheus metrics, in a registry per app (importing registers nothing globally)."""

from __future__ import annotations

from collections.abc import Iterable

from prometheus_client import CollectorRegistry, Counter, Gauge, generate_latest

# Label values created at zero, so rates and "none lately" alerts work from start-up.
INBOUND_RESULTS = ("handled", "duplicate", "invalid_number")
OUTBOUND_OUTCOMES = (
    "sent",
    "reconciled",
    "retry",
    "expired",
    "gave_up",
    "failed",
    "cancelled",
)


class Metrics:
    """The counters and gauges the service exports at /metrics."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.inbound = Counter(
            "companion_inbound_messages",
            "Inbound SMS webhooks by result",
            ["result"],
            registry=self.registry,
        )
        self.outbound = Counter(
            "companion_outbound_messages",
            "Outbound SMS send attempts by outcome",
            ["outcome"],
            registry=self.registry,
        )
        self.delivery = Counter(
            "companion_delivery_status_callbacks",
            "Delivery status callbacks by status",
            ["status"],
            registry=self.registry,
        )
        self.safety = Counter(
            "companion_safety_events", "Crisis signposting sent", registry=self.registry
        )
        self.dispatcher_lag = Gauge(
            "companion_dispatcher_lag_seconds",
            "Age of the oldest due outbox message not yet sent",
            registry=self.registry,
        )
        self.due_items = Counter(
            "companion_due_items",
            "Due items handled by sweeps, by action (run, defer, skip, cancel)",
            ["action"],
            registry=self.registry,
        )
        self.outbox_backlog = Gauge(
            "companion_outbox_backlog",
            "Outbox messages due now and not yet sent, by priority (0 replies, 1 bulk)",
            ["priority"],
            registry=self.registry,
        )
        self.expected_delay = Gauge(
            "companion_outbox_expected_delay_seconds",
            "How long the due backlog will take to send at TWILIO_MAX_MPS",
            registry=self.registry,
        )
        self.replies_suppressed = Counter(
            "companion_replies_suppressed",
            "Replies not sent because one number passed the hourly bound",
            registry=self.registry,
        )
        self.retention_removed = Counter(
            "companion_retention_removed",
            "Rows or message texts removed by the daily retention sweep, by kind",
            ["what"],
            registry=self.registry,
        )

        self.key_mismatch = Counter(
            "companion_coordinator_key_mismatch",
            "Coordinator public keys that failed their keyring check, by where (seal, login)",
            ["where"],
            registry=self.registry,
        )

        self.sweep_success = Gauge(
            "companion_sweep_last_success_timestamp_seconds",
            "When each sweep last finished without error (Unix time; start-up until then)",
            ["sweep"],
            registry=self.registry,
        )
        self.sweep_failures = Counter(
            "companion_sweep_failures",
            "Sweep runs that raised an error, by sweep",
            ["sweep"],
            registry=self.registry,
        )
        self.summaries_made = Counter(
            "companion_summaries_made", "Weekly summaries made and sealed", registry=self.registry
        )
        self.audit_intact = Gauge(
            "companion_audit_chain_intact",
            "1 if the audit trail's MAC chain verified at the last check, 0 if it is broken",
            registry=self.registry,
        )
        self.audit_checked = Gauge(
            "companion_audit_verified_timestamp_seconds",
            "When this instance last checked the audit trail (Unix time; 0 before the first)",
            registry=self.registry,
        )
        for result in INBOUND_RESULTS:
            self.inbound.labels(result)
        for outcome in OUTBOUND_OUTCOMES:
            self.outbound.labels(outcome)

        self.unaudited = Counter(
            "companion_unaudited_requests",
            "Junk requests not written to the audit trail (one a minute per kind is)",
            ["action", "outcome"],
            registry=self.registry,
        )

    def sweep_done(self, sweep: str, succeeded: bool) -> None:
        """Record one sweep run (the `report` of `scheduling.periodic.Sweeps`)."""
        if succeeded:
            self.sweep_success.labels(sweep).set_to_current_time()
        else:
            self.sweep_failures.labels(sweep).inc()

    def sweeps_started(self, sweeps: Iterable[str]) -> None:
        """Start each sweep's clock at start-up, so none looks late before its first run."""
        for sweep in sweeps:
            self.sweep_success.labels(sweep).set_to_current_time()
            self.sweep_failures.labels(sweep)

    def render(self) -> bytes:
        """The exposition text."""
        return bytes(generate_latest(self.registry))

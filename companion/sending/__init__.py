"""Sending: the outbox dispatcher that claims queued SMS, sends them once at the rate
cap, and records what the carrier said.

Entry points: `dispatcher.Dispatcher` (claim, send, retry, release stale claims),
`outcomes.OutcomeWriter` (send results written in bulk), `rate.SendRate`,
`status.record_status` (delivery reports from `/twilio/status`).
"""

__all__ = ["dispatcher", "outcomes", "rate", "status"]

"""The SMS gateway seam: what the dispatcher needs from Twilio or the simulator."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True)
class OutboundSms:
    """One SMS to hand to the carrier."""

    to: str
    body: str
    status_callback: str | None = None
    validity_seconds: int | None = None


@dataclass(frozen=True)
class SendReceipt:
    """The carrier accepted the message: its id and first status."""

    sid: str
    status: str


class TransientSendError(Exception):
    """Worth trying again later: rate limited, server error, timeout, connection lost.

    `outcome_unknown` is True when the request may have reached the carrier and been
    accepted (a timeout, or a connection dropped after sending): before sending again,
    ask the carrier whether the message exists (`SmsGateway.find_sent`).
    """

    def __init__(
        self, code: int | None, retry_after: float | None = None, *, outcome_unknown: bool = False
    ) -> None:
        super().__init__(f"transient send error {code}")
        self.code = code
        self.retry_after = retry_after
        self.outcome_unknown = outcome_unknown


class PermanentSendError(Exception):
    """Trying again will not help; `reason` is a short internal code."""

    def __init__(self, code: int | None, reason: str) -> None:
        super().__init__(f"permanent send error {code}: {reason}")
        self.code = code
        self.reason = reason


class SmsGateway(Protocol):
    """Sends one SMS; raises TransientSendError or PermanentSendError on failure."""

    async def send(self, sms: OutboundSms) -> SendReceipt:
        """Hand `sms` to the carrier."""
        ...

    async def find_sent(
        self, to: str, body: str, since: datetime, exclude: Collection[str] = ()
    ) -> SendReceipt | None:
        """Look up a message to `to` with exactly `body`, created at or after `since`.

        Used before re-sending a message whose first send has no recorded outcome (the
        process died, or the answer was lost). The oldest match whose sid is not in
        `exclude` (sids other outbox rows already hold) is returned.

        Raises:
            TransientSendError: the carrier could not be asked; ask again later.
            PermanentSendError: the carrier refuses the lookup (an API key without read
                access, say); the caller then sends, as a duplicate is less harm than a
                lost message.
        """
        ...

    async def close(self) -> None:
        """Release connections."""
        ...

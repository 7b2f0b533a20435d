"""The SMS gateway seam: what the dispatcher needs from Twilio or the simulator."""

from __future__ import annotations

from dataclasses import dataclass
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
    """Worth trying again later: rate limited, server error, timeout, connection lost."""

    def __init__(self, code: int | None, retry_after: float | None = None) -> None:
        super().__init__(f"transient send error {code}")
        self.code = code
        self.retry_after = retry_after


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

    async def close(self) -> None:
        """Release connections."""
        ...

"""The simulator gateway: keeps outbound SMS on this machine, per phone number."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime

from companion.sms.gateway import OutboundSms, SendReceipt


@dataclass(frozen=True)
class SimulatedSms:
    """A message the simulator 'delivered'."""

    sid: str
    to: str
    body: str
    sent_at: datetime


class SimulatorGateway:
    """An in-memory phone network used by `serve` without Twilio, `chat`, and tests."""

    def __init__(self) -> None:
        self._inboxes: defaultdict[str, list[SimulatedSms]] = defaultdict(list)

    async def send(self, sms: OutboundSms) -> SendReceipt:
        """Deliver to the simulated phone at `sms.to`."""
        message = SimulatedSms(
            sid="SM" + uuid.uuid4().hex, to=sms.to, body=sms.body, sent_at=datetime.now(UTC)
        )
        self._inboxes[sms.to].append(message)
        return SendReceipt(sid=message.sid, status="delivered")

    async def close(self) -> None:
        """Nothing to release."""

    def inbox(self, to: str) -> list[SimulatedSms]:
        """Everything delivered to `to` so far, oldest first."""
        return list(self._inboxes.get(to, []))

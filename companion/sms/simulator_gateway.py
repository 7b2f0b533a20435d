"""The simulator gateway: keeps outbound SMS on this machine, per phone number."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from companion.clock import Clock, system_clock
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

    def __init__(self, clock: Clock = system_clock) -> None:
        self._inboxes: defaultdict[str, list[SimulatedSms]] = defaultdict(list)
        self._clock = clock

    async def send(self, sms: OutboundSms) -> SendReceipt:
        """Deliver to the simulated phone at `sms.to`."""
        message = SimulatedSms(
            sid="SM" + uuid.uuid4().hex, to=sms.to, body=sms.body, sent_at=self._clock()
        )
        self._inboxes[sms.to].append(message)
        return SendReceipt(sid=message.sid, status="delivered")

    async def find_sent(
        self, to: str, body: str, since: datetime, exclude: Collection[str] = ()
    ) -> SendReceipt | None:
        """The oldest message this simulator delivered to `to` with `body` since `since`."""
        for message in self._inboxes.get(to, []):
            if message.body == body and message.sent_at >= since and message.sid not in exclude:
                return SendReceipt(sid=message.sid, status="delivered")
        return None

    async def close(self) -> None:
        """Nothing to release."""

    def inbox(self, to: str) -> list[SimulatedSms]:
        """Everything delivered to `to` so far, oldest first."""
        return list(self._inboxes.get(to, []))

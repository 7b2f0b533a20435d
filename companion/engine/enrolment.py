"""The pure core of a conversation's outer shell: keywords, safety, joining and leaving.

`respond` decides what happens to one inbound message given the sender's status.
It does no I/O and reads no clock; the inbound service loads, calls and persists.
Order matters and is the safety case: carrier keywords first (STOP always stops,
HELP always answers), then crisis language (answered in every state, stopped too),
then everything else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from companion.engine.reading.parsing import Parsed, Value, parse_yes_no
from companion.safety.crisis import CrisisSignal, detect_crisis
from companion.sms.keywords import CarrierKeyword, carrier_keyword


class Status(StrEnum):
    """Where a person stands with the service."""

    INVITED = "invited"
    PENDING = "pending"
    ACTIVE = "active"
    STOPPED = "stopped"
    DECLINED = "declined"


class Priority:
    """Outbox priority: safety signposting first, then replies, then bulk prompts."""

    SAFETY = -1
    REPLY = 0
    BULK = 1


@dataclass(frozen=True)
class Reply:
    """A message id to render in the person's locale and queue."""

    message_id: str
    priority: int = Priority.REPLY


@dataclass(frozen=True)
class Sender:
    """What the core needs to know about whoever sent the message."""

    status: Status | None
    has_accepted_terms: bool = False
    told_how_to_join_today: bool = False


@dataclass(frozen=True)
class Outcome:
    """What to do: the new status, replies to queue, and records to write."""

    status: Status | None
    replies: tuple[Reply, ...] = ()
    accepts_terms: bool = False
    cancel_pending: bool = False
    tells_how_to_join: bool = False
    safety: CrisisSignal | None = None
    shown_terms: str | None = field(default=None)
    converse: bool = False  # an active person's message for their conversation or a command


def respond(sender: Sender, text: str) -> Outcome:
    """Decide what one inbound message does.

    Args:
        sender: the sender's status (None for a number we do not know).
        text: the message body.
    """
    keyword = carrier_keyword(text)
    if keyword is CarrierKeyword.STOP:
        if sender.status is None:
            return Outcome(status=None)
        return Outcome(status=Status.STOPPED, cancel_pending=True)
    if keyword is CarrierKeyword.HELP:
        return Outcome(status=sender.status, replies=(Reply("help"),))
    if keyword is CarrierKeyword.START:
        return _start(sender)
    # Crisis language is answered whoever sends it, even after STOP (like HELP): the
    # person wrote to us, and signposting is the one reply that must never be withheld.
    signal = detect_crisis(text)
    if signal is not None:
        reply = Reply(
            "crisis-gentle"
            if signal.negated
            else "crisis-someone-else"
            if signal.about_someone_else
            else "crisis"
        )
        return Outcome(status=sender.status, replies=(reply,), safety=signal)
    if sender.status is Status.STOPPED:
        # STOP is sacred: nothing else is sent until START (the carrier would block it).
        return Outcome(status=Status.STOPPED)
    if sender.status in (Status.PENDING, Status.INVITED):
        return _confirm(sender, parse_yes_no(text))
    if sender.status is Status.ACTIVE:
        return Outcome(status=Status.ACTIVE, converse=True)
    if sender.told_how_to_join_today:
        return Outcome(status=sender.status)
    return Outcome(status=sender.status, replies=(Reply("stranger"),), tells_how_to_join=True)


def _start(sender: Sender) -> Outcome:
    if sender.status is Status.ACTIVE:
        return Outcome(status=Status.ACTIVE, replies=(Reply("already-active"),))
    if sender.status in (Status.STOPPED, Status.DECLINED) and sender.has_accepted_terms:
        return Outcome(status=Status.ACTIVE, replies=(Reply("welcome-back"),))
    return Outcome(status=Status.PENDING, replies=(Reply("welcome"),), shown_terms="welcome")


def _confirm(sender: Sender, answer: Parsed[bool]) -> Outcome:
    # Anything short of a clear yes or no ("no... well yes") is asked again, not guessed.
    if isinstance(answer, Value) and answer.value:
        return Outcome(status=Status.ACTIVE, replies=(Reply("activated"),), accepts_terms=True)
    if isinstance(answer, Value):
        return Outcome(status=Status.DECLINED, replies=(Reply("declined"),))
    return Outcome(status=sender.status, replies=(Reply("confirm-reask"),))

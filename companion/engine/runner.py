"""The pure flow runner: (flow, conversation, reply, now) -> (conversation, answers, messages).

No clock, no I/O. The service loads the conversation, calls `start` or `reply`, and
persists what comes back in one transaction with the messages it queues.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from companion.db.states import ConversationStatus
from companion.engine.flowspec import END, NEXT, Flow
from companion.engine.reading.answers import Reading, Stored, Understood, read_answer
from companion.engine.reading.parsing import Ambiguous

_SKIP = re.compile(r"^\W*(skip|pass|next|skip it|skip this|skip this one)\W*$", re.IGNORECASE)
MOVING_ON = "moving-on"


# Why a conversation ended: `ConversationStatus.COMPLETED`, `EXPIRED` or `TIMED_OUT`.
Ending = ConversationStatus


@dataclass(frozen=True)
class Conversation:
    """Where a person is in a flow. `plan` holds the planned steps still to come."""

    flow_id: str
    revision: str
    step: str
    plan: tuple[str, ...]
    retries: int
    started_at: datetime
    step_started_at: datetime


@dataclass(frozen=True)
class Say:
    """A message to send; `question` names a message rendered into its `$question`."""

    message_id: str
    question: str | None = None
    args: Mapping[str, str | int] = field(default_factory=dict)


@dataclass(frozen=True)
class Answer:
    """A value to store under `key`, from `step`."""

    key: str
    value: Stored
    step: str


@dataclass(frozen=True)
class Turn:
    """What one event did: the conversation now (None once ended), answers, messages."""

    conversation: Conversation | None
    answers: tuple[Answer, ...] = ()
    says: tuple[Say, ...] = ()
    ended: Ending | None = None
    closing: str | None = None


def is_skip(text: str) -> bool:
    """True if the reply asks to skip the question ("skip", "Skip!", "pass")."""
    return _SKIP.match(text.strip()) is not None


def start(flow: Flow, now: datetime, plan: Sequence[str] = ()) -> Turn:
    """Begin `flow`; a planned flow runs the steps of `plan` in order.

    Raises:
        ValueError: a planned flow with an empty plan, or a plan naming unknown steps.
    """
    if flow.planned:
        unknown = [name for name in plan if name not in flow.steps]
        if not plan or unknown:
            raise ValueError(f"flow {flow.id!r} needs a plan of its steps, got {list(plan)}")
        first, rest = plan[0], tuple(plan[1:])
    else:
        assert flow.start is not None
        first, rest = flow.start, ()
    base = Conversation(flow.id, flow.revision, first, rest, 0, now, now)
    return _enter(flow, base, first, now, ())


def check_expiry(flow: Flow, conversation: Conversation, now: datetime) -> Ending | None:
    """Whether the conversation has expired (whole flow) or timed out (this step)."""
    if now >= conversation.started_at + flow.expires_after:
        return Ending.EXPIRED
    timeout = flow.steps[conversation.step].timeout
    if timeout is not None and now >= conversation.step_started_at + timeout:
        return Ending.TIMED_OUT
    return None


def expire(flow: Flow, conversation: Conversation, now: datetime) -> Turn | None:
    """End the conversation quietly if it is past its time; None if it is still open."""
    ending = check_expiry(flow, conversation, now)
    return None if ending is None else Turn(None, ended=ending)


def reply(
    flow: Flow,
    conversation: Conversation,
    text: str,
    now: datetime,
    *,
    reading: Reading | None = None,
) -> Turn:
    """Apply the person's reply to the step waiting for it.

    `reading` is `read_answer` of `text` for that step, if the caller already made it.
    """
    expired = expire(flow, conversation, now)
    if expired is not None:
        return expired
    step = flow.steps[conversation.step]
    if is_skip(text):
        return _enter(flow, conversation, step.next, now, ())
    assert step.answer is not None
    result = read_answer(step.answer, text, step.choices) if reading is None else reading
    if isinstance(result, Understood):
        answers = (Answer(step.save, result.value, step.name),) if step.save else ()
        target = step.branch.get(result.branch_key, step.next)
        return _enter(flow, conversation, target, now, (), answers)
    if conversation.retries < step.retries:
        reason = "ambiguous_" + result.reason if isinstance(result, Ambiguous) else result.reason
        again = Say(step.reask_id, question=step.ask, args={"reason": reason})
        return Turn(replace(conversation, retries=conversation.retries + 1), says=(again,))
    # Asked enough: move on kindly without saving anything for this step.
    return _enter(flow, conversation, step.next, now, (Say(MOVING_ON),))


def _enter(
    flow: Flow,
    conversation: Conversation,
    target: str,
    now: datetime,
    says: tuple[Say, ...],
    answers: tuple[Answer, ...] = (),
) -> Turn:
    plan = conversation.plan
    while True:
        if target == NEXT:
            target, plan = (plan[0], plan[1:]) if plan else (END, ())
        if target == END:
            ending = (Say(flow.end),) if flow.end else ()
            return Turn(None, answers, says + ending, Ending.COMPLETED, flow.closing)
        step = flow.steps[target]
        if step.say is not None:
            says += (Say(step.say),)
            target = step.next
            continue
        assert step.ask is not None
        moved = replace(conversation, step=target, plan=plan, retries=0, step_started_at=now)
        return Turn(moved, answers, (*says, Say(step.ask)))

"""An active person's message: an answer to the open question, a command, or neither."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from companion.context import ServiceContext
from companion.db.models import Person
from companion.engine.commands import CommandName, find_command
from companion.engine.reading.answers import Understood, read_answer
from companion.engine.reading.intent import read_intent
from companion.engine.reading.intent_precedence import interrupts_flow, outranks_consent_answer
from companion.engine.runner import Say, is_skip
from companion.sharing import consent
from companion.texting import conversation, understanding
from companion.texting.commands import Request, run_command

# Commands whose keyword is also an everyday word in answers: the answer comes first.
ERASURE_FLOW = "delete-me"
_ANSWER_WORDS = frozenset({CommandName.SIDE, CommandName.SKIP, CommandName.GOAL})


@dataclass(frozen=True)
class Routed:
    """What to say back, and whether the person just confirmed DELETE ME."""

    says: list[Say]
    erase: bool = False


async def route(
    ctx: ServiceContext, session: AsyncSession, person: Person, text: str, now: datetime
) -> Routed:
    """Decide what an active person's message means and carry it out.

    A command typed exactly wins ("PAUSE 2" while the sleep question is open pauses,
    it is not 2 hours of sleep). An open question gets first claim on everything else,
    and on SIDE and GOAL, words people use in answers ("side hurts, 5" answers the pain
    question; "goal done" answers the weekly goal review, it does not set a goal "done").
    """
    command = find_command(text)
    row = await conversation.open_conversation(session, person.id)
    if row is not None and await conversation.end_if_expired(ctx, session, row, now):
        row = None
    intent = read_intent(text) if command is None else None
    if command is None and not outranks_consent_answer(intent):  # "please stop texting me"
        since = row.step_started_at if row is not None else None
        shared = await consent.answer(ctx, session, person, text, now, since)
        if shared is not None:
            return Routed(shared)
    if row is not None:
        flow = await conversation.flow_at(ctx, session, row.flow_id, row.flow_revision)
        step = flow.steps[row.step or ""]
        # Read once: the runner takes this reading instead of parsing the text again.
        reading = None if step.answer is None else read_answer(step.answer, text, step.choices)
        answers = isinstance(reading, Understood)
        if interrupts_flow(intent, answered=answers):  # "STOP asking me so many questions"
            return Routed(await understanding.answer(ctx, session, person, intent, now))
        wins = command is not None and command.exact and command.name not in _ANSWER_WORDS
        if not wins and (command is None or answers or is_skip(text)):
            erase = (
                row.flow_id == ERASURE_FLOW
                and isinstance(reading, Understood)
                and reading.value == "delete"
            )
            says = await conversation.continue_flow(ctx, session, person, text, now, row, reading)
            if says is not None:
                return Routed(says, erase=erase)
    if command is not None:
        words = read_intent(command.rest) if command.name is CommandName.LOG else None
        heard = await understanding.answer_log_words(ctx, session, person, words, now)
        return Routed(heard + await run_command(Request(ctx, session, person, command, now)))
    return Routed(await understanding.answer(ctx, session, person, intent, now))

"""An active person's text, once decided: load what the decision needs, carry out its action.

`situation_of` loads what `engine.decide` needs to know (the open question, a waiting
share question); `carry_out` does what the decision's action says: answer the open
question, record a share answer, run a command, or answer the person's own words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from companion.context import ServiceContext
from companion.db.models import CareNote, Consent, ConversationRow, Person
from companion.db.states import PersonStatus
from companion.engine.decide import (
    Action,
    AnswerNote,
    AnswerQuestion,
    AnswerShare,
    GiveFeedback,
    OpenQuestion,
    Situation,
    Text,
    Understand,
)
from companion.engine.reading.parsing import Unreadable
from companion.engine.runner import Say
from companion.sharing import consent as consents
from companion.texting import care_notes, conversation, feedback, understanding
from companion.texting.commands import Request, run_command


@dataclass(frozen=True)
class Loaded:
    """The rows behind a situation, for carrying out its decision without reading again."""

    situation: Situation
    conversation: ConversationRow | None = None
    consent: Consent | None = None
    note: CareNote | None = None


async def situation_of(
    ctx: ServiceContext, session: AsyncSession, person: Person, text: Text, now: datetime
) -> Loaded:
    """What the decision needs to know about a known sender, read only where it matters.

    The open conversation and a waiting share question matter only to an active
    person's text that is neither a carrier keyword nor crisis language; a share
    question is looked up only for a text that could answer it.
    """
    situation = Situation(PersonStatus(person.status), person.terms_accepted_at is not None)
    if situation.status is not PersonStatus.ACTIVE or text.keyword or text.crisis:
        return Loaded(situation)
    row = await conversation.open_conversation(session, person.id)
    if row is not None and await conversation.end_if_expired(ctx, session, row, now):
        row = None
    question = None
    if row is not None:
        flow = await conversation.flow_at(ctx, session, row.flow_id, row.flow_revision)
        question = OpenQuestion(flow.steps[row.step or ""], row.step_started_at)
    waiting = None
    if text.may_answer_share:
        waiting = await consents.question_waiting(session, person.id, now)
    note = None
    if text.command is None and not isinstance(text.yes_no, Unreadable):
        note = await care_notes.question_waiting(session, person.id, now)
    situation = Situation(
        situation.status,
        situation.has_accepted_terms,
        question=question,
        share_asked_at=waiting[1] if waiting else None,
        feedback_asked_at=feedback.waiting_since(person, now),
        note_asked_at=note.created_at if note else None,
    )
    return Loaded(situation, row, waiting[0] if waiting else None, note)


async def carry_out(
    ctx: ServiceContext,
    session: AsyncSession,
    person: Person,
    action: Action,
    loaded: Loaded,
    text: Text,
    now: datetime,
) -> list[Say]:
    """Do what the decision's action says; returns what to say back."""
    if isinstance(action, AnswerQuestion):
        says = await conversation.continue_flow(
            ctx, session, person, text.body, now, loaded.conversation, action.reading
        )
        return says or []
    if isinstance(action, AnswerShare):
        assert loaded.consent is not None  # decided only when a share question waits
        return await consents.apply_answer(ctx, session, person, loaded.consent, action.answer, now)
    if isinstance(action, GiveFeedback):
        return await feedback.keep(ctx, session, person, action.words, now)
    if isinstance(action, AnswerNote):
        assert loaded.note is not None  # decided only when a note's question waits
        return await care_notes.answer(ctx, session, person, loaded.note, action.yes, now)
    if isinstance(action, Understand):
        return await understanding.answer(ctx, session, person, action.intent, now)
    heard = await understanding.answer_log_words(ctx, session, person, action.words, now)
    return heard + await run_command(Request(ctx, session, person, action.command, now))

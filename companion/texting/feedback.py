"""FEEDBACK: a person's words about the service, kept sealed for the operators.

"FEEDBACK the reminders are too early" keeps the words at once; FEEDBACK on its own
asks for them, and the next text that is not a command (within `FEEDBACK_WAIT`) is
kept as the feedback. Crisis language is answered first, as always (`engine/decide`).
Coordinators never see feedback; operators list it without who sent it
(`companion feedback list`).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from companion.context import ServiceContext
from companion.crypto.sealing import seal
from companion.db.models import Feedback, Person, new_id
from companion.db.sealed import FEEDBACK_WORDS
from companion.engine.runner import Say
from companion.texting.request import Request

FEEDBACK_WAIT = timedelta(hours=12)
MAX_FEEDBACK_CHARS = 1000


def waiting_since(person: Person, now: datetime) -> datetime | None:
    """When FEEDBACK on its own asked for words, if it still waits for them."""
    asked = person.feedback_asked_at
    return asked if asked is not None and now - asked <= FEEDBACK_WAIT else None


async def feedback(r: Request) -> list[Say]:
    """FEEDBACK <words> keeps them; FEEDBACK on its own asks for them."""
    if not r.command.rest.strip():
        r.person.feedback_asked_at = r.now
        return [Say("feedback-ask")]
    return await keep(r.ctx, r.session, r.person, r.command.rest, r.now)


async def keep(
    ctx: ServiceContext, session: AsyncSession, person: Person, words: str, now: datetime
) -> list[Say]:
    """Seal the person's words for the operators, and thank them."""
    text = " ".join(words.split())[:MAX_FEEDBACK_CHARS]
    row_id = new_id()
    session.add(
        Feedback(
            id=row_id,
            person_id=person.id,
            locale=person.locale,
            words=seal(ctx.keyring, text, FEEDBACK_WORDS.bound_to(row_id)),
            received_at=now,
        )
    )
    person.feedback_asked_at = None
    return [Say("feedback-thanks")]

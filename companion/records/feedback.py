"""The operators' view of FEEDBACK: date, language and words, newest first. Audited.

Who sent each one is not shown: the words reach the team that runs the service, not
a judgement of a person. (The person id is held only for their export and erasure.)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from companion.context import ServiceContext
from companion.crypto.sealing import unseal
from companion.db.models import Feedback
from companion.db.sealed import FEEDBACK_WORDS
from companion.db.states import AuditAction
from companion.records import audit


@dataclass(frozen=True)
class FeedbackEntry:
    """One piece of feedback, as the operators see it."""

    received_at: datetime
    locale: str
    words: str


async def list_feedback(
    ctx: ServiceContext, *, actor: str, since: datetime | None = None
) -> list[FeedbackEntry]:
    """Feedback received since `since` (all if None), newest first; the reading is audited."""
    query = select(Feedback).order_by(Feedback.received_at.desc(), Feedback.id)
    if since is not None:
        query = query.where(Feedback.received_at >= since)
    async with ctx.sessions() as session, session.begin():
        found = [
            FeedbackEntry(
                row.received_at,
                row.locale,
                unseal(ctx.keyring, row.words, FEEDBACK_WORDS.bound_to(row.id)),
            )
            for row in await session.scalars(query)
        ]
        await audit.record(
            session,
            actor=actor,
            action=AuditAction.FEEDBACK_LIST,
            outcome="ok",
            now=ctx.clock(),
        )
    return found

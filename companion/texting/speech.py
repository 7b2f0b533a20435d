"""Turning what the core wants to say into queued SMS, in the person's language."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from companion.context import ServiceContext
from companion.db import outbox
from companion.db.models import OutboxMessage
from companion.db.outbox import Recipient, Timing
from companion.engine.runner import Say
from companion.i18n.catalog import Catalog


def render(catalog: Catalog, say: Say, locale: str) -> str:
    """The text of `say`; a `question` is rendered first and passed in as `$question`."""
    args: dict[str, str | int | float] = dict(say.args)
    if say.question is not None:
        args["question"] = catalog.render(say.question, locale)
    return catalog.render(say.message_id, locale, args)


def says_values(
    ctx: ServiceContext, says: Iterable[Say], to: Recipient, timing: Timing
) -> list[dict[str, object]]:
    """The outbox rows for `says`, rendered in `to`'s language and sealed, sent in order."""
    return [
        outbox.sms_values(
            ctx.keyring, to, say.message_id, render(ctx.catalog, say, to.locale), timing, sequence
        )
        for sequence, say in enumerate(says)
    ]


def queue_says(
    ctx: ServiceContext, session: AsyncSession, says: Iterable[Say], to: Recipient, timing: Timing
) -> int:
    """Queue each message to the outbox in this transaction (written at the next flush,
    with the unit of work's other rows); returns how many."""
    rows = says_values(ctx, says, to, timing)
    session.add_all(OutboxMessage(**row) for row in rows)
    return len(rows)


async def insert_says(
    ctx: ServiceContext, session: AsyncSession, says: Sequence[Say], to: Recipient, timing: Timing
) -> int:
    """As `queue_says`, but inserted at once with one Core statement; returns how many."""
    rows = says_values(ctx, says, to, timing)
    await outbox.insert_sms(session, rows)
    return len(rows)

"""Turning what the core wants to say into queued SMS, in the person's language."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from companion.db import outbox
from companion.engine.runner import Say
from companion.i18n.catalog import Catalog
from companion.services.context import ServiceContext


def render(catalog: Catalog, say: Say, locale: str) -> str:
    """The text of `say`; a `question` is rendered first and passed in as `$question`."""
    args: dict[str, str | int | float] = dict(say.args)
    if say.question is not None:
        args["question"] = catalog.render(say.question, locale)
    return catalog.render(say.message_id, locale, args)


def queue_says(
    ctx: ServiceContext,
    session: AsyncSession,
    says: Iterable[Say],
    *,
    to: str,
    phone_index: str,
    person_id: str | None,
    locale: str,
    priority: int,
    now: datetime,
    valid_until: datetime | None = None,
) -> int:
    """Queue each message to the outbox in this transaction; returns how many."""
    queued = 0
    for say in says:
        outbox.queue_sms(
            session,
            ctx.keyring,
            to=to,
            phone_index=phone_index,
            person_id=person_id,
            body=render(ctx.catalog, say, locale),
            message_key=say.message_id,
            priority=priority,
            now=now,
            valid_until=valid_until,
            sequence=queued,
        )
        queued += 1
    return queued


async def insert_says(
    ctx: ServiceContext,
    session: AsyncSession,
    says: Sequence[Say],
    *,
    to: str,
    phone_index: str,
    person_id: str | None,
    locale: str,
    priority: int,
    now: datetime,
) -> int:
    """As `queue_says`, but inserted at once with one Core statement; returns how many."""
    rows = [
        outbox.sms_values(
            ctx.keyring,
            to=to,
            phone_index=phone_index,
            person_id=person_id,
            body=render(ctx.catalog, say, locale),
            message_key=say.message_id,
            priority=priority,
            now=now,
            sequence=sequence,
        )
        for sequence, say in enumerate(says)
    ]
    await outbox.insert_sms(session, rows)
    return len(rows)

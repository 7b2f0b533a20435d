"""The supporters' weekly good news: Sunday at 18:00 London time, about Monday to Sunday.

Each supporter gets at most one message a week: `supporter.last_week` is written in
the same transaction as the queued SMS, and the rows are claimed with FOR UPDATE
SKIP LOCKED on PostgreSQL, so two instances never send it twice. A week with no good
news sends nothing. Only what the person chose is in it (`engine/supporters.py`).
"""

from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy import or_, select

from companion.context import ServiceContext
from companion.crypto.sealing import unseal
from companion.db import observations
from companion.db.models import Person, Supporter
from companion.db.outbox import Timing
from companion.db.sealed import PERSON_NAME
from companion.db.states import PersonStatus, Priority, SupporterStatus
from companion.engine.supporters import WeekDue, week_news, weekly_due, weekly_say
from companion.sharing import supporter_records as records
from companion.texting.speech import queue_says

log = logging.getLogger(__name__)
BATCH_SIZE = 100
HISTORY_DAYS = 10  # the week just ended and the day it is sent on
VALID_FOR = timedelta(hours=20)  # held through the night's quiet hours, then dropped


async def supporter_sweep(ctx: ServiceContext, *, batch_size: int = BATCH_SIZE) -> int:
    """Queue this week's good news to every supporter not yet sent it; returns how many."""
    due = weekly_due(ctx.clock())
    if due is None:
        return 0
    queued = 0
    while (done := await _batch(ctx, due, batch_size)) is not None:
        queued += done
    if queued:
        ctx.wake_dispatcher()
    log.info("supporter weekly queued", extra={"count": queued, "week": due.key})
    return queued


async def _batch(ctx: ServiceContext, due: WeekDue, batch_size: int) -> int | None:
    """One transaction: claim up to `batch_size` supporters, mark the week, queue news.

    Returns:
        How many messages were queued, or None when no supporter was left to claim.
    """
    now = ctx.clock()
    async with ctx.sessions() as session, session.begin():
        rows = list(
            await session.execute(
                select(Supporter, Person)
                .join(Person, Person.id == Supporter.person_id)
                .where(
                    Supporter.status == SupporterStatus.ACTIVE,
                    or_(Supporter.last_week.is_(None), Supporter.last_week != due.key),
                    Person.status == PersonStatus.ACTIVE,
                )
                .order_by(Supporter.id)
                .limit(batch_size)
                .with_for_update(of=Supporter, skip_locked=True)
            )
        )
        if not rows:
            return None
        queued = 0
        for supporter, person in rows:
            supporter.last_week = due.key
            history = await observations.history(
                session, ctx.keyring, person.id, now, days=HISTORY_DAYS
            )
            news = week_news(history, due.first_day, frozenset(supporter.shares.split()))
            assert person.name is not None  # invitations need the person's name
            name = unseal(ctx.keyring, person.name, PERSON_NAME.bound_to(person.id))
            say = weekly_say(news, name)
            if say is None:
                continue
            to = records.recipient(ctx.keyring, supporter, person.locale)
            timing = Timing(Priority.BULK, now, valid_until=now + VALID_FOR)
            queued += queue_says(ctx, session, [say], to, timing)
    return queued

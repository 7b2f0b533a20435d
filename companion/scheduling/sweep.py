"""The due-work sweep: claim due items in batches, start what is due, move each on.

Each batch is one transaction: the claim (FOR UPDATE SKIP LOCKED on PostgreSQL), the
flows started, the outbox rows and every item's next due time commit together, so a
crash loses nothing and a second instance never starts the same item.
"""

from __future__ import annotations

import asyncio
import json
import logging
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from companion.context import ServiceContext
from companion.crypto.sealing import unseal
from companion.db import people, sweep_reads
from companion.db.models import DueItem, Goal, Person
from companion.db.outbox import Timing
from companion.db.sealed import DUE_PAYLOAD
from companion.db.states import DueKind, DueStatus, PersonStatus, Priority
from companion.engine.due import Action, Facts, Item, decide
from companion.engine.runner import Say
from companion.engine.timing import Window, parse_wall, quiet_for, window_of
from companion.texting import conversation
from companion.texting.speech import queue_says
from companion.texting.starter import FlowStarter
from companion.texting.tips import next_tip

log = logging.getLogger(__name__)
BATCH = 200
TIP = "tip"  # the weekly tip is a due item of its own (its flow id), not a flow


@dataclass
class SweepResult:
    """How many items each action took in one sweep."""

    counts: dict[str, int] = field(default_factory=dict)

    def add(self, action: str) -> None:
        """Count one item that took `action`."""
        self.counts[action] = self.counts.get(action, 0) + 1

    @property
    def total(self) -> int:
        """How many items the sweep handled."""
        return sum(self.counts.values())


async def sweep(ctx: ServiceContext, batch: int = BATCH) -> SweepResult:
    """Handle every item due now, batch by batch. Safe to run in several processes."""
    result = SweepResult()
    while True:
        done = SweepResult()
        handled = await _one_batch(ctx, batch, done)
        # Each committed batch counts and is sent at once: a 100,000-item sweep shows its
        # progress in /metrics and its first check-ins go out while the rest are started.
        for action, count in done.counts.items():
            ctx.metrics.due_items.labels(action).inc(count)
            result.counts[action] = result.counts.get(action, 0) + count
        if done.counts.get(Action.RUN, 0):
            ctx.wake_dispatcher()
        if handled < batch:
            break
        await asyncio.sleep(0)  # let the dispatcher in between batches
    if result.total:
        log.info("sweep", extra={"counts": result.counts})
    return result


@dataclass
class _Known:
    """What the batch's items need about their people, read for the whole batch at once."""

    people: dict[str, Person]
    starter: FlowStarter
    tips_sent: dict[str, set[str]]
    goals: dict[str, Goal]


async def _one_batch(ctx: ServiceContext, batch: int, result: SweepResult) -> int:
    now = ctx.clock()
    async with ctx.sessions() as session, session.begin():
        items = list(
            await session.scalars(
                select(DueItem)
                .where(DueItem.status == DueStatus.SCHEDULED, DueItem.due_at <= now)
                .order_by(DueItem.due_at, DueItem.id)
                .limit(batch)
                .with_for_update(skip_locked=True)
            )
        )
        if items:
            await handle_items(ctx, session, items, now, result)
    return len(items)


async def handle_items(
    ctx: ServiceContext,
    session: AsyncSession,
    items: list[DueItem],
    now: datetime,
    result: SweepResult,
) -> None:
    """Run, hold, skip or drop each claimed due item (the batch's reads done at once)."""
    known = await _read(ctx, session, items, now)
    for item in items:
        result.add(await _handle(ctx, session, known, item, now))


async def _read(
    ctx: ServiceContext, session: AsyncSession, items: list[DueItem], now: datetime
) -> _Known:
    """Read the batch's people, what starting their flows needs, and their tips and goals."""
    ids = {item.person_id for item in items}
    flows = list(
        {i.flow_id: ctx.flows[i.flow_id] for i in items if i.flow_id in ctx.flows}.values()
    )
    tipped = {item.person_id for item in items if item.flow_id == TIP}
    return _Known(
        people=await sweep_reads.people_by_id(session, ids),
        starter=await FlowStarter.read(ctx, session, ids, flows, now),
        tips_sent=await sweep_reads.tips_sent(session, tipped) if tipped else {},
        goals=await sweep_reads.current_goals(session, tipped) if tipped else {},
    )


async def _handle(
    ctx: ServiceContext, session: AsyncSession, known: _Known, item: DueItem, now: datetime
) -> str:
    person = known.people[item.person_id]
    open_row = known.starter.open_row(person.id)
    if open_row is not None and await conversation.end_if_expired(ctx, session, open_row, now):
        known.starter.forget(person.id)
        open_row = None
    facts = Facts(
        active=person.status == PersonStatus.ACTIVE,
        paused_until=person.paused_until,
        busy_since=open_row.started_at if open_row is not None else None,
    )
    quiet = ctx.quiet_hours
    service = Window(quiet.start, quiet.end) if quiet is not None else None
    # Their own quiet time (QUIET) joined to the service's: it can only widen it.
    window = quiet_for(service, window_of(person.quiet_hours))
    snapshot = Item(
        item.kind, item.repeat, parse_wall(item.wall_time), item.due_at, item.valid_until
    )
    decision = decide(snapshot, facts, now, window)
    if decision.action is Action.RUN:
        await _run(ctx, session, known, person, item, now)
    item.runs += decision.action is Action.RUN
    item.last_outcome, item.updated_at = decision.action.value, now
    if decision.action is Action.CANCEL:
        item.status = DueStatus.CANCELLED
    elif decision.next_due is None or decision.next_valid_until is None:
        item.status = DueStatus.DONE
    else:
        item.due_at, item.valid_until = decision.next_due, decision.next_valid_until
    return decision.action.value


async def _run(
    ctx: ServiceContext,
    session: AsyncSession,
    known: _Known,
    person: Person,
    item: DueItem,
    now: datetime,
) -> None:
    says: list[Say]
    if item.flow_id == TIP:
        sent = known.tips_sent.get(person.id, set())
        says = next_tip(ctx, session, person, now, sent=sent, goal=known.goals.get(person.id))
    elif item.kind in (DueKind.REMINDER, DueKind.APPOINTMENT):
        says = [_reminder(ctx, item)]
    else:
        says = await known.starter.start(person, ctx.flows[item.flow_id])
        if item.flow_id == conversation.CHECKIN:
            says = conversation.greeted(ctx, person, says)  # by name, when they gave one
    to = people.recipient(ctx.keyring, person)
    queue_says(ctx, session, says, to, Timing(Priority.BULK, now, item.valid_until))


def _reminder(ctx: ServiceContext, item: DueItem) -> Say:
    assert item.payload is not None
    data = json.loads(unseal(ctx.keyring, item.payload, DUE_PAYLOAD.bound_to(item.id)))
    if item.kind is DueKind.APPOINTMENT:
        args = {"what": data["what"], "time": data["time"], "day": data["day"]}
        return Say("appointment-reminder", args=args)
    return Say("reminder", args={"what": data["what"]})

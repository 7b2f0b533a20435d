"""Starting flows: the one way a conversation begins, for one person or a sweep's batch.

`FlowStarter.read` reads, for a set of people at once, what starting a flow needs: each
one's open conversation (it is replaced), the topics of their last runs of a planned
flow (today's plan rotates through them) and whether they smoke; it stores any flow
revision not yet stored. `start` then begins a flow for one of them. The sweep reads a
batch and starts each due item's flow; LOG and DELETE ME start one with `start_flow`,
which reads for that one person. Golden transcripts start their
planned check-ins through the sweep, so they run this same path.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from companion.context import ServiceContext
from companion.db import sweep_reads
from companion.db.models import ConversationRow, Person
from companion.db.states import ConversationStatus, DueKind
from companion.engine.flowspec import Flow
from companion.engine.reading.answers import Stored
from companion.engine.rotation import SMOKER_FACT, SMOKING
from companion.engine.runner import Say
from companion.texting import conversation
from companion.texting.whole_life import chosen_topics


@dataclass
class FlowStarter:
    """What starting flows needs for a set of people, read once for all of them."""

    ctx: ServiceContext
    session: AsyncSession
    open_rows: dict[str, ConversationRow]
    recent: dict[str, dict[str, list[str]]]  # flow id -> person id -> topics, newest first
    smokes: dict[str, Stored]
    now: datetime

    @classmethod
    async def read(
        cls,
        ctx: ServiceContext,
        session: AsyncSession,
        person_ids: Collection[str],
        flows: Collection[Flow],
        now: datetime,
    ) -> FlowStarter:
        """Read what starting any of `flows` for these people needs, in a few queries."""
        missing = await sweep_reads.missing_revisions(session, {flow.revision for flow in flows})
        session.add_all(conversation.revision_row(f, now) for f in flows if f.revision in missing)
        planned = [flow for flow in flows if flow.planned]
        recent = {f.id: await sweep_reads.recent_topics(session, person_ids, f.id) for f in planned}
        smokes: dict[str, Stored] = {}
        if any(flow.id == conversation.CHECKIN for flow in planned):
            smokes = await sweep_reads.latest_answers(
                session,
                ctx.keyring,
                person_ids,
                key=SMOKER_FACT,
                kind=DueKind.CHECKIN,
                flow_id=conversation.CHECKIN,
                topic=SMOKING,
            )
        rows = await sweep_reads.open_conversations(session, person_ids, ConversationStatus.OPEN)
        return cls(ctx, session, rows, recent, smokes, now)

    async def start(self, person: Person, flow: Flow) -> list[Say]:
        """Begin `flow` for `person` (ending their open conversation); what to say first."""
        current = self.open_rows.pop(person.id, None)
        if current is not None:
            conversation.end_open(current, ConversationStatus.REPLACED, self.now)
            await self.session.flush()  # the person's one open conversation ends first
        plan: tuple[str, ...] = ()
        if flow.planned:
            recent = self.recent.get(flow.id, {}).get(person.id, [])
            chosen = chosen_topics(self.ctx.keyring, person)
            plan = conversation.plan_for(flow, recent, self.smokes.get(person.id), chosen)
        row, says = await conversation.begin_flow(
            self.ctx, self.session, person, flow, plan, self.now
        )
        self.open_rows[person.id] = row  # a second item for the person sees it is busy
        return says

    def open_row(self, person_id: str) -> ConversationRow | None:
        """The person's open conversation as read (or just started), if any."""
        return self.open_rows.get(person_id)

    def forget(self, person_id: str) -> None:
        """The person's open conversation has ended (expired) since it was read."""
        self.open_rows.pop(person_id, None)


async def start_flow(
    ctx: ServiceContext, session: AsyncSession, person: Person, flow_id: str, now: datetime
) -> list[Say]:
    """Start `flow_id` for one person now (LOG, DELETE ME): what to say first."""
    flow = ctx.flows[flow_id]
    starter = await FlowStarter.read(ctx, session, [person.id], [flow], now)
    return await starter.start(person, flow)

"""Running flows for a person: start one, apply a reply, end it; persisted with the replies."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from sqlalchemy import bindparam, inspect, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from companion.context import ServiceContext
from companion.crypto.sealing import unseal
from companion.db import observations
from companion.db.core import run_core
from companion.db.models import ConversationRow, FlowRevision, Person, new_id
from companion.db.sealed import PERSON_NAME
from companion.db.states import ConversationStatus
from companion.engine.closing import closing_line
from companion.engine.flowspec import Flow, parse_flow
from companion.engine.reading.answers import Reading, Stored
from companion.engine.rotation import plan_checkin, topics_of
from companion.engine.runner import Conversation, Ending, Say, Turn, expire, reply, start

CHECKIN = "checkin"
_parsed: dict[str, Flow] = {}


# Built once: every answer reads it (building and keying a statement costs more than
# running it from the compiled cache).
_OPEN = select(ConversationRow).where(
    ConversationRow.person_id == bindparam("person_id"),
    ConversationRow.status == ConversationStatus.OPEN,
)


async def open_conversation(session: AsyncSession, person_id: str) -> ConversationRow | None:
    """The person's open conversation, if any."""
    row: ConversationRow | None = await session.scalar(_OPEN, {"person_id": person_id})
    return row


async def begin_flow(
    ctx: ServiceContext,
    session: AsyncSession,
    person: Person,
    flow: Flow,
    plan: tuple[str, ...],
    now: datetime,
) -> tuple[ConversationRow, list[Say]]:
    """Open a conversation on `flow` (stored revision, none open for the person now).

    The row is written once, with its first step already set, at the next flush.
    """
    turn = start(flow, now, plan)
    row = ConversationRow(
        id=new_id(),
        person_id=person.id,
        flow_id=flow.id,
        flow_revision=flow.revision,
        status=ConversationStatus.OPEN,
        topics=" ".join(topics_of(flow, plan)),
        plan="",
        retries=0,
        started_at=now,
        step_started_at=now,
    )
    session.add(row)
    if turn.answers:
        await session.flush()  # the answers refer to the row
    return row, await _apply(ctx, session, person, flow, row, turn, now)


NAME_CHARS = 30  # as NAME keeps it; the greeting's width for $name


def greeted(ctx: ServiceContext, person: Person, says: list[Say]) -> list[Say]:
    """A scheduled check-in's first question inside a greeting, by name if they gave one."""
    if not says or says[0].question is not None or says[0].args or person.name is None:
        return says  # unnamed: the question as it is (its own message key in the outbox)
    name = unseal(ctx.keyring, person.name, PERSON_NAME.bound_to(person.id))
    args = {"named": "yes" if name else "no", "name": name[:NAME_CHARS]}
    return [Say("checkin-greeting", question=says[0].message_id, args=args), *says[1:]]


def plan_for(
    flow: Flow,
    recent_topics: list[str],
    smokes: Stored | None,
    chosen_topics: frozenset[str] = frozenset(),
) -> tuple[str, ...]:
    """Today's plan for a planned flow, from the topics of its last runs (newest first)."""
    known = smokes if isinstance(smokes, bool) else None
    recent = [t.split() for t in recent_topics]
    return plan_checkin(flow, recent, smokes=known, chosen_topics=chosen_topics)


async def continue_flow(
    ctx: ServiceContext,
    session: AsyncSession,
    person: Person,
    text: str,
    now: datetime,
    row: ConversationRow | None = None,
    reading: Reading | None = None,
) -> list[Say] | None:
    """Apply `text` to the open conversation; None if there is none (or it just expired).

    A caller that has already loaded the open conversation passes it as `row`, and
    one that has already read `text` as the answer to its open step passes `reading`.
    """
    row = row or await open_conversation(session, person.id)
    if row is None:
        return None
    flow = await flow_at(ctx, session, row.flow_id, row.flow_revision)
    state = _state(row)
    if expire(flow, state, now) is not None:
        await end_if_expired(ctx, session, row, now)
        return None
    turn = reply(flow, state, text, now, reading=reading)
    # The answers go in with one Core insert (the hot path); `_apply` does the rest.
    answers = [(answer.key, answer.value) for answer in turn.answers]
    await observations.insert_now(session, ctx.keyring, person.id, answers, now, row.id)
    return await _apply(ctx, session, person, flow, row, replace(turn, answers=()), now)


async def current_question(
    ctx: ServiceContext, session: AsyncSession, row: ConversationRow
) -> Say | None:
    """The question the open conversation is waiting on (to ask it again)."""
    flow = await flow_at(ctx, session, row.flow_id, row.flow_revision)
    step = flow.steps.get(row.step or "")
    return Say(step.ask) if step is not None and step.ask else None


async def end_if_expired(
    ctx: ServiceContext, session: AsyncSession, row: ConversationRow, now: datetime
) -> bool:
    """Close a conversation past its time, quietly (answers already given are kept)."""
    flow = await flow_at(ctx, session, row.flow_id, row.flow_revision)
    turn = expire(flow, _state(row), now)
    if turn is None or turn.ended is None:
        return False
    _finish(row, turn.ended, now)
    return True


def end_open(row: ConversationRow | None, status: ConversationStatus, now: datetime) -> None:
    """End a conversation because the person stopped or left it."""
    if row is not None:
        _finish(row, status, now)


async def flow_at(ctx: ServiceContext, session: AsyncSession, flow_id: str, revision: str) -> Flow:
    """The flow as it was at `revision`: a conversation finishes on the flow it began."""
    current = ctx.flows.get(flow_id)
    if current is not None and current.revision == revision:
        return current
    if revision not in _parsed:
        stored = await session.get(FlowRevision, revision)
        if stored is None:
            raise LookupError(f"flow revision {revision} of {flow_id} is not stored")
        _parsed[revision] = parse_flow(stored.source, f"{flow_id}@{revision}")
    return _parsed[revision]


async def remember_revisions(ctx: ServiceContext) -> None:
    """Store every current flow revision at start-up (several instances may race: fine)."""
    for flow in ctx.flows.values():
        try:
            async with ctx.sessions() as session, session.begin():
                await _remember_revision(session, flow, ctx.clock())
        except IntegrityError:
            continue  # another instance stored it first


async def _remember_revision(session: AsyncSession, flow: Flow, now: datetime) -> None:
    if await session.get(FlowRevision, flow.revision) is None:
        session.add(revision_row(flow, now))
        await session.flush()


def revision_row(flow: Flow, now: datetime) -> FlowRevision:
    """The stored copy of a flow's revision, which its conversations refer to."""
    return FlowRevision(revision=flow.revision, flow_id=flow.id, source=flow.source, created_at=now)


async def _apply(
    ctx: ServiceContext,
    session: AsyncSession,
    person: Person,
    flow: Flow,
    row: ConversationRow,
    turn: Turn,
    now: datetime,
) -> list[Say]:
    for answer in turn.answers:
        observations.record(session, ctx.keyring, person.id, answer.key, answer.value, now, row.id)
    says = list(turn.says)
    if turn.conversation is None:
        _finish(row, turn.ended or Ending.COMPLETED, now)
        if turn.ended is Ending.COMPLETED and turn.closing == "encouragement":
            await session.flush()
            says.append(
                closing_line(await observations.history(session, ctx.keyring, person.id, now))
            )
        return says
    await _advance(session, row, turn.conversation)
    return says


_ADVANCE = (
    update(ConversationRow)
    .where(ConversationRow.id == bindparam("row_id"))
    .values(
        step=bindparam("to_step"),
        plan=bindparam("to_plan"),
        retries=bindparam("to_retries"),
        step_started_at=bindparam("to_started"),
    )
)


async def _advance(session: AsyncSession, row: ConversationRow, state: Conversation) -> None:
    """Move the row to `state`'s step: on a stored row, one prebuilt UPDATE now (the
    hot path: every answer but the last), the loaded object kept in step without a flush."""
    values = {
        "step": state.step,
        "plan": " ".join(state.plan),
        "retries": state.retries,
        "step_started_at": state.step_started_at,
    }
    if not inspect(row).persistent:  # just begun: written with the row at the next flush
        for name, value in values.items():
            setattr(row, name, value)
        return
    await run_core(
        session,
        _ADVANCE,
        {
            "row_id": row.id,
            "to_step": state.step,
            "to_plan": values["plan"],
            "to_retries": state.retries,
            "to_started": state.step_started_at,
        },
    )
    for name, value in values.items():
        set_committed_value(row, name, value)


def _state(row: ConversationRow) -> Conversation:
    return Conversation(
        flow_id=row.flow_id,
        revision=row.flow_revision,
        step=row.step or "",
        plan=tuple(row.plan.split()),
        retries=row.retries,
        started_at=row.started_at,
        step_started_at=row.step_started_at,
    )


def _finish(row: ConversationRow, status: ConversationStatus, now: datetime) -> None:
    row.status, row.step, row.ended_at = status, None, now

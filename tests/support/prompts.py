"""Starting a flow because it is due, as the scheduler does: the transcripts' `! flow`."""

from __future__ import annotations

from companion.context import ServiceContext
from companion.crypto.blind_index import phone_index
from companion.db import people
from companion.db.models import DueItem, new_id
from companion.db.states import DueKind
from companion.engine.due import WINDOWS, Action
from companion.engine.timing import LONDON
from companion.scheduling.sweep import SweepResult, handle_items

# The kind of due item each flow is started by in real life.
_KINDS = {
    "checkin": DueKind.CHECKIN,
    "side-effects": DueKind.WEEKLY,
    "goal-review": DueKind.WEEKLY,
    "weigh-in": DueKind.CALENDAR,
    "twelve-week-check": DueKind.CALENDAR,
    "health-check": DueKind.CALENDAR,
}


async def prompt(ctx: ServiceContext, e164: str, flow_id: str) -> bool:
    """Make `flow_id` due now for the person with this number and hand it to the sweep's
    batch handler, exactly as a sweep would; True if the flow started.

    Nothing else the person has due is touched, so a transcript decides when flows start.
    """
    now = ctx.clock()
    kind = _KINDS[flow_id]
    result = SweepResult()
    async with ctx.sessions() as session, session.begin():
        person = await people.find_person(session, phone_index(ctx.keyring, e164), lock=True)
        if person is None:
            return False
        item = DueItem(
            id=new_id(),
            person_id=person.id,
            kind=kind,
            flow_id=flow_id,
            repeat="once",
            wall_time=now.astimezone(LONDON).strftime("%H:%M"),
            due_at=now,
            valid_until=now + WINDOWS[kind],
            runs=0,
            updated_at=now,
        )
        session.add(item)
        await session.flush()
        await handle_items(ctx, session, [item], now, result)
    ctx.wake_dispatcher()
    return result.counts.get(Action.RUN, 0) == 1

"""Starting a flow because it is due (a check-in, a weekly review), not because they texted."""

from __future__ import annotations

from datetime import datetime

from companion.context import ServiceContext
from companion.crypto.blind_index import phone_index
from companion.db import people
from companion.db.models import Person
from companion.db.states import PersonStatus, Priority
from companion.texting import conversation
from companion.texting.speech import queue_says


def is_promptable(person: Person, now: datetime) -> bool:
    """Active and not paused: the only people a prompt may go to."""
    paused = person.paused_until is not None and person.paused_until > now
    return person.status == PersonStatus.ACTIVE and not paused


async def prompt(ctx: ServiceContext, e164: str, flow_id: str) -> bool:
    """Start `flow_id` for the person with this number and queue its first messages.

    Returns:
        False (and nothing is sent) if they are not active, or paused.
    """
    now = ctx.clock()
    async with ctx.sessions() as session, session.begin():
        person = await people.find_person(session, phone_index(ctx.keyring, e164), lock=True)
        if person is None or not is_promptable(person, now):
            return False
        says = await conversation.start_flow(ctx, session, person, flow_id, now)
        if flow_id == conversation.CHECKIN:  # as the sweep does
            says = conversation.greeted(ctx, person, says)
        queue_says(
            ctx,
            session,
            says,
            to=e164,
            phone_index=person.phone_index,
            person_id=person.id,
            locale=person.locale,
            priority=Priority.BULK,
            now=now,
        )
    ctx.wake_dispatcher()
    return True

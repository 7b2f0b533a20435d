"""Operator invitations: the person is asked, and nothing starts until they reply YES."""

from __future__ import annotations

from enum import StrEnum

from companion.context import ServiceContext
from companion.crypto.blind_index import phone_index
from companion.db import outbox, people
from companion.db.outbox import Recipient, Timing
from companion.db.states import PersonStatus, Priority
from companion.texting.inbound import terms_version


class InviteResult(StrEnum):
    """What `invite` did."""

    INVITED = "invited"
    ALREADY_ACTIVE = "already_active"
    STOPPED = "stopped"


async def invite(ctx: ServiceContext, e164: str) -> InviteResult:
    """Queue an invitation to `e164`, unless they are active or have said STOP.

    Someone who texted STOP is never invited again by an operator: only their own
    START brings them back.
    """
    now = ctx.clock()
    index = phone_index(ctx.keyring, e164)
    async with ctx.sessions() as session, session.begin():
        person = await people.find_person(session, index, lock=True)
        if person is not None and person.status == PersonStatus.ACTIVE:
            return InviteResult.ALREADY_ACTIVE
        if person is not None and person.status == PersonStatus.STOPPED:
            return InviteResult.STOPPED
        if person is None:
            person = await people.add_person(session, ctx.keyring, e164, PersonStatus.INVITED, now)
        person.status, person.invited_at, person.updated_at = PersonStatus.INVITED, now, now
        person.terms_version = terms_version(ctx, "invitation", person.locale)
        to = Recipient(e164, index, person.id, person.locale)
        body = ctx.catalog.render("invitation", person.locale)
        outbox.queue_sms(session, ctx.keyring, to, "invitation", body, Timing(Priority.BULK, now))
    ctx.wake_dispatcher()
    return InviteResult.INVITED

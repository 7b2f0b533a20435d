"""SUPPORTER and SUPPORTERS: the person invites, lists, shares with and removes supporters.

An invitation is one SMS to the invitee; only their YES makes them a supporter
(`sharing/supporter_replies.py`). By default a supporter gets encouragement only; a
health category is shared only after `SUPPORTER SHARE <name> <category>` and the
person's YES to the question that names exactly what the supporter would see.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from companion.context import ServiceContext
from companion.crypto.blind_index import phone_index
from companion.crypto.sealing import unseal
from companion.db.models import Person, Supporter
from companion.db.outbox import Timing
from companion.db.sealed import PERSON_NAME
from companion.db.states import PersonStatus, Priority, SupporterEventKind, SupporterStatus
from companion.engine.runner import Say
from companion.engine.supporters import (
    MAX_SUPPORTERS,
    Invite,
    ListSupporters,
    Remove,
    Share,
    Unshare,
    matches,
    read_supporter_command,
)
from companion.sharing import supporter_records as records
from companion.sms.phone import InvalidPhoneNumber, to_e164
from companion.texting.request import Request
from companion.texting.speech import queue_says

INVITES_PER_DAY = 3  # invitations a person may send in 24 hours
INVITATION_VALID = timedelta(days=1)  # an invitation not sent within a day is dropped
HOW_TO = "supporter-how"


async def supporter_command(r: Request) -> list[Say]:
    """SUPPORTER <...> and SUPPORTERS: what the words after it ask for."""
    command = read_supporter_command(r.command.rest)
    if isinstance(command, ListSupporters):
        return await _list(r)
    if isinstance(command, Invite):
        return await _invite(r, command)
    if isinstance(command, Remove):
        return await _remove(r, command)
    if isinstance(command, Share):
        return await _ask_share(r, command)
    if isinstance(command, Unshare):
        return await _unshare(r, command)
    return [Say(HOW_TO)]


def _person_name(r: Request) -> str | None:
    if r.person.name is None:
        return None
    return unseal(r.ctx.keyring, r.person.name, PERSON_NAME.bound_to(r.person.id))


async def _list(r: Request) -> list[Say]:
    live = await records.live_for_person(r.session, r.person.id, r.now)
    if not live:
        return [Say("supporter-list-none")]
    return [
        Say(
            "supporter-list-entry",
            args={
                "name": records.name_of(r.ctx.keyring, s),
                "joined": "yes" if s.status is SupporterStatus.ACTIVE else "no",
                "activity": "yes" if "activity" in s.shares.split() else "no",
                "sleep": "yes" if "sleep" in s.shares.split() else "no",
            },
        )
        for s in live
    ]


async def _invite(r: Request, command: Invite) -> list[Say]:
    person_name = _person_name(r)
    if person_name is None:
        return [Say("supporter-need-name")]
    try:
        e164 = to_e164(command.number)
    except InvalidPhoneNumber:
        return [Say("supporter-number-unclear")]
    index = phone_index(r.ctx.keyring, e164)
    refusal = await _refusal(r, index)
    if refusal is not None:
        return [Say(refusal)]
    name = command.name or r.ctx.catalog.render(
        "supporter-unnamed", r.person.locale, {"digits": e164[-4:]}
    )
    supporter = records.new_supporter(r.ctx.keyring, r.person.id, e164, index, name, r.now)
    r.session.add(supporter)
    await r.session.flush()
    invitation = Say("supporter-invitation", args={"person": person_name})
    locale = r.person.locale
    await records.record_step(
        r.ctx, r.session, supporter, SupporterEventKind.INVITED, invitation, locale, r.now
    )
    to = records.recipient(r.ctx.keyring, supporter, locale)
    # Bulk: held through the night's quiet hours, like any message not asked for.
    timing = Timing(Priority.BULK, r.now, valid_until=r.now + INVITATION_VALID)
    queue_says(r.ctx, r.session, [invitation], to, timing)
    return [Say("supporter-invited", args={"name": name})]


async def _refusal(r: Request, index: str) -> str | None:
    """Why this number cannot be invited now, as a message id; None if it can."""
    if index == r.person.phone_index:
        return "supporter-not-yourself"
    live = await records.live_for_person(r.session, r.person.id, r.now)
    if any(s.phone_index == index for s in live):
        return "supporter-already"
    if len(live) >= MAX_SUPPORTERS:
        return "supporter-too-many"
    sent = await r.session.scalar(
        select(func.count()).where(
            Supporter.person_id == r.person.id, Supporter.invited_at > r.now - timedelta(days=1)
        )
    )
    if (sent or 0) >= INVITES_PER_DAY:
        return "supporter-invite-limit"
    stopped_person = await r.session.scalar(
        select(Person.id).where(Person.phone_index == index, Person.status == PersonStatus.STOPPED)
    )
    left = await r.session.scalar(
        select(Supporter.id)
        .where(Supporter.phone_index == index, Supporter.status == SupporterStatus.LEFT)
        .limit(1)
    )
    # Someone who texted STOP (as a person or a supporter) is never texted again.
    return "supporter-cannot-invite" if stopped_person or left else None


async def _find(r: Request, who: str, *, joined_only: bool) -> Supporter | None:
    """The supporter the person named; the only one, if they named none."""
    live = await records.live_for_person(r.session, r.person.id, r.now)
    if joined_only:
        live = [s for s in live if s.status is SupporterStatus.ACTIVE]
    if not who.strip():
        return live[0] if len(live) == 1 else None
    keyring = r.ctx.keyring
    for supporter in live:
        phone = records.phone_of(keyring, supporter) or ""
        if matches(who, records.name_of(keyring, supporter), phone):
            return supporter
    return None


async def _remove(r: Request, command: Remove) -> list[Say]:
    supporter = await _find(r, command.who, joined_only=False)
    if supporter is None:
        return [Say("supporter-not-found")]
    name = records.name_of(r.ctx.keyring, supporter)
    done = Say("supporter-removed", args={"name": name})
    await records.end(r.session, supporter, SupporterStatus.REMOVED, r.now)
    kind = SupporterEventKind.REMOVED
    await records.record_step(r.ctx, r.session, supporter, kind, done, r.person.locale, r.now)
    return [done]


async def _ask_share(r: Request, command: Share) -> list[Say]:
    if command.category is None:
        return [Say("supporter-share-how")]
    supporter = await _find(r, command.who, joined_only=True)
    if supporter is None:
        return [Say("supporter-share-who")]
    name = records.name_of(r.ctx.keyring, supporter)
    args: dict[str, str | int] = {"name": name, "category": command.category}
    if command.category in supporter.shares.split():
        return [Say("supporter-share-already", args=args)]
    supporter.share_asked, supporter.share_asked_at = command.category, r.now
    ask = Say("supporter-share-ask", args=args)
    kind = SupporterEventKind.SHARE_ASKED
    await records.record_step(r.ctx, r.session, supporter, kind, ask, r.person.locale, r.now)
    return [ask]


async def answer_share(
    ctx: ServiceContext,
    session: AsyncSession,
    person: Person,
    supporter: Supporter,
    yes: bool,
    now: datetime,
) -> list[Say]:
    """The person's YES or NO to sharing the asked category with this supporter."""
    category = supporter.share_asked or ""
    args: dict[str, str | int] = {
        "name": records.name_of(ctx.keyring, supporter),
        "category": category,
    }
    supporter.share_asked, supporter.share_asked_at = None, None
    if yes:
        supporter.shares = " ".join(sorted({*supporter.shares.split(), category}))
        say, kind = Say("supporter-shared", args=args), SupporterEventKind.SHARED
    else:
        say, kind = Say("supporter-share-declined", args=args), SupporterEventKind.SHARE_DECLINED
    await records.record_step(ctx, session, supporter, kind, say, person.locale, now)
    return [say]


async def _unshare(r: Request, command: Unshare) -> list[Say]:
    supporter = await _find(r, command.who, joined_only=True)
    if supporter is None:
        return [Say("supporter-share-who")]
    supporter.shares, supporter.share_asked, supporter.share_asked_at = "", None, None
    done = Say("supporter-unshared", args={"name": records.name_of(r.ctx.keyring, supporter)})
    kind = SupporterEventKind.UNSHARED
    await records.record_step(r.ctx, r.session, supporter, kind, done, r.person.locale, r.now)
    return [done]

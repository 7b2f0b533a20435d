"""A supporter's own texts: YES or NO to an invitation, LEAVE, STOP, anything else.

The number's invitation is read before anything else the number might be (see
`engine/decide.py` for a number that is also a Companion user). Replies to a supporter
go in the inviting person's language, never with the person's id on them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from companion.context import ServiceContext
from companion.crypto.sealing import unseal
from companion.db import people
from companion.db.models import Person, Supporter
from companion.db.outbox import Timing
from companion.db.sealed import PERSON_NAME
from companion.db.states import PersonStatus, Priority, SupporterEventKind, SupporterStatus
from companion.engine.runner import Say
from companion.engine.supporters import SupporterReply
from companion.sharing import supporter_records as records
from companion.texting.speech import queue_says

_TELL_FOR = timedelta(days=1)


@dataclass(frozen=True)
class SupporterAnswer:
    """What to say back to the supporter, and in which language."""

    says: list[Say]
    locale: str


async def answer(
    ctx: ServiceContext, session: AsyncSession, index: str, reply: SupporterReply, now: datetime
) -> SupporterAnswer:
    """Carry out a supporter's text: join, decline, leave, or be told what this is."""
    roles = await records.roles_of_number(session, index)
    invited = [
        s
        for s in roles
        if s.status is SupporterStatus.INVITED and s.invited_at > now - records.INVITE_VALID
    ]
    if reply is SupporterReply.LEAVE:
        return await _leave(ctx, session, roles, None, now)
    if reply in (SupporterReply.JOIN, SupporterReply.DECLINE) and invited:
        return await _joined_or_declined(ctx, session, invited[0], reply, now)
    if not roles:
        return SupporterAnswer([], "en")
    person = await _person(session, roles[0])
    key = "supporter-invited-reask" if invited else "supporter-about"
    return SupporterAnswer([Say(key)], person.locale)


async def stop(
    ctx: ServiceContext, session: AsyncSession, index: str, body: str, now: datetime
) -> None:
    """STOP from a number: every supporter role it has ends at once (STOP is global)."""
    roles = await records.roles_of_number(session, index)
    if roles:
        await _leave(ctx, session, roles, body, now)


async def _person(session: AsyncSession, supporter: Supporter) -> Person:
    person = await session.get(Person, supporter.person_id)
    assert person is not None
    return person


def _person_name(ctx: ServiceContext, person: Person) -> str:
    assert person.name is not None  # an invitation is sent only once they gave a name
    return unseal(ctx.keyring, person.name, PERSON_NAME.bound_to(person.id))


async def _joined_or_declined(
    ctx: ServiceContext,
    session: AsyncSession,
    supporter: Supporter,
    reply: SupporterReply,
    now: datetime,
) -> SupporterAnswer:
    person = await _person(session, supporter)
    args: dict[str, str | int] = {"person": _person_name(ctx, person)}
    if reply is SupporterReply.DECLINE:
        say = Say("supporter-declined", args=args)
        await records.end(session, supporter, SupporterStatus.DECLINED, now)
        kind = SupporterEventKind.DECLINED
        await records.record_step(ctx, session, supporter, kind, say, person.locale, now)
        return SupporterAnswer([say], person.locale)
    supporter.status, supporter.joined_at = SupporterStatus.ACTIVE, now
    say = Say("supporter-joined", args=args)
    kind = SupporterEventKind.JOINED
    await records.record_step(ctx, session, supporter, kind, say, person.locale, now)
    tell = Say("supporter-now-active", args={"name": records.name_of(ctx.keyring, supporter)})
    _tell_person(ctx, session, person, tell, now)
    return SupporterAnswer([say], person.locale)


async def _leave(
    ctx: ServiceContext,
    session: AsyncSession,
    roles: list[Supporter],
    stop_word: str | None,
    now: datetime,
) -> SupporterAnswer:
    """End every role of the number; the person each supported is told, kindly."""
    locale = "en"
    for supporter in roles:
        person = await _person(session, supporter)
        locale = person.locale
        name = records.name_of(ctx.keyring, supporter)
        was_active = supporter.status is SupporterStatus.ACTIVE
        await records.end(session, supporter, SupporterStatus.LEFT, now)
        # STOP is answered by the carrier; its record keeps the word they sent.
        words: Say | str = stop_word if stop_word is not None else Say("supporter-left")
        await records.record_step(
            ctx, session, supporter, SupporterEventKind.LEFT, words, locale, now
        )
        if was_active:
            _tell_person(ctx, session, person, Say("supporter-has-left", args={"name": name}), now)
    return SupporterAnswer([] if stop_word is not None else [Say("supporter-left")], locale)


def _tell_person(
    ctx: ServiceContext, session: AsyncSession, person: Person, say: Say, now: datetime
) -> None:
    """Let the person know about their supporter, unless they stopped us."""
    if person.status is not PersonStatus.ACTIVE:
        return
    to = people.recipient(ctx.keyring, person)
    # Not an answer to the person's own text: held through the night, like any prompt.
    queue_says(ctx, session, [say], to, Timing(Priority.BULK, now, valid_until=now + _TELL_FOR))

"""Tips from the resource directory, matched to the person's borough and goal."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from companion.context import ServiceContext
from companion.crypto.sealing import unseal
from companion.db import observations
from companion.db.models import Goal, Person, TipSent
from companion.db.sealed import PERSON_BOROUGH
from companion.engine.interests import interests_in
from companion.engine.resources import Resource, pick_tip
from companion.engine.runner import Say
from companion.engine.tip_topics import pick_on_topic, read_topic


def person_borough(ctx: ServiceContext, person: Person) -> str:
    """The person's borough, unsealed ("" if not set or outside London)."""
    if person.borough is None:
        return ""
    return unseal(ctx.keyring, person.borough, PERSON_BOROUGH.bound_to(person.id))


async def tip_says(
    ctx: ServiceContext, session: AsyncSession, person: Person, now: datetime, words: str = ""
) -> list[Say]:
    """TIPS: the next tip (not one they had, until they have had them all); with
    words ("TIPS stop smoking"), the nearest entry on that topic, or the topic list."""
    sent = set(
        await session.scalars(select(TipSent.resource_id).where(TipSent.person_id == person.id))
    )
    if words.strip():
        return _on_topic(ctx, session, person, now, words=words, sent=sent)
    goal = await observations.current_goal(session, ctx.keyring, person.id)
    return next_tip(ctx, session, person, now, sent=sent, goal=goal)


def _on_topic(
    ctx: ServiceContext,
    session: AsyncSession,
    person: Person,
    now: datetime,
    *,
    words: str,
    sent: set[str],
) -> list[Say]:
    topic = read_topic(words)
    if topic is None:
        return [Say("tips-topics")]
    borough = person_borough(ctx, person) or None
    tip = pick_on_topic(ctx.resources, topic, borough=borough, already_sent=sent)
    if tip is None:
        return [Say("tips-topic-none")]
    return [_sent(session, person, tip, now)]


def _sent(session: AsyncSession, person: Person, tip: Resource, now: datetime) -> Say:
    """Note `tip` as sent to `person` and say it."""
    session.add(TipSent(person_id=person.id, resource_id=tip.id, sent_at=now))
    checked = tip.last_checked.strftime("%b %Y")
    args = {"name": tip.name, "offer": tip.offer, "contact": tip.contact, "checked": checked}
    return Say("tip", args=args)


def next_tip(
    ctx: ServiceContext,
    session: AsyncSession,
    person: Person,
    now: datetime,
    *,
    sent: set[str],
    goal: Goal | None,
) -> list[Say]:
    """The tip to send, given the tips already sent and the current goal; noted as sent."""
    interests = interests_in(observations.goal_text(ctx.keyring, goal)) if goal else set()
    tip = pick_tip(
        ctx.resources,
        borough=person_borough(ctx, person) or None,
        interests=interests,
        already_sent=sent,
        seed=int(now.timestamp()),
    )
    if tip is None:
        return [Say("tips-none")]
    return [_sent(session, person, tip, now)]

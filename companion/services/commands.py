"""What each command does for an active person: read, change, and say so in one transaction."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from companion.crypto.sealing import associated_data, seal, unseal
from companion.db import observations
from companion.db.models import Person, TipSent
from companion.engine.answers import Understood, read_answer
from companion.engine.commands import Command, CommandName
from companion.engine.interests import interests_in
from companion.engine.parsing import Value
from companion.engine.resources import pick_tip
from companion.engine.runner import Say
from companion.engine.settings_parsing import (
    parse_borough,
    parse_clock_time,
    parse_language,
    parse_name,
    parse_pause_days,
)
from companion.engine.week import my_week
from companion.services import conversation
from companion.services.context import ServiceContext

DEFAULT_PAUSE_DAYS = 7
MAX_GOAL_CHARS = 80


@dataclass(frozen=True)
class Request:
    """One command from one person, with what handling it needs."""

    ctx: ServiceContext
    session: AsyncSession
    person: Person
    command: Command
    now: datetime


Handler = Callable[[Request], Awaitable[list[Say]]]


async def run_command(request: Request) -> list[Say]:
    """Carry out a command and return what to say back."""
    return await _HANDLERS[request.command.name](request)


def _reason(result: object) -> dict[str, str]:
    return {"reason": str(getattr(result, "reason", "not_understood"))}


async def _log(r: Request) -> list[Say]:
    row = await conversation.open_conversation(r.session, r.person.id)
    still_open = row is not None and not await conversation.end_if_expired(
        r.ctx, r.session, row, r.now
    )
    if row is not None and still_open and row.flow_id == conversation.CHECKIN:
        question = await conversation.current_question(r.ctx, r.session, row)
        return [Say("log-already-open"), *([question] if question else [])]
    return await conversation.start_flow(r.ctx, r.session, r.person, conversation.CHECKIN, r.now)


async def _skip(r: Request) -> list[Say]:
    return [Say("skip-nothing-open")]


_MEASURES = {
    CommandName.WEIGHT: ("weight", "weight_kg"),
    CommandName.BP: ("bp", "bp"),
    CommandName.SUGAR: ("glucose", "glucose_mmol"),
    CommandName.WAIST: ("waist", "waist_cm"),
}


async def _measure(r: Request) -> list[Say]:
    kind, key = _MEASURES[r.command.name]
    if not r.command.rest:
        return [Say(f"measure-{kind}-how", args={"reason": "empty"})]
    result = read_answer(kind, r.command.rest, {})
    if not isinstance(result, Understood):
        return [Say(f"measure-{kind}-how", args=_reason(result))]
    observations.record(r.session, r.ctx.keyring, r.person.id, key, result.value, r.now)
    if isinstance(result.value, dict):
        args = {k: str(v) for k, v in result.value.items()}
    else:
        args = {"value": str(result.value)}
    return [Say(f"measure-{kind}-saved", args=args)]


async def _side(r: Request) -> list[Say]:
    words = " ".join(r.command.rest.split())[:480]
    if not words:
        return [Say("side-note-how")]
    observations.record(r.session, r.ctx.keyring, r.person.id, "side_note", words, r.now)
    return [Say("side-note-saved")]


async def _meds_changed(r: Request) -> list[Say]:
    day = observations.london_day(r.now).isoformat()
    observations.record(r.session, r.ctx.keyring, r.person.id, "meds_changed", day, r.now)
    return [Say("meds-changed-saved")]


async def _goal(r: Request) -> list[Say]:
    words = " ".join(r.command.rest.split())[:MAX_GOAL_CHARS]
    current = await observations.current_goal(r.session, r.ctx.keyring, r.person.id)
    if not words:
        if current is None:
            return [Say("goal-how")]
        return [Say("goal-current", args={"goal": observations.goal_text(r.ctx.keyring, current)})]
    if current is not None:
        current.ended_at = r.now
        await r.session.flush()
    observations.new_goal(r.session, r.ctx.keyring, r.person.id, words, r.now)
    return [Say("goal-saved", args={"goal": words})]


async def _tips(r: Request) -> list[Say]:
    sent = set(
        await r.session.scalars(select(TipSent.resource_id).where(TipSent.person_id == r.person.id))
    )
    goal = await observations.current_goal(r.session, r.ctx.keyring, r.person.id)
    interests = interests_in(observations.goal_text(r.ctx.keyring, goal)) if goal else set()
    tip = pick_tip(
        r.ctx.resources,
        borough=person_borough(r.ctx, r.person) or None,
        interests=interests,
        already_sent=sent,
        seed=int(r.now.timestamp()),
    )
    if tip is None:
        return [Say("tips-none")]
    r.session.add(TipSent(person_id=r.person.id, resource_id=tip.id, sent_at=r.now))
    checked = tip.last_checked.strftime("%b %Y")
    args = {"name": tip.name, "offer": tip.offer, "contact": tip.contact, "checked": checked}
    return [Say("tip", args=args)]


async def _time(r: Request) -> list[Say]:
    result = parse_clock_time(r.command.rest)
    if not isinstance(result, Value):
        return [Say("time-how", args=_reason(result))]
    chosen: time = result.value
    quiet = r.ctx.quiet_hours
    if quiet is not None and _in_window(chosen, quiet.start, quiet.end):
        window = {"from": quiet.end.strftime("%H:%M"), "to": quiet.start.strftime("%H:%M")}
        return [Say("time-quiet", args=window)]
    r.person.checkin_time = chosen.strftime("%H:%M")
    return [Say("time-saved", args={"time": r.person.checkin_time})]


async def _pause(r: Request) -> list[Say]:
    days = DEFAULT_PAUSE_DAYS
    if r.command.rest:
        result = parse_pause_days(r.command.rest)
        if not isinstance(result, Value):
            return [Say("pause-how", args=_reason(result))]
        days = result.value
    r.person.paused_until = r.now + timedelta(days=days)
    until = observations.london_day(r.person.paused_until).strftime("%a %d %b")
    row = await conversation.open_conversation(r.session, r.person.id)
    conversation.end_open(row, "paused", r.now)
    return [Say("pause-saved", args={"days": str(days), "until": until})]


async def _resume(r: Request) -> list[Say]:
    was_paused = r.person.paused_until is not None and r.person.paused_until > r.now
    r.person.paused_until = None
    return [Say("resume-saved" if was_paused else "resume-not-paused")]


async def _name(r: Request) -> list[Say]:
    result = parse_name(r.command.rest)
    if not isinstance(result, Value):
        return [Say("name-how")]
    name: str = result.value
    sealed = seal(r.ctx.keyring, name, associated_data("person", "name", r.person.id))
    r.person.name = sealed
    return [Say("name-saved", args={"name": name})]


async def _language(r: Request) -> list[Say]:
    available = {
        code: r.ctx.catalog.render("language-names", code).split(",")
        for code in r.ctx.catalog.locales
    }
    result = parse_language(
        r.command.rest, {c: [w.strip() for w in ws] for c, ws in available.items()}
    )
    if not isinstance(result, Value):
        return [Say("language-how")]
    r.person.locale = result.value
    return [Say("language-saved")]


async def _set_borough(r: Request) -> list[Say]:
    result = parse_borough(r.command.rest)
    if not isinstance(result, Value):
        return [Say("borough-how")]
    borough: str = result.value
    r.person.borough = seal(
        r.ctx.keyring, borough, associated_data("person", "borough", r.person.id)
    )
    if not borough:
        return [Say("borough-outside-london")]
    return [Say("borough-saved", args={"borough": borough})]


async def _my_week(r: Request) -> list[Say]:
    return list(my_week(await observations.history(r.session, r.ctx.keyring, r.person.id, r.now)))


async def _menu(r: Request) -> list[Say]:
    return [Say("menu")]


def person_borough(ctx: ServiceContext, person: Person) -> str:
    """The person's borough, unsealed ("" if not set or outside London)."""
    if person.borough is None:
        return ""
    return unseal(ctx.keyring, person.borough, associated_data("person", "borough", person.id))


def _in_window(moment: time, start: time, end: time) -> bool:
    if start <= end:
        return start <= moment < end
    return moment >= start or moment < end


_HANDLERS: dict[CommandName, Handler] = {
    CommandName.LOG: _log,
    CommandName.SKIP: _skip,
    CommandName.WEIGHT: _measure,
    CommandName.BP: _measure,
    CommandName.SUGAR: _measure,
    CommandName.WAIST: _measure,
    CommandName.SIDE: _side,
    CommandName.MEDS_CHANGED: _meds_changed,
    CommandName.GOAL: _goal,
    CommandName.TIPS: _tips,
    CommandName.TIME: _time,
    CommandName.PAUSE: _pause,
    CommandName.RESUME: _resume,
    CommandName.NAME: _name,
    CommandName.LANGUAGE: _language,
    CommandName.BOROUGH: _set_borough,
    CommandName.MY_WEEK: _my_week,
    CommandName.MENU: _menu,
}

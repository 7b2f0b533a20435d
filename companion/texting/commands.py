"""What each command does for an active person: read, change, and say so in one transaction."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from companion.context import ServiceContext
from companion.crypto.sealing import seal
from companion.db import observations, outbox
from companion.db.models import Person
from companion.db.sealed import PERSON_BOROUGH, PERSON_NAME
from companion.db.states import ConversationStatus, Priority
from companion.engine.appointments import read_appointment, read_reminder
from companion.engine.commands import Command, CommandName
from companion.engine.reading.answers import Understood, read_answer
from companion.engine.reading.parsing import Value
from companion.engine.reading.settings import (
    parse_borough,
    parse_clock_time,
    parse_language,
    parse_name,
    parse_pause_days,
)
from companion.engine.runner import Say
from companion.engine.timing import LONDON, Window, at_london, parse_wall
from companion.engine.week import my_week
from companion.scheduling import schedule
from companion.sharing import consent
from companion.texting import conversation, starter
from companion.texting.tips import tip_says

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
    return await starter.start_flow(r.ctx, r.session, r.person, conversation.CHECKIN, r.now)


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
    day = observations.london_day(r.now)
    observations.record(
        r.session, r.ctx.keyring, r.person.id, "meds_changed", day.isoformat(), r.now
    )
    await schedule.medicine_changed(r.session, r.person, day, r.now)
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
    await schedule.ensure_weekly(r.session, r.person, "goal-review", r.now)
    return [Say("goal-saved", args={"goal": words})]


async def _tips(r: Request) -> list[Say]:
    return await tip_says(r.ctx, r.session, r.person, r.now)


async def _time(r: Request) -> list[Say]:
    result = parse_clock_time(r.command.rest)
    if not isinstance(result, Value):
        return [Say("time-how", args=_reason(result))]
    chosen: time = result.value
    if (quiet := _quiet_answer(r, chosen)) is not None:
        return [quiet]
    r.person.checkin_time = chosen.strftime("%H:%M")
    await schedule.reschedule_checkin(r.session, r.person, r.now)
    return [Say("time-saved", args={"time": r.person.checkin_time})]


async def _pause(r: Request) -> list[Say]:
    days = DEFAULT_PAUSE_DAYS
    if r.command.rest:
        result = parse_pause_days(r.command.rest)
        if not isinstance(result, Value):
            return [Say("pause-how", args=_reason(result))]
        days = result.value
    r.person.paused_until = r.now + timedelta(days=days)
    until = observations.london_day(r.person.paused_until).strftime("%d/%m")
    row = await conversation.open_conversation(r.session, r.person.id)
    conversation.end_open(row, ConversationStatus.PAUSED, r.now)
    await outbox.cancel_pending_for(
        r.session, r.person.id, r.now, only_priority=Priority.BULK, reason="paused"
    )
    return [Say("pause-saved", args={"days": days, "until": until})]


async def _resume(r: Request) -> list[Say]:
    was_paused = r.person.paused_until is not None and r.person.paused_until > r.now
    r.person.paused_until = None
    if was_paused:
        await schedule.on_resumed(r.session, r.person, r.now)
    return [Say("resume-saved" if was_paused else "resume-not-paused")]


async def _name(r: Request) -> list[Say]:
    result = parse_name(r.command.rest)
    if not isinstance(result, Value):
        return [Say("name-how")]
    name: str = result.value
    sealed = seal(r.ctx.keyring, name, PERSON_NAME.bound_to(r.person.id))
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
    r.person.borough = seal(r.ctx.keyring, borough, PERSON_BOROUGH.bound_to(r.person.id))
    if not borough:
        return [Say("borough-outside-london")]
    return [Say("borough-saved", args={"borough": borough})]


async def _my_week(r: Request) -> list[Say]:
    return list(my_week(await observations.history(r.session, r.ctx.keyring, r.person.id, r.now)))


async def _menu(r: Request) -> list[Say]:
    return [Say("menu")]


async def _my_data(r: Request) -> list[Say]:
    return [Say("my-data")]


async def _remind(r: Request) -> list[Say]:
    if r.command.rest.strip().lower() in ("off", "stop", "none", "cancel"):
        count = await schedule.cancel_reminders(r.session, r.person, r.now)
        return [Say("remind-off", args={"count": count})]
    wanted = read_reminder(r.command.rest)
    if wanted is None:
        return [Say("remind-how")]
    if (quiet := _quiet_answer(r, wanted.at)) is not None:
        return [quiet]
    schedule.add_reminder(
        r.session,
        r.ctx.keyring,
        r.person,
        wall=wanted.at,
        details={"what": wanted.what},
        now=r.now,
    )
    return [Say("remind-saved", args={"time": wanted.at.strftime("%H:%M"), "what": wanted.what})]


async def _appointment(r: Request) -> list[Say]:
    wanted = read_appointment(r.command.rest, observations.london_day(r.now))
    if wanted is None or wanted.on is None:
        return [Say("appt-how")]
    when = at_london(wanted.on, wanted.at)
    remind_at = at_london(wanted.on - timedelta(days=1), parse_wall(r.person.checkin_time))
    if remind_at <= r.now:
        remind_at = max(r.now + timedelta(minutes=1), when - timedelta(hours=3))
    if when <= r.now or remind_at >= when:
        return [Say("appt-too-soon")]
    day = wanted.on.strftime("%d/%m")
    details = {"what": wanted.what, "time": wanted.at.strftime("%H:%M"), "day": day}
    wall = remind_at.astimezone(LONDON).time().replace(second=0, microsecond=0)
    schedule.add_reminder(
        r.session,
        r.ctx.keyring,
        r.person,
        wall=wall,
        details=details,
        now=r.now,
        on=observations.london_day(remind_at),
    )
    return [Say("appt-saved", args=details)]


def _quiet_answer(r: Request, chosen: time) -> Say | None:
    quiet = r.ctx.quiet_hours
    if quiet is not None and Window(quiet.start, quiet.end).contains_wall(chosen):
        window = {"from": quiet.end.strftime("%H:%M"), "to": quiet.start.strftime("%H:%M")}
        return Say("time-quiet", args=window)
    return None


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
    CommandName.REMIND: _remind,
    CommandName.APPOINTMENT: _appointment,
    CommandName.MY_DATA: _my_data,
    CommandName.DELETE_ME: lambda r: starter.start_flow(
        r.ctx, r.session, r.person, "delete-me", r.now
    ),
    CommandName.SHARE: lambda r: consent.share(r.ctx, r.session, r.person, r.command.rest, r.now),
    CommandName.UNSHARE: lambda r: consent.unshare(r.ctx, r.session, r.person, r.now),
}

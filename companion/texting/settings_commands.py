"""Settings commands: when we text (TIME, PAUSE, RESUME) and who they are to us (NAME,
LANGUAGE, BOROUGH)."""

from __future__ import annotations

import datetime as dt
from datetime import timedelta

from companion.crypto.sealing import seal
from companion.db import observations, outbox
from companion.db.sealed import PERSON_BOROUGH, PERSON_NAME
from companion.db.states import ConversationStatus, Priority
from companion.engine.reading.parsing import Value
from companion.engine.reading.quiet import QuietUnclear, read_quiet, settle_quiet
from companion.engine.reading.settings import (
    parse_borough,
    parse_clock_time,
    parse_language,
    parse_name,
    parse_pause_days,
)
from companion.engine.runner import Say
from companion.engine.timing import Window, parse_wall, quiet_for, window_of
from companion.scheduling import schedule
from companion.scheduling.reminders import set_reminders
from companion.texting import conversation
from companion.texting.request import Request, reason_of

DEFAULT_PAUSE_DAYS = 7


def service_quiet(r: Request) -> Window | None:
    """The service's own quiet hours (COMPANION_QUIET_HOURS), as a window."""
    quiet = r.ctx.quiet_hours
    return Window(quiet.start, quiet.end) if quiet is not None else None


def quiet_answer(r: Request, chosen: dt.time) -> Say | None:
    """The "we do not text at night" reply if `chosen` is in the person's quiet time."""
    service = service_quiet(r)
    quiet = quiet_for(service, window_of(r.person.quiet_hours))
    if quiet is None or not quiet.contains_wall(chosen):
        return None
    # Inside their own quiet time (QUIET), not our night: say it is theirs.
    own = service is None or not service.contains_wall(chosen)
    window = {"from": quiet.end.strftime("%H:%M"), "to": quiet.start.strftime("%H:%M")}
    return Say("time-quiet", args={**window, "whose": "own" if own else "night"})


async def quiet(r: Request) -> list[Say]:
    """QUIET 10pm-9am: the person's own quiet time, joined to the service's; QUIET OFF."""
    service = service_quiet(r)
    if not r.command.rest.strip():
        current = quiet_for(service, window_of(r.person.quiet_hours))
        return [_quiet_says("quiet-current", "own", current)]
    reading = read_quiet(r.command.rest)
    if isinstance(reading, QuietUnclear):
        return [Say("quiet-how", args={"reason": reading.reason})]
    if reading.wanted is None:
        r.person.quiet_hours = None
        return [_quiet_says("quiet-saved", "usual", service)]
    settled = settle_quiet(service, reading.wanted)
    if isinstance(settled, QuietUnclear):
        return [Say("quiet-how", args={"reason": settled.reason})]
    r.person.quiet_hours = f"{settled.start:%H:%M}-{settled.end:%H:%M}"
    return [_quiet_says("quiet-saved", "own", settled), *await _inside_quiet(r, settled)]


async def _inside_quiet(r: Request, quiet: Window) -> list[Say]:
    """What the new quiet time moves or holds: said, never left to fail silently.

    A check-in time inside it moves to its end (it would be held past its window and
    skipped every day); daily reminders inside it would not come, so they are named.
    """
    says: list[Say] = []
    if quiet.contains_wall(parse_wall(r.person.checkin_time)):
        r.person.checkin_time = f"{quiet.end:%H:%M}"
        await schedule.reschedule_checkin(r.session, r.person, r.now)
        says.append(Say("quiet-moved-checkin", args={"time": r.person.checkin_time}))
    listed = await set_reminders(r.session, r.ctx.keyring, r.person)
    held = [one for one in listed if one.daily and quiet.contains_wall(parse_wall(one.time))]
    if held:
        says.append(Say("quiet-holds-reminders", args={"count": len(held)}))
    return says


def _quiet_says(message_id: str, kind: str, window: Window | None) -> Say:
    if window is None:
        return Say(message_id, args={"kind": "none", "from": "", "to": ""})
    return Say(
        message_id,
        args={"kind": kind, "from": f"{window.start:%H:%M}", "to": f"{window.end:%H:%M}"},
    )


async def checkin_time(r: Request) -> list[Say]:
    """TIME 8pm: move the daily check-in (never into quiet hours)."""
    result = parse_clock_time(r.command.rest)
    if not isinstance(result, Value):
        return [Say("time-how", args=reason_of(result))]
    chosen: dt.time = result.value
    if (quiet := quiet_answer(r, chosen)) is not None:
        return [quiet]
    r.person.checkin_time = chosen.strftime("%H:%M")
    await schedule.reschedule_checkin(r.session, r.person, r.now)
    return [Say("time-saved", args={"time": r.person.checkin_time})]


async def pause(r: Request) -> list[Say]:
    """PAUSE 7: no prompts or reminders for a number of days."""
    days = DEFAULT_PAUSE_DAYS
    if r.command.rest:
        result = parse_pause_days(r.command.rest)
        if not isinstance(result, Value):
            return [Say("pause-how", args=reason_of(result))]
        days = result.value
    r.person.paused_until = r.now + timedelta(days=days)
    until = observations.london_day(r.person.paused_until).strftime("%d/%m")
    row = await conversation.open_conversation(r.session, r.person.id)
    conversation.end_open(row, ConversationStatus.PAUSED, r.now)
    await outbox.cancel_pending_for(
        r.session, r.person.id, r.now, only_priority=Priority.BULK, reason="paused"
    )
    return [Say("pause-saved", args={"days": days, "until": until})]


async def resume(r: Request) -> list[Say]:
    """RESUME: prompts come back before the pause runs out."""
    was_paused = r.person.paused_until is not None and r.person.paused_until > r.now
    r.person.paused_until = None
    if was_paused:
        await schedule.on_resumed(r.session, r.person, r.now)
    return [Say("resume-saved" if was_paused else "resume-not-paused")]


async def name(r: Request) -> list[Say]:
    """NAME Sam: what to call the person (sealed)."""
    result = parse_name(r.command.rest)
    if not isinstance(result, Value):
        return [Say("name-how")]
    name: str = result.value
    sealed = seal(r.ctx.keyring, name, PERSON_NAME.bound_to(r.person.id))
    r.person.name = sealed
    return [Say("name-saved", args={"name": name})]


async def language(r: Request) -> list[Say]:
    """LANGUAGE Polski: the language we text in."""
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


async def set_borough(r: Request) -> list[Say]:
    """BOROUGH Hackney: where to look for local tips (sealed)."""
    result = parse_borough(r.command.rest)
    if not isinstance(result, Value):
        return [Say("borough-how")]
    borough: str = result.value
    r.person.borough = seal(r.ctx.keyring, borough, PERSON_BOROUGH.bound_to(r.person.id))
    if not borough:
        return [Say("borough-outside-london")]
    return [Say("borough-saved", args={"borough": borough})]

"""Calendar commands: reminders and appointments the person sets, and medicine changes
that time the monitoring calendar."""

from __future__ import annotations

import re
from datetime import date, time, timedelta

from companion.db import observations
from companion.engine.appointments import (
    Unclear,
    read_appointment,
    read_past_day,
    read_reminder,
)
from companion.engine.runner import Say
from companion.engine.timing import LONDON, at_london, parse_wall, quiet_for, window_of
from companion.scheduling import schedule
from companion.scheduling.reminders import (
    LISTED_WHAT,
    MAX_LISTED,
    cancel_reminder,
    set_reminders,
)
from companion.texting.request import Request
from companion.texting.settings_commands import quiet_answer, service_quiet


async def meds_changed(r: Request) -> list[Say]:
    """MEDS CHANGED 1 Nov: restart the monitoring calendar from the day it changed."""
    today = observations.london_day(r.now)
    day = read_past_day(r.command.rest, today)
    if isinstance(day, Unclear) and day.reason == "future":
        return [Say("meds-changed-how", args={"reason": "future"})]
    if isinstance(day, Unclear):  # words without a date ("new tablets"): today, said back
        day = today
    observations.record(
        r.session, r.ctx.keyring, r.person.id, "meds_changed", day.isoformat(), r.now
    )
    await schedule.medicine_changed(r.session, r.person, day, r.now)
    when = "today" if day == today else "before"
    return [Say("meds-changed-saved", args={"when": when, "day": day.strftime("%d/%m")})]


_OFF = frozenset({"off", "stop", "none", "cancel", "remove", "delete", "clear"})
_NUMBER = re.compile(r"^(?:no\.?|number|#)?\s*(\d{1,2})$")


def _removal(rest: str) -> int | bool | None:
    """What "OFF", "OFF 2", "REMOVE #2" ask for: a number, True for all, None for neither."""
    words = rest.casefold().replace("#", " ").split()
    if not words or words[0] not in _OFF:
        return None
    if len(words) == 1:
        return True
    number = _NUMBER.match(" ".join(words[1:]))
    return int(number.group(1)) if number else None


async def _removed(r: Request) -> list[Say] | None:
    """OFF (all) or OFF 2 (one) after REMIND or REMINDERS: done and said; None if neither."""
    removal = _removal(r.command.rest)
    if removal is True:
        count = await schedule.cancel_reminders(r.session, r.person, r.now)
        return [Say("remind-off", args={"count": count})]
    if isinstance(removal, int):
        return await _remove_one(r, removal)
    return None


async def remind(r: Request) -> list[Say]:
    """REMIND 9pm meds, "remind me to take my meds at 9pm"; REMIND OFF (2) drops all (one)."""
    if (removed := await _removed(r)) is not None:
        return removed
    wanted = read_reminder(r.command.rest)
    if isinstance(wanted, Unclear):
        return [Say("remind-how", args={"reason": wanted.reason})]
    if (quiet := quiet_answer(r, wanted.at)) is not None:
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


async def reminders(r: Request) -> list[Say]:
    """REMINDERS: the person's reminders, numbered; REMINDERS OFF 2 stops number 2."""
    if (removed := await _removed(r)) is not None:
        return removed
    listed = await set_reminders(r.session, r.ctx.keyring, r.person)
    if not listed:
        return [Say("reminders-none")]
    lines = [
        r.ctx.catalog.render(
            "reminders-line",
            r.person.locale,
            {
                "kind": "daily" if one.daily else "once",
                "number": one.number,
                "time": one.time,
                "day": one.day,
                "what": one.what[:LISTED_WHAT],
            },
        )
        for one in listed[:MAX_LISTED]
    ]
    more = len(listed) - MAX_LISTED if len(listed) > MAX_LISTED else 0
    return [Say("reminders-list", args={"list": "\n".join(lines), "more": more})]


async def _remove_one(r: Request, number: int) -> list[Say]:
    removed = await cancel_reminder(r.session, r.ctx.keyring, r.person, number, r.now)
    if removed is None:
        return [Say("reminder-not-found", args={"number": number})]
    return [Say("reminder-removed", args={"what": removed.what})]


async def appointment(r: Request) -> list[Say]:
    """APPT next tuesday 2pm dentist: a reminder the day before (a past one is asked again)."""
    wanted = read_appointment(r.command.rest, observations.london_day(r.now))
    if isinstance(wanted, Unclear):
        return [Say("appt-how", args={"reason": wanted.reason})]
    assert wanted.on is not None
    booked = book_appointment(r, wanted.on, wanted.at, wanted.what)
    if booked is None:
        return [Say("appt-how", args={"reason": "past"})]
    return [booked]


def book_appointment(r: Request, on: date, at: time, what: str) -> Say | None:
    """A reminder the day before an appointment (None: it is past): what to say back.

    APPT and a coordinator's note the person said YES to both book through here.
    """
    when = at_london(on, at)
    if when <= r.now:
        return None
    remind_at = at_london(on - timedelta(days=1), parse_wall(r.person.checkin_time))
    if remind_at <= r.now:
        remind_at = max(r.now + timedelta(minutes=1), when - timedelta(hours=3))
    quiet = quiet_for(service_quiet(r), window_of(r.person.quiet_hours))
    if quiet is not None:
        # Booked at 22:00 for 09:30 tomorrow: the reminder comes when the night ends,
        # not held into the night and dropped after we said we would remind them.
        remind_at = quiet.ends_after(remind_at)
    if remind_at >= when:
        return Say("appt-too-soon")
    day = on.strftime("%d/%m")
    details = {"what": what, "time": at.strftime("%H:%M"), "day": day}
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
    return Say("appt-saved", args=details)

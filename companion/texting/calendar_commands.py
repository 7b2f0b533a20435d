"""Calendar commands: reminders and appointments the person sets, and medicine changes
that time the monitoring calendar."""

from __future__ import annotations

from datetime import timedelta

from companion.db import observations
from companion.engine.appointments import read_appointment, read_reminder
from companion.engine.runner import Say
from companion.engine.timing import LONDON, at_london, parse_wall
from companion.scheduling import schedule
from companion.texting.request import Request
from companion.texting.settings_commands import quiet_answer


async def meds_changed(r: Request) -> list[Say]:
    """MEDS CHANGED: restart the monitoring calendar."""
    day = observations.london_day(r.now)
    observations.record(
        r.session, r.ctx.keyring, r.person.id, "meds_changed", day.isoformat(), r.now
    )
    await schedule.medicine_changed(r.session, r.person, day, r.now)
    return [Say("meds-changed-saved")]


async def remind(r: Request) -> list[Say]:
    """REMIND 8am tablets: a daily reminder in their words; REMIND OFF drops them all."""
    if r.command.rest.strip().lower() in ("off", "stop", "none", "cancel"):
        count = await schedule.cancel_reminders(r.session, r.person, r.now)
        return [Say("remind-off", args={"count": count})]
    wanted = read_reminder(r.command.rest)
    if wanted is None:
        return [Say("remind-how")]
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


async def appointment(r: Request) -> list[Say]:
    """APPT 3 Dec 10:30 GP: a reminder the day before an appointment."""
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

"""A person's due items: the daily check-in, weekly flows, the monitoring calendar, reminders."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from companion.crypto.keyring import Keyring
from companion.crypto.sealing import seal
from companion.db.models import DueItem, Person, new_id
from companion.db.sealed import DUE_PAYLOAD
from companion.db.states import DueKind, DueStatus
from companion.engine.due import WINDOWS, first_due
from companion.engine.timing import at_london, next_daily, parse_wall

CHECKIN = "checkin"  # the daily check-in: its flow id and its due-time window
WEEKLY_FLOWS = ("side-effects", "tip")
WEEKLY_OFFSET = timedelta(hours=1)  # weekly flows come an hour after the check-in
# The monitoring calendar after a medicine is started or changed (CLINICAL.md).
WEIGH_IN_WEEKS = range(1, 7)
TWELVE_WEEKS = 84


def weekly_wall(person: Person) -> time:
    """An hour after the person's check-in time (never past 20:30)."""
    chosen = parse_wall(person.checkin_time)
    later = (datetime.combine(date(2000, 1, 1), chosen) + WEEKLY_OFFSET).time()
    return min(later, time(20, 30)) if later > chosen else chosen


async def _items(session: AsyncSession, person_id: str, kind: DueKind) -> list[DueItem]:
    return list(
        await session.scalars(
            select(DueItem).where(
                DueItem.person_id == person_id,
                DueItem.kind == kind,
                DueItem.status == DueStatus.SCHEDULED,
            )
        )
    )


@dataclass(frozen=True)
class Slot:
    """When and what a new due item is: its kind, flow, repeat, wall time and first time."""

    kind: DueKind
    flow_id: str
    repeat: str
    wall: time
    due: datetime


def _add(
    session: AsyncSession,
    person: Person,
    slot: Slot,
    now: datetime,
    payload: bytes | None = None,
    item_id: str | None = None,
) -> DueItem:
    item = DueItem(
        id=item_id or new_id(),
        person_id=person.id,
        kind=slot.kind,
        flow_id=slot.flow_id,
        repeat=slot.repeat,
        wall_time=slot.wall.strftime("%H:%M"),
        due_at=slot.due,
        valid_until=slot.due + WINDOWS[slot.kind],
        status=DueStatus.SCHEDULED,
        payload=payload,
        runs=0,
        updated_at=now,
    )
    session.add(item)
    return item


async def on_activated(session: AsyncSession, person: Person, now: datetime) -> None:
    """Schedule the daily check-in and the weekly flows (again, after START)."""
    await reschedule_checkin(session, person, now)
    for flow_id in WEEKLY_FLOWS:
        await ensure_weekly(session, person, flow_id, now)


async def ensure_weekly(session: AsyncSession, person: Person, flow_id: str, now: datetime) -> None:
    """A weekly flow for the person, from a week on, unless one is already scheduled."""
    if any(i.flow_id == flow_id for i in await _items(session, person.id, DueKind.WEEKLY)):
        return
    wall = weekly_wall(person)
    due, _ = first_due("weekly", "weekly", wall, now)
    _add(session, person, Slot(DueKind.WEEKLY, flow_id, "weekly", wall, due), now=now)


async def reschedule_checkin(session: AsyncSession, person: Person, now: datetime) -> None:
    """Put the next check-in at the person's chosen time (after TIME, YES or START)."""
    wall = parse_wall(person.checkin_time)
    due, valid = first_due(CHECKIN, "daily", wall, now)
    items = await _items(session, person.id, DueKind.CHECKIN)
    if not items:
        _add(session, person, Slot(DueKind.CHECKIN, CHECKIN, "daily", wall, due), now=now)
        return
    for item in items:
        item.wall_time, item.due_at, item.valid_until = wall.strftime("%H:%M"), due, valid
        item.updated_at = now
    for item in await _items(session, person.id, DueKind.WEEKLY):
        item.wall_time = weekly_wall(person).strftime("%H:%M")


async def medicine_changed(session: AsyncSession, person: Person, day: date, now: datetime) -> None:
    """Restart the monitoring calendar from `day`: six weekly weigh-ins, 12 weeks, yearly."""
    await session.execute(
        update(DueItem)
        .where(
            DueItem.person_id == person.id,
            DueItem.kind == DueKind.CALENDAR,
            DueItem.status == DueStatus.SCHEDULED,
        )
        .values(status=DueStatus.CANCELLED, updated_at=now)
    )
    wall = parse_wall(person.checkin_time)
    plan = [(day + timedelta(weeks=w), "weigh-in", "once") for w in WEIGH_IN_WEEKS]
    plan.append((day + timedelta(days=TWELVE_WEEKS), "twelve-week-check", "once"))
    plan.append(
        (
            day.replace(year=day.year + 1)
            if day.month != 2 or day.day != 29
            else day.replace(year=day.year + 1, day=28),
            "health-check",
            "yearly",
        )
    )
    for when, flow_id, repeat in plan:
        _add(
            session,
            person,
            Slot(DueKind.CALENDAR, flow_id, repeat, wall, at_london(when, wall)),
            now=now,
        )


def add_reminder(
    session: AsyncSession,
    keyring: Keyring,
    person: Person,
    *,
    wall: time,
    details: dict[str, str],
    now: datetime,
    on: date | None = None,
) -> DueItem:
    """A reminder the person asked for: daily at `wall`, or once on the day `on`.

    `details` (what, and for appointments when) are sealed: they are health data.
    """
    item_id = new_id()
    text = json.dumps(details, separators=(",", ":"))
    payload = seal(keyring, text, DUE_PAYLOAD.bound_to(item_id))
    if on is None:
        due, _ = first_due("reminder", "daily", wall, now)
        return _add(
            session,
            person,
            Slot(DueKind.REMINDER, "reminder", "daily", wall, due),
            now=now,
            payload=payload,
            item_id=item_id,
        )
    return _add(
        session,
        person,
        Slot(DueKind.APPOINTMENT, "appointment", "once", wall, at_london(on, wall)),
        now=now,
        payload=payload,
        item_id=item_id,
    )


async def cancel_reminders(session: AsyncSession, person: Person, now: datetime) -> int:
    """Drop every reminder and appointment the person set; returns how many."""
    result = await session.execute(
        update(DueItem)
        .where(
            DueItem.person_id == person.id,
            DueItem.kind.in_((DueKind.REMINDER, DueKind.APPOINTMENT)),
            DueItem.status == DueStatus.SCHEDULED,
        )
        .values(status=DueStatus.CANCELLED, updated_at=now)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


async def on_resumed(session: AsyncSession, person: Person, now: datetime) -> None:
    """RESUME before the pause ran out: daily items come back from their next time today."""
    items = await session.scalars(
        select(DueItem).where(
            DueItem.person_id == person.id,
            DueItem.status == DueStatus.SCHEDULED,
            DueItem.repeat == "daily",
        )
    )
    for item in items:
        due = next_daily(now, parse_wall(item.wall_time))
        if due < item.due_at:
            item.due_at, item.valid_until, item.updated_at = due, due + WINDOWS[item.kind], now

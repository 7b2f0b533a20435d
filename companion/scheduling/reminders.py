"""The reminders and appointments a person set, numbered the way REMINDERS shows them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from companion.crypto.keyring import Keyring
from companion.crypto.sealing import unseal
from companion.db.models import DueItem, Person
from companion.db.sealed import DUE_PAYLOAD
from companion.db.states import DueKind, DueStatus

MAX_LISTED = 4  # one REMINDERS reply stays a few texts long
LISTED_WHAT = 30  # what each is for, cut to this in the list


@dataclass(frozen=True)
class SetReminder:
    """One reminder as the person knows it: its number in the list, when, and what."""

    number: int
    item_id: str
    daily: bool
    time: str  # HH:MM, London: the reminder's time, or the appointment's own time
    day: str  # dd/mm of an appointment; "" for a daily reminder
    what: str


def _order(item: DueItem) -> tuple[bool, str, datetime, str]:
    # Stable between listing and removing: a daily reminder's due_at moves every day,
    # its wall time does not; an appointment's due_at never moves.
    daily = item.kind is DueKind.REMINDER
    return (not daily, item.wall_time if daily else "", item.due_at, item.id)


async def set_reminders(
    session: AsyncSession, keyring: Keyring, person: Person
) -> list[SetReminder]:
    """Every scheduled reminder and appointment of the person, numbered from 1."""
    items = await session.scalars(
        select(DueItem).where(
            DueItem.person_id == person.id,
            DueItem.kind.in_((DueKind.REMINDER, DueKind.APPOINTMENT)),
            DueItem.status == DueStatus.SCHEDULED,
        )
    )
    listed: list[SetReminder] = []
    for number, item in enumerate(sorted(items, key=_order), start=1):
        details = _details(keyring, item)
        daily = item.kind is DueKind.REMINDER
        listed.append(
            SetReminder(
                number=number,
                item_id=item.id,
                daily=daily,
                time=item.wall_time if daily else details.get("time", item.wall_time),
                day="" if daily else details.get("day", ""),
                what=details.get("what", ""),
            )
        )
    return listed


async def cancel_reminder(
    session: AsyncSession, keyring: Keyring, person: Person, number: int, now: datetime
) -> SetReminder | None:
    """Cancel the reminder REMINDERS showed as `number`; None if there is no such one."""
    listed = await set_reminders(session, keyring, person)
    chosen = next((r for r in listed if r.number == number), None)
    if chosen is None:
        return None
    item = await session.get(DueItem, chosen.item_id)
    assert item is not None
    item.status, item.updated_at = DueStatus.CANCELLED, now
    return chosen


def _details(keyring: Keyring, item: DueItem) -> dict[str, str]:
    if item.payload is None:
        return {}
    text = unseal(keyring, item.payload, DUE_PAYLOAD.bound_to(item.id))
    data = json.loads(text)
    return {str(k): str(v) for k, v in data.items()}

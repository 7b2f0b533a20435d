"""A coordinator's note (a medicine change, an appointment), as the person answers it.

The coordinator records it in the portal (`sharing/care_notes.py`) and the person is
asked by SMS whether to add it to their calendar. YES restarts the monitoring calendar
from the medicine change (as MEDS CHANGED does), or books the appointment's reminder
(as APPT does); NO adds nothing. Either way the note stays in their record.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from companion.context import ServiceContext
from companion.crypto.sealing import unseal
from companion.db import observations
from companion.db.models import CareNote, Person
from companion.db.sealed import CARE_NOTE_DETAILS
from companion.db.states import AuditAction, CareNoteKind, CareNoteStatus
from companion.engine.care_notes import ANSWER_WITHIN
from companion.engine.commands import Command, CommandName
from companion.engine.runner import Say
from companion.records import audit
from companion.scheduling import schedule
from companion.texting.calendar_commands import book_appointment
from companion.texting.request import Request


def details_of(ctx: ServiceContext, note: CareNote) -> dict[str, str]:
    """The note's sealed details: "what", "day" (ISO date) and, for appointments, "time"."""
    opened = json.loads(unseal(ctx.keyring, note.details, CARE_NOTE_DETAILS.bound_to(note.id)))
    return {str(k): str(v) for k, v in opened.items()}


async def question_waiting(session: AsyncSession, person_id: str, now: datetime) -> CareNote | None:
    """The person's newest note still waiting for YES or NO (asked within a week)."""
    note: CareNote | None = await session.scalar(
        select(CareNote)
        .where(
            CareNote.person_id == person_id,
            CareNote.status == CareNoteStatus.ASKED,
            CareNote.created_at > now - ANSWER_WITHIN,
        )
        .order_by(CareNote.created_at.desc(), CareNote.id)
        .limit(1)
    )
    return note


async def answer(
    ctx: ServiceContext,
    session: AsyncSession,
    person: Person,
    note: CareNote,
    yes: bool,
    now: datetime,
) -> list[Say]:
    """YES adds the note to the person's calendar; NO adds nothing. Audited either way."""
    note.answered_at = now
    says = await _added(ctx, session, person, note, now) if yes else [Say("note-declined")]
    note.status = CareNoteStatus.ADDED if yes else CareNoteStatus.DECLINED
    await audit.record(
        session,
        actor=f"person:{person.id}",
        action=AuditAction.CARE_NOTE_ADDED if yes else AuditAction.CARE_NOTE_DECLINED,
        subject=note.id,
        outcome="ok",
        now=now,
    )
    return says


async def _added(
    ctx: ServiceContext, session: AsyncSession, person: Person, note: CareNote, now: datetime
) -> list[Say]:
    details = details_of(ctx, note)
    day = date.fromisoformat(details["day"])
    if note.kind is CareNoteKind.MEDICINE:
        observations.record(session, ctx.keyring, person.id, "meds_changed", day.isoformat(), now)
        await schedule.medicine_changed(session, person, day, now)
        return [Say("note-medicine-added", args={"day": day.strftime("%d/%m")})]
    request = Request(ctx, session, person, Command(CommandName.APPOINTMENT, ""), now)
    booked = book_appointment(request, day, time.fromisoformat(details["time"]), details["what"])
    return [booked or Say("note-appt-past")]

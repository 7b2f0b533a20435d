"""Notes that join up care: a coordinator records a medicine change or an appointment.

Only for a person who shares with them now and is receiving texts. The note's details
are sealed; the person is asked by SMS whether to add it to their calendar (their
YES or NO is handled in `texting/care_notes.py`). Every step is audited.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from companion.accounts.coordinators import who
from companion.context import ServiceContext
from companion.crypto.sealing import seal, unseal
from companion.db.models import CareNote, Consent, Coordinator, Person, new_id
from companion.db.outbox import Recipient, Timing
from companion.db.people import person_phone
from companion.db.sealed import CARE_NOTE_DETAILS
from companion.db.states import (
    AuditAction,
    CareNoteKind,
    CareNoteStatus,
    PersonStatus,
    Priority,
)
from companion.engine.care_notes import ANSWER_WITHIN, NoteEntry
from companion.engine.runner import Say
from companion.records import audit
from companion.texting.speech import queue_says

RECORDED = AuditAction.CARE_NOTE_RECORDED


@dataclass(frozen=True)
class ListedNote:
    """A note as the coordinator's person page lists it."""

    kind: CareNoteKind
    status: CareNoteStatus
    what: str
    day: date
    time: str | None
    created_at: datetime


async def record_note(
    ctx: ServiceContext,
    session: AsyncSession,
    consent: Consent,
    entry: NoteEntry,
    actor: str,
) -> bool:
    """Store the note and text the person the question; False if they cannot be texted now.

    The caller has checked that `consent` is active and to this coordinator.
    """
    now = ctx.clock()
    person = await session.get(Person, consent.person_id)
    coordinator = await session.get(Coordinator, consent.coordinator_id)
    assert person is not None
    assert coordinator is not None
    if person.status is not PersonStatus.ACTIVE:
        await audit.record(session, actor=actor, action=RECORDED, outcome="not_active", now=now)
        return False
    note_id = new_id()
    text = json.dumps(entry.details(), separators=(",", ":"))
    session.add(
        CareNote(
            id=note_id,
            person_id=person.id,
            coordinator_id=coordinator.id,
            kind=entry.kind,
            details=seal(ctx.keyring, text, CARE_NOTE_DETAILS.bound_to(note_id)),
            status=CareNoteStatus.ASKED,
            created_at=now,
        )
    )
    args: dict[str, str | int] = {
        "coordinator": who(ctx.keyring, coordinator).name,
        "what": entry.what,
        "day": entry.day.strftime("%d/%m"),
    }
    if entry.at is not None:
        args["time"] = entry.at.strftime("%H:%M")
    key = "note-medicine-ask" if entry.kind is CareNoteKind.MEDICINE else "note-appt-ask"
    to = Recipient(person_phone(ctx.keyring, person), person.phone_index, person.id, person.locale)
    queue_says(ctx, session, [Say(key, args=args)], to, Timing(Priority.REPLY, now))
    await audit.record(
        session, actor=actor, action=RECORDED, subject=note_id, outcome="ok", now=now
    )
    return True


async def notes_for(
    ctx: ServiceContext, session: AsyncSession, consent: Consent
) -> list[ListedNote]:
    """The notes this coordinator recorded for this person, newest first."""
    rows = await session.scalars(
        select(CareNote)
        .where(
            CareNote.person_id == consent.person_id,
            CareNote.coordinator_id == consent.coordinator_id,
        )
        .order_by(CareNote.created_at.desc(), CareNote.id)
    )
    found, now = [], ctx.clock()
    for note in rows:
        where = CARE_NOTE_DETAILS.bound_to(note.id)
        details = json.loads(unseal(ctx.keyring, note.details, where))
        lapsed = note.status is CareNoteStatus.ASKED and now - note.created_at > ANSWER_WITHIN
        found.append(
            ListedNote(
                note.kind,
                CareNoteStatus.LAPSED if lapsed else note.status,
                str(details["what"]),
                date.fromisoformat(details["day"]),
                details.get("time"),
                note.created_at,
            )
        )
    return found

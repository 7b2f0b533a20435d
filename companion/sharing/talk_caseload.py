"""TALK requests on the coordinator's side: the open ones first on the caseload, a reply, done.

A coordinator sees only requests addressed to them. A request stays open until they
mark it done, whatever happens meanwhile: if the person texts STOP or stops sharing
the request stays (they asked), and the page says so; no reply is texted to someone
who has stopped. A reply is a kind template plus an optional short note, queued to the
outbox like every SMS (never sent directly); the note is sealed on the request.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from companion.accounts.coordinators import who
from companion.context import ServiceContext
from companion.crypto.keyring import Keyring
from companion.crypto.sealing import seal, unseal
from companion.db.models import Consent, Coordinator, Person, TalkRequest
from companion.db.outbox import Recipient, Timing
from companion.db.people import person_phone
from companion.db.sealed import TALK_REPLY_NOTE, TALK_WORDS
from companion.db.states import ConsentStatus, PersonStatus, Priority, TalkStatus
from companion.engine.runner import Say
from companion.engine.timing import LONDON
from companion.sharing.caseload import person_name
from companion.texting.speech import queue_says

MAX_NOTE_CHARS = 300
REPLY_TEMPLATES = ("call", "callback", "appointment", "thanks")


class ReplyOutcome(StrEnum):
    """What became of a reply from the portal (also the audit outcome)."""

    QUEUED = "queued"
    NOT_FOUND = "not_found"  # no open request of this coordinator's with that id
    STOPPED = "stopped"  # the person texted STOP: we never text them
    INVALID = "invalid"  # no such template


@dataclass(frozen=True)
class TalkCase:
    """One open request as the caseload shows it."""

    id: str
    name: str | None
    phone_ending: str
    words: str
    with_crisis: bool  # shown only where the person shares crisis texts with them
    asked_at: datetime
    age: timedelta
    reply_due_at: datetime
    overdue: bool
    asked_again: int
    replied_at: datetime | None
    stopped_at: datetime | None  # set when the person has texted STOP since
    consent_id: str | None  # their active consent to this coordinator, if still sharing

    @property
    def asked_clock(self) -> str:
        """When they asked, London time of day ("14:05")."""
        return f"{self.asked_at.astimezone(LONDON):%H:%M}"

    @property
    def due_clock(self) -> str:
        """When the promised reply time ends, London time of day."""
        return f"{self.reply_due_at.astimezone(LONDON):%H:%M}"

    @property
    def age_hours(self) -> int:
        """Whole hours since they asked."""
        return int(self.age.total_seconds() // 3600)


async def open_requests(
    session: AsyncSession, keyring: Keyring, coordinator_id: str, now: datetime
) -> list[TalkCase]:
    """This coordinator's open requests, overdue first, then oldest first."""
    rows = await session.execute(
        select(TalkRequest, Person, Consent)
        .join(Person, Person.id == TalkRequest.person_id)
        .outerjoin(
            Consent,
            (Consent.person_id == TalkRequest.person_id)
            & (Consent.coordinator_id == coordinator_id)
            & (Consent.status == ConsentStatus.ACTIVE),
        )
        .where(TalkRequest.coordinator_id == coordinator_id, TalkRequest.status == TalkStatus.OPEN)
        .order_by(TalkRequest.asked_at, TalkRequest.id)
    )
    cases = [_case(keyring, request, person, consent, now) for request, person, consent in rows]
    return sorted(cases, key=lambda case: not case.overdue)


def _case(
    keyring: Keyring, request: TalkRequest, person: Person, consent: Consent | None, now: datetime
) -> TalkCase:
    shares_crisis = consent is not None and "safety" in consent.shares.split()
    stopped = person.status is PersonStatus.STOPPED
    return TalkCase(
        id=request.id,
        name=person_name(keyring, person),
        phone_ending=person_phone(keyring, person)[-4:],
        words=unseal(keyring, request.words, TALK_WORDS.bound_to(request.id)),
        with_crisis=request.with_crisis and shares_crisis,
        asked_at=request.asked_at,
        age=now - request.asked_at,
        reply_due_at=request.reply_due_at,
        overdue=request.reply_due_at <= now,
        asked_again=request.asked_again,
        replied_at=request.replied_at,
        stopped_at=(person.stopped_at or person.updated_at) if stopped else None,
        consent_id=consent.id if consent is not None else None,
    )


async def _request_of(
    session: AsyncSession, coordinator_id: str, request_id: str
) -> TalkRequest | None:
    request = await session.get(TalkRequest, request_id)
    if (
        request is None
        or request.coordinator_id != coordinator_id
        or request.status is not TalkStatus.OPEN
    ):
        return None
    return request


async def reply(
    ctx: ServiceContext,
    session: AsyncSession,
    coordinator_id: str,
    request_id: str,
    template: str,
    note: str,
    now: datetime,
) -> ReplyOutcome:
    """Queue the coordinator's reply to the person (template plus optional note).

    The note is cut to `MAX_NOTE_CHARS` and sealed on the request; the request stays
    open until marked done.
    """
    request = await _request_of(session, coordinator_id, request_id)
    if request is None:
        return ReplyOutcome.NOT_FOUND
    if template not in REPLY_TEMPLATES:
        return ReplyOutcome.INVALID
    person = await session.get(Person, request.person_id)
    coordinator = await session.get(Coordinator, coordinator_id)
    assert person is not None
    assert coordinator is not None
    if person.status is not PersonStatus.ACTIVE:
        return ReplyOutcome.STOPPED
    kept = " ".join(note.split())[:MAX_NOTE_CHARS]
    args: dict[str, str | int] = {
        "coordinator": who(ctx.keyring, coordinator).name[:40],
        "template": template,
        "has_note": "yes" if kept else "no",
        "note": kept,
    }
    to = Recipient(person_phone(ctx.keyring, person), person.phone_index, person.id, person.locale)
    queue_says(ctx, session, [Say("talk-reply", args=args)], to, Timing(Priority.REPLY, now))
    request.replied_at, request.reply_key = now, template
    request.reply_note = seal(ctx.keyring, kept, TALK_REPLY_NOTE.bound_to(request.id))
    return ReplyOutcome.QUEUED


async def mark_done(
    session: AsyncSession, coordinator_id: str, request_id: str, now: datetime
) -> bool:
    """Close this coordinator's open request; False if there is none with that id."""
    request = await _request_of(session, coordinator_id, request_id)
    if request is None:
        return False
    request.status, request.done_at = TalkStatus.DONE, now
    return True


async def overdue_count(session: AsyncSession, now: datetime) -> int:
    """Open requests past the time the person was promised (for /metrics)."""
    count = await session.scalar(
        select(func.count()).where(
            TalkRequest.status == TalkStatus.OPEN, TalkRequest.reply_due_at <= now
        )
    )
    return int(count or 0)


async def open_counts(session: AsyncSession, coordinator_id: str) -> dict[str, int]:
    """Open requests to this coordinator per active consent id (for the triaged caseload)."""
    rows = await session.execute(
        select(Consent.id, func.count())
        .join(TalkRequest, TalkRequest.person_id == Consent.person_id)
        .where(
            Consent.coordinator_id == coordinator_id,
            Consent.status == ConsentStatus.ACTIVE,
            TalkRequest.coordinator_id == coordinator_id,
            TalkRequest.status == TalkStatus.OPEN,
        )
        .group_by(Consent.id)
    )
    return {consent_id: int(count) for consent_id, count in rows.all()}

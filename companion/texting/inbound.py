"""Inbound SMS: dedupe, decide (pure core), persist and queue replies in one transaction."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import bindparam, func, insert, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from companion.context import ServiceContext
from companion.crypto.blind_index import phone_index
from companion.crypto.sealing import seal
from companion.db import outbox, people
from companion.db.core import run_core
from companion.db.models import InboundMessage, OutboxMessage, Person, new_id
from companion.db.outbox import Recipient, Timing
from companion.db.safety_events import Detection, safety_event_row
from companion.db.sealed import INBOUND_BODY
from companion.db.states import ConversationStatus, PersonStatus, Priority
from companion.engine.decide import (
    AnswerQuestion,
    AsSupporter,
    Decision,
    Situation,
    Text,
    decide,
)
from companion.engine.limits import (
    CRISIS_REPLIES,
    PAUSED_NOTICE,
    allowed_replies,
    is_safety,
    pause_notice_due,
)
from companion.engine.runner import Say
from companion.engine.timing import LONDON
from companion.records.erasure import erase_person
from companion.scheduling import schedule
from companion.sharing import supporter_records, supporter_replies
from companion.sms.keywords import CarrierKeyword
from companion.sms.phone import InvalidPhoneNumber, to_e164
from companion.sms.segments import MAX_BODY_CHARS
from companion.texting import conversation
from companion.texting.actions import Loaded, carry_out, situation_of
from companion.texting.speech import insert_says, queue_says

log = logging.getLogger(__name__)

STRANGER_REPLY_INTERVAL = timedelta(days=1)
ERASED = "erased"  # the last text after DELETE keeps no blind index of the number
_ATTEMPTS = 3


class InboundResult(StrEnum):
    """What became of one inbound SMS."""

    HANDLED = "handled"
    DUPLICATE = "duplicate"
    INVALID_NUMBER = "invalid_number"


@dataclass(frozen=True)
class InboundSms:
    """One message as Twilio (or the simulator) delivered it."""

    message_sid: str
    from_number: str
    body: str


async def handle_inbound(ctx: ServiceContext, sms: InboundSms) -> InboundResult:
    """Record and answer one inbound SMS exactly once.

    A MessageSid seen before is acknowledged and does nothing. Everything the message
    causes (state change, safety event, queued replies) commits together or not at all.
    """
    # Bounded, and without NUL (PostgreSQL refuses it in text), whichever door it came in.
    body = sms.body.replace("\x00", "")[:MAX_BODY_CHARS]
    sms = InboundSms(sms.message_sid, sms.from_number, body)
    try:
        e164 = to_e164(sms.from_number)
    except InvalidPhoneNumber:
        ctx.metrics.inbound.labels("invalid_number").inc()
        return InboundResult.INVALID_NUMBER
    for attempt in range(_ATTEMPTS):
        try:
            async with ctx.sessions() as session, session.begin():
                handled = await _handle(ctx, session, sms, e164)
        except IntegrityError:
            # Either Twilio redelivered (the MessageSid exists) or two first messages
            # from one new number raced to create the person: then try again.
            if await _seen(ctx, sms.message_sid) or attempt == _ATTEMPTS - 1:
                ctx.metrics.inbound.labels("duplicate").inc()
                log.info("inbound duplicate", extra={"message_sid": sms.message_sid})
                return InboundResult.DUPLICATE
            continue
        ctx.metrics.inbound.labels("handled").inc()
        log.info("inbound handled", extra={"inbound_id": handled.inbound_id})
        if handled.erase:
            await _erase_on_request(ctx, e164)
        ctx.wake_dispatcher()
        return InboundResult.HANDLED
    raise AssertionError("unreachable")  # pragma: no cover


async def _seen(ctx: ServiceContext, message_sid: str) -> bool:
    async with ctx.sessions() as session, session.begin():
        found = await session.scalar(
            select(InboundMessage.id).where(InboundMessage.message_sid == message_sid)
        )
    return found is not None


@dataclass(frozen=True)
class HandledSms:
    """The stored inbound row, and whether the person confirmed erasure."""

    inbound_id: str
    erase: bool


async def _erase_on_request(ctx: ServiceContext, e164: str) -> None:
    """The person replied DELETE: erase everything, then tell them (and only that)."""
    # No VACUUM inside a webhook (it would block writes); the daily sweep compacts.
    await erase_person(ctx, e164, actor="person", compact=False)
    now = ctx.clock()
    async with ctx.sessions() as session, session.begin():
        to = Recipient(e164, ERASED)
        queue_says(ctx, session, [Say("delete-me-done")], to, Timing(Priority.REPLY, now))


@dataclass(frozen=True)
class RecentReplies:
    """Ordinary replies queued to one number in the last hour, and whether crisis
    signposting was among this hour's messages."""

    count: int
    signposted: bool
    told_paused: bool = False  # the "replies paused" notice already went this hour


_HOUR = timedelta(hours=1)
_MINUTE = timedelta(minutes=1)
_REPLIES = select(func.count()).where(
    OutboxMessage.phone_index == bindparam("index"),
    OutboxMessage.priority == Priority.REPLY,
    OutboxMessage.created_at >= bindparam("since"),
)
# Plain binds, not IN's expanding one (which is re-rendered on every execution).
_SIGNPOSTED = select(func.count()).where(
    OutboxMessage.phone_index == bindparam("index"),
    OutboxMessage.priority == Priority.SAFETY,
    OutboxMessage.created_at >= bindparam("since"),
    or_(*(OutboxMessage.message_key == key for key in sorted(CRISIS_REPLIES))),
)
_TOLD_PAUSED = select(func.count()).where(
    OutboxMessage.phone_index == bindparam("index"),
    OutboxMessage.message_key == PAUSED_NOTICE,
    OutboxMessage.created_at >= bindparam("since"),
)
# The insert that dedupes also counts the number's recent replies (on the phone_index
# index): one round trip instead of two. It runs once the person's row is locked, so a
# message from the same person that was being handled meanwhile is counted.
_INSERT_INBOUND = insert(InboundMessage.metadata.tables[InboundMessage.__tablename__]).returning(
    _REPLIES.scalar_subquery(), _SIGNPOSTED.scalar_subquery(), _TOLD_PAUSED.scalar_subquery()
)


def _within_limits(
    ctx: ServiceContext, says: list[Say], recent: RecentReplies, now: datetime
) -> list[Say]:
    """Drop ordinary replies beyond the per-number hourly bound (safety replies always go);
    the first time in the hour, say so once, with when replies resume (London time)."""
    kept = allowed_replies(
        says, replies_last_hour=recent.count, signposted_last_hour=recent.signposted
    )
    if len(kept) < len(says):
        ctx.metrics.replies_suppressed.inc(len(says) - len(kept))
        log.warning(
            "replies held back: too many for one number this hour",
            extra={"held": len(says) - len(kept)},
        )
    if pause_notice_due(says, kept, told_this_hour=recent.told_paused):
        # Every reply counted now has left the rolling hour a minute later: an upper bound.
        resume = (now + _HOUR + _MINUTE).astimezone(LONDON).strftime("%H:%M")
        kept.append(Say(PAUSED_NOTICE, args={"time": resume}))
    return kept


async def _handle(
    ctx: ServiceContext, session: AsyncSession, sms: InboundSms, e164: str
) -> HandledSms:
    now = ctx.clock()
    index = phone_index(ctx.keyring, e164)
    text = Text(sms.body)
    person = await people.find_person(session, index, lock=True)
    if person is None:
        told = await people.told_how_to_join_since(session, index, now - STRANGER_REPLY_INTERVAL)
        loaded = Loaded(Situation(None, told_how_to_join_today=told))
    else:
        loaded = await situation_of(ctx, session, person, text, now)
    if text.keyword is None and text.crisis is None:
        role = await supporter_records.role_of(session, index, now)
        loaded = replace(loaded, situation=replace(loaded.situation, supporter_role=role))
    decision = decide(loaded.situation, text)
    person = await _apply(ctx, session, person, decision, e164, now)
    # Inserted once the sender is known (found, or just enrolled), with its person: a
    # MessageSid seen before fails here, and the whole transaction with it.
    inbound_id, recent = await _record(ctx, session, sms, index, person, now)
    if text.keyword is CarrierKeyword.STOP:  # global for the number: every role ends
        await supporter_replies.stop(ctx, session, index, sms.body, now)
    if decision.stops and person is not None:
        await outbox.cancel_pending_for(session, person.id, now)
        await supporter_records.cancel_queued_about(session, person.id, now)
        open_row = await conversation.open_conversation(session, person.id)
        conversation.end_open(open_row, ConversationStatus.STOPPED, now)
    if decision.tells_how_to_join:
        await people.note_told_how_to_join(session, index, now)
    if decision.safety is not None:
        ctx.metrics.safety.inc()
        found = Detection.of(decision.safety)
        session.add(
            safety_event_row(
                ctx.keyring,
                found,
                person_id=person.id if person else None,
                phone_index=index,
                inbound_id=inbound_id,
                now=now,
            )
        )
    says = list(decision.replies)
    locale = None
    if isinstance(decision.action, AsSupporter):
        supporting = await supporter_replies.answer(ctx, session, index, decision.action.reply, now)
        says += supporting.says
        locale = supporting.locale  # a supporter who is not a user: the inviter's language
    elif decision.action is not None and person is not None:
        says += await carry_out(ctx, session, person, decision.action, loaded, text, now)
    says = _within_limits(ctx, says, recent, now)
    # After the action: LANGUAGE answers in the language just chosen.
    to = Recipient(e164, index, *((person.id, person.locale) if person else (None, locale or "en")))
    priority = Priority.SAFETY if is_safety(says) else Priority.REPLY
    await insert_says(ctx, session, says, to, Timing(priority, now))
    erase = isinstance(decision.action, AnswerQuestion) and decision.action.erase
    return HandledSms(inbound_id, erase)


async def _record(
    ctx: ServiceContext,
    session: AsyncSession,
    sms: InboundSms,
    index: str,
    person: Person | None,
    now: datetime,
) -> tuple[str, RecentReplies]:
    """Insert the inbound row, body sealed, and count the number's replies in the last hour.

    Raises:
        IntegrityError: the MessageSid is already stored (or two first messages raced).
    """
    inbound_id = new_id()
    body = seal(ctx.keyring, sms.body, INBOUND_BODY.bound_to(inbound_id))
    result = await run_core(
        session,
        _INSERT_INBOUND,
        {
            "id": inbound_id,
            "message_sid": sms.message_sid,
            "person_id": person.id if person else None,
            "phone_index": index,
            "body": body,
            "received_at": now,
            "index": index,
            "since": now - _HOUR,
        },
    )
    replies, signposted, told_paused = result.one()
    return inbound_id, RecentReplies(replies, signposted > 0, told_paused > 0)


async def _apply(
    ctx: ServiceContext,
    session: AsyncSession,
    person: Person | None,
    decision: Decision,
    e164: str,
    now: datetime,
) -> Person | None:
    """Create or update the person as the decision says."""
    if decision.status is None:
        return person
    if person is None:
        person = await people.add_person(session, ctx.keyring, e164, decision.status, now)
    if person.status != decision.status:
        person.status = decision.status
        person.updated_at = now
        if decision.status == PersonStatus.STOPPED:
            person.stopped_at = now
        if decision.status == PersonStatus.ACTIVE:
            await schedule.on_activated(session, person, now)
    if decision.shown_terms is not None:
        person.terms_version = terms_version(ctx, decision.shown_terms, person.locale)
    if decision.accepts_terms:
        person.terms_accepted_at = now
    return person


def terms_version(ctx: ServiceContext, message_id: str, locale: str) -> str:
    """Identify the exact wording shown: message id, locale and a hash of the text."""
    text = ctx.catalog.render(message_id, locale)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return f"{message_id}:{locale}:{digest}"

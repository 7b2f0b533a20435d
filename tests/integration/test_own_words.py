"""People's own words through the real service: each row's reply and what it saves, and
ordinary texts (chat, emoji, one word) through the signed webhook changing nothing."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from companion.config import load_settings
from companion.context import ServiceContext, standalone_context
from companion.crypto.keyring import Keyring, format_keyring
from companion.db import people
from companion.db.models import (
    Consent,
    ConsentEvent,
    ConversationRow,
    DueItem,
    Goal,
    Observation,
    OutboxMessage,
    Person,
    TipSent,
)
from companion.db.observations import opened
from companion.db.states import DueKind, PersonStatus
from companion.sms.fake_twilio import FakeTwilio
from companion.texting.inbound import InboundSms, handle_inbound
from companion.web.keys import CONTEXT
from tests.conftest import AUTH_TOKEN, PUBLIC_BASE_URL, AppClient
from tests.support.clock import ManualClock
from tests.support.webhooks import new_message_sid, post_signed, sms_form
from tests.unit.test_intent_table import Row, ordinary_texts, own_words

LONDON = ZoneInfo("Europe/London")
# A Wednesday morning, after the default 10:00 check-in time: nothing falls due meanwhile.
WEDNESDAY = datetime(2026, 6, 3, 11, 0, tzinfo=LONDON).astimezone(ZoneInfo("UTC"))


async def _saved(ctx: ServiceContext, session: AsyncSession, person_id: str) -> set[str]:
    """What the person's texts saved, written as the table writes it."""
    saved: set[str] = set()
    for row in await session.scalars(select(Observation).where(Observation.person_id == person_id)):
        key, value = opened(ctx.keyring, row.id, row.payload)
        if isinstance(value, dict):
            saved.add(f"{key}={value['systolic']}/{value['diastolic']}")
        elif key == "side_note":
            saved.add(key)
        else:
            saved.add(f"{key}={value}")
    for item in await session.scalars(select(DueItem).where(DueItem.person_id == person_id)):
        if item.kind in (DueKind.REMINDER, DueKind.APPOINTMENT):
            saved.add(item.kind.value)
    if await session.scalar(select(TipSent.id).where(TipSent.person_id == person_id)):
        saved.add("tip")
    return saved


async def _play(ctx: ServiceContext, clock: ManualClock, number: int, row: Row) -> str | None:
    """Send one row's text from a new active person; describe any mismatch."""
    phone = f"+4477009{number:05d}"
    async with ctx.sessions() as session, session.begin():
        person = await people.add_person(
            session, ctx.keyring, phone, PersonStatus.ACTIVE, clock.now
        )
        person.terms_accepted_at = clock.now
        person_id = person.id
    await handle_inbound(ctx, InboundSms(new_message_sid(), phone, row.text))
    async with ctx.sessions() as session:
        keys = list(
            await session.scalars(
                select(OutboxMessage.message_key).where(OutboxMessage.person_id == person_id)
            )
        )
        saved = await _saved(ctx, session, person_id)
    expected = set() if row.saves == "-" else {row.saves}
    if row.reply not in keys or saved != expected:
        return f"{row.text!r}: replies {keys}, saved {sorted(saved)}"
    return None


async def test_every_row_gets_its_reply_and_saves_only_what_it_says(
    sqlite_url: str, keyring: Keyring, clock: ManualClock
) -> None:
    """Each row of the table, sent by a new person, gets its reply and saves its row's value."""
    clock.now = WEDNESDAY
    settings = load_settings(
        {
            "DATABASE_URL": sqlite_url,
            "COMPANION_DATA_KEYS": format_keyring(keyring),
            "COMPANION_MODE": "simulator",
        }
    )
    async with standalone_context(settings, clock=clock) as ctx:
        mismatches = [
            problem
            for number, row in enumerate(own_words())
            if (problem := await _play(ctx, clock, number, row)) is not None
        ]
    assert mismatches == [], "\n".join(mismatches)


async def _state(ctx: ServiceContext) -> dict[str, Any]:
    """Everything a text could change, as comparable values."""
    async with ctx.sessions() as session:
        person = (await session.scalars(select(Person))).one()
        return {
            "person": (
                person.status,
                person.paused_until,
                person.checkin_time,
                person.locale,
                person.name,
                person.borough,
                person.terms_accepted_at,
                person.stopped_at,
            ),
            "observations": list(await session.scalars(select(Observation.id))),
            "due": list(
                (await session.execute(select(DueItem.id, DueItem.status, DueItem.due_at))).all()
            ),
            "consent": list((await session.execute(select(Consent.id, Consent.status))).all()),
            "consent_events": list(await session.scalars(select(ConsentEvent.id))),
            "conversations": list(
                (await session.execute(select(ConversationRow.id, ConversationRow.status))).all()
            ),
            "goals": list(await session.scalars(select(Goal.id))),
            "tips": list(await session.scalars(select(TipSent.id))),
        }


async def test_ordinary_texts_change_nothing(
    twilio_client: AppClient, fake_twilio: FakeTwilio, clock: ManualClock
) -> None:
    """100+ ordinary texts through the signed webhook change no observation, reminder,
    status, consent, conversation, goal or tip, and each gets the honest, kind reply."""
    clock.now = WEDNESDAY
    phone = "+447700900321"
    ctx = twilio_client.app[CONTEXT]

    async def send(text: str) -> None:
        form = sms_form(phone, text)
        status = await post_signed(
            twilio_client,
            "/twilio/sms",
            form,
            auth_token=AUTH_TOKEN,
            public_base_url=PUBLIC_BASE_URL,
        )
        assert status == 200

    await send("JOIN")
    await send("YES")
    before = await _state(ctx)
    texts = ordinary_texts()
    for text in texts:
        clock.advance(minutes=2)  # within the hourly bound on replies
        await send(text)
    assert await _state(ctx) == before
    async with ctx.sessions() as session:
        keys = Counter(await session.scalars(select(OutboxMessage.message_key)))
    assert keys == {"welcome": 1, "activated": 1, "understanding-unclear": len(texts)}

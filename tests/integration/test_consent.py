"""Consent by SMS and weekly summaries: explicit, specific, revocable, sealed to one person."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from companion.crypto import hpke_box
from companion.crypto.coordinator_keys import new_key_pair
from companion.crypto.sealing import associated_data, unseal
from companion.db.connection import create_engine, session_factory
from companion.db.models import Consent, ConsentEvent, ShareCode, Summary
from companion.engine.summary import RANGES_PATH, load_reference_ranges
from companion.sharing.summaries import summary_sweep
from companion.sms.fake_twilio import FakeTwilio
from companion.web.keys import CONTEXT, DISPATCHER, SETTINGS
from tests.conftest import AppClient
from tests.support.clock import ManualClock
from tests.support.coordinators import coordinator_row
from tests.support.database import rows
from tests.support.texting import text_and_read
from tests.support.waiting import outbox_settled

PHONE = "+447700900123"
FAKES: dict[int, FakeTwilio] = {}  # each test's fake Twilio, by its client


async def text(client: AppClient, body: str) -> str:
    """Text `body` and return the reply that comes back."""
    return await text_and_read(client, FAKES[id(client)], PHONE, body)


def url(client: AppClient) -> str:
    return client.app[SETTINGS].database_url


async def add_coordinator(
    client: AppClient, name: str, code: str, now: datetime
) -> tuple[str, X25519PrivateKey]:
    """An enrolled coordinator (public key stored and bound by the keyring) with a share code."""
    private, public = new_key_pair()
    engine = create_engine(url(client))
    async with session_factory(engine)() as session, session.begin():
        coordinator = coordinator_row(
            client.app[CONTEXT].keyring,
            name=name,
            email=f"{code.lower()}@nhs.example",
            team="Hackney CMHT",
            public_key=public,
            now=now,
        )
        session.add(coordinator)
        await session.flush()
        session.add(
            ShareCode(
                code=code,
                coordinator_id=coordinator.id,
                created_at=now,
                expires_at=now + timedelta(days=14),
            )
        )
        coordinator_id = coordinator.id
    await engine.dispose()
    return coordinator_id, private


@pytest.fixture
async def joined(
    twilio_client: AppClient, fake_twilio: FakeTwilio, clock: ManualClock
) -> AppClient:
    """An active person, on a Wednesday."""
    FAKES[id(twilio_client)] = fake_twilio
    clock.now = datetime(2026, 6, 3, 10, 0, tzinfo=UTC)
    await text(twilio_client, "JOIN")
    await text(twilio_client, "YES")
    return twilio_client


async def test_share_code_then_yes_without_safety_records_exactly_what_was_said(
    joined: AppClient, clock: ManualClock
) -> None:
    """SHARE asks who/what; YES WITHOUT SAFETY shares the rest; each step keeps its wording."""
    await add_coordinator(joined, "Sam Patel", "K7Q2MX", clock.now)
    ask = await text(joined, "SHARE k7q2mx")
    assert "Sam Patel (Hackney CMHT)" in ask
    assert "Reply YES" in ask
    given = await text(joined, "yes without safety")
    assert (
        "- your check-ins and measurements\n- side effects\n- your goal\nand nothing else" in given
    )
    assert "crisis" not in given
    assert "UNSHARE" in given
    (consent,) = await rows(url(joined), Consent)
    assert consent.status == "active"
    assert consent.shares == "checkins side_effects goals"
    events = await rows(url(joined), ConsentEvent)
    assert [e.kind for e in events] == ["asked", "given"]
    keyring = joined.app[CONTEXT].keyring
    wording = [
        unseal(keyring, e.wording, associated_data("consent_event", "wording", e.id))
        for e in events
    ]
    assert wording == [ask, given]


async def test_a_used_or_unknown_code_shares_nothing(joined: AppClient, clock: ManualClock) -> None:
    """A wrong code is refused kindly and no consent is created."""
    reply = await text(joined, "SHARE ZZZZZZ")
    assert "did not work" in reply
    assert await rows(url(joined), Consent) == []


async def test_no_declines_and_a_later_no_to_another_question_changes_nothing(
    joined: AppClient, clock: ManualClock
) -> None:
    """NO to the share question declines; sharing is never started by an unrelated reply."""
    await add_coordinator(joined, "Sam Patel", "K7Q2MX", clock.now)
    await text(joined, "SHARE K7Q2MX")
    assert "nothing will be shared" in await text(joined, "no thanks")
    (consent,) = await rows(url(joined), Consent)
    assert consent.status == "declined"


async def test_only_a_yes_or_no_answers_the_share_question_and_an_unsure_one_asks_again(
    joined: AppClient, clock: ManualClock
) -> None:
    """ "Not sure" re-asks, a text with no yes or no leaves the question waiting, YES shares."""
    await add_coordinator(joined, "Sam Patel", "K7Q2MX", clock.now)
    await text(joined, "SHARE K7Q2MX")
    assert "did not catch that" in await text(joined, "maybe")
    other = await text(joined, "hello there")
    assert "did not catch that" not in other
    assert "shared" not in other
    (consent,) = await rows(url(joined), Consent)
    assert consent.status == "asked"
    assert "UNSHARE" in await text(joined, "YES")
    (consent,) = await rows(url(joined), Consent)
    assert consent.status == "active"


async def test_summary_is_sealed_to_the_coordinator_and_unshare_deletes_it(
    joined: AppClient, clock: ManualClock
) -> None:
    """A summary is made when sharing starts, opens only with the right key and info,
    is stored only as ciphertext, and UNSHARE stops sharing and deletes it."""
    coordinator_id, private = await add_coordinator(joined, "Sam Patel", "K7Q2MX", clock.now)
    _, other_private = await add_coordinator(joined, "Alex Other", "ABCDEF", clock.now)
    await text(joined, "WEIGHT 84.2")
    await text(joined, "BP 150/95")
    await text(joined, "SHARE K7Q2MX")
    await text(joined, "YES")
    ranges = load_reference_ranges(RANGES_PATH)
    # Sharing starts: last week in full and this week so far; then nothing new.
    assert await summary_sweep(joined.app[CONTEXT], ranges) == 2
    assert await summary_sweep(joined.app[CONTEXT], ranges) == 0
    summary = max(await rows(url(joined), Summary), key=lambda row: row.week)
    info = hpke_box.summary_info(summary.person_id, coordinator_id, summary.week)
    data = json.loads(hpke_box.open_(private, summary.ciphertext, info))
    assert data["week"] == summary.week
    assert any(item["key"] == "bp" for item in data["worth_discussing"])
    with pytest.raises(hpke_box.OpenError):
        hpke_box.open_(other_private, summary.ciphertext, info)
    other_week = hpke_box.summary_info(summary.person_id, coordinator_id, "2026-W01")
    with pytest.raises(hpke_box.OpenError):
        hpke_box.open_(private, summary.ciphertext, other_week)
    other_person = hpke_box.summary_info("someone-else", coordinator_id, summary.week)
    with pytest.raises(hpke_box.OpenError):
        hpke_box.open_(private, summary.ciphertext, other_person)
    raw = await asyncio.to_thread(Path(url(joined).removeprefix("sqlite+aiosqlite:///")).read_bytes)
    assert b"worth_discussing" not in raw
    assert b'"systolic"' not in raw
    reply = await text(joined, "UNSHARE")
    assert "Nothing more will be shared with Sam Patel" in reply
    assert await rows(url(joined), Summary) == []
    (consent,) = await rows(url(joined), Consent)
    assert consent.status == "withdrawn"


async def test_weekly_summary_follows_the_week_and_replaces_the_week_so_far(
    joined: AppClient, clock: ManualClock
) -> None:
    """Sharing on a Wednesday gives a 'so far' summary; after Sunday the full week replaces it."""
    coordinator_id, private = await add_coordinator(joined, "Sam Patel", "K7Q2MX", clock.now)
    await text(joined, "SHARE K7Q2MX")
    await text(joined, "YES")
    ranges = load_reference_ranges(RANGES_PATH)
    await summary_sweep(joined.app[CONTEXT], ranges)
    clock.now = datetime(2026, 6, 5, 10, 0, tzinfo=UTC)
    await text(joined, "WEIGHT 90")
    clock.now = datetime(2026, 6, 8, 9, 0, tzinfo=UTC)  # Monday of the next week
    assert await summary_sweep(joined.app[CONTEXT], ranges) == 1  # the full week replaces
    weeks = {row.week: row for row in await rows(url(joined), Summary)}
    assert sorted(weeks) == ["2026-W22", "2026-W23"]
    summary = weeks["2026-W23"]
    info = hpke_box.summary_info(summary.person_id, coordinator_id, summary.week)
    data = json.loads(hpke_box.open_(private, summary.ciphertext, info))
    assert summary.week == "2026-W23"
    assert [m["value"] for m in data["measurements"] if m["key"] == "weight_kg"] == [90]


async def test_consent_is_reconfirmed_at_90_days_and_lapses_without_an_answer(
    joined: AppClient, clock: ManualClock
) -> None:
    """At 90 days the person is asked once; with no YES by 104 days sharing stops."""
    await add_coordinator(joined, "Sam Patel", "K7Q2MX", clock.now)
    await text(joined, "SHARE K7Q2MX")
    await text(joined, "YES")
    ranges = load_reference_ranges(RANGES_PATH)
    fake = FAKES[id(joined)]
    clock.now += timedelta(days=91)
    await summary_sweep(joined.app[CONTEXT], ranges)
    await summary_sweep(joined.app[CONTEXT], ranges)
    await joined.app[DISPATCHER].drain()
    await outbox_settled(joined.app[CONTEXT].sessions)
    asks = [m.body for m in fake.messages_to(PHONE) if "keep sharing" in m.body]
    assert len(asks) == 1
    clock.now += timedelta(days=14)
    await summary_sweep(joined.app[CONTEXT], ranges)
    (consent,) = await rows(url(joined), Consent)
    assert consent.status == "lapsed"
    assert await rows(url(joined), Summary) == []


async def test_a_no_meant_for_a_later_question_never_changes_sharing(
    joined: AppClient, clock: ManualClock
) -> None:
    """After SHARE, a check-in question comes; "no" answers that question, not the share one."""
    await add_coordinator(joined, "Sam Patel", "K7Q2MX", clock.now)
    await text(joined, "SHARE K7Q2MX")
    clock.now += timedelta(minutes=5)
    question = await text(joined, "LOG")
    assert "How many hours did you sleep" in question
    await text(joined, "no")
    (consent,) = await rows(url(joined), Consent)
    assert consent.status == "asked"
    assert [e.kind for e in await rows(url(joined), ConsentEvent)] == ["asked"]

"""The summary sweep in batches: each person gets exactly their own summaries, on each backend."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from companion.crypto import hpke_box
from companion.crypto.coordinator_keys import new_key_pair
from companion.db.connection import create_engine, session_factory
from companion.db.models import Consent, ShareCode, Summary
from companion.engine.summary import RANGES_PATH, load_reference_ranges
from companion.sharing.summaries import summary_sweep
from companion.sms.fake_twilio import FakeTwilio
from companion.web.keys import CONTEXT, DISPATCHER, SETTINGS
from tests.conftest import AUTH_TOKEN, PUBLIC_BASE_URL, AppClient
from tests.support.clock import ManualClock
from tests.support.coordinators import coordinator_row
from tests.support.database import rows
from tests.support.waiting import eventually, outbox_settled
from tests.support.webhooks import post_signed, sms_form

WEDNESDAY = datetime(2026, 6, 3, 10, 0, tzinfo=UTC)  # in 2026-W23
# Each sharing person: their phone, their answer to the share question, their weight.
SHARING = {
    "+447700900101": ("YES", 81),
    "+447700900102": ("yes without safety", 82),
    "+447700900103": ("yes but not side effects", 83),
    "+447700900104": ("YES", 84),
}
LAPSING = "+447700900105"  # shared 105 days ago and never re-confirmed
RECONFIRMING = "+447700900106"  # shared 91 days ago: asked to keep sharing, still shares
NOT_SHARING = "+447700900107"


async def text(client: AppClient, fake: FakeTwilio, phone: str, body: str) -> str:
    """Text `body` from `phone` and return the reply that comes back (every text gets one)."""
    before = len(fake.messages_to(phone))
    form = sms_form(phone, body)
    status = await post_signed(
        client, "/twilio/sms", form, auth_token=AUTH_TOKEN, public_base_url=PUBLIC_BASE_URL
    )
    assert status == 200
    await client.app[DISPATCHER].drain()
    await outbox_settled(client.app[CONTEXT].sessions)
    # On a loaded machine the background dispatcher may hold the reply a moment longer.
    await eventually(lambda: len(fake.messages_to(phone)) > before)
    await outbox_settled(client.app[CONTEXT].sessions)
    return "\n".join(m.body for m in fake.messages_to(phone)[before:])


async def add_coordinator(client: AppClient, codes: list[str], now: datetime) -> X25519PrivateKey:
    """An enrolled coordinator (public key bound by the keyring) with one share code per person."""
    private, public = new_key_pair()
    engine = create_engine(client.app[SETTINGS].database_url)
    async with session_factory(engine)() as session, session.begin():
        coordinator = coordinator_row(
            client.app[CONTEXT].keyring,
            name="Sam Patel",
            email="sam@nhs.example",
            team="Hackney CMHT",
            public_key=public,
            now=now,
        )
        session.add(coordinator)
        await session.flush()
        for code in codes:
            expires = now + timedelta(days=200)
            session.add(
                ShareCode(
                    code=code, coordinator_id=coordinator.id, created_at=now, expires_at=expires
                )
            )
    await engine.dispose()
    return private


async def share(
    client: AppClient, fake: FakeTwilio, phone: str, code: str, answer: str, weight: int
) -> None:
    """Join, give a weight, and answer the share question."""
    await text(client, fake, phone, "JOIN")
    await text(client, fake, phone, "YES")
    await text(client, fake, phone, f"WEIGHT {weight}")
    await text(client, fake, phone, f"SHARE {code}")
    assert "UNSHARE" in await text(client, fake, phone, answer)


async def seven_people(client: AppClient, fake: FakeTwilio, clock: ManualClock) -> X25519PrivateKey:
    """Five sharing (mixed scopes, one due to re-confirm), one lapsing, one not sharing."""
    phones = [*SHARING, LAPSING, RECONFIRMING]
    codes = [f"CODE{number:02d}" for number in range(len(phones))]
    clock.now = WEDNESDAY - timedelta(days=105)
    private = await add_coordinator(client, codes, clock.now)
    await share(client, fake, LAPSING, codes.pop(), "YES", 99)
    clock.now = WEDNESDAY - timedelta(days=91)
    await share(client, fake, RECONFIRMING, codes.pop(), "YES", 86)
    clock.now = WEDNESDAY
    for phone, (answer, weight) in SHARING.items():
        await share(client, fake, phone, codes.pop(), answer, weight)
        await text(client, fake, phone, "I want to die")
    await text(client, fake, NOT_SHARING, "JOIN")
    await text(client, fake, NOT_SHARING, "YES")
    clock.now += timedelta(hours=1)
    return private


def opened(private: X25519PrivateKey, summary: Any) -> dict[str, Any]:
    """The summary's content, opened with the coordinator's key and its own info."""
    info = hpke_box.summary_info(summary.person_id, summary.coordinator_id, summary.week)
    data: dict[str, Any] = json.loads(hpke_box.open_(private, summary.ciphertext, info))
    return data


async def test_a_sweep_of_several_batches_gives_each_person_exactly_their_own_summaries(
    twilio_client_each_db: AppClient, fake_twilio: FakeTwilio, clock: ManualClock
) -> None:
    """Over three batches, each sharer gets last week's and this week's summary with their own
    weight and only what they share; the lapsed consent ends with none; nothing is repeated."""
    client = twilio_client_each_db
    private = await seven_people(client, fake_twilio, clock)
    ranges = load_reference_ranges(RANGES_PATH)
    database_url = client.app[SETTINGS].database_url

    assert await summary_sweep(client.app[CONTEXT], ranges, batch_size=2) == 10
    assert await summary_sweep(client.app[CONTEXT], ranges, batch_size=2) == 0

    consents = {row.status for row in await rows(database_url, Consent)}
    assert consents == {"active", "lapsed"}
    by_label: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for summary in await rows(database_url, Summary):
        data = opened(private, summary)
        by_label.setdefault(str(data["person_label"]), []).append((summary.week, data))
    expected = {"ending " + phone[-4:] for phone in [*SHARING, RECONFIRMING]}
    assert set(by_label) == expected
    for label, made in by_label.items():
        assert sorted(week for week, _ in made) == ["2026-W22", "2026-W23"]
        this_week = next(data for week, data in made if week == "2026-W23")
        phone = next(p for p in [*SHARING, RECONFIRMING] if label.endswith(p[-4:]))
        answer, weight = SHARING.get(phone, ("YES", 86))
        weights = [m["value"] for m in this_week["measurements"] if m["key"] == "weight_kg"]
        assert weights == ([weight] if phone != RECONFIRMING else [])
        shares_safety = "safety" not in answer and phone != RECONFIRMING
        assert bool(this_week["safety_events"]) == shares_safety
        assert ("side_effects" in this_week["shares"]) == ("side" not in answer)
    await client.app[DISPATCHER].drain()
    await outbox_settled(client.app[CONTEXT].sessions)
    keep_sharing = [
        m.body for m in fake_twilio.messages_to(RECONFIRMING) if "keep sharing" in m.body
    ]
    assert len(keep_sharing) == 1


async def test_two_sweeps_at_once_make_each_summary_once(
    twilio_client_each_db: AppClient, fake_twilio: FakeTwilio, clock: ManualClock
) -> None:
    """Two sweeps running together share the work: every summary is made exactly once."""
    client = twilio_client_each_db
    await seven_people(client, fake_twilio, clock)
    ranges = load_reference_ranges(RANGES_PATH)
    ctx = client.app[CONTEXT]

    made = await asyncio.gather(
        summary_sweep(ctx, ranges, batch_size=2), summary_sweep(ctx, ranges, batch_size=3)
    )

    assert sum(made) == 10
    summaries = await rows(client.app[SETTINGS].database_url, Summary)
    assert len({(row.consent_id, row.week) for row in summaries}) == len(summaries) == 10


async def test_next_week_each_week_so_far_is_replaced_by_the_whole_week(
    twilio_client_each_db: AppClient, fake_twilio: FakeTwilio, clock: ManualClock
) -> None:
    """The Monday after, each sharer's "so far" summary is remade in place, across batches."""
    client = twilio_client_each_db
    private = await seven_people(client, fake_twilio, clock)
    ranges = load_reference_ranges(RANGES_PATH)
    database_url = client.app[SETTINGS].database_url
    await summary_sweep(client.app[CONTEXT], ranges, batch_size=2)
    so_far = {row.id: row.ciphertext for row in await rows(database_url, Summary)}
    clock.now = datetime(2026, 6, 8, 9, 0, tzinfo=UTC)  # the Monday of 2026-W24

    assert await summary_sweep(client.app[CONTEXT], ranges, batch_size=2) == 5

    after = await rows(database_url, Summary)
    assert {row.id for row in after} == set(so_far)
    remade = [row for row in after if row.ciphertext != so_far[row.id]]
    assert sorted(row.week for row in remade) == ["2026-W23"] * 5
    for row in remade:
        data = opened(private, row)
        assert data["generated_at"] == "2026-06-07T23:00:00+00:00"  # midnight in London

"""Export: a month of real activity comes back whole, decrypted, as JSON and as FHIR."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import select

from companion.config import load_settings
from companion.context import ServiceContext, standalone_context
from companion.crypto.coordinator_keys import new_key_pair
from companion.crypto.keyring import Keyring, format_keyring
from companion.db.models import Consent, ShareCode
from companion.db.states import CareNoteKind
from companion.engine.care_notes import NoteEntry
from companion.engine.summary import RANGES_PATH, load_reference_ranges
from companion.records.export import export_fhir, export_person
from companion.sending.dispatcher import Dispatcher
from companion.sending.rate import SendRate
from companion.sharing.care_notes import record_note
from companion.sharing.summaries import summary_sweep
from companion.sms.simulator_gateway import SimulatorGateway
from companion.texting.inbound import InboundSms, handle_inbound
from tests.support.clock import ManualClock
from tests.support.coordinators import coordinator_row
from tests.support.prompts import prompt

PHONE = "+447700900123"
START = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)  # 10:00 in London
SHARE_CODE = "K7Q2MX"

# Check-in questions (a phrase of each) and the answer given, with the key it is saved as.
ANSWERS = {
    "hours did you sleep": ("7", "sleep_hours"),
    "minutes were you active": ("30", "activity_minutes"),
    "fruit or veg": ("3", "fruit_veg_portions"),
    "Do you smoke": ("yes", "smokes"),
    "How many cigarettes": ("5", "cigarettes"),
    "alcoholic drinks": ("1", "alcohol_drinks"),
    "your energy": ("6", "energy_score"),
    "pain in your body": ("2", "pain_score"),
}


@dataclass
class Texter:
    """One phone talking to the real inbound service; replies go out through the outbox."""

    ctx: ServiceContext
    dispatcher: Dispatcher
    gateway: SimulatorGateway
    number: str = PHONE
    sent: list[str] = field(default_factory=list)
    seen: int = 0

    async def text(self, body: str) -> str:
        """Text `body` a second after the last one and return what came back."""
        self.sent.append(body)
        assert isinstance(self.ctx.clock, ManualClock)
        self.ctx.clock.advance(seconds=1)
        await handle_inbound(self.ctx, InboundSms("SM" + uuid.uuid4().hex, self.number, body))
        return await self.replies()

    async def replies(self) -> str:
        await self.dispatcher.drain()
        bodies = [m.body for m in self.gateway.inbox(self.number)[self.seen :]]
        self.seen += len(bodies)
        return "\n".join(bodies)

    async def checkin(self) -> list[str]:
        """Be sent today's check-in and answer every question; returns the keys answered."""
        assert await prompt(self.ctx, self.number, "checkin")
        question, keys = await self.replies(), []
        while found := [v for k, v in ANSWERS.items() if k in question.splitlines()[-1]]:
            answer, key = found[0]
            keys.append(key)
            question = await self.text(answer)
        return keys


@asynccontextmanager
async def companion(url: str, keyring: Keyring, clock: ManualClock) -> AsyncIterator[Texter]:
    """The service core on a real database, with a simulator phone for `PHONE`."""
    settings = load_settings(
        {
            "DATABASE_URL": url,
            "COMPANION_MODE": "simulator",
            "COMPANION_DATA_KEYS": format_keyring(keyring),
        }
    )
    gateway = SimulatorGateway()
    async with standalone_context(settings, clock=clock) as ctx:
        dispatcher = Dispatcher(ctx, gateway, SendRate(1000), None, asyncio.Event())
        yield Texter(ctx, dispatcher, gateway)


@dataclass
class Month:
    """What a month of activity should have left behind."""

    weights: list[float] = field(default_factory=list)
    checkin_keys: list[str] = field(default_factory=list)
    coordinator_key: X25519PrivateKey | None = None


async def add_coordinator(ctx: ServiceContext, now: datetime) -> X25519PrivateKey:
    """An enrolled coordinator (key bound by the keyring) with the share code `SHARE_CODE`."""
    private, public = new_key_pair()
    async with ctx.sessions() as session, session.begin():
        coordinator = coordinator_row(
            ctx.keyring,
            name="Sam Patel",
            email="sam.patel@nhs.example",
            team="Hackney CMHT",
            public_key=public,
            now=now,
        )
        session.add(coordinator)
        await session.flush()
        expires = now + timedelta(days=14)
        session.add(
            ShareCode(
                code=SHARE_CODE, coordinator_id=coordinator.id, created_at=now, expires_at=expires
            )
        )
    return private


async def a_month(phone: Texter, clock: ManualClock, *, share: bool = True) -> Month:
    """Thirty days of a real person's texts: joining, settings, daily answers, a crisis."""
    month = Month()
    clock.now = START
    await phone.text("hello")  # before joining: a stranger, told how to join
    for body in ("JOIN", "YES", "NAME Robin", "BOROUGH Hackney", "TIPS"):
        await phone.text(body)
    await phone.text("GOAL walk to the park twice a week")
    await phone.text("REMIND 8am take my tablets")
    await phone.text("APPT 3 Dec 10:30am GP")
    if share:
        month.coordinator_key = await add_coordinator(phone.ctx, clock.now)
        await phone.text(f"SHARE {SHARE_CODE}")
        await phone.text("YES")
    for day in range(30):
        clock.now = START + timedelta(days=day, hours=1)
        month.checkin_keys += await phone.checkin()
        weight = round(80 + day / 10, 1)
        month.weights.append(weight)
        await phone.text(f"WEIGHT {weight}")
        if day % 7 == 3:
            await phone.text(f"BP 12{day % 10}/8{day % 10}")
        if day == 12:
            await phone.text("SIDE dry mouth since the new tablets")
        if day == 20:
            await phone.text("I feel like ending it all")
        if day == 25:
            await phone.text("GOAL cook one new meal")
    await phone.text("ADD money")
    await phone.text(f"FEEDBACK {FEEDBACK_WORDS}")
    if share:
        await note_from_coordinator(phone)
        await summary_sweep(phone.ctx, load_reference_ranges(RANGES_PATH))
    return month


FEEDBACK_WORDS = "the texts help me remember my walk"
NOTE_WHAT = "started olanzapine 5 mg"


async def note_from_coordinator(phone: Texter) -> None:
    """The coordinator records a medicine change; the person is asked (and has not answered)."""
    ctx = phone.ctx
    async with ctx.sessions() as session, session.begin():
        consent = await session.scalar(select(Consent).where(Consent.status == "active"))
        assert consent is not None
        entry = NoteEntry(CareNoteKind.MEDICINE, NOTE_WHAT, START.date())
        assert await record_note(ctx, session, consent, entry, "coordinator:test")
    await phone.replies()


def values(data: dict[str, Any], key: str) -> list[Any]:
    return [o["value"] for o in data["observations"] if o["key"] == key]


async def test_a_month_of_activity_is_exported_whole_and_decrypted(
    sqlite_url: str, keyring: Keyring, clock: ManualClock
) -> None:
    """Every text, reply, answer, goal, reminder, consent event and setting is in the export."""
    async with companion(sqlite_url, keyring, clock) as phone:
        month = await a_month(phone, clock)
        data = await export_person(phone.ctx, PHONE)
    assert data is not None
    json.dumps(data)  # JSON-ready as it is
    person = data["person"]
    assert (person["phone"], person["name"], person["status"]) == (PHONE, "Robin", "active")
    assert person["borough"] == "Hackney"
    assert person["topics"] == ["money"]
    assert [f["words"] for f in data["feedback"]] == [FEEDBACK_WORDS]
    assert [(n["kind"], n["status"], n["details"]["what"]) for n in data["care_notes"]] == [
        ("medicine", "asked", NOTE_WHAT)
    ]
    assert person["terms_accepted_at"] == (START + timedelta(seconds=3)).isoformat()  # YES
    assert [m["body"] for m in data["messages_in"]] == phone.sent
    replies = [m.body for m in phone.gateway.inbox(PHONE)]
    assert [m["body"] for m in data["messages_out"]] == replies
    assert {m["status"] for m in data["messages_out"]} == {"sent"}
    assert values(data, "weight_kg") == month.weights
    assert values(data, "bp") == [
        {"systolic": 123, "diastolic": 83},
        {"systolic": 120, "diastolic": 80},
        {"systolic": 127, "diastolic": 87},
        {"systolic": 124, "diastolic": 84},
    ]
    checkins = [o["key"] for o in data["observations"] if o["kind"] == "checkin"]
    assert sorted(checkins) == sorted(month.checkin_keys)
    assert len(month.checkin_keys) >= 60
    assert "dry mouth since the new tablets" in values(data, "side_note")
    assert [(g["text"], g["ended_at"] is None) for g in data["goals"]] == [
        ("walk to the park twice a week", False),  # replaced on day 25
        ("cook one new meal", True),
    ]
    reminders = {d["kind"]: d["details"] for d in data["due_items"] if d["details"]}
    assert reminders == {
        "reminder": {"what": "take my tablets"},
        "appointment": {"day": "03/12", "time": "10:30", "what": "GP"},
    }
    (crisis,) = data["safety_events"]
    assert crisis["category"] == "suicide"
    crisis_text = next(m for m in data["messages_in"] if m["id"] == crisis["message_id"])
    assert crisis_text["body"] == "I feel like ending it all"
    assert len(data["tips"]) == 1
    (consent,) = data["consents"]
    assert consent["coordinator"] == {"name": "Sam Patel", "team": "Hackney CMHT"}
    assert consent["status"] == "active"
    assert [e["kind"] for e in consent["events"]] == ["asked", "given"]
    assert "Sam Patel" in consent["events"][0]["wording"]
    assert data["summaries"]
    assert {c["flow_id"] for c in data["conversations"]} >= {"checkin"}


async def test_export_of_a_number_that_never_joined_holds_its_texts(
    sqlite_url: str, keyring: Keyring, clock: ManualClock
) -> None:
    """A number that texted but never joined exports its texts in and out, person null."""
    async with companion(sqlite_url, keyring, clock) as phone:
        assert await export_person(phone.ctx, PHONE) is None  # never texted: nothing held
        await phone.text("hello")
        data = await export_person(phone.ctx, PHONE)
    assert data is not None
    assert data["person"] is None
    assert [m["body"] for m in data["messages_in"]] == ["hello"]
    assert data["messages_out"]


async def test_fhir_bundle_codes_measurements_smoking_goals_and_consent(
    sqlite_url: str, keyring: Keyring, clock: ManualClock
) -> None:
    """The FHIR export is a valid R4 collection with LOINC-coded weight, BP and smoking."""
    async with companion(sqlite_url, keyring, clock) as phone:
        month = await a_month(phone, clock)
        data = await export_person(phone.ctx, PHONE)
    assert data is not None
    bundle = export_fhir(data)
    assert (bundle["resourceType"], bundle["type"]) == ("Bundle", "collection")
    resources = [entry["resource"] for entry in bundle["entry"]]
    by_type: dict[str, list[dict[str, Any]]] = {}
    for resource in resources:
        by_type.setdefault(resource["resourceType"], []).append(resource)
    (patient,) = by_type["Patient"]
    assert patient["telecom"][0]["value"] == PHONE
    assert patient["name"] == [{"text": "Robin"}]
    codes = [o["code"]["coding"][0]["code"] for o in by_type["Observation"]]
    assert codes.count("29463-7") == len(month.weights)
    assert codes.count("85354-9") == 4
    assert codes.count("72166-2") == month.checkin_keys.count("smokes")
    bp = next(o for o in by_type["Observation"] if o["code"]["coding"][0]["code"] == "85354-9")
    parts = {c["code"]["coding"][0]["code"]: c["valueQuantity"]["value"] for c in bp["component"]}
    assert parts == {"8480-6": 123, "8462-4": 83}
    assert [g["description"]["text"] for g in by_type["Goal"]] == [
        "walk to the park twice a week",
        "cook one new meal",
    ]
    assert [c["status"] for c in by_type["Consent"]] == ["active"]
    references = {e["fullUrl"] for e in bundle["entry"]}
    for resource in resources:
        subject = resource.get("subject") or resource.get("patient")
        assert subject is None or subject["reference"] in references
    assert_valid_fhir(bundle)


def assert_valid_fhir(bundle: dict[str, Any]) -> None:
    """Validate against the FHIR models (R4B, the R4-compatible release fhir.resources ships)."""
    from fhir.resources.R4B.bundle import Bundle

    parsed = Bundle.model_validate(bundle)
    assert len(parsed.entry or []) == len(bundle["entry"])

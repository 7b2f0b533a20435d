"""Supporters the person chooses: double opt-in, good news only unless chosen, and an end
at once by STOP, LEAVE or removal. Through the signed webhook, real database, fake Twilio."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from aiohttp.web import Application

from companion.app import create_app
from companion.crypto.blind_index import phone_index
from companion.crypto.keyring import Keyring
from companion.crypto.sealing import associated_data, unseal
from companion.db.models import AuditEntry, OutboxMessage, Person, Supporter, SupporterEvent
from companion.db.states import OutboxStatus
from companion.records.erasure import erase_person
from companion.records.export import export_person
from companion.scheduling.supporter_weekly import supporter_sweep
from companion.sms.fake_twilio import FakeTwilio
from companion.web.keys import CONTEXT, DISPATCHER, SETTINGS
from tests.conftest import AUTH_TOKEN, PUBLIC_BASE_URL, AppClient, twilio_settings
from tests.support.clock import ManualClock
from tests.support.database import count, rows
from tests.support.prompts import prompt
from tests.support.waiting import all_sent
from tests.support.webhooks import post_signed, sms_form

ALEX = "+447700900123"
SAM = "+447700900456"
KIM = "+447700900789"
WEDNESDAY = datetime(2026, 6, 3, 10, 0, tzinfo=UTC)
SUNDAY_EVENING = datetime(2026, 6, 7, 17, 10, tzinfo=UTC)  # 18:10 in London
SUNDAY_NIGHT = datetime(2026, 6, 7, 21, 0, tzinfo=UTC)  # 22:00: quiet hours hold bulk texts
MONDAY_MORNING = datetime(2026, 6, 8, 8, 30, tzinfo=UTC)
FAKES: dict[int, FakeTwilio] = {}  # each test's fake Twilio and clock, by its client
CLOCKS: dict[int, ManualClock] = {}


@pytest.fixture
async def client(
    aiohttp_client: Callable[[Application], asyncio.Future[AppClient]],
    sqlite_url: str,
    fake_twilio: FakeTwilio,
    keyring: Keyring,
    clock: ManualClock,
) -> AppClient:
    """The app on SQLite with sweeps an hour apart: the test runs the weekly send itself."""
    settings = twilio_settings(sqlite_url, fake_twilio, COMPANION_SWEEP_SECONDS="3600")
    app = create_app(settings, clock=clock, keyring=keyring, sweep_at_start=False)
    made = await aiohttp_client(app)
    FAKES[id(made)], CLOCKS[id(made)] = fake_twilio, clock
    return made


async def settle(client: AppClient) -> None:
    """Send everything due now, and wait until nothing is being sent."""
    await all_sent(client.app[DISPATCHER], client.app[CONTEXT].sessions)


def received(client: AppClient, phone: str) -> list[str]:
    """Every text the fake Twilio accepted for `phone`, oldest first."""
    return [m.body for m in FAKES[id(client)].messages_to(phone)]


async def text(client: AppClient, phone: str, body: str) -> str:
    """Text `body` from `phone` a second after the last text; returns what came back."""
    CLOCKS[id(client)].advance(seconds=1)
    before = len(received(client, phone))
    form = sms_form(phone, body)
    status = await post_signed(
        client, "/twilio/sms", form, auth_token=AUTH_TOKEN, public_base_url=PUBLIC_BASE_URL
    )
    assert status == 200
    await settle(client)
    return "\n".join(received(client, phone)[before:])


async def join(client: AppClient, phone: str, name: str) -> None:
    """A person joins and tells us their name."""
    await text(client, phone, "JOIN")
    await text(client, phone, "YES")
    await text(client, phone, f"NAME {name}")


async def check_in(client: AppClient, phone: str) -> None:
    """Answer today's check-in: 7 hours' sleep, 45 active minutes, 3 portions."""
    assert await prompt(client.app[CONTEXT], phone, "checkin")
    await settle(client)
    answers = {"sleep": "7", "active": "45", "fruit": "3", "smoke": "no", "drinks": "0"}
    for _ in range(4):
        question = received(client, phone)[-1]
        answer = next((a for cue, a in answers.items() if cue in question), None)
        if answer is None:
            return
        await text(client, phone, answer)


async def supporter_of(client: AppClient, name: str, phone: str) -> None:
    """Alex invites `name`, who replies YES."""
    await text(client, ALEX, f"SUPPORTER {name} {phone}")
    await text(client, phone, "YES")


def url(client: AppClient) -> str:
    return str(client.app[SETTINGS].database_url)


@pytest.fixture
async def alex(client: AppClient, clock: ManualClock) -> AppClient:
    """Alex has joined and given their name, on a Wednesday."""
    clock.now = WEDNESDAY
    await join(client, ALEX, "Alex")
    return client


async def weekly(client: AppClient, clock: ManualClock, at: datetime) -> int:
    """Run the weekly supporter send at `at`, and send what is due."""
    clock.now = at
    queued = await supporter_sweep(client.app[CONTEXT])
    await settle(client)
    return queued


def wording(keyring: Keyring, event: SupporterEvent) -> str:
    return unseal(keyring, event.wording, associated_data("supporter_event", "wording", event.id))


async def test_yes_makes_a_supporter_who_gets_good_news_and_only_the_category_chosen(
    alex: AppClient, clock: ManualClock
) -> None:
    """Invitation, YES, then weekly: Sam (default) sees no value; Kim sees exactly activity."""
    invited = await text(alex, ALEX, "SUPPORTER Sam 07700 900456")
    assert "Sam" in invited
    assert "only if they reply YES" in invited
    (invitation,) = received(alex, SAM)
    assert "Alex has asked Companion to invite you" in invitation
    assert "Reply YES to join, or STOP" in invitation
    joined = await text(alex, SAM, "yes")
    assert "Thank you for supporting Alex" in joined
    assert "Sam said yes" in received(alex, ALEX)[-1]
    await supporter_of(alex, "Kim", KIM)
    asked = await text(alex, ALEX, "SUPPORTER SHARE Kim steps")
    assert "Kim would also see how many minutes you were active in total" in asked
    assert "active minutes" in await text(alex, ALEX, "YES")
    await text(alex, ALEX, "WEIGHT 84.2")
    await check_in(alex, ALEX)
    assert await weekly(alex, clock, SUNDAY_EVENING) == 2
    sam_week, kim_week = received(alex, SAM)[-1], received(alex, KIM)[-1]
    assert "Alex checked in on 1 day this week." in sam_week
    assert re.findall(r"\d+", sam_week) == ["1"]  # no weight, sleep or minutes: no values
    assert "They were active for 45 minutes." in kim_week
    assert re.findall(r"\d+", kim_week) == ["1", "45"]  # not the 7 hours, not 84.2 kg
    assert await weekly(alex, clock, SUNDAY_EVENING) == 0  # once a week


async def test_every_consent_step_keeps_the_exact_words_sent(
    alex: AppClient, keyring: Keyring
) -> None:
    """Invited, joined, share asked, shared and removed: each step's wording is recorded."""
    await text(alex, ALEX, "SUPPORTER Sam 07700 900456")
    joined = await text(alex, SAM, "YES")
    asked = await text(alex, ALEX, "SUPPORTER SHARE sleep")
    shared = await text(alex, ALEX, "yes please")
    removed = await text(alex, ALEX, "SUPPORTER REMOVE sam")
    events = sorted(await rows(url(alex), SupporterEvent), key=lambda e: e.at)
    assert [e.kind for e in events] == ["invited", "joined", "share_asked", "shared", "removed"]
    invitation = received(alex, SAM)[0]
    assert [wording(keyring, e) for e in events] == [invitation, joined, asked, shared, removed]
    assert [e.shares for e in events] == ["", "", "", "sleep", ""]
    audited = await rows(url(alex), AuditEntry, AuditEntry.action.startswith("supporter_"))
    assert [(a.action, a.subject) for a in sorted(audited, key=lambda a: a.seq)] == [
        (f"supporter_{e.kind}", e.supporter_id) for e in events
    ]
    assert {a.actor.split(":")[0] for a in audited} == {"person", "supporter"}  # ids only


JO = "+447700900321"


async def test_stop_leave_or_removal_each_end_it_at_once(
    alex: AppClient, clock: ManualClock
) -> None:
    """Sam's STOP, Jo's LEAVE, Alex removing Kim: queued weekly texts cancelled, nothing sent."""
    for name, phone in (("Sam", SAM), ("Kim", KIM), ("Jo", JO)):
        await supporter_of(alex, name, phone)
    await check_in(alex, ALEX)
    before = {phone: len(received(alex, phone)) for phone in (SAM, KIM, JO)}
    assert await weekly(alex, clock, SUNDAY_NIGHT) == 3  # held: quiet hours
    assert await text(alex, SAM, "STOP") == ""  # the carrier confirms STOP, not us
    assert "You will not get any more texts" in await text(alex, JO, "LEAVE")
    removed = await text(alex, ALEX, "SUPPORTER REMOVE Kim")
    assert "Kim will get nothing more from us" in removed
    clock.now = MONDAY_MORNING
    await settle(alex)
    assert {phone: len(received(alex, phone)) for phone in (SAM, KIM, JO)} == {
        SAM: before[SAM],
        KIM: before[KIM],
        JO: before[JO] + 1,  # only the reply to LEAVE
    }
    told = [b for b in received(alex, ALEX) if "has chosen to stop" in b]
    assert len(told) == 2  # Sam and Jo left; held for the morning, not sent at night
    weekly_rows = await rows(
        url(alex), OutboxMessage, OutboxMessage.message_key == "supporter-weekly"
    )
    assert {row.status for row in weekly_rows} == {OutboxStatus.CANCELLED}
    ended = {(s.status, s.phone) for s in await rows(url(alex), Supporter)}
    assert ended == {("left", None), ("removed", None)}
    assert "no supporters" in await text(alex, ALEX, "SUPPORTERS")
    refused = await text(alex, ALEX, "SUPPORTER Sam 07700900456")
    assert "cannot send an invitation" in refused  # their STOP is honoured for good


async def test_the_persons_own_stop_cancels_news_queued_about_them(
    alex: AppClient, clock: ManualClock
) -> None:
    """Alex texts STOP: the weekly text about them, held for the morning, never goes."""
    await supporter_of(alex, "Sam", SAM)
    await check_in(alex, ALEX)
    before = len(received(alex, SAM))
    assert await weekly(alex, clock, SUNDAY_NIGHT) == 1
    await text(alex, ALEX, "STOP")
    clock.now = MONDAY_MORNING
    await settle(alex)
    assert len(received(alex, SAM)) == before


async def test_an_invitation_with_no_reply_is_the_only_text_ever_sent(
    alex: AppClient, clock: ManualClock
) -> None:
    """No YES: weeks of check-ins and weekly sends, and the invitee hears nothing more."""
    await text(alex, ALEX, "SUPPORTER 07700 900456")
    await check_in(alex, ALEX)
    for week in (0, 7, 14):
        await weekly(alex, clock, SUNDAY_EVENING.replace(day=7 + week))
    assert len(received(alex, SAM)) == 1
    assert "no supporters" in await text(alex, ALEX, "SUPPORTERS")  # lapsed after 14 days


async def test_limits_keep_invitations_to_people_who_can_be_texted(alex: AppClient) -> None:
    """Not yourself, not a number that stopped us, at most three at a time."""
    assert "your own number" in await text(alex, ALEX, "SUPPORTER me 07700900123")
    await join(alex, KIM, "Kim")
    await text(alex, KIM, "STOP")
    assert "cannot send an invitation" in await text(alex, ALEX, f"SUPPORTER Kim {KIM}")
    for n in range(3):
        await text(alex, ALEX, f"SUPPORTER Pal{n} 07700 90050{n}")
    assert "three supporters already" in await text(alex, ALEX, "SUPPORTER Jo 07700 900509")
    assert len(received(alex, KIM)) == 3  # welcome, activated, name: never an invitation


async def test_a_number_that_is_also_a_user_keeps_its_two_roles_apart(alex: AppClient) -> None:
    """Kim (a user) joins as Alex's supporter by YES; STOP ends both roles at once."""
    await join(alex, KIM, "Kim")
    await text(alex, ALEX, f"SUPPORTER Kim {KIM}")
    assert "Thank you for supporting Alex" in await text(alex, KIM, "YES")
    assert "80" in await text(alex, KIM, "WEIGHT 80")  # still Kim's own command
    await text(alex, KIM, "STOP")
    index = phone_index(alex.app[CONTEXT].keyring, KIM)
    (kim,) = await rows(url(alex), Person, Person.phone_index == index)
    assert kim.status == "stopped"
    (supporter,) = await rows(url(alex), Supporter)
    assert supporter.status == "left"


async def test_export_and_erasure_include_supporters(alex: AppClient, keyring: Keyring) -> None:
    """The person's export lists Sam with each step's words; erasing the person removes all."""
    await supporter_of(alex, "Sam", SAM)
    ctx = alex.app[CONTEXT]
    exported = await export_person(ctx, ALEX)
    assert exported is not None
    (sam,) = exported["supporters"]
    assert (sam["name"], sam["phone"], sam["status"]) == ("Sam", SAM, "active")
    assert [e["kind"] for e in sam["events"]] == ["invited", "joined"]
    assert sam["events"][0]["wording"] == received(alex, SAM)[0]
    theirs = await export_person(ctx, SAM)
    assert theirs is not None
    assert [s["status"] for s in theirs["supporting"]] == ["active"]
    await erase_person(ctx, ALEX, actor="operator", compact=False)
    assert await count(url(alex), Supporter) == 0
    assert await count(url(alex), SupporterEvent) == 0
    assert (
        await count(url(alex), OutboxMessage, OutboxMessage.message_key.startswith("supporter-"))
        == 0
    )


async def test_polish(alex: AppClient, clock: ManualClock) -> None:
    """A Polish-speaking person's supporter is invited, welcomed and told the news in Polish."""
    await check_in(alex, ALEX)
    await text(alex, ALEX, "LANGUAGE polski")
    assert "Wysłaliśmy jedno zaproszenie" in await text(alex, ALEX, "SUPPORTER Ania 07700900456")
    assert "prosi Companion o zaproszenie" in received(alex, SAM)[0]
    assert "Dziękujemy za wsparcie" in await text(alex, SAM, "tak")
    await weekly(alex, clock, SUNDAY_EVENING)
    assert "Alex: odpowiedzi w 1 dniu tego tygodnia." in received(alex, SAM)[-1]


async def test_two_weekly_sends_at_once_text_each_supporter_once(
    scheduled_client: AppClient, fake_twilio: FakeTwilio, clock: ManualClock
) -> None:
    """Two instances' weekly sends at the same moment: each supporter gets the news once."""
    client = scheduled_client
    FAKES[id(client)], CLOCKS[id(client)] = fake_twilio, clock
    clock.now = WEDNESDAY
    await join(client, ALEX, "Alex")
    await supporter_of(client, "Sam", SAM)
    await supporter_of(client, "Kim", KIM)
    await check_in(client, ALEX)
    clock.now = SUNDAY_EVENING
    ctx = client.app[CONTEXT]
    assert sum(await asyncio.gather(supporter_sweep(ctx), supporter_sweep(ctx))) == 2
    await settle(client)
    for phone in (SAM, KIM):
        assert [b for b in received(client, phone) if "Good news" in b] == [
            "Good news from Companion: Alex checked in on 1 day this week.\n"
            "A kind word from you can help. Text LEAVE to stop these."
        ]

"""TALK by SMS: who is asked, when to expect contact, no duplicates, no share, crisis first."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from companion.crypto.sealing import unseal
from companion.db.models import AuditEntry, Coordinator, ShareCode, TalkRequest
from companion.db.sealed import TALK_WORDS
from companion.db.states import TalkStatus
from companion.records.erasure import erase_person
from companion.records.export import export_person
from companion.sharing.talk_caseload import ReplyOutcome, open_requests, reply
from companion.sms.fake_twilio import FakeTwilio
from companion.web.keys import CONTEXT, SETTINGS
from tests.conftest import AppClient
from tests.support.clock import ManualClock
from tests.support.coordinators import coordinator_row
from tests.support.database import rows
from tests.support.texting import text_and_read

PHONE = "+447700900123"
FAKES: dict[int, FakeTwilio] = {}
# A Wednesday, 11:00 in London (BST): two working days later is Friday 11:00.
WEDNESDAY = datetime(2026, 6, 3, 10, 0, tzinfo=UTC)


async def text(client: AppClient, body: str) -> str:
    """Text `body` through the signed webhook and return the replies that come back."""
    return await text_and_read(client, FAKES[id(client)], PHONE, body)


def url(client: AppClient) -> str:
    return client.app[SETTINGS].database_url


async def joined(client: AppClient, fake: FakeTwilio, clock: ManualClock) -> AppClient:
    """An active person, on a Wednesday morning."""
    FAKES[id(client)] = fake
    clock.now = WEDNESDAY
    await text(client, "JOIN")
    await text(client, "YES")
    return client


async def sharing(client: AppClient, clock: ManualClock) -> str:
    """The person shares everything with Sam Patel (Hackney CMHT); returns Sam's id."""
    async with client.app[CONTEXT].sessions.begin() as session:
        coordinator = coordinator_row(
            client.app[CONTEXT].keyring,
            name="Sam Patel",
            email="sam@nhs.example",
            team="Hackney CMHT",
            public_key=b"\x01" * 32,
            now=clock.now,
        )
        session.add(coordinator)
        await session.flush()
        expires = clock.now + timedelta(days=14)
        session.add(
            ShareCode(
                code="K7Q2MX",
                coordinator_id=coordinator.id,
                created_at=clock.now,
                expires_at=expires,
            )
        )
        coordinator_id = coordinator.id
    await text(client, "SHARE K7Q2MX")
    assert "Thank you" in await text(client, "YES")
    return coordinator_id


async def talk_rows(client: AppClient) -> list[TalkRequest]:
    async with client.app[CONTEXT].sessions() as session:
        return list((await session.scalars(TalkRequest.__table__.select())).all())


async def open_talk(client: AppClient) -> list[TalkRequest]:
    async with client.app[CONTEXT].sessions() as session:
        found = await session.scalars(
            TalkRequest.__table__.select().where(TalkRequest.status == TalkStatus.OPEN)
        )
        return list(found.all())


async def test_talk_tells_who_and_when_and_a_second_one_is_not_a_duplicate(
    twilio_client_each_db: AppClient, fake_twilio: FakeTwilio, clock: ManualClock
) -> None:
    """TALK names the coordinator, the team's hours and reply time; asking again adds nothing."""
    client = await joined(twilio_client_each_db, fake_twilio, clock)
    await sharing(client, clock)
    said = await text(client, "TALK about my new tablets please")
    assert "We have asked Sam Patel (Hackney CMHT) to get in touch with you." in said
    assert "They work Monday to Friday, 09:00 to 17:00" in said
    assert "within 2 working days" in said
    assert "116 123" in said
    assert "999" in said
    again = await text(client, "can someone call me")
    assert "Your request is already with Sam Patel (Hackney CMHT)" in again
    (request,) = await rows(url(client), TalkRequest)
    assert request.status == TalkStatus.OPEN
    assert request.asked_again == 1
    assert request.reply_due_at == WEDNESDAY + timedelta(days=2)  # Friday, same hour
    keyring = client.app[CONTEXT].keyring
    words = unseal(keyring, request.words, TALK_WORDS.bound_to(request.id))
    assert words == "TALK about my new tablets please"
    assert b"tablets" not in request.words  # sealed at rest
    audited = await rows(url(client), AuditEntry, AuditEntry.action == "talk_asked")
    assert [(a.subject, a.actor.startswith("person:")) for a in audited] == [(request.id, True)]


async def test_talk_without_a_share_says_how_to_reach_the_team_and_stores_nothing(
    twilio_client: AppClient, fake_twilio: FakeTwilio, clock: ManualClock
) -> None:
    """No named professional: the care team or GP and the crisis numbers; no request kept."""
    client = await joined(twilio_client, fake_twilio, clock)
    for asked in ("TALK", "I would like to speak to my care coordinator"):
        said = await text(client, asked)
        assert "Please contact your care team or GP in their working hours." in said
        assert "116 123" in said
    assert await rows(url(client), TalkRequest) == []


async def test_a_crisis_text_asking_for_a_call_gets_signposting_first_and_is_recorded(
    twilio_client: AppClient, fake_twilio: FakeTwilio, clock: ManualClock
) -> None:
    """Crisis language wins: the crisis reply goes first, then the request is noted too."""
    client = await joined(twilio_client, fake_twilio, clock)
    await sharing(client, clock)
    said = await text(client, "I want to kill myself, please call me")
    crisis_at = said.index("Samaritans are there 24/7")
    noted_at = said.index("We have also asked Sam Patel (Hackney CMHT) to get in touch.")
    assert crisis_at < noted_at
    (request,) = await rows(url(client), TalkRequest)
    assert request.with_crisis
    keyring = client.app[CONTEXT].keyring
    assert unseal(keyring, request.words, TALK_WORDS.bound_to(request.id)) == ""


async def test_stop_keeps_the_request_shows_it_stopped_and_nothing_is_texted(
    twilio_client: AppClient, fake_twilio: FakeTwilio, clock: ManualClock
) -> None:
    """After STOP the request stays open and says so; a reply is refused, not queued."""
    client = await joined(twilio_client, fake_twilio, clock)
    coordinator_id = await sharing(client, clock)
    await text(client, "TALK")
    await text(client, "STOP")
    ctx = client.app[CONTEXT]
    async with ctx.sessions.begin() as session:
        (case,) = await open_requests(session, ctx.keyring, coordinator_id, clock.now)
        assert case.stopped_at is not None
        outcome = await reply(ctx, session, coordinator_id, case.id, "call", "", clock.now)
    assert outcome is ReplyOutcome.STOPPED
    assert await text(client, "anything") == ""  # STOP is sacred: nothing was queued
    assert len(await open_talk(client)) == 1


async def test_requests_are_exported_and_erased(
    twilio_client: AppClient, fake_twilio: FakeTwilio, clock: ManualClock
) -> None:
    """Requests, their words and the coordinator's note are exported; erasure removes them."""
    client = await joined(twilio_client, fake_twilio, clock)
    coordinator_id = await sharing(client, clock)
    await text(client, "TALK about my sleep")
    ctx = client.app[CONTEXT]
    async with ctx.sessions.begin() as session:
        (case,) = await open_requests(session, ctx.keyring, coordinator_id, clock.now)
        queued = await reply(
            ctx, session, coordinator_id, case.id, "call", "Tomorrow at 10", clock.now
        )
    assert queued is ReplyOutcome.QUEUED
    exported = await export_person(ctx, PHONE)
    assert exported is not None
    (request,) = exported["talk_requests"]
    assert request["words"] == "TALK about my sleep"
    assert request["reply_key"] == "call"
    assert request["reply_note"] == "Tomorrow at 10"
    erased = await erase_person(ctx, PHONE, actor="operator", compact=False)
    assert erased is not None
    assert erased.removed["talk_request"] == 1
    assert await rows(url(client), TalkRequest) == []
    assert len(await rows(url(client), Coordinator)) == 1  # the coordinator stays

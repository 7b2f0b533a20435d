"""The signed Twilio webhook end to end: enrolment, STOP/START, HELP, dedupe, forgery."""

from __future__ import annotations

import asyncio

import pytest

from companion.db.models import InboundMessage, OutboxMessage, Person
from companion.engine.limits import REPLIES_PER_HOUR
from companion.sms.fake_twilio import FakeTwilio
from tests.conftest import AUTH_TOKEN, PUBLIC_BASE_URL, AppClient
from tests.support.database import count, rows
from tests.support.waiting import eventually
from tests.support.webhooks import post_signed, sign, sms_form

PHONE = "+447700900123"
NATIONAL = "07700 900123"


def db_url(client: AppClient) -> str:
    from companion.web.keys import SETTINGS

    return client.app[SETTINGS].database_url


async def text(client: AppClient, body: str, sender: str = PHONE, sid: str | None = None) -> int:
    return await post_signed(
        client,
        "/twilio/sms",
        sms_form(sender, body, sid),
        auth_token=AUTH_TOKEN,
        public_base_url=PUBLIC_BASE_URL,
    )


async def converse(client: AppClient, fake: FakeTwilio, *bodies: str) -> None:
    """Text each body in turn, as a person does: the next once the last one's answer came.

    Replies queued together go out by priority (crisis signposting first), so texts sent
    faster than the answers would not be answered in the order they were sent.
    """
    for body in bodies:
        seen = len(fake.messages_to(PHONE))
        await text(client, body)
        await eventually(lambda seen=seen: len(fake.messages_to(PHONE)) > seen)


async def replies(fake: FakeTwilio, n: int, to: str = PHONE) -> list[str]:
    await eventually(lambda: len(fake.messages_to(to)) >= n)
    return [m.body for m in fake.messages_to(to)]


async def test_join_yes_stop_start_through_real_twilio_client(
    twilio_client: AppClient, fake_twilio: FakeTwilio
) -> None:
    """JOIN gets the welcome at the fake API, YES activates, STOP silences, START returns."""
    assert await text(twilio_client, "JOIN") == 200
    (welcome,) = await replies(fake_twilio, 1)
    assert "Reply YES" in welcome
    assert "999" in welcome
    assert "STOP" in welcome
    sent = fake_twilio.messages_to(PHONE)[0]
    assert sent.from_ == "+447700900000"
    assert sent.status_callback == PUBLIC_BASE_URL + "/twilio/status"

    await text(twilio_client, "yes")
    assert "all set" in (await replies(fake_twilio, 2))[1]
    (person,) = await rows(db_url(twilio_client), Person)
    assert person.status == "active"
    assert person.terms_accepted_at is not None
    assert person.terms_version.startswith("welcome:en:")

    await text(twilio_client, "  Stop! ")
    await text(twilio_client, "how are you")
    (person,) = await rows(db_url(twilio_client), Person)
    assert person.status == "stopped"
    # Even after STOP, HELP answers with the crisis numbers, and nothing else is said.
    await text(twilio_client, "HELP")
    help_reply = (await replies(fake_twilio, 3))[2]
    assert "116 123" in help_reply
    assert len(fake_twilio.messages_to(PHONE)) == 3

    await text(twilio_client, "start")
    assert "Welcome back" in (await replies(fake_twilio, 4))[3]


async def test_national_format_number_is_the_same_person(
    twilio_client: AppClient, fake_twilio: FakeTwilio
) -> None:
    """A UK number sent as 07700 900123 is normalised to +447700900123."""
    await text(twilio_client, "JOIN", sender=NATIONAL)
    await text(twilio_client, "YES", sender=PHONE)
    bodies = await replies(fake_twilio, 2)
    assert "all set" in bodies[1]


async def test_duplicate_message_sid_is_processed_once(
    twilio_client_each_db: AppClient, fake_twilio: FakeTwilio
) -> None:
    """Twilio redelivering the same MessageSid is acknowledged and does nothing more."""
    client = twilio_client_each_db
    sid = "SM" + "d" * 32
    assert await text(client, "JOIN", sid=sid) == 200
    assert await text(client, "JOIN", sid=sid) == 200
    await replies(fake_twilio, 1)
    url = db_url(client)
    assert await count(url, InboundMessage) == 1
    assert await count(url, OutboxMessage) == 1


async def test_same_webhook_delivered_at_once_is_processed_once(
    twilio_client_each_db: AppClient, fake_twilio: FakeTwilio
) -> None:
    """Eight simultaneous deliveries of one MessageSid give one inbound row and one reply."""
    client = twilio_client_each_db
    sid = "SM" + "e" * 32
    statuses = await asyncio.gather(*(text(client, "JOIN", sid=sid) for _ in range(8)))
    assert set(statuses) == {200}
    await replies(fake_twilio, 1)
    await asyncio.sleep(0.2)
    assert len(fake_twilio.messages_to(PHONE)) == 1
    url = db_url(client)
    assert await count(url, InboundMessage) == 1
    assert await count(url, OutboxMessage) == 1


async def test_each_inbound_row_carries_the_person_who_sent_it(
    twilio_client_each_db: AppClient, fake_twilio: FakeTwilio
) -> None:
    """A stranger's text is stored without a person; JOIN and every text after carry theirs."""
    twilio_client = twilio_client_each_db
    await text(twilio_client, "hello", sender="+447700900999")
    await text(twilio_client, "JOIN")
    await text(twilio_client, "YES")
    await text(twilio_client, "7")
    url = db_url(twilio_client)
    (person,) = await rows(url, Person)
    assert await count(url, InboundMessage, InboundMessage.person_id == person.id) == 3
    assert await count(url, InboundMessage, InboundMessage.person_id.is_(None)) == 1


async def test_help_always_answers_with_crisis_numbers(
    twilio_client: AppClient, fake_twilio: FakeTwilio
) -> None:
    """HELP works for a stranger, a pending and an active person, with every crisis number."""
    await converse(twilio_client, fake_twilio, "help", "JOIN", "Help", "YES", "INFO")
    bodies = await replies(fake_twilio, 5)
    helps = [b for b in bodies if b.startswith("Companion helps you")]
    assert len(helps) == 3
    assert "Reply YES" in bodies[1]
    for body in helps:
        assert all(n in body for n in ("999", "111", "116 123", "SHOUT", "85258", "STOP"))


async def test_stranger_is_told_how_to_join_at_most_once_a_day(
    twilio_client: AppClient, fake_twilio: FakeTwilio, clock: object
) -> None:
    """An unknown number texting twice in a day gets one JOIN hint; the next day, another."""
    from tests.support.clock import ManualClock

    assert isinstance(clock, ManualClock)
    await text(twilio_client, "hello?")
    await text(twilio_client, "anyone there")
    bodies = await replies(fake_twilio, 1)
    assert "Text JOIN" in bodies[0]
    clock.advance(hours=25)
    await text(twilio_client, "hello again")
    assert len(await replies(fake_twilio, 2)) == 2
    assert await count(db_url(twilio_client), Person) == 0


async def test_crisis_message_gets_signposting_in_any_state(
    twilio_client: AppClient, fake_twilio: FakeTwilio
) -> None:
    """Crisis language from a pending person gets the crisis reply, not the YES re-ask."""
    from companion.db.models import SafetyEvent
    from companion.db.safety_events import category_of
    from companion.web.keys import CONTEXT

    await text(twilio_client, "JOIN")
    await text(twilio_client, "i want to kill myself")
    bodies = await replies(fake_twilio, 2)
    assert "116 123" in bodies[1]
    assert "999" in bodies[1]
    assert "reply YES" not in bodies[1]
    events = await rows(db_url(twilio_client), SafetyEvent)
    assert len(events) == 1
    keyring = twilio_client.app[CONTEXT].keyring
    assert category_of(keyring, events[0].id, events[0].category) == "suicide"


async def test_pending_person_is_reasked_and_no_declines(
    twilio_client: AppClient, fake_twilio: FakeTwilio
) -> None:
    """Before YES, other replies get a re-ask; NO declines and nothing more is sent."""
    # "what is this": answered (who we are), then re-asked
    await converse(twilio_client, fake_twilio, "JOIN", "what is this", "nah")
    bodies = await replies(fake_twilio, 4)
    assert "A computer sends these texts" in bodies[1]
    assert "reply YES" in bodies[2]
    assert "will not text you" in bodies[3]
    (person,) = await rows(db_url(twilio_client), Person)
    assert person.status == "declined"
    assert person.terms_accepted_at is None


async def test_stop_cancels_queued_messages(
    twilio_client: AppClient, fake_twilio: FakeTwilio
) -> None:
    """Messages queued for a person before STOP are cancelled, never sent."""
    from companion.web.keys import DISPATCHER

    await text(twilio_client, "JOIN")
    await replies(fake_twilio, 1)
    twilio_client.app[DISPATCHER].stop()  # hold the queue: the re-ask stays pending
    await text(twilio_client, "maybe later")
    await text(twilio_client, "STOP")
    queued = await rows(
        db_url(twilio_client), OutboxMessage, OutboxMessage.message_key == "confirm-reask"
    )
    assert [row.status for row in queued] == ["cancelled"]


@pytest.mark.parametrize(
    "tamper",
    ["Body", "From", "MessageSid", "To", "AccountSid", "url", "token", "missing", "extra"],
)
async def test_forged_webhook_is_refused_and_writes_nothing(
    twilio_client: AppClient, fake_twilio: FakeTwilio, tamper: str
) -> None:
    """Any change to a signed field, the URL or the token gets 403 and no row."""
    form = sms_form(PHONE, "JOIN")
    url, token = PUBLIC_BASE_URL + "/twilio/sms", AUTH_TOKEN
    if tamper == "url":
        url = "https://evil.example.org/twilio/sms"
    if tamper == "token":
        token = "not-the-token"
    headers = {"X-Twilio-Signature": sign(token, url, form)}
    if tamper == "missing":
        headers = {}
    elif tamper == "extra":
        form["Body2"] = "x"
    elif tamper not in ("url", "token"):
        form[tamper] = form[tamper] + "1"
    response = await twilio_client.post("/twilio/sms", data=form, headers=headers)
    assert response.status == 403
    assert await count(db_url(twilio_client), InboundMessage) == 0
    assert fake_twilio.attempts == []


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"not a form at all \xff\xfe", "application/x-www-form-urlencoded"),
        (b'{"From": "+447700900123"}', "application/json"),
        (b"From=%2B447700900123", "application/x-www-form-urlencoded"),
        (b"", "application/x-www-form-urlencoded"),
        (b"MessageSid=SM1&From=%ff%fe&Body=%c3%28", "application/x-www-form-urlencoded"),
    ],
)
async def test_malformed_webhook_gets_400_not_500(
    twilio_client: AppClient, body: bytes, content_type: str
) -> None:
    """Bodies that are not a valid signed Twilio form get a 4xx, never a 500."""
    response = await twilio_client.post(
        "/twilio/sms", data=body, headers={"Content-Type": content_type, "X-Twilio-Signature": "x"}
    )
    assert response.status in (400, 403)
    assert await count(db_url(twilio_client), InboundMessage) == 0


async def test_signed_form_missing_fields_gets_400(twilio_client: AppClient) -> None:
    """A correctly signed form without MessageSid or From is a 400."""
    status = await post_signed(
        twilio_client,
        "/twilio/sms",
        {"Body": "JOIN"},
        auth_token=AUTH_TOKEN,
        public_base_url=PUBLIC_BASE_URL,
    )
    assert status == 400


async def test_oversized_body_is_refused(twilio_client: AppClient) -> None:
    """A body over the cap is refused with 413 before anything is parsed."""
    response = await twilio_client.post(
        "/twilio/sms",
        data=b"Body=" + b"a" * 200_000,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status == 413


async def test_a_runaway_number_gets_a_bounded_number_of_replies_but_crisis_still_answers(
    twilio_client: AppClient, fake_twilio: FakeTwilio, clock: object
) -> None:
    """A loop with another auto-responder cannot make us send hundreds of replies; every
    crisis text past the bound is still answered (in full, then in the shorter form)."""
    await text(twilio_client, "JOIN")
    await text(twilio_client, "YES")
    for n in range(REPLIES_PER_HOUR + 10):
        await text(twilio_client, f"auto-reply number {n}")
    await text(twilio_client, "I want to end my life")
    await text(twilio_client, "I want to end my life")
    await eventually(lambda: len(fake_twilio.messages_to(PHONE)) >= REPLIES_PER_HOUR + 3)
    await asyncio.sleep(0.3)
    bodies = [m.body for m in fake_twilio.messages_to(PHONE)]
    # The hour's bound, one notice that replies are paused, and two crisis replies.
    assert len(bodies) == REPLIES_PER_HOUR + 3
    assert sum("replies will pause" in body for body in bodies) == 1
    assert sum("mental health option" in body for body in bodies) == 2


async def test_crisis_signposting_sent_earlier_in_the_hour_is_repeated_past_the_bound(
    twilio_client_each_db: AppClient, fake_twilio: FakeTwilio, clock: object
) -> None:
    """Past the hour's bound, a second crisis text is answered too, in the shorter form."""
    twilio_client = twilio_client_each_db
    await text(twilio_client, "JOIN")
    await text(twilio_client, "YES")
    await text(twilio_client, "I want to end my life")
    crisis = "mental health option"  # in the crisis replies only, not the terms
    await eventually(lambda: any(crisis in m.body for m in fake_twilio.messages_to(PHONE)))
    for n in range(REPLIES_PER_HOUR + 5):
        await text(twilio_client, f"auto-reply number {n}")
    await text(twilio_client, "I want to end my life")
    await eventually(lambda: len(fake_twilio.messages_to(PHONE)) >= REPLIES_PER_HOUR + 3)
    await asyncio.sleep(0.3)
    bodies = [m.body for m in fake_twilio.messages_to(PHONE)]
    # Signposting does not use the bound's room (the + 1 is the notice that replies paused).
    assert len(bodies) == REPLIES_PER_HOUR + 3
    assert sum(crisis in body for body in bodies) == 2
    assert "We hear you" in bodies[-1]

"""Hostile and malformed webhooks: never a 500, nothing written unless signed, replies stay sane.

Signed forms are signed exactly as Twilio would sign them, so they get past the signature
check and reach the handler: what is tested is the handler, not the 403.
"""

from __future__ import annotations

import asyncio
import json
import random
from collections.abc import AsyncIterator, Callable, Mapping
from urllib.parse import parse_qsl, urlencode

import pytest
from aiohttp import FormData
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from companion.app import MAX_REQUEST_BYTES
from companion.db.models import InboundMessage, OutboxMessage, Person
from companion.db.states import OutboxStatus
from companion.sms.fake_twilio import FakeTwilio
from companion.web.keys import CONTEXT, SETTINGS
from companion.web.twilio_webhook import MAX_FIELD_LENGTH
from tests.conftest import AUTH_TOKEN, PUBLIC_BASE_URL, AppClient
from tests.support.clock import ManualClock
from tests.support.database import count, rows
from tests.support.waiting import eventually
from tests.support.webhooks import new_message_sid, post_signed, sign, sms_form

PHONE = "+447700900321"
SMS_PATH, STATUS_PATH = "/twilio/sms", "/twilio/status"
HANDLED = {200, 204, 400, 403, 413}  # every answer a hostile request may get; never 500
FORM = "application/x-www-form-urlencoded"

# Every Unicode category except lone surrogates, which no HTTP client can encode.
ANY_CHAR = st.characters(exclude_categories=["Cs"])
INJECTIONS = [
    "{{7*7}}",
    "${7*7}",
    "#{7*7}",
    "<%= 7*7 %>",
    "{{ config.items() }}",
    "{% for x in range(7*7) %}x{% endfor %}",
    "{ $name }",
    "{ -brand-name }",
    "{ NUMBER(49, minimumFractionDigits: 0) }",
    "{$name}",
    "'; DROP TABLE person;--",
    "Robert'); DROP TABLE inbound_message;--",
    "1' OR '1'='1",
    '" OR 1=1 --',
    "%s%s%s%n%x",
    "{0.__class__.__mro__}",
    "<script>alert(7*7)</script>",
    "GOAL {{7*7}}",
    "NAME { $name }",
    "GOAL '; DROP TABLE person;--",
    "REMIND 8am {{7*7}}",
    "APPT tomorrow 10am {{7*7}}",
    "SHARE '; DROP TABLE share_code;--",
    "BOROUGH {{7*7}}",
    "LANGUAGE ${7*7}",
    "WEIGHT {{7*7}}",
]
# Commands whose reply repeats the person's words; the words must come back verbatim.
ECHOED = {
    "GOAL {{7*7}}": "{{7*7}}",
    "GOAL '; DROP TABLE person;--": "'; DROP TABLE person;--",
    "REMIND 8am {{7*7}}": "{{7*7}}",
    "APPT tomorrow 10am {{7*7}}": "{{7*7}}",
}
ODD_TEXT = [
    "",
    " ",
    "\x00",
    "\x00" * 40,
    "JOIN\x00",
    "GOAL walk\x00 more",
    "SHARE AB\x00CD",
    "REMIND 8am tab\x00lets",
    "\u202e7 hours\u202c",
    "مرحبا، نمت سبع ساعات",
    "שלום, ישנתי 7 שעות",
    "😀🏳️‍🌈👨‍👩‍👧‍👦" * 50,
    "Zoë ﷺ 𝟕 Ⅶ ½ ٣٫٥",
    "a" * 1600,
    "😀" * 1600,
    "x" * 10_000,
    "7 " * 5000,
]


def db_url(client: AppClient) -> str:
    """The database the app under test writes to."""
    return client.app[SETTINGS].database_url


def signature(path: str, form: Mapping[str, str]) -> str:
    """The X-Twilio-Signature Twilio would send for this form at this path."""
    return sign(AUTH_TOKEN, PUBLIC_BASE_URL + path, form)


Encoder = Callable[[Mapping[str, str]], bytes]


def form_bytes(form: Mapping[str, str]) -> bytes:
    """The form url-encoded, as Twilio sends it."""
    return urlencode(form).encode()


async def post_raw(
    client: AppClient, body: bytes, content_type: str, signed_as: Mapping[str, str]
) -> int:
    """POST raw bytes with the signature of `signed_as`; returns the HTTP status."""
    headers = {"Content-Type": content_type, "X-Twilio-Signature": signature(SMS_PATH, signed_as)}
    response = await client.post(SMS_PATH, data=body, headers=headers)
    await response.read()
    return response.status


async def text(client: AppClient, body: str, sender: str = PHONE) -> int:
    """The person texts `body`, delivered as a signed Twilio webhook."""
    form = sms_form(sender, body)
    return await post_signed(
        client, SMS_PATH, form, auth_token=AUTH_TOKEN, public_base_url=PUBLIC_BASE_URL
    )


async def settled(client: AppClient) -> None:
    """Wait until every reply due so far has been handed to the fake Twilio API."""
    ctx = client.app[CONTEXT]
    due = (
        OutboxMessage.status.in_((OutboxStatus.PENDING, OutboxStatus.SENDING)),
        OutboxMessage.not_before <= ctx.clock(),
    )
    for _ in range(500):
        if not await count(db_url(client), OutboxMessage, *due):
            return
        await asyncio.sleep(0.01)
    raise AssertionError("replies still queued")


async def active_person(client: AppClient, fake: FakeTwilio, phone: str = PHONE) -> None:
    """JOIN and YES: `phone` is an active person with the welcome and confirmation sent."""
    assert await text(client, "JOIN", phone) == 200
    assert await text(client, "YES", phone) == 200
    await eventually(lambda: len(fake.messages_to(phone)) >= 2)
    assert "all set" in fake.messages_to(phone)[1].body


def expected_status(form: Mapping[str, str]) -> int:
    """What the webhook must answer a correctly signed form: 413, 400 or 200."""
    sid, sender = form.get("MessageSid", ""), form.get("From", "")
    if len(form_bytes(form)) > MAX_REQUEST_BYTES:
        return 413
    if any(len(value) > MAX_FIELD_LENGTH for value in form.values()):
        return 400
    if not sender or not sid or len(sid) > 64 or not (sid.isascii() and sid.isalnum()):
        return 400
    return 200


senders = st.one_of(
    st.just(PHONE),
    st.from_regex(r"\+4477009\d{5}", fullmatch=True),
    st.from_regex(r"07700 ?9\d{5}", fullmatch=True),
    st.text(ANY_CHAR, max_size=30),
)
sids = st.one_of(st.uuids().map(lambda u: "SM" + u.hex), st.text(ANY_CHAR, max_size=70))
long_text = st.tuples(st.text(ANY_CHAR, min_size=1, max_size=4), st.integers(300, 3000)).map(
    lambda pair: pair[0] * pair[1]
)
bodies = st.one_of(
    st.text(ANY_CHAR, max_size=200),
    st.sampled_from(INJECTIONS + ODD_TEXT),
    long_text,
)


@st.composite
def hostile_forms(draw: st.DrawFn) -> dict[str, str]:
    """A Twilio-shaped form with odd values, some fields dropped and others added."""
    form = sms_form(draw(senders), draw(bodies), sid=draw(sids))
    for dropped in draw(st.sets(st.sampled_from(sorted(form)), max_size=2)):
        del form[dropped]
    extra = draw(st.dictionaries(st.text(ANY_CHAR, min_size=1, max_size=12), bodies, max_size=3))
    return {**form, **extra}


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(form=hostile_forms())
async def test_any_signed_form_gets_200_400_or_413_never_500(
    twilio_client: AppClient, form: dict[str, str]
) -> None:
    """A signed form with any fields and values is handled (200) or refused (400/413), no 500."""
    status = await post_raw(twilio_client, form_bytes(form), FORM, form)
    event(f"status {status}")  # --hypothesis-show-statistics: how many reached the handler
    assert status == expected_status(form)


# A signed SMS form without its Body, for raw bytes to be appended as the Body.
BODYLESS = form_bytes({k: v for k, v in sms_form(PHONE, "").items() if k != "Body"}) + b"&Body="
raw_bodies = st.one_of(
    st.binary(max_size=600),
    st.text(ANY_CHAR, max_size=300).map(str.encode),
    (st.binary(max_size=300) | st.text(ANY_CHAR, max_size=300).map(str.encode)).map(
        lambda tail: BODYLESS + tail
    ),
)


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(raw=raw_bodies)
async def test_any_raw_body_gets_a_4xx_or_200_never_500(
    twilio_client: AppClient, raw: bytes
) -> None:
    """Arbitrary bytes as a form body (invalid UTF-8 included) never cause a 500.

    The signature is what Twilio would send for the body as a form parser reads it,
    so bodies that parse reach the handler; bodies that are not UTF-8 are a 400.
    """
    try:
        text = raw.rstrip().decode("utf-8")
    except UnicodeDecodeError:
        text = None
    signed_as = dict(parse_qsl(text or "", keep_blank_values=True))
    status = await post_raw(twilio_client, raw, FORM, signed_as)
    event(f"status {status}")
    assert status in HANDLED
    if text is None:
        assert status == 400


@pytest.mark.parametrize("value", [b"\xff\xfe", b"\xc3\x28", b"\xed\xa0\x80", b"\x80abc"])
async def test_invalid_utf8_in_a_signed_body_is_400_and_writes_nothing(
    twilio_client: AppClient, fake_twilio: FakeTwilio, value: bytes
) -> None:
    """Raw bytes that are not UTF-8 inside an otherwise valid signed form are refused, unstored."""
    form = sms_form(PHONE, "JOIN")
    body = urlencode(form).encode().replace(b"Body=JOIN", b"Body=JOIN" + value)
    assert await post_raw(twilio_client, body, FORM, form) == 400
    assert await count(db_url(twilio_client), InboundMessage) == 0
    assert fake_twilio.attempts == []


async def test_percent_encoded_invalid_utf8_is_read_with_replacement_characters(
    twilio_client: AppClient, fake_twilio: FakeTwilio
) -> None:
    """%FF and a lone %ED%A0%80 surrogate half decode to U+FFFD and the message is handled."""
    form = sms_form(PHONE, "JOIN")
    body = urlencode(form).encode().replace(b"Body=JOIN", b"Body=%FF%ED%A0%80JOIN")
    as_read = {**form, "Body": "\ufffd" * 4 + "JOIN"}
    assert await post_raw(twilio_client, body, FORM, as_read) == 200
    assert await count(db_url(twilio_client), InboundMessage) == 1
    await eventually(lambda: len(fake_twilio.messages_to(PHONE)) == 1)


@pytest.mark.parametrize(
    ("content_type", "encode"),
    [
        ("application/json", lambda form: json.dumps(form).encode()),
        ("text/plain", form_bytes),
        ("text/xml", lambda form: b"<Body>JOIN</Body>"),
        ("application/octet-stream", form_bytes),
    ],
)
async def test_wrong_content_types_are_400_and_write_nothing(
    twilio_client: AppClient, content_type: str, encode: Encoder
) -> None:
    """JSON, plain text, XML and octet streams carrying the signed fields are refused."""
    form = sms_form(PHONE, "JOIN")
    assert await post_raw(twilio_client, encode(form), content_type, form) == 400
    assert await count(db_url(twilio_client), InboundMessage) == 0


@pytest.mark.parametrize(
    ("charset", "encode"),
    [
        ("bogus-charset", form_bytes),
        ("rot13", form_bytes),
        ("utf-7", lambda form: form_bytes(form) + b"&X=+2D3-"),
        ("unicode_escape", lambda form: form_bytes(form) + b"&X=\\ud800"),
        ("utf-16", lambda form: urlencode(form).encode("utf-16")),
        ("idna", form_bytes),
        ("latin-1", form_bytes),
    ],
)
async def test_form_in_an_unknown_or_non_utf8_charset_is_400_not_500(
    twilio_client: AppClient, charset: str, encode: Encoder
) -> None:
    """Regression: an unknown charset raised LookupError (500); UTF-7 and unicode_escape
    decode to lone surrogates no signature can be computed over (500). Twilio posts UTF-8."""
    form = sms_form(PHONE, "JOIN")
    status = await post_raw(twilio_client, encode(form), f"{FORM}; charset={charset}", form)
    assert status == 400
    assert await count(db_url(twilio_client), InboundMessage) == 0


@pytest.mark.parametrize("charset", ["UTF-8", "utf-8", "utf8"])
async def test_form_declaring_utf8_is_handled(
    twilio_client: AppClient, fake_twilio: FakeTwilio, charset: str
) -> None:
    """The charset Twilio uses, however it is spelt, is accepted and answered."""
    form = sms_form(PHONE, "JOIN")
    status = await post_raw(twilio_client, form_bytes(form), f"{FORM}; charset={charset}", form)
    assert status == 200
    await eventually(lambda: len(fake_twilio.messages_to(PHONE)) == 1)


async def test_multipart_form_is_400_even_when_signed(twilio_client: AppClient) -> None:
    """Twilio posts url-encoded forms; the same fields as multipart/form-data are refused."""
    form = sms_form(PHONE, "JOIN")
    data = FormData(form)
    data.add_field("MediaUrl0", b"\x89PNG\r\n", filename="x.png", content_type="image/png")
    response = await twilio_client.post(
        SMS_PATH, data=data, headers={"X-Twilio-Signature": signature(SMS_PATH, form)}
    )
    assert response.status == 400
    assert await count(db_url(twilio_client), InboundMessage) == 0


async def test_duplicated_fields_are_400_and_write_nothing(twilio_client: AppClient) -> None:
    """A form naming a field twice (which value is meant?) is refused, whichever is signed."""
    form = sms_form(PHONE, "JOIN")
    for signed_body in ("JOIN", "STOP"):
        body = urlencode(form).encode() + b"&Body=STOP"
        assert await post_raw(twilio_client, body, FORM, {**form, "Body": signed_body}) == 400
    assert await count(db_url(twilio_client), InboundMessage) == 0


@pytest.mark.parametrize("missing", ["MessageSid", "From", "MessageSid From", "everything"])
async def test_signed_form_without_required_fields_is_400(
    twilio_client: AppClient, missing: str
) -> None:
    """No MessageSid or no From (or an empty form) is a 400, with nothing stored."""
    form = sms_form(PHONE, "JOIN")
    names = list(form) if missing == "everything" else missing.split()
    for name in names:
        del form[name]
    status = await post_signed(
        twilio_client, SMS_PATH, form, auth_token=AUTH_TOKEN, public_base_url=PUBLIC_BASE_URL
    )
    assert status == 400
    assert await count(db_url(twilio_client), InboundMessage) == 0


@pytest.mark.parametrize("chunked", [False, True])
async def test_body_over_the_limit_is_413_even_signed_or_chunked(
    twilio_client: AppClient, chunked: bool
) -> None:
    """A form one byte over MAX_REQUEST_BYTES is 413 (with or without Content-Length)."""
    form = sms_form(PHONE, "JOIN")
    prefix = urlencode(form).encode() + b"&Pad="
    body = prefix + b"a" * (MAX_REQUEST_BYTES + 1 - len(prefix))
    assert len(body) == MAX_REQUEST_BYTES + 1

    async def pieces() -> AsyncIterator[bytes]:
        for start in range(0, len(body), 4096):
            yield body[start : start + 4096]

    headers = {"Content-Type": FORM, "X-Twilio-Signature": signature(SMS_PATH, form)}
    payload = pieces() if chunked else body
    response = await twilio_client.post(SMS_PATH, data=payload, headers=headers)
    assert response.status == 413
    assert await count(db_url(twilio_client), InboundMessage) == 0


async def test_many_tiny_fields_are_refused_not_a_500(twilio_client: AppClient) -> None:
    """Thousands of empty fields under the byte limit are refused (413), not parsed at length."""
    form = sms_form(PHONE, "JOIN")
    body = urlencode(form).encode() + b"".join(b"&f%d=" % i for i in range(5000))
    assert len(body) < MAX_REQUEST_BYTES
    assert await post_raw(twilio_client, body, FORM, form) in (400, 413)
    assert await count(db_url(twilio_client), InboundMessage) == 0


@pytest.mark.parametrize("length", [1600, 2000, 2001, 10_000])
async def test_long_messages_are_handled_up_to_the_field_limit(
    twilio_client: AppClient, fake_twilio: FakeTwilio, length: int
) -> None:
    """1,600 and 2,000 characters are handled (and answered); 2,001 and 10,000 are 400."""
    body = ("I slept badly 😀 " * 1000)[:length]
    status = await text(twilio_client, body)
    assert status == (200 if length <= MAX_FIELD_LENGTH else 400)
    if status == 200:
        await eventually(lambda: len(fake_twilio.messages_to(PHONE)) == 1)
        assert "Text JOIN" in fake_twilio.messages_to(PHONE)[0].body


async def test_injection_strings_get_ordinary_replies_and_no_evaluated_output(
    twilio_client: AppClient, fake_twilio: FakeTwilio, clock: ManualClock
) -> None:
    """Template and SQL injection from an active person: each gets a reply, none evaluated."""
    await active_person(twilio_client, fake_twilio)
    people_before = await count(db_url(twilio_client), Person)
    for injection in INJECTIONS:
        clock.advance(minutes=3)  # stay well inside the per-number hourly reply bound
        before = len(fake_twilio.messages_to(PHONE))
        assert await text(twilio_client, injection) == 200, injection
        await settled(twilio_client)
        replies = [m.body for m in fake_twilio.messages_to(PHONE)[before:]]
        assert replies, f"no reply to {injection!r}"
        echoed = ECHOED.get(injection)
        if echoed is not None:  # shown back exactly as typed: data, never a template
            assert any(echoed in reply for reply in replies), (injection, replies)
        for reply in replies:
            assert "49" not in reply, (injection, reply)
            assert "Traceback" not in reply, (injection, reply)
            assert "__class__" not in reply, (injection, reply)
            assert "<script>" not in reply, (injection, reply)
    assert await count(db_url(twilio_client), Person) == people_before
    assert await count(db_url(twilio_client), InboundMessage) == len(INJECTIONS) + 2


async def test_after_a_hostile_flood_the_service_still_answers_sensibly(
    twilio_client: AppClient, fake_twilio: FakeTwilio, clock: ManualClock
) -> None:
    """A flood of odd, injected and random messages leaves the person and JOIN working."""
    await active_person(twilio_client, fake_twilio)
    rng = random.Random(20260601)
    noise = [
        "".join(chr(rng.randrange(0x20, 0x30000)) for _ in range(rng.randrange(1, 400)))
        for _ in range(40)
    ]
    for body in INJECTIONS + ODD_TEXT + noise:
        body = body.encode("utf-8", "replace").decode("utf-8")  # no lone surrogates
        form = sms_form(rng.choice([PHONE, PHONE, "+447700900999", "not a number"]), body)
        status = await post_signed(
            twilio_client, SMS_PATH, form, auth_token=AUTH_TOKEN, public_base_url=PUBLIC_BASE_URL
        )
        assert status == (400 if len(body) > MAX_FIELD_LENGTH else 200), body[:40]
    await settled(twilio_client)
    assert all("49" not in m.body for m in fake_twilio.messages)

    clock.advance(hours=2)  # past the hourly reply bound the flood may have used up
    before = len(fake_twilio.messages_to(PHONE))
    assert await text(twilio_client, "HELP") == 200
    await eventually(lambda: len(fake_twilio.messages_to(PHONE)) == before + 1)
    help_reply = fake_twilio.messages_to(PHONE)[-1].body
    assert all(number in help_reply for number in ("999", "111", "116 123", "85258"))

    newcomer = "+447700900654"
    assert await text(twilio_client, "JOIN", newcomer) == 200
    await eventually(lambda: len(fake_twilio.messages_to(newcomer)) == 1)
    welcome = fake_twilio.messages_to(newcomer)[0].body
    assert "Reply YES" in welcome
    assert "STOP" in welcome
    assert await text(twilio_client, "yes", newcomer) == 200
    await eventually(lambda: len(fake_twilio.messages_to(newcomer)) == 2)
    assert "all set" in fake_twilio.messages_to(newcomer)[1].body


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    field=st.sampled_from(["Body", "From", "MessageSid", "To", "AccountSid", "NumMedia", "Added"]),
    value=st.text(ANY_CHAR, max_size=40),
)
async def test_replayed_signature_with_one_parameter_changed_is_403_and_writes_nothing(
    twilio_client: AppClient, fake_twilio: FakeTwilio, field: str, value: str
) -> None:
    """A captured, genuine webhook replayed with any one field changed or added is refused."""
    genuine = sms_form(PHONE, "JOIN")
    stolen = signature(SMS_PATH, genuine)
    changed = {**genuine, field: value}
    if changed == genuine:
        return
    url = db_url(twilio_client)
    inbound, outbox = await count(url, InboundMessage), await count(url, OutboxMessage)
    response = await twilio_client.post(
        SMS_PATH, data=changed, headers={"X-Twilio-Signature": stolen}
    )
    assert response.status == 403
    assert (await count(url, InboundMessage), await count(url, OutboxMessage)) == (inbound, outbox)
    assert fake_twilio.attempts == []


async def test_genuine_webhook_replayed_to_the_status_path_is_403(
    twilio_client: AppClient, fake_twilio: FakeTwilio
) -> None:
    """A signature is bound to its URL: an SMS webhook's signature does not work on /status."""
    genuine = {"MessageSid": new_message_sid(), "MessageStatus": "delivered"}
    stolen = signature(SMS_PATH, genuine)
    response = await twilio_client.post(
        STATUS_PATH, data=genuine, headers={"X-Twilio-Signature": stolen}
    )
    assert response.status == 403
    response = await twilio_client.post(
        SMS_PATH + "?x=1", data=genuine, headers={"X-Twilio-Signature": stolen}
    )
    assert response.status == 403


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    sid=sids,
    status=st.sampled_from(["delivered", "failed", "undelivered", "sent"])
    | st.text(ANY_CHAR, max_size=20),
    error=st.none() | st.text(ANY_CHAR, max_size=12) | st.integers(-(10**30), 10**30).map(str),
)
async def test_any_signed_status_callback_is_204_or_400_never_500(
    twilio_client: AppClient, sid: str, status: str, error: str | None
) -> None:
    """Status callbacks with odd SIDs, statuses and error codes ("²", huge) never cause a 500."""
    form = {"MessageSid": sid, "MessageStatus": status}
    if error is not None:
        form["ErrorCode"] = error
    response = await twilio_client.post(
        STATUS_PATH, data=form, headers={"X-Twilio-Signature": signature(STATUS_PATH, form)}
    )
    assert response.status in (204, 400), await response.text()


@pytest.mark.parametrize("code", ["²", "٣", "9" * 30, "-1", "30003"])
async def test_error_code_that_is_not_plain_digits_is_ignored_not_a_500(
    twilio_client: AppClient, fake_twilio: FakeTwilio, code: str
) -> None:
    """Regression: ErrorCode "²" passed str.isdigit() and int() raised, a 500 on every retry."""
    assert await text(twilio_client, "JOIN") == 200
    await eventually(lambda: len(fake_twilio.messages_to(PHONE)) == 1)
    sid = fake_twilio.messages_to(PHONE)[0].sid
    await settled(twilio_client)
    form = {"MessageSid": sid, "MessageStatus": "undelivered", "ErrorCode": code}
    response = await twilio_client.post(
        STATUS_PATH, data=form, headers={"X-Twilio-Signature": signature(STATUS_PATH, form)}
    )
    assert response.status == 204
    (row,) = await rows(db_url(twilio_client), OutboxMessage)
    assert row.delivery_status == "undelivered"
    assert row.error_code == (30003 if code == "30003" else None)


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("MessageSid", "SM\x00" + "a" * 30),
        ("Body", "JOIN\x00"),
        ("Body", "SHARE AB\x00CD"),
        ("Body", "GOAL walk\x00 more"),
        ("From", PHONE + "\x00"),
    ],
)
async def test_null_bytes_never_reach_the_database_as_a_500(
    twilio_client_each_db: AppClient, fake_twilio: FakeTwilio, field: str, value: str
) -> None:
    """Regression: a NUL in MessageSid (or a SHARE code) made PostgreSQL fail the request, a 500."""
    client = twilio_client_each_db
    await active_person(client, fake_twilio)
    form = {**sms_form(PHONE, "hello"), field: value}
    status = await post_signed(
        client, SMS_PATH, form, auth_token=AUTH_TOKEN, public_base_url=PUBLIC_BASE_URL
    )
    assert status == (400 if field == "MessageSid" else 200)
    assert await count(db_url(client), InboundMessage) == (2 if field == "MessageSid" else 3)
    await settled(client)
    assert len(fake_twilio.messages_to(PHONE)) >= (2 if field in ("MessageSid", "From") else 3)

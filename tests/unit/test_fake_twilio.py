"""Tests for the fake Twilio REST API, driven by the real ``twilio`` client."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

import aiohttp
import pytest
from aiohttp import encode_basic_auth, web
from aiohttp.test_utils import TestServer
from twilio.base.exceptions import TwilioRestException
from twilio.http.async_http_client import AsyncTwilioHttpClient
from twilio.http.response import Response
from twilio.request_validator import RequestValidator
from twilio.rest import Client

from companion.sms.fake_twilio import FakeTwilio

ACCOUNT_SID = "AC" + "1" * 32
AUTH_TOKEN = "test-token"
SENDER = "+15005550006"
PATIENT = "+15551230001"
OTHER = "+15551230002"
NOW = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)

ServerFactory = Callable[[web.Application], Awaitable[TestServer]]


class FakeTwilioHttpClient(AsyncTwilioHttpClient):
    """The stock async client, pointed at the fake.

    Besides rewriting the host it works around two things in twilio 9.x:
    ``request`` builds an ``aiohttp.BasicAuth`` (deprecated in aiohttp 3.14,
    an error under ``filterwarnings = error``), and it ignores the timeout
    given to the constructor.
    """

    def __init__(self, base_url: str, timeout: float | None = None, **kwargs: Any) -> None:
        super().__init__(timeout=timeout, **kwargs)
        self.base_url = base_url

    async def request(
        self,
        method: str,
        url: str,
        params: dict[str, object] | None = None,
        data: dict[str, object] | None = None,
        headers: dict[str, str] | None = None,
        auth: tuple[str, str] | None = None,
        timeout: float | None = None,  # noqa: ASYNC109 - the parent's signature
        allow_redirects: bool = False,
    ) -> Response:
        """Send the request to the fake with a plain Authorization header."""
        headers = dict(headers or {})
        if auth is not None:
            headers["Authorization"] = encode_basic_auth(*auth)
        return await super().request(
            method,
            url.replace("https://api.twilio.com", self.base_url, 1),
            params=params,
            data=data,
            headers=headers,
            timeout=timeout if timeout is not None else self.timeout,
            allow_redirects=allow_redirects,
        )


@pytest.fixture
async def fake() -> AsyncIterator[FakeTwilio]:
    async with FakeTwilio(ACCOUNT_SID, AUTH_TOKEN, clock=lambda: NOW) as running:
        yield running


@pytest.fixture
async def client(fake: FakeTwilio) -> AsyncIterator[Client]:
    async with FakeTwilioHttpClient(fake.base_url, timeout=0.5) as http:
        yield Client(ACCOUNT_SID, AUTH_TOKEN, http_client=http)


async def _send(client: Client, to: str = PATIENT, body: str = "Hi there") -> Any:
    return await client.messages.create_async(to=to, from_=SENDER, body=body)


async def test_create_returns_twilio_shaped_message(fake: FakeTwilio, client: Client) -> None:
    """A send answers 201 with the sid, status and fields Twilio returns, and is recorded."""
    message = await client.messages.create_async(
        to=PATIENT,
        from_=SENDER,
        body="Time for your walk",
        status_callback="https://example.test/status",
        validity_period=600,
    )
    recorded = fake.messages[0]
    assert message.sid == recorded.sid
    assert re.fullmatch(r"SM[0-9a-f]{32}", recorded.sid)
    assert (message.status, message.num_segments, message.direction) == (
        "queued",
        "1",
        "outbound-api",
    )
    assert (message.to, message.from_, message.body) == (PATIENT, SENDER, "Time for your walk")
    assert message.date_created == NOW
    assert message.error_code is None
    assert message.api_version == "2010-04-01"
    assert message.uri == f"/2010-04-01/Accounts/{ACCOUNT_SID}/Messages/{message.sid}.json"
    assert recorded.status_callback == "https://example.test/status"
    assert recorded.validity_period == 600
    assert recorded.form["ValidityPeriod"] == "600"
    assert recorded.received_at == NOW


async def test_messaging_service_send_is_accepted(fake: FakeTwilio, client: Client) -> None:
    """A send through a messaging service without From answers status accepted."""
    message = await client.messages.create_async(
        to=PATIENT, messaging_service_sid="MG" + "2" * 32, body="Hello"
    )
    assert message.status == "accepted"
    assert message.from_ is None
    assert fake.messages[0].messaging_service_sid == "MG" + "2" * 32


async def test_segments_counted_for_long_unicode_body(fake: FakeTwilio, client: Client) -> None:
    """num_segments reflects the body's encoding: 71 UCS-2 characters are two parts."""
    message = await _send(client, body="’" * 71)
    assert message.num_segments == "2"


async def test_wrong_token_is_refused_with_20003(fake: FakeTwilio) -> None:
    """A wrong auth token raises 401 / 20003 and records nothing."""
    async with FakeTwilioHttpClient(fake.base_url) as http:
        client = Client(ACCOUNT_SID, "wrong", http_client=http)
        with pytest.raises(TwilioRestException) as caught:
            await _send(client)
    assert (caught.value.status, caught.value.code) == (401, 20003)
    assert fake.messages == []
    assert [attempt.status for attempt in fake.attempts] == [401]


@pytest.mark.parametrize(
    ("form", "code"),
    [
        ({"From": SENDER, "Body": "x"}, 21604),
        ({"To": PATIENT, "Body": "x"}, 21603),
        ({"To": PATIENT, "From": SENDER}, 21602),
        ({"To": "5551230001", "From": SENDER, "Body": "x"}, 21211),
        ({"To": PATIENT, "From": SENDER, "Body": "x" * 1601}, 21617),
    ],
    ids=["no-to", "no-from", "no-body", "to-not-e164", "body-too-long"],
)
async def test_invalid_form_answers_twilio_error(
    fake: FakeTwilio, form: dict[str, str], code: int
) -> None:
    """Missing or invalid fields answer 400 with Twilio's error body and record nothing."""
    url = f"{fake.base_url}/2010-04-01/Accounts/{ACCOUNT_SID}/Messages.json"
    headers = {"Authorization": encode_basic_auth(ACCOUNT_SID, AUTH_TOKEN)}
    async with (
        aiohttp.ClientSession() as session,
        session.post(url, data=form, headers=headers) as resp,
    ):
        body = await resp.json()
    assert resp.status == 400
    assert body["code"] == code
    assert body["status"] == 400
    assert body["more_info"] == f"https://www.twilio.com/docs/errors/{code}"
    assert body["message"]
    assert fake.messages == []
    assert len(fake.failures) == 1


async def test_rate_limit_fails_twice_then_sends(fake: FakeTwilio, client: Client) -> None:
    """fail_next(429, times=2) raises 429/20429 twice, then the third send succeeds."""
    fake.fail_next(status=429, code=20429, times=2)
    for _ in range(2):
        with pytest.raises(TwilioRestException) as caught:
            await _send(client)
        assert (caught.value.status, caught.value.code) == (429, 20429)
    message = await _send(client)
    assert [m.sid for m in fake.messages] == [message.sid]
    assert [attempt.status for attempt in fake.attempts] == [429, 429, 201]
    assert len(fake.failures) == 2


async def test_rate_limit_sends_retry_after(fake: FakeTwilio) -> None:
    """A scripted 429 can carry a Retry-After header."""
    fake.fail_next(status=429, retry_after=7)
    url = f"{fake.base_url}/2010-04-01/Accounts/{ACCOUNT_SID}/Messages.json"
    headers = {"Authorization": encode_basic_auth(ACCOUNT_SID, AUTH_TOKEN)}
    form = {"To": PATIENT, "From": SENDER, "Body": "x"}
    async with (
        aiohttp.ClientSession() as session,
        session.post(url, data=form, headers=headers) as resp,
    ):
        body = await resp.json()
    assert resp.headers["Retry-After"] == "7"
    assert body == {
        "code": 20429,
        "message": "Too Many Requests",
        "more_info": "https://www.twilio.com/docs/errors/20429",
        "status": 429,
    }


@pytest.mark.parametrize(
    ("status", "code", "text"),
    [
        (400, 21610, "unsubscribed recipient"),
        (400, 21211, "Invalid 'To' Phone Number"),
        (400, 21614, "not a valid mobile number"),
        (500, 20500, "Internal Server Error"),
        (503, 20503, "Service Unavailable"),
    ],
)
async def test_scripted_error_raises_with_code(
    fake: FakeTwilio, client: Client, status: int, code: int, text: str
) -> None:
    """A scripted error reaches the caller as TwilioRestException with Twilio's code."""
    fake.fail_next(status=status, code=code)
    with pytest.raises(TwilioRestException) as caught:
        await _send(client)
    assert (caught.value.status, caught.value.code) == (status, code)
    assert text in caught.value.msg
    assert fake.messages == []
    assert [(a.status, a.code) for a in fake.attempts] == [(status, code)]


async def test_hang_beyond_timeout_raises_timeout(fake: FakeTwilio, client: Client) -> None:
    """A send hanging past the client timeout raises TimeoutError and records nothing."""
    fake.hang_next(seconds=5)
    with pytest.raises(TimeoutError):
        await _send(client)
    assert fake.messages == []
    assert [attempt.status for attempt in fake.attempts] == [None]


async def test_accepted_hang_is_visible_for_reconciliation(
    fake: FakeTwilio, client: Client
) -> None:
    """hang_next(accept=True) times out the client yet the message exists and is listed."""
    fake.hang_next(seconds=5, accept=True)
    with pytest.raises(TimeoutError):
        await _send(client)
    listed = await client.messages.list_async(to=PATIENT)
    assert [m.sid for m in listed] == [fake.messages[0].sid]


async def test_reset_raises_connection_error(fake: FakeTwilio, client: Client) -> None:
    """reset_next() drops the connection: the client sees aiohttp.ClientConnectionError."""
    fake.reset_next()
    with pytest.raises(aiohttp.ClientConnectionError):
        await _send(client)
    assert fake.messages == []
    message = await _send(client)
    assert [m.sid for m in fake.messages] == [message.sid]
    assert [attempt.status for attempt in fake.attempts] == [None, 201]


async def test_accepted_reset_records_message(fake: FakeTwilio, client: Client) -> None:
    """reset_next(accept=True) drops the answer but the message was taken."""
    fake.reset_next(accept=True)
    with pytest.raises(aiohttp.ClientConnectionError):
        await _send(client)
    assert [m.to for m in fake.messages] == [PATIENT]
    assert fake.attempts[0].sid == fake.messages[0].sid


async def test_slow_delays_every_request(fake: FakeTwilio, client: Client) -> None:
    """slow() delays GETs too, so a short client timeout expires on a fetch."""
    message = await _send(client)
    fake.slow(2)
    with pytest.raises(TimeoutError):
        await client.messages(message.sid).fetch_async()


async def test_fetch_and_list_by_recipient(fake: FakeTwilio, client: Client) -> None:
    """GET by sid returns the message; the list filters by To, newest first, across pages."""
    first = await _send(client, to=PATIENT, body="one")
    await _send(client, to=OTHER, body="other")
    second = await _send(client, to=PATIENT, body="two")
    fetched = await client.messages(first.sid).fetch_async()
    assert (fetched.sid, fetched.body) == (first.sid, "one")
    listed = await client.messages.list_async(to=PATIENT, page_size=1)
    assert [m.sid for m in listed] == [second.sid, first.sid]
    assert [m.body for m in fake.messages_to(PATIENT)] == ["one", "two"]


async def test_fetch_unknown_sid_is_404(fake: FakeTwilio, client: Client) -> None:
    """Fetching an unknown sid raises 404 with code 20404."""
    with pytest.raises(TwilioRestException) as caught:
        await client.messages("SM" + "f" * 32).fetch_async()
    assert (caught.value.status, caught.value.code) == (404, 20404)


async def test_stock_retries_repeat_posts_on_500(fake: FakeTwilio) -> None:
    """With max_retries the twilio client itself re-POSTs after a 500 (not after 429)."""
    async with FakeTwilioHttpClient(fake.base_url, timeout=5, max_retries=3) as http:
        client = Client(ACCOUNT_SID, AUTH_TOKEN, http_client=http)
        fake.fail_next(status=500, times=2)
        await _send(client)
        fake.fail_next(status=429)
        with pytest.raises(TwilioRestException):
            await _send(client)
    assert [attempt.status for attempt in fake.attempts] == [500, 500, 201, 429]


async def test_status_callback_is_signed_and_updates_status(
    fake: FakeTwilio, client: Client, aiohttp_server: ServerFactory
) -> None:
    """The callback carries Twilio's fields, validates with RequestValidator, and GET follows."""
    received: list[tuple[str, dict[str, str], str]] = []

    async def receive(request: web.Request) -> web.Response:
        form = {key: str(value) for key, value in (await request.post()).items()}
        received.append((str(request.url), form, request.headers["X-Twilio-Signature"]))
        return web.Response(status=204)

    app = web.Application()
    app.router.add_post("/twilio/status", receive)
    server = await aiohttp_server(app)
    callback = str(server.make_url("/twilio/status"))
    message = await client.messages.create_async(
        to=PATIENT, from_=SENDER, body="Hi", status_callback=callback
    )

    answered = await fake.send_status_callback(message.sid, status="undelivered", error_code=30003)

    assert answered == 204
    url, form, signature = received[0]
    assert RequestValidator(AUTH_TOKEN).validate(url, form, signature)
    assert not RequestValidator("other-token").validate(url, form, signature)
    assert form == {
        "MessageSid": message.sid,
        "SmsSid": message.sid,
        "MessageStatus": "undelivered",
        "SmsStatus": "undelivered",
        "AccountSid": ACCOUNT_SID,
        "From": SENDER,
        "To": PATIENT,
        "ApiVersion": "2010-04-01",
        "ErrorCode": "30003",
    }
    fetched = await client.messages(message.sid).fetch_async()
    assert (fetched.status, fetched.error_code) == ("undelivered", 30003)
    assert fake.status_of(message.sid) == "undelivered"

"""A local fake of Twilio's Messages REST API, for tests.

Point the real ``twilio`` client at ``FakeTwilio.base_url`` instead of
``https://api.twilio.com``; the fake records what it accepts and can be told
to fail, hang or drop the connection for the next requests.

Scripted faults (``fail_next``, ``hang_next``, ``reset_next``) are consumed in
order, one per ``POST .../Messages.json``; GET requests never consume them.
``slow`` delays every request (or, with ``accept_first``, every answer to a
send that was already taken). ``report_next`` makes the next accepted messages
fail later, as a signed status callback (``undelivered``/``failed`` with an
``ErrorCode``). ``GET .../Messages.json`` lists messages by ``To``, ``From``
and ``DateSent`` (whole days, as Twilio does) and is recorded in ``lookups``.
"""

from __future__ import annotations

import asyncio
import secrets
import ssl
from collections import deque
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.utils import format_datetime
from typing import Any, Literal
from urllib.parse import urlencode

from aiohttp import ClientError, ClientSession, encode_basic_auth, web
from twilio.request_validator import RequestValidator
from yarl import URL

from companion.sms.segments import MAX_BODY_CHARS, count_segments

API_VERSION = "2010-04-01"
DEFAULT_ACCOUNT_SID = "AC" + "0" * 32
DEFAULT_AUTH_TOKEN = "fake-auth-token"  # noqa: S105 (the fake API's, not a secret)
_E164_PREFIXES = ("+", "whatsapp:+")

ERROR_MESSAGES: dict[int, str] = {
    20001: "Invalid parameter",
    20003: "Authenticate",
    20403: "Forbidden",
    20404: "The requested resource was not found",
    20429: "Too Many Requests",
    20500: "Internal Server Error",
    20503: "Service Unavailable",
    21211: "Invalid 'To' Phone Number",
    21602: "Message body is required.",
    21603: "The 'From' phone number is required.",
    21604: "A 'To' phone number is required.",
    21610: "Attempt to send to unsubscribed recipient",
    21614: "'To' number is not a valid mobile number",
    21617: "The concatenated message body exceeds the 1600 character limit.",
}
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
_DEFAULT_CODES = {429: 20429, 500: 20500, 503: 20503, 401: 20003, 403: 20403, 404: 20404}


@dataclass(frozen=True)
class SentMessage:
    """A message the fake accepted (answered 201)."""

    sid: str
    to: str
    from_: str | None
    body: str
    messaging_service_sid: str | None
    status_callback: str | None
    validity_period: int | None
    form: Mapping[str, str]
    received_at: datetime


@dataclass(frozen=True)
class Attempt:
    """One ``POST .../Messages.json``, whatever became of it.

    ``status`` is the HTTP status answered (for an accepted hang, the 201 it
    will answer), or None when the connection is dropped without an answer.
    ``form`` keeps the last value of each field.
    """

    form: Mapping[str, str]
    status: int | None
    code: int | None
    sid: str | None
    received_at: datetime


@dataclass(frozen=True)
class Lookup:
    """One ``GET .../Messages.json`` (a list request) and its query parameters."""

    query: Mapping[str, str]
    received_at: datetime


@dataclass(frozen=True)
class Callback:
    """A status callback the fake posted: ``answered`` is the HTTP status, or None
    when it could not be delivered (no ``StatusCallback``, nobody listening)."""

    sid: str
    status: str
    error_code: int | None
    answered: int | None


@dataclass(frozen=True)
class _Report:
    status: str
    error_code: int | None
    delay: float


@dataclass(frozen=True)
class _Fault:
    kind: Literal["error", "hang", "reset"]
    status: int = 0
    code: int | None = None
    message: str | None = None
    retry_after: int | None = None
    seconds: float = 0.0
    accept: bool = False


@dataclass(frozen=True)
class _State:
    status: str
    error_code: int | None
    updated_at: datetime


def _rfc2822(moment: datetime) -> str:
    return format_datetime(moment.astimezone(UTC))


def error_body(status: int, code: int, message: str | None = None) -> dict[str, Any]:
    """Build a Twilio-style error body.

    Args:
        status: HTTP status of the response.
        code: Twilio error code.
        message: Human-readable text; defaults to the code's usual text.

    Returns:
        The JSON-ready error dictionary.
    """
    return {
        "code": code,
        "message": message or ERROR_MESSAGES.get(code, "Error"),
        "more_info": f"https://www.twilio.com/docs/errors/{code}",
        "status": status,
    }


class FakeTwilio:
    """An aiohttp server that speaks enough of Twilio's Messages API for tests.

    Use as ``async with FakeTwilio(account_sid=..., auth_token=...) as fake:``
    or call ``start()`` and ``close()``.
    """

    def __init__(
        self,
        account_sid: str = DEFAULT_ACCOUNT_SID,
        auth_token: str = DEFAULT_AUTH_TOKEN,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.account_sid = account_sid
        self.auth_token = auth_token
        self.messages: list[SentMessage] = []
        self.attempts: list[Attempt] = []
        self.lookups: list[Lookup] = []
        self.callbacks: list[Callback] = []
        self._clock = clock
        self._faults: deque[_Fault] = deque()
        self._reports: deque[_Report] = deque()
        self._lookup_faults: deque[_Fault] = deque()
        self._reporting: set[asyncio.Task[None]] = set()
        self._delay = 0.0
        self._accept_first = False
        self._states: dict[str, _State] = {}
        self._opted_out: set[str] = set()
        self._runner: web.AppRunner | None = None
        self._closing = asyncio.Event()
        self.base_url = ""
        # Where callbacks really go when the service's public URL is not reachable from
        # here (a test server): posted to this origin, signed for the public URL, as
        # behind a reverse proxy.
        self.callback_origin: str | None = None
        # Trust for https callback URLs (a test's self-signed proxy); None: the system's.
        self.callback_ssl: ssl.SSLContext | None = None
        # One client for every callback, as Twilio keeps connections (and TLS sessions).
        self._callback_session: ClientSession | None = None

    def make_app(self) -> web.Application:
        """Build the aiohttp application serving the fake API."""
        app = web.Application(middlewares=[self._gate])
        prefix = f"/{API_VERSION}/Accounts/{{account_sid}}"
        app.router.add_post(prefix + "/Messages.json", self._create)
        app.router.add_get(prefix + "/Messages.json", self._list)
        app.router.add_get(prefix + "/Messages/{sid}.json", self._fetch)
        return app

    async def start(self) -> None:
        """Serve on 127.0.0.1 on a free port and set ``base_url``."""
        self._closing.clear()
        self._runner = web.AppRunner(self.make_app(), access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.base_url = f"http://127.0.0.1:{port}"

    async def close(self) -> None:
        """Stop serving; requests still hanging are dropped, pending callbacks dropped."""
        self._closing.set()
        for task in self._reporting:
            task.cancel()
        await asyncio.gather(*self._reporting, return_exceptions=True)
        if self._callback_session is not None:
            await self._callback_session.close()
            self._callback_session = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeTwilio:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    def fail_next(
        self,
        status: int,
        code: int | None = None,
        message: str | None = None,
        times: int = 1,
        retry_after: int | None = None,
    ) -> None:
        """Answer the next ``times`` sends with a Twilio error.

        Args:
            status: HTTP status, e.g. 429, 500, 503 or 400.
            code: Twilio error code; defaults by status (429 -> 20429, ...).
            message: Error text; defaults to Twilio's text for the code.
            times: How many consecutive sends fail this way.
            retry_after: Seconds for a ``Retry-After`` header, if any.
        """
        resolved = code if code is not None else _DEFAULT_CODES.get(status, status)
        fault = _Fault("error", status, resolved, message, retry_after)
        self._faults.extend([fault] * times)

    def opt_out(self, number: str) -> None:
        """Refuse every later send to `number` with 400 / 21610, as Twilio does once a
        person has texted STOP to our sender."""
        self._opted_out.add(number)

    def fail_lookups_next(self, status: int, code: int | None = None, times: int = 1) -> None:
        """Answer the next ``times`` list requests (``GET .../Messages.json``) with an error.

        Args:
            status: HTTP status, e.g. 500, or 403 for an API key that may not read.
            code: Twilio error code; defaults by status (500 -> 20500, ...).
            times: How many consecutive list requests fail this way.
        """
        resolved = code if code is not None else _DEFAULT_CODES.get(status, status)
        self._lookup_faults.extend([_Fault("error", status, resolved)] * times)

    def hang_next(self, seconds: float, accept: bool = False, times: int = 1) -> None:
        """Sleep before answering the next sends, to exceed a client timeout.

        Args:
            seconds: How long to wait before answering.
            accept: If True the message is recorded at once (Twilio took it,
                the answer was late) and 201 follows the wait; if False
                nothing is recorded and the connection is dropped after it.
            times: How many consecutive sends hang.
        """
        self._faults.extend([_Fault("hang", seconds=seconds, accept=accept)] * times)

    def reset_next(self, accept: bool = False, times: int = 1) -> None:
        """Close the connection without answering the next sends.

        Args:
            accept: If True the message is recorded before the connection
                drops, as when Twilio queued it but the answer was lost.
            times: How many consecutive sends are dropped.
        """
        self._faults.extend([_Fault("reset", accept=accept)] * times)

    def slow(self, seconds: float, accept_first: bool = False) -> None:
        """Delay every request by ``seconds`` (0 turns it off).

        Args:
            seconds: How long each request waits.
            accept_first: If True, sends are recorded at once and only their answer
                waits (Twilio took the message, the 201 is slow), and GETs are not
                delayed: a client that dies meanwhile leaves a message it never
                heard about, for reconciliation to find.
        """
        self._delay = seconds
        self._accept_first = accept_first

    def report_next(
        self,
        status: str = "undelivered",
        error_code: int | None = 30003,
        *,
        delay: float = 0.0,
        times: int = 1,
    ) -> None:
        """Report the next ``times`` accepted messages failed, by status callback.

        Each is answered as usual (201, or as a scripted hang or reset says). The
        callback is a signed POST to the message's ``StatusCallback`` URL with
        ``MessageStatus`` and ``ErrorCode``, ``delay`` seconds after the message was
        taken; GETs report the new status from then on. ``callbacks_done()`` waits
        for them; ``callbacks`` records what each was answered.

        Args:
            status: "undelivered" or "failed" (any Twilio status works).
            error_code: Twilio error code, e.g. 30003 (unreachable handset), 30005
                (unknown handset), 30006 (landline); None sends no ``ErrorCode``.
            delay: Seconds between accepting the message and the callback.
            times: How many consecutive accepted messages get this report.
        """
        self._reports.extend([_Report(status, error_code, delay)] * times)

    async def callbacks_done(self) -> None:
        """Wait until every scripted status callback has been posted."""
        while self._reporting:
            await asyncio.gather(*list(self._reporting), return_exceptions=True)

    def messages_to(self, number: str) -> list[SentMessage]:
        """Messages accepted for one recipient, oldest first."""
        return [message for message in self.messages if message.to == number]

    def message(self, sid: str) -> SentMessage:
        """The accepted message with this sid (KeyError if none)."""
        for message in self.messages:
            if message.sid == sid:
                return message
        raise KeyError(sid)

    @property
    def failures(self) -> list[Attempt]:
        """Send attempts that were not answered 201."""
        return [attempt for attempt in self.attempts if attempt.status != 201]

    def status_of(self, sid: str) -> str:
        """The current status of a message as GET would report it."""
        return self._states[sid].status

    async def send_status_callback(
        self,
        sid: str,
        status: str = "delivered",
        error_code: int | None = None,
        url: str | None = None,
    ) -> int:
        """POST a signed status callback for a message, as Twilio does.

        The stored status also changes, so later GETs report it.

        Args:
            sid: The message sid.
            status: New status, e.g. "sent", "delivered", "undelivered", "failed".
            error_code: Twilio error code sent as ``ErrorCode`` when given.
            url: Override the message's ``StatusCallback`` URL.

        Returns:
            The HTTP status the receiver answered.
        """
        message = self.message(sid)
        target = url or message.status_callback
        if not target:
            raise ValueError(f"message {sid} has no StatusCallback")
        self._states[sid] = _State(status, error_code, self._clock())
        return await self._post_callback(message, target, status, error_code)

    async def _post_callback(
        self, message: SentMessage, target: str, status: str, error_code: int | None
    ) -> int:
        sid = message.sid
        params = {
            "MessageSid": sid,
            "SmsSid": sid,
            "MessageStatus": status,
            "SmsStatus": status,
            "AccountSid": self.account_sid,
            "To": message.to,
            "From": message.from_ or "",
            "ApiVersion": API_VERSION,
        }
        if message.messaging_service_sid:
            params["MessagingServiceSid"] = message.messaging_service_sid
        if error_code is not None:
            params["ErrorCode"] = str(error_code)
        signature = RequestValidator(self.auth_token).compute_signature(target, params)
        post_to = target
        if self.callback_origin is not None:
            post_to = self.callback_origin + str(URL(target).relative())
        if self._callback_session is None:
            self._callback_session = ClientSession()
        async with self._callback_session.post(
            post_to,
            data=params,
            headers={"X-Twilio-Signature": signature},
            ssl=self.callback_ssl if self.callback_ssl is not None else True,
        ) as resp:
            await resp.read()
            return resp.status

    async def _report(self, message: SentMessage, report: _Report) -> None:
        """Post one scripted status callback (run as a task after the 201)."""
        if not await self._wait(report.delay):
            return
        self._states[message.sid] = _State(report.status, report.error_code, self._clock())
        answered = None
        if message.status_callback:
            try:
                answered = await self._post_callback(
                    message, message.status_callback, report.status, report.error_code
                )
            except ClientError:
                answered = None
        self.callbacks.append(Callback(message.sid, report.status, report.error_code, answered))

    def _authorised(self, request: web.Request) -> bool:
        # aiohttp 3.14 deprecates BasicAuth, so compare the encoded header instead.
        expected = encode_basic_auth(self.account_sid, self.auth_token)
        return secrets.compare_digest(request.headers.get("Authorization", ""), expected)

    @web.middleware
    async def _gate(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Apply ``slow`` and check credentials before any handler runs."""
        if not self._accept_first:
            await self._wait(self._delay)
        if not self._authorised(request):
            status, code = 401, 20003
        elif request.match_info.get("account_sid") != self.account_sid:
            status, code = 404, 20404
        else:
            return await handler(request)
        if request.method == "POST":
            self._note(await self._form(request), status, code)
        return web.json_response(error_body(status, code), status=status)

    @staticmethod
    async def _form(request: web.Request) -> dict[str, str]:
        return {key: str(value) for key, value in (await request.post()).items()}

    def _validate(self, form: Mapping[str, str]) -> tuple[int, int] | None:
        to = form.get("To", "")
        if not to:
            return 400, 21604
        if not to.startswith(_E164_PREFIXES):
            return 400, 21211
        if not form.get("From") and not form.get("MessagingServiceSid"):
            return 400, 21603
        if to in self._opted_out:
            return 400, 21610
        if not form.get("Body") and "MediaUrl" not in form and "ContentSid" not in form:
            return 400, 21602
        if len(form.get("Body", "")) > MAX_BODY_CHARS:
            return 400, 21617
        return None

    def _record(self, form: Mapping[str, str]) -> SentMessage:
        validity = form.get("ValidityPeriod")
        message = SentMessage(
            sid="SM" + secrets.token_hex(16),
            to=form["To"],
            from_=form.get("From") or None,
            body=form.get("Body", ""),
            messaging_service_sid=form.get("MessagingServiceSid") or None,
            status_callback=form.get("StatusCallback") or None,
            validity_period=int(validity) if validity else None,
            form=dict(form),
            received_at=self._clock(),
        )
        status = "accepted" if message.messaging_service_sid else "queued"
        self._states[message.sid] = _State(status, None, message.received_at)
        self.messages.append(message)
        if self._reports:
            task = asyncio.create_task(self._report(message, self._reports.popleft()))
            self._reporting.add(task)
            task.add_done_callback(self._reporting.discard)
        return message

    def _note(
        self,
        form: Mapping[str, str],
        status: int | None,
        code: int | None = None,
        sid: str | None = None,
    ) -> None:
        self.attempts.append(Attempt(dict(form), status, code, sid, self._clock()))

    async def _wait(self, seconds: float) -> bool:
        """Sleep; return False early if the fake is closing meanwhile."""
        if seconds <= 0:
            return not self._closing.is_set()
        try:
            await asyncio.wait_for(self._closing.wait(), timeout=seconds)
        except TimeoutError:
            return True
        return False

    async def _create(self, request: web.Request) -> web.StreamResponse:
        form = await self._form(request)
        fault = self._faults.popleft() if self._faults else None
        if fault is not None and fault.kind == "error":
            code = fault.code if fault.code is not None else fault.status
            self._note(form, fault.status, code)
            headers = {"Retry-After": str(fault.retry_after)} if fault.retry_after else None
            body = error_body(fault.status, code, fault.message)
            return web.json_response(body, status=fault.status, headers=headers)
        invalid = self._validate(form)
        if invalid is not None:
            self._note(form, *invalid)
            return web.json_response(error_body(*invalid), status=invalid[0])
        message = self._record(form) if fault is None or fault.accept else None
        sid = message.sid if message else None
        answers = message is not None and (fault is None or fault.kind == "hang")
        # Noted before any hang so a client that gave up can already see it.
        self._note(form, 201 if answers else None, None, sid)
        if fault is not None and fault.kind == "hang":
            answers = await self._wait(fault.seconds) and answers
        if self._accept_first:
            answers = await self._wait(self._delay) and answers
        if message is None or not answers:
            return self._drop(request)
        return web.json_response(self._resource(message), status=201)

    @staticmethod
    def _drop(request: web.Request) -> web.StreamResponse:
        """Close the connection so the client sees it cut without an answer."""
        if request.transport is not None:
            request.transport.close()
        return web.Response(status=500)  # never reaches the client: the socket is gone

    async def _fetch(self, request: web.Request) -> web.Response:
        try:
            message = self.message(request.match_info["sid"])
        except KeyError:
            return web.json_response(error_body(404, 20404), status=404)
        return web.json_response(self._resource(message))

    async def _list(self, request: web.Request) -> web.Response:
        query = request.query
        self.lookups.append(Lookup(dict(query), self._clock()))
        if self._lookup_faults:
            fault = self._lookup_faults.popleft()
            code = fault.code if fault.code is not None else fault.status
            return web.json_response(error_body(fault.status, code), status=fault.status)
        try:
            days = _DaySpan.from_query(query)
        except ValueError:
            return web.json_response(error_body(400, 20001), status=400)
        found = [
            message
            for message in reversed(self.messages)  # Twilio lists newest first
            if ("To" not in query or message.to == query["To"])
            and ("From" not in query or message.from_ == query["From"])
            and days.holds(message.received_at)
        ]
        page = int(query.get("Page", "0"))
        size = int(query.get("PageSize", "50"))
        start = page * size
        chunk = found[start : start + size]
        base = request.path
        filters = {key: query[key] for key in (*_FILTERS, *_DATE_FILTERS) if key in query}

        def page_uri(number: int) -> str:
            return f"{base}?" + urlencode({**filters, "PageSize": size, "Page": number})

        return web.json_response(
            {
                "messages": [self._resource(message) for message in chunk],
                "page": page,
                "page_size": size,
                "uri": page_uri(page),
                "first_page_uri": page_uri(0),
                "next_page_uri": page_uri(page + 1) if start + size < len(found) else None,
                "previous_page_uri": page_uri(page - 1) if page > 0 else None,
                "start": start,
                "end": start + max(len(chunk) - 1, 0),
            }
        )

    def _resource(self, message: SentMessage) -> dict[str, Any]:
        state = self._states[message.sid]
        uri = f"/{API_VERSION}/Accounts/{self.account_sid}/Messages/{message.sid}"
        return {
            "sid": message.sid,
            "account_sid": self.account_sid,
            "to": message.to,
            "from": message.from_,
            "body": message.body,
            "status": state.status,
            "num_segments": str(count_segments(message.body)),
            "num_media": "0",
            "direction": "outbound-api",
            "date_created": _rfc2822(message.received_at),
            "date_updated": _rfc2822(state.updated_at),
            "date_sent": _rfc2822(message.received_at),  # the fake sends at once
            "error_code": state.error_code,
            "error_message": None,
            "price": None,
            "price_unit": "USD",
            "uri": uri + ".json",
            "subresource_uris": {"media": uri + "/Media.json"},
            "api_version": API_VERSION,
            "messaging_service_sid": message.messaging_service_sid,
        }


_FILTERS = ("To", "From")
_DATE_FILTERS = ("DateSent", "DateSent<", "DateSent>")


def _day(value: str) -> date:
    """The UTC day of a DateSent value: ``YYYY-MM-DD`` or the client's ISO datetime."""
    if len(value) == 10:
        return date.fromisoformat(value)
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        raise ValueError(value)
    return moment.astimezone(UTC).date()


@dataclass(frozen=True)
class _DaySpan:
    """The DateSent filters of a list request. Twilio compares whole GMT days:
    ``DateSent>=`` a day includes all of it, whatever time the client sends."""

    on: date | None = None
    after: date | None = None
    before: date | None = None

    @classmethod
    def from_query(cls, query: Mapping[str, str]) -> _DaySpan:
        """Parse ``DateSent``, ``DateSent>`` (on or after) and ``DateSent<`` (on or before)."""
        on, after, before = (query.get(key) for key in _DATE_FILTERS)
        return cls(
            _day(on) if on else None,
            _day(after) if after else None,
            _day(before) if before else None,
        )

    def holds(self, moment: datetime) -> bool:
        """True if a message sent at ``moment`` passes every filter."""
        day = moment.astimezone(UTC).date()
        return (
            (self.on is None or day == self.on)
            and (self.after is None or day >= self.after)
            and (self.before is None or day <= self.before)
        )

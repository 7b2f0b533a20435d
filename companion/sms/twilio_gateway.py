"""The Twilio gateway: the `twilio` package's async client, pointed at a configurable host."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Collection
from datetime import UTC, datetime
from typing import Any

import aiohttp
from twilio.base.exceptions import TwilioException, TwilioRestException
from twilio.http.async_http_client import AsyncTwilioHttpClient
from twilio.rest import Client

from companion.config import TWILIO_DEFAULT_API_BASE_URL, TwilioSettings
from companion.sms.gateway import OutboundSms, PermanentSendError, SendReceipt, TransientSendError

# Twilio error codes that will never succeed on retry, with our reason code.
_PERMANENT = {
    21610: "opted_out",
    21211: "invalid_number",
    21614: "not_mobile",
    21612: "unreachable",
    21408: "region_disabled",
    30004: "blocked",
    30006: "landline",
}


# Messages to one number listed per reconciliation look-up: a day holds a handful.
LOOKUP_LIMIT = 200

log = logging.getLogger(__name__)


class _BaseUrlHttpClient(AsyncTwilioHttpClient):  # type: ignore[misc]
    """Rewrites Twilio's API host to `base_url` (a proxy, or a local fake in tests)."""

    def __init__(self, base_url: str, timeout: float) -> None:
        # The client logs request parameters and response bodies (numbers, message
        # text) at INFO; its own logger stays at WARNING so they never reach our logs.
        quiet = logging.getLogger("companion.sms.twilio_http")
        quiet.setLevel(logging.WARNING)
        super().__init__(timeout=timeout, logger=quiet)
        self._base_url = base_url
        self._timeout_seconds = timeout
        self._authorization: dict[tuple[str, str], str] = {}

    def log_request(self, kwargs: dict[str, Any]) -> None:
        """Nothing: the client formats every request for a log that stays at WARNING."""

    def log_response(self, status_code: int, response: Any) -> None:
        """Nothing: the client formats every answer's headers for that same silent log."""

    async def request(  # noqa: PLR0913 (the twilio client's HttpClient.request signature)
        self,
        method: str,
        url: str,
        params: dict[str, object] | None = None,
        data: dict[str, object] | None = None,
        headers: dict[str, str] | None = None,
        auth: tuple[str, str] | None = None,
        timeout: float | None = None,  # noqa: ASYNC109 (the client's signature)
        allow_redirects: bool = False,
    ) -> Any:
        if url.startswith(TWILIO_DEFAULT_API_BASE_URL):
            url = self._base_url + url[len(TWILIO_DEFAULT_API_BASE_URL) :]
        headers = dict(headers or {})
        if auth is not None:
            # aiohttp deprecates the BasicAuth object the client would build.
            if (header := self._authorization.get(auth)) is None:
                header = self._authorization[auth] = aiohttp.encode_basic_auth(*auth)
            headers["Authorization"] = header
        # The client ignores its own timeout (aiohttp then waits forever); bound it here.
        async with asyncio.timeout(self._timeout_seconds):
            return await super().request(
                method, url, params, data, headers, None, None, allow_redirects
            )


class TwilioGateway:
    """Sends through Twilio's Messages API. Create it inside the running event loop."""

    def __init__(self, settings: TwilioSettings, timeout: float = 15.0) -> None:
        self._settings = settings
        self._http = _BaseUrlHttpClient(settings.api_base_url, timeout)
        self._client = Client(
            settings.account_sid, settings.auth_token, http_client=self._http, environment={}
        )

    async def send(self, sms: OutboundSms) -> SendReceipt:
        """Create the message at Twilio; classify failures as transient or permanent."""
        params: dict[str, Any] = {"to": sms.to, "body": sms.body}
        if self._settings.messaging_service_sid:
            params["messaging_service_sid"] = self._settings.messaging_service_sid
        else:
            params["from_"] = self._settings.from_number
        if sms.status_callback:
            params["status_callback"] = sms.status_callback
        if sms.validity_seconds is not None:
            params["validity_period"] = max(1, min(sms.validity_seconds, 36_000))
        try:
            message = await self._client.messages.create_async(**params)
        except TwilioRestException as error:
            raise _classify(error) from None
        except aiohttp.ClientConnectorError as error:
            raise TransientSendError(None) from error  # never connected: nothing was sent
        except (TimeoutError, aiohttp.ClientError) as error:
            # The POST may have arrived and been accepted; only the answer is missing.
            raise TransientSendError(None, outcome_unknown=True) from error
        return SendReceipt(sid=str(message.sid), status=str(message.status))

    async def find_sent(
        self, to: str, body: str, since: datetime, exclude: Collection[str] = ()
    ) -> SendReceipt | None:
        """List messages to `to` from our sender since `since` and match the body.

        Twilio filters `DateSent` by whole days, so the list starts at midnight UTC and
        the exact bound is applied here, on `date_created` (set even while queued).
        """
        midnight = since.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
        params: dict[str, Any] = {
            "to": to,
            "date_sent_after": midnight,
            "limit": LOOKUP_LIMIT,
            "page_size": LOOKUP_LIMIT,
        }
        service = self._settings.messaging_service_sid
        if not service:
            params["from_"] = self._settings.from_number
        try:
            listed = await self._client.messages.list_async(**params)
        except TwilioException as error:
            raise _classify_lookup(error) from None
        except (TimeoutError, aiohttp.ClientError) as error:
            raise TransientSendError(None) from error
        matches = [
            message
            for message in listed
            if message.body == body
            and message.sid not in exclude
            and (message.date_created is None or message.date_created >= since)
            and (not service or message.messaging_service_sid == service)
        ]
        if not matches:
            return None
        first = min(matches, key=lambda m: m.date_created or since)
        return SendReceipt(sid=str(first.sid), status=str(first.status))

    async def close(self) -> None:
        """Close the HTTP session."""
        await self._http.close()


def _page_error(error: TwilioException) -> TwilioRestException:
    """A failed list page ("Unable to fetch page", response) as the error a create gives."""
    response = error.args[1] if len(error.args) > 1 else None
    status = int(getattr(response, "status_code", 500))
    try:
        code = json.loads(getattr(response, "text", "")).get("code")
    except (ValueError, AttributeError):
        code = None
    return TwilioRestException(status, "", code=code if isinstance(code, int) else None)


def _classify_lookup(error: TwilioException) -> TransientSendError | PermanentSendError:
    """As `_classify`, but 403 is final: a key that may send yet not read never will."""
    rest = error if isinstance(error, TwilioRestException) else _page_error(error)
    if int(rest.status) == 403:
        return PermanentSendError(rest.code, "lookup_forbidden")
    return _classify(rest)


def _classify(error: TwilioRestException) -> TransientSendError | PermanentSendError:
    status, code = int(error.status), error.code
    if code in _PERMANENT:
        return PermanentSendError(code, _PERMANENT[code])
    if status == 429 or status >= 500:
        return TransientSendError(code)
    if status in (401, 403):
        # Our credentials, not the person: keep the message and retry once fixed.
        log.error("twilio refused our credentials", extra={"code": code, "status": status})
        return TransientSendError(code)
    return PermanentSendError(code, f"http_{status}")

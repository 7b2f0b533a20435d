"""The outbox dispatcher: claims due rows, sends each once, records what happened."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from companion.db import outbox
from companion.db.models import Person
from companion.engine.enrolment import Priority, Status
from companion.engine.timing import Window
from companion.services.context import ServiceContext
from companion.services.rate import SendRate
from companion.sms.gateway import (
    OutboundSms,
    PermanentSendError,
    SendReceipt,
    SmsGateway,
    TransientSendError,
)

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 14  # 2 s doubling to the 30-minute cap: about two hours in all
MAX_BACKOFF = timedelta(minutes=30)
CLAIM_LEASE = timedelta(minutes=2)
# A message not sent within a day of being queued is stale news: it expires unsent.
MAX_AGE = timedelta(hours=24)
# Look-ups start this long before a row was queued, for clock skew with the carrier.
LOOKUP_SKEW = timedelta(minutes=5)
BATCH = 50
_OPTED_OUT = 21610


def backoff(attempts: int) -> timedelta:
    """Delay before retry number `attempts` (1-based): 2s, 4s, 8s ... capped."""
    return min(timedelta(seconds=2**attempts), MAX_BACKOFF)


class Dispatcher:
    """Drains the outbox through a gateway at the configured rate."""

    def __init__(
        self,
        ctx: ServiceContext,
        gateway: SmsGateway,
        rate: SendRate,
        status_callback_url: str | None,
        wake: asyncio.Event,
        concurrency: int = 8,
        only_phone_index: str | None = None,
        claim_lease: timedelta = CLAIM_LEASE,
    ) -> None:
        """Set up; nothing runs until `run_forever` or `drain`.

        Args:
            claim_lease: how long a claimed row may stay `sending` before it is taken
                to be a dead dispatcher's and released (for look-up, then sending).
                It must be well above the time one batch takes to send.
        """
        self._ctx = ctx
        self._gateway = gateway
        self._rate = rate
        self._callback = status_callback_url
        self._slots = asyncio.Semaphore(concurrency)
        self._wake = wake
        self._stopping = False
        self._only = only_phone_index
        self._lease = claim_lease

    async def run_once(self) -> int:
        """Claim one batch of due rows and send them. Returns how many were claimed."""
        now = self._ctx.clock()
        quiet = self._ctx.quiet_hours
        # At night only replies to the person's own message go out; prompts wait (and
        # lapse if their window passes), so nothing non-urgent arrives in quiet hours.
        night = quiet is not None and Window(quiet.start, quiet.end).contains(now)
        async with self._ctx.sessions() as session, session.begin():
            claims = await outbox.claim_due(
                session,
                self._ctx.keyring,
                now,
                BATCH,
                self._only,
                max_priority=Priority.REPLY if night else None,
            )
        # One person's messages go one after another, in the order they were queued
        # (a re-ask before the next question); different people's go side by side.
        by_person: dict[str, list[outbox.ClaimedSms]] = {}
        for claim in claims:
            by_person.setdefault(claim.to, []).append(claim)
        # Every send of the batch ends before the next claim, even when one fails (the
        # database went away): a send left running could POST after its row was released
        # and claimed again, and be sent twice.
        results = await asyncio.gather(
            *(self._send_in_order(group) for group in by_person.values()), return_exceptions=True
        )
        for result in results:
            if isinstance(result, BaseException):
                raise result
        return len(claims)

    async def _send_in_order(self, claims: list[outbox.ClaimedSms]) -> None:
        for claim in sorted(claims, key=lambda c: c.created_at):
            await self._send(claim)

    async def drain(self) -> int:
        """Send batches until nothing is due. Returns how many rows were claimed."""
        total = 0
        while not self._stopping and (claimed := await self.run_once()) > 0:
            total += claimed
        return total

    async def release_stale(self) -> int:
        """Return rows whose dispatcher died mid-send to the queue; refresh backlog metrics."""
        async with self._ctx.sessions() as session, session.begin():
            released = await outbox.release_stale_claims(session, self._ctx.clock(), self._lease)
            lag = await outbox.oldest_due_age(session, self._ctx.clock())
            backlog = await outbox.due_backlog(session, self._ctx.clock())
        self._ctx.metrics.dispatcher_lag.set(lag)
        for priority in (Priority.REPLY, Priority.BULK):
            self._ctx.metrics.outbox_backlog.labels(str(priority)).set(backlog.get(priority, 0))
        self._ctx.metrics.expected_delay.set(sum(backlog.values()) / self._rate.per_second)
        if released:
            log.warning("released stale outbox claims", extra={"count": released})
        return released

    async def run_forever(self, idle_seconds: float = 1.0) -> None:
        """Loop until `stop()`: drain, then wait for a wake-up or the idle tick."""
        while not self._stopping:
            try:
                await self.drain()
            except Exception:
                log.exception("dispatcher pass failed; will retry")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), idle_seconds)
            self._wake.clear()

    def stop(self) -> None:
        """Finish the batch in hand, then leave `run_forever`."""
        self._stopping = True
        self._wake.set()

    async def _send(self, claim: outbox.ClaimedSms) -> None:
        async with self._slots:
            if claim.unconfirmed and await self._reconciled(claim):
                return
            now = self._ctx.clock()
            lateness = too_late(claim, now)
            if lateness is not None:
                await self._finish(claim, "expired", status=outbox.EXPIRED, failure_reason=lateness)
                return
            await self._rate.acquire()
            validity = None
            if claim.valid_until is not None:
                validity = int((claim.valid_until - now).total_seconds())
            sms = OutboundSms(claim.to, claim.body, self._callback, validity)
            try:
                receipt = await self._gateway.send(sms)
            except TransientSendError as error:
                await self._retry(claim, error, unconfirmed=error.outcome_unknown)
            except PermanentSendError as error:
                await self._fail(claim, error)
            else:
                await self._record_sent(claim, receipt, "sent")

    async def _reconciled(self, claim: outbox.ClaimedSms) -> bool:
        """Ask the carrier whether an earlier send of `claim` got through.

        Returns:
            True if the row is settled without sending: found and recorded as sent, or
            put back for later because the carrier could not be asked.
        """
        try:
            found = await self._look_up(claim)
        except TransientSendError as error:
            await self._retry(claim, error, unconfirmed=True)
            return True
        if found is None:
            return False
        await self._record_sent(claim, found, "reconciled")
        return True

    async def _look_up(self, claim: outbox.ClaimedSms) -> SendReceipt | None:
        """The carrier's record of this row's message, if an earlier send reached it."""
        since = claim.created_at - LOOKUP_SKEW
        async with self._ctx.sessions() as session, session.begin():
            taken = await outbox.recorded_sids(session, claim.phone_index, since)
        try:
            return await self._gateway.find_sent(claim.to, claim.body, since, taken)
        except PermanentSendError as error:
            # A duplicate is less harm than a message never sent (H-09 against H-10).
            log.warning(
                "outbox look-up refused; sending without it",
                extra={"outbox_id": claim.id, "code": error.code},
            )
            return None

    async def _record_sent(
        self, claim: outbox.ClaimedSms, receipt: SendReceipt, outcome: str
    ) -> None:
        await self._finish(
            claim,
            outcome,
            status=outbox.SENT,
            twilio_sid=receipt.sid,
            delivery_status=receipt.status,
            attempts=claim.attempts + 1,
            failure_reason=None,
            sent_at=self._ctx.clock(),
        )

    async def _retry(
        self, claim: outbox.ClaimedSms, error: TransientSendError, *, unconfirmed: bool
    ) -> None:
        attempts = claim.attempts + 1
        if attempts >= MAX_ATTEMPTS:
            await self._finish(
                claim,
                "gave_up",
                status=outbox.FAILED,
                attempts=attempts,
                error_code=error.code,
                failure_reason="retries_exhausted",
            )
            return
        delay = backoff(attempts)
        if error.retry_after is not None:
            delay = max(delay, timedelta(seconds=error.retry_after))
        await self._finish(
            claim,
            "retry",
            status=outbox.PENDING,
            attempts=attempts,
            error_code=error.code,
            failure_reason=outbox.UNCONFIRMED if unconfirmed else None,
            claim_token=None,
            claimed_at=None,
            not_before=self._ctx.clock() + delay,
        )

    async def _fail(self, claim: outbox.ClaimedSms, error: PermanentSendError) -> None:
        async with self._ctx.sessions() as session, session.begin():
            await outbox.finish(
                session,
                claim,
                self._ctx.clock(),
                status=outbox.FAILED,
                attempts=claim.attempts + 1,
                error_code=error.code,
                failure_reason=error.reason,
            )
            if claim.person_id is not None:
                await _mark_unreachable(session, claim.person_id, error.code, self._ctx.clock())
        self._ctx.metrics.outbound.labels("failed").inc()
        log.warning("outbox message failed", extra={"outbox_id": claim.id, "code": error.code})

    async def _finish(self, claim: outbox.ClaimedSms, outcome: str, **values: object) -> None:
        async with self._ctx.sessions() as session, session.begin():
            held = await outbox.finish(session, claim, self._ctx.clock(), **values)
        self._ctx.metrics.outbound.labels(outcome).inc()
        log.info("outbox message %s", outcome, extra={"outbox_id": claim.id, "claim_held": held})


def too_late(claim: outbox.ClaimedSms, now: datetime) -> str | None:
    """Why `claim` must not be sent any more ("expired", "max_age"), or None if it may be."""
    if claim.valid_until is not None and now > claim.valid_until:
        return "expired"
    if now > claim.created_at + MAX_AGE:
        return "max_age"
    return None


async def _mark_unreachable(
    session: AsyncSession, person_id: str, code: int | None, now: datetime
) -> None:
    """A carrier opt-out (21610) stops the person; other permanent errors are noted."""
    person = await session.get(Person, person_id)
    if person is None:
        return
    person.unreachable_code = code
    if code == _OPTED_OUT and person.status != Status.STOPPED:
        person.status = Status.STOPPED
        person.stopped_at = person.updated_at = now
        await outbox.cancel_pending_for(session, person_id, now)

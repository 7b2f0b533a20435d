"""The outbox dispatcher: claims due rows, sends each once, records what happened."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import time
from datetime import datetime, timedelta

from companion.context import ServiceContext
from companion.db import outbox
from companion.db.states import OutboxStatus, Priority
from companion.engine.timing import Window
from companion.sending.outcomes import Outcome, OutcomeWriter
from companion.sending.rate import SendRate
from companion.sending.status import apply_kept
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
# Claim batches hold at most MAX_BATCH rows, and about BATCH_SECONDS of sending at the
# rate cap, so a batch ends well inside the claim lease even at a low cap.
MAX_BATCH = 200
BATCH_SECONDS = 5.0
MAX_CONCURRENCY = 64


def sizes(per_second: float) -> tuple[int, int]:
    """Sends in flight and rows per claim for a rate cap: (min(64, MPS), ~5 s of sends)."""
    concurrency = max(1, min(MAX_CONCURRENCY, math.ceil(per_second)))
    batch = max(concurrency, min(MAX_BATCH, math.ceil(per_second * BATCH_SECONDS)))
    return concurrency, batch


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
        only_phone_index: str | None = None,
        claim_lease: timedelta = CLAIM_LEASE,
    ) -> None:
        """Set up; nothing runs until `run_forever` or `drain`.

        Sends in flight at once: min(64, the rate cap).

        Args:
            ctx: the services' context.
            gateway: where messages go (Twilio, or the simulator).
            rate: the send-rate cap.
            status_callback_url: where Twilio reports delivery, if anywhere.
            wake: set to make an idle dispatcher look at the outbox at once.
            only_phone_index: claim only this number's rows (the terminal phone).
            claim_lease: how long a claimed row may stay `sending` before it is taken
                to be a dead dispatcher's and released (for look-up, then sending).
                It must be well above the time one batch takes to send.
        """
        self._ctx = ctx
        self._gateway = gateway
        self._rate = rate
        self._callback = status_callback_url
        default_concurrency, self._batch = sizes(rate.per_second)
        self._slots = asyncio.Semaphore(default_concurrency)
        self._outcomes = OutcomeWriter(ctx)
        self._wake = wake
        self._stopping = False
        self._one_pass = asyncio.Lock()
        self._only = only_phone_index
        self._lease = claim_lease
        self._looping = False
        self._progress_at = time.monotonic()  # the last pass's end, for /readyz

    async def run_once(self) -> int:
        """Claim one batch of due rows, send them, write their outcomes.

        Returns:
            How many rows were claimed.
        """
        claimed = await self._pass()
        await self._outcomes.flush()
        return claimed

    async def _pass(self) -> int:
        """Claim one batch and send it, writing the previous batch's outcomes meanwhile.

        One pass at a time per dispatcher (its loop, or a `drain` called beside it): two
        claims running side by side can split one person's rows between them (PostgreSQL
        locks a claim's rows one by one, skipping those already taken), and then send a
        re-ask and the next question at the same moment, in either order.
        """
        async with self._one_pass:
            return await self._claim_and_send()

    async def _claim_and_send(self) -> int:
        if self._outcomes.holds_a_stop():
            # A stop cancels the person's queue before any claim can take from it.
            await self._outcomes.flush()
        # The previous batch's sends are all over, so its outcomes can be written while
        # the next batch is claimed: on SQLite both then wait once behind a sweep's
        # transaction, not one after the other. A write that fails stays queued.
        writing = asyncio.create_task(self._write_behind())
        try:
            claims = await self._claim()
        finally:
            await writing
        if not claims:
            return 0
        # One person's messages go one after another, in the order they were queued
        # (a re-ask before the next question); different people's go side by side.
        by_person: dict[str, list[outbox.ClaimedSms]] = {}
        for claim in claims:
            by_person.setdefault(claim.to, []).append(claim)
        # Every send of the batch ends before the next claim, even when one fails (the
        # database went away): a send left running could POST after its row was released
        # and claimed again, and be sent twice; and a person's next message is only
        # claimed once their earlier ones have gone.
        stop = asyncio.Event()
        flusher = asyncio.create_task(self._outcomes.keep_flushing(stop))
        renewer = asyncio.create_task(self._keep_claimed(claims, stop))
        try:
            results = await asyncio.gather(
                *(self._send_in_order(group) for group in by_person.values()),
                return_exceptions=True,
            )
        finally:
            stop.set()
            await flusher
            await renewer
        for result in results:
            if isinstance(result, BaseException):
                raise result
        return len(claims)

    async def _claim(self) -> list[outbox.ClaimedSms]:
        now = self._ctx.clock()
        quiet = self._ctx.quiet_hours
        # At night only replies to the person's own message go out; prompts wait (and
        # lapse if their window passes), so nothing non-urgent arrives in quiet hours.
        night = quiet is not None and Window(quiet.start, quiet.end).contains(now)
        async with self._ctx.sessions() as session, session.begin():
            return await outbox.claim_due(
                session,
                self._ctx.keyring,
                now,
                self._batch,
                self._only,
                max_priority=Priority.REPLY if night else None,
                settling=self._outcomes.unsettled_tokens(),
            )

    async def _keep_claimed(self, claims: list[outbox.ClaimedSms], stop: asyncio.Event) -> None:
        """Renew the batch's claim every third of the lease until its sends are over.

        A batch can outlast the lease on a slow or timing-out API; without renewal
        another instance would release its rows as a dead dispatcher's and send them
        again (A-10). Rows already recorded are no longer `sending` and are left alone.
        """
        every = self._lease.total_seconds() / 3
        ids, token = [c.id for c in claims], claims[0].claim_token
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), every)
            if stop.is_set():
                return
            try:
                async with self._ctx.sessions() as session, session.begin():
                    await outbox.renew_claim(session, ids, token, self._ctx.clock())
            except Exception:
                log.warning("outbox claim not renewed; will retry", exc_info=True)

    async def _write_behind(self) -> None:
        try:
            await self._outcomes.flush()
        except Exception:
            log.warning("outbox outcomes not written yet; will retry", exc_info=True)

    async def _send_in_order(self, claims: list[outbox.ClaimedSms]) -> None:
        stopped = False
        for claim in sorted(claims, key=lambda c: c.created_at):
            if stopped:
                # The carrier said this person opted out: the rest of their batch is
                # cancelled like their queue, not sent into certain refusal.
                outcome = Outcome(
                    claim,
                    "cancelled",
                    {"status": OutboxStatus.CANCELLED, "failure_reason": "stopped"},
                )
            else:
                outcome = await self._send(claim)
                stopped = outcome.stops_person
            await self._outcomes.add(outcome)

    @property
    def alive(self) -> bool:
        """True while `run_forever` is looping."""
        return self._looping

    def idle_seconds(self) -> float:
        """Seconds since a pass last ended: large only when a pass is stuck (for /readyz)."""
        return time.monotonic() - self._progress_at

    async def drain(self) -> int:
        """Send batches until nothing is due. Returns how many rows were claimed."""
        total = 0
        try:
            while not self._stopping and (claimed := await self._pass()) > 0:
                self._progress_at = time.monotonic()
                total += claimed
        finally:
            await self._outcomes.flush()
        return total

    async def release_stale(self) -> int:
        """Return rows whose dispatcher died mid-send to the queue; refresh backlog metrics."""
        async with self._ctx.sessions() as session, session.begin():
            released = await outbox.release_stale_claims(session, self._ctx.clock(), self._lease)
            lag = await outbox.oldest_due_age(session, self._ctx.clock())
            backlog = await outbox.due_backlog(session, self._ctx.clock())
        self._ctx.metrics.dispatcher_lag.set(lag)
        for priority in (Priority.SAFETY, Priority.REPLY, Priority.BULK):
            self._ctx.metrics.outbox_backlog.labels(str(priority)).set(backlog.get(priority, 0))
        self._ctx.metrics.expected_delay.set(sum(backlog.values()) / self._rate.per_second)
        if released:
            log.warning("released stale outbox claims", extra={"count": released})
        # Reports kept on any instance whose outcome landed since (see `sending.status`).
        await apply_kept(self._ctx)
        return released

    async def run_forever(self, idle_seconds: float = 1.0) -> None:
        """Loop until `stop()`: drain, then wait for a wake-up or the idle tick."""
        self._looping = True
        try:
            await self._loop(idle_seconds)
        finally:
            self._looping = False

    async def _loop(self, idle_seconds: float) -> None:
        while not self._stopping:
            try:
                await self.drain()
                self._progress_at = time.monotonic()
            except Exception:
                log.exception("dispatcher pass failed; will retry")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), idle_seconds)
            self._wake.clear()
        try:
            await self._outcomes.flush()
        except Exception:
            # Left `sending`: released after the lease and looked up before any resend.
            log.exception("outbox outcomes not written at shutdown")

    def stop(self) -> None:
        """Finish the batch in hand, then leave `run_forever`."""
        self._stopping = True
        self._wake.set()

    async def _send(self, claim: outbox.ClaimedSms) -> Outcome:
        async with self._slots:
            if claim.unconfirmed:
                settled = await self._reconciled(claim)
                if settled is not None:
                    return settled
            now = self._ctx.clock()
            lateness = too_late(claim, now)
            if lateness is not None:
                values = {"status": OutboxStatus.EXPIRED, "failure_reason": lateness}
                return Outcome(claim, "expired", values)
            await self._rate.acquire()
            validity = None
            if claim.valid_until is not None:
                validity = int((claim.valid_until - now).total_seconds())
            sms = OutboundSms(claim.to, claim.body, self._callback, validity)
            try:
                receipt = await self._gateway.send(sms)
            except TransientSendError as error:
                return self._retry(claim, error, unconfirmed=error.outcome_unknown)
            except PermanentSendError as error:
                return self._fail(claim, error)
            return self._sent(claim, receipt, "sent")

    async def _reconciled(self, claim: outbox.ClaimedSms) -> Outcome | None:
        """Ask the carrier whether an earlier send of `claim` got through.

        Returns:
            The outcome if the row is settled without sending: found and recorded as
            sent, or put back for later because the carrier could not be asked.
        """
        try:
            found = await self._look_up(claim)
        except TransientSendError as error:
            return self._retry(claim, error, unconfirmed=True)
        if found is None:
            return None
        return self._sent(claim, found, "reconciled")

    async def _look_up(self, claim: outbox.ClaimedSms) -> SendReceipt | None:
        """The carrier's record of this row's message, if an earlier send reached it."""
        since = claim.created_at - LOOKUP_SKEW
        # Sids not yet written count as taken too; read them before the database, so a
        # sid committed in between is in one set or the other.
        unsettled = self._outcomes.unsettled_sids()
        async with self._ctx.sessions() as session, session.begin():
            taken = await outbox.recorded_sids(session, claim.phone_index, since)
        try:
            return await self._gateway.find_sent(claim.to, claim.body, since, taken | unsettled)
        except PermanentSendError as error:
            # A duplicate is less harm than a message never sent (H-09 against H-10).
            log.warning(
                "outbox look-up refused; sending without it",
                extra={"outbox_id": claim.id, "code": error.code},
            )
            return None

    def _sent(self, claim: outbox.ClaimedSms, receipt: SendReceipt, label: str) -> Outcome:
        values = {
            "status": OutboxStatus.SENT,
            "twilio_sid": receipt.sid,
            "delivery_status": receipt.status,
            "attempts": claim.attempts + 1,
            "failure_reason": None,
            "sent_at": self._ctx.clock(),
        }
        return Outcome(claim, label, values)

    def _retry(
        self, claim: outbox.ClaimedSms, error: TransientSendError, *, unconfirmed: bool
    ) -> Outcome:
        attempts = claim.attempts + 1
        if attempts >= MAX_ATTEMPTS:
            values: dict[str, object] = {
                "status": OutboxStatus.FAILED,
                "attempts": attempts,
                "error_code": error.code,
                "failure_reason": "retries_exhausted",
            }
            return Outcome(claim, "gave_up", values)
        delay = backoff(attempts)
        if error.retry_after is not None:
            delay = max(delay, timedelta(seconds=error.retry_after))
        values = {
            "status": OutboxStatus.PENDING,
            "attempts": attempts,
            "error_code": error.code,
            "failure_reason": outbox.UNCONFIRMED if unconfirmed else None,
            "claim_token": None,
            "claimed_at": None,
            "not_before": self._ctx.clock() + delay,
        }
        return Outcome(claim, "retry", values)

    def _fail(self, claim: outbox.ClaimedSms, error: PermanentSendError) -> Outcome:
        values = {
            "status": OutboxStatus.FAILED,
            "attempts": claim.attempts + 1,
            "error_code": error.code,
            "failure_reason": error.reason,
        }
        return Outcome(claim, "failed", values, permanent=True, permanent_code=error.code)


def too_late(claim: outbox.ClaimedSms, now: datetime) -> str | None:
    """Why `claim` must not be sent any more ("expired", "max_age"), or None if it may be."""
    if claim.valid_until is not None and now > claim.valid_until:
        return "expired"
    if now > claim.created_at + MAX_AGE:
        return "max_age"
    return None

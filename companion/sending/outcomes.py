"""Send outcomes, written to the outbox a batch at a time instead of a transaction each.

A send's outcome waits here for at most `FLUSH_SECONDS` (or until `FLUSH_EVERY` have
gathered) before one transaction records them all. If the process dies first, the row
stays `sending`: after the claim lease it is released as unconfirmed and looked up at
the carrier before any resend (docs/RELIABILITY.md), exactly as for a death between
the carrier's answer and a single write. So the wait only widens that window a little.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from companion.context import ServiceContext
from companion.db import outbox
from companion.db.models import Person
from companion.db.states import PersonStatus
from companion.sending.status import apply_kept_in

log = logging.getLogger(__name__)

FLUSH_EVERY = 64
FLUSH_SECONDS = 0.1
OPTED_OUT = 21610


@dataclass(frozen=True)
class Outcome:
    """What became of one claimed row, and the column values that record it.

    `label` is the metric outcome (sent, reconciled, retry, gave_up, expired, failed,
    cancelled). `permanent_code` is set for a permanent send failure: it marks the
    person unreachable, and a carrier opt-out (21610) stops them.
    """

    claim: outbox.ClaimedSms
    label: str
    values: Mapping[str, object] = field(default_factory=dict)
    permanent: bool = False
    permanent_code: int | None = None

    @property
    def sid(self) -> str | None:
        """The carrier's message sid this outcome records, if any."""
        sid = self.values.get("twilio_sid")
        return sid if isinstance(sid, str) else None

    @property
    def stops_person(self) -> bool:
        """True when the carrier says the person opted out: send them nothing more."""
        return self.permanent and self.permanent_code == OPTED_OUT


class OutcomeWriter:
    """Collects outcomes and writes them in one transaction per flush."""

    def __init__(
        self, ctx: ServiceContext, every: int = FLUSH_EVERY, seconds: float = FLUSH_SECONDS
    ) -> None:
        self._ctx = ctx
        self._every = every
        self._seconds = seconds
        self._queued: list[Outcome] = []
        self._writing: list[Outcome] = []
        self._lock = asyncio.Lock()

    def unsettled_sids(self) -> set[str]:
        """Sids of outcomes not yet committed: a look-up must not claim them either."""
        return {sid for o in (*self._queued, *self._writing) if (sid := o.sid) is not None}

    def unsettled_tokens(self) -> set[str]:
        """The claim tokens of outcomes not yet written: those rows still read `sending`."""
        return {o.claim.claim_token for o in (*self._queued, *self._writing)}

    def holds_a_stop(self) -> bool:
        """True if a queued outcome stops a person (its write cancels their queue)."""
        return any(o.stops_person for o in (*self._queued, *self._writing))

    async def add(self, outcome: Outcome) -> None:
        """Queue `outcome`; write the queue now if it is full and no write is running."""
        self._queued.append(outcome)
        if len(self._queued) >= self._every and not self._lock.locked():
            await self.flush()

    async def keep_flushing(self, stop: asyncio.Event) -> None:
        """Until `stop` is set, write what is queued every `seconds`.

        A failed write is logged and its outcomes kept for the next flush.
        """
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), self._seconds)
            if self._queued and not stop.is_set() and not self._lock.locked():
                try:
                    await self.flush()
                except Exception:
                    log.warning("outbox outcomes not written yet; will retry", exc_info=True)

    async def flush(self) -> None:
        """Write every queued outcome in one transaction (after any write under way).

        Raises:
            Whatever the database raised; the outcomes stay queued for the next flush.
        """
        async with self._lock:
            if not self._queued:
                return
            self._writing, self._queued = self._queued, []
            try:
                held = await self._write(self._writing)
            except BaseException:
                self._queued = self._writing + self._queued
                raise
            finally:
                written, self._writing = self._writing, []
        self._report(written, held)

    async def _write(self, outcomes: Sequence[Outcome]) -> set[str]:
        now = self._ctx.clock()
        finished = [outbox.Finished(o.claim.id, o.claim.claim_token, o.values) for o in outcomes]
        async with self._ctx.sessions() as session, session.begin():
            held = await outbox.finish_many(session, finished, now)
            # Delivery reports that overtook these sends, kept by any instance.
            sids = [sid for o in outcomes if o.claim.id in held and (sid := o.sid) is not None]
            applied = await apply_kept_in(session, now, sids)
            for outcome in outcomes:
                if outcome.permanent and outcome.claim.person_id is not None:
                    await _mark_unreachable(session, outcome.claim.person_id, outcome, now)
        for status in applied:
            self._ctx.metrics.delivery.labels(status).inc()
        return held

    def _report(self, outcomes: Sequence[Outcome], held: set[str]) -> None:
        for outcome in outcomes:
            self._ctx.metrics.outbound.labels(outcome.label).inc()
            claim_held = outcome.claim.id in held
            if outcome.label == "failed":
                log.warning(
                    "outbox message failed",
                    extra={"outbox_id": outcome.claim.id, "code": outcome.permanent_code},
                )
            log.info(
                "outbox message %s",
                outcome.label,
                extra={"outbox_id": outcome.claim.id, "claim_held": claim_held},
            )


async def _mark_unreachable(
    session: AsyncSession, person_id: str, outcome: Outcome, now: datetime
) -> None:
    """A carrier opt-out (21610) stops the person; other permanent errors are noted."""
    person = await session.get(Person, person_id)
    if person is None:
        return
    person.unreachable_code = outcome.permanent_code
    if outcome.stops_person and person.status != PersonStatus.STOPPED:
        person.status = PersonStatus.STOPPED
        person.stopped_at = person.updated_at = now
        await outbox.cancel_pending_for(session, person_id, now)

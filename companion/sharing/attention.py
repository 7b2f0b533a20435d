"""The caseload in order of attention: facts from each person's sealed summaries, triaged.

The facts come only from the summaries sealed to this coordinator (what each person
chose to share), opened with the private key the logged-in session holds: the week so
far (remade first if older than `FRESH_FOR`, so nothing waits for the weekly job) and
the week before. The order and its reasons come from the pure `engine.triage`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Final

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy.ext.asyncio import AsyncSession

from companion.context import ServiceContext
from companion.engine.summary import ReferenceRanges, iso_week, summary_week
from companion.engine.triage import CaseFacts, TriagedRow, triage
from companion.sharing.caseload import SharingPerson, active_consent, open_summaries, sharing_people
from companion.sharing.summaries import refresh_week_so_far

FRESH_FOR: Final = timedelta(minutes=5)
SOMEONE_ELSE: Final = "someone_else"


@dataclass(frozen=True)
class CaseRow:
    """One person in the triaged caseload, with what the page shows about them.

    Attributes:
        person: Who they are (name or number ending) and what they share.
        triaged: Their reasons, most urgent first.
        discuss: Worth-discussing items, this week so far first; each with "so_far".
        latest_crisis_at: When their latest shared crisis text was sent (ISO, UTC).
        as_of: When the week-so-far summary was made, if there is one.
    """

    person: SharingPerson
    triaged: TriagedRow
    discuss: tuple[dict[str, Any], ...]
    latest_crisis_at: str | None
    as_of: str | None


@dataclass(frozen=True)
class Settings:
    """What the triage needs besides the database: ranges, the no-reply days, the key."""

    ranges: ReferenceRanges
    no_reply_days: int
    private_key: X25519PrivateKey


async def triaged_caseload(
    ctx: ServiceContext, session: AsyncSession, coordinator_id: str, settings: Settings
) -> list[CaseRow]:
    """Everyone sharing with this coordinator, those needing attention first."""
    now = ctx.clock()
    people = await sharing_people(session, ctx.keyring, coordinator_id)
    ids = sorted(person.consent_id for person in people)
    await refresh_week_so_far(ctx, session, ids, settings.ranges, FRESH_FOR)
    this_week = summary_week(now)
    weeks = (iso_week(this_week), iso_week(this_week - timedelta(days=7)))
    consents = [
        consent
        for person in people
        if (consent := await active_consent(session, coordinator_id, person.consent_id))
    ]
    opened = await open_summaries(session, consents, weeks, settings.private_key)
    rows: list[tuple[CaseFacts, SharingPerson, _Read]] = []
    shown = {consent.id for consent in consents}
    for person in people:
        mine = person.consent_id
        read = _Read(opened.get((mine, weeks[0])), opened.get((mine, weeks[1])))
        rows += [(_facts(person, read), person, read)] if mine in shown else []
    by_consent = {facts.consent_id: (person, read) for facts, person, read in rows}
    ordered = triage([facts for facts, _, _ in rows], now, settings.no_reply_days)
    return [_case_row(row, *by_consent[row.facts.consent_id]) for row in ordered]


@dataclass(frozen=True)
class _Read:
    """The week so far and the week before, opened (None where missing or unreadable)."""

    so_far: Mapping[str, Any] | None
    before: Mapping[str, Any] | None

    @property
    def summaries(self) -> list[Mapping[str, Any]]:
        return [s for s in (self.so_far, self.before) if s is not None]


def _facts(person: SharingPerson, read: _Read) -> CaseFacts:
    since = person.given_at
    crises = [
        at
        for at in _crisis_times(read.summaries)
        if since is None or datetime.fromisoformat(at) >= since
    ]
    replies = [s.get("last_reply_at") for s in read.summaries]
    last = max((datetime.fromisoformat(at) for at in replies if isinstance(at, str)), default=None)
    return CaseFacts(
        consent_id=person.consent_id,
        label=person.name or person.phone_ending,
        sharing_since=person.given_at,
        last_reply_at=last,
        crisis_texts=len(crises),
        worth_discussing=len(_discuss(read)),
        # TALK (issue 16, item 1) plugs in here: count this consent's open requests and
        # pass talk_requests_open=...; the ranking and the row's words are already there.
    )


def _case_row(row: TriagedRow, person: SharingPerson, read: _Read) -> CaseRow:
    crises = sorted(_crisis_times(read.summaries))
    as_of = read.so_far.get("generated_at") if read.so_far else None
    return CaseRow(
        person=person,
        triaged=row,
        discuss=_discuss(read),
        latest_crisis_at=crises[-1] if row.facts.crisis_texts and crises else None,
        as_of=as_of if isinstance(as_of, str) else None,
    )


def _crisis_times(summaries: Iterable[Mapping[str, Any]]) -> list[str]:
    """When each shared crisis text of their own was sent (not words about someone else)."""
    return [
        str(event["at"])
        for summary in summaries
        for event in summary.get("safety_events") or []
        if event.get("category") != SOMEONE_ELSE
    ]


def _discuss(read: _Read) -> tuple[dict[str, Any], ...]:
    """Worth-discussing items of both weeks, this week's first; one that repeats is one."""
    seen: set[str] = set()
    found: list[dict[str, Any]] = []
    for summary, so_far in ((read.so_far, True), (read.before, False)):
        for item in (summary or {}).get("worth_discussing") or []:
            same = json.dumps(item, sort_keys=True)
            if same not in seen:
                seen.add(same)
                found.append({**item, "so_far": so_far})
    return tuple(found)

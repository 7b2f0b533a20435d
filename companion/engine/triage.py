"""Triage of a coordinator's caseload: who needs attention first, and why.

Pure: facts about each person (already limited to what they consented to share) in,
rows ordered by what needs attention out, each with its reasons as codes. The portal's
templates hold the words. Reasons rank in the order of :class:`TriageReason`:

1. an open request to be contacted (TALK; counted by the TALK feature, 0 until then),
2. crisis texts they chose to share, sent in the recent weeks read,
3. things worth discussing (a reading above a reference range, a side effect to raise),
4. no reply for `no_reply_days` days or more (a setting, COMPANION_NO_REPLY_DAYS),

then everyone else. Within a reason, more of it (or a longer silence) comes first,
then names in alphabetical order, so the list is stable from one visit to the next.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class TriageReason(StrEnum):
    """Why someone is near the top of the caseload, most urgent first."""

    TALK = "talk"
    CRISIS = "crisis"
    WORTH_DISCUSSING = "worth_discussing"
    NO_REPLY = "no_reply"


_RANK = {reason: place for place, reason in enumerate(TriageReason)}


@dataclass(frozen=True)
class CaseFacts:
    """What is known about one person sharing with the coordinator.

    Attributes:
        consent_id: Their consent (the row's identity).
        label: How they are sorted alphabetically (their name, else their number ending).
        sharing_since: When sharing began.
        last_reply_at: Their latest answer to anything they share, if any in the weeks read.
        crisis_texts: Crisis texts shared, sent since sharing began in the weeks read.
        worth_discussing: Items worth discussing this week so far and last week.
        talk_requests_open: Open requests to be contacted (the TALK feature fills this in).
    """

    consent_id: str
    label: str
    sharing_since: datetime | None
    last_reply_at: datetime | None
    crisis_texts: int = 0
    worth_discussing: int = 0
    talk_requests_open: int = 0


@dataclass(frozen=True)
class Reason:
    """One reason with its size: how many (requests, texts, items) or days without a reply."""

    code: TriageReason
    count: int


@dataclass(frozen=True)
class TriagedRow:
    """A person's place in the caseload, with every reason that applies, most urgent first."""

    facts: CaseFacts
    reasons: tuple[Reason, ...]
    days_since_reply: int | None

    @property
    def needs_attention(self) -> bool:
        """True when any reason applies."""
        return bool(self.reasons)


def triage(facts: Sequence[CaseFacts], now: datetime, no_reply_days: int) -> list[TriagedRow]:
    """Order the caseload: those needing attention first, each with its reasons.

    Raises:
        ValueError: `no_reply_days` is not at least 1.
    """
    if no_reply_days < 1:
        raise ValueError(f"no_reply_days must be at least 1, got {no_reply_days}")
    rows = [_row(item, now, no_reply_days) for item in facts]
    return sorted(rows, key=_order)


def _row(facts: CaseFacts, now: datetime, no_reply_days: int) -> TriagedRow:
    silent_since = facts.last_reply_at or facts.sharing_since
    days = None if silent_since is None else max((now - silent_since).days, 0)
    candidates = (
        (TriageReason.TALK, facts.talk_requests_open),
        (TriageReason.CRISIS, facts.crisis_texts),
        (TriageReason.WORTH_DISCUSSING, facts.worth_discussing),
        (TriageReason.NO_REPLY, days if days is not None and days >= no_reply_days else 0),
    )
    reasons = tuple(Reason(code, count) for code, count in candidates if count > 0)
    since_reply = None if facts.last_reply_at is None else days
    return TriagedRow(facts, reasons, since_reply)


def _order(row: TriagedRow) -> tuple[int, int, str, str]:
    if not row.reasons:
        return len(_RANK), 0, row.facts.label.casefold(), row.facts.consent_id
    first = row.reasons[0]
    return _RANK[first.code], -first.count, row.facts.label.casefold(), row.facts.consent_id

"""Caseload triage: who comes first and why, from facts alone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from companion.engine.triage import CaseFacts, Reason, TriageReason, triage

NOW = datetime(2026, 12, 3, 15, 0, tzinfo=UTC)
LONG_AGO = NOW - timedelta(days=60)


def facts(label: str, replied_days_ago: float | None = 1, **counts: int) -> CaseFacts:
    """Someone sharing for 60 days who last replied `replied_days_ago` days ago."""
    replied = None if replied_days_ago is None else NOW - timedelta(days=replied_days_ago)
    return CaseFacts(f"c-{label}", label, LONG_AGO, replied, **counts)


def test_talk_then_crisis_then_flags_then_silence_then_everyone_else() -> None:
    """Each reason outranks the next whatever its size; the rest follow by name."""
    rows = triage(
        [
            facts("zoe"),
            facts("quiet", replied_days_ago=30),
            facts("flags", worth_discussing=5),
            facts("crisis", crisis_texts=1),
            facts("talk", talk_requests_open=1),
            facts("amy"),
        ],
        NOW,
        no_reply_days=7,
    )
    assert [row.facts.label for row in rows] == ["talk", "crisis", "flags", "quiet", "amy", "zoe"]
    assert [row.needs_attention for row in rows] == [True] * 4 + [False] * 2


def test_every_reason_that_applies_is_given_most_urgent_first() -> None:
    """A person with crisis texts and flags who has gone quiet shows all three reasons."""
    (row,) = triage([facts("a", 10, crisis_texts=2, worth_discussing=1)], NOW, no_reply_days=7)
    assert row.reasons == (
        Reason(TriageReason.CRISIS, 2),
        Reason(TriageReason.WORTH_DISCUSSING, 1),
        Reason(TriageReason.NO_REPLY, 10),
    )
    assert row.days_since_reply == 10


def test_within_a_reason_more_comes_first_then_names() -> None:
    """Two crisis texts before one; the longest silence first; ties alphabetical."""
    rows = triage(
        [facts("b", crisis_texts=1), facts("a", crisis_texts=1), facts("c", crisis_texts=2)],
        NOW,
        no_reply_days=7,
    )
    assert [row.facts.label for row in rows] == ["c", "a", "b"]
    quiet = triage([facts("x", 8), facts("y", 20)], NOW, no_reply_days=7)
    assert [row.facts.label for row in quiet] == ["y", "x"]


def test_no_reply_counts_from_sharing_when_they_never_replied() -> None:
    """Never replied since sharing began 60 days ago: 60 days, with no last-reply age."""
    (row,) = triage([facts("n", replied_days_ago=None)], NOW, no_reply_days=7)
    assert row.reasons == (Reason(TriageReason.NO_REPLY, 60),)
    assert row.days_since_reply is None


def test_silence_shorter_than_the_setting_is_not_a_reason() -> None:
    """Six days without a reply, with the setting at seven, is nothing to flag."""
    (row,) = triage([facts("s", replied_days_ago=6.9)], NOW, no_reply_days=7)
    assert row.reasons == ()
    with pytest.raises(ValueError, match="at least 1"):
        triage([], NOW, no_reply_days=0)

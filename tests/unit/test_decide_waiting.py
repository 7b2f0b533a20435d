"""Questions waiting outside a flow: the one asked last takes the person's yes or no."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from companion.db.states import PersonStatus
from companion.engine.decide import (
    AnswerNote,
    AnswerShare,
    AnswerSupporterShare,
    Situation,
    Text,
    decide,
)

ACTIVE = Situation(status=PersonStatus.ACTIVE, has_accepted_terms=True)
EARLIER = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
LATER = EARLIER + timedelta(minutes=5)


def test_a_yes_answers_the_care_note_asked_after_the_share_question() -> None:
    """Share asked at 9:00, a care note at 9:05: "yes" adds the note, shares nothing."""
    waiting = replace(ACTIVE, share_asked_at=EARLIER, note_asked_at=LATER)
    assert decide(waiting, Text("yes")).action == AnswerNote(yes=True)


def test_a_yes_answers_the_share_question_asked_after_the_care_note() -> None:
    """The other way round, the same "yes" answers the share question."""
    waiting = replace(ACTIVE, note_asked_at=EARLIER, share_asked_at=LATER)
    assert isinstance(decide(waiting, Text("yes")).action, AnswerShare)


def test_a_no_goes_to_the_supporter_question_only_when_it_was_asked_last() -> None:
    """A supporter's "share sleep with Sam?" takes the reply only if nothing came after it."""
    last = replace(ACTIVE, note_asked_at=EARLIER, supporter_share_asked_at=LATER)
    assert decide(last, Text("no")).action == AnswerSupporterShare(yes=False)
    first = replace(ACTIVE, supporter_share_asked_at=EARLIER, note_asked_at=LATER)
    assert decide(first, Text("no")).action == AnswerNote(yes=False)

"""TALK in the one decision: recorded for an active person, after crisis signposting, never else."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from companion.db.states import PersonStatus
from companion.engine.decide import AskToTalk, OpenQuestion, Situation, Text, decide
from companion.engine.flowspec import load_flows

ACTIVE = Situation(status=PersonStatus.ACTIVE, has_accepted_terms=True)
NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "text",
    ["TALK", "talk please", "can someone call me", "I'd like to speak to my care coordinator",
     "ROZMOWA", "czy ktoś może do mnie zadzwonić", "zadzwońcie do mnie"],
)  # fmt: skip
def test_talk_and_own_words_asking_for_a_person_ask_to_talk(text: str) -> None:
    """The keyword and own words (English and Polish) become one TALK request."""
    assert decide(ACTIVE, Text(text)).action == AskToTalk()


def test_talk_is_taken_even_with_a_question_open_which_stays_open() -> None:
    """Mid check-in, "can someone call me" is a request, not an unreadable answer."""
    step = load_flows()["checkin"].steps["sleep"]
    asking = Situation(PersonStatus.ACTIVE, True, question=OpenQuestion(step, NOW))
    assert decide(asking, Text("can someone call me")).action == AskToTalk()


def test_crisis_language_wins_and_the_call_request_is_recorded_after_it() -> None:
    """Signposting is the reply; the request rides along, marked as asked in a crisis text."""
    decision = decide(ACTIVE, Text("I want to kill myself, please call me"))
    assert [say.message_id for say in decision.replies] == ["crisis"]
    assert decision.safety is not None
    assert decision.action == AskToTalk(with_crisis=True)


@pytest.mark.parametrize(
    "status", [PersonStatus.STOPPED, PersonStatus.PENDING, PersonStatus.INVITED, None]
)
def test_nobody_but_an_active_person_makes_a_request(status: PersonStatus | None) -> None:
    """After STOP, before YES, or from a stranger: crisis help still, but no request."""
    sender = Situation(status=status, has_accepted_terms=status is PersonStatus.STOPPED)
    assert not isinstance(decide(sender, Text("TALK")).action, AskToTalk)
    crisis = decide(sender, Text("I want to kill myself, please call me"))
    assert [say.message_id for say in crisis.replies] == ["crisis"]
    assert crisis.action is None

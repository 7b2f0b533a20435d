"""The one decision per text: what each message does in each state, in one order."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from companion.db.states import PersonStatus
from companion.engine.commands import CommandName
from companion.engine.decide import (
    AnswerQuestion,
    AnswerShare,
    Decision,
    OpenQuestion,
    RunCommand,
    Situation,
    Text,
    Understand,
    decide,
)
from companion.engine.flowspec import load_flows

STRANGER = Situation(status=None)
PENDING = Situation(status=PersonStatus.PENDING)
INVITED = Situation(status=PersonStatus.INVITED)
ACTIVE = Situation(status=PersonStatus.ACTIVE, has_accepted_terms=True)
STOPPED_AFTER_YES = Situation(status=PersonStatus.STOPPED, has_accepted_terms=True)
STOPPED_BEFORE_YES = Situation(status=PersonStatus.STOPPED)
DECLINED = Situation(status=PersonStatus.DECLINED)
NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
FLOWS = load_flows()


def asking(flow_id: str, step: str, asked_at: datetime = NOW) -> Situation:
    """An active person whose open conversation waits on `step` of `flow_id`."""
    question = OpenQuestion(FLOWS[flow_id].steps[step], asked_at)
    return Situation(PersonStatus.ACTIVE, has_accepted_terms=True, question=question)


def run(sender: Situation, text: str) -> Decision:
    return decide(sender, Text(text))


def ids(outcome: Decision) -> list[str]:
    return [reply.message_id for reply in outcome.replies]


@pytest.mark.parametrize(
    ("sender", "text", "status", "replies"),
    [
        (STRANGER, "JOIN", PersonStatus.PENDING, ["welcome"]),
        (STRANGER, "hello", None, ["stranger"]),
        (STRANGER, "STOP", None, []),
        (STRANGER, "HELP", None, ["help"]),
        (PENDING, "yes", PersonStatus.ACTIVE, ["activated"]),
        (PENDING, "Yep", PersonStatus.ACTIVE, ["activated"]),
        (PENDING, "no thanks", PersonStatus.DECLINED, ["declined"]),
        (PENDING, "what is this?", PersonStatus.PENDING, ["before-joining-who", "confirm-reask"]),
        (PENDING, "maybe later", PersonStatus.PENDING, ["confirm-reask"]),
        (PENDING, "JOIN", PersonStatus.PENDING, ["welcome"]),
        (INVITED, "YES", PersonStatus.ACTIVE, ["activated"]),
        (INVITED, "stop", PersonStatus.STOPPED, []),
        (ACTIVE, "JOIN", PersonStatus.ACTIVE, ["already-active"]),
        (ACTIVE, "STOP", PersonStatus.STOPPED, []),
        (ACTIVE, "help", PersonStatus.ACTIVE, ["help"]),
        (STOPPED_AFTER_YES, "hello", PersonStatus.STOPPED, []),
        (STOPPED_AFTER_YES, "yes", PersonStatus.STOPPED, []),
        (STOPPED_AFTER_YES, "START", PersonStatus.ACTIVE, ["welcome-back"]),
        (STOPPED_BEFORE_YES, "START", PersonStatus.PENDING, ["welcome"]),
        (STOPPED_AFTER_YES, "help", PersonStatus.STOPPED, ["help"]),
        (DECLINED, "JOIN", PersonStatus.PENDING, ["welcome"]),
    ],
)
def test_state_table(
    sender: Situation, text: str, status: PersonStatus | None, replies: list[str]
) -> None:
    """Each (state, message) pair leads to the agreed status and replies."""
    outcome = run(sender, text)
    assert (outcome.status, ids(outcome)) == (status, replies)


def test_active_persons_ordinary_message_goes_to_their_conversation() -> None:
    """An active person's answer goes to the open question; STOP, crisis and a pending
    person's text never do."""
    sleeping = asking("checkin", "sleep")
    assert isinstance(run(sleeping, "7 hours").action, AnswerQuestion)
    assert run(sleeping, "STOP").action is None
    assert run(sleeping, "I want to end my life").action is None
    assert run(PENDING, "7 hours").action is None


def test_stop_cancels_what_is_queued() -> None:
    """STOP asks for every pending message to the person to be cancelled."""
    assert run(ACTIVE, "STOP").stops


def test_only_yes_accepts_the_terms() -> None:
    """Terms are accepted by YES to the welcome, never by anything else."""
    assert run(PENDING, "YES").accepts_terms
    assert not run(PENDING, "maybe").accepts_terms
    assert not run(STRANGER, "JOIN").accepts_terms


def test_crisis_comes_before_the_flow() -> None:
    """Crisis language while pending gets the crisis reply and a safety record."""
    outcome = run(PENDING, "I want to end it all")
    assert ids(outcome) == ["crisis"]
    assert outcome.safety is not None
    assert outcome.status is PersonStatus.PENDING


def test_negated_crisis_gets_the_gentle_check() -> None:
    """'I'm not going to hurt myself' still gets a gentle check with the numbers."""
    outcome = run(ACTIVE, "I'm not going to hurt myself")
    assert ids(outcome) == ["crisis-gentle"]
    assert outcome.safety is not None


def test_stranger_already_told_today_gets_nothing() -> None:
    """The JOIN hint goes to an unknown number at most once a day."""
    outcome = run(Situation(status=None, told_how_to_join_today=True), "hi")
    assert ids(outcome) == []
    assert not outcome.tells_how_to_join


def test_stopped_person_in_crisis_is_signposted_and_stays_stopped() -> None:
    """STOP silences everything but signposting: a crisis text written after it is
    answered (like HELP), and the person stays stopped."""
    outcome = run(STOPPED_AFTER_YES, "i want to kill myself")
    assert ids(outcome) == ["crisis"]
    assert outcome.status is PersonStatus.STOPPED
    assert ids(run(STOPPED_AFTER_YES, "how are you")) == []


def test_an_exact_command_wins_over_the_open_question() -> None:
    """'PAUSE 2' while the sleep question is open pauses; it is not 2 hours of sleep."""
    action = run(asking("checkin", "sleep"), "PAUSE 2").action
    assert isinstance(action, RunCommand)
    assert action.command.name is CommandName.PAUSE


def test_answer_words_go_to_the_open_question_first() -> None:
    """'goal done' answers the weekly goal review; it does not set a goal called 'done'."""
    action = run(asking("goal-review", "review"), "goal done").action
    assert isinstance(action, AnswerQuestion)


def test_a_waiting_share_question_takes_yes() -> None:
    """YES to a waiting share question records consent, with everything shared."""
    waiting = Situation(PersonStatus.ACTIVE, True, share_asked_at=NOW)
    action = run(waiting, "yes").action
    assert isinstance(action, AnswerShare)
    assert action.answer.yes
    assert ids(run(waiting, "maybe")) == ["share-reask"]


def test_a_no_after_a_later_question_answers_that_question() -> None:
    """A check-in asked after the share question takes a bare 'no': sharing is unchanged."""
    later = asking("checkin", "smoking", NOW + timedelta(minutes=5))
    situation = Situation(PersonStatus.ACTIVE, True, question=later.question, share_asked_at=NOW)
    action = run(situation, "no").action
    assert isinstance(action, AnswerQuestion)


def test_delete_confirms_erasure_through_the_flows_declared_effect() -> None:
    """DELETE to the delete-me question sets off erasure; KEEP does not."""
    confirming = asking("delete-me", "confirm")
    delete = run(confirming, "DELETE").action
    keep = run(confirming, "keep").action
    assert isinstance(delete, AnswerQuestion)
    assert delete.erase
    assert isinstance(keep, AnswerQuestion)
    assert not keep.erase


def test_an_active_persons_own_words_with_nothing_open_are_understood() -> None:
    """With no question open and no command, the words go to understanding, not a canned line."""
    decision = run(ACTIVE, "slept ok")
    assert decision.replies == ()
    assert isinstance(decision.action, Understand)

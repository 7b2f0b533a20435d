"""The pure enrolment core: what each message does in each state."""

from __future__ import annotations

import pytest

from companion.db.states import PersonStatus
from companion.engine.enrolment import Outcome, Sender, respond

STRANGER = Sender(status=None)
PENDING = Sender(status=PersonStatus.PENDING)
INVITED = Sender(status=PersonStatus.INVITED)
ACTIVE = Sender(status=PersonStatus.ACTIVE, has_accepted_terms=True)
STOPPED_AFTER_YES = Sender(status=PersonStatus.STOPPED, has_accepted_terms=True)
STOPPED_BEFORE_YES = Sender(status=PersonStatus.STOPPED)
DECLINED = Sender(status=PersonStatus.DECLINED)


def run(sender: Sender, text: str) -> Outcome:
    return respond(sender, text)


def ids(outcome: Outcome) -> list[str]:
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
        (PENDING, "what is this?", PersonStatus.PENDING, ["confirm-reask"]),
        (PENDING, "JOIN", PersonStatus.PENDING, ["welcome"]),
        (INVITED, "YES", PersonStatus.ACTIVE, ["activated"]),
        (INVITED, "stop", PersonStatus.STOPPED, []),
        (ACTIVE, "JOIN", PersonStatus.ACTIVE, ["already-active"]),
        (ACTIVE, "STOP", PersonStatus.STOPPED, []),
        (ACTIVE, "help", PersonStatus.ACTIVE, ["help"]),
        (ACTIVE, "slept ok", PersonStatus.ACTIVE, []),
        (STOPPED_AFTER_YES, "hello", PersonStatus.STOPPED, []),
        (STOPPED_AFTER_YES, "yes", PersonStatus.STOPPED, []),
        (STOPPED_AFTER_YES, "START", PersonStatus.ACTIVE, ["welcome-back"]),
        (STOPPED_BEFORE_YES, "START", PersonStatus.PENDING, ["welcome"]),
        (STOPPED_AFTER_YES, "help", PersonStatus.STOPPED, ["help"]),
        (DECLINED, "JOIN", PersonStatus.PENDING, ["welcome"]),
    ],
)
def test_state_table(
    sender: Sender, text: str, status: PersonStatus | None, replies: list[str]
) -> None:
    """Each (state, message) pair leads to the agreed status and replies."""
    outcome = run(sender, text)
    assert (outcome.status, ids(outcome)) == (status, replies)


def test_active_persons_ordinary_message_goes_to_their_conversation() -> None:
    """An active person's plain message is handed on to flows and commands, not answered here."""
    assert run(ACTIVE, "7 hours").converse
    assert not run(ACTIVE, "STOP").converse
    assert not run(ACTIVE, "I want to end my life").converse
    assert not run(PENDING, "7 hours").converse


def test_stop_cancels_what_is_queued() -> None:
    """STOP asks for every pending message to the person to be cancelled."""
    assert run(ACTIVE, "STOP").cancel_pending


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
    outcome = run(Sender(status=None, told_how_to_join_today=True), "hi")
    assert ids(outcome) == []
    assert not outcome.tells_how_to_join


def test_stopped_person_in_crisis_is_signposted_and_stays_stopped() -> None:
    """STOP silences everything but signposting: a crisis text written after it is
    answered (like HELP), and the person stays stopped."""
    outcome = run(STOPPED_AFTER_YES, "i want to kill myself")
    assert ids(outcome) == ["crisis"]
    assert outcome.status is PersonStatus.STOPPED
    assert ids(run(STOPPED_AFTER_YES, "how are you")) == []

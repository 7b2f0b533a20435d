"""The pure flow runner: what each reply does to a conversation, what is saved and said."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from companion.engine.flowspec import Flow, parse_flow
from companion.engine.runner import (
    MOVING_ON,
    Answer,
    Conversation,
    Ending,
    Say,
    Turn,
    check_expiry,
    expire,
    is_skip,
    reply,
    start,
)

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

FIXED = parse_flow(
    """
id = "fixed"
start = "hello"
end = "bye"
closing = "encouragement"
expires_after_minutes = 60

[steps.hello]
say = "say-hello"
next = "intro"

[steps.intro]
say = "say-intro"
next = "smokes"

[steps.smokes]
ask = "ask-smokes"
answer = "yes_no"
save = "smokes"
branch = { yes = "cigarettes" }
next = "sleep"

[steps.cigarettes]
ask = "ask-cigarettes"
answer = "cigarettes"
save = "cigarettes"
next = "end"
timeout_minutes = 10

[steps.sleep]
ask = "ask-sleep"
answer = "hours"
save = "sleep_hours"
retries = 1
next = "thanks"

[steps.thanks]
say = "say-thanks"
next = "end"
""",
    "test.toml",
)

PLANNED = parse_flow(
    """
id = "planned"
planned = true

[steps.sleep]
topic = "sleep"
ask = "ask-sleep"
answer = "hours"
save = "sleep_hours"

[steps.energy]
topic = "energy"
ask = "ask-energy"
answer = "score10"
save = "energy"

[steps.pain]
topic = "pain"
ask = "ask-pain"
answer = "score10"
reask = "reask-pain"
""",
    "planned.toml",
)

SIDE = parse_flow(
    """
id = "side"
start = "dizzy"

[steps.dizzy]
ask = "ask-dizzy"
answer = "scale012"
save = "side.dizzy"
branch = { 1 = "bother", 2 = "end" }
next = "dry"

[steps.bother]
ask = "ask-bother"
answer = "yes_no"
save = "side.dizzy.bothering"
next = "dry"

[steps.dry]
ask = "ask-dry"
answer = "scale012"
save = "side.dry"
retries = 0
""",
    "side.toml",
)


def ids(turn: Turn) -> list[str]:
    return [say.message_id for say in turn.says]


def at(flow: Flow, step: str, plan: tuple[str, ...] = (), retries: int = 0) -> Conversation:
    """A conversation waiting at `step`, started now."""
    return Conversation(flow.id, flow.revision, step, plan, retries, NOW, NOW)


def waiting(turn: Turn) -> Conversation:
    """The open conversation after a turn (fails the test if the flow ended)."""
    assert turn.conversation is not None, turn
    return turn.conversation


def test_start_of_a_fixed_flow_says_leading_says_then_the_first_ask() -> None:
    """Starting a fixed flow sends its leading say steps and then waits at the first ask."""
    turn = start(FIXED, NOW)
    assert ids(turn) == ["say-hello", "say-intro", "ask-smokes"]
    conversation = waiting(turn)
    assert (conversation.flow_id, conversation.step) == ("fixed", "smokes")
    assert conversation.revision == FIXED.revision
    assert (conversation.started_at, conversation.step_started_at) == (NOW, NOW)
    assert conversation.retries == 0
    assert turn.answers == ()
    assert turn.ended is None


def test_start_of_a_planned_flow_follows_the_plan() -> None:
    """A planned flow asks the plan's steps in the plan's order, not the file's."""
    turn = start(PLANNED, NOW, plan=("pain", "sleep"))
    assert ids(turn) == ["ask-pain"]
    assert waiting(turn).plan == ("sleep",)
    turn = reply(PLANNED, waiting(turn), "3", NOW)
    assert ids(turn) == ["ask-sleep"]
    assert waiting(turn).plan == ()
    turn = reply(PLANNED, waiting(turn), "7 hours", NOW)
    assert turn.conversation is None
    assert turn.ended is Ending.COMPLETED
    assert turn.answers == (Answer("sleep_hours", 7, "sleep"),)


@pytest.mark.parametrize("plan", [(), ("sleep", "nap")])
def test_planned_flow_refuses_an_empty_or_unknown_plan(plan: tuple[str, ...]) -> None:
    """A planned flow needs a plan of its own steps."""
    with pytest.raises(ValueError, match="needs a plan"):
        start(PLANNED, NOW, plan=plan)


def test_understood_answer_is_saved_under_save_and_goes_to_next() -> None:
    """An understood reply is saved under the step's `save` key and moves to `next`."""
    turn = reply(FIXED, at(FIXED, "smokes"), "no", NOW)
    assert turn.answers == (Answer("smokes", False, "smokes"),)
    assert waiting(turn).step == "sleep"
    assert ids(turn) == ["ask-sleep"]


def test_understood_answer_follows_its_branch() -> None:
    """A reply whose value has a branch goes there instead of `next`."""
    turn = reply(FIXED, at(FIXED, "smokes"), "yes I do", NOW)
    assert turn.answers == (Answer("smokes", True, "smokes"),)
    assert waiting(turn).step == "cigarettes"
    assert ids(turn) == ["ask-cigarettes"]


@pytest.mark.parametrize(
    ("text", "value", "step"),
    [("0", 0, "dry"), ("a bit", 1, "bother"), ("2", 2, None)],
)
def test_scale_answer_branches_on_its_value(text: str, value: int, step: str | None) -> None:
    """A scale012 reply branches on "1" and "2" and otherwise goes to `next`."""
    turn = reply(SIDE, at(SIDE, "dizzy"), text, NOW)
    assert turn.answers == (Answer("side.dizzy", value, "dizzy"),)
    assert (turn.conversation.step if turn.conversation else None) == step


def test_entering_a_new_step_resets_retries_and_step_start() -> None:
    """A new step starts with no retries used and its own start time."""
    later = NOW + timedelta(minutes=5)
    turn = reply(FIXED, at(FIXED, "smokes", retries=1), "no", later)
    conversation = waiting(turn)
    assert conversation.retries == 0
    assert conversation.step_started_at == later
    assert conversation.started_at == NOW


def test_unreadable_answer_is_reasked_with_reason_and_question() -> None:
    """An unreadable reply re-asks with the reason and the step's ask as `question`."""
    turn = reply(FIXED, at(FIXED, "sleep"), "banana", NOW)
    assert turn.says == (Say("reask-hours", question="ask-sleep", args={"reason": "no_number"}),)
    assert waiting(turn).step == "sleep"
    assert waiting(turn).retries == 1
    assert turn.answers == ()
    assert turn.ended is None


def test_step_reask_message_overrides_the_kinds() -> None:
    """A step's own `reask` id is used in place of reask-<kind>."""
    turn = reply(PLANNED, at(PLANNED, "pain"), "sore", NOW)
    assert ids(turn) == ["reask-pain"]
    assert turn.says[0].question == "ask-pain"


def test_unreadable_answers_are_reasked_up_to_retries_then_moving_on_without_saving() -> None:
    """After `retries` re-asks, one more bad reply says moving-on and moves on, saving nothing."""
    conversation = at(FIXED, "smokes")
    for used in (1, 2):
        turn = reply(FIXED, conversation, "purple", NOW)
        assert ids(turn) == ["reask-yes_no"]
        conversation = waiting(turn)
        assert conversation.retries == used
    turn = reply(FIXED, conversation, "purple", NOW)
    assert ids(turn) == [MOVING_ON, "ask-sleep"]
    assert turn.answers == ()
    assert waiting(turn).step == "sleep"


def test_zero_retries_moves_on_at_the_first_bad_reply() -> None:
    """retries = 0 never re-asks: the first unreadable reply moves on."""
    turn = reply(SIDE, at(SIDE, "dry"), "hmm", NOW)
    assert ids(turn) == [MOVING_ON]
    assert turn.answers == ()
    assert turn.ended is Ending.COMPLETED


def test_moving_on_to_the_end_says_moving_on_then_the_end() -> None:
    """Moving on from the last step ends the flow after saying moving-on."""
    turn = reply(FIXED, at(FIXED, "sleep", retries=1), "banana", NOW)
    assert ids(turn) == [MOVING_ON, "say-thanks", "bye"]
    assert turn.ended is Ending.COMPLETED
    assert turn.answers == ()


@pytest.mark.parametrize("text", ["no... well yes", "yes and no"])
def test_ambiguous_answer_is_reasked_never_guessed(text: str) -> None:
    """A contradictory yes/no is re-asked with an ambiguous_ reason and nothing saved."""
    turn = reply(FIXED, at(FIXED, "smokes"), text, NOW)
    assert turn.says == (
        Say("reask-yes_no", question="ask-smokes", args={"reason": "ambiguous_contradictory"}),
    )
    assert turn.answers == ()
    assert waiting(turn).step == "smokes"


def test_unsure_answer_is_reasked_as_ambiguous() -> None:
    """An unsure yes/no ("not sure") is re-asked as ambiguous_unsure, not read as no."""
    turn = reply(FIXED, at(FIXED, "smokes"), "not sure", NOW)
    assert turn.says[0].args == {"reason": "ambiguous_unsure"}
    assert turn.answers == ()


@pytest.mark.parametrize("text", ["SKIP", "skip", "Skip!", " skip it ", "pass"])
def test_skip_moves_on_without_saving(text: str) -> None:
    """SKIP in any case or punctuation moves to `next` and saves nothing."""
    turn = reply(FIXED, at(FIXED, "smokes"), text, NOW)
    assert turn.answers == ()
    assert ids(turn) == ["ask-sleep"]
    assert waiting(turn).step == "sleep"


def test_skip_ignores_the_branch() -> None:
    """Skipping a branching step takes `next`, not a branch."""
    turn = reply(SIDE, at(SIDE, "dizzy"), "skip", NOW)
    assert waiting(turn).step == "dry"


def test_skip_in_a_planned_flow_goes_to_the_next_planned_step() -> None:
    """Skipping a planned step goes on to the plan's next step."""
    turn = reply(PLANNED, at(PLANNED, "sleep", plan=("pain",)), "skip", NOW)
    assert ids(turn) == ["ask-pain"]
    assert turn.answers == ()


@pytest.mark.parametrize("text", ["skipped breakfast", "skin rash", "I'll pass on that, 7"])
def test_words_that_merely_contain_skip_are_not_skip(text: str) -> None:
    """Only a whole-message skip is SKIP."""
    assert not is_skip(text)


def test_ending_a_flow_says_its_end_and_passes_its_closing() -> None:
    """Completing a flow says the say steps on the way and flow.end, with its closing."""
    turn = reply(FIXED, at(FIXED, "sleep"), "7", NOW)
    assert turn.conversation is None
    assert turn.ended is Ending.COMPLETED
    assert ids(turn) == ["say-thanks", "bye"]
    assert turn.closing == "encouragement"
    assert turn.answers == (Answer("sleep_hours", 7, "sleep"),)


def test_flow_without_end_or_closing_ends_silently() -> None:
    """A flow with no end message and no closing ends with nothing more to say."""
    turn = reply(SIDE, at(SIDE, "dry"), "0", NOW)
    assert turn.ended is Ending.COMPLETED
    assert turn.says == ()
    assert turn.closing is None


def test_expired_flow_ends_quietly_at_expires_after() -> None:
    """At expires_after the reply is not applied: EXPIRED, no messages, no answers."""
    conversation = at(FIXED, "smokes")
    late = NOW + FIXED.expires_after
    turn = reply(FIXED, conversation, "yes", late)
    assert turn == Turn(None, ended=Ending.EXPIRED)
    assert check_expiry(FIXED, conversation, late) is Ending.EXPIRED
    assert expire(FIXED, conversation, late) == Turn(None, ended=Ending.EXPIRED)


def test_flow_is_open_just_before_it_expires() -> None:
    """A minute before expiry the conversation is still open and the reply applies."""
    conversation = at(FIXED, "smokes")
    nearly = NOW + FIXED.expires_after - timedelta(minutes=1)
    assert check_expiry(FIXED, conversation, nearly) is None
    assert expire(FIXED, conversation, nearly) is None
    assert reply(FIXED, conversation, "yes", nearly).answers == (Answer("smokes", True, "smokes"),)


def test_step_timeout_ends_quietly_as_timed_out() -> None:
    """Past a step's timeout the conversation ends TIMED_OUT with no messages."""
    conversation = at(FIXED, "cigarettes")
    late = NOW + timedelta(minutes=10)
    turn = reply(FIXED, conversation, "10", late)
    assert turn == Turn(None, ended=Ending.TIMED_OUT)
    assert check_expiry(FIXED, conversation, late) is Ending.TIMED_OUT
    assert check_expiry(FIXED, conversation, late - timedelta(seconds=1)) is None


def test_step_timeout_counts_from_when_the_step_began() -> None:
    """The timeout runs from the step's start, not the flow's."""
    entered = NOW + timedelta(minutes=30)
    conversation = Conversation(FIXED.id, FIXED.revision, "cigarettes", (), 0, NOW, entered)
    assert check_expiry(FIXED, conversation, entered + timedelta(minutes=9)) is None
    assert check_expiry(FIXED, conversation, entered + timedelta(minutes=10)) is Ending.TIMED_OUT


def test_runner_is_pure() -> None:
    """The same inputs give the same outputs, and only the `now` passed in is used."""
    conversation = at(FIXED, "smokes")
    assert start(FIXED, NOW) == start(FIXED, NOW)
    assert reply(FIXED, conversation, "no", NOW) == reply(FIXED, conversation, "no", NOW)
    long_ago = datetime(2001, 1, 1, tzinfo=UTC)
    started = waiting(start(FIXED, long_ago))
    assert (started.started_at, started.step_started_at) == (long_ago, long_ago)
    moved = waiting(reply(FIXED, at(FIXED, "smokes"), "no", NOW + timedelta(seconds=7)))
    assert moved.step_started_at == NOW + timedelta(seconds=7)

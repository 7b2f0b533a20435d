"""One LOG asked four questions: the rule is at most three a day.

The cause: when smoking came round for someone we had not yet asked, its first step
("Do you smoke?") answered yes branches to "How many cigarettes today?", a second
question for one topic, on top of two other topics. The plan now leaves one other
topic for another day whenever that gate is in it.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from companion.engine.flowspec import load_flows
from companion.engine.rotation import CHECKIN_SIZE, plan_checkin
from companion.engine.runner import reply, start

CHECKIN = load_flows()["checkin"]
NOW = datetime(2026, 6, 2, 9, 0, tzinfo=UTC)
QUESTIONS = {step.ask for step in CHECKIN.steps.values() if step.ask}


def questions_asked(plan: tuple[str, ...], answer_smokes: str) -> int:
    """Play a whole check-in, answering every question; count the questions asked."""
    turn = start(CHECKIN, NOW, plan)
    asked = sum(say.message_id in QUESTIONS for say in turn.says)
    while turn.conversation is not None:
        step = turn.conversation.step
        text = answer_smokes if step == "smoking" else "2"
        turn = reply(CHECKIN, turn.conversation, text, NOW)
        asked += sum(say.message_id in QUESTIONS for say in turn.says)
    return asked


@pytest.mark.parametrize("answer_smokes", ["yes", "no"])
def test_a_checkin_with_the_do_you_smoke_question_asks_at_most_three(answer_smokes: str) -> None:
    """Smoking due and not yet known: whatever the answer, three questions at most."""
    recent = [["sleep", "activity", "eating"], ["alcohol", "energy", "pain"]]
    plan = plan_checkin(CHECKIN, recent, smokes=None)
    assert "smoking" in plan
    assert questions_asked(plan, answer_smokes) <= CHECKIN_SIZE


def test_no_day_of_a_month_of_rotation_asks_more_than_three() -> None:
    """Thirty days of plans for someone never asked yet, each played answering yes."""
    recent: list[list[str]] = []
    for _ in range(30):
        plan = plan_checkin(CHECKIN, recent, smokes=None)
        assert questions_asked(plan, "yes") <= CHECKIN_SIZE
        recent.insert(0, [CHECKIN.steps[name].topic or "" for name in plan])

"""Whole-life topics: only when chosen, still at most three questions a day, never shared."""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, date, datetime, timedelta

import pytest

from companion.db.states import PersonStatus
from companion.engine.commands import Command, CommandName, find_command
from companion.engine.decide import (
    AnswerQuestion,
    GiveFeedback,
    OpenQuestion,
    RunCommand,
    Situation,
    Text,
    decide,
)
from companion.engine.flowspec import FLOWS_DIR, load_flow
from companion.engine.rotation import plan_checkin, topics_of
from companion.engine.summary import (
    SHARE_CATEGORIES,
    SummaryInput,
    build_summary,
    load_reference_ranges,
)
from companion.engine.whole_life import OPTIONAL_TOPICS, TopicChange, read_topic_change

CHECKIN = load_flow(FLOWS_DIR / "checkin.toml")
ASKING = {name for name, step in CHECKIN.steps.items() if step.ask}


def plans(chosen: frozenset[str], smokes: bool | None, days: int = 28) -> list[tuple[str, ...]]:
    """`days` daily plans in a row, each day's topics fed back, oldest first."""
    recent: list[tuple[str, ...]] = []
    made = []
    for _ in range(days):
        plan = plan_checkin(CHECKIN, recent, smokes=smokes, chosen_topics=chosen)
        made.append(plan)
        recent.insert(0, topics_of(CHECKIN, plan))
    return made


@pytest.mark.parametrize("smokes", [None, True, False])
def test_chosen_topics_come_round_weekly_and_never_more_than_three_a_day(
    smokes: bool | None,
) -> None:
    """With all three added, each comes at least weekly; a day still asks at most three."""
    made = plans(frozenset(OPTIONAL_TOPICS), smokes)
    assert all(len([s for s in plan if s in ASKING]) <= 3 for plan in made)
    asked = [topics_of(CHECKIN, plan) for plan in made]
    for start in range(len(asked) - 6):
        week = Counter(t for day in asked[start : start + 7] for t in day)
        assert all(week[topic] >= 1 for topic in OPTIONAL_TOPICS), week


def test_topics_not_chosen_are_never_asked() -> None:
    """Without ADD, no mood, loneliness or money question; with one added, only that one."""
    never = {t for plan in plans(frozenset(), None) for t in topics_of(CHECKIN, plan)}
    assert never.isdisjoint(OPTIONAL_TOPICS)
    money = {t for plan in plans(frozenset({"money"}), None) for t in topics_of(CHECKIN, plan)}
    assert money & set(OPTIONAL_TOPICS) == {"money"}


@pytest.mark.parametrize(
    ("text", "command"),
    [
        ("ADD mood", Command(CommandName.TOPICS, "add mood")),
        ("remove money", Command(CommandName.TOPICS, "remove money")),
        ("Dodaj nastrój", Command(CommandName.TOPICS, "dodaj nastrój")),
        ("TOPICS", Command(CommandName.TOPICS, "")),
        ("FEEDBACK too many texts", Command(CommandName.FEEDBACK, "too many texts")),
    ],
)
def test_topic_and_feedback_wordings(text: str, command: Command) -> None:
    """ADD/REMOVE with a topic word is TOPICS; FEEDBACK keeps the words after it."""
    assert find_command(text) == command


@pytest.mark.parametrize("text", ["add 2 sugars", "remove 2", "money is tight", "low"])
def test_everyday_words_are_not_topic_changes(text: str) -> None:
    """Answers and other commands near the topic words stay what they are."""
    found = find_command(text)
    assert found is None or found.name is not CommandName.TOPICS


def test_topic_words_in_both_languages() -> None:
    """English and Polish topic words, with or without accents, name the same topic."""
    assert read_topic_change("add lonely") == TopicChange("loneliness", add=True)
    assert read_topic_change("usun pieniadze") == TopicChange("money", add=False)
    assert read_topic_change("add football") is None


def test_whole_life_answers_are_never_in_a_coordinators_summary() -> None:
    """Even with every category shared, mood, loneliness and money answers are left out."""
    monday = date(2026, 11, 30)
    at = datetime(2026, 12, 1, 10, tzinfo=UTC)
    answers = [(at, "mood", "low"), (at, "connected_today", False), (at, "money_worries", True)]
    data = SummaryInput(
        week_start=monday,
        generated_at=at + timedelta(days=6),
        person_label="A",
        shares=SHARE_CATEGORIES,
        observations=[*answers, (at, "sleep_hours", 7)],
        checkins_prompted=3,
        checkins_answered=3,
        safety_events=[],
        goal_text=None,
        goal_set_at=None,
    )
    text = json.dumps(build_summary(data, load_reference_ranges()))
    assert "sleep_hours" in text
    for key in ("mood", "connected_today", "money_worries", "low"):
        assert f'"{key}"' not in text


AT = datetime(2026, 12, 3, 10, tzinfo=UTC)


def test_a_hopeless_answer_to_the_mood_question_gets_crisis_signposting() -> None:
    """LOW is a kind reply, not a crisis; hopeless words in the answer still get the numbers."""
    waiting = Situation(PersonStatus.ACTIVE, True, question=OpenQuestion(CHECKIN.steps["mood"], AT))
    low = decide(waiting, Text("low"))
    assert low.safety is None
    assert isinstance(low.action, AnswerQuestion)
    hopeless = decide(waiting, Text("low, I feel hopeless and I want to end my life"))
    assert hopeless.safety is not None
    assert hopeless.action is None
    assert hopeless.replies[0].message_id == "crisis"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("stop sending tips so early", GiveFeedback),  # words about texts are feedback
        ("LOG", RunCommand),
        ("STOP", type(None)),
        ("I want to kill myself", type(None)),
    ],
)
def test_feedback_waits_for_words_but_never_over_stop_crisis_or_a_command(
    body: str, expected: type
) -> None:
    """After FEEDBACK alone, the next text is the feedback, unless STOP, crisis or a command."""
    waiting = Situation(PersonStatus.ACTIVE, True, feedback_asked_at=AT)
    decision = decide(waiting, Text(body))
    assert isinstance(decision.action, expected)
    if body == "STOP":
        assert decision.stops
    if "kill" in body:
        assert decision.safety is not None

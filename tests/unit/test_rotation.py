"""Check-in rotation: at most three questions a day, each topic two or three times a week."""

from __future__ import annotations

from collections import Counter

import pytest

from companion.engine.flowspec import FLOWS_DIR, Flow, load_flow, parse_flow
from companion.engine.rotation import CHECKIN_SIZE, checkin_topics, plan_checkin, topics_of

CHECKIN = load_flow(FLOWS_DIR / "checkin.toml")
DAYS = 21


def simulate(flow: Flow, smokes: bool | None, days: int = DAYS) -> list[tuple[str, ...]]:
    """Plan `days` daily check-ins in a row, feeding each day's topics back; oldest first."""
    recent: list[tuple[str, ...]] = []
    plans = []
    for _ in range(days):
        plan = plan_checkin(flow, recent, smokes=smokes)
        plans.append(plan)
        recent.insert(0, topics_of(flow, plan))
    return plans


def weekly_counts(flow: Flow, plans: list[tuple[str, ...]]) -> list[Counter[str]]:
    """How often each topic was asked in every window of 7 consecutive days."""
    topics = [topics_of(flow, plan) for plan in plans]
    return [Counter(t for day in topics[i : i + 7] for t in day) for i in range(len(plans) - 6)]


def test_checkin_flow_has_the_seven_clinical_topics() -> None:
    """The shipped check-in rotates the seven topics the clinical notes list."""
    assert checkin_topics(CHECKIN) == (
        "sleep",
        "activity",
        "eating",
        "smoking",
        "alcohol",
        "energy",
        "pain",
    )


def test_first_checkin_asks_the_first_three_topics() -> None:
    """With no history the plan is the first three topics in the flow's order."""
    assert plan_checkin(CHECKIN, [], smokes=None) == ("sleep", "activity", "eating")


@pytest.mark.parametrize("smokes", [None, True])
def test_each_topic_comes_round_two_or_three_times_in_any_seven_days(smokes: bool | None) -> None:
    """In every 7 consecutive daily plans each topic is asked 2 or 3 times."""
    plans = simulate(CHECKIN, smokes)
    for window in weekly_counts(CHECKIN, plans):
        assert set(window) == set(checkin_topics(CHECKIN))
        assert all(2 <= n <= 3 for n in window.values()), window


@pytest.mark.parametrize("smokes", [None, True, False])
def test_at_most_three_questions_a_day_and_no_repeats(smokes: bool | None) -> None:
    """Every plan has 1 to 3 steps, no topic twice in one day."""
    for plan in simulate(CHECKIN, smokes):
        assert 1 <= len(plan) <= CHECKIN_SIZE
        assert len(set(topics_of(CHECKIN, plan))) == len(plan)


def test_non_smokers_never_get_smoking() -> None:
    """Someone who said they do not smoke is never asked about smoking."""
    plans = simulate(CHECKIN, smokes=False)
    asked = {name for plan in plans for name in plan}
    assert not asked & {"smoking", "cigarettes"}
    assert {t for plan in plans for t in topics_of(CHECKIN, plan)} == set(
        checkin_topics(CHECKIN)
    ) - {"smoking"}


def test_non_smokers_still_get_each_other_topic_at_least_twice_a_week() -> None:
    """Dropping smoking does not starve any other topic: each comes round 2+ times a week."""
    plans = simulate(CHECKIN, smokes=False)
    for window in weekly_counts(CHECKIN, plans):
        assert len(window) == 6
        assert min(window.values()) >= 2, window


def test_non_smokers_get_each_topic_at_most_three_times_a_week() -> None:
    """Non-smokers (6 topics) get 2 questions a day, so no topic comes round 4 times a week."""
    plans = simulate(CHECKIN, smokes=False)
    for window in weekly_counts(CHECKIN, plans):
        assert max(window.values()) <= 3, window


def test_known_smokers_get_the_cigarettes_step_not_the_gate() -> None:
    """Once we know someone smokes, the smoking topic asks how many, not whether."""
    plans = simulate(CHECKIN, smokes=True)
    asked = [name for plan in plans for name in plan]
    assert "cigarettes" in asked
    assert "smoking" not in asked


def test_unknown_smokers_get_the_gate() -> None:
    """When we do not know, the smoking topic asks whether they smoke first."""
    plans = simulate(CHECKIN, smokes=None)
    asked = [name for plan in plans for name in plan]
    assert "smoking" in asked
    assert "cigarettes" not in asked


def test_least_recently_asked_topics_come_first() -> None:
    """Topics never asked, then the longest ago, are chosen before recent ones."""
    recent = [("energy", "pain", "sleep"), ("activity", "eating", "smoking")]
    # alcohol was never asked; activity, eating, smoking are the oldest after it.
    assert plan_checkin(CHECKIN, recent, smokes=None) == ("alcohol", "activity", "eating")


def test_topics_asked_the_same_day_keep_that_days_order() -> None:
    """A rotation regression: same-day ties follow that day's order, not the file's."""
    recent = [("eating", "smoking", "alcohol"), ("pain", "sleep", "activity")]
    # energy was never asked; pain came before sleep two days ago, so it comes first.
    plan = plan_checkin(CHECKIN, recent, smokes=None)
    assert plan == ("energy", "pain", "sleep")


def test_unknown_topics_in_history_are_ignored() -> None:
    """Topics no longer in the flow (or smoking for a non-smoker) do not disturb the plan."""
    recent = [("yoga", "smoking"), ("sleep", "activity", "eating")]
    assert plan_checkin(CHECKIN, recent, smokes=False) == ("alcohol", "energy")


def test_size_limits_the_plan() -> None:
    """A smaller size asks fewer questions."""
    assert plan_checkin(CHECKIN, [], smokes=None, size=1) == ("sleep",)


def test_topics_of_maps_steps_back_to_topics() -> None:
    """topics_of names the topic of each planned step, cigarettes as smoking."""
    assert topics_of(CHECKIN, ("cigarettes", "sleep")) == ("smoking", "sleep")


def test_small_flow_with_fewer_topics_than_size_asks_them_all() -> None:
    """A flow with two topics plans both every day."""
    flow = parse_flow(
        'id = "tiny"\nplanned = true\n'
        '[steps.a]\ntopic = "a"\nask = "qa"\nanswer = "hours"\n'
        '[steps.b]\ntopic = "b"\nask = "qb"\nanswer = "hours"\n',
        "tiny.toml",
    )
    assert plan_checkin(flow, [("a", "b")], smokes=None) == ("a", "b")

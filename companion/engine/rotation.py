"""Which check-in questions to ask today: at most three, the least recently asked first."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from companion.engine.flowspec import Flow
from companion.engine.whole_life import OPTIONAL_TOPICS

CHECKIN_SIZE = 3
WEEK = 7
MAX_PER_WEEK = 3
SMOKING = "smoking"
SMOKER_FACT = "smokes"


def checkin_topics(flow: Flow, chosen_topics: Collection[str] = ()) -> tuple[str, ...]:
    """The flow's topics, in the order its file lists them.

    Whole-life topics (`engine/whole_life.py`) are left out unless the person chose them.
    """
    topics: list[str] = []
    for step in flow.steps.values():
        optional = step.topic in OPTIONAL_TOPICS and step.topic not in chosen_topics
        if step.topic and step.topic not in topics and not optional:
            topics.append(step.topic)
    return tuple(topics)


def plan_checkin(
    flow: Flow,
    recent: Sequence[Sequence[str]],
    *,
    smokes: bool | None,
    size: int = CHECKIN_SIZE,
    chosen_topics: Collection[str] = (),
) -> tuple[str, ...]:
    """Plan today's steps so each topic comes round two or three times a week.

    Args:
        flow: The check-in flow; steps with a `topic` are the entry points.
        recent: Topics asked at earlier check-ins, newest first.
        smokes: What the person told us; smoking is left out for non-smokers, and the
            "do you smoke?" step is left out once we know.
        size: How many questions at most.
        chosen_topics: Whole-life topics the person added (`engine/whole_life.py`); the
            others of those are never asked.

    Returns:
        Step names in the order to ask them.
    """
    topics = [
        t for t in checkin_topics(flow, chosen_topics) if not (t == SMOKING and smokes is False)
    ]
    # (days ago, place in that day's plan); never asked counts as oldest.
    last_asked = {t: (len(recent), 0) for t in topics}
    for age, asked in reversed(list(enumerate(recent))):
        for place, topic in enumerate(asked):
            if topic in last_asked:
                last_asked[topic] = (age, place)
    # Least recently asked first; topics asked the same day keep that day's order, so the
    # rotation is a queue (a flow-order tie-break let early topics jump it, 4 times a week).
    # Never-asked topics tie, in the order the flow lists them (sorted is stable).
    order = sorted(topics, key=lambda t: (-last_asked[t][0], last_asked[t][1]))
    # Fewer topics (a non-smoker has 6) means fewer questions a day, so that none comes
    # round more than 3 times a week: 6 topics at 2 a day is each every third day.
    per_day = len(topics)
    if per_day > size:
        per_day = max(1, min(size, MAX_PER_WEEK * len(topics) // WEEK))
    chosen = order[:per_day]
    if smokes is None and SMOKING in chosen and len(chosen) >= size:
        # "Do you smoke?" answered yes brings "how many today?": two questions for one
        # topic, so one other topic waits (one LOG asked four questions).
        others = [t for t in chosen if t != SMOKING]
        if others:
            chosen = [t for t in chosen if t != others[-1]]
    return tuple(_entry_step(flow, topic, smokes) for topic in chosen)


def _entry_step(flow: Flow, topic: str, smokes: bool | None) -> str:
    steps = [s for s in flow.steps.values() if s.topic == topic]
    if topic == SMOKING:
        gate = [s for s in steps if s.save == SMOKER_FACT]
        rest = [s for s in steps if s.save != SMOKER_FACT]
        steps = gate if smokes is None and gate else rest or steps
    return steps[0].name


def topics_of(flow: Flow, plan: Sequence[str]) -> tuple[str, ...]:
    """The topics a plan covers (to remember for tomorrow's rotation)."""
    return tuple(t for name in plan if (t := flow.steps[name].topic))

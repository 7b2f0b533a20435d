"""MY WEEK: a person's own last seven days, back to them in one or two texts."""

from __future__ import annotations

from datetime import timedelta

from companion.engine.history import History
from companion.engine.runner import Say

NONE = "none"


def my_week(history: History) -> tuple[Say, ...]:
    """What they logged this week, their streak, and their goal (if they set one)."""
    since = history.today - timedelta(days=6)
    logged = sum(1 for d in history.days if d.checked_in and since <= d.day <= history.today)
    sleep = history.values_of("sleep_hours", since)
    active = history.values_of("activity_minutes", since)
    weights = history.values_of("weight_kg", since)
    args: dict[str, str | int] = {
        "logged": logged,
        "sleep": _fmt(sum(sleep) / len(sleep)) if sleep else NONE,
        "active": _fmt(sum(active)) if active else NONE,
        "weight": _fmt(weights[-1]) if weights else NONE,
        "streak": history.streak(),
    }
    says = [Say("my-week", args=args)]
    if history.goal:
        says.append(Say("my-week-goal", args={"goal": history.goal}))
    return tuple(says)


def _fmt(value: float) -> str:
    rounded = round(value, 1)
    return str(int(rounded)) if rounded.is_integer() else f"{rounded:.1f}"

"""MY WEEK: a person's own last seven days, back to them in one or two texts."""

from __future__ import annotations

from datetime import date, timedelta

from companion.engine.history import History
from companion.engine.runner import Say

NONE = "none"


NEW_FOR_DAYS = 7  # someone who joined this recently gets a welcome, never a zero


def my_week(history: History, joined: date | None = None) -> tuple[Say, ...]:
    """What they did this week, their streak, and their goal (if they set one).

    It leads with what they did. A week with nothing logged is never "0 of 7": someone
    new (`joined` within `NEW_FOR_DAYS`) gets a welcome, anyone else a kind word and
    the one next step.
    """
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
    nothing = not logged and not (sleep or active or weights)
    if nothing:
        new = joined is not None and history.today - joined < timedelta(days=NEW_FOR_DAYS)
        says = [Say("my-week-new" if new else "my-week-quiet")]
    else:
        says = [Say("my-week", args=args)]
    if history.goal:
        says.append(Say("my-week-goal", args={"goal": history.goal}))
    return tuple(says)


def _fmt(value: float) -> str:
    rounded = round(value, 1)
    return str(int(rounded)) if rounded.is_integer() else f"{rounded:.1f}"

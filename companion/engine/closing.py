"""The closing line of a check-in: notice something good, never scold."""

from __future__ import annotations

from datetime import timedelta

from companion.engine.history import History
from companion.engine.runner import Say

STREAK_WORTH_MENTIONING = 3
BEST_LOOKBACK = timedelta(days=28)
# Where "more" is clearly good news to the person (not sleep, not weight).
MORE_IS_BETTER = ("activity_minutes", "fruit_veg_portions")


def closing_line(history: History) -> Say:
    """Pick one good thing to notice: a personal best, a streak, the goal, or thanks."""
    today = history.by_day().get(history.today)
    earlier = history.today - BEST_LOOKBACK
    if today is not None:
        for key in MORE_IS_BETTER:
            value = today.values.get(key)
            if not isinstance(value, int | float) or isinstance(value, bool) or value <= 0:
                continue
            before = [
                v
                for day, log in history.by_day().items()
                if earlier <= day < history.today
                and isinstance(v := log.values.get(key), int | float)
            ]
            if before and value > max(before):
                return Say(f"closing-best-{key.replace('_', '-')}", args={"value": _plain(value)})
    streak = history.streak()
    if streak >= STREAK_WORTH_MENTIONING:
        return Say("closing-streak", args={"days": streak})
    if history.goal:
        return Say("closing-goal")
    return Say("closing-thanks")


def _plain(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"

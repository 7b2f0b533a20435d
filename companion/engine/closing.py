"""The closing line of a check-in: notice something good, never scold, and hear a hard day."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta

from companion.engine.history import History
from companion.engine.runner import Say

STREAK_WORTH_MENTIONING = 3
BEST_LOOKBACK = timedelta(days=28)
# Where "more" is clearly good news to the person (not sleep, not weight).
MORE_IS_BETTER = ("activity_minutes", "fruit_veg_portions")
# Answers to the whole-life topics that say today was hard (a LOW mood, no contact with
# anyone, money worries): after one of them "Well done! Keep it up!" would not have heard.
HARD_DAY: dict[str, object] = {"mood": "low", "connected_today": False, "money_worries": True}


def closing_line(history: History) -> Say:
    """Pick one good thing to notice: a personal best, a streak, the goal, or thanks.

    After an answer that says today was hard (`HARD_DAY`), none of those: a quiet line
    that wishes them well instead (the step after that answer has already said where
    to talk).
    """
    today = history.by_day().get(history.today)
    if today is not None and _hard_day(today.values):
        return Say("closing-gentle")
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


def _hard_day(values: Mapping[str, object]) -> bool:
    return any(
        key in values and type(values[key]) is type(hard) and values[key] == hard
        for key, hard in HARD_DAY.items()
    )


def _plain(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"

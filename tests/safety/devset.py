"""Load the crisis development set and score the detector on it.

Shared by `tests/unit/test_crisis_devset.py` (the thresholds) and `tests.safety.report`
(the per-category table). See `tests/safety/README.md` for what each group expects.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from companion.safety.crisis import CrisisSignal

HERE = Path(__file__).parent
LANGUAGES = ("en", "pl")
SPLITS = (
    "dev",
    "held_back",
    "held_back_2",
    "held_back_3",
    "held_back_4",
    "held_back_5",
    "held_back_6",
    "held_back_7",
)
# Must-not-trigger groups where a gentle check (a negated signal) is the right answer.
GENTLE_OK = frozenset({"negation", "past", "quote"})
# Must-not-trigger groups where signposting for someone else is the right answer.
OTHER_OK = frozenset({"third_person"})


@dataclass(frozen=True)
class Row:
    """One phrasing of the set and where it belongs."""

    language: str
    split: str
    trigger: bool
    group: str
    text: str


def load(language: str, split: str) -> list[Row]:
    """Every row of one language and split, in file order."""
    with (HERE / f"crisis_{language}_{split}.toml").open("rb") as handle:
        data = tomllib.load(handle)
    return [
        Row(language, split, trigger, group, text)
        for trigger, table in ((True, "must_trigger"), (False, "must_not_trigger"))
        for group, texts in data[table].items()
        for text in texts
    ]


def is_own_crisis(signal: CrisisSignal | None) -> bool:
    """Whether the signal earns the full crisis reply (undenied, about the sender)."""
    return (
        signal is not None
        and not signal.negated
        and not getattr(signal, "about_someone_else", False)
    )


def is_correct(row: Row, signal: CrisisSignal | None) -> bool:
    """Whether the detector's answer to `row` is what its group expects."""
    if row.trigger:
        return is_own_crisis(signal)
    if signal is None:
        return True
    if row.group in GENTLE_OK:
        return signal.negated
    if row.group in OTHER_OK:
        return signal.negated or getattr(signal, "about_someone_else", False)
    return False


def misses(
    rows: list[Row], detect: Callable[[str], CrisisSignal | None]
) -> list[tuple[Row, CrisisSignal | None]]:
    """The rows the detector gets wrong, with what it said."""
    return [(row, signal) for row in rows if not is_correct(row, signal := detect(row.text))]

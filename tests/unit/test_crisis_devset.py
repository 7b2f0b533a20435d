"""The crisis development set: recall and false alarms per language and split.

The set, its groups and what each group expects are described in
`tests/safety/README.md`. Print the per-category table with `python -m tests.safety.report`.
"""

from __future__ import annotations

import itertools

import pytest

from companion.safety.crisis import detect_crisis
from tests.safety.devset import LANGUAGES, SPLITS, Row, is_correct, is_own_crisis, load

FALSE_ALARMS_MAX = 0.03
# At least this many rows per language across all splits (must trigger, must not).
MINIMUM_ROWS = {"en": 150, "pl": 60}
CASES = list(itertools.product(LANGUAGES, SPLITS))


def _rows(language: str, split: str, *, trigger: bool) -> list[Row]:
    """The must-trigger (or must-not-trigger) rows of one language and split."""
    return [row for row in load(language, split) if row.trigger is trigger]


@pytest.mark.parametrize(("language", "split"), CASES)
def test_every_crisis_phrasing_gets_the_full_crisis_reply(language: str, split: str) -> None:
    """Recall is 100%: every must-trigger row is an undenied crisis about the sender."""
    rows = _rows(language, split, trigger=True)
    missed = [row.text for row in rows if not is_own_crisis(detect_crisis(row.text))]
    assert rows
    assert missed == []


@pytest.mark.parametrize(("language", "split"), CASES)
def test_false_alarms_stay_within_three_percent(language: str, split: str) -> None:
    """At most 3% of must-not-trigger rows get a crisis reply their group does not allow."""
    rows = _rows(language, split, trigger=False)
    alarms = [row.text for row in rows if not is_correct(row, detect_crisis(row.text))]
    assert rows
    assert len(alarms) <= FALSE_ALARMS_MAX * len(rows), alarms


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_set_is_big_enough_in_each_language(language: str) -> None:
    """Each language has its minimum of must-trigger and must-not-trigger rows."""
    rows = [row for split in SPLITS for row in load(language, split)]
    triggers = sum(row.trigger for row in rows)
    assert triggers >= MINIMUM_ROWS[language]
    assert len(rows) - triggers >= MINIMUM_ROWS[language]


def test_no_phrasing_is_in_two_splits() -> None:
    """A held-back row never also sits in dev or another split (no leak into tuning)."""
    seen: dict[str, str] = {}
    leaks = []
    for language, split in CASES:
        for row in load(language, split):
            key = f"{language}:{row.text}"
            if key in seen and seen[key] != split:
                leaks.append((row.text, seen[key], split))
            seen[key] = split
    assert leaks == []


def test_every_must_trigger_group_is_present_in_each_language() -> None:
    """Each language covers all eight meanings, so a weak category shows in the table."""
    groups = {
        "active_intent", "passive_wish", "self_harm", "plans_means",
        "preparatory_goodbye", "hopelessness", "burden", "disappear",
    }  # fmt: skip
    for language in LANGUAGES:
        found = {row.group for split in SPLITS for row in load(language, split) if row.trigger}
        assert found == groups, language

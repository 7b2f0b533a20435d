"""Reading the answer to "would you like to share?": never share more than was said."""

from __future__ import annotations

import pytest

from companion.engine.consent import CATEGORIES, ShareAnswer, read_share_answer
from companion.engine.reading.parsing import Ambiguous, Value

ALL = frozenset(CATEGORIES)


@pytest.mark.parametrize(
    ("text", "shares"),
    [
        ("YES", ALL),
        ("yes please", ALL),
        ("tak", ALL),
        ("yes without safety", ALL - {"safety"}),
        ("YES WITHOUT SAFETY (bez kryzysowych SMS-ów)", ALL - {"safety"}),
        ("tak bez bezpieczeństwa", ALL - {"safety"}),
        ("yes but not side effects or goals", ALL - {"side_effects", "goals"}),
        ("ok except safety", ALL - {"safety"}),
    ],
)
def test_yes_shares_what_was_not_left_out(text: str, shares: frozenset[str]) -> None:
    """YES shares everything except what the person named after without/not/bez."""
    assert read_share_answer(text) == Value(ShareAnswer(yes=True, shares=shares))


@pytest.mark.parametrize("text", ["no", "nah thanks", "Nie", "no way"])
def test_no_shares_nothing(text: str) -> None:
    """NO in any common form declines."""
    assert read_share_answer(text) == Value(ShareAnswer(yes=False))


@pytest.mark.parametrize(
    "text",
    [
        "yes safety",
        "yes without xyz",
        "tak bez czegoś",
        "maybe",
        "yes without everything",
        "yes and no",
        "tak i nie",
    ],
)
def test_unclear_answers_are_asked_again_never_guessed(text: str) -> None:
    """Regression: "tak bez bezpieczeństwa" once shared everything; unclear now re-asks."""
    assert isinstance(read_share_answer(text), Ambiguous)

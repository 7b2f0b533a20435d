"""Commands texted at any time: keywords, one forgiven typo on long words, the rest kept."""

from __future__ import annotations

import pytest

from companion.engine.commands import (
    KEYWORDS,
    RESERVED_WORDS,
    Command,
    CommandName,
    find_command,
)
from companion.engine.reading.parsing import CARRIER_KEYWORDS


@pytest.mark.parametrize(
    ("text", "name", "rest"),
    [
        ("LOG", CommandName.LOG, ""),
        ("log", CommandName.LOG, ""),
        ("WEIGHT 84.2", CommandName.WEIGHT, "84.2"),
        ("weight: 84 kg", CommandName.WEIGHT, "84 kg"),
        ("Goal walk to the park", CommandName.GOAL, "walk to the park"),
        ("bp 128/82", CommandName.BP, "128/82"),
        ("SUGAR 5.4", CommandName.SUGAR, "5.4"),
        ("tips", CommandName.TIPS, ""),
        ("time 6pm", CommandName.TIME, "6pm"),
        ("Skip!", CommandName.SKIP, ""),
        ("menu", CommandName.MENU, ""),
    ],
)
def test_single_word_keywords(text: str, name: CommandName, rest: str) -> None:
    """A keyword in any case, with or without punctuation, and the text after it."""
    assert find_command(text) == Command(name, rest)


@pytest.mark.parametrize(
    ("text", "name", "rest"),
    [
        ("MY WEEK", CommandName.MY_WEEK, ""),
        ("my week", CommandName.MY_WEEK, ""),
        ("check in", CommandName.LOG, ""),
        ("blood pressure 128/82", CommandName.BP, "128/82"),
        ("side effects dry mouth", CommandName.SIDE, "dry mouth"),
        ("Side effect: dry mouth", CommandName.SIDE, "dry mouth"),
        ("meds changed yesterday", CommandName.MEDS_CHANGED, "yesterday"),
        ("medication changed", CommandName.MEDS_CHANGED, ""),
    ],
)
def test_two_word_keywords(text: str, name: CommandName, rest: str) -> None:
    """Two-word keywords match as a whole, and the rest follows them."""
    assert find_command(text) == Command(name, rest)


def test_longer_keyword_wins_over_its_first_word() -> None:
    """A two-word keyword beats its first word: "side effects dry" leaves rest "dry"."""
    assert find_command("side effects dry") == Command(CommandName.SIDE, "dry")
    assert find_command("side dry mouth") == Command(CommandName.SIDE, "dry mouth")


@pytest.mark.parametrize(
    ("text", "name", "rest"),
    [
        ("weigth 84", CommandName.WEIGHT, "84"),
        ("WIEGHT 84", CommandName.WEIGHT, "84"),
        ("wieght 84", CommandName.WEIGHT, "84"),
        ("mennu", CommandName.MENU, ""),
        ("sugr 6", CommandName.SUGAR, "6"),
        ("resme", CommandName.RESUME, ""),
    ],
)
def test_one_typo_is_forgiven_on_longer_words(text: str, name: CommandName, rest: str) -> None:
    """One letter wrong, missing, extra or swapped still finds a keyword of 5+ letters."""
    assert find_command(text) == Command(name, rest)


def test_two_typos_are_not_forgiven() -> None:
    """Two edits away is too far, even for a long word."""
    assert find_command("wiehgt 84") is None


@pytest.mark.parametrize(
    "text", ["good", "gold", "skin rash", "skim milk", "lag", "tome", "my weak"]
)
def test_short_words_need_more_than_one_changed_letter_to_be_other_words(text: str) -> None:
    """Changing a letter of a short keyword makes another word: "good" is not GOAL."""
    assert find_command(text) is None


def test_short_keyword_forgives_a_swap() -> None:
    """A swap of two letters in a four-letter word ("gaol") still finds GOAL."""
    assert find_command("gaol walk more") == Command(CommandName.GOAL, "walk more")


@pytest.mark.parametrize(
    "text", ["7 hours", "slept well", "", "   ", "I want to log my weight", "STOP", "help"]
)
def test_messages_not_starting_with_a_keyword_are_not_commands(text: str) -> None:
    """Ordinary replies, keywords later in a message, and carrier keywords are not commands."""
    assert find_command(text) is None


def test_rest_is_trimmed_but_keeps_the_persons_words() -> None:
    """The rest drops the separator and outer spaces, and keeps case and inner text."""
    assert find_command("GOAL -  Walk to the Park!  ") == Command(
        CommandName.GOAL, "Walk to the Park!"
    )


def test_reserved_words_are_the_single_word_keywords() -> None:
    """Each one-word keyword is reserved (flows may not use it as an answer), casefolded."""
    single = {k.casefold() for k in KEYWORDS if " " not in k}
    assert single == RESERVED_WORDS
    assert {"log", "goal", "weight", "skip", "menu"} <= RESERVED_WORDS
    assert "week" not in RESERVED_WORDS


def test_no_command_keyword_is_a_carrier_keyword() -> None:
    """STOP, HELP and the like are matched elsewhere and never as commands."""
    words = {w.upper() for k in KEYWORDS for w in k.split()}
    assert not words & CARRIER_KEYWORDS


@pytest.mark.parametrize(
    ("text", "exact"), [("PAUSE 2", True), ("pause 2", True), ("pasue 2", False), ("#menu", True)]
)
def test_commands_say_whether_they_were_typed_exactly(text: str, exact: bool) -> None:
    """Exactly typed commands can win over an open question; forgiven typos cannot."""
    command = find_command(text)
    assert command is not None
    assert command.exact is exact

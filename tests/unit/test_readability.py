"""Plain-language measures: sentences, words, syllables, Flesch reading ease."""

from __future__ import annotations

import pytest

from companion.i18n.readability import (
    NO_WORDS_SCORE,
    flesch_reading_ease,
    longest_sentence_words,
    sentences,
    syllables,
    words,
)

SIMPLE = "The cat sat on the mat."
LEGALISTIC = (
    "Notwithstanding the aforementioned provisions, the participant's continued utilisation"
    " of the service constitutes irrevocable acceptance of the modified terms and conditions."
)


def test_line_breaks_and_full_stops_end_sentences() -> None:
    """A line break ends a sentence even without a full stop, and so do . ! and ?."""
    assert sentences("We are here\nText STOP to stop. Really? Yes!") == [
        "We are here",
        "Text STOP to stop.",
        "Really?",
        "Yes!",
    ]


def test_blank_lines_make_no_empty_sentences() -> None:
    """Blank lines and trailing spaces do not count as sentences."""
    assert sentences("Hello.\n\n  \nBye.  ") == ["Hello.", "Bye."]


def test_a_full_stop_inside_a_number_does_not_end_a_sentence() -> None:
    """'6.5' and '24/7' stay inside their sentence."""
    assert sentences("Like 6.5 hours. Open 24/7.") == ["Like 6.5 hours.", "Open 24/7."]


def test_numbers_are_not_words() -> None:
    """Phone numbers and other tokens without letters are skipped; acronyms are words."""
    assert words("Call NHS 111, Samaritans on 116 123 or A&E, 24/7.") == [
        "Call",
        "NHS",
        "Samaritans",
        "on",
        "or",
        "A&E,",
    ]


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("cat", 1),
        ("the", 1),
        ("make", 1),
        ("table", 2),
        ("tables", 2),
        ("people", 2),
        ("moved", 1),
        ("wanted", 2),
        ("takes", 1),
        ("boxes", 2),
        ("changes", 2),
        ("service", 2),
        ("communication", 5),
        ("readability", 5),
        ("don't", 1),
        ("you're", 1),
        ("check-in", 2),
        ("Sleep,", 1),
        ("NHS", 1),
        ("", 1),
    ],
)
def test_syllable_estimates_on_common_words(word: str, count: int) -> None:
    """Vowel groups, silent final e, -le, -ed and -es endings; never fewer than 1."""
    assert syllables(word) == count


def test_a_simple_sentence_scores_its_textbook_value() -> None:
    """'The cat sat on the mat.' is 6 one-syllable words: 206.835 - 1.015 * 6 - 84.6."""
    assert flesch_reading_ease(SIMPLE) == pytest.approx(116.145)


def test_legalistic_text_scores_far_below_plain_english() -> None:
    """Long sentences of long words score below 30 ('very difficult')."""
    assert flesch_reading_ease(LEGALISTIC) < 30


def test_warm_sms_scores_as_easy() -> None:
    """A short, warm check-in reads as easy (80 or more)."""
    text = "How did you sleep last night? Reply 1 (badly) to 5 (very well), or SKIP."
    assert flesch_reading_ease(text) >= 80


def test_phone_numbers_do_not_change_the_score() -> None:
    """Skipping numbers means adding a phone number neither helps nor hurts."""
    assert flesch_reading_ease("Call NHS now for help.") == pytest.approx(
        flesch_reading_ease("Call NHS 111 now for help.")
    )


def test_a_line_break_shortens_sentences_and_raises_the_score() -> None:
    """Two lines score as two sentences, higher than the same words as one."""
    one = "Thank you for telling us we are here for you at any time of the day"
    two = "Thank you for telling us\nwe are here for you at any time of the day"
    assert flesch_reading_ease(two) > flesch_reading_ease(one)


def test_a_text_with_no_words_gets_the_no_words_score() -> None:
    """Only numbers, or nothing at all, scores NO_WORDS_SCORE instead of dividing by zero."""
    assert flesch_reading_ease("116 123") == NO_WORDS_SCORE
    assert flesch_reading_ease("") == NO_WORDS_SCORE


def test_longest_sentence_counts_words_not_numbers() -> None:
    """The longest sentence is measured in words; lines are separate sentences."""
    assert longest_sentence_words("Call 116 123 now\nYou are not on your own.") == 6
    assert longest_sentence_words("") == 0

"""The content linter: worst-case widths, select variants, terms, GSM-7 and plain English."""

from __future__ import annotations

from pathlib import Path

import pytest

from companion.i18n.catalog import Catalog, CatalogFile
from companion.i18n.lint import READING_EASE_MIN, SENTENCE_WORDS_MAX, lint_catalogs
from companion.i18n.readability import flesch_reading_ease
from companion.sms.segments import count_segments

HARD = (
    "Notwithstanding the aforementioned provisions, continued utilisation of this"
    " service constitutes irrevocable acceptance of the modified terms and conditions."
)


def write(root: Path, locale: str, text: str, name: str = "main.ftl") -> Path:
    (root / locale).mkdir(parents=True, exist_ok=True)
    path = root / locale / name
    path.write_text(text, encoding="utf-8")
    return path


def lint(tmp_path: Path, english: str) -> list[str]:
    write(tmp_path, "en", english)
    return lint_catalogs(tmp_path)


def test_plain_warm_messages_have_no_problems(tmp_path: Path) -> None:
    """A catalog of short, warm, GSM-7 messages within budget passes every check."""
    english = (
        "# segments: 1\n# $name: 12 chars\n"
        "hi = Nice to meet you, { $name }. Text HELP for help.\n"
        "# segments: 1\n"
        "ask = How did you sleep last night? Reply 1 (badly) to 5 (very well), or SKIP.\n"
    )
    assert lint(tmp_path, english) == []


def test_hard_english_is_reported_with_file_id_and_score(tmp_path: Path) -> None:
    """A message below the reading-ease threshold names its file, its id and its score."""
    score = flesch_reading_ease(HARD)
    assert score < READING_EASE_MIN
    problems = lint(tmp_path, f"# segments: 2\nterms = {HARD}\n")
    assert [p for p in problems if "reading ease" in p] == [
        f"{tmp_path / 'en' / 'main.ftl'}: terms: reading ease {score:.1f}, below 60;"
        " use shorter sentences and everyday words"
    ]


def test_a_sentence_over_the_word_limit_is_reported(tmp_path: Path) -> None:
    """A sentence of more than 25 words is reported with its length, however easy its words."""
    long_sentence = " ".join(["we can help"] * 9) + "."
    problems = lint(tmp_path, f"# segments: 2\nlong = {long_sentence}\n")
    assert any(f"long: a sentence of 27 words, over {SENTENCE_WORDS_MAX}" in p for p in problems), (
        problems
    )


def test_a_short_message_is_not_scored_alone(tmp_path: Path) -> None:
    """A few plain words with one long one are not failed: alone, the score means little."""
    text = "Reminder: your appointment is tomorrow."
    assert flesch_reading_ease(text) < READING_EASE_MIN
    assert lint(tmp_path, f"# segments: 1\nremind = {text}\n") == []


def test_short_messages_that_are_all_hard_are_reported_together(tmp_path: Path) -> None:
    """Short messages are scored as a group, naming the hardest ones."""
    english = "".join(
        f"# segments: 1\nm{n} = {text}\n"
        for n, text in enumerate(
            [
                "Reminder: your appointment is tomorrow.",
                "Medication adherence is recommended.",
                "Consultation availability is limited.",
                "Registration is unavailable currently.",
            ]
        )
    )
    problems = lint(tmp_path, english)
    assert len(problems) == 1, problems
    assert "messages under 15 words have reading ease" in problems[0]
    assert "hardest:" in problems[0]
    hardest = problems[0].split("hardest:")[1]
    assert "main.ftl: m3 (" in hardest
    assert "main.ftl: m1 (" in hardest


def test_other_locales_are_not_scored_for_readability(tmp_path: Path) -> None:
    """The Flesch formula is for English; a long Polish text is not failed by it."""
    write(tmp_path, "en", "# segments: 1\nhi = Thank you, that is really helpful to know today.\n")
    polish = (
        "Dziekujemy serdecznie, zapisalismy odpowiedz i przypomnimy jutro o umowionej"
        " godzinie, jezeli wyrazisz zgode na kolejne wiadomosci przypominajace o pomiarach."
    )
    assert flesch_reading_ease(polish) < READING_EASE_MIN
    write(tmp_path, "pl", f"# segments: 2\nhi = {polish}\n")
    assert lint_catalogs(tmp_path) == []


@pytest.mark.parametrize("character", ["\u2019", "\u201c", "\u2013", "\u2014", "\U0001f600"])
def test_non_gsm7_english_characters_are_reported(tmp_path: Path, character: str) -> None:
    """Curly quotes, en and em dashes and emoji in English are reported by character."""
    problems = lint(tmp_path, f"# segments: 1\nhi = Hi {character} there\n")
    assert any("hi: not GSM-7" in p and repr(character) in p for p in problems), problems


def test_a_message_that_fits_with_short_values_but_not_at_its_width_is_reported(
    tmp_path: Path,
) -> None:
    """The budget holds at the declared width, not at a short test value."""
    english = (
        "# segments: 1\n# $goal: 100 gsm chars\n"
        "goal = Your goal is: { $goal }. Text GOAL to change it.\n"
    )
    write(tmp_path, "en", english)
    rendered = Catalog([CatalogFile("en", Path("main.ftl"), english)]).render(
        "goal", args={"goal": "walk to the park"}
    )
    assert count_segments(rendered) == 1
    assert any("goal: 2 segments at worst, budget is 1" in p for p in lint_catalogs(tmp_path))


def test_gsm_chars_are_assumed_to_be_two_septet_extension_characters(tmp_path: Path) -> None:
    """A '3 gsm chars' value may be '€€€' (6 septets); '3 digits' costs 3."""
    text = "a" * 156 + " { $n }"  # 160 septets with 3 digits, 163 with 3 euro signs
    assert lint(tmp_path, f"# segments: 1\n# $n: 3 digits\nhi = {text}\n") == []
    problems = lint(tmp_path, f"# segments: 1\n# $n: 3 gsm chars\nhi = {text}\n")
    assert any("hi: 2 segments at worst, budget is 1 (GSM-7" in p for p in problems), problems


def test_any_script_chars_turn_the_message_into_ucs2(tmp_path: Path) -> None:
    """'20 chars' may hold emoji: UCS-2 for the whole SMS, two units each."""
    text = "Nice to meet you, { $name }. Text HELP for help."  # 39 characters without the name
    assert lint(tmp_path, f"# segments: 1\n# $name: 20 gsm chars\nhi = {text}\n") == []
    # 39 + 20 letters outside GSM-7 would fit one UCS-2 part of 70; 20 emoji (40 units) do not.
    problems = lint(tmp_path, f"# segments: 1\n# $name: 20 chars\nhi = {text}\n")
    assert problems == [
        f"{tmp_path / 'en' / 'main.ftl'}: hi: 2 segments at worst, budget is 1"
        " (UCS-2 with every variable at its width)"
    ]


def test_a_shown_variable_without_a_width_is_reported(tmp_path: Path) -> None:
    """A variable in the text with no declared width is a problem, not a guess."""
    problems = lint(tmp_path, "# segments: 1\nhi = Hi { $name }.\n")
    assert any("hi: $name has no width" in p for p in problems), problems


def test_a_selector_needs_no_width(tmp_path: Path) -> None:
    """A variable used only to choose a variant is never shown, so needs no width."""
    english = "# segments: 1\nhi = { $reason ->\n    [late] Running late.\n   *[other] Hello.\n}\n"
    assert lint(tmp_path, english) == []


@pytest.mark.parametrize(
    ("declaration", "problem"),
    [
        ("$name: twenty chars", "'$name: twenty chars' is not a width"),
        ("$name: 20 letters", "'$name: 20 letters' is not a width"),
        ("$nmae: 20 chars", "width given for $nmae, which it does not use"),
    ],
)
def test_unreadable_or_unused_widths_are_reported(
    tmp_path: Path, declaration: str, problem: str
) -> None:
    """A width line that does not parse, or names a variable not in the message, is reported."""
    problems = lint(tmp_path, f"# segments: 1\n# {declaration}\nhi = Hi {{ $name }}.\n")
    assert any(problem in p for p in problems), problems


def test_every_variant_of_a_select_is_checked_against_the_budget(tmp_path: Path) -> None:
    """A non-default variant over budget is reported by name; the others pass."""
    english = (
        "# segments: 1\n"
        "hi =\n"
        "    { $reason ->\n"
        f"        [long] {'Sorry. ' * 30}\n"
        "        [short] Hello.\n"
        "       *[other] Hi.\n"
        "    }\n"
    )
    problems = lint(tmp_path, english)
    budget = [p for p in problems if "segments at worst" in p]
    assert budget == [
        f"{tmp_path / 'en' / 'main.ftl'}: hi [$reason = long]: 2 segments at worst, budget is 1"
        " (GSM-7 with every variable at its width)"
    ]


def test_a_non_gsm7_character_in_one_variant_is_reported(tmp_path: Path) -> None:
    """A curly quote hiding in a variant that is rarely sent is still found."""
    english = "# segments: 1\nhi = { $n ->\n    [one] It\u2019s one.\n   *[other] Many.\n}\n"
    problems = lint(tmp_path, english)
    assert any("hi [$n = one]: not GSM-7" in p for p in problems), problems
    assert not any("*other" in p for p in problems), problems


def test_nested_selects_and_number_keys_are_expanded(tmp_path: Path) -> None:
    """Each combination of nested variants is rendered; plural number keys are named."""
    english = (
        "# segments: 1\n# $count: 2 digits\n"
        "hi =\n"
        "    { $count ->\n"
        "        [0] Nothing yet.\n"
        "       *[other] { $count } days. { $mood ->\n"
        f"            [low] {'Take care. ' * 15}\n"
        "           *[fine] Well done.\n"
        "        }\n"
        "    }\n"
    )
    problems = lint(tmp_path, english)
    assert [p for p in problems if "segments at worst" in p] == [
        f"{tmp_path / 'en' / 'main.ftl'}: hi [$count = *other, $mood = low]:"
        " 2 segments at worst, budget is 1 (GSM-7 with every variable at its width)"
    ]


def test_terms_count_towards_the_budget_and_need_no_comment(tmp_path: Path) -> None:
    """A term is rendered into the messages that use it; it has no budget of its own."""
    brand = "We are here. " * 13  # 169 characters
    problems = lint(tmp_path, f"-brand = {brand}\n\n# segments: 1\nhi = Hi from {{ -brand }}\n")
    assert problems == [
        f"{tmp_path / 'en' / 'main.ftl'}: hi: 2 segments at worst, budget is 1"
        " (GSM-7 with every variable at its width)"
    ]


def test_a_non_gsm7_term_is_reported_in_the_messages_using_it(tmp_path: Path) -> None:
    """A curly quote in a term is caught where the term is sent."""
    english = "-brand = Companion\u2019s\n\n# segments: 1\nhi = Hi from { -brand }.\n"
    problems = lint(tmp_path, english)
    assert any("hi: not GSM-7" in p for p in problems), problems


def test_a_translation_uses_the_english_width(tmp_path: Path) -> None:
    """A translation that does not restate a width is checked at the English one."""
    write(tmp_path, "en", "# segments: 1\n# $name: 20 chars\nhi = Hi { $name }.\n")
    polish = "Czesc { $name }, " + "a" * 40
    write(tmp_path, "pl", f"# segments: 1\nhi = {polish}\n")
    assert lint_catalogs(tmp_path) == [
        f"{tmp_path / 'pl' / 'main.ftl'}: hi: 2 segments at worst, budget is 1"
        " (UCS-2 with every variable at its width)"
    ]

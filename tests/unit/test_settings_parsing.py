"""Settings parsers: what people text after TIME, PAUSE, NAME, BOROUGH and LANGUAGE."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from companion.engine.reading.parsing import Value
from companion.engine.reading.settings import (
    LONDON_BOROUGHS,
    SettingAmbiguous,
    SettingUnreadable,
    parse_borough,
    parse_clock_time,
    parse_language,
    parse_name,
    parse_pause_days,
)

EMPTY = SettingUnreadable("empty")
NOT_A_TIME = SettingUnreadable("not_a_time")
NO_NUMBER = SettingUnreadable("no_number")
OUT_OF_RANGE = SettingUnreadable("out_of_range")
NOT_A_NAME = SettingUnreadable("not_a_name")
UNKNOWN_BOROUGH = SettingUnreadable("unknown_borough")
UNKNOWN_LANGUAGE = SettingUnreadable("unknown_language")
AM_OR_PM = SettingAmbiguous("am_or_pm")
CONTRADICTORY = SettingAmbiguous("contradictory")
SEVERAL_NUMBERS = SettingAmbiguous("several_numbers")
SEVERAL_BOROUGHS = SettingAmbiguous("several_boroughs")
SEVERAL_LANGUAGES = SettingAmbiguous("several_languages")
Failure = SettingUnreadable | SettingAmbiguous
LANGUAGES = {"en": ["english", "angielski"], "pl": ["polski", "polish", "polska"]}


def expected(value: object) -> object:
    """What a parser must return for a table row: a failure as is, anything else as a Value."""
    return value if isinstance(value, Failure) else Value(value)


TIMES: list[tuple[str, dt.time | Failure]] = [
    ("8pm", dt.time(20, 0)),
    ("8 pm", dt.time(20, 0)),
    ("8PM", dt.time(20, 0)),
    ("8 p.m.", dt.time(20, 0)),
    ("8.30pm", dt.time(20, 30)),
    ("8:30 pm", dt.time(20, 30)),
    ("8,30pm", dt.time(20, 30)),
    ("20:00", dt.time(20, 0)),
    ("2000", dt.time(20, 0)),
    ("20.30", dt.time(20, 30)),
    ("20h00", dt.time(20, 0)),
    ("0830", dt.time(8, 30)),
    ("08:30", dt.time(8, 30)),
    ("07:05", dt.time(7, 5)),
    ("13", dt.time(13, 0)),
    ("23:59", dt.time(23, 59)),
    ("0", dt.time(0, 0)),
    ("9am", dt.time(9, 0)),
    ("7:30 a.m.", dt.time(7, 30)),
    ("at 9am please", dt.time(9, 0)),
    ("8 in the morning", dt.time(8, 0)),
    ("half 8 in the evening", dt.time(20, 30)),
    ("half past 8 pm", dt.time(20, 30)),
    ("quarter to 9 pm", dt.time(20, 45)),
    ("twenty past eight in the morning", dt.time(8, 20)),
    ("eight thirty pm", dt.time(20, 30)),
    ("8 oclock tonight", dt.time(20, 0)),
    ("11 at night", dt.time(23, 0)),
    ("12 at night", dt.time(0, 0)),
    ("noon", dt.time(12, 0)),
    ("midday", dt.time(12, 0)),
    ("12 noon", dt.time(12, 0)),
    ("midnight", dt.time(0, 0)),
    ("12am", dt.time(0, 0)),
    ("12pm", dt.time(12, 0)),
    ("12:45pm", dt.time(12, 45)),
    ("8", AM_OR_PM),
    ("8:30", AM_OR_PM),
    ("830", AM_OR_PM),
    ("12", AM_OR_PM),
    ("7ish", AM_OR_PM),
    ("8am tonight", CONTRADICTORY),
    ("8 noon", CONTRADICTORY),
    ("8:60pm", NOT_A_TIME),
    ("25:00", NOT_A_TIME),
    ("2400", NOT_A_TIME),
    ("20am", NOT_A_TIME),
    ("0pm", NOT_A_TIME),
    ("8.3pm", NOT_A_TIME),
    ("8-10pm", NOT_A_TIME),
    ("70 past 8", NOT_A_TIME),
    ("whenever", NOT_A_TIME),
    ("pm", NOT_A_TIME),
    ("", EMPTY),
    ("  ", EMPTY),
]


@pytest.mark.parametrize(("text", "value"), TIMES)
def test_parse_clock_time(text: str, value: dt.time | Failure) -> None:
    """12- and 24-hour clocks, words and "half 8" read as a time; a bare 1-12 is am-or-pm."""
    assert parse_clock_time(text) == expected(value)


PAUSES: list[tuple[str, int | Failure]] = [
    ("7", 7),
    ("7 days", 7),
    ("7d", 7),
    ("7-day", 7),
    ("seven", 7),
    ("seven days please", 7),
    ("a week", 7),
    ("week", 7),
    ("1 week", 7),
    ("2 weeks", 14),
    ("2 weeeks", 14),
    ("a couple of weeks", 14),
    ("fortnight", 14),
    ("a fortnight", 14),
    ("for the next 3 weeks", 21),
    ("a week and a half", 11),
    ("1 week 2 days", 9),
    ("a month", 30),
    ("90", 90),
    ("1", 1),
    ("", EMPTY),
    ("0", OUT_OF_RANGE),
    ("91", OUT_OF_RANGE),
    ("6 months", OUT_OF_RANGE),
    ("9" * 400, OUT_OF_RANGE),
    ("7 or 14", SEVERAL_NUMBERS),
    ("7 14", SEVERAL_NUMBERS),
    ("-7", NO_NUMBER),
    ("forever", NO_NUMBER),
    ("a while", NO_NUMBER),
]


@pytest.mark.parametrize(("text", "value"), PAUSES)
def test_parse_pause_days(text: str, value: int | Failure) -> None:
    """Days, weeks, fortnights and months in digits or words add up to whole days in 1-90."""
    assert parse_pause_days(text) == expected(value)


NAMES: list[tuple[str, str | Failure]] = [
    ("Sam", "Sam"),
    ("  sam  ", "Sam"),
    ("SAM", "SAM"),
    ("mary  jane", "Mary jane"),
    ("Mary-Jane", "Mary-Jane"),
    ("my name is sam", "Sam"),
    ("Call me Jo", "Jo"),
    ("I’m Alex", "Alex"),
    ("i'm alex", "Alex"),
    ("o’brien", "O'brien"),
    ("J.R. Smith", "J.R. Smith"),
    ("Sam.", "Sam"),
    ("sam!", "Sam"),
    ("Zoë", "Zoë"),
    ("łukasz", "Łukasz"),
    ("محمد", "محمد"),
    ("李明", "李明"),
    ("a" * 30, "A" + "a" * 29),
    ("a" * 31, NOT_A_NAME),
    ("", NOT_A_NAME),
    ("   ", NOT_A_NAME),
    ("Sam2", NOT_A_NAME),
    ("007", NOT_A_NAME),
    ("www.example.com", NOT_A_NAME),
    ("bit.ly", NOT_A_NAME),
    ("http://x.y", NOT_A_NAME),
    ("sam@example", NOT_A_NAME),
    ("😀", NOT_A_NAME),
    ("-", NOT_A_NAME),
    ("i'm", NOT_A_NAME),
    ("Ana\u202e", NOT_A_NAME),
]


@pytest.mark.parametrize(("text", "value"), NAMES)
def test_parse_name(text: str, value: str | Failure) -> None:
    """Letters of any script with spaces, hyphens, apostrophes and dots make a 1-30 name."""
    assert parse_name(text) == expected(value)


BOROUGHS: list[tuple[str, str | Failure]] = [
    ("Hackney", "Hackney"),
    ("HACKNEY", "Hackney"),
    ("hackney council", "Hackney"),
    ("Hackny", "Hackney"),
    ("Lambteh", "Lambeth"),
    ("tower hamlts", "Tower Hamlets"),
    ("towerhamlets", "Tower Hamlets"),
    ("I live in Islington", "Islington"),
    ("Hackney, London", "Hackney"),
    ("LB of Camden", "Camden"),
    ("London Borough of Barnet", "Barnet"),
    ("Royal Borough of Greenwich", "Greenwich"),
    ("royal borough of kensington & chelsea", "Kensington and Chelsea"),
    ("RBKC", "Kensington and Chelsea"),
    ("hammersmith & fulham", "Hammersmith and Fulham"),
    ("Hammersmith", "Hammersmith and Fulham"),
    ("Fulham", "Hammersmith and Fulham"),
    ("Kensington", "Kensington and Chelsea"),
    ("Chelsea", "Kensington and Chelsea"),
    ("Barking", "Barking and Dagenham"),
    ("Dagenham", "Barking and Dagenham"),
    ("barking and dagenham", "Barking and Dagenham"),
    ("Kingston", "Kingston upon Thames"),
    ("Kingston-upon-Thames", "Kingston upon Thames"),
    ("Richmond", "Richmond upon Thames"),
    ("the City", "City of London"),
    ("City of London", "City of London"),
    ("City of Westminster", "Westminster"),
    ("Westminster City Council", "Westminster"),
    ("waltham forest", "Waltham Forest"),
    ("outside London", ""),
    ("not in london", ""),
    ("none", ""),
    ("London", UNKNOWN_BOROUGH),
    ("Manchester", UNKNOWN_BOROUGH),
    ("healing", UNKNOWN_BOROUGH),
    ("narrow", UNKNOWN_BOROUGH),
    ("Hackney or Islington", SEVERAL_BOROUGHS),
    ("", EMPTY),
    ("&", EMPTY),
]


@pytest.mark.parametrize(("text", "value"), BOROUGHS)
def test_parse_borough(text: str, value: str | Failure) -> None:
    """Official, short, "&" and one-typo forms give the canonical borough; "" is not London."""
    assert parse_borough(text) == expected(value)


@pytest.mark.parametrize("name", LONDON_BOROUGHS)
def test_every_canonical_borough_reads_as_itself(name: str) -> None:
    """Each of the 33 canonical names, in any case, parses to itself."""
    assert len(LONDON_BOROUGHS) == 33
    assert parse_borough(name.upper()) == Value(name)


LANGUAGE_ROWS: list[tuple[str, str | Failure]] = [
    ("polski", "pl"),
    ("Polski", "pl"),
    ("POLISH", "pl"),
    ("pl", "pl"),
    ("PL", "pl"),
    ("jezyk polski", "pl"),
    ("język polski", "pl"),
    ("polksi", "pl"),
    ("english", "en"),
    ("Englsh", "en"),
    ("angielski", "en"),
    ("en", "en"),
    ("", EMPTY),
    ("!!!", EMPTY),
    ("french", UNKNOWN_LANGUAGE),
    ("po", UNKNOWN_LANGUAGE),
    ("english or polish", SEVERAL_LANGUAGES),
]


@pytest.mark.parametrize(("text", "value"), LANGUAGE_ROWS)
def test_parse_language(text: str, value: str | Failure) -> None:
    """A code or any name, case- and diacritic-free with one typo, gives the locale code."""
    assert parse_language(text, LANGUAGES) == expected(value)


def test_language_names_match_without_their_diacritics() -> None:
    """A name given with diacritics matches when typed without them, and the other way."""
    available = {"pl": ["Język polski"], "pt-BR": ["português"]}
    assert parse_language("jezyk polski", available) == Value("pl")
    assert parse_language("portugues", available) == Value("pt-BR")
    assert parse_language("pt_br", available) == Value("pt-BR")


def test_a_name_two_codes_share_is_ambiguous() -> None:
    """A name listed for two locales is never silently given to one of them."""
    available = {"pt": ["portuguese"], "pt-BR": ["portuguese", "brasileiro"]}
    assert parse_language("Portuguese", available) == SEVERAL_LANGUAGES
    assert parse_language("brasileiro", available) == Value("pt-BR")


def test_results_are_immutable() -> None:
    """Failure results are frozen, so a stored reason cannot be changed by accident."""
    with pytest.raises(dataclasses.FrozenInstanceError):
        parse_name("").reason = "empty"  # type: ignore[union-attr, misc]


PARSERS: list[Callable[[str], object]] = [
    parse_clock_time,
    parse_pause_days,
    parse_name,
    parse_borough,
    lambda text: parse_language(text, LANGUAGES),
]
CRAFTED = ["\x00" * 5000, "a" * 100_000, "a " * 5000 + "m", "8" * 5000, "ﷺ" * 2000, "😀" * 4000]


def assert_parsed(result: object) -> None:
    """A parser's answer is always one of the three result kinds."""
    assert isinstance(result, Value | SettingUnreadable | SettingAmbiguous)


@pytest.mark.parametrize("text", CRAFTED)
def test_crafted_inputs_never_raise(text: str) -> None:
    """Long, control-character and expanding-unicode replies never raise."""
    for parser in PARSERS:
        assert_parsed(parser(text))


@settings(max_examples=150, deadline=None)
@given(
    st.text(max_size=80)
    | st.lists(
        st.sampled_from(["8", "30", ":", ".", "pm", "half", "to", "week", "a", "and", "of", "é"]),
        max_size=10,
    ).map(" ".join)
)
def test_arbitrary_text_never_raises(text: str) -> None:
    """Any string at all gets a result from every settings parser, never an exception."""
    for parser in PARSERS:
        assert_parsed(parser(text))

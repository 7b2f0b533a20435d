"""Answer parsers: the replies people really text, and exactly what each must yield."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from companion.engine.reading.parsing import (
    Ambiguous,
    BloodPressure,
    KeywordMatch,
    Unreadable,
    Value,
    match_keyword,
    parse_blood_pressure,
    parse_count,
    parse_duration_minutes,
    parse_glucose,
    parse_goal_review,
    parse_hours,
    parse_length_cm,
    parse_number,
    parse_scale_012,
    parse_score_0_10,
    parse_weight_kg,
    parse_yes_no,
)

Expected = float | int | bool | str | BloodPressure | Unreadable | Ambiguous

EMPTY = Unreadable("empty")
NO_NUMBER = Unreadable("no_number")
VAGUE = Unreadable("vague")
OUT_OF_RANGE = Unreadable("out_of_range")
UNKNOWN_UNIT = Unreadable("unknown_unit")
MISSING_UNIT = Unreadable("missing_unit")
TIME_OF_DAY = Unreadable("time_of_day")
INCOMPLETE = Unreadable("incomplete")
NOT_UNDERSTOOD = Unreadable("not_understood")
CONTRADICTORY = Ambiguous("contradictory")
UNSURE = Ambiguous("unsure")
SEVERAL = Ambiguous("several_numbers")


def expected(value: Expected) -> object:
    """What a parser must return for a table row: floats compare approximately."""
    if isinstance(value, Unreadable | Ambiguous):
        return value
    if isinstance(value, float):
        return Value(pytest.approx(value, abs=1e-9))
    return Value(value)


NUMBERS: list[tuple[str, Expected]] = [
    ("7", 7.0),
    ("about 7", 7.0),
    ("7ish", 7.0),
    ("7 hrs", 7.0),
    ("about 7 hrs", 7.0),
    ("6,5", 6.5),
    ("6.5", 6.5),
    ("six and a half", 6.5),
    ("six-and-a-half", 6.5),
    ("Six an a half", 6.5),
    ("a couple", 2.0),
    ("none", 0.0),
    ("nothing", 0.0),
    ("zero", 0.0),
    ("nil", 0.0),
    ("0", 0.0),
    ("nowt", 0.0),
    ("twenty", 20.0),
    ("twenty five", 25.0),
    ("twenty-five", 25.0),
    ("a dozen", 12.0),
    ("half a dozen", 6.0),
    ("1 and a half", 1.5),
    ("an hour", 1.0),
    ("half an hour", 0.5),
    ("7 and a half", 7.5),
    ("7 1/2", 7.5),
    ("7½", 7.5),
    ("8 hours last night", 8.0),
    ("sevn", 7.0),
    ("fve", NO_NUMBER),  # a 3-letter word never stands for a longer number word
    ("eigth", 8.0),
    ("thre", 3.0),
    ("fourty", 40.0),
    ("ninty", 90.0),
    ("seven point five", 7.5),
    ("a hundred and twenty", 120.0),
    ("7 or 8", 7.5),
    ("7-8", 7.5),
    ("7–8", 7.5),  # an en dash, as phones autocorrect "-"
    ("5 to 6", 5.5),
    ("between 5 and 6", 5.5),
    ("٧", 7.0),
    ("７", 7.0),
    ("1,500", 1500.0),
    ("~7", 7.0),
    ("SEVEN!!!", 7.0),
    ("three quarters", 0.75),
    ("half past six", TIME_OF_DAY),
    ("11pm", TIME_OF_DAY),
    ("7 o'clock", TIME_OF_DAY),
    ("a few", VAGUE),
    ("loads", VAGUE),
    ("", EMPTY),
    ("   ", EMPTY),
    ("dunno", UNSURE),
    ("no idea", UNSURE),
    ("for", NO_NUMBER),
    ("then", NO_NUMBER),
    ("last night", NO_NUMBER),
    ("sixy", NO_NUMBER),
    ("6 hours, no 8", SEVERAL),
    ("2001", OUT_OF_RANGE),
]


@pytest.mark.parametrize(("text", "value"), NUMBERS)
def test_parse_number(text: str, value: Expected) -> None:
    """Digits, number words, fractions, typos and ranges read as one amount."""
    assert parse_number(text, minimum=0, maximum=2000) == expected(value)


SCORES: list[tuple[str, Expected]] = [
    ("7", 7.0),
    ("7/10", 7.0),
    ("10/10", 10.0),
    ("7 out of 10", 7.0),
    ("seven", 7.0),
    ("about a 6", 6.0),
    ("6-7", 6.5),
    ("0", 0.0),
    ("no pain", 0.0),
    ("none", 0.0),
    ("no energy at all", 0.0),
    ("Energy 5", 5.0),
    ("8 💪", 8.0),
    ("a 3 maybe", 3.0),
    ("11", OUT_OF_RANGE),
    ("15/10", OUT_OF_RANGE),
    ("not bad", NO_NUMBER),
    ("not sure", UNSURE),
]


@pytest.mark.parametrize(("text", "value"), SCORES)
def test_parse_score_0_10(text: str, value: Expected) -> None:
    """A 0-10 score accepts "/10" and "out of 10"; "no pain" is 0; 11 is out of range."""
    assert parse_score_0_10(text) == expected(value)


HOURS: list[tuple[str, Expected]] = [
    ("7h", 7.0),
    ("7 hrs", 7.0),
    ("about 7", 7.0),
    ("six and a half", 6.5),
    ("seven and a half hrs", 7.5),
    ("didnt sleep", 0.0),
    ("didn't sleep at all", 0.0),
    ("no sleep", 0.0),
    ("none", 0.0),
    ("not a wink", 0.0),
    ("couldnt sleep", 0.0),
    ("5-6", 5.5),
    ("around 6 or 7 hours", 6.5),
    ("6/7 hrs", 6.5),
    ("7h30", 7.5),
    ("7:30", 7.5),
    ("7h20", 7.33),
    ("7¼ hrs", 7.25),
    ("7.30", 7.3),
    ("7 hours 30 mins", 7.5),
    ("7hrs 45", 7.75),
    ("90 mins", 1.5),
    ("9 huors", 9.0),
    ("8 hours last night", 8.0),
    ("Slept about 6 hours", 6.0),
    ("12 hours!!", 12.0),
    ("7 in bed", 7.0),
    ("barely slept", VAGUE),
    ("hardly any", VAGUE),
    ("didnt sleep much", VAGUE),
    ("all night", VAGUE),
    ("didnt sleep well", NO_NUMBER),
    ("zzz", NO_NUMBER),
    ("25", OUT_OF_RANGE),
    ("half past six", TIME_OF_DAY),
    ("10pm to 6am", TIME_OF_DAY),
    ("7 a.m.", TIME_OF_DAY),
    ("from 11 til 7", SEVERAL),
    ("7 kg", UNKNOWN_UNIT),
    ("not sure", UNSURE),
]


@pytest.mark.parametrize(("text", "value"), HOURS)
def test_parse_hours(text: str, value: Expected) -> None:
    """Sleep reads as hours: "didnt sleep" is 0, "barely slept" vague, a clock time refused."""
    assert parse_hours(text) == expected(value)


DURATIONS: list[tuple[str, Expected]] = [
    ("30 mins", 30),
    ("half an hour", 30),
    ("1h", 60),
    ("1hr 30", 90),
    ("an hour and a half", 90),
    ("90", 90),
    ("1.5 hours", 90),
    ("none", 0),
    ("walked for 20 minutes", 20),
    ("20m", 20),
    ("20mins walk", 20),
    ("a couple of hours", 120),
    ("45 minutes gardening", 45),
    ("about 40 mins of housework", 40),
    ("nah", 0),
    ("didnt", 0),
    ("quarter of an hour", 15),
    ("three quarters of an hour", 45),
    ("3/4 hour", 45),
    ("1:30", 90),
    ("1 hour and 15 minutes", 75),
    ("1 hr 15 mins", 75),
    ("fifteen mins", 15),
    ("Ten minutes", 10),
    ("20 mins walk and 30 mins gym", SEVERAL),
    ("a few minutes", VAGUE),
    ("25 hours", OUT_OF_RANGE),
    ("3 miles", UNKNOWN_UNIT),
    ("5k run", UNKNOWN_UNIT),
]


@pytest.mark.parametrize(("text", "value"), DURATIONS)
def test_parse_duration_minutes(text: str, value: Expected) -> None:
    """Activity reads as whole minutes; a bare number is minutes, hours convert."""
    assert parse_duration_minutes(text) == expected(value)


WEIGHTS: list[tuple[str, Expected]] = [
    ("84.2", 84.2),
    ("84 kg", 84.0),
    ("84kg", 84.0),
    ("84,2 kilos", 84.2),
    ("84.2kgs", 84.2),
    ("84,5kg", 84.5),
    ("13st 4lb", 84.4),
    ("13 stone 4", 84.4),
    ("13st", 82.6),
    ("13 st 4 lbs", 84.4),
    ("I'm 13 stone 4 pounds", 84.4),
    ("12st 10", 80.7),
    ("13.5 stone", 85.7),
    ("13 and a half stone", 85.7),
    ("thirteen stone", 82.6),
    ("185 lb", 83.9),
    ("185lbs", 83.9),
    ("185 pounds", 83.9),
    ("200 lbs", 90.7),
    ("weighed 84.2 this morning", 84.2),
    ("Weight 84.2", 84.2),
    ("84 or 85", 84.5),
    ("84.23", 84.2),
    ("13", MISSING_UNIT),
    ("400", MISSING_UNIT),
    ("1000", OUT_OF_RANGE),
    ("2", OUT_OF_RANGE),
    ("84 grams", UNKNOWN_UNIT),
    ("13st 15lb", SEVERAL),
    ("heavy", NO_NUMBER),
    ("13.4st", Ambiguous("stone_or_pounds")),  # most mean 13 st 4 lb: asked, not guessed
    ("13.4 stone", Ambiguous("stone_or_pounds")),
    ("12,10 st", Ambiguous("stone_or_pounds")),
    ("about 13.1 stones", Ambiguous("stone_or_pounds")),
    ("12.25st", 77.8),  # a quarter of a stone
    ("13.50 stone", 85.7),
    ("13.0st", 82.6),
    ("12.9 kg", OUT_OF_RANGE),  # kilograms are never asked about
]


@pytest.mark.parametrize(("text", "value"), WEIGHTS)
def test_parse_weight_kg(text: str, value: Expected) -> None:
    """Weights in kg, stone and pounds become kg to 0.1; a bare number is kg."""
    assert parse_weight_kg(text) == expected(value)


LENGTHS: list[tuple[str, Expected]] = [
    ("90cm", 90.0),
    ("90 cm", 90.0),
    ("88.5 cms", 88.5),
    ("waist 94cm", 94.0),
    ("35 in", 88.9),
    ("35 inches", 88.9),
    ('35"', 88.9),
    ("35”", 88.9),
    ("34 inch", 86.4),
    ("thirty six inches", 91.4),
    ("2ft 11", 88.9),
    ("90", 90.0),
    ("36", MISSING_UNIT),
    ("250", OUT_OF_RANGE),
]


@pytest.mark.parametrize(("text", "value"), LENGTHS)
def test_parse_length_cm(text: str, value: Expected) -> None:
    """Waist sizes in cm, inches or feet-and-inches become cm; a bare number is cm."""
    assert parse_length_cm(text) == expected(value)


GLUCOSES: list[tuple[str, Expected]] = [
    ("6.1", 6.1),
    ("6,1 mmol", 6.1),
    ("6.1mmol/l", 6.1),
    ("5.5 mmol/L before breakfast", 5.5),
    ("5.4 fasting", 5.4),
    ("Blood sugar 7.2", 7.2),
    ("seven point two", 7.2),
    ("110 mg/dl", 6.1),
    ("110mg/dL", 6.1),
    ("110", 6.1),
    ("hba1c 48", UNKNOWN_UNIT),
    ("48 mmol/mol", UNKNOWN_UNIT),
    ("6.5%", UNKNOWN_UNIT),
    ("0.5", OUT_OF_RANGE),
    ("40 mmol", OUT_OF_RANGE),
]


@pytest.mark.parametrize(("text", "value"), GLUCOSES)
def test_parse_glucose(text: str, value: Expected) -> None:
    """Glucose reads in mmol/L; mg/dL (or a bare number over 35) converts; HbA1c is refused."""
    assert parse_glucose(text) == expected(value)


PRESSURES: list[tuple[str, Expected]] = [
    ("128/82", BloodPressure(128, 82)),
    ("BP 128 82", BloodPressure(128, 82)),
    ("128 over 82", BloodPressure(128, 82)),
    ("128/82 pulse 70", BloodPressure(128, 82)),
    ("bp:128/82", BloodPressure(128, 82)),
    ("pulse 70 bp 128/82", BloodPressure(128, 82)),
    ("120 / 80 mmHg", BloodPressure(120, 80)),
    ("one hundred and twenty over eighty", BloodPressure(120, 80)),
    ("128-82", BloodPressure(128, 82)),
    ("120/80 and 130/85", BloodPressure(120, 80)),
    ("82/128", OUT_OF_RANGE),
    ("300/100", OUT_OF_RANGE),
    ("128/30", OUT_OF_RANGE),
    ("128", INCOMPLETE),
    ("high", NO_NUMBER),
    ("", EMPTY),
]


@pytest.mark.parametrize(("text", "value"), PRESSURES)
def test_parse_blood_pressure(text: str, value: Expected) -> None:
    """The first systolic/diastolic pair is read and checked against sanity ranges."""
    assert parse_blood_pressure(text) == expected(value)


COUNTS: list[tuple[str, int | None, Expected]] = [
    ("3", None, 3.0),
    ("three", None, 3.0),
    ("none", None, 0.0),
    ("didnt smoke", None, 0.0),
    ("Didnt have any drinks", None, 0.0),
    ("haven't had any", None, 0.0),
    ("nothing today", None, 0.0),
    ("no", None, 0.0),
    ("0", None, 0.0),
    ("not a drop", None, 0.0),
    ("not one", None, 0.0),
    ("about 10", None, 10.0),
    ("just the one", None, 1.0),
    ("a couple", None, 2.0),
    ("a dozen", None, 12.0),
    ("3 pints", None, 3.0),
    ("a pint", None, 1.0),
    ("20 a day", None, 20.0),
    ("i had 5 fags", None, 5.0),
    ("two meals", None, 2.0),
    ("2.5", None, 2.5),
    ("10-15", None, 12.5),
    ("half a pack", 20, 10.0),
    ("a pack", 20, 20.0),
    ("2 packs", 20, 40.0),
    ("half a pack", None, UNKNOWN_UNIT),
    ("a few", None, VAGUE),
    ("loads", None, VAGUE),
    ("2 hours", None, UNKNOWN_UNIT),
    ("150", None, OUT_OF_RANGE),
    ("3 meals and 2 snacks", None, SEVERAL),
]


@pytest.mark.parametrize(("text", "pack_size", "value"), COUNTS)
def test_parse_count(text: str, pack_size: int | None, value: Expected) -> None:
    """Counts read from digits or words; "didnt smoke" is 0; a pack needs its size."""
    assert parse_count(text, pack_size=pack_size) == expected(value)


YES_NO: list[tuple[str, Expected]] = [
    ("yes", True),
    ("y", True),
    ("Y.", True),
    ("yep", True),
    ("yeah", True),
    ("Yeahhh", True),
    ("yea", True),
    ("ya", True),
    ("yh", True),
    ("ok", True),
    ("okay", True),
    ("k", True),
    ("sure", True),
    ("definitely", True),
    ("of course", True),
    ("aye", True),
    ("yess", True),
    ("YES!!!", True),
    ("yes please", True),
    ("no problem", True),
    ("I did", True),
    ("yes I took them", True),
    ("👍", True),
    ("👍🏽", True),
    ("✔️", True),
    ("no", False),
    ("n", False),
    ("Nooo", False),
    ("nah", False),
    ("nope", False),
    ("not really", False),
    ("no thanks", False),
    ("na", False),
    ("never", False),
    ("not yet", False),
    ("of course not", False),
    ("definitely not", False),
    ("I haven't", False),
    ("No I didn't", False),
    ("nope, not today", False),
    ("👎", False),
    ("❌", False),
    ("no... well yes", CONTRADICTORY),
    ("yes no", CONTRADICTORY),
    ("yes and no", CONTRADICTORY),
    ("Yes. No wait", CONTRADICTORY),
    ("maybe", UNSURE),
    ("not sure", UNSURE),
    ("idk", UNSURE),
    ("yesterday", NOT_UNDERSTOOD),
    ("hello", NOT_UNDERSTOOD),
    ("", EMPTY),
]


@pytest.mark.parametrize(("text", "value"), YES_NO)
def test_parse_yes_no(text: str, value: Expected) -> None:
    """Yes and no in slang, emoji and capitals; both at once or "maybe" is ambiguous."""
    assert parse_yes_no(text) == expected(value)


SCALE: list[tuple[str, Expected]] = [
    ("0", 0),
    ("1", 1),
    ("2", 2),
    ("one", 1),
    ("none", 0),
    ("no", 0),
    ("not at all", 0),
    ("not really", 0),
    ("a bit", 1),
    ("a little", 1),
    ("A LITTLE BIT", 1),
    ("bit", 1),
    ("some", 1),
    ("sometimes", 1),
    ("not a lot", 1),
    ("not much", 1),
    ("not too bad", 1),
    ("1 - a bit", 1),
    ("yes a bit", 1),
    ("a lot", 2),
    ("Alot", 2),
    ("loads", 2),
    ("lots", 2),
    ("very", 2),
    ("really bad", 2),
    ("quite a lot", 2),
    ("all the time", 2),
    ("terrible 😩", 2),
    ("2 loads", 2),
    ("3", OUT_OF_RANGE),
    ("1.5", OUT_OF_RANGE),
    ("1 or 2", CONTRADICTORY),
    ("no... a bit", CONTRADICTORY),
    ("yes", VAGUE),
    ("blah", NOT_UNDERSTOOD),
]


@pytest.mark.parametrize(("text", "value"), SCALE)
def test_parse_scale_012(text: str, value: Expected) -> None:
    """Side effects rate 0 none / 1 a bit / 2 a lot from digits or everyday words."""
    assert parse_scale_012(text) == expected(value)


GOALS: list[tuple[str, Expected]] = [
    ("done", "done"),
    ("Done! ✅", "done"),
    ("yes did it", "done"),
    ("Yeah", "done"),
    ("did it twice", "done"),
    ("smashed it", "done"),
    ("partly", "partly"),
    ("some of it", "partly"),
    ("half", "partly"),
    ("half done", "partly"),
    ("did half", "partly"),
    ("nearly", "partly"),
    ("mostly", "partly"),
    ("kind of", "partly"),
    ("didnt manage all of it", "partly"),
    ("no but did some", "partly"),
    ("not this week", "not_this_week"),
    ("no", "not_this_week"),
    ("nope", "not_this_week"),
    ("didn't manage", "not_this_week"),
    ("forgot", "not_this_week"),
    ("Not really, next week", "not_this_week"),
    ("done and not done", CONTRADICTORY),
    ("not sure", UNSURE),
    ("hmm", NOT_UNDERSTOOD),
]


@pytest.mark.parametrize(("text", "value"), GOALS)
def test_parse_goal_review(text: str, value: Expected) -> None:
    """A goal review is done, partly or not this week; a partial answer wins over yes/no."""
    assert parse_goal_review(text) == expected(value)


KEYWORDS = frozenset({"WEIGHT", "GOAL", "LOG", "SKIP", "SIDE", "BP", "WAIST", "HEALTH CHECK"})
KEYWORD_CASES: list[tuple[str, KeywordMatch | None]] = [
    ("weigth 84.2", KeywordMatch("WEIGHT", "84.2")),
    ("Goal walk to the park", KeywordMatch("GOAL", "walk to the park")),
    ("WEIGHT: 84", KeywordMatch("WEIGHT", "84")),
    ("weight84", KeywordMatch("WEIGHT", "84")),
    ("  #weight 84", KeywordMatch("WEIGHT", "84")),
    ("bp:128/82", KeywordMatch("BP", "128/82")),
    ("Log", KeywordMatch("LOG", "")),
    ("gaol: walk more", KeywordMatch("GOAL", "walk more")),
    ("goals", KeywordMatch("GOAL", "")),
    ("skpi", KeywordMatch("SKIP", "")),
    (
        "Side dry mouth since the new tablets",
        KeywordMatch("SIDE", "dry mouth since the new tablets"),
    ),
    ("health check booked", KeywordMatch("HEALTH CHECK", "booked")),
    ("Health-check done", KeywordMatch("HEALTH CHECK", "done")),
    ("lgo", None),
    ("skin rash", None),
    ("84 weight", None),
    ("the weight", None),
    ("", None),
]


@pytest.mark.parametrize(("text", "match"), KEYWORD_CASES)
def test_match_keyword(text: str, match: KeywordMatch | None) -> None:
    """Keywords match case-free with one typo if 4+ letters, returning the rest of the text."""
    assert match_keyword(text, KEYWORDS) == match


def test_table_has_at_least_170_rows() -> None:
    """The reply tables stay big enough to pin how people really text."""
    tables = [NUMBERS, SCORES, HOURS, DURATIONS, WEIGHTS, LENGTHS, GLUCOSES, PRESSURES]
    rows = sum(map(len, tables)) + len(COUNTS) + len(YES_NO) + len(SCALE) + len(GOALS)
    assert rows + len(KEYWORD_CASES) >= 170


def test_duration_is_a_whole_number_of_minutes() -> None:
    """Activity minutes come back as an int, rounded from fractional hours."""
    result = parse_duration_minutes("1.33 hours")
    assert result == Value(80)
    assert isinstance(result, Value)
    assert type(result.value) is int


def test_carrier_keywords_are_refused() -> None:
    """Passing STOP (or another carrier keyword) to match_keyword is a programming error."""
    with pytest.raises(ValueError, match="Stop"):
        match_keyword("stop", {"GOAL", "Stop"})


def test_a_carrier_word_never_fuzzy_matches_a_keyword() -> None:
    """A message starting with STOP never fuzzy-matches a keyword one edit away (SHOP)."""
    assert match_keyword("stop", {"SHOP"}) is None
    assert match_keyword("shop list", {"SHOP"}) == KeywordMatch("SHOP", "list")


def test_equally_close_keywords_match_neither() -> None:
    """A typo one edit from two keywords is not guessed, and an exact match beats a typo."""
    assert match_keyword("eight 84", {"WEIGHT", "HEIGHT"}) is None
    assert match_keyword("side", {"SIDE", "SIDES"}) == KeywordMatch("SIDE", "")


def test_results_are_immutable() -> None:
    """Parsed values are frozen, so a stored answer cannot be changed by accident."""
    with pytest.raises(dataclasses.FrozenInstanceError):
        parse_hours("7").value = 8  # type: ignore[union-attr]


PARSERS: list[Callable[[str], object]] = [
    lambda text: parse_number(text, minimum=0, maximum=10),
    parse_hours,
    parse_duration_minutes,
    parse_weight_kg,
    parse_length_cm,
    parse_glucose,
    parse_blood_pressure,
    lambda text: parse_count(text, pack_size=20),
    parse_score_0_10,
    parse_yes_no,
    parse_scale_012,
    parse_goal_review,
]
CRAFTED = [
    "",
    "\x00",
    "7\x00h",
    "\x00" * 5000,
    "7 and a half " * 500,
    "a" * 100_000,
    "1/" * 5000,
    "one hundred and " * 800,
    "😀" * 4000,
    "\u202e7 hrs\u202c",
    "ｓｅｖｅｎ",
    "٣٫٥",
    "\ud800",
    "7" * 5000,
    "9" * 400 + ".5",
    "- - - / / / : : :",
    "and a half",
    "half half half half",
    "between and",
    "out of 10",
    "a a a a an an",
    "𝟕 hrs",
    "Ⅶ",
    "7\u0301",
    "½/½",
]


def assert_parsed(result: object) -> None:
    """A parser's answer is always one of the three result kinds."""
    assert isinstance(result, Value | Unreadable | Ambiguous)


@pytest.mark.parametrize("text", CRAFTED)
def test_crafted_inputs_never_raise(text: str) -> None:
    """Long, unicode, control-character and degenerate replies never raise."""
    for parser in PARSERS:
        assert_parsed(parser(text))
    match = match_keyword(text, KEYWORDS)
    assert match is None or isinstance(match, KeywordMatch)


@settings(max_examples=60, deadline=None)
@given(
    st.text(max_size=80)
    | st.lists(
        st.sampled_from(["7", "half", "and", "a", "/", "st", "lb", "hr", "not", "-", "½", "👍"]),
        max_size=12,
    ).map(" ".join)
)
def test_arbitrary_text_never_raises(text: str) -> None:
    """Any string at all gets a result, never an exception."""
    for parser in PARSERS:
        assert_parsed(parser(text))
    match_keyword(text, KEYWORDS)


@pytest.mark.parametrize("text", ["nie", "nie spalem", "nin", "on"])
def test_short_words_are_not_read_as_number_typos(text: str) -> None:
    """Regression: Polish "nie" (no) was read as nine, saving 9/10 pain for a "no"."""
    assert parse_score_0_10(text) == NO_NUMBER
    assert parse_hours(text) == NO_NUMBER


@pytest.mark.parametrize(
    ("text", "answer"),
    [("tak", Value(True)), ("Nie", Value(False)), ("nie wiem", Ambiguous("unsure"))],
)
def test_polish_yes_and_no_are_understood(text: str, answer: object) -> None:
    """People texting in Polish can answer tak / nie; "nie wiem" (don't know) is not a no."""
    assert parse_yes_no(text) == answer

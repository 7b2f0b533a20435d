"""Settings parsers: the words after TIME, PAUSE, NAME, BOROUGH or LANGUAGE, as a value.

Like :mod:`companion.engine.reading.parsing`, every parser is a pure function of the text that
never raises and returns ``Value(x)`` or a reason code for the re-ask. Those reasons
are a closed ``Literal`` there, so settings return their own ``SettingUnreadable`` and
``SettingAmbiguous``.

Decisions on replies that could go either way:

* An hour 1-12 with no am/pm, no time-of-day word and no leading zero is
  ``SettingAmbiguous("am_or_pm")``: "8", "8:30", "830", "12". "0", "08:30", "0830"
  and 13-23 are 24-hour. "half 8" is 8:30. "at night"/"tonight" read 5-11 as pm,
  1-4 as am and 12 as midnight. Minutes are kept exactly.
* A pause is whole days, half days rounding up ("a week and a half" is 11); a month
  is 30 days. Empty is ``SettingUnreadable("empty")``: the caller picks the default.
* A borough or language is found anywhere in the reply ("I live in Hackney"); words
  that name none are ignored, two different ones are ambiguous. One typo is forgiven
  in a word of 5+ letters that keeps its first letter ("Hackny", "Lambteh").
* ``parse_borough`` returns ``Value("")`` for "not in London", "outside London", "none".
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, TypeAlias, TypeVar

from companion.engine.reading.numbers import (
    MAX_CHARS,
    ONES,
    TENS,
    closest,
    find_phrases,
    normalise,
    read_numbers,
    tokenize,
    word_set,
    word_value,
)
from companion.engine.reading.parsing import Value

T = TypeVar("T")
SettingUnreadableReason = Literal[
    "empty",
    "not_a_time",
    "no_number",
    "out_of_range",
    "not_a_name",
    "unknown_borough",
    "unknown_language",
]
SettingAmbiguousReason = Literal[
    "am_or_pm", "contradictory", "several_numbers", "several_boroughs", "several_languages"
]


@dataclass(frozen=True, slots=True)
class SettingUnreadable:
    """A settings reply with no usable value; ``reason`` says which re-ask fits."""

    reason: SettingUnreadableReason


@dataclass(frozen=True, slots=True)
class SettingAmbiguous:
    """A settings reply that could mean more than one value."""

    reason: SettingAmbiguousReason


SettingParsed: TypeAlias = Value[T] | SettingUnreadable | SettingAmbiguous
V = TypeVar("V")

# --- clock time --------------------------------------------------------------------

_MERIDIEMS = {"am": "am", "morning": "am", "morn": "am", "pm": "pm", "afternoon": "pm"}
_MERIDIEMS |= {"evening": "pm", "eve": "pm", "night": "night", "tonight": "night"}
_NAMED_TIMES = {"noon": "pm", "midday": "pm", "midnight": "night"}  # all at 12
_TIME_FILLERS = word_set(
    "at around about approx approximately roughly by ish oclock o clock in the this a "
    'please pls every each day daily h hr hrs hours . , ! ? ; ( ) "'
)
_A_M = re.compile(r"(?<![^\W\d_])([ap])\s?\.?\s?m(?![^\W\d_])\.?")  # "p.m.", "a m"
_PAST, _TO = frozenset({"past", "after"}), frozenset({"to", "til", "till"})


@dataclass(frozen=True, slots=True)
class _Clock:
    hour: int
    minute: int  # negative for "quarter to 9": 9 o'clock less 15
    twenty_four: bool  # written with a leading zero: "08:30", "0830"


def parse_clock_time(text: str) -> SettingParsed[dt.time]:
    """Read a time of day: "8pm", "8.30pm", "20:00", "0830", "half 8 in the evening".

    Args:
        text: What follows TIME, e.g. "9am", "noon", "quarter to 9 pm".

    Returns:
        The time; ``SettingAmbiguous("am_or_pm")`` for "8", ``("contradictory")`` for
        "8am tonight"; ``SettingUnreadable`` "empty" or "not_a_time" (also for hours
        over 23 or minutes over 59).
    """
    words = tokenize(_A_M.sub(r"\1m", normalise(text)))
    if not words:
        return SettingUnreadable("empty")
    meridiems = {_MERIDIEMS[word] for word in words if word in _MERIDIEMS}
    named = {_NAMED_TIMES[word] for word in words if word in _NAMED_TIMES}
    skipped = _TIME_FILLERS | _MERIDIEMS.keys() | _NAMED_TIMES.keys()
    rest = _numerals([word for word in words if word not in skipped])
    meridiems |= named
    if "am" in meridiems and len(meridiems) > 1:
        return SettingAmbiguous("contradictory")
    clock = _clock(rest) if rest else _Clock(12, 0, twenty_four=False) if named else None
    if clock is None:
        return SettingUnreadable("not_a_time")
    if named and clock.hour not in (0, 12):
        return SettingAmbiguous("contradictory")
    meridiem = "night" if "night" in meridiems else next(iter(meridiems), None)
    return _on_clock(clock, meridiem)


def _numerals(words: Sequence[str]) -> list[str]:
    """Write number words as digits ("twenty five" is "25") so one grammar reads both."""
    digits: list[str] = []
    i = 0
    while i < len(words):
        word, after = words[i], words[i + 1] if i + 1 < len(words) else ""
        if word in TENS and ONES.get(after, 0) > 0:
            digits.append(str(TENS[word] + ONES[after]))
            i += 2
            continue
        value = word_value(word)
        digits.append(word if value is None else str(value))
        i += 1
    return digits


def _clock(words: Sequence[str]) -> _Clock | None:
    """Read the clock part: "8", "8.30", "0830", "8:30", "8 30", "half 8", "10 to 9"."""
    match words:
        case [token]:
            return _compact(token)
        case [hour, ":", minute] | [hour, minute] if _digits(minute) and len(minute) == 2:
            return _hour_minute(hour, int(minute))
        case ["half", hour]:
            return _hour_minute(hour, 30)
        case [part, link, hour] if link in _PAST or link in _TO:
            minutes = {"half": 30, "quarter": 15}.get(part) or (int(part) if _digits(part) else 0)
            if not 0 < minutes < 60:
                return None
            return _hour_minute(hour, minutes if link in _PAST else -minutes)
    return None


def _compact(token: str) -> _Clock | None:
    """Read a one-token time: "8", "08", "8.30", "830", "0830", "2000"."""
    hour, dot, minute = token.partition(".")
    if dot:
        fits = _digits(hour) and len(hour) <= 2 and _digits(minute) and len(minute) == 2
    elif _digits(token) and 3 <= len(token) <= 4:
        hour, minute, fits = token[:-2], token[-2:], True
    else:
        minute, fits = "0", _digits(token) and len(token) <= 2
    return _hour_minute(hour, int(minute)) if fits else None


def _hour_minute(hour: str, minute: int) -> _Clock | None:
    if not _digits(hour) or len(hour) > 2:
        return None
    return _Clock(int(hour), minute, twenty_four=len(hour) == 2 and hour[0] == "0")


def _digits(token: str) -> bool:
    return token.isascii() and token.isdigit()


def _on_clock(clock: _Clock, meridiem: str | None) -> SettingParsed[dt.time]:
    """Place a clock reading in the day, given am, pm, night or nothing."""
    hour = clock.hour
    if hour > 23 or not -60 < clock.minute < 60:
        return SettingUnreadable("not_a_time")
    if meridiem is None and 1 <= hour <= 12 and not clock.twenty_four:
        return SettingAmbiguous("am_or_pm")
    if meridiem == "am":
        if hour > 12:
            return SettingUnreadable("not_a_time")
        hour %= 12
    elif meridiem == "pm":
        if hour == 0:
            return SettingUnreadable("not_a_time")
        hour += 12 if hour < 12 else 0
    elif meridiem == "night":
        hour = 0 if hour == 12 else hour + 12 if 5 <= hour < 12 else hour
    minutes = (hour * 60 + clock.minute) % (24 * 60)
    return Value(dt.time(minutes // 60, minutes % 60))


# --- pause -------------------------------------------------------------------------

_PERIODS = {"d": 1, "day": 1, "days": 1, "wk": 7, "wks": 7, "week": 7, "weeks": 7}
_PERIODS |= {"fortnight": 14, "fortnights": 14, "fortnite": 14, "month": 30, "months": 30}
_PAUSE_FILLERS = word_set("for about around the next please pls just only . , !")
_JOINERS = word_set("and & +")
_ALTERNATIVES = word_set("or to - / till til")


def parse_pause_days(text: str) -> SettingParsed[int]:
    """Read how many days to pause: "7", "seven", "7 days", "a week", "fortnight".

    Args:
        text: What follows PAUSE; "1 week 2 days" and "a week and a half" add up.

    Returns:
        Whole days in 1-90 (else ``SettingUnreadable("out_of_range")``); "empty" or
        "no_number"; ``SettingAmbiguous("several_numbers")`` for "7 or 14".
    """
    items = read_numbers(tokenize(text), nouns=_PERIODS)
    items = [item for item in items if item not in _PAUSE_FILLERS]
    if not items:
        return SettingUnreadable("empty")
    days: list[float] = []
    unit, bare, alternatives = 1, False, False
    for i, item in enumerate(items):
        after = items[i + 1] if i + 1 < len(items) else ""
        period = _period(item) if isinstance(item, str) else None
        if isinstance(item, float):
            stated = _period(after) if isinstance(after, str) else None
            fraction = stated is None and bool(days) and item < 1  # "a week and a half"
            bare = bare or (stated is None and not fraction)
            unit = stated or (unit if fraction else 1)
            days.append(item * unit)
        elif period is not None:
            if i == 0 or not isinstance(items[i - 1], float):
                unit = period
                days.append(unit)  # "week", "fortnight": one of them
        elif item in _ALTERNATIVES:
            alternatives = True
        elif item not in _JOINERS:
            return SettingUnreadable("no_number")
    if len(days) > 1 and (alternatives or bare):
        return SettingAmbiguous("several_numbers")
    if not days or alternatives:
        return SettingUnreadable("no_number")
    total = sum(days)
    return Value(int(total + 0.5)) if 0.5 <= total < 90.5 else SettingUnreadable("out_of_range")


def _period(word: str) -> int | None:
    return _PERIODS.get(closest(word, _PERIODS, min_length=5, same_start=True) or word)


# --- name --------------------------------------------------------------------------

_APOSTROPHES = frozenset("'`´‘’ʼ")
_NAME_PREFIX = re.compile(
    r"^(?:my name is|my name's|my names|name is|call me|i am|i'm|im|it is|it's|its|this is)"
    r"(?: |$)",
    re.IGNORECASE,
)
_NAME_EDGES = ' "“”!?,;:'
_NAME_MARKS = frozenset(" -'.\u200c\u200d")  # and the joiners some scripts need
_URL = re.compile(r"www\.|\.(?:com|org|net|uk|io|co|me|ly|info)\b", re.IGNORECASE)


def parse_name(text: str) -> SettingParsed[str]:
    """Read the name someone wants to be called: "Sam", "my name is sam", "Zoë".

    Args:
        text: What follows NAME.

    Returns:
        The name, spaces collapsed, the first letter capitalised if it was all lower
        case, a lone trailing full stop dropped; ``SettingUnreadable("not_a_name")``
        if empty, over 30 characters, or holding digits, symbols or a web address.
    """
    name = " ".join(unicodedata.normalize("NFC", text[:MAX_CHARS]).split())
    name = "".join("'" if char in _APOSTROPHES else char for char in name)
    name = _NAME_PREFIX.sub("", name, count=1).strip(_NAME_EDGES)
    if name.endswith(".") and name.count(".") == 1:
        name = name[:-1].rstrip()
    allowed = all(char in _NAME_MARKS or unicodedata.category(char)[0] in "LM" for char in name)
    if not allowed or not 1 <= len(name) <= 30 or _URL.search(name):
        return SettingUnreadable("not_a_name")
    if not any(char.isalpha() for char in name):
        return SettingUnreadable("not_a_name")
    return Value(name[0].title() + name[1:] if name == name.lower() else name)


# --- borough and language ------------------------------------------------------------

LONDON_BOROUGHS: tuple[str, ...] = (
    *("Barking and Dagenham", "Barnet", "Bexley", "Brent", "Bromley", "Camden"),
    *("City of London", "Croydon", "Ealing", "Enfield", "Greenwich", "Hackney"),
    *("Hammersmith and Fulham", "Haringey", "Harrow", "Havering", "Hillingdon"),
    *("Hounslow", "Islington", "Kensington and Chelsea", "Kingston upon Thames"),
    *("Lambeth", "Lewisham", "Merton", "Newham", "Redbridge", "Richmond upon Thames"),
    *("Southwark", "Sutton", "Tower Hamlets", "Waltham Forest", "Wandsworth", "Westminster"),
)
_NOT_IN_LONDON = ""
_NOISE = "~"
_LETTER_FOLDS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "æ": "ae", "œ": "oe", "ı": "i"})
_SKIPPED = word_set("and upon on")


def _fold(text: str) -> list[str]:
    """The words of a text, case-free and without diacritics ("Język" is "jezyk")."""
    decomposed = unicodedata.normalize("NFKD", text[:MAX_CHARS].casefold().translate(_LETTER_FOLDS))
    plain = "".join(char for char in decomposed if unicodedata.category(char) != "Mn")
    return [token for token in tokenize(plain) if token.isalpha()]


def _phrase_table(spec: Mapping[str, str]) -> dict[tuple[str, ...], str]:
    """Phrase table from ``label: "phrase|phrase"``; each phrase also run together."""
    table: dict[tuple[str, ...], str] = {}
    for label, phrases in spec.items():
        for phrase in phrases.split("|"):
            words = [word for word in _fold(phrase) if word not in _SKIPPED]
            table |= {tuple(words): label, ("".join(words),): label}
            table[("".join(_fold(phrase)),)] = label  # "barkinganddagenham"
    return table


def _found(
    words: Sequence[str], table: Mapping[tuple[str, ...], V], vocabulary: Collection[str]
) -> list[V]:
    """Labels of the table's phrases in the words, forgiving one typo in a long word."""
    spelt = [closest(word, vocabulary, min_length=5, same_start=True) or word for word in words]
    return find_phrases(spelt, table)


def _long_words(phrases: Collection[tuple[str, ...]]) -> frozenset[str]:
    return frozenset(word for phrase in phrases for word in phrase if len(word) >= 5)


_BOROUGHS = _phrase_table({name: name for name in LONDON_BOROUGHS}) | _phrase_table(
    {
        "Barking and Dagenham": "barking|dagenham|lbbd",
        "City of London": "city|the city|square mile",
        "Hammersmith and Fulham": "hammersmith|fulham|lbhf",
        "Kensington and Chelsea": "kensington|chelsea|rbkc",
        "Kingston upon Thames": "kingston",
        "Richmond upon Thames": "richmond",
        "Westminster": "city of westminster|westminster city",
        _NOT_IN_LONDON: "none|not in london|not london|outside london|outside of london|"
        "outside|nowhere|elsewhere|n a|na",
        _NOISE: "city council",
    }
)
_BOROUGH_WORDS = _long_words(_BOROUGHS)


def parse_borough(text: str) -> SettingParsed[str]:
    """Read a London borough: "Hackney", "hammersmith & fulham", "LB of Camden", "Hackny".

    Args:
        text: What follows BOROUGH.

    Returns:
        The canonical name from ``LONDON_BOROUGHS``, or ``""`` for "not in London";
        ``SettingUnreadable`` "empty" or "unknown_borough";
        ``SettingAmbiguous("several_boroughs")`` for "Hackney or Islington".
    """
    words = [word for word in _fold(text) if word not in _SKIPPED]
    if not words:
        return SettingUnreadable("empty")
    found = set(_found(words, _BOROUGHS, _BOROUGH_WORDS)) - {_NOISE}
    if len(found) > 1:
        return SettingAmbiguous("several_boroughs")
    return Value(found.pop()) if found else SettingUnreadable("unknown_borough")


def parse_language(text: str, available: Mapping[str, Collection[str]]) -> SettingParsed[str]:
    """Read a language by its code or a name for it: "pl", "Polski", "POLISH", "jezyk polski".

    Args:
        text: What follows LANGUAGE.
        available: Locale code -> names people might type for it, in any case and
            with or without diacritics.

    Returns:
        The locale code; ``SettingUnreadable`` "empty" or "unknown_language";
        ``SettingAmbiguous("several_languages")`` for "english or polish", or for a
        name that ``available`` gives to two codes.
    """
    words = _fold(text)
    if not words:
        return SettingUnreadable("empty")
    table: dict[tuple[str, ...], frozenset[str]] = {}
    for code, names in available.items():
        for name in (code, *names):
            phrase = tuple(_fold(name))
            if phrase:
                table[phrase] = table.get(phrase, frozenset()) | {code}
    found = frozenset().union(*_found(words, table, _long_words(table)))
    if len(found) > 1:
        return SettingAmbiguous("several_languages")
    return Value(next(iter(found))) if found else SettingUnreadable("unknown_language")

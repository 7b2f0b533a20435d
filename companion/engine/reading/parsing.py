"""Answer parsers: a reply in the person's own words becomes a value, or a reason why not.

Every parser is a pure function of the text and returns ``Value(x)``, ``Unreadable(reason)``
or ``Ambiguous(reason)``; reasons are machine codes, and the re-ask wording lives in
the Fluent catalogs. No parser raises on any text.

Decisions on replies that could go either way:

* A range is not ambiguous for an amount: "7-8", "7 or 8", "5 to 6", "between 5 and 6"
  and "6/7" (a slash range spans at most 2) all take the midpoint. Two different
  amounts that are not a range ("6 hours, no 8") are ``Ambiguous("several_numbers")``.
* A bare number is in the unit the question asks for: hours for sleep, minutes for
  activity, kg for weight, cm for waist, mmol/L for glucose (except that a bare glucose
  above 35 is read as mg/dL). A bare weight or waist that is impossible in that unit
  but plausible in another (13 could be stone, 36 could be inches) is
  ``Unreadable("missing_unit")`` so the re-ask can ask which unit, never a guess.
* "didnt sleep", "no sleep", "not at all", "didnt smoke" are 0 for sleep, activity,
  counts and 0-10 scores; "barely slept", "not much", "a few", "loads" are
  ``Unreadable("vague")`` (not ambiguous: nothing contradicts, the amount is missing).
* "dunno", "not sure", "no idea", "maybe" without a number are ``Ambiguous("unsure")``
  for every parser; yes/no keeps its value a plain bool and reports "maybe" this way.
* A clock time ("half past six", "11pm", "7 o'clock") is ``Unreadable("time_of_day")``;
  for sleep and activity "7:30" is 7 hours 30 minutes. "7.30" is the decimal 7.3.
* Counts are floats ("half a pack", "2.5 portions"); a pack is ``pack_size`` items
  when the caller gives one (UK packs hold 20), otherwise "pack" is an unknown unit.
* Blood pressure takes the first slash/"over" pair, else the first two adjacent
  numbers, and ignores the rest ("128/82 pulse 70").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, Literal, TypeAlias, TypeVar

from companion.engine.reading.numbers import (
    CM,
    FOOT,
    HOUR,
    INCH,
    KG,
    MAX_CHARS,
    MGDL,
    MINUTE,
    MMOL,
    PACK,
    POUND,
    STONE,
    Item,
    Measure,
    as_number,
    closest,
    find_amounts,
    find_phrases,
    has_unit,
    normalise,
    read_items,
    read_numbers,
    says_clock_time,
    tokenize,
    word_set,
    word_value,
)

T = TypeVar("T")
UnreadableReason = Literal[
    "empty",
    "no_number",
    "vague",
    "out_of_range",
    "unknown_unit",
    "missing_unit",
    "time_of_day",
    "incomplete",
    "not_understood",
]
AmbiguousReason = Literal["contradictory", "unsure", "several_numbers", "stone_or_pounds"]
GoalOutcome = Literal["done", "partly", "not_this_week"]


@dataclass(frozen=True, slots=True)
class Value(Generic[T]):
    """A reply that was understood."""

    value: T


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A reply with no usable answer; ``reason`` says which re-ask fits."""

    reason: UnreadableReason


@dataclass(frozen=True, slots=True)
class Ambiguous:
    """A reply holding more than one answer, or saying it has none ("not sure")."""

    reason: AmbiguousReason


Parsed: TypeAlias = Value[T] | Unreadable | Ambiguous


@dataclass(frozen=True, slots=True)
class BloodPressure:
    """A blood pressure reading in mmHg."""

    systolic: int
    diastolic: int


@dataclass(frozen=True, slots=True)
class KeywordMatch:
    """A keyword at the start of a message and the text after it."""

    keyword: str
    rest: str


_SLEEP = Measure(
    factors={HOUR: 1.0, MINUTE: 1 / 60}, default=HOUR, follow_on={HOUR: (MINUTE, 60)}, clock=True
)
_ACTIVITY = Measure(
    factors={HOUR: 60.0, MINUTE: 1.0}, default=MINUTE, follow_on={HOUR: (MINUTE, 60)}, clock=True
)
_WEIGHT = Measure(
    factors={KG: 1.0, STONE: 6.35029318, POUND: 0.45359237},
    default=KG,
    follow_on={STONE: (POUND, 14)},
)
_LENGTH = Measure(
    factors={CM: 1.0, INCH: 2.54, FOOT: 30.48}, default=CM, follow_on={FOOT: (INCH, 12)}
)
_GLUCOSE = Measure(factors={MMOL: 1.0, MGDL: 1 / 18.0}, default=MMOL)
_NOT_GLUCOSE = re.compile(r"a1c|mmol\s*/\s*mol|%")
_NEGATIONS = word_set(
    "no not didnt havent hasnt hadnt couldnt cant cannot dont doesnt never nope nah na wasnt werent"
)
_VAGUE = word_set(
    "few several some lot lots loads load many much bit bits little barely hardly "
    "plenty ages tons heaps bunch abit alot dozens most all while forever"
)
_QUALIFIERS = _VAGUE | word_set(
    "well good great bad too very that so quite properly really enough long sure know "
    "remember idea more less better worse right"
)


@dataclass(frozen=True, slots=True)
class _Reading:
    value: float  # in the measure's base unit
    bare: bool  # no unit was given


def _squash(tokens: Iterable[str]) -> list[str]:
    """Collapse repeated letters so "yesss", "nooo" and "yeahhh" meet their word."""
    return [re.sub(r"(.)\1+", r"\1", token) if token.isalpha() else token for token in tokens]


def _phrases(spec: Mapping[str, str]) -> dict[tuple[str, ...], str]:
    """Build a phrase table from ``label: "phrase|phrase"`` written as people text."""
    return {
        tuple(_squash(tokenize(phrase))): label
        for label, phrases in spec.items()
        for phrase in phrases.split("|")
    }


_UNSURE = _phrases(
    {
        "unsure": "not sure|unsure|maybe|perhaps|possibly|dunno|idk|dont know|do not know|"
        "no idea|not certain|cant remember|can not remember|cannot remember|"
        "dont remember|no clue|hard to say|cant say|who knows|nie wiem|moze"
    }
)


# --- amounts -----------------------------------------------------------------------


def parse_number(
    text: str, *, minimum: float, maximum: float, negation_is_zero: bool = False
) -> Parsed[float]:
    """Read one amount in digits or words, ignoring any unit words.

    Args:
        text: The reply, e.g. "about 7", "7ish", "six and a half", "sevn", "10/10".
        minimum: Smallest acceptable value.
        maximum: Largest acceptable value; "7/10" or "7 out of 10" with this
            denominator reads as 7.
        negation_is_zero: Read "didnt", "no sleep", "not at all" as 0.

    Returns:
        The value; ``Unreadable`` ("empty", "no_number", "vague", "out_of_range",
        "time_of_day") or ``Ambiguous`` ("several_numbers", "unsure").
    """
    measure = Measure(any_unit=True, out_of=maximum)
    reading = _read(text, measure, negation_is_zero=negation_is_zero)
    if not isinstance(reading, _Reading):
        return reading
    return _in_range(reading.value, minimum, maximum)


def parse_hours(text: str) -> Parsed[float]:
    """Read hours of sleep: "7h", "about 7", "six and a half", "7h30", "7:30", "5-6".

    Args:
        text: The reply.

    Returns:
        Hours in 0-24, to two decimals; "didnt sleep" is 0, "barely slept" is
        ``Unreadable("vague")``, "half past six" is ``Unreadable("time_of_day")``.
    """
    reading = _read(text, _SLEEP, negation_is_zero=True)
    if not isinstance(reading, _Reading):
        return reading
    return _in_range(round(reading.value, 2), 0, 24)


def parse_duration_minutes(text: str) -> Parsed[int]:
    """Read how long someone was active: "30 mins", "1hr 30", "an hour and a half".

    Args:
        text: The reply; a bare number is minutes ("90").

    Returns:
        Whole minutes in 0-1440; "none" and "didnt" are 0.
    """
    reading = _read(text, _ACTIVITY, negation_is_zero=True)
    if not isinstance(reading, _Reading):
        return reading
    checked = _in_range(reading.value, 0, 24 * 60)
    return Value(round(checked.value)) if isinstance(checked, Value) else checked


def parse_weight_kg(text: str) -> Parsed[float]:
    """Read a weight: "84.2", "84kg", "84,2 kilos", "13st 4lb", "13 stone 4", "185 lbs".

    Args:
        text: The reply; a bare number is kg.

    Returns:
        Kilograms rounded to 0.1, in 25-350; a bare number plausible only in stone
        or pounds is ``Unreadable("missing_unit")``; "13.4st" (most people who write
        that mean 13 st 4 lb) is ``Ambiguous("stone_or_pounds")``: asked, not guessed.
    """
    if stone_or_pounds(text) is not None:
        return Ambiguous("stone_or_pounds")
    return _physical(text, _WEIGHT, 25, 350, alternatives=(STONE, POUND))


_DECIMAL_STONE = re.compile(
    r"(?<![\d.,])(\d{1,2})[.,](\d{1,2})\s*(?:st|stn|stone|stones)\b(?!\s*\d)"
)
# Fractions people mean as parts of a stone ("13.5 stone" is thirteen and a half).
_STONE_FRACTIONS = frozenset({"0", "00", "5", "50", "25", "75"})
_KG_PER_STONE = 6.35029318


@dataclass(frozen=True, slots=True)
class StoneOrPounds:
    """ "13.4st": 13 st 4 lb as most people mean it, or 13.4 stone (in kg) as written."""

    stones: int
    pounds: int
    written: str  # "13.4", as they wrote it
    kg_as_written: float


def stone_or_pounds(text: str) -> StoneOrPounds | None:
    """A decimal stone weight that could be stone and pounds ("13.4st", "12.10 stone").

    Halves and quarters ("13.5 stone", "12.25st") are parts of a stone; a fraction
    over 13 cannot be pounds. Either way there is nothing to ask: None.
    """
    found = _DECIMAL_STONE.search(text[:MAX_CHARS].casefold())
    if found is None or found.group(2) in _STONE_FRACTIONS or int(found.group(2)) > 13:
        return None
    written = f"{found.group(1)}.{found.group(2)}"
    kg = round(float(written) * _KG_PER_STONE, 1)
    return StoneOrPounds(int(found.group(1)), int(found.group(2)), written, kg)


def parse_length_cm(text: str) -> Parsed[float]:
    """Read a waist measurement: "90cm", "35 in", '35"', "35 inches", "2ft 11".

    Args:
        text: The reply; a bare number is cm.

    Returns:
        Centimetres rounded to 0.1, in 40-200; a bare number plausible only in
        inches is ``Unreadable("missing_unit")``.
    """
    return _physical(text, _LENGTH, 40, 200, alternatives=(INCH,))


def parse_glucose(text: str) -> Parsed[float]:
    """Read a blood glucose: "6.1", "6,1 mmol", "6.1mmol/l", "110 mg/dl".

    Args:
        text: The reply; a bare number is mmol/L, unless above 35 (then mg/dL).

    Returns:
        mmol/L rounded to 0.1, in 1-35; an HbA1c (mmol/mol, %) is
        ``Unreadable("unknown_unit")``.
    """
    if _NOT_GLUCOSE.search(normalise(text)):
        return Unreadable("unknown_unit")
    reading = _read(text, _GLUCOSE)
    if not isinstance(reading, _Reading):
        return reading
    value = reading.value / 18.0 if reading.bare and reading.value > 35 else reading.value
    return _in_range(round(value, 1), 1, 35)


def parse_blood_pressure(text: str) -> Parsed[BloodPressure]:
    """Read a blood pressure: "128/82", "BP 128 82", "128 over 82", "bp:128/82".

    Args:
        text: The reply; anything after the reading ("pulse 70") is ignored.

    Returns:
        The reading, if systolic is 70-250, diastolic 40-150 and systolic is the
        higher; else ``Unreadable("out_of_range")``. One number alone is
        ``Unreadable("incomplete")``.
    """
    items = read_numbers(tokenize(text))
    if not items:
        return Unreadable("empty")
    marked, adjacent = [], []
    for i, item in enumerate(items[:-1]):
        if not isinstance(item, float):
            continue
        after = items[i + 1]
        if isinstance(after, float):
            adjacent.append((item, after))
        elif after in ("/", "over", "\\", "|", "-", "on") and i + 2 < len(items):
            lower = items[i + 2]
            if isinstance(lower, float):
                marked.append((item, lower))
    pairs = marked or adjacent
    if not pairs:
        numbers = any(isinstance(item, float) for item in items)
        return Unreadable("incomplete" if numbers else "no_number")
    systolic, diastolic = round(pairs[0][0]), round(pairs[0][1])
    if 70 <= systolic <= 250 and 40 <= diastolic <= 150 and systolic > diastolic:
        return Value(BloodPressure(systolic, diastolic))
    return Unreadable("out_of_range")


def parse_count(text: str, *, maximum: float = 100, pack_size: int | None = None) -> Parsed[float]:
    """Read how many: meals, portions, cigarettes, drinks ("3", "three", "a couple").

    Args:
        text: The reply; "none", "didnt smoke" and "no" are 0, "a few" is vague.
        maximum: Largest believable count.
        pack_size: Items in a pack ("half a pack" of 20 is 10); ``None`` makes
            "pack" an unknown unit.

    Returns:
        The count (halves allowed, ranges take the midpoint), in 0-``maximum``.
    """
    factors = {PACK: float(pack_size)} if pack_size else {}
    reading = _read(text, Measure(factors=factors), negation_is_zero=True)
    if not isinstance(reading, _Reading):
        return reading
    return _in_range(reading.value, 0, maximum)


def parse_score_0_10(text: str) -> Parsed[float]:
    """Read a 0-10 score for energy or pain: "7", "seven", "7/10", "no pain".

    Args:
        text: The reply.

    Returns:
        The score in 0-10 (a range like "6-7" gives 6.5).
    """
    return parse_number(text, minimum=0, maximum=10, negation_is_zero=True)


def _physical(
    text: str, measure: Measure, low: float, high: float, *, alternatives: Sequence[str]
) -> Parsed[float]:
    """Read a body measurement, noticing a bare number given in another unit."""
    reading = _read(text, measure)
    if not isinstance(reading, _Reading):
        return reading
    checked = _in_range(round(reading.value, 1), low, high)
    plausible = (low <= reading.value * measure.factors[unit] <= high for unit in alternatives)
    if isinstance(checked, Unreadable) and reading.bare and any(plausible):
        return Unreadable("missing_unit")
    return checked


def _in_range(value: float, low: float, high: float) -> Value[float] | Unreadable:
    return Value(value) if low <= value <= high else Unreadable("out_of_range")


def _read(
    text: str, measure: Measure, *, negation_is_zero: bool = False
) -> _Reading | Unreadable | Ambiguous:
    """Find the one amount a reply states, in the measure's base unit."""
    items = read_items(text, measure)
    if not items:
        return Unreadable("empty")
    if says_clock_time(items):
        return Unreadable("time_of_day")
    if negation_is_zero:
        items = _none_for_not_one(items)
    amounts = find_amounts(items, measure)
    if amounts is None:
        return Unreadable("unknown_unit")
    if len(amounts) > 1:
        return Ambiguous("several_numbers")
    if amounts:
        return _Reading(amounts[0], bare=not has_unit(items, measure))
    words = [item for item in items if isinstance(item, str)]
    return _without_number(words, negation_is_zero=negation_is_zero)


def _none_for_not_one(items: list[Item]) -> list[Item]:
    """Read "not one", "not even one", "not a single one" as 0."""
    text = " ".join("1" if item == 1.0 else str(item) for item in items)
    if re.search(r"\bnot (?:even )?(?:a single )?1\b", text) is None:
        return items
    return [0.0 if item == 1.0 else item for item in items]


def _without_number(
    tokens: Sequence[str], *, negation_is_zero: bool
) -> _Reading | Unreadable | Ambiguous:
    """Classify a reply with no number: unsure, a plain "didnt", vague, or nothing."""
    if find_phrases(_squash(tokens), _UNSURE):
        return Ambiguous("unsure")
    words = set(re.sub(r"\bat all\b", "", " ".join(tokens)).split())
    if negation_is_zero and words & _NEGATIONS and not words & _QUALIFIERS:
        return _Reading(0.0, bare=False)
    if words & _VAGUE:
        return Unreadable("vague")
    return Unreadable("no_number")


# --- words -------------------------------------------------------------------------

_YES_NO = _phrases(
    {
        "yes": "yes|y|yep|yup|yeah|yea|yeh|ya|yah|yh|ye|yas|ok|okay|okey|okie|k|kk|sure|"
        "definitely|defo|def|of course|ofc|course|aye|absolutely|certainly|yes please|"
        "please|go on|go ahead|alright|all right|why not|no problem|no problems|"
        "no worries|no bother|sounds good|correct|true|indeed|👍|👌|✅|✔|☑|"
        "tak",  # Polish, for people who chose LANGUAGE polski
        "no": "no|n|nah|naw|nope|nop|na|nay|never|not really|no thanks|no thank you|no ta|"
        "not now|not today|not yet|not at all|of course not|definitely not|absolutely not|"
        "certainly not|no way|not ok|not okay|negative|👎|❌|✖|✗|✘|"
        "nie|raczej nie",
        "unsure": "|".join(" ".join(phrase) for phrase in _UNSURE)
        + "|kind of|sort of|kinda|sorta|sometimes|might|probably|probably not|hm|meh",
        "did": "i did|did|done|i have|have|has|i am|i do|i will|will|can|i can",
        "didnt": "didnt|did not|havent|have not|hasnt|has not|dont|do not|doesnt|does not|"
        "wont|will not|cant|cannot|can not|couldnt|could not|wasnt|isnt|arent|not|"
        "i did not|i have not|i do not|i will not|i can not|i am not",
    }
)
_SCALE = _phrases(
    {
        "0": "no|none|nope|nah|na|n|not at all|never|nothing|not really|fine|all good|"
        "none at all|no problems|no problem|not once|nil",
        "1": "a bit|bit|abit|a little|little|a little bit|alittle|some|sometimes|slightly|"
        "slight|mild|mildly|kind of|sort of|kinda|sorta|a touch|occasionally|now and then|"
        "not much|not too bad|not that bad|not so bad|not bad|not a lot|not very|"
        "not very much|a tad|somewhat|moderate|moderately|on and off|half the time",
        "2": "a lot|alot|lots|loads|very|very much|really|really bad|really badly|terrible|"
        "terribly|awful|horrible|severe|severely|badly|bad|all the time|constantly|"
        "constant|always|so bad|massively|extremely|quite a lot|quite bad|quite a bit|"
        "a great deal|too much|lots and lots|most of the time|a fair bit",
    }
)
_GOAL = _phrases(
    {
        "done": "done|did it|i did it|did|i did|yes|y|yep|yup|yeah|yea|yeh|yh|ya|managed|"
        "managed it|i managed|completed|complete|achieved|smashed it|nailed it|all of it|"
        "all done|did all|did both|both|did them|did them all|every day|ticked off|"
        "absolutely|definitely|of course|✅|👍|✔",
        "partly": "partly|partially|some of it|some|half|half of it|half done|a bit|"
        "bit of it|bits|a little|sort of|kind of|kinda|sorta|nearly|almost|nearly done|"
        "almost done|mostly|mostly done|most of it|not all|not all of it|didnt manage all|"
        "didnt do all|did not manage all|not completely|not fully|not quite|in part|once|"
        "one day|some days|a few times|halfway|half way",
        "not_this_week": "not this week|no|n|nope|nah|na|didnt manage|did not manage|didnt|"
        "did not|couldnt|could not|not yet|no time|not really|didnt do it|never|forgot|"
        "not done|none|none of it|not at all|nothing|next week|not managed|no chance|"
        "failed|👎|❌",
        "unsure": "not sure|maybe|dunno|idk|dont know",
    }
)


def parse_yes_no(text: str) -> Parsed[bool]:
    """Read a yes or no: "yep", "yess", "nah", "not really", "no thanks", "👍".

    A plain yes/no word decides; "I did" / "I haven't" count only without one.

    Args:
        text: The reply.

    Returns:
        ``True`` for yes, ``False`` for no; ``Ambiguous("contradictory")`` for "yes
        and no" or "no... well yes", ``Ambiguous("unsure")`` for "maybe", "not sure".
    """
    tokens = _squash(tokenize(text))
    labels = set(find_phrases(tokens, _YES_NO))
    if {"yes", "no"} <= labels:
        return Ambiguous("contradictory")
    if "unsure" in labels:
        return Ambiguous("unsure")
    if "yes" in labels or "no" in labels:
        return Value("yes" in labels)
    if {"did", "didnt"} <= labels:
        return Ambiguous("contradictory")
    if labels:
        return Value("did" in labels)
    return Unreadable("empty" if not tokens else "not_understood")


def parse_scale_012(text: str) -> Parsed[int]:
    """Read a side-effect rating, 0 none / 1 a bit / 2 a lot, in digits or words.

    Args:
        text: The reply, e.g. "1", "a little", "not at all", "loads", "really bad".

    Returns:
        0, 1 or 2; "3" or "1.5" is ``Unreadable("out_of_range")``, "a bit... a lot"
        ``Ambiguous("contradictory")``, a bare "yes" ``Unreadable("vague")``.
    """
    tokens = _squash(tokenize(text))
    levels = {int(label) for label in find_phrases(tokens, _SCALE)}
    for token in tokens:
        spelt = word_value(token)
        number = as_number(token) if spelt is None else float(spelt)
        if number is not None:
            if number not in (0, 1, 2):
                return Unreadable("out_of_range")
            levels.add(int(number))
    if len(levels) == 1:
        return Value(levels.pop())
    if levels:
        return Ambiguous("contradictory")
    if "yes" in find_phrases(tokens, _YES_NO):
        return Unreadable("vague")
    return Unreadable("empty" if not tokens else "not_understood")


def parse_goal_review(text: str) -> Parsed[GoalOutcome]:
    """Read a weekly goal review: "done", "yes did it", "partly", "half", "not this week".

    A partial answer wins over a yes or a no beside it ("no, did some of it").

    Args:
        text: The reply.

    Returns:
        "done", "partly" or "not_this_week"; "done... not done" is
        ``Ambiguous("contradictory")``, "not sure" ``Ambiguous("unsure")``.
    """
    tokens = _squash(tokenize(text))
    labels = set(find_phrases(tokens, _GOAL))
    if "partly" in labels:
        return Value("partly")
    if {"done", "not_this_week"} <= labels:
        return Ambiguous("contradictory")
    if "done" in labels:
        return Value("done")
    if "not_this_week" in labels:
        return Value("not_this_week")
    if labels:
        return Ambiguous("unsure")
    return Unreadable("empty" if not tokens else "not_understood")


# --- keywords ----------------------------------------------------------------------

# Handled by the carrier and companion.sms.keywords, exactly and before anything else.
CARRIER_KEYWORDS = word_set(
    "STOP STOPALL UNSUBSCRIBE CANCEL END QUIT REVOKE OPTOUT START UNSTOP JOIN HELP INFO"
)
_WORD = re.compile(r"[^\W\d_]+")
_BETWEEN_WORDS = re.compile(r"[\s\-]+")
_BEFORE_REST = " \t\r\n:;,.-=#!"


def match_keyword(text: str, keywords: Collection[str]) -> KeywordMatch | None:
    """Recognise a command keyword at the start of a message, forgiving one typo.

    Case and punctuation do not matter. A keyword word of 5+ letters also matches
    with one Damerau-Levenshtein edit ("weigth"); one of 4 letters only with two
    letters swapped or one added ("gaol", "goals"), because changing a letter of a
    short word mostly makes another word ("skin rash" must not be SKIP); a shorter
    one only exactly. Carrier keywords (STOP, START, HELP, ...) must not be passed: they are matched
    exactly elsewhere, and a message starting with one never matches here.

    Args:
        text: The whole message, e.g. "weigth 84.2" or "Goal walk to the park".
        keywords: Keywords as the caller names them ("WEIGHT", "GOAL", "SIDE").

    Returns:
        The keyword (as passed) and the rest of the message, trimmed; ``None`` when
        no keyword, or more than one equally well, matches.

    Raises:
        ValueError: If a carrier keyword is passed in ``keywords``.
    """
    carrier = sorted(k for k in keywords if k.upper() in CARRIER_KEYWORDS)
    if carrier:
        raise ValueError(f"carrier keywords are matched elsewhere: {carrier}")
    text = text[:MAX_CHARS]
    typed: list[tuple[str, int]] = []
    position = next((i for i, char in enumerate(text) if char.isalnum()), len(text))
    while (word := _WORD.match(text, position)) is not None and len(typed) < 4:
        typed.append((unicodedata.normalize("NFKC", word.group()).casefold(), word.end()))
        gap = _BETWEEN_WORDS.match(text, word.end())
        if gap is None:
            break
        position = gap.end()
    if not typed or typed[0][0].upper() in CARRIER_KEYWORDS:
        return None
    scored: dict[tuple[bool, int], list[tuple[str, int]]] = {}
    for keyword in keywords:
        wanted = keyword.casefold().split()
        said = [word for word, _ in typed[: len(wanted)]]
        if len(said) == len(wanted) and all(map(_same_word, said, wanted)):
            score = (said == wanted, len(wanted))
            scored.setdefault(score, []).append((keyword, typed[len(wanted) - 1][1]))
    if not scored:
        return None
    best = scored[max(scored)]
    if len(best) > 1:
        return None
    keyword, end = best[0]
    return KeywordMatch(keyword, text[end:].lstrip(_BEFORE_REST).rstrip())


def _same_word(typed: str, keyword: str) -> bool:
    return closest(typed, (keyword,), min_length=4, strict_below=5) == keyword

"""Reading amounts the way people text them: digits, number words, units, ranges.

A reply becomes *tokens* (folded to lower case, apostrophes dropped, digits and
letters split: "13st4lb" is ``13 st 4 lb``), then *items*: every run of tokens that
states one number ("six and a half", "7 1/2", "twenty-five", "a couple of",
"half an") becomes one float and everything else stays a word. Then each number
takes the unit word after it, and neighbours join into one amount: "13st 4",
"1h 30", "an hour and a half", "7:30", and ranges ("5-6", "7 or 8", "between 5 and
6") which take their midpoint. What an amount means for a question, and when it is
out of range, is :mod:`companion.engine.reading.parsing`'s business.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TypeAlias, TypeVar

from companion.sms.segments import MAX_BODY_CHARS

V = TypeVar("V")
Item: TypeAlias = float | str


def word_set(text: str) -> frozenset[str]:
    """Return the space-separated words of ``text`` as a set, for long word lists."""
    return frozenset(text.split())


# Ten SMS segments; anything longer is not an answer, and capping keeps every
# scan below linear in a size we chose.
MAX_CHARS = MAX_BODY_CHARS  # no reader looks further than one message can be

ONES = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4}
ONES |= {"five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15}
TEENS |= {"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
TENS |= {"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
ZERO_WORDS = frozenset({"none", "nothing", "nil", "nought", "naught", "nada", "zilch", "nowt"})
_ARTICLES = frozenset({"a", "an"})
_FRACTIONS = {(1, 2): 0.5, (1, 4): 0.25, (3, 4): 0.75}
_PART_WORDS = {"half": 0.5, "quarter": 0.25}
_NUMBER_VOCABULARY = frozenset(
    [*ONES, *TEENS, *TENS, "hundred", "half", "quarter", "dozen", "couple"]
)
# Real words (and texting shorthand) one edit away from a number word: "for" is
# not "four", "then" is not "ten", "fifth" is not "fifty".
_NEAR_NUMBER_WORDS = word_set(
    "once ones ode ore owe too tow tho twa twos thee there threes threw throe tree "
    "flour for foul fours fur fie fife file fine fire fiver fives sax sex sic sin sip "
    "sir sis sit sox seen sever severn sevens eighth eights nice nile nines tan tea "
    "ted tee teen tend tens tent tern then thn tin ton tun thirsty fort forte forth "
    "forts foray fifth sixth seventh nicety doze dozed dozes doyen dozens coupe "
    "couplet coupled hal hale hall halo hals halt quartet"
)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?|\.\d+")
_THOUSANDS = re.compile(r"\d{1,3},\d{3}")
_TOKEN = re.compile(r"\d+(?:[.,]\d+)?|\.\d+|[^\W\d_]+|[^\w\s]")
_FRACTION_SLASH = "\u2044"
_DASHES = frozenset("‐‑‒–—―−")  # what phones put for "-"
_APOSTROPHES = frozenset("'`´‘’ʼ")
_DOUBLE_QUOTES = frozenset("“”″")


def normalise(text: str) -> str:
    """Fold a reply to a plain lower-case form that tokenising can rely on.

    Args:
        text: The reply as received, any length or alphabet.

    Returns:
        At most ``MAX_CHARS`` characters: vulgar fractions spelt out ("7½" is
        "7 1/2"), compatibility forms and non-ASCII digits folded, apostrophes
        removed ("didn't" is "didnt"), dashes unified, control characters turned
        to spaces, emoji modifiers dropped.
    """
    text = "".join(map(_spelt_fraction, text[:MAX_CHARS]))
    folded: list[str] = []
    for char in unicodedata.normalize("NFKC", text):
        category = unicodedata.category(char)
        digit = unicodedata.decimal(char, None)
        if char in _APOSTROPHES or category in ("Sk", "Mn", "Me", "Cf"):
            continue
        if digit is not None:
            folded.append(str(digit))
        elif category.startswith("C"):
            folded.append(" ")
        elif char == _FRACTION_SLASH:
            folded.append("/")
        elif char in _DASHES:
            folded.append("-")
        elif char in _DOUBLE_QUOTES:
            folded.append('"')
        else:
            folded.append(char)
    return "".join(folded).casefold()[:MAX_CHARS]  # cut last: casefolding "ß" makes "ss"


def _spelt_fraction(char: str) -> str:
    """Spell a vulgar fraction apart from its whole number: "7½" must be "7 1/2", not 71/2."""
    if unicodedata.category(char) != "No":
        return char
    spelt = unicodedata.normalize("NFKC", char)
    return f" {spelt.replace(_FRACTION_SLASH, '/')} " if _FRACTION_SLASH in spelt else char


def tokenize(text: str) -> list[str]:
    """Split a reply into number, word and single-symbol tokens.

    Args:
        text: The reply as received.

    Returns:
        Tokens of :func:`normalise`'d text. Decimal commas become points
        ("6,5" is "6.5"); a comma before exactly three digits is a thousands
        separator ("1,500" is "1500").
    """
    tokens: list[str] = []
    for token in _TOKEN.findall(normalise(text)):
        if "," in token:
            token = token.replace(",", "" if _THOUSANDS.fullmatch(token) else ".")
        tokens.append(token)
    return tokens


def as_number(token: str) -> float | None:
    """Return the value of a digit token ("7", "6.5", ".5"), else ``None``."""
    return float(token) if _NUMBER.fullmatch(token) else None


def distance(a: str, b: str) -> int:
    """Damerau-Levenshtein distance (optimal string alignment) between two words.

    Args:
        a: One word.
        b: The other.

    Returns:
        The number of single-letter insertions, deletions, substitutions and
        swaps of neighbours that turn ``a`` into ``b``.
    """
    before: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], before[j - 2] + 1)
        before, previous = previous, current
    return previous[-1]


def closest(
    word: str,
    vocabulary: Collection[str],
    *,
    min_length: int = 4,
    strict_below: int = 4,
    same_start: bool = False,
    blocked: Collection[str] = (),
) -> str | None:
    """Find the one vocabulary word that ``word`` is, allowing a single typo.

    Args:
        word: A lower-case word as typed.
        vocabulary: Lower-case words to match against.
        min_length: Words (typed and known) shorter than this match only exactly.
        strict_below: Known words shorter than this match only with a letter added
            or two letters swapped: changing or dropping a letter of "six", "ten"
            or "skip" mostly makes another real word ("sit", "tea", "skin").
        same_start: Only accept a typo that keeps the first letter.
        blocked: Real words that must never be read as a typo.

    Returns:
        ``word`` itself if known; else the single vocabulary word one edit away;
        ``None`` when there is none or more than one.
    """
    if word in vocabulary:
        return word
    if len(word) < min_length or len(word) > 30 or word in blocked:
        return None
    found = {
        known
        for known in vocabulary
        if len(known) >= min_length
        and abs(len(known) - len(word)) <= 1
        and (not same_start or known[0] == word[0])
        and (len(known) >= strict_below or len(word) > len(known) or sorted(known) == sorted(word))
        # A typed word under 4 letters never stands for a longer one by a dropped
        # letter: "nie" (Polish "no") must not become nine, nor "on" one.
        and (len(word) >= 4 or len(word) >= len(known))
        and distance(word, known) == 1
    }
    return found.pop() if len(found) == 1 else None


def find_phrases(tokens: Sequence[str], phrases: Mapping[tuple[str, ...], V]) -> list[V]:
    """Find known phrases in a token list, longest first, without overlaps.

    Args:
        tokens: The reply's tokens.
        phrases: Token tuples ("not", "at", "all") mapped to what they mean.

    Returns:
        The meanings of the phrases found, in reading order: "not a lot" matches
        as itself, never as "a lot".
    """
    longest = max((len(phrase) for phrase in phrases), default=0)
    found: list[V] = []
    i = 0
    while i < len(tokens):
        for size in range(min(longest, len(tokens) - i), 0, -1):
            meaning = phrases.get(tuple(tokens[i : i + size]))
            if meaning is not None:
                found.append(meaning)
                i += size
                break
        else:
            i += 1
    return found


def word_value(word: str) -> int | None:
    """Return the value of a single number word ("seven", "twelve"), else ``None``."""
    return ONES.get(word, TEENS.get(word, TENS.get(word)))


def read_numbers(tokens: Sequence[str], *, nouns: Collection[str] = ()) -> list[Item]:
    """Replace every number phrase in a token list by its value.

    Args:
        tokens: Tokens from :func:`tokenize`.
        nouns: Words after which "a"/"an" means one ("an hour", "a pint").

    Returns:
        Items in reading order: a float per number phrase, other tokens as they
        were. Number words may carry one typo ("sevn", "fve", "eigth").
    """
    words = _spelt(tokens)
    items: list[Item] = []
    i = 0
    while i < len(words):
        read = _number(words, i, nouns)
        if read is None:
            items.append(words[i])
            i += 1
        else:
            value, i = read
            items.append(value)
    return items


def _spelt(tokens: Sequence[str]) -> list[str]:
    """Correct number-word typos and drop hyphens that join words ("twenty-five")."""
    words: list[str] = []
    for i, word in enumerate(tokens):
        neighbours = tokens[max(i - 1, 0) : i + 2]
        if word == "-" and any(neighbour.isalpha() for neighbour in neighbours):
            continue
        if word.isalpha() and word not in ZERO_WORDS:
            typo_of = closest(
                word, _NUMBER_VOCABULARY, min_length=3, same_start=True, blocked=_NEAR_NUMBER_WORDS
            )
            word = typo_of or word
        words.append(word)
    return words


def _at(words: Sequence[str], i: int) -> str:
    return words[i] if i < len(words) else ""


def _number(words: Sequence[str], i: int, nouns: Collection[str]) -> tuple[float, int] | None:
    """Read the number phrase starting at ``words[i]``: (value, index after it)."""
    word, after = words[i], _at(words, i + 1)
    if word in _ARTICLES and after in ("couple", "dozen", "half", "quarter", "hundred"):
        word, i, after = after, i + 1, _at(words, i + 2)
    if word in _ARTICLES and after in nouns:
        return 1.0, i + 1
    if word == "couple":
        return 2.0, i + 2 if after == "of" else i + 1
    if word == "dozen":
        return 12.0, i + 1
    if word in _PART_WORDS:
        if after in _ARTICLES and _at(words, i + 2) == "dozen":
            return 12 * _PART_WORDS[word], i + 3
        return _part_of(words, i + 1, _PART_WORDS[word])
    fraction = _fraction(words, i)
    if fraction is not None:
        return _part_of(words, i + 3, fraction)
    whole = _whole(words, i)
    if whole is None:
        return None
    return _with_fraction(words, *whole)


def _fraction(words: Sequence[str], i: int) -> float | None:
    """Value of "1/2", "1/4" or "3/4" at ``words[i]``; other slashes are not fractions."""
    if _at(words, i + 1) != "/":
        return None
    top, bottom = as_number(words[i]), as_number(_at(words, i + 2))
    if top is None or bottom is None:
        return None
    return _FRACTIONS.get((int(top), int(bottom))) if top.is_integer() else None


def _part_of(words: Sequence[str], i: int, value: float) -> tuple[float, int]:
    """Absorb the "of an" in "half of an hour" so the noun follows the value."""
    if _at(words, i) == "of":
        i += 1
    if _at(words, i) in _ARTICLES:
        i += 1
    return value, i


def _whole(words: Sequence[str], i: int) -> tuple[float, int] | None:
    """Read digits, a zero word, or number words up to the hundreds."""
    digits = as_number(words[i])
    if digits is not None:
        return digits, i + 1
    if words[i] in ZERO_WORDS:
        return 0.0, i + 1
    total, j = 0, i
    if (_at(words, j + 1) == "hundred" and words[j] in ONES) or words[j] == "hundred":
        total = 100 * ONES.get(words[j], 1)
        j += 1 if words[j] == "hundred" else 2
        if _at(words, j) == "and" and word_value(_at(words, j + 1)) is not None:
            j += 1
    word = _at(words, j)
    if word in TENS:
        total, j = total + TENS[word], j + 1
        if ONES.get(_at(words, j), 0) > 0:
            total, j = total + ONES[words[j]], j + 1
    elif word in TEENS or word in ONES:
        total, j = total + TEENS.get(word, ONES.get(word, 0)), j + 1
    return (float(total), j) if j > i else None


def _with_fraction(words: Sequence[str], value: float, i: int) -> tuple[float, int]:
    """Add a trailing "and a half", "1/2", "point five" or "quarters" to a whole number."""
    if not value.is_integer():
        return value, i
    if _at(words, i) in ("quarter", "quarters") and 1 <= value <= 3:
        return _part_of(words, i + 1, value / 4)
    fraction = _fraction(words, i)
    if fraction is not None:
        return value + fraction, i + 3
    if _at(words, i) == "point" and word_value(_at(words, i + 1)) in range(10):
        return value + ONES[words[i + 1]] / 10, i + 2
    j = i + 1 if _at(words, i) in ("and", "an", "n", "&", "+") else i
    if j == i:
        return value, i
    if _at(words, j) in _ARTICLES:
        j += 1
    if _at(words, j) in _PART_WORDS:
        return value + _PART_WORDS[words[j]], j + 1
    if _at(words, j) in ("three", "3") and _at(words, j + 1) == "quarters":
        return value + 0.75, j + 2
    return value, i


# --- units and amounts ---------------------------------------------------------------

HOUR, MINUTE, KG, STONE, POUND = "hour", "minute", "kg", "stone", "pound"
CM, INCH, FOOT, MMOL, MGDL, PACK = "cm", "inch", "foot", "mmol", "mgdl", "pack"
_SPELLINGS = {
    HOUR: "h hr hrs hrz hour hours",
    MINUTE: "m min mins minute minutes mn mns mts mnts",
    KG: "kg kgs kilo kilos kilogram kilograms kilogramme kilogrammes",
    STONE: "st stone stones stn",
    POUND: "lb lbs ib ibs pound pounds",
    CM: "cm cms centimetre centimetres centimeter centimeters",
    INCH: 'in ins inch inches "',
    FOOT: "ft foot feet",
    MMOL: "mmol mmols mmoll",
    MGDL: "mg mgs mgdl",
    PACK: "pack packs packet packets",
}
_UNITS = {spelling: unit for unit, words in _SPELLINGS.items() for spelling in words.split()}
# Everyday words or marks when a question does not ask for them ("7 in bed").
_LOOSE = frozenset({"m", "st", "in", "ins", '"'})
_FOREIGN = word_set(
    "g k gram grams oz ounce ounces ml km mile miles metre metres meter meters kcal cal "
    "cals calories steps % percent mol mmhg bpm sec secs second seconds"
)
_LONG_UNITS = frozenset(spelling for spelling in _UNITS if len(spelling) >= 5)
_NEAR_UNIT_WORDS = word_set(
    "mines minds mints minus scone shone stoke stole stoned stoner stony store stove "
    "stores stoves stokes stoles ponds kills kilns kilts itches inched"
)
# After "a"/"an" these nouns make the article mean one: "an hour", "a pint".
_NOUNS = word_set(
    "hour hr minute min stone pound lb kilo kg inch foot pack packet pint drink glass "
    "can bottle beer cigarette cig ciggie fag smoke rollie meal portion serving piece "
    "snack unit"
)
_AND_GAPS = frozenset({(), ("and",), (",",), ("&",)})
_RANGE_GAPS = frozenset({("-",), ("to",), ("or",), ("till",), ("til",)})
_CLOCK_WORDS = frozenset({"oclock", "midnight", "midday", "noon"})


@dataclass(frozen=True, slots=True)
class Measure:
    """How one kind of amount is written.

    Attributes:
        factors: Base units per unit, for the units this amount may be given in.
        default: Unit of a bare number (``None``: the base unit).
        follow_on: Unit -> (smaller unit, its count per unit) for "13st 4", "1h 30".
        clock: Whether "7:30" is 7 hours 30 minutes.
        any_unit: Read past unit words without converting (a plain number).
        out_of: Top of a scale: "7/10" and "7 out of 10" are 7.
    """

    factors: Mapping[str, float] = field(default_factory=dict)
    default: str | None = None
    follow_on: Mapping[str, tuple[str, float]] = field(default_factory=dict)
    clock: bool = False
    any_unit: bool = False
    out_of: float | None = None


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with the unit written after it; ``start``/``end`` index the items."""

    value: float
    unit: str | None
    start: int
    end: int


def read_items(text: str, measure: Measure) -> list[Item]:
    """Tokenise a reply and read its numbers, forgiving a typo in a long unit word.

    Args:
        text: The reply.
        measure: The kind of amount asked for (its ``out_of`` denominator is dropped).

    Returns:
        Items as from :func:`read_numbers`.
    """
    tokens = [_unit_spelling(token) for token in tokenize(text)]
    items = read_numbers(tokens, nouns=_NOUNS)
    return items if measure.out_of is None else _without_denominator(items, measure.out_of)


def says_clock_time(items: Sequence[Item]) -> bool:
    """Whether the items give a time of day ("half past six", "11pm", "7 a.m.")."""
    for i, item in enumerate(items):
        after = items[i + 1 : i + 4]
        if item in _CLOCK_WORDS:
            return True
        if isinstance(item, float) and after[:1] and after[0] in ("am", "pm", "past"):
            return True
        if isinstance(item, float) and after in (["a", ".", "m"], ["p", ".", "m"]):
            return True
    return False


def find_amounts(items: Sequence[Item], measure: Measure) -> list[float] | None:
    """Find the distinct amounts the items state, in the measure's base unit.

    Args:
        items: Items from :func:`read_items`.
        measure: The kind of amount asked for.

    Returns:
        Base-unit values in reading order after joining "13st 4", "1h 30", "7:30"
        and ranges, with a bare number in ``measure.default``; ``None`` if a number
        is followed by a unit of another kind ("7 kg" for sleep, "5 miles").
    """
    found = _quantities(items, measure)
    if found is None:
        return None
    joined: list[Quantity] = []
    for quantity in found:
        both = _joined(items, joined[-1], quantity, measure) if joined else None
        if both is None:
            joined.append(quantity)
        else:
            joined[-1] = both
    amounts: list[float] = []
    for quantity in joined:
        unit = quantity.unit or measure.default
        amount = quantity.value * (measure.factors[unit] if unit else 1.0)
        if all(abs(amount - seen) > 1e-9 for seen in amounts):
            amounts.append(amount)
    return amounts


def has_unit(items: Sequence[Item], measure: Measure) -> bool:
    """Whether any number in the items carries a unit the measure takes."""
    return any(
        isinstance(item, float) and isinstance(after, str) and _UNITS.get(after) in measure.factors
        for item, after in pairwise(items)
    )


def _unit_spelling(token: str) -> str:
    """Correct a one-letter typo in a long unit word ("huors", "minuts", "pouns")."""
    if len(token) < 5 or not token.isalpha() or token in _UNITS:
        return token
    typo_of = closest(token, _LONG_UNITS, min_length=5, same_start=True, blocked=_NEAR_UNIT_WORDS)
    return typo_of or token


def _without_denominator(items: list[Item], out_of: float) -> list[Item]:
    """Drop "/10" and "out of 10" when 10 is the top of the scale."""
    kept: list[Item] = []
    i = 0
    while i < len(items):
        after_number = bool(kept) and isinstance(kept[-1], float)
        if after_number and items[i : i + 2] == ["/", out_of]:
            i += 2
        elif items[i : i + 3] == ["out", "of", out_of]:
            i += 3
        else:
            kept.append(items[i])
            i += 1
    return kept


def _quantities(items: Sequence[Item], measure: Measure) -> list[Quantity] | None:
    """Pair every number with the unit word right after it, if any."""
    found: list[Quantity] = []
    for i, item in enumerate(items):
        if not isinstance(item, float):
            continue
        after = items[i + 1] if i + 1 < len(items) else ""
        unit = _UNITS.get(after) if isinstance(after, str) else None
        if measure.any_unit:
            found.append(Quantity(item, None, i, i + (2 if unit else 1)))
        elif unit in measure.factors:
            found.append(Quantity(item, unit, i, i + 2))
        elif (unit is not None and after not in _LOOSE) or after in _FOREIGN:
            return None
        else:
            found.append(Quantity(item, None, i, i + 1))
    return found


def _joined(
    items: Sequence[Item], first: Quantity, then: Quantity, measure: Measure
) -> Quantity | None:
    """Join "13st 4", "1h 30", "an hour and a half", "7:30" and ranges into one amount."""
    gap = tuple(items[first.end : then.start])
    unit = first.unit or ""
    smaller, limit = measure.follow_on.get(unit, ("", 0.0))
    if smaller and gap in _AND_GAPS and then.unit in (None, smaller):
        if then.unit is None and then.value < 1:
            return Quantity(first.value + then.value, unit, first.start, then.end)
        if then.value < limit:
            share = measure.factors[smaller] / measure.factors[unit]
            return Quantity(first.value + then.value * share, unit, first.start, then.end)
    clock = measure.clock and gap == (":",) and then.value < 60
    if clock and first.unit in (None, HOUR) and then.unit in (None, MINUTE):
        return Quantity(first.value + then.value / 60, HOUR, first.start, then.end)
    between = first.start > 0 and items[first.start - 1] == "between" and gap == ("and",)
    slash = gap == ("/",) and then.value - first.value <= 2
    ranged = (gap in _RANGE_GAPS or between or slash) and then.value > first.value
    if ranged and first.unit in (None, then.unit):
        middle = (first.value + then.value) / 2
        return Quantity(middle, then.unit, first.start, then.end)
    return None

"""Answer kinds a flow step can expect, each a parser plus how its value is stored."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from companion.engine.reading.numbers import MAX_CHARS, tokenize
from companion.engine.reading.parsing import (
    Ambiguous,
    BloodPressure,
    Parsed,
    Unreadable,
    Value,
    parse_blood_pressure,
    parse_count,
    parse_duration_minutes,
    parse_glucose,
    parse_goal_review,
    parse_hours,
    parse_length_cm,
    parse_scale_012,
    parse_score_0_10,
    parse_weight_kg,
    parse_yes_no,
)

# A stored answer: numbers, a yes/no, a word, or a blood pressure pair.
Stored = float | int | bool | str | dict[str, int]
UK_PACK = 20
MAX_TEXT = 480


@dataclass(frozen=True)
class Understood:
    """A reply read as an answer: the value to store and the key to branch on."""

    value: Stored
    branch_key: str


# What `read_answer` made of a reply.
Reading = Understood | Unreadable | Ambiguous


def _number(result: Parsed[float] | Parsed[int]) -> Understood | Unreadable | Ambiguous:
    if isinstance(result, Value):
        value = round(float(result.value), 2)
        return Understood(int(value) if value.is_integer() else value, "")
    return result


def _scale(result: Parsed[int]) -> Understood | Unreadable | Ambiguous:
    if isinstance(result, Value):
        return Understood(result.value, str(result.value))
    return result


def _yes_no(text: str) -> Understood | Unreadable | Ambiguous:
    result = parse_yes_no(text)
    if isinstance(result, Value):
        return Understood(result.value, "yes" if result.value else "no")
    return result


def _goal(text: str) -> Understood | Unreadable | Ambiguous:
    result = parse_goal_review(text)
    if isinstance(result, Value):
        return Understood(result.value, result.value)
    return result


def _bp(text: str) -> Understood | Unreadable | Ambiguous:
    result = parse_blood_pressure(text)
    if isinstance(result, Value):
        reading: BloodPressure = result.value
        return Understood({"systolic": reading.systolic, "diastolic": reading.diastolic}, "")
    return result


def _text(text: str) -> Understood | Unreadable | Ambiguous:
    cleaned = " ".join(text[:MAX_CHARS].split())[:MAX_TEXT]  # cut first, like every reader
    return Understood(cleaned, "") if cleaned else Unreadable("empty")


Reader = Callable[[str], Understood | Unreadable | Ambiguous]

ANSWER_KINDS: Mapping[str, Reader] = {
    "hours": lambda t: _number(parse_hours(t)),
    "minutes": lambda t: _number(parse_duration_minutes(t)),
    "count": lambda t: _number(parse_count(t, maximum=50)),
    "cigarettes": lambda t: _number(parse_count(t, maximum=100, pack_size=UK_PACK)),
    "score10": lambda t: _number(parse_score_0_10(t)),
    "weight": lambda t: _number(parse_weight_kg(t)),
    "waist": lambda t: _number(parse_length_cm(t)),
    "glucose": lambda t: _number(parse_glucose(t)),
    "bp": _bp,
    "scale012": lambda t: _scale(parse_scale_012(t)),
    "yes_no": _yes_no,
    "goal_review": _goal,
    "text": _text,
    "choice": lambda t: Unreadable("not_understood"),  # read by read_choice
}

_BRANCHES: Mapping[str, frozenset[str]] = {
    "scale012": frozenset({"0", "1", "2"}),
    "yes_no": frozenset({"yes", "no"}),
    "goal_review": frozenset({"done", "partly", "not_this_week"}),
}


def branch_values(kind: str, choices: Mapping[str, tuple[str, ...]]) -> frozenset[str]:
    """The keys a step of this kind can branch on."""
    if kind == "choice":
        return frozenset(choices)
    return _BRANCHES.get(kind, frozenset())


def read_answer(
    kind: str, text: str, choices: Mapping[str, tuple[str, ...]]
) -> Understood | Unreadable | Ambiguous:
    """Read `text` as an answer of `kind` (never raises)."""
    if kind == "choice":
        return read_choice(text, choices)
    return ANSWER_KINDS[kind](text)


def read_choice(
    text: str, choices: Mapping[str, tuple[str, ...]]
) -> Understood | Unreadable | Ambiguous:
    """Match a reply against a step's choice words; two different choices is ambiguous."""
    words = set(tokenize(text))
    said = {value for value, options in choices.items() if words & set(options)}
    if len(said) == 1:
        value = said.pop()
        return Understood(value, value)
    if said:
        return Ambiguous("contradictory")
    return Unreadable("empty" if not words else "not_understood")

"""Reading a person's answer to "would you like to share?", and what sharing covers. Pure."""

from __future__ import annotations

from dataclasses import dataclass

from companion.engine.reading.numbers import tokenize
from companion.engine.reading.parsing import Ambiguous, Unreadable, Value, parse_yes_no

CATEGORIES = ("checkins", "side_effects", "goals", "safety")
_WORDS = {
    "checkins": {
        "checkin",
        "checkins",
        "check",
        "checks",
        "measurements",
        "measures",
        "weight",
        "pomiarów",
        "pomiarow",
        "pytań",
        "pytan",
        "odpowiedzi",
    },
    "side_effects": {
        "side",
        "effects",
        "effect",
        "meds",
        "medicine",
        "medication",
        "skutków",
        "skutkow",
        "ubocznych",
        "leków",
        "lekow",
    },
    "goals": {"goal", "goals", "celu", "cel", "celów", "celow"},
    "safety": {
        "safety",
        "crisis",
        "safe",
        "bezpieczeństwa",
        "bezpieczenstwa",
        "kryzysowych",
        "kryzys",
    },
}
_LEAVE_OUT = {
    "not",
    "without",
    "except",
    "exclude",
    "excluding",
    "but",
    "no",
    "apart",
    "nie",
    "bez",
    "oprócz",
    "oprocz",
    "poza",
}

_NEGATIONS = {"no", "nie"}  # after a yes, without a category named, a no contradicts it


@dataclass(frozen=True)
class ShareAnswer:
    """Yes (with what is shared) or no."""

    yes: bool
    shares: frozenset[str] = frozenset()


def read_share_answer(text: str) -> Value[ShareAnswer] | Unreadable | Ambiguous:
    """'YES' shares everything; 'yes but not safety' leaves safety out; 'no' shares nothing.

    The first word decides yes or no; categories named after it are left out, and must
    follow a word like "not", "without" or "except" (a bare "yes safety" is asked again).
    """
    tokens = [t for t in tokenize(text) if t.isalnum()]
    if not tokens:
        return Unreadable("empty")
    first = parse_yes_no(tokens[0])
    if not isinstance(first, Value):
        whole = parse_yes_no(text)
        if isinstance(whole, Value) and not whole.value:
            return Value(ShareAnswer(yes=False))
        return first if isinstance(first, Ambiguous) else Unreadable("not_understood")
    if not first.value:
        return Value(ShareAnswer(yes=False))
    rest = tokens[1:]
    named = {c for c, words in _WORDS.items() if words & set(rest)}
    if named and not _LEAVE_OUT & set(rest):
        return Ambiguous("contradictory")
    if _NEGATIONS & set(rest) and not named:
        return Ambiguous("contradictory")  # "yes and no", "yes... no": never a yes
    if _LEAVE_OUT & set(rest) - {"no", "nie", "but"} and not named:
        # "yes without <something we do not know>": never guess that means "share it all".
        return Ambiguous("unsure")
    if named == set(CATEGORIES):
        return Ambiguous("contradictory")
    return Value(ShareAnswer(yes=True, shares=frozenset(set(CATEGORIES) - named)))


def shares_text(shares: frozenset[str]) -> str:
    """The stored form: category codes, space separated, in a fixed order."""
    return " ".join(c for c in CATEGORIES if c in shares)


def shares_args(shares: frozenset[str]) -> dict[str, str]:
    """Message arguments saying, per category, "yes" or "no" (the catalog words it)."""
    return {c: "yes" if c in shares else "no" for c in CATEGORIES}

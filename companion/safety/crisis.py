"""Crisis-language detection: a pure classifier run on every inbound message.

Three tiers, in order. The lexicon (`lexicon`) matches phrasings people use, on
`text.normalise`d text. Concept frames (`frames_en`, `frames_en_distress`, `frames_pl`,
over the word lists in `concepts_en`) match meanings on `text.fold`ed text, so a
paraphrase of a known meaning ("wouldn't mind if I never woke up") is caught without a
rule of its own. Concept pairs (`cooccurrence`) catch a death concept and a wish, plan or
judgement in one clause in any order ("death would be a relief"). Around every match,
`negation` finds denials and `context` finds phrases about someone else, long past, or
quoted. Deterministic, CPU only, nothing downloaded: the text never leaves the process.

A missed crisis is worse than an extra gentle check, so ambiguous phrasings ("I want to
die", even in jest) trigger, while everyday idioms ("dying for a cuppa") do not. Denials
("I'm not going to hurt myself") and distanced phrases ("years ago I wanted to die, I'm
much better now") still return a signal, marked ``negated``: the gentle check. A crisis
about someone else returns a signal marked ``about_someone_else``: signposting for them.
No reply text here: that lives in the Fluent catalogs.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from companion.safety import frames_en, frames_en_distress, frames_pl, lexicon
from companion.safety.context import about_someone_else, is_distanced
from companion.safety.cooccurrence import pairs
from companion.safety.negation import is_negated
from companion.safety.rules import CATEGORIES, SUICIDE, parse_rules
from companion.safety.text import fold, normalise

__all__ = ["CATEGORIES", "CrisisSignal", "_parse_rules", "detect_crisis"]

_parse_rules = parse_rules  # the rule-table parser, for tests of malformed tables

# Whose crisis a category can be: harm to others and not being safe are always the
# sender's to report, whoever else the sentence names.
_OWN_ONLY: Final = frozenset({"harm_to_others", "unsafe"})
_PAIR: Final = "death_concept_pair"
# The concept tiers read this much of a message: more than twice Twilio's 1,600-character
# limit (the webhook cuts there first), and it keeps any length bounded. The lexicon
# reads the whole message, as it always has.
CONCEPT_CHARS: Final = 4000
_LAYERS: Final = (
    (False, lexicon.RULES),
    (True, frames_en.RULES + frames_en_distress.RULES + frames_pl.RULES),
)


@dataclass(frozen=True, slots=True)
class CrisisSignal:
    """What crisis language was found in a message; never holds the message text.

    Attributes:
        category: One of ``CATEGORIES``, e.g. ``"suicide"`` or ``"hopelessness"``.
        negated: True when the phrase was denied ("I'd never hurt myself"), long past
            and left behind, or quoted: it gets the gentle check.
        pattern: Short internal name of the rule that matched, safe for logs.
        about_someone_else: True when the crisis is another person's ("my friend said
            she wants to die"): it gets signposting for them.
    """

    category: str
    negated: bool
    pattern: str
    about_someone_else: bool = False


def _judge(category: str, name: str, text: str, span: tuple[int, int]) -> CrisisSignal:
    """The signal one match gives, with its denial and whose it is."""
    start, end = span
    if category in _OWN_ONLY:
        return CrisisSignal(category, is_negated(text, start, end), name)
    negated = is_negated(text, start, end) or is_distanced(text, start, end)
    other = not negated and about_someone_else(text, start, end)
    return CrisisSignal(category, negated, name, about_someone_else=other)


def _signals(norm: str, folded: str) -> Iterator[CrisisSignal]:
    """Every match's signal: lexicon in table order, then frames, then concept pairs."""
    for use_folded, rules in _LAYERS:
        text = folded if use_folded else norm
        for rule in rules:
            for match in rule.regex.finditer(text):
                yield _judge(rule.category, rule.name, text, match.span())
    for span in pairs(folded):
        yield _judge(SUICIDE, _PAIR, folded, span)


def detect_crisis(text: str) -> CrisisSignal | None:
    """Classify a message for crisis language.

    Runs before any conversation flow. Pure: no I/O, no clock, and the result never
    contains the message text.

    Args:
        text: The raw inbound message, any length or characters.

    Returns:
        The most severe signal about the sender that is not denied, if there is one
        (lexicon rules first, in table order, then the concept layer); else the first
        about someone else; else the first denied or distanced one; else None.
    """
    norm = normalise(text)
    someone_else: CrisisSignal | None = None
    negated: CrisisSignal | None = None
    for signal in _signals(norm, fold(norm[:CONCEPT_CHARS])):
        if not (signal.negated or signal.about_someone_else):
            return signal
        if signal.about_someone_else:
            someone_else = someone_else or signal
        else:
            negated = negated or signal
    return someone_else or negated

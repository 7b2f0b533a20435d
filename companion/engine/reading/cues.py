"""Cue phrases: short word patterns that point to what a free text is about. Pure.

A cue is written as people text it, one phrase per ``|``: ``"stop text*|leave me alone"``.
A word ending in ``*`` is a stem ("text*" is text, texts, texting); ``...`` lets up to
three other words stand between two words ("forgot ... pills" matches "forgot my blue
pills"); ``@med`` stands for any word of a named class. Text is folded first: lower
case, apostrophes dropped ("didn't" is "didnt"), Polish letters without their marks
("dziękuję" is "dziekuje", "ł" is "l"), so one spelling covers what phones send.

Cues are indexed by their first word (or first two, "who is this"; stems by their
first three letters), so reading a text costs a few dictionary look-ups per word,
whatever the size of the lexicon: well under a millisecond for an SMS. For 1,600
characters of anything it stays bounded: a word already tried as a cue's start 16
times is not tried again, and a label stops being looked for after 4 finds.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from companion.engine.reading.numbers import MAX_CHARS, tokenize, word_set

GAP = "..."
MAX_GAP = 3
MAX_TOKENS = 400  # 1,600 characters hold at most ~800 one-letter words; cues live early
MAX_HITS_PER_LABEL = 4  # enough to see past a negated one; bounds "stop stop stop ..."
MAX_STARTS_PER_WORD = 16  # a word tried as a cue's start this often is noise ("lost lost ...")
_STEM_KEY = 3
_EXTRA_FOLDS = str.maketrans({"ł": "l", "đ": "d", "ø": "o"})
NEGATORS = word_set(
    "no not never dont didnt doesnt isnt wasnt havent hasnt aint cant wont without nie bez"
)


@dataclass(frozen=True, slots=True)
class Word:
    """One word of a cue: ``text`` exactly, or any word starting with it (a stem)."""

    text: str
    stem: bool

    def matches(self, token: str) -> bool:
        """Whether a folded token is this word."""
        return token.startswith(self.text) if self.stem else token == self.text


@dataclass(frozen=True, slots=True)
class Slot:
    """A position in a cue: any of ``words``, after at most ``gap`` other tokens."""

    words: tuple[Word, ...]
    gap: int
    exact: frozenset[str] = frozenset()
    stems: tuple[str, ...] = ()

    @classmethod
    def of(cls, words: tuple[Word, ...], gap: int) -> Slot:
        """A slot, with its words split into exact ones and stems for a quick test."""
        exact = frozenset(w.text for w in words if not w.stem)
        return cls(words, gap, exact, tuple(w.text for w in words if w.stem))

    def matches(self, token: str) -> bool:
        """Whether a folded token is one of this slot's words (one set look-up, one scan)."""
        return token in self.exact or (bool(self.stems) and token.startswith(self.stems))


@dataclass(frozen=True, slots=True)
class Cue:
    """A compiled phrase and the label it stands for."""

    label: str
    slots: tuple[Slot, ...]


@dataclass(frozen=True, slots=True)
class Hit:
    """A cue found in a text: its label and the tokens it spans, ``start`` to ``end``."""

    label: str
    start: int
    end: int


def fold(text: str) -> list[str]:
    """The folded tokens of a text (at most ``MAX_TOKENS`` of its first 1,600 characters).

    Args:
        text: A message as received.

    Returns:
        Word, number and symbol tokens, lower case, without accents.
    """
    tokens = tokenize(text[:MAX_CHARS])[:MAX_TOKENS]
    return [_plain(token) for token in tokens]


def _plain(token: str) -> str:
    if token.isascii():
        return token
    spread = unicodedata.normalize("NFKD", token.translate(_EXTRA_FOLDS))
    return "".join(char for char in spread if not unicodedata.combining(char))


class CueTable:
    """Cue phrases, compiled and indexed by their first word, for fast look-up."""

    def __init__(self, spec: Mapping[str, str], classes: Mapping[str, str] | None = None) -> None:
        """Compile ``label: "phrase|phrase"`` pairs.

        Args:
            spec: Labels mapped to their phrases, ``|`` between phrases.
            classes: Word classes (``"med": "pill* tablet* meds"``) for ``@name``.

        Raises:
            ValueError: A stem shorter than three letters, or an unknown class.
        """
        named = {
            name: tuple(_word(w) for w in words.split()) for name, words in (classes or {}).items()
        }
        self._exact: dict[str, list[Cue]] = {}
        self._pairs: dict[tuple[str, str], list[Cue]] = {}
        self._stems: dict[str, list[Cue]] = {}
        for label, phrases in spec.items():
            for phrase in phrases.split("|"):
                cue = Cue(label, _compile(phrase, named))
                second = cue.slots[1] if len(cue.slots) > 1 else None
                for first in cue.slots[0].words:
                    if first.stem:
                        self._stems.setdefault(first.text[:_STEM_KEY], []).append(cue)
                    elif second is not None and second.gap == 0 and not second.stems:
                        # "who is this": found by its first two words, one look-up
                        for word in second.exact:
                            self._pairs.setdefault((first.text, word), []).append(cue)
                    else:
                        self._exact.setdefault(first.text, []).append(cue)

    def find(self, tokens: Sequence[str]) -> list[Hit]:
        """Every cue found in the folded tokens, in reading order.

        Args:
            tokens: From :func:`fold`.

        Returns:
            Hits, several per position possible; overlapping hits are all kept.
        """
        hits: list[Hit] = []
        counts: dict[str, int] = {}
        starts: dict[str, int] = {}
        for i, token in enumerate(tokens):
            starts[token] = starts.get(token, 0) + 1
            if starts[token] > MAX_STARTS_PER_WORD:
                continue
            candidates = self._exact.get(token, [])
            if i + 1 < len(tokens):
                candidates = candidates + self._pairs.get((token, tokens[i + 1]), [])
            if len(token) >= _STEM_KEY:
                candidates = candidates + self._stems.get(token[:_STEM_KEY], [])
            for cue in candidates:
                if counts.get(cue.label, 0) >= MAX_HITS_PER_LABEL:
                    continue
                end = _match(cue.slots, tokens, i)
                if end is not None:
                    hits.append(Hit(cue.label, i, end))
                    counts[cue.label] = counts.get(cue.label, 0) + 1
        return hits


def _word(text: str) -> Word:
    stem = text.endswith("*")
    word = text.rstrip("*")
    if stem and len(word) < _STEM_KEY:
        raise ValueError(f"stem too short to index: {text!r}")
    return Word(word, stem)


def _compile(phrase: str, named: Mapping[str, tuple[Word, ...]]) -> tuple[Slot, ...]:
    slots: list[Slot] = []
    gap = 0
    for part in phrase.split():
        if part == GAP:
            gap = MAX_GAP
            continue
        if part.startswith("@"):
            if part[1:] not in named:
                raise ValueError(f"unknown word class in {phrase!r}: {part}")
            words = named[part[1:]]
        else:
            words = (_word(part),)
        slots.append(Slot.of(words, gap))
        gap = 0
    if not slots:
        raise ValueError("empty cue phrase")
    return tuple(slots)


def _match(slots: Sequence[Slot], tokens: Sequence[str], start: int) -> int | None:
    """The index after the cue if it matches at ``start`` (first slot already known)."""
    if not slots[0].matches(tokens[start]):
        return None
    at = start + 1
    for slot in slots[1:]:
        for j in range(at, min(at + slot.gap + 1, len(tokens))):
            if slot.matches(tokens[j]):
                at = j + 1
                break
        else:
            return None
    return at


def negated(tokens: Sequence[str], hit: Hit, reach: int = 3) -> bool:
    """Whether a negating word comes shortly before a hit ("no side effects", "not lonely")."""
    return any(token in NEGATORS for token in tokens[max(hit.start - reach, 0) : hit.start])

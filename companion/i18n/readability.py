"""Plain-language measures for message text: sentences, syllables, Flesch reading ease.

Pure functions of a string, used by the content linter on English messages. They are
tuned for short SMS text, not essays:

* A line break ends a sentence, as do ``.``, ``!`` and ``?`` followed by a space (or the
  end of the text). "e.g. this" would split after "e.g."; our messages do not use it.
* A word is a whitespace-separated token that contains at least one letter. Tokens
  without letters ("999", "116 123", "85258", "24/7", "1-5") are skipped: they are
  read as numbers, not words, and counting phone numbers as short words would make
  a message look easier to read than it is (and its sentences look longer).
  Acronyms and keywords ("NHS", "A&E", "STOP") are words.
"""

from __future__ import annotations

import re
from typing import Final

_SENTENCE_END: Final = re.compile(r"(?<=[.!?])[\"')\]]*\s+|\n")
_LETTER: Final = re.compile(r"[^\W\d_]")
_PARTS: Final = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_VOWEL_GROUP: Final = re.compile(r"[aeiouy]+")
_CONSONANT_LE: Final = re.compile(r"[^aeiouy]les?$")
_ES_SOUNDED: Final = ("ses", "xes", "zes", "ches", "shes", "ces", "ges")

# Flesch (1948): 206.835 - 1.015 * words/sentence - 84.6 * syllables/word.
_BASE: Final = 206.835
_SENTENCE_WEIGHT: Final = 1.015
_SYLLABLE_WEIGHT: Final = 84.6
NO_WORDS_SCORE: Final = 100.0


def sentences(text: str) -> list[str]:
    """Split text into sentences; a line break always ends one.

    Args:
        text: Any text, possibly over several lines.

    Returns:
        The sentences in order, stripped, without empty ones. A sentence may hold no
        words (a line that is only a phone number, say).
    """
    pieces = (piece.strip() for piece in _SENTENCE_END.split(text))
    return [piece for piece in pieces if piece]


def words(text: str) -> list[str]:
    """The words of a text: whitespace-separated tokens with at least one letter.

    Args:
        text: Any text.

    Returns:
        The tokens as written (punctuation included); numbers are left out.
    """
    return [token for token in text.split() if _LETTER.search(token)]


def syllables(word: str) -> int:
    """Estimate the syllables in an English word.

    Counts groups of vowels (``y`` counts as one), then drops a silent final "e"
    ("make"), keeping it in consonant + "le" endings ("table", "tables"), and drops
    the "e" of "-ed" ("moved", but not "wanted") and "-es" ("takes", but not
    "boxes"). A token with apostrophes or hyphens is counted part by part
    ("don't" is one word part, "check-in" two). It is a heuristic: good on
    common words, off by one on some ("maybe", "being").

    Args:
        word: One word; case and surrounding punctuation do not matter.

    Returns:
        The estimated number of syllables, at least 1.
    """
    parts = _PARTS.findall(word.lower())
    total = sum(_part_syllables(part.replace("'", "").replace("’", "")) for part in parts)
    return max(1, total)


def _part_syllables(part: str) -> int:
    count = len(_VOWEL_GROUP.findall(part))
    if count > 1 and not _CONSONANT_LE.search(part):
        silent_e = part.endswith("e") and not part.endswith("ee")
        silent_ed = part.endswith("ed") and not part.endswith(("ted", "ded", "eed"))
        silent_es = part.endswith("es") and not part.endswith(_ES_SOUNDED)
        if silent_e or silent_ed or silent_es:
            count -= 1
    return max(1, count)


def flesch_reading_ease(text: str) -> float:
    """Score how easy a text is to read (Flesch reading ease).

    Higher is easier: 60-70 is plain English, 80 and above reads like conversation,
    below 50 is hard. Very short, simple texts can score above 100. Only sentences
    with at least one word count, and numbers are not words (see the module notes).

    Args:
        text: Any text.

    Returns:
        The score; ``NO_WORDS_SCORE`` (100.0) for a text with no words at all.
    """
    per_sentence = [words(sentence) for sentence in sentences(text)]
    counted = [found for found in per_sentence if found]
    if not counted:
        return NO_WORDS_SCORE
    all_words = [word for found in counted for word in found]
    words_per_sentence = len(all_words) / len(counted)
    syllables_per_word = sum(syllables(word) for word in all_words) / len(all_words)
    return _BASE - _SENTENCE_WEIGHT * words_per_sentence - _SYLLABLE_WEIGHT * syllables_per_word


def longest_sentence_words(text: str) -> int:
    """The number of words in the longest sentence of a text (0 if it has none).

    Args:
        text: Any text.

    Returns:
        The word count of the longest sentence; numbers are not counted as words.
    """
    return max((len(words(sentence)) for sentence in sentences(text)), default=0)

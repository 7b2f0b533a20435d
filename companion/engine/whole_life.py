"""Whole-life topics a person may add to their check-in (mood, loneliness, money). Pure.

They are never asked unless the person chose them (`ADD mood`, `TOPICS ADD money`), and
`REMOVE mood` takes one out again. The check-in's rotation still asks at most three
questions a day (`engine/rotation.py`).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

OPTIONAL_TOPICS = ("mood", "loneliness", "money")
# The words a person may use for each topic, English and Polish (with and without accents).
_TOPIC_WORDS = {
    "mood": ("mood", "moods", "feelings", "nastroj", "nastrój"),
    "loneliness": ("loneliness", "lonely", "lonliness", "samotnosc", "samotność", "samotny"),
    "money": ("money", "money worries", "finances", "pieniadze", "pieniądze", "finanse"),
}
_ADD_WORDS = ("add", "dodaj", "on")
_REMOVE_WORDS = ("remove", "drop", "usun", "usuń", "off")
_WORD = {word: topic for topic, words in _TOPIC_WORDS.items() for word in words}
_TOPIC = "|".join(sorted((re.escape(w) for w in _WORD), key=len, reverse=True))
_CHANGE = re.compile(
    rf"^(?P<verb>{'|'.join(_ADD_WORDS + _REMOVE_WORDS)})\s+(?:the\s+)?(?P<topic>{_TOPIC})"
    r"(?:\s+(?:questions?|topic|pytania))?$"
)
# Only the verbs that are never an answer start a whole-message change ("ADD mood").
_WHOLE = re.compile(
    rf"^(?P<verb>add|remove|dodaj|usun|usuń)\s+(?P<topic>{_TOPIC})(?:\s+(?:questions?|topic))?$"
)


@dataclass(frozen=True)
class TopicChange:
    """Add (or remove) one optional topic."""

    topic: str
    add: bool


def _fold(text: str) -> str:
    return " ".join(text.casefold().replace(".", " ").replace("!", " ").split())


def read_topic_change(words: str) -> TopicChange | None:
    """What "add mood", "remove money" or "dodaj nastrój" asks for (None: not understood)."""
    found = _CHANGE.match(_fold(words))
    if found is None:
        return None
    return TopicChange(_WORD[found["topic"]], found["verb"] in _ADD_WORDS)


def whole_message_change(text: str) -> str | None:
    """The TOPICS words a whole message such as "ADD mood" stands for, if it is one."""
    found = _WHOLE.match(_fold(text))
    return None if found is None else f"{found['verb']} {found['topic']}"


def topics_from(stored: str | None) -> frozenset[str]:
    """The chosen topics from their stored (unsealed) form; unknown words are ignored."""
    return frozenset(t for t in (stored or "").split() if t in OPTIONAL_TOPICS)


def topics_text(chosen: Collection[str]) -> str:
    """The stored form: topic codes, space separated, in a fixed order."""
    return " ".join(t for t in OPTIONAL_TOPICS if t in chosen)


def topics_args(chosen: Collection[str]) -> dict[str, str]:
    """Message arguments saying, per topic, "yes" or "no" (the catalog words it)."""
    return {t: "yes" if t in chosen else "no" for t in OPTIONAL_TOPICS}

"""What a free text is about, when it is neither an answer nor a command. Pure.

`read_intent` runs on every text the keywords and the open question did not claim, after
crisis detection (crisis language never reaches it). It reads cue phrases
(:mod:`companion.engine.reading.intent_words`) and decides, in this order, because an
earlier meaning is the one that matters more to get right:

1. a misspelt keyword, the whole message ("HLEP" is HELP, "MENY" is MENU);
2. wanting to stop, or wanting fewer messages;
3. wanting a person; a question about data and privacy; who is this;
4. a measurement in a sentence (a measure word followed closely by a number);
5. a side effect or feeling unwell on medicine; a missed dose; a changed medicine;
6. a reminder or an appointment in natural words;
7. a question about a health topic (smoking, sleep, eating, activity, alcohol);
8. a hard time or loneliness; good news; thanks.

Deterministic, no I/O, and bounded: at most 1,600 characters are read, one dictionary
look-up or two per word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import time
from enum import StrEnum

from companion.engine.commands import CommandName
from companion.engine.reading.cues import CueTable, Hit, fold, negated
from companion.engine.reading.intent_time import appointment_words, reminder_words
from companion.engine.reading.intent_words import (
    CLASSES,
    COMMAND_TYPOS,
    CUES,
    HELP_TAILS,
    HELP_TYPOS,
)
from companion.engine.reading.numbers import as_number, word_set, word_value


class IntentKind(StrEnum):
    """What a person's own words ask for."""

    HELP_WANTED = "help_wanted"  # a misspelt HELP: the HELP reply with every number
    KEYWORD = "keyword"  # a misspelt command keyword
    STOP_WANTED = "stop_wanted"
    FEWER_MESSAGES = "fewer_messages"
    TALK_TO_PERSON = "talk_to_person"
    PRIVACY = "privacy"
    WHO_IS_THIS = "who_is_this"
    MEASUREMENT = "measurement"
    SIDE_EFFECT = "side_effect"
    MISSED_DOSE = "missed_dose"
    MEDS_CHANGED = "meds_changed"
    REMINDER = "reminder"
    APPOINTMENT = "appointment"
    HEALTH_TOPIC = "health_topic"
    HARD_TIME = "hard_time"
    GOOD_NEWS = "good_news"
    THANKS = "thanks"


class MeasureKind(StrEnum):
    """A measurement a sentence can carry."""

    WEIGHT = "weight"
    BP = "bp"
    GLUCOSE = "glucose"
    WAIST = "waist"
    HBA1C = "hba1c"  # recognised, not stored (no HbA1c record yet)


@dataclass(frozen=True, slots=True)
class Measurement:
    """A measurement found in a sentence: which, and the words with its reading."""

    kind: MeasureKind
    words: str  # e.g. "is 13 stone": what the WEIGHT command's parser reads


@dataclass(frozen=True, slots=True)
class Intent:
    """What a free text is about, with what was found in it.

    Attributes:
        kind: What the person wants or tells us.
        command: For ``KEYWORD``: the command they meant.
        measurements: For ``MEASUREMENT``: each reading, in order, one per kind.
        topic: For ``HEALTH_TOPIC``: "smoking", "sleep", "eating", "activity", "alcohol".
        words: For ``SIDE_EFFECT`` the note in their words; for ``REMINDER`` and
            ``APPOINTMENT`` what the REMIND / APPT command should read.
        at: For ``REMINDER`` and ``APPOINTMENT``: the time of day, when given.
        medicine: For the medicine intents: the first medicine word as written
            (folded): "tablets", "olanzapine", "leki"; "" when none was named.
        hard_time: The text also tells of a hard time (said back with care).
        at_night: For ``FEWER_MESSAGES``: about when messages come (night, too early).
    """

    kind: IntentKind
    command: CommandName | None = None
    measurements: tuple[Measurement, ...] = ()
    topic: str | None = None
    words: str = ""
    at: time | None = None
    medicine: str = ""
    hard_time: bool = False
    at_night: bool = False


_TABLE = CueTable(CUES, CLASSES)
_MAX_NOTE = 480
# Words that may stand between a measure word and its number ("sugar was 6.2").
_FILLERS = word_set(
    "is was were are its it me my i of at about around today this morning evening "
    "night now reading readings level levels measured myself in the came back out : - = "
    "done taken checked tested test "
    "jest byl byla bylo wynosi wynik poziom dzis dzisiaj rano mam moja moj mi"
)
_MEASURES = {f"m:{kind.value}": kind for kind in MeasureKind}
_TOPICS = ("smoking", "alcohol", "sleep", "eating", "activity")
_NEGATABLE = frozenset({"sidefx", "good", "hard", "talk", "stop", "thanks", "missed"})
_ALONE_THANKS = frozenset({"ty", "ta", "tx", "thanks", "thank you", "cheers"})
_QUIET_WORDS = frozenset({"quiet", "cisza"})
_QUIET_TAILS = frozenset({"please", "pls", "hours", "time", "mode", "at", "from", "after"})

_REPEATS = re.compile(r"(.)\1+")
_HELP_WORDS = frozenset({"help", "pomocy", "pomoc"})  # only with letters repeated


def read_intent(text: str) -> Intent | None:
    """Read what a free text is about, or ``None`` for ordinary chat ("ok", "lol", "🙂").

    Args:
        text: The whole message, any length (only its first 1,600 characters are read).

    Returns:
        The intent, with what was found (the reading, the medicine words, the time).
    """
    tokens = fold(text)
    if not tokens:
        return None
    typo = _misspelt_keyword(tokens)
    if typo is not None:
        return typo
    hits = [hit for hit in _TABLE.find(tokens) if not _dismissed(tokens, hit)]
    labels = {hit.label for hit in hits}
    hard = "hard" in labels
    found = _wants(tokens, labels) or _measured(tokens, hits)
    if found is None:
        medicine = next((tokens[h.start] for h in hits if h.label == "med"), "")
        found = (
            _medicine(
                text, labels, Intent(IntentKind.SIDE_EFFECT, medicine=medicine, hard_time=hard)
            )
            or _planned(text, labels)
            or _feelings(labels)
        )
    return found


def _asks_for_quiet(words: list[str]) -> bool:
    """ "QUIET 10pm-9am", "quiet please", "quiet hours"; not "quiet day today"."""
    if not words or words[0] not in _QUIET_WORDS:
        return False
    return len(words) == 1 or words[1].isdigit() or words[1] in _QUIET_TAILS


def _dismissed(tokens: list[str], hit: Hit) -> bool:
    return hit.label in _NEGATABLE and negated(tokens, hit)


def _misspelt_keyword(tokens: list[str]) -> Intent | None:
    words = [token for token in tokens if token.isalnum()]
    if _asks_for_quiet(words):
        return Intent(IntentKind.FEWER_MESSAGES, at_night=True)
    if not words or len(words) > 3:
        return None
    first = _REPEATS.sub(r"\1", words[0])  # "helppp", "pomocyyy"
    polite = all(word in HELP_TAILS for word in words[1:])
    if (words[0] in HELP_TYPOS or first in _HELP_WORDS) and polite:
        return Intent(IntentKind.HELP_WANTED)
    said = " ".join(words)
    if said in _ALONE_THANKS:
        return Intent(IntentKind.THANKS)
    command = COMMAND_TYPOS.get(said) or (COMMAND_TYPOS.get(words[0]) if len(words) == 1 else None)
    return Intent(IntentKind.KEYWORD, command=command) if command is not None else None


def _wants(tokens: list[str], labels: set[str]) -> Intent | None:
    """Stopping, fewer messages, a person, privacy, who is this: about the service itself."""
    if "fewer" in labels or {"stop", "night"} <= labels:  # "dont text me at night"
        return Intent(IntentKind.FEWER_MESSAGES, at_night="night" in labels)
    if "stop" in labels:
        return Intent(IntentKind.STOP_WANTED)
    if "talk" in labels:
        return Intent(IntentKind.TALK_TO_PERSON, hard_time="hard" in labels)
    if "privacy" in labels:
        return Intent(IntentKind.PRIVACY)
    if "who" in labels:
        return Intent(IntentKind.WHO_IS_THIS)
    return None


def _measured(tokens: list[str], hits: list[Hit]) -> Intent | None:
    """Each measure word followed closely by a number, with the words up to the next one."""
    marks = sorted((hit for hit in hits if hit.label in _MEASURES), key=lambda h: h.start)
    found: dict[MeasureKind, Measurement] = {}
    for i, hit in enumerate(marks):
        end = marks[i + 1].start if i + 1 < len(marks) else len(tokens)
        if end <= hit.end or _MEASURES[hit.label] in found:
            continue
        words = tokens[hit.end : end]
        if _number_follows(words):
            kind = _MEASURES[hit.label]
            found[kind] = Measurement(kind, " ".join(words))
    if not found:
        return None
    return Intent(IntentKind.MEASUREMENT, measurements=tuple(found.values()))


def _number_follows(words: list[str]) -> bool:
    for word in words:
        if as_number(word) is not None or word_value(word) is not None:
            return True
        if word not in _FILLERS:
            return False
    return False


def _medicine(text: str, labels: set[str], said: Intent) -> Intent | None:
    """A side effect (saved as a note in their words), a missed dose, a changed medicine.

    ``said`` carries what every medicine intent keeps: the medicine word and a hard time.
    """
    on_medicine = "med" in labels and "unwell" in labels
    if "effect" in labels or "sidefx" in labels or on_medicine:
        return replace(said, words=" ".join(text.split())[:_MAX_NOTE])
    if "missed" in labels:
        return replace(said, kind=IntentKind.MISSED_DOSE)
    if "changed" in labels:
        return replace(said, kind=IntentKind.MEDS_CHANGED)
    return None


def _planned(text: str, labels: set[str]) -> Intent | None:
    """A reminder or an appointment, rewritten in the order REMIND and APPT read."""
    if "remind" in labels:
        at, words = reminder_words(text)
        return Intent(IntentKind.REMINDER, words=words, at=at)
    if "appt" in labels or "clinic" in labels:
        found = appointment_words(text, named="appt" in labels)
        if found is not None:
            at, words = found
            return Intent(IntentKind.APPOINTMENT, words=words, at=at)
    return None


def _feelings(labels: set[str]) -> Intent | None:
    """A health question, a hard time, good news, thanks."""
    topic = next((t for t in _TOPICS if f"t:{t}" in labels), None)
    if topic is not None and "ask" in labels:
        return Intent(IntentKind.HEALTH_TOPIC, topic=topic)
    if "hard" in labels:
        return Intent(IntentKind.HARD_TIME)
    if "good" in labels:
        return Intent(IntentKind.GOOD_NEWS)
    if "thanks" in labels:
        return Intent(IntentKind.THANKS)
    return None

"""Reminders and appointments in natural words, put in the order REMIND and APPT read. Pure.

"can you remind me to take my meds at 9pm" becomes ``9:00pm take my meds``; "I have
the dentist on friday at 2pm" becomes ``friday 2:00pm dentist``. Times are read by the
settings parser (`parse_clock_time`), dates are left for the APPT command to read: this
module only finds which words are the day, the time and the what, and never guesses
(a time without am or pm, "at 9", is not a time here).
"""

from __future__ import annotations

import re
from datetime import time

from companion.engine.reading.numbers import word_set
from companion.engine.reading.parsing import Value
from companion.engine.reading.settings import parse_clock_time

MAX_WHAT = 40
_MAX_WORDS = 60
_PUNCTUATION = ".,!?;:()\"'"
_TIME_WORDS = word_set("am pm a.m p.m a.m. p.m. in the morning evening afternoon at night")
_DAYS = word_set(
    "today tomorrow monday tuesday wednesday thursday friday saturday sunday "
    "mon tue tues wed thu thur thurs fri sat sun"
)
_MONTHS = word_set(
    "jan january feb february mar march apr april may jun june jul july aug august "
    "sep sept september oct october nov november dec december"
)
_NUMERIC_DAY = re.compile(r"^\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?$")
_ORDINAL = re.compile(r"^\d{1,2}(?:st|nd|rd|th)?$")
_LEAD_INS = word_set("to about for that o zeby abym")
_KEPT_LEAD_INS = word_set("o")
_DROPPED = word_set("at please pls every each day daily a the me remind reminder o")
_SECOND_WORDS = word_set("test check")
_PLACES = word_set(
    "gp doctor doctors dentist nurse clinic hospital psychiatrist optician physio cpn "
    "therapist counsellor review depot injection jab lekarz lekarza dentysta dentysty "
    "przychodnia psychiatra pielegniarka test check"
)


def _clean(word: str) -> str:
    return word.strip(_PUNCTUATION).lower()


def _find_time(words: list[str]) -> tuple[time, int, int] | None:
    """The first clear time of day: (time, first word, word after it).

    "9pm", "9 pm", "9:30pm", "8 in the morning", "noon"; a bare "9" is not a time.
    """
    for i, word in enumerate(words):
        if not any(char.isdigit() for char in word) and word not in ("noon", "midday"):
            continue
        for span in (4, 3, 2, 1):
            tail = words[i + 1 : i + span]
            if len(tail) != span - 1 or not set(tail) <= _TIME_WORDS:
                continue
            parsed = parse_clock_time(" ".join(words[i : i + span]))
            if isinstance(parsed, Value) and (span > 1 or not word.isdigit()):
                return parsed.value, i, i + span
    return None


def reminder_words(text: str) -> tuple[time | None, str]:
    """Find the time and the what of a reminder asked for in natural words.

    Args:
        text: The whole message, e.g. "pls remind me to take my tablets at 8am".

    Returns:
        The time (``None`` unless clear) and what the REMIND command should read:
        "8:00am take my tablets" when both were found, else the person's words.
    """
    raw = text.split()[:_MAX_WORDS]
    words = [_clean(word) for word in raw]
    found = _find_time(words)
    if found is None:
        return None, " ".join(raw)
    at, first, after = found
    # "to take my meds", not "for 6pm": the first lead-in not followed by the time
    start = next((i + 1 for i, w in enumerate(words) if w in _LEAD_INS and i + 1 != first), 0)
    if start and words[start - 1] in _KEPT_LEAD_INS:  # Polish "o lekach": "about my meds"
        start -= 1
    what = [
        raw[i].strip(_PUNCTUATION)
        for i in range(start, len(raw))
        if not first <= i < after
        and words[i]
        and (words[i] not in _DROPPED or (i == start and words[i] in _KEPT_LEAD_INS))
    ]
    if not what:
        return at, " ".join(raw)
    return at, f"{spoken(at)} {' '.join(what)[:MAX_WHAT].strip()}"


def appointment_words(text: str, *, named: bool) -> tuple[time | None, str] | None:
    """Find the day, the time and the what of an appointment told in natural words.

    Args:
        text: The whole message, e.g. "got the dentist on friday at 2pm".
        named: The word "appointment" (or APPT, "wizyta") is in the text. Without it, a
            place ("dentist") counts only with both a day and a time.

    Returns:
        (time, what APPT should read: "friday 2:00pm dentist"), the person's words when
        the day or time is missing, or ``None`` when this is no appointment.
    """
    raw = text.split()[:_MAX_WORDS]
    words = [_clean(word) for word in raw]
    day = _find_day(words)
    found = _find_time(words)
    if day is None or found is None:
        return (found[0] if found else None, " ".join(raw)) if named else None
    # The place alone: APPT reads a word like "the" after the time as part of the time.
    place = next((i for i, word in enumerate(words) if word in _PLACES), None)
    what = "" if place is None else raw[place].strip(_PUNCTUATION)
    if place and words[place] in _SECOND_WORDS:  # "blood test", "health check"
        what = f"{raw[place - 1].strip(_PUNCTUATION)} {what}"
    return found[0], f"{day} {spoken(found[0])} {what or 'appointment'}"


def spoken(at: time) -> str:
    """A time as people write it, with am or pm ("10:30am"): "10:30" alone is ambiguous."""
    hour = at.hour % 12 or 12
    return f"{hour}:{at.minute:02d}{'am' if at.hour < 12 else 'pm'}"


def _find_day(words: list[str]) -> str | None:
    for i, word in enumerate(words):
        following = words[i + 1] if i + 1 < len(words) else ""
        if word in _DAYS or _NUMERIC_DAY.match(word):
            return word
        if _ORDINAL.match(word) and following in _MONTHS:
            return f"{word} {following}"
        if word in _MONTHS and _ORDINAL.match(following):
            return f"{word} {following}"
    return None

"""Reading "APPT next tuesday 2pm dentist", "remind me to take my meds at 9pm" and
"MEDS CHANGED 1 Nov": when, and what, in their words. Pure."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from datetime import date, time, timedelta

from companion.engine.reading.parsing import Value
from companion.engine.reading.settings import SettingAmbiguous, parse_clock_time

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NUMERIC = re.compile(r"^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2,4}))?$")
_ORDINAL = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$")
_DAY3 = frozenset(d[:3] for d in _DAYS)
MAX_WHAT = 40
MAX_WORDS = 30
_MAX_TIME_WORDS = 6  # "quarter to 8 in the evening"
_NAMED = frozenset({"noon", "midday", "half", "quarter"})
_PUNCTUATION = ",.;:!?()\"'"
# Little words that belong to a time or a date ("at 9pm", "on Friday"), not to what.
_LINKS = frozenset({"at", "@", "on", "for", "by", "from", "this", "is", "it's", "its", "next"})
_LEADING = frozenset(
    {"me", "to", "please", "pls", "every", "each", "day", "daily", "everyday", "and", "at"}
    | {"on", "with", "for", "a", "an", "i", "have", "got", "is", "its", "my", "ive"}
    # The whole sentence may come in ("can you remind me to ..." from the free-text reader).
    | {"can", "could", "you", "pls", "set", "remind", "reminder", "appt", "appointment"}
)
_TRAILING = frozenset({"every", "each", "day", "daily", "everyday", "please", "pls", "and", "at"})


@dataclass(frozen=True)
class Unclear:
    """Why a reminder or appointment could not be read ("am_or_pm", "past", ...)."""

    reason: str


@dataclass(frozen=True)
class _Found:
    """A time found in a message, and the words it took."""

    at: time
    start: int
    end: int
    unsure: bool = False


@dataclass(frozen=True)
class Reminder:
    """When (a London wall time, and a day for one-off appointments) and what."""

    at: time
    what: str
    on: date | None = None


def _day(words: list[str], today: date) -> tuple[date, int] | None:
    """A date at the start of `words` and how many words it used (day/month, UK order)."""
    first = words[0].lower().rstrip(",")
    if first in ("today", "tomorrow"):
        return today + timedelta(days=first == "tomorrow"), 1
    if first[:3] in {d[:3] for d in _DAYS} and first.rstrip("s") in {
        *_DAYS,
        *(d[:3] for d in _DAYS),
    }:
        ahead = ([d[:3] for d in _DAYS].index(first[:3]) - today.weekday()) % 7 or 7
        return today + timedelta(days=ahead), 1
    numeric = _NUMERIC.match(first)
    if numeric:
        day, month, year = numeric.groups()
        return _future(today, int(day), int(month), year), 1
    ordinal = _ORDINAL.match(first)
    if ordinal and len(words) > 1 and words[1].lower().rstrip(",.") in _MONTHS:
        return _future(
            today, int(ordinal.group(1)), _MONTHS[words[1].lower().rstrip(",.")], None
        ), 2
    if first in _MONTHS and len(words) > 1 and (o := _ORDINAL.match(words[1].rstrip(","))):
        return _future(today, int(o.group(1)), _MONTHS[first], None), 2
    return None


def _future(today: date, day: int, month: int, year: str | None) -> date:
    if year is not None:
        full = int(year) + (2000 if len(year) == 2 else 0)
        return date(full, month, day)
    candidate = date(today.year, month, day)
    return candidate if candidate >= today else date(today.year + 1, month, day)


def _words(text: str) -> list[str]:
    """The first words of a message, bounded: a reminder is a line, not an essay."""
    return text.split(maxsplit=MAX_WORDS)[:MAX_WORDS]


def _clean(word: str) -> str:
    return word.strip(_PUNCTUATION).lower()


def _find_time(words: list[str], daytime: bool) -> _Found | Unclear | None:
    """The time of day somewhere in `words`: the longest readable run, earliest first.

    A bare hour ("at 11", "8:30") is am-or-pm; with `daytime` (an appointment) it is
    read as the working day (07:00-18:59), otherwise it is asked about.
    """
    best: _Found | None = None
    unsure: _Found | None = None
    for start in range(len(words)):
        if not any(c.isdigit() for c in words[start]) and _clean(words[start]) not in _NAMED:
            continue
        for size in range(min(_MAX_TIME_WORDS, len(words) - start), 0, -1):
            span = " ".join(_clean(w) for w in words[start : start + size])
            parsed = parse_clock_time(span)
            if isinstance(parsed, Value):
                if best is None or size > best.end - best.start:
                    best = _Found(parsed.value, start, start + size)
                break
            if isinstance(parsed, SettingAmbiguous) and parsed.reason == "am_or_pm":
                guess = _daytime(span) if daytime else None
                if unsure is None:
                    unsure = _Found(guess or dt.time(0), start, start + size, guess is None)
                break
    if best is not None:
        return best
    if unsure is not None and unsure.unsure:
        return Unclear("am_or_pm")
    return unsure


def _daytime(span: str) -> dt.time | None:
    """An appointment's bare hour as a working-day time: "11" is 11:00, "2" is 14:00."""
    morning = parse_clock_time(span + " am")
    if isinstance(morning, Value) and 7 <= morning.value.hour <= 11:
        return morning.value
    afternoon = parse_clock_time(span + " pm")
    if isinstance(afternoon, Value) and 12 <= afternoon.value.hour <= 18:
        return afternoon.value
    return None


def _what(words: list[str], *spans: tuple[int, int]) -> str:
    """The words left once the time, the date and the little words around them go."""
    used = {i for start, end in spans for i in range(start, end)}
    for start, _ in spans:  # "at 9pm", "on Friday", "next Tuesday"
        before = start - 1
        while before >= 0 and before not in used and _clean(words[before]) in _LINKS:
            used.add(before)
            before -= 1
    kept = [w.strip(_PUNCTUATION) for i, w in enumerate(words) if i not in used]
    kept = [w for w in kept if w]
    while kept and kept[0].lower() in _LEADING:
        kept.pop(0)
    while kept and kept[-1].lower() in _TRAILING:
        kept.pop()
    return " ".join(kept)[:MAX_WHAT].strip()


def read_reminder(text: str) -> Reminder | Unclear:
    """A daily reminder in natural words, the time anywhere in it.

    "8am take my tablets", "meds 9pm", "to take my meds at 9pm" (after REMIND ME),
    "me every day at 8:30am to take tablets" -> daily at that time, and what for.

    Returns:
        The reminder, or `Unclear`: "am_or_pm" for a bare hour ("at 8:30": a
        medicine reminder at the wrong half of the day is worse than a question),
        "not_understood" without a time or without what it is for.
    """
    words = _words(text)
    found = _find_time(words, daytime=False)
    if isinstance(found, Unclear):
        return found
    if found is None:
        return Unclear("not_understood")
    what = _what(words, (found.start, found.end))
    if not what:
        return Unclear("not_understood")
    return Reminder(at=found.at, what=what)


def _find_day(words: list[str], today: date) -> tuple[date, int, int] | None:
    """The first date in `words`: its day, and where its words start and end."""
    for start in range(len(words)):
        word = _clean(words[start])
        if word == "yesterday":
            return today - timedelta(days=1), start, start + 1
        after_next = start + 1 if word == "next" and start + 1 < len(words) else start
        try:
            found = _day([_clean(w) for w in words[after_next : after_next + 2]], today)
        except ValueError:  # 31/02, or 10.30 (a time, not a date)
            continue
        if found is not None and (after_next == start or _clean(words[after_next])[:3] in _DAY3):
            return found[0], start, after_next + found[1]
    return None


def read_appointment(text: str, today: date) -> Reminder | Unclear:
    """An appointment in natural words: a date, a time and what it is, in any order.

    "3 Dec 10:30 GP", "next tuesday 2pm dentist", "12/1 10:30 GP", "on Friday at 11
    with Dr Shah". A bare hour is read as the working day ("at 11" is 11:00, "at 2"
    14:00); the reply says the date and time back, so a wrong guess is seen at once.

    Returns:
        The appointment; `Unclear` "past" for a day before `today`, "am_or_pm" for an
        hour that could be either, "no_time" for a day without a time, "not_understood"
        otherwise.
    """
    words = _words(text)
    day = _find_day(words, today)
    if day is None:
        return Unclear("not_understood")
    on, day_start, day_end = day
    if on < today:
        return Unclear("past")
    rest = words[:day_start] + [""] * (day_end - day_start) + words[day_end:]
    found = _find_time(rest, daytime=True)
    if isinstance(found, Unclear):
        return found
    if found is None:
        return Unclear("no_time")
    what = _what(words, (day_start, day_end), (found.start, found.end))
    if not what:
        return Unclear("not_understood")
    return Reminder(at=found.at, what=what, on=on)


_AGO = re.compile(r"^(\d{1,2}|a|an|one|two|three|four|five|six) (day|days|week|weeks) ago$")
_SMALL = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_WEEKDAY_WORDS = {"last", "on", "this", "past", "since", "from", "it", "was", "they", "were"}
_SOON_DAYS = 60


def read_past_day(text: str, today: date) -> date | Unclear:
    """The day something already happened: "1 Nov", "yesterday", "on 28/10", "3 days ago".

    Nothing (or "today") is today. A day without a year is its latest one not after
    today ("1 Nov" in December is this November); a weekday is the last one ("on
    Monday"). Used by MEDS CHANGED, whose monitoring calendar is timed from that day.

    Returns:
        The day; `Unclear("future")` for a day after today (asked again),
        `Unclear("not_understood")` for words that hold no date.
    """
    said = [_clean(w) for w in _words(text)]
    words = [w for w in said if w and w not in _WEEKDAY_WORDS]
    joined_words = " ".join(words)
    if not words or joined_words in ("today", "now", "just now"):
        return today
    if ago := _AGO.match(joined_words):
        count = int(ago.group(1)) if ago.group(1).isdigit() else _SMALL[ago.group(1)]
        return today - timedelta(days=count * (7 if ago.group(2).startswith("week") else 1))
    found = _find_day(words, today)
    if found is None:
        return Unclear("not_understood")
    day, first = found[0], words[found[1]]
    if first[:3] in _DAY3:  # a weekday: the last one ("last Thursday" on a Thursday: a week ago)
        day -= timedelta(days=7)
        if day == today and "last" in said:
            day -= timedelta(days=7)
        return day
    numeric = _NUMERIC.match(first)
    has_year = numeric is not None and numeric.group(3) is not None
    # "1 Nov" in December is this November; "25 Dec" in early December is a day to come.
    if day > today and not has_year and (day - today).days > _SOON_DAYS:
        day = _year_before(day)
    if day > today:
        return Unclear("future")
    return day


def _year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)

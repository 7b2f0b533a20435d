"""Reading "QUIET 10pm-9am": a person's own quiet time, joined to the service's. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time

from companion.engine.reading.parsing import Value
from companion.engine.reading.settings import SettingAmbiguous, parse_clock_time
from companion.engine.timing import Window, joined

MIN_AWAKE_MINUTES = 8 * 60  # a quiet time that leaves less is asked again
_OFF = frozenset({"off", "none", "no", "reset", "default", "normal", "usual", "stop", "cancel"})
_BETWEEN = re.compile(r"\s*(?:-|–|—|\bto\b|\btill\b|\buntil\b|\btil\b)\s*")
_AND = re.compile(r"\band\b")
_FROM = re.compile(r"^(?:from|between|after|no texts?|please)\s+")


@dataclass(frozen=True)
class QuietUnclear:
    """Why a QUIET text was not used: "am_or_pm", "too_long", "apart" or "not_understood"."""

    reason: str


@dataclass(frozen=True)
class QuietTime:
    """The person's own window as they asked for it (None: back to the service's hours)."""

    wanted: Window | None


def read_quiet(text: str) -> QuietTime | QuietUnclear:
    """Read what follows QUIET: "10pm-9am", "22:00-07:30", "from 10pm to 9am", "off".

    A bare hour is read the way quiet times run: the start in the evening ("10" is
    22:00), the end in the morning ("9" is 09:00); the reply says the times back.
    """
    folded = " ".join(_AND.sub(" to ", text.casefold()).split()).strip(" .!")
    if folded in _OFF:
        return QuietTime(None)
    parts = _BETWEEN.split(_FROM.sub("", folded.replace("between ", "")), maxsplit=1)
    if len(parts) != 2:
        return QuietUnclear("not_understood")
    start = _clock(parts[0], "pm")
    end = _clock(parts[1], "am")
    if isinstance(start, QuietUnclear):
        return start
    if isinstance(end, QuietUnclear):
        return end
    if start == end:
        return QuietUnclear("not_understood")
    return QuietTime(Window(start, end))


def _clock(text: str, bare: str) -> time | QuietUnclear:
    parsed = parse_clock_time(text)
    if isinstance(parsed, SettingAmbiguous) and parsed.reason == "am_or_pm":
        parsed = parse_clock_time(f"{text} {bare}")
    if isinstance(parsed, Value):
        return parsed.value
    if isinstance(parsed, SettingAmbiguous):
        return QuietUnclear("am_or_pm")
    return QuietUnclear("not_understood")


def settle_quiet(service: Window | None, wanted: Window) -> Window | QuietUnclear:
    """The quiet time we will keep for a person: theirs joined to the service's.

    Returns:
        The joined window; `QuietUnclear("too_long")` when together they would leave
        under `MIN_AWAKE_MINUTES` for texts, "apart" when they do not make one window
        (a quiet time in the middle of the day, 13:00-14:00: PAUSE or TIME fit that).
    """
    together = joined(service, wanted)
    if together is None:
        windows = [w for w in (service, wanted) if w is not None]
        every_minute = (time(m // 60, m % 60) for m in range(24 * 60))
        full_day = all(any(w.contains_wall(t) for w in windows) for t in every_minute)
        return QuietUnclear("too_long" if full_day else "apart")
    if _awake(together) < MIN_AWAKE_MINUTES:
        return QuietUnclear("too_long")
    return together


def _awake(window: Window) -> int:
    start = window.start.hour * 60 + window.start.minute
    end = window.end.hour * 60 + window.end.minute
    return (start - end) % (24 * 60)

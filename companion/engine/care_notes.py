"""Reading a coordinator's note from the portal form: a medicine change or an appointment. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time, timedelta

from companion.db.states import CareNoteKind

MAX_WHAT = 60
ANSWER_WITHIN = timedelta(days=7)  # after this, the question no longer waits for YES or NO
YEAR = timedelta(days=366)
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


@dataclass(frozen=True)
class NoteEntry:
    """What the coordinator recorded: the kind, their words, the day and (appointments) time."""

    kind: CareNoteKind
    what: str
    day: date
    at: time | None = None

    def details(self) -> dict[str, str]:
        """The sealed form: what, day (ISO) and, for an appointment, time (HH:MM)."""
        found = {"what": self.what, "day": self.day.isoformat()}
        return found | ({"time": self.at.strftime("%H:%M")} if self.at else {})


@dataclass(frozen=True)
class NoteProblem:
    """Why the form could not be read: a code the template words."""

    reason: str  # kind, what, day, time, past, far


def read_note_form(kind: str, what: str, day: str, at: str, today: date) -> NoteEntry | NoteProblem:
    """Read the form's fields; a medicine change may be up to a year either side of today,
    an appointment must be today or later (and within a year) and needs a time."""
    try:
        chosen = CareNoteKind(kind)
    except ValueError:
        return NoteProblem("kind")
    words = " ".join(what.split())
    if not words or len(words) > MAX_WHAT:
        return NoteProblem("what")
    try:
        on = date.fromisoformat(day.strip())
    except ValueError:
        return NoteProblem("day")
    if abs(on - today) > YEAR:
        return NoteProblem("far")
    if chosen is CareNoteKind.MEDICINE:
        return NoteEntry(chosen, words, on)
    if on < today:
        return NoteProblem("past")
    clock = _TIME.match(at.strip())
    if clock is None:
        return NoteProblem("time")
    return NoteEntry(chosen, words, on, time(int(clock[1]), int(clock[2])))

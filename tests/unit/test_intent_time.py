"""Reminders and appointments in natural words, put in the order REMIND and APPT read."""

from __future__ import annotations

from datetime import date, time

import pytest

from companion.engine.appointments import read_appointment, read_reminder
from companion.engine.reading.intent_time import appointment_words, reminder_words, spoken

WEDNESDAY = date(2026, 6, 3)


@pytest.mark.parametrize(
    ("text", "at", "words"),
    [
        ("can you remind me to take my meds at 9pm", time(21), "9:00pm take my meds"),
        ("could you remind me at 8am to take my tablets", time(8), "8:00am take my tablets"),
        ("remind me about my depot at 10:30am please", time(10, 30), "10:30am my depot"),
        ("pls remind me to take my tablets at 8 in the morning", time(8), "8:00am take my tablets"),
        ("set a reminder for 6 pm to take meds", time(18), "6:00pm take meds"),
    ],
)
def test_a_clear_reminder_reads_as_remind_would(text: str, at: time, words: str) -> None:
    """Time with am or pm first, then what, and REMIND's own reader agrees."""
    assert reminder_words(text) == (at, words)
    reminder = read_reminder(words)
    assert reminder is not None
    assert reminder.at == at


@pytest.mark.parametrize(
    "text",
    ["remind me at 9 to take my meds", "can you remind me every morning", "remind me at 8pm"],
)
def test_an_unclear_reminder_keeps_the_persons_words(text: str) -> None:
    """A bare "9" is not a time, and a time with nothing to remind of is not a reminder."""
    at, words = reminder_words(text)
    assert words == text
    assert at is None or "remind" in words


@pytest.mark.parametrize(
    ("text", "words", "day"),
    [
        ("I have the dentist on friday at 2pm", "friday 2:00pm dentist", date(2026, 6, 5)),
        ("got a blood test on monday at 10am", "monday 10:00am blood test", date(2026, 6, 8)),
        ("nurse appointment 12/6 at 2pm", "12/6 2:00pm nurse", date(2026, 6, 12)),
        ("GP on 5th june at 9:15am", "5th june 9:15am GP", date(2026, 6, 5)),
    ],
)
def test_an_appointment_reads_as_appt_would(text: str, words: str, day: date) -> None:
    """Day, time and place, in the order APPT reads, and APPT's reader agrees."""
    found = appointment_words(text, named=True)
    assert found is not None
    assert found[1] == words
    appointment = read_appointment(words, WEDNESDAY)
    assert appointment is not None
    assert appointment.on == day


def test_a_place_without_a_day_and_time_is_no_appointment() -> None:
    """ "the dentist was fine" is not an appointment; "an appointment soon" keeps its words."""
    assert appointment_words("the dentist was fine", named=False) is None
    assert appointment_words("i have an appointment soon", named=True) == (
        None,
        "i have an appointment soon",
    )


@pytest.mark.parametrize(
    ("at", "said"),
    [(time(0, 5), "12:05am"), (time(9), "9:00am"), (time(12), "12:00pm"), (time(21, 30), "9:30pm")],
)
def test_times_are_spoken_with_am_or_pm(at: time, said: str) -> None:
    """ "10:30" alone is ambiguous to the time reader, so every time carries am or pm."""
    assert spoken(at) == said

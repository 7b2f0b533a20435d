"""Reminders and appointments in people's own words: the time and date anywhere, what for."""

from __future__ import annotations

from datetime import date, time

import pytest

from companion.engine.appointments import (
    Reminder,
    Unclear,
    read_appointment,
    read_past_day,
    read_reminder,
)

TODAY = date(2026, 12, 3)  # a Thursday


@pytest.mark.parametrize(
    ("text", "at", "what"),
    [
        ("8am take my tablets", time(8), "take my tablets"),
        ("meds 9pm", time(21), "meds"),
        ("to take my meds at 9pm", time(21), "take my meds"),  # after REMIND ME
        ("me to take my meds at 9pm", time(21), "take my meds"),
        ("me every day at 8:30am to take tablets", time(8, 30), "take tablets"),
        ("take 2 tablets at 9pm", time(21), "take 2 tablets"),
        ("at 9 pm, meds please", time(21), "meds"),
        ("10 am GP", time(10), "GP"),
        ("daily 20:00 inhaler", time(20), "inhaler"),
        ("quarter to 8 in the evening walk", time(19, 45), "walk"),
        ("can you remind me to take my meds at 9pm", time(21), "take my meds"),  # whole text
        ("set a reminder for 8am inhaler", time(8), "inhaler"),
    ],
)
def test_reminder_in_natural_words(text: str, at: time, what: str) -> None:
    """The time can come first or last, with or without "at"; the little words go."""
    assert read_reminder(text) == Reminder(at=at, what=what)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("me every day at 8:30 to take tablets", "am_or_pm"),
        ("9 tablets", "am_or_pm"),
        ("9pm", "not_understood"),
        ("tablets", "not_understood"),
        ("", "not_understood"),
    ],
)
def test_reminder_asks_rather_than_guesses(text: str, reason: str) -> None:
    """A bare hour is asked about (a tablet at the wrong half of the day), not guessed."""
    assert read_reminder(text) == Unclear(reason)


@pytest.mark.parametrize(
    ("text", "on", "at", "what"),
    [
        ("3 Dec 10:30am GP", date(2026, 12, 3), time(10, 30), "GP"),
        ("next tuesday 2pm dentist", date(2026, 12, 8), time(14), "dentist"),
        ("12/1 10:30 GP", date(2027, 1, 12), time(10, 30), "GP"),
        ("on Friday at 11 with Dr Shah", date(2026, 12, 4), time(11), "Dr Shah"),
        ("dentist on friday at 2pm", date(2026, 12, 4), time(14), "dentist"),
        ("10.30 friday dentist", date(2026, 12, 4), time(10, 30), "dentist"),
        ("tomorrow at 9 physio", date(2026, 12, 4), time(9), "physio"),
        ("3 Dec at 4 nurse", date(2026, 12, 3), time(16), "nurse"),
        ("Dec 24 9:15 blood test", date(2026, 12, 24), time(9, 15), "blood test"),
        ("Friday at 9 tonight GP", date(2026, 12, 4), time(21), "GP"),
        ("thursday 3pm GP", date(2026, 12, 10), time(15), "GP"),  # today's weekday: next week
        (
            "I have a dentist appointment next tuesday at 2pm",
            date(2026, 12, 8),
            time(14),
            "dentist appointment",
        ),
    ],
)
def test_appointment_in_natural_words(text: str, on: date, at: time, what: str) -> None:
    """Date, time and what in any order; a bare hour is read as the working day."""
    assert read_appointment(text, TODAY) == Reminder(at=at, what=what, on=on)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("yesterday 10am GP", "past"),
        ("1/12/2026 10am GP", "past"),
        ("Friday 2pm", "not_understood"),
        ("Friday dentist", "no_time"),
        ("31/02 10am GP", "not_understood"),
        ("soon", "not_understood"),
    ],
)
def test_appointment_that_cannot_be_saved_says_why(text: str, reason: str) -> None:
    """A day that has gone is "past" (asked again kindly); unclear ones are not guessed."""
    assert read_appointment(text, TODAY) == Unclear(reason)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("", TODAY),
        ("today", TODAY),
        ("1 Nov", date(2026, 11, 1)),  # this November, not next
        ("Nov 1st", date(2026, 11, 1)),
        ("yesterday", date(2026, 12, 2)),
        ("on 28/10", date(2026, 10, 28)),
        ("28/10/2026", date(2026, 10, 28)),
        ("3 days ago", date(2026, 11, 30)),
        ("a week ago", date(2026, 11, 26)),
        ("on Monday", date(2026, 11, 30)),
        ("thursday", TODAY),
        ("last thursday", date(2026, 11, 26)),
        ("since 1 nov", date(2026, 11, 1)),
        ("to olanzapine yesterday", date(2026, 12, 2)),
        ("3 Mar", date(2026, 3, 3)),  # months ahead: last March
    ],
)
def test_the_day_a_medicine_changed(text: str, day: date) -> None:
    """MEDS CHANGED dates: the latest such day not after today, in their words."""
    assert read_past_day(text, TODAY) == day


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("tomorrow", "future"),
        ("4 Dec", "future"),  # soon: a change to come, asked again, not last year
        ("25 Dec", "future"),
        ("3 Jan", "future"),  # next month: a change to come
        ("1/1/2027", "future"),
        ("new tablets", "not_understood"),
    ],
)
def test_a_day_still_to_come_is_asked_again(text: str, reason: str) -> None:
    """A future day is asked again; words without a date are left to the caller."""
    assert read_past_day(text, TODAY) == Unclear(reason)

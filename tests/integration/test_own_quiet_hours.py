"""QUIET 10pm-9am through the real app: a person's own quiet time holds their prompts."""

from __future__ import annotations

from companion.sms.fake_twilio import FakeTwilio
from tests.conftest import AppClient
from tests.integration.test_scheduling import SLEEP_QUESTION, bodies, join, london, settle, text
from tests.support.clock import ManualClock


async def test_own_quiet_hours_hold_the_checkin_until_they_end(
    scheduled_client: AppClient, fake_twilio: FakeTwilio, clock: ManualClock
) -> None:
    """Check-in at 08:30, QUIET 10pm-9am: it moves to 09:00 (and says so); nothing at 08:30."""
    await join(scheduled_client, clock, london(2026, 6, 1, 12, 0), "8:30am")
    await text(scheduled_client, "QUIET 10pm-9am")
    saved, moved = bodies(fake_twilio)[-2:]
    assert "between 21:30 and 09:00" in saved
    assert "will now come at 09:00" in moved
    await text(scheduled_client, "TIME 8:30am")
    assert "inside your quiet time" in bodies(fake_twilio)[-1]
    before = len(bodies(fake_twilio))
    clock.now = london(2026, 6, 2, 8, 30)
    await settle(scheduled_client)
    assert bodies(fake_twilio)[before:] == []
    clock.now = london(2026, 6, 2, 9, 0)
    await settle(scheduled_client)
    (checkin,) = bodies(fake_twilio)[before:]
    assert SLEEP_QUESTION in checkin


async def test_quiet_off_goes_back_to_the_service_hours(
    scheduled_client: AppClient, fake_twilio: FakeTwilio, clock: ManualClock
) -> None:
    """A reminder at 08:30 held by QUIET 10pm-9am (we say so) comes again after QUIET OFF."""
    await join(scheduled_client, clock, london(2026, 6, 1, 12, 0), "10am")
    await text(scheduled_client, "REMIND 8:30am tablets")
    await text(scheduled_client, "QUIET 10pm-9am")
    assert "1 reminder is set inside that quiet time" in bodies(fake_twilio)[-1]
    await text(scheduled_client, "QUIET OFF")
    assert "usual quiet hours" in bodies(fake_twilio)[-1]
    before = len(bodies(fake_twilio))
    clock.now = london(2026, 6, 2, 8, 30)
    await settle(scheduled_client)
    assert bodies(fake_twilio)[before:] == ["Reminder: tablets"]


async def test_a_person_cannot_make_us_text_at_night(
    scheduled_client: AppClient, fake_twilio: FakeTwilio, clock: ManualClock
) -> None:
    """QUIET 11pm-7am is inside the service's night: the service's 21:30-08:00 still holds."""
    await join(scheduled_client, clock, london(2026, 6, 1, 12, 0), "10am")
    await text(scheduled_client, "QUIET 11pm-7am")
    assert "between 21:30 and 08:00" in bodies(fake_twilio)[-1]
    await text(scheduled_client, "REMIND 7:30am tablets")
    assert "We do not text at night" in bodies(fake_twilio)[-1]


async def test_an_appointment_booked_at_night_is_reminded_when_the_night_ends(
    scheduled_client: AppClient, fake_twilio: FakeTwilio, clock: ManualClock
) -> None:
    """At 22:00, "APPT tomorrow 9:30am GP": the reminder comes at 08:00, not held and dropped."""
    await join(scheduled_client, clock, london(2026, 6, 1, 12, 0), "10am")
    clock.now = london(2026, 6, 1, 22, 0)
    await text(scheduled_client, "APPT tomorrow 9:30am GP")
    assert "GP on 02/06 at 09:30" in bodies(fake_twilio)[-1]
    before = len(bodies(fake_twilio))
    clock.now = london(2026, 6, 1, 23, 30)
    await settle(scheduled_client)
    assert bodies(fake_twilio)[before:] == []
    clock.now = london(2026, 6, 2, 8, 0)
    await settle(scheduled_client)
    assert bodies(fake_twilio)[before:] == ["Reminder: GP on 02/06 at 09:30. Good luck!"]

"""The scheduled check-in greets the person by name when they gave one (NAME)."""

from __future__ import annotations

from companion.sms.fake_twilio import FakeTwilio
from tests.conftest import AppClient
from tests.integration.test_scheduling import SLEEP_QUESTION, bodies, join, london, settle, text
from tests.support.clock import ManualClock


async def test_scheduled_checkin_greets_by_name(
    scheduled_client: AppClient, fake_twilio: FakeTwilio, clock: ManualClock
) -> None:
    """After NAME Sam, the 10:00 check-in opens "Hi Sam!" before the first question."""
    await join(scheduled_client, clock, london(2026, 6, 1, 12, 0), "10am")
    await text(scheduled_client, "NAME sam")
    before = len(bodies(fake_twilio))
    clock.now = london(2026, 6, 2, 10, 0)
    await settle(scheduled_client)
    (checkin,) = bodies(fake_twilio)[before:]
    assert checkin.startswith("Hi Sam! ")
    assert SLEEP_QUESTION in checkin


async def test_scheduled_checkin_without_a_name_is_the_question_alone(
    scheduled_client: AppClient, fake_twilio: FakeTwilio, clock: ManualClock
) -> None:
    """No NAME: the check-in is just the question, as before."""
    await join(scheduled_client, clock, london(2026, 6, 1, 12, 0), "10am")
    before = len(bodies(fake_twilio))
    clock.now = london(2026, 6, 2, 10, 0)
    await settle(scheduled_client)
    (checkin,) = bodies(fake_twilio)[before:]
    assert checkin.startswith(SLEEP_QUESTION)

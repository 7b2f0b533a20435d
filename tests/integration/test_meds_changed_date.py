"""MEDS CHANGED with a date, through the real app: the calendar is timed from that day."""

from __future__ import annotations

from companion.db.models import DueItem
from companion.sms.fake_twilio import FakeTwilio
from companion.web.keys import SETTINGS
from tests.conftest import AppClient
from tests.integration.test_scheduling import LONDON, bodies, join, london, text
from tests.support.clock import ManualClock
from tests.support.database import rows


async def _calendar(client: AppClient) -> list[tuple[int, int, str]]:
    items = await rows(client.app[SETTINGS].database_url, DueItem, DueItem.kind == "calendar")
    due = sorted((i.due_at.astimezone(LONDON), i.flow_id) for i in items if i.status == "scheduled")
    return [(d.month, d.day, flow) for d, flow in due]


async def test_meds_changed_1_nov_times_the_calendar_from_1_nov(
    scheduled_client: AppClient, fake_twilio: FakeTwilio, clock: ManualClock
) -> None:
    """On 3 Dec, "MEDS CHANGED 1 Nov": weigh-ins from 8 Nov, the 12-week check on 24 Jan."""
    await join(scheduled_client, clock, london(2026, 12, 3, 9, 0), "10am")
    await text(scheduled_client, "MEDS CHANGED 1 Nov")
    assert "changed on 01/11" in bodies(fake_twilio)[-1]
    calendar = await _calendar(scheduled_client)
    assert calendar[0] == (11, 8, "weigh-in")
    assert (1, 24, "twelve-week-check") in calendar
    assert (11, 1, "health-check") in calendar


async def test_meds_changed_in_the_future_is_asked_again(
    scheduled_client: AppClient, fake_twilio: FakeTwilio, clock: ManualClock
) -> None:
    """ "meds changed tomorrow" saves nothing and asks for a day that has come."""
    await join(scheduled_client, clock, london(2026, 12, 3, 9, 0), "10am")
    await text(scheduled_client, "meds changed tomorrow")
    assert "has not come yet" in bodies(fake_twilio)[-1]
    assert await _calendar(scheduled_client) == []

"""Scheduling through the real app: time driven by hand, sends checked at the fake Twilio API."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from aiohttp.web import Application
from sqlalchemy import select

from companion.app import create_app
from companion.crypto.keyring import Keyring
from companion.db.models import DueItem, OutboxMessage
from companion.scheduling.sweep import sweep
from companion.sms.fake_twilio import FakeTwilio
from companion.web.keys import CONTEXT, DISPATCHER, SETTINGS
from tests.conftest import AppClient, twilio_settings
from tests.support.clock import ManualClock
from tests.support.database import rows
from tests.support.texting import text_in
from tests.support.waiting import all_sent, outbox_settled

LONDON = ZoneInfo("Europe/London")
PHONE = "+447700900123"
SLEEP_QUESTION = "How many hours did you sleep"


def london(*args: int) -> datetime:
    return datetime(*args, tzinfo=LONDON).astimezone(UTC)  # type: ignore[misc]


async def text(client: AppClient, body: str) -> None:
    await text_in(client, PHONE, body)


async def settle(client: AppClient) -> None:
    """Run a sweep, then send everything due now (as the running service would)."""
    await sweep(client.app[CONTEXT])
    await all_sent(client.app[DISPATCHER], client.app[CONTEXT].sessions)


def bodies(fake: FakeTwilio) -> list[str]:
    return [m.body for m in fake.messages_to(PHONE)]


async def join(client: AppClient, clock: ManualClock, at: datetime, checkin: str) -> None:
    clock.now = at
    for body in ("JOIN", "YES", f"TIME {checkin}"):
        await text(client, body)
    await client.app[DISPATCHER].drain()
    await outbox_settled(client.app[CONTEXT].sessions)


async def test_time_8pm_gets_the_checkin_at_8pm_with_a_validity_period(
    scheduled_client: AppClient, fake_twilio: FakeTwilio, clock: ManualClock
) -> None:
    """TIME 8pm: nothing before 20:00 London, the check-in at 20:00, with ValidityPeriod."""
    await join(scheduled_client, clock, london(2026, 6, 1, 12, 0), "8pm")
    before = len(bodies(fake_twilio))
    clock.now = london(2026, 6, 1, 19, 59)
    await settle(scheduled_client)
    assert len(bodies(fake_twilio)) == before
    clock.now = london(2026, 6, 1, 20, 0)
    await settle(scheduled_client)
    (checkin,) = fake_twilio.messages_to(PHONE)[before:]
    assert SLEEP_QUESTION in checkin.body
    assert checkin.validity_period == 3 * 3600
    await settle(scheduled_client)  # a second sweep the same minute sends nothing more
    assert len(bodies(fake_twilio)) == before + 1


@pytest.mark.parametrize(
    ("day_before", "day_after"),
    [((2026, 3, 28), (2026, 3, 30)), ((2026, 10, 24), (2026, 10, 26))],
    ids=["spring-forward", "fall-back"],
)
async def test_checkin_stays_at_9am_london_across_clock_changes(
    scheduled_client: AppClient,
    fake_twilio: FakeTwilio,
    clock: ManualClock,
    day_before: tuple[int, int, int],
    day_after: tuple[int, int, int],
) -> None:
    """09:00 London on the day before, the day of, and the day after a clock change."""
    await join(scheduled_client, clock, london(*day_before, 8, 0), "9am")
    first = datetime(*day_before, tzinfo=UTC).date()
    for offset in range(3):
        day = first + timedelta(days=offset)
        clock.now = london(day.year, day.month, day.day, 8, 59)
        await settle(scheduled_client)
        before = len(bodies(fake_twilio))
        clock.now = london(day.year, day.month, day.day, 9, 0)
        await settle(scheduled_client)
        assert len(bodies(fake_twilio)) == before + 1, f"no check-in at 09:00 on {day}"
    assert day == datetime(*day_after, tzinfo=UTC).date()


async def test_downtime_over_the_checkin_skips_to_the_next_day_without_a_burst(
    scheduled_client: AppClient, fake_twilio: FakeTwilio, clock: ManualClock
) -> None:
    """Down for three days: nothing late on return, then one check-in at the next 09:00."""
    await join(scheduled_client, clock, london(2026, 6, 1, 8, 0), "9am")
    before = len(bodies(fake_twilio))
    clock.now = london(2026, 6, 4, 15, 0)  # back after the window of the 4th has passed
    await settle(scheduled_client)
    assert len(bodies(fake_twilio)) == before
    clock.now = london(2026, 6, 5, 9, 0)
    await settle(scheduled_client)
    assert len(bodies(fake_twilio)) == before + 1


async def test_back_within_the_window_sends_the_checkin_once(
    scheduled_client: AppClient, fake_twilio: FakeTwilio, clock: ManualClock
) -> None:
    """Down from 08:30 to 10:30: the 09:00 check-in goes at 10:30, once."""
    await join(scheduled_client, clock, london(2026, 6, 1, 8, 0), "9am")
    before = len(bodies(fake_twilio))
    clock.now = london(2026, 6, 1, 10, 30)
    await settle(scheduled_client)
    await settle(scheduled_client)
    assert len(bodies(fake_twilio)) == before + 1


async def test_quiet_hours_hold_prompts_but_not_replies(
    scheduled_client: AppClient, fake_twilio: FakeTwilio, clock: ManualClock
) -> None:
    """At 23:00 a queued prompt waits (and lapses); a reply to the person goes at once."""
    await join(scheduled_client, clock, london(2026, 6, 1, 12, 0), "9pm")
    before = len(bodies(fake_twilio))
    clock.now = london(2026, 6, 1, 21, 0)
    await sweep(scheduled_client.app[CONTEXT])  # queued, but not sent before 21:30 ...
    clock.now = london(2026, 6, 1, 23, 0)  # ... the dispatcher only gets to it at night
    await scheduled_client.app[DISPATCHER].drain()
    assert len(bodies(fake_twilio)) == before
    await text(scheduled_client, "HELP")
    await scheduled_client.app[DISPATCHER].drain()
    assert "116 123" in bodies(fake_twilio)[-1]
    clock.now = london(2026, 6, 2, 8, 0)  # morning: the prompt's window is long gone
    await scheduled_client.app[DISPATCHER].drain()
    (prompt,) = await rows(
        _url(scheduled_client),
        OutboxMessage,
        OutboxMessage.message_key == "checkin-sleep",
    )
    assert prompt.status == "expired"
    assert len(bodies(fake_twilio)) == before + 1


def _url(client: AppClient) -> str:
    return client.app[SETTINGS].database_url


async def test_pause_holds_everything_and_resume_brings_it_back(
    scheduled_client: AppClient, fake_twilio: FakeTwilio, clock: ManualClock
) -> None:
    """PAUSE 3: no check-ins for three days; RESUME early brings the next one back."""
    await join(scheduled_client, clock, london(2026, 6, 1, 8, 0), "9am")
    await text(scheduled_client, "PAUSE 3")
    await settle(scheduled_client)
    before = len(bodies(fake_twilio))
    for day in (1, 2):
        clock.now = london(2026, 6, day, 9, 0)
        await settle(scheduled_client)
    assert len(bodies(fake_twilio)) == before
    clock.now = london(2026, 6, 2, 12, 0)
    await text(scheduled_client, "RESUME")
    await settle(scheduled_client)
    assert "Welcome back" in bodies(fake_twilio)[-1]
    clock.now = london(2026, 6, 3, 9, 0)
    await settle(scheduled_client)
    assert SLEEP_QUESTION in bodies(fake_twilio)[-1] or "?" in bodies(fake_twilio)[-1]


async def test_pause_ends_by_itself(
    scheduled_client: AppClient, fake_twilio: FakeTwilio, clock: ManualClock
) -> None:
    """After PAUSE 2 the check-ins come back on their own on the third day."""
    await join(scheduled_client, clock, london(2026, 6, 1, 8, 0), "9am")
    await text(scheduled_client, "PAUSE 2")
    await settle(scheduled_client)
    before = len(bodies(fake_twilio))
    for day in (1, 2, 3):
        clock.now = london(2026, 6, day, 9, 0)
        await settle(scheduled_client)
    assert len(bodies(fake_twilio)) == before + 1


async def test_stop_cancels_scheduled_checkins(
    scheduled_client: AppClient, fake_twilio: FakeTwilio, clock: ManualClock
) -> None:
    """After STOP no check-in is ever sent; the due item is cancelled."""
    await join(scheduled_client, clock, london(2026, 6, 1, 8, 0), "9am")
    await text(scheduled_client, "STOP")
    before = len(bodies(fake_twilio))
    clock.now = london(2026, 6, 1, 9, 0)
    await settle(scheduled_client)
    assert len(bodies(fake_twilio)) == before
    items = await rows(_url(scheduled_client), DueItem, DueItem.kind == "checkin")
    assert [item.status for item in items] == ["cancelled"]


async def test_medicine_change_sets_the_monitoring_calendar(
    scheduled_client: AppClient, fake_twilio: FakeTwilio, clock: ManualClock
) -> None:
    """MEDS CHANGED: weigh-ins weekly for 6 weeks, a 12-week check, a yearly health check."""
    await join(scheduled_client, clock, london(2026, 6, 1, 8, 0), "10am")
    await text(scheduled_client, "MEDS CHANGED")
    items = await rows(_url(scheduled_client), DueItem, DueItem.kind == "calendar")
    due = sorted((item.due_at.astimezone(LONDON), item.flow_id) for item in items)
    expected_days = [8, 15, 22, 29]  # June
    assert [(d.month, d.day) for d, _ in due[:4]] == [(6, d) for d in expected_days]
    assert [(d.month, d.day) for d, _ in due[4:6]] == [(7, 6), (7, 13)]
    assert all(d.hour == 10 for d, _ in due)
    assert [f for _, f in due] == ["weigh-in"] * 6 + ["twelve-week-check", "health-check"]
    assert (due[6][0].month, due[6][0].day) == (8, 24)
    assert (due[7][0].year, due[7][0].month, due[7][0].day) == (2027, 6, 1)
    before = len(bodies(fake_twilio))
    clock.now = london(2026, 6, 8, 11, 30)  # the check-in at 10:00 came first
    await settle(scheduled_client)
    assert any("weigh-in day" in b for b in bodies(fake_twilio)[before:])


async def test_real_scheduler_sends_the_checkin_within_one_sweep_interval(
    aiohttp_client: Callable[[Application], asyncio.Future[AppClient]],
    sqlite_url: str,
    fake_twilio: FakeTwilio,
    keyring: Keyring,
    clock: ManualClock,
) -> None:
    """With APScheduler running sweeps every 0.5 s, TIME 8pm is honoured within one interval."""
    interval = 0.5
    settings = twilio_settings(sqlite_url, fake_twilio, COMPANION_SWEEP_SECONDS=str(interval))
    client = await aiohttp_client(create_app(settings, clock=clock, keyring=keyring))
    await join(client, clock, london(2026, 6, 1, 19, 59), "8pm")
    before = len(bodies(fake_twilio))
    await asyncio.sleep(interval * 2)  # sweeps run, nothing is due yet
    assert len(bodies(fake_twilio)) == before
    loop = asyncio.get_running_loop()
    clock.now = london(2026, 6, 1, 20, 0)
    started = loop.time()
    while len(bodies(fake_twilio)) == before and loop.time() - started < 5:  # noqa: ASYNC110
        await asyncio.sleep(0.01)
    waited = loop.time() - started
    assert SLEEP_QUESTION in bodies(fake_twilio)[-1]
    assert waited <= interval + 0.3, f"took {waited:.2f}s with a {interval}s sweep"


async def test_pause_cancels_prompts_already_queued(
    scheduled_client: AppClient, fake_twilio: FakeTwilio, clock: ManualClock
) -> None:
    """A check-in queued but not yet sent when PAUSE arrives is not sent; the reply is."""
    await join(scheduled_client, clock, london(2026, 6, 1, 8, 0), "9am")
    scheduled_client.app[DISPATCHER].stop()  # hold the queue
    clock.now = london(2026, 6, 1, 9, 0)
    await sweep(scheduled_client.app[CONTEXT])
    await text(scheduled_client, "PAUSE 2")
    (prompt,) = await rows(_url(scheduled_client), OutboxMessage, OutboxMessage.priority == 1)
    assert (prompt.status, prompt.failure_reason) == ("cancelled", "paused")


async def test_a_large_sweep_wakes_the_dispatcher_after_every_batch(
    scheduled_client: AppClient, fake_twilio: FakeTwilio, clock: ManualClock
) -> None:
    """Each committed batch is counted in /metrics and handed to the dispatcher at once."""
    await join(scheduled_client, clock, london(2026, 6, 1, 8, 0), "9am")
    base = scheduled_client.app[CONTEXT]
    wakes: list[int] = []
    ctx = type(base)(**{**base.__dict__, "wake_dispatcher": lambda: wakes.append(1)})
    async with ctx.sessions() as session, session.begin():
        items = list(await session.scalars(select(DueItem)))
        for item in items:  # everything this person has (check-in, weekly flows) due now
            item.due_at = london(2026, 6, 1, 9, 0)
    clock.now = london(2026, 6, 1, 9, 0)
    result = await sweep(ctx, batch=1)
    assert result.total == len(items) >= 2
    assert len(wakes) == result.counts["run"] >= 1  # one wake per batch that started a flow
    text = ctx.metrics.render().decode()
    assert f'companion_due_items_total{{action="run"}} {float(result.counts["run"])}' in text

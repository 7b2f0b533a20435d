"""The sweep reads a whole batch of people at once: each must still get their own check-in.

Several people share each batch (batch size 2, four people), each with their own rotation
history and smoking answer; every day's questions are checked against the rotation
worked out from that person's own answers alone.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select, update

from companion.context import ServiceContext
from companion.db.models import ConversationRow, DueItem
from companion.engine.flowspec import Flow
from companion.engine.rotation import plan_checkin, topics_of
from companion.scheduling.sweep import sweep
from companion.sms.fake_twilio import FakeTwilio
from companion.web.keys import CONTEXT, DISPATCHER
from tests.conftest import AUTH_TOKEN, PUBLIC_BASE_URL, AppClient
from tests.support.clock import ManualClock
from tests.support.waiting import eventually, outbox_settled
from tests.support.webhooks import post_signed, sms_form

LONDON = ZoneInfo("Europe/London")
# Each person's answer to "do you smoke?"; SKIP leaves it unknown, so it is asked again.
SMOKING_ANSWERS = {
    "+447700900201": "YES",
    "+447700900202": "NO",
    "+447700900203": "SKIP",
    "+447700900204": "YES",
}


def london(*args: int) -> datetime:
    return datetime(*args, tzinfo=LONDON).astimezone(UTC)  # type: ignore[misc]


async def text(client: AppClient, phone: str, body: str) -> None:
    form = sms_form(phone, body)
    status = await post_signed(
        client, "/twilio/sms", form, auth_token=AUTH_TOKEN, public_base_url=PUBLIC_BASE_URL
    )
    assert status == 200
    await client.app[DISPATCHER].drain()
    await outbox_settled(client.app[CONTEXT].sessions)


def question_of(ctx: ServiceContext, flow: Flow, body: str) -> str | None:
    """The check-in step whose question `body` asks, if any."""
    for step in flow.steps.values():
        if step.ask and ctx.catalog.render(step.ask, "en") in body:
            return step.name
    return None


async def answer_todays_checkin(
    client: AppClient, fake: FakeTwilio, flow: Flow, phone: str, seen: int
) -> list[str]:
    """Answer each question as it comes; returns the steps asked today, in order."""
    ctx = client.app[CONTEXT]
    asked: list[str] = []
    while (step := question_of(ctx, flow, fake.messages_to(phone)[-1].body)) is not None:
        seen = len(fake.messages_to(phone))
        asked.append(step)
        answer = SMOKING_ANSWERS[phone] if flow.steps[step].save == "smokes" else "3"
        await text(client, phone, answer)
        # The app's own dispatcher may hold the reply's claim a moment longer than the wait
        # in `text` can see (SKIP LOCKED hides it): wait for the reply itself.
        await eventually(lambda n=seen: len(fake.messages_to(phone)) > n)
    return asked


async def test_people_sharing_a_batch_each_get_their_own_rotation(
    scheduled_client: AppClient, fake_twilio: FakeTwilio, clock: ManualClock
) -> None:
    client = scheduled_client
    ctx = client.app[CONTEXT]
    flow = ctx.flows["checkin"]
    clock.now = london(2026, 6, 1, 8, 0)
    for phone in SMOKING_ANSWERS:
        for body in ("JOIN", "YES", "TIME 9am"):
            await text(client, phone, body)
    async with ctx.sessions() as session, session.begin():  # only the daily check-in here
        await session.execute(
            update(DueItem).where(DueItem.flow_id != "checkin").values(status="cancelled")
        )
    history: dict[str, list[tuple[str, ...]]] = {phone: [] for phone in SMOKING_ANSWERS}
    smokes: dict[str, bool | None] = dict.fromkeys(SMOKING_ANSWERS)
    for day in range(8):
        clock.now = london(2026, 6, 1, 9, 0) + timedelta(days=day)
        seen = {phone: len(fake_twilio.messages_to(phone)) for phone in SMOKING_ANSWERS}
        result = await sweep(ctx, batch=2)
        assert result.counts == {"run": 4}
        await client.app[DISPATCHER].drain()
        for phone, answer in SMOKING_ANSWERS.items():
            await eventually(lambda p=phone, n=seen[phone]: len(fake_twilio.messages_to(p)) > n)
            plan = plan_checkin(flow, history[phone][::-1][:7], smokes=smokes[phone])
            asked = await answer_todays_checkin(client, fake_twilio, flow, phone, seen[phone])
            assert asked[0] == plan[0], f"{phone} day {day}: asked {asked}, planned {plan}"
            assert [s for s in asked if s in plan] == list(plan)
            if "smoking" in asked:
                smokes[phone] = {"YES": True, "NO": False}.get(answer)
            history[phone].append(topics_of(flow, plan))
    asked_all = {p: [t for day in h for t in day] for p, h in history.items()}
    assert asked_all["+447700900202"].count("smoking") == 1  # "no" once, never again
    assert asked_all["+447700900203"].count("smoking") >= 2  # skipped, so asked again
    cigarettes = [m.body for m in fake_twilio.messages_to("+447700900201")]
    assert sum(ctx.catalog.render("checkin-cigarettes", "en") in b for b in cigarettes) >= 2


async def test_two_flows_due_together_start_one_and_hold_the_other(
    scheduled_client: AppClient, fake_twilio: FakeTwilio, clock: ManualClock
) -> None:
    """A person never gets two conversations at once, even from one batch."""
    client = scheduled_client
    ctx = client.app[CONTEXT]
    phone = "+447700900201"
    clock.now = london(2026, 6, 1, 8, 0)
    for body in ("JOIN", "YES", "TIME 9am"):
        await text(client, phone, body)
    due = london(2026, 6, 1, 9, 0)
    async with ctx.sessions() as session, session.begin():
        await session.execute(
            update(DueItem)
            .where(DueItem.flow_id.in_(["checkin", "side-effects"]))
            .values(due_at=due)
        )
    clock.now = due
    result = await sweep(ctx)
    assert result.counts == {"run": 1, "defer": 1}
    async with ctx.sessions() as session:
        open_rows = list(
            await session.scalars(select(ConversationRow).where(ConversationRow.status == "open"))
        )
    assert len(open_rows) == 1


async def test_weekly_tips_in_one_batch_do_not_repeat_for_anyone(
    scheduled_client: AppClient, fake_twilio: FakeTwilio, clock: ManualClock
) -> None:
    """Three weeks of tips for people sharing batches: each week a new tip for each person."""
    client = scheduled_client
    ctx = client.app[CONTEXT]
    phones = list(SMOKING_ANSWERS)
    clock.now = london(2026, 6, 1, 8, 0)
    for phone in phones:
        for body in ("JOIN", "YES", "BOROUGH Hackney"):
            await text(client, phone, body)
    async with ctx.sessions() as session, session.begin():
        await session.execute(
            update(DueItem).where(DueItem.flow_id != "tip").values(status="cancelled")
        )
    tips: dict[str, list[str]] = {phone: [] for phone in phones}
    for week in range(3):
        clock.now = london(2026, 6, 2, 12, 0) + timedelta(weeks=week)
        async with ctx.sessions() as session, session.begin():
            await session.execute(update(DueItem).values(due_at=clock.now))
        seen = {phone: len(fake_twilio.messages_to(phone)) for phone in phones}
        assert (await sweep(ctx, batch=3)).counts == {"run": len(phones)}
        await client.app[DISPATCHER].drain()
        for phone in phones:
            await eventually(lambda p=phone, n=seen[phone]: len(fake_twilio.messages_to(p)) > n)
            (tip,) = fake_twilio.messages_to(phone)[seen[phone] :]
            tips[phone].append(tip.body)
    for phone, bodies in tips.items():
        assert len(set(bodies)) == 3, f"{phone} was sent the same tip twice: {bodies}"

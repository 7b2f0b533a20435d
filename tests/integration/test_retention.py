"""Retention: message text, old summaries and long-stopped people are removed on time."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from companion.crypto.keyring import Keyring
from companion.db.models import AuditEntry, Summary
from companion.records.export import export_person
from companion.records.retention import RetentionCounts, retention_sweep
from tests.integration.test_export import PHONE, START, Texter, a_month, companion
from tests.support.clock import ManualClock

RETURNED, RECENT = "+447700900456", "+447700900789"
NOTHING = RetentionCounts(0, 0, 0, 0, 0)


async def test_message_text_goes_after_90_days_and_answers_stay(
    sqlite_url: str, keyring: Keyring, clock: ManualClock
) -> None:
    """Bodies older than the period are emptied (in) or deleted (out); observations stay."""
    async with companion(sqlite_url, keyring, clock) as phone:
        await a_month(phone, clock, share=False)
        before = await export_person(phone.ctx, PHONE)
        clock.now = START + timedelta(days=100)
        cutoff = (clock.now - timedelta(days=90)).isoformat()

        counts = await retention_sweep(phone.ctx)

        after = await export_person(phone.ctx, PHONE)
        assert before is not None
        assert after is not None
        old_in = [m for m in before["messages_in"] if m["received_at"] < cutoff]
        old_out = [m for m in before["messages_out"] if m["created_at"] < cutoff]
        assert 0 < len(old_in) < len(before["messages_in"])
        assert counts == RetentionCounts(
            inbound_bodies=len(old_in),
            outbox_messages=len(old_out),
            summaries=0,
            stranger_replies=1,  # told how to join before they joined, on day 0
            people_erased=0,
        )
        assert [m["body"] for m in after["messages_in"]] == [
            None if m["received_at"] < cutoff else m["body"] for m in before["messages_in"]
        ]
        assert after["messages_out"] == before["messages_out"][len(old_out) :]
        assert after["observations"] == before["observations"]
        assert after["goals"] == before["goals"]
        assert await retention_sweep(phone.ctx) == NOTHING  # removed bodies are not redone


async def test_summaries_go_after_their_period(
    sqlite_url: str, keyring: Keyring, clock: ManualClock
) -> None:
    """Summaries older than `summaries_days` are deleted; newer ones are kept."""
    async with companion(sqlite_url, keyring, clock) as phone:
        await a_month(phone, clock, share=True)
        async with phone.ctx.sessions() as session:
            made = list(await session.scalars(select(Summary.created_at)))
        assert made
        clock.now = max(made) + timedelta(days=30)
        assert (await retention_sweep(phone.ctx, summaries_days=31)).summaries == 0
        clock.now = max(made) + timedelta(days=32)
        assert (await retention_sweep(phone.ctx, summaries_days=31)).summaries == len(made)
        async with phone.ctx.sessions() as session:
            assert list(await session.scalars(select(Summary))) == []


async def test_people_stopped_for_a_year_are_erased_unless_they_came_back(
    sqlite_url: str, keyring: Keyring, clock: ManualClock
) -> None:
    """STOP a year ago: erased (audited as retention); STOP then START, or a recent STOP: kept."""
    async with companion(sqlite_url, keyring, clock) as phone:
        returned = Texter(phone.ctx, phone.dispatcher, phone.gateway, number=RETURNED)
        recent = Texter(phone.ctx, phone.dispatcher, phone.gateway, number=RECENT)
        await a_month(phone, clock, share=True)
        for texter in (phone, returned):
            for body in ("JOIN", "YES", "WEIGHT 80", "STOP"):
                await texter.text(body)
        clock.advance(days=200)
        await returned.text("START")
        for body in ("JOIN", "YES", "STOP"):
            await recent.text(body)
        clock.advance(days=166)

        counts = await retention_sweep(phone.ctx)

        assert counts.people_erased == 1
        assert await export_person(phone.ctx, PHONE) is None
        assert await export_person(phone.ctx, RETURNED) is not None
        assert await export_person(phone.ctx, RECENT) is not None
        async with phone.ctx.sessions() as session:
            last = await session.scalar(select(AuditEntry).order_by(AuditEntry.seq.desc()))
        assert last is not None
        assert (last.actor, last.action, last.outcome) == ("retention", "erasure", "done")


async def test_removed_bodies_are_recognised_on_each_backend(
    database_url: str, keyring: Keyring, clock: ManualClock
) -> None:
    """The SQL that spots an emptied body works on SQLite and PostgreSQL alike."""
    async with companion(database_url, keyring, clock) as phone:
        for body in ("JOIN", "YES", "7", "a much longer message about my week " * 3):
            await phone.text(body)
        clock.advance(days=91)
        await phone.text("WEIGHT 84")
        counts = await retention_sweep(phone.ctx, batch=3)
        assert (counts.inbound_bodies, counts.outbox_messages) == (4, 4)
        assert await retention_sweep(phone.ctx, batch=3) == NOTHING
        data = await export_person(phone.ctx, PHONE)
        assert data is not None
        assert [m["body"] for m in data["messages_in"]] == [None] * 4 + ["WEIGHT 84"]

"""Erasure: the person and everything about them leave the database, the file included."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from companion.context import ServiceContext
from companion.crypto.blind_index import phone_index
from companion.crypto.keyring import Keyring
from companion.db import people
from companion.db.models import AuditEntry, Base
from companion.records.audit import verify_chain
from companion.records.erasure import erase_person
from companion.records.export import export_person
from tests.integration.test_export import PHONE, Texter, a_month, companion
from tests.support.clock import ManualClock

OTHER = "+447700900456"
PHONE_FORMS = [PHONE, PHONE[1:], "07700900123", "7700900123"]


def raw_bytes(url: str) -> bytes:
    """The SQLite file with its write-ahead log and shared-memory index, as an attacker sees it."""
    path = Path(url.removeprefix("sqlite+aiosqlite:///"))
    return b"".join(p.read_bytes() for p in path.parent.iterdir() if p.name.startswith(path.name))


async def every_row(ctx: ServiceContext, *, but: str = "") -> str:
    """Every row of every table as text (an operator's full scan), except table `but`."""
    lines = []
    async with ctx.sessions() as session:
        for table in Base.metadata.sorted_tables:
            if table.name != but:
                result = await session.execute(select(table))
                lines += [f"{table.name} {tuple(row)}" for row in result]
    return "\n".join(lines)


async def person_id(ctx: ServiceContext, e164: str) -> str:
    async with ctx.sessions() as session:
        person = await people.find_person(session, phone_index(ctx.keyring, e164))
    assert person is not None
    return person.id


async def test_erased_person_leaves_nothing_in_the_raw_file_or_any_table(
    sqlite_url: str, keyring: Keyring, clock: ManualClock
) -> None:
    """After a month and an erasure, no number, blind index, person id or answer is on disk."""
    async with companion(sqlite_url, keyring, clock) as phone:
        await a_month(phone, clock, share=False)
        their_id, index = await person_id(phone.ctx, PHONE), phone_index(keyring, PHONE)
        before = raw_bytes(sqlite_url)
        assert index.encode() in before
        assert their_id.encode() in before

        result = await erase_person(phone.ctx, PHONE, actor="operator")

        assert result is not None
        assert result.compacted
        assert result.removed["person"] == 1
        assert result.removed["observation"] >= 90
        assert result.removed["inbound_message"] == len(phone.sent)
        assert result.removed["outbox_message"] == len(phone.gateway.inbox(PHONE))
        assert result.removed["stranger_reply"] == 1  # "hello", before they joined
        raw = raw_bytes(sqlite_url)
        rows = await every_row(phone.ctx)
        for needle in [index, their_id, *PHONE_FORMS, "Robin", "walk to the park", "dry mouth"]:
            assert needle.encode() not in raw, needle
            assert needle not in rows, needle
        assert await export_person(phone.ctx, PHONE) is None


async def test_after_erasure_the_number_is_a_stranger(
    sqlite_url: str, keyring: Keyring, clock: ManualClock
) -> None:
    """Texting again after erasure gets the stranger's reply, as if never enrolled."""
    async with companion(sqlite_url, keyring, clock) as phone:
        await a_month(phone, clock, share=False)
        await erase_person(phone.ctx, PHONE, actor="operator")
        reply = await phone.text("WEIGHT 84")
        assert "Text JOIN to find out more" in reply
        held = await export_person(phone.ctx, PHONE)  # only the text sent since is held
        assert held is not None
        assert held["person"] is None
        assert [m["body"] for m in held["messages_in"]] == ["WEIGHT 84"]


async def test_erasure_takes_consents_and_summaries_and_audits_without_naming_anyone(
    sqlite_url: str, keyring: Keyring, clock: ManualClock
) -> None:
    """Consents, their history and summaries go; the audit entry names only a random id.

    The person id survives only as the actor of the earlier consent audit entries
    (the chain cannot be edited); with the blind index gone it points at nothing.
    """
    async with companion(sqlite_url, keyring, clock) as phone:
        await a_month(phone, clock, share=True)
        their_id, index = await person_id(phone.ctx, PHONE), phone_index(keyring, PHONE)

        result = await erase_person(phone.ctx, PHONE, actor="operator")

        assert result is not None
        assert (result.removed["consent"], result.removed["consent_event"]) == (1, 2)
        assert result.removed["summary"] >= 1
        assert index.encode() not in raw_bytes(sqlite_url)
        assert their_id not in await every_row(phone.ctx, but="audit_entry")
        async with phone.ctx.sessions() as session:
            entries = list(await session.scalars(select(AuditEntry).order_by(AuditEntry.seq)))
        assert verify_chain(entries, phone.ctx.keyring) is None
        last = entries[-1]
        assert (last.actor, last.action, last.subject) == ("operator", "erasure", result.erasure_id)
        assert result.erasure_id != their_id
        naming = [e for e in entries if their_id in f"{e.actor} {e.subject}"]
        assert {(e.actor, e.action) for e in naming} == {
            (f"person:{their_id}", "consent_asked"),
            (f"person:{their_id}", "consent_given"),
            (f"person:{their_id}", "talk_asked"),  # the month's TALK request
        }


async def test_erasure_leaves_everyone_else_alone(
    sqlite_url: str, keyring: Keyring, clock: ManualClock
) -> None:
    """Another person's data is exactly as it was after someone else is erased."""
    async with companion(sqlite_url, keyring, clock) as phone:
        other = Texter(phone.ctx, phone.dispatcher, phone.gateway, number=OTHER)
        for body in ("JOIN", "YES", "WEIGHT 70", "GOAL sleep by eleven", "hello there"):
            await other.text(body)
        await a_month(phone, clock, share=False)
        kept = await export_person(phone.ctx, OTHER)

        await erase_person(phone.ctx, PHONE, actor="operator")

        after = await export_person(phone.ctx, OTHER)
        assert kept is not None
        assert after is not None
        assert {**after, "exported_at": None} == {**kept, "exported_at": None}
        assert len(after["messages_in"]) == 5


async def test_erasing_a_number_we_hold_nothing_about_does_nothing(
    sqlite_url: str, keyring: Keyring, clock: ManualClock
) -> None:
    """An unknown number erases nothing and writes no audit entry."""
    async with companion(sqlite_url, keyring, clock) as phone:
        assert await erase_person(phone.ctx, PHONE, actor="operator") is None
        async with phone.ctx.sessions() as session:
            assert list(await session.scalars(select(AuditEntry))) == []


async def test_a_stranger_who_only_texted_can_be_erased_too(
    sqlite_url: str, keyring: Keyring, clock: ManualClock
) -> None:
    """Messages from a number that never joined are erased by number, with the 'told' note."""
    async with companion(sqlite_url, keyring, clock) as phone:
        await phone.text("hello, is this the health thing?")
        result = await erase_person(phone.ctx, PHONE, actor="operator")
        assert result is not None
        assert result.removed == {
            "safety_event": 0,
            "outbox_message": 1,
            "inbound_message": 1,
            "stranger_reply": 1,
            "supporter_role": 0,
        }
        assert phone_index(keyring, PHONE) not in await every_row(phone.ctx)

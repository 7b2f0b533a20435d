"""The audit trail is MAC-chained: editing or deleting an entry in the database is found."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from contextlib import closing
from datetime import timedelta

import pytest
from sqlalchemy import select

from companion.context import ServiceContext
from companion.crypto.keyring import Keyring
from companion.db.models import AuditEntry
from companion.records import audit
from companion.records.audit import entry_hash, verify_chain
from companion.records.erasure import erase_person
from tests.integration.test_export import PHONE, companion
from tests.support.clock import ManualClock

ACTIONS = ["login", "view_person", "export", "keys_rotate", "view_people", "logout"]


@pytest.fixture
async def trail(
    sqlite_url: str, keyring: Keyring, clock: ManualClock
) -> AsyncIterator[ServiceContext]:
    """Six entries from the service, then an erasure's entry: seq 1 to 7."""
    async with companion(sqlite_url, keyring, clock) as phone:
        for action in ACTIONS:
            clock.advance(minutes=1)
            async with phone.ctx.sessions() as session, session.begin():
                await audit.record(
                    session, actor="coordinator:c1", action=action, outcome="ok", now=clock()
                )
        await phone.text("JOIN")
        assert await erase_person(phone.ctx, PHONE, actor="operator") is not None
        yield phone.ctx


async def entries(ctx: ServiceContext) -> list[AuditEntry]:
    async with ctx.sessions() as session:
        return list(await session.scalars(select(AuditEntry).order_by(AuditEntry.seq)))


def tamper(url: str, sql: str, *args: object) -> None:
    """Change the database file behind the service's back, as someone with the file could."""
    with closing(sqlite3.connect(url.removeprefix("sqlite+aiosqlite:///"))) as db, db:
        db.execute(sql, args)


async def test_an_untouched_trail_verifies(trail: ServiceContext) -> None:
    """The chain written by the service itself checks out, erasure entry included."""
    found = await entries(trail)
    assert [e.action for e in found] == [*ACTIONS, "erasure"]
    assert verify_chain(found, trail.keyring) is None


@pytest.mark.parametrize(
    ("column", "value"),
    [("actor", "operator"), ("action", "login_failed"), ("outcome", "denied"), ("subject", "x")],
)
async def test_editing_any_field_of_an_entry_names_that_entry(
    trail: ServiceContext, sqlite_url: str, column: str, value: str
) -> None:
    """Changing one column of entry 3 makes verification fail at entry 3."""
    tamper(sqlite_url, f"UPDATE audit_entry SET {column} = ? WHERE seq = 3", value)
    assert verify_chain(await entries(trail), trail.keyring) == 3


async def test_editing_the_time_of_an_entry_is_found(
    trail: ServiceContext, sqlite_url: str
) -> None:
    """Back-dating an entry breaks its hash."""
    (entry,) = [e for e in await entries(trail) if e.seq == 4]
    earlier = (entry.at - timedelta(hours=1)).replace(tzinfo=None).isoformat(sep=" ")
    tamper(sqlite_url, "UPDATE audit_entry SET at = ? WHERE seq = 4", earlier)
    assert verify_chain(await entries(trail), trail.keyring) == 4


async def test_deleting_an_entry_names_the_one_after_it(
    trail: ServiceContext, sqlite_url: str
) -> None:
    """With entry 2 gone, entry 3 no longer follows the entry before it."""
    tamper(sqlite_url, "DELETE FROM audit_entry WHERE seq = 2")
    assert verify_chain(await entries(trail), trail.keyring) == 3


async def test_rehashing_an_edited_entry_is_still_found_by_the_next(
    trail: ServiceContext, sqlite_url: str
) -> None:
    """Someone who edits entry 5 and recomputes its (unkeyed) hash is caught at entry 5."""
    (entry,) = [e for e in await entries(trail) if e.seq == 5]
    forged = entry_hash(entry.prev_hash, entry.at, "operator", entry.action, None, "ok")
    tamper(
        sqlite_url,
        "UPDATE audit_entry SET actor = 'operator', entry_hash = ? WHERE seq = 5",
        forged,
    )
    assert verify_chain(await entries(trail), trail.keyring) == 5

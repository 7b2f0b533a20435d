"""Finding 6: an unkeyed hash chain let a database writer truncate or rewrite the trail."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import select

from companion.context import ServiceContext
from companion.crypto.keyring import new_keyring
from companion.db.models import AuditEntry
from companion.records import audit
from companion.records.audit import GENESIS, entry_hash, verify_chain
from companion.web.keys import CONTEXT
from tests.conftest import AppClient
from tests.support.clock import ManualClock
from tests.support.command_line import CommandLine


async def _write(ctx: ServiceContext, clock: ManualClock, count: int) -> list[AuditEntry]:
    for n in range(count):
        clock.advance(minutes=1)
        async with ctx.sessions.begin() as session:
            await audit.record(
                session, actor="operator", action=f"step_{n}", outcome="ok", now=clock()
            )
    async with ctx.sessions() as session:
        return list(await session.scalars(select(AuditEntry).order_by(AuditEntry.seq)))


async def test_a_whole_chain_rewritten_without_the_keyring_is_found(
    portal_client: AppClient, clock: ManualClock
) -> None:
    """Recomputing every entry's hash (as the old unkeyed chain allowed) fails verification."""
    ctx = portal_client.app[CONTEXT]
    entries = await _write(ctx, clock, 4)
    assert verify_chain(entries, ctx.keyring) is None
    prev = GENESIS
    for entry in entries:  # the attacker drops entry 3's outcome and re-chains everything
        entry.outcome = "denied" if entry.seq == 3 else entry.outcome
        entry.prev_hash = prev
        entry.entry_hash = entry_hash(
            prev, entry.at, entry.actor, entry.action, entry.subject, entry.outcome
        )
        prev = entry.entry_hash
    assert verify_chain(entries, ctx.keyring) == 1
    assert verify_chain(entries[:2], new_keyring()) == 1  # another keyring cannot vouch


async def test_sequence_numbers_find_a_removed_first_entry(
    portal_client: AppClient, clock: ManualClock
) -> None:
    """Removing the oldest entry (and re-MACing is impossible) breaks at the new first."""
    ctx = portal_client.app[CONTEXT]
    entries = await _write(ctx, clock, 3)
    assert verify_chain(entries[1:], ctx.keyring) == 2


@pytest.mark.parametrize("rewrite", [False, True])
def test_audit_verify_expect_head_finds_truncation(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    rewrite: bool,
) -> None:
    """`audit verify --expect-head` fails once the newest entries are removed (a valid but
    shorter chain); without the head kept elsewhere the shorter chain would pass."""
    companion = CommandLine(tmp_path, monkeypatch, capsys)
    for _ in range(3):
        assert companion("keys", "rotate").status == 0  # each is audited
    verified = companion("audit", "verify")
    assert verified.status == 0, verified.err
    head = verified.out.split("--expect-head ")[1].strip()
    with closing(sqlite3.connect(tmp_path / "c.db")) as db, db:
        last = db.execute("SELECT max(seq) FROM audit_entry").fetchone()[0]
        db.execute("DELETE FROM audit_entry WHERE seq >= ?", (last - 1,))
        if rewrite:
            db.execute("UPDATE audit_entry SET at = ?", ("2020-01-01 00:00:00",))
    shorter = companion("audit", "verify", "--expect-head", head)
    assert shorter.status == 1
    expected = "head you kept is not in the audit trail" if not rewrite else "broken at entry 1"
    assert expected in shorter.err
    if not rewrite:
        assert companion("audit", "verify").status == 0


async def test_entries_from_before_0006_are_checked_and_keyed_once(
    portal_client: AppClient, clock: ManualClock
) -> None:
    """An intact unkeyed chain (pre-0006) is re-MACed at start-up and then verifies."""
    ctx = portal_client.app[CONTEXT]
    entries = await _write(ctx, clock, 2)
    prev = GENESIS
    async with ctx.sessions.begin() as session:
        for entry in entries:
            row = await session.get(AuditEntry, entry.seq)
            assert row is not None
            row.key_id = None
            row.prev_hash = prev
            row.entry_hash = entry_hash(prev, row.at, row.actor, row.action, None, row.outcome)
            prev = row.entry_hash
    assert await audit.key_legacy_entries(ctx.sessions, ctx.keyring) == 2
    async with ctx.sessions() as session:
        keyed = list(await session.scalars(select(AuditEntry).order_by(AuditEntry.seq)))
    assert verify_chain(keyed, ctx.keyring) is None

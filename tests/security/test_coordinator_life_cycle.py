"""Finding 8: coordinators could not be listed, disabled or reset, nor change passphrase."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from companion.accounts import life_cycle
from companion.crypto.coordinator_keys import new_key_pair
from companion.db.models import Coordinator, PortalSession, Summary
from companion.engine.summary import RANGES_PATH, load_reference_ranges
from companion.sharing.summaries import summary_sweep
from companion.web.keys import CONTEXT
from tests.conftest import AppClient
from tests.support.clock import ManualClock
from tests.support.command_line import CommandLine
from tests.support.portal import (
    PASSPHRASE,
    audit_entries,
    csrf_of,
    enrolled_coordinator,
    log_in,
    person_sharing,
)

NEW_PASSPHRASE = "lantern moss over the quiet harbour"


async def _count(client: AppClient, model: type[Summary] | type[PortalSession]) -> int:
    async with client.app[CONTEXT].sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def test_a_disabled_coordinator_cannot_log_in_or_get_summaries(
    portal_client: AppClient, clock: ManualClock
) -> None:
    """Disable ends their sessions, refuses their login and seals nothing more to them."""
    ctx = portal_client.app[CONTEXT]
    sam = await enrolled_coordinator(ctx.sessions, ctx.keyring, clock())
    await person_sharing(ctx.sessions, ctx.keyring, sam.id, clock())
    clock.advance(seconds=30)
    assert (await log_in(portal_client, sam, clock())).status == 303
    async with ctx.sessions.begin() as session:
        row = await life_cycle.find(session, sam.email)
        assert row is not None
        assert await life_cycle.disable(session, row, clock()) == 1
    gone = await portal_client.get("/portal/people", allow_redirects=False)
    assert gone.status == 303
    portal_client.session.cookie_jar.clear()
    clock.advance(seconds=30)
    assert (await log_in(portal_client, sam, clock())).status == 401
    assert await summary_sweep(ctx, load_reference_ranges(RANGES_PATH)) == 0
    assert [e.subject for e in await audit_entries(ctx.sessions, "coordinator_disable")] == [sam.id]


async def test_a_reset_deletes_old_summaries_ends_sessions_and_gives_a_new_key(
    portal_client: AppClient, clock: ManualClock
) -> None:
    """After a key swap, a reset deletes summaries, ends sessions, and re-enrolment makes a
    new bound key pair that summaries are sealed to again."""
    ctx = portal_client.app[CONTEXT]
    sam = await enrolled_coordinator(ctx.sessions, ctx.keyring, clock())
    await person_sharing(ctx.sessions, ctx.keyring, sam.id, clock())
    assert await summary_sweep(ctx, load_reference_ranges(RANGES_PATH)) > 0
    clock.advance(seconds=30)
    assert (await log_in(portal_client, sam, clock())).status == 303
    async with ctx.sessions.begin() as session:
        row = await session.get(Coordinator, sam.id)
        assert row is not None
        row.public_key = new_key_pair()[1]  # what a database writer did
    async with ctx.sessions.begin() as session:
        row = await life_cycle.find(session, sam.id)
        assert row is not None
        done = await life_cycle.reset(session, row, clock())
    assert done.summaries_deleted > 0
    assert done.sessions_ended == 1
    assert (await _count(portal_client, Summary), await _count(portal_client, PortalSession)) == (
        0,
        0,
    )
    page = await portal_client.get(f"/portal/enrol/{done.token}")
    assert page.status == 200
    async with ctx.sessions() as session:
        listed = {row.id: row for row in await life_cycle.listing(session, ctx.keyring)}
    assert (listed[sam.id].state, listed[sam.id].key) == ("pending", "none")
    assert [e.subject for e in await audit_entries(ctx.sessions, "coordinator_reset")] == [sam.id]


async def test_passphrase_change_rewraps_the_key_and_ends_other_sessions(
    portal_client: AppClient, clock: ManualClock
) -> None:
    """A wrong current or weak new passphrase is a 400; a good change keeps the summaries
    readable with the new passphrase and ends the coordinator's other sessions."""
    ctx = portal_client.app[CONTEXT]
    sam = await enrolled_coordinator(ctx.sessions, ctx.keyring, clock())
    _, consent_id = await person_sharing(ctx.sessions, ctx.keyring, sam.id, clock())
    await summary_sweep(ctx, load_reference_ranges(RANGES_PATH))
    clock.advance(seconds=30)
    assert (await log_in(portal_client, sam, clock())).status == 303
    elsewhere = portal_client.session.cookie_jar.filter_cookies(portal_client.make_url("/"))
    other = elsewhere["companion_portal"].value
    portal_client.session.cookie_jar.clear()
    clock.advance(seconds=30)
    assert (await log_in(portal_client, sam, clock())).status == 303
    csrf = csrf_of(await (await portal_client.get("/portal/passphrase")).text())

    async def change(current: str, new: str) -> int:
        form = {"csrf": csrf, "current": current, "passphrase": new, "passphrase_again": new}
        response = await portal_client.post("/portal/passphrase", data=form, allow_redirects=False)
        return response.status

    assert await change("not my passphrase", NEW_PASSPHRASE) == 400
    assert await change(PASSPHRASE, "password12345") == 400
    assert await change(PASSPHRASE, NEW_PASSPHRASE) == 303
    assert await _count(portal_client, PortalSession) == 1  # the other session ended
    ended = await portal_client.get(
        "/portal/people", cookies={"companion_portal": other}, allow_redirects=False
    )
    assert ended.status == 303
    portal_client.session.cookie_jar.clear()
    clock.advance(seconds=30)
    assert (await log_in(portal_client, sam, clock())).status == 401  # the old one is gone
    clock.advance(seconds=30)
    assert (await log_in(portal_client, sam, clock(), passphrase=NEW_PASSPHRASE)).status == 303
    person = await portal_client.get(f"/portal/people/{consent_id}")
    assert person.status == 200
    assert "could not be opened" not in await person.text()
    outcomes = [e.outcome for e in await audit_entries(ctx.sessions, "passphrase_change")]
    assert outcomes == ["wrong", "weak", "ok"]


def test_coordinator_commands_list_disable_and_reset(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`companion coordinator list|disable|reset` (the real command line), each audited."""
    companion = CommandLine(tmp_path, monkeypatch, capsys)
    add = companion("coordinator", "add", "--name", "Sam", "--email", "s@x.example", "--team", "T")
    assert add.status == 0, add.err
    listed = companion("coordinator", "list").out
    assert "pending" in listed
    assert "s@x.example  Sam (T)" in listed
    assert companion("coordinator", "reset", "s@x.example").status == 2  # needs --confirm
    reset = companion("coordinator", "reset", "s@x.example", "--confirm")
    assert reset.status == 0, reset.err
    assert "/portal/enrol/" in reset.out
    assert companion("coordinator", "disable", "nobody@x.example").status == 1
    assert companion("coordinator", "disable", "s@x.example").status == 0
    assert "disabled" in companion("coordinator", "list").out
    shown = companion("audit", "show").out
    assert "coordinator_reset" in shown
    assert "coordinator_disable" in shown

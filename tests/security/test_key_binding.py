"""Finding 1: a database writer swaps a coordinator's public key to read future summaries."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import func, select, text

from companion.accounts.public_keys import bind_unbound
from companion.crypto.coordinator_keys import new_key_pair
from companion.crypto.keyring import with_new_key
from companion.db.models import Summary
from companion.engine.summary import RANGES_PATH, load_reference_ranges
from companion.records.rekey import reencrypt, values_under
from companion.sharing.recipient_check import MISMATCH_ACTION
from companion.sharing.summaries import summary_sweep
from companion.web.keys import CONTEXT
from tests.conftest import AppClient
from tests.integration.test_rekey import only_current
from tests.support.clock import ManualClock
from tests.support.portal import audit_entries, enrolled_coordinator, log_in, person_sharing


async def _swap_public_key(client: AppClient, coordinator_id: str, public: bytes) -> None:
    """What an attacker with write access to the database does: one raw UPDATE."""
    async with client.app[CONTEXT].sessions.begin() as session:
        await session.execute(
            text("UPDATE coordinator SET public_key = :key WHERE id = :id"),
            {"key": public, "id": coordinator_id},
        )


async def _summaries(client: AppClient) -> int:
    async with client.app[CONTEXT].sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(Summary)) or 0)


def _mismatches(client: AppClient, where: str) -> float:
    metric = client.app[CONTEXT].metrics.key_mismatch.labels(where)
    return float(metric._value.get())


async def test_sweep_seals_to_a_bound_key(portal_client: AppClient, clock: ManualClock) -> None:
    """Control: an enrolled coordinator's key is bound at enrolment, so summaries are made."""
    ctx = portal_client.app[CONTEXT]
    coordinator = await enrolled_coordinator(ctx.sessions, ctx.keyring, clock())
    await person_sharing(ctx.sessions, ctx.keyring, coordinator.id, clock())
    assert await summary_sweep(ctx, load_reference_ranges(RANGES_PATH)) > 0
    assert await _summaries(portal_client) > 0


async def test_swapped_public_key_gets_nothing_sealed(
    portal_client: AppClient, clock: ManualClock, caplog: pytest.LogCaptureFixture
) -> None:
    """After a raw-SQL swap of public_key, a sweep seals nothing, counts it, audits it and
    tells the operator what to do."""
    ctx = portal_client.app[CONTEXT]
    coordinator = await enrolled_coordinator(ctx.sessions, ctx.keyring, clock())
    await person_sharing(ctx.sessions, ctx.keyring, coordinator.id, clock())
    _, attacker_public = new_key_pair()
    await _swap_public_key(portal_client, coordinator.id, attacker_public)

    made = await summary_sweep(ctx, load_reference_ranges(RANGES_PATH))

    assert made == 0
    assert await _summaries(portal_client) == 0
    assert _mismatches(portal_client, "seal") == 1
    entries = await audit_entries(ctx.sessions, MISMATCH_ACTION)
    assert [(e.subject, e.outcome) for e in entries] == [(coordinator.id, "seal")]
    told = [r.getMessage() for r in caplog.records if r.name.endswith("recipient_check")]
    assert len(told) == 1
    assert f"companion coordinator reset {coordinator.id}" in told[0]


async def test_cleared_binding_gets_nothing_sealed(
    portal_client: AppClient, clock: ManualClock
) -> None:
    """Swapping the key and nulling its binding does not pass as 'not bound yet'."""
    ctx = portal_client.app[CONTEXT]
    coordinator = await enrolled_coordinator(ctx.sessions, ctx.keyring, clock())
    await person_sharing(ctx.sessions, ctx.keyring, coordinator.id, clock())
    _, attacker_public = new_key_pair()
    await _swap_public_key(portal_client, coordinator.id, attacker_public)
    async with ctx.sessions.begin() as session:
        await session.execute(text("UPDATE coordinator SET public_key_binding = NULL"))

    assert await summary_sweep(ctx, load_reference_ranges(RANGES_PATH)) == 0
    assert await _summaries(portal_client) == 0


async def test_login_finds_a_swapped_public_key(
    portal_client: AppClient, clock: ManualClock
) -> None:
    """At login the unwrapped private key's public half is compared with the stored key."""
    ctx = portal_client.app[CONTEXT]
    coordinator = await enrolled_coordinator(ctx.sessions, ctx.keyring, clock())
    _, attacker_public = new_key_pair()
    await _swap_public_key(portal_client, coordinator.id, attacker_public)
    clock.advance(seconds=30)

    response = await log_in(portal_client, coordinator, clock())

    assert response.status == 303
    assert _mismatches(portal_client, "login") == 1
    entries = await audit_entries(ctx.sessions, MISMATCH_ACTION)
    assert [(e.subject, e.outcome) for e in entries] == [(coordinator.id, "login")]


async def test_login_binds_a_key_enrolled_before_bindings(
    portal_client: AppClient, clock: ManualClock
) -> None:
    """A coordinator with no binding yet (enrolled before 0006) is bound at their next login."""
    ctx = portal_client.app[CONTEXT]
    coordinator = await enrolled_coordinator(ctx.sessions, ctx.keyring, clock())
    await person_sharing(ctx.sessions, ctx.keyring, coordinator.id, clock())
    async with ctx.sessions.begin() as session:
        await session.execute(text("UPDATE coordinator SET public_key_binding = NULL"))
    assert await summary_sweep(ctx, load_reference_ranges(RANGES_PATH)) == 0
    clock.advance(seconds=30)

    assert (await log_in(portal_client, coordinator, clock())).status == 303

    assert _mismatches(portal_client, "login") == 0
    assert await summary_sweep(ctx, load_reference_ranges(RANGES_PATH)) > 0


async def test_keys_bind_binds_coordinators_enrolled_before_bindings(
    portal_client: AppClient, clock: ManualClock
) -> None:
    """`keys bind` (bind_unbound) binds a stored key with no binding, audited, once."""
    ctx = portal_client.app[CONTEXT]
    coordinator = await enrolled_coordinator(ctx.sessions, ctx.keyring, clock())
    await person_sharing(ctx.sessions, ctx.keyring, coordinator.id, clock())
    async with ctx.sessions.begin() as session:
        await session.execute(text("UPDATE coordinator SET public_key_binding = NULL"))
        assert await bind_unbound(session, ctx, clock()) == 1
    async with ctx.sessions.begin() as session:
        assert await bind_unbound(session, ctx, clock()) == 0
    assert len(await audit_entries(ctx.sessions, "key_bound")) == 1
    assert await summary_sweep(ctx, load_reference_ranges(RANGES_PATH)) > 0


async def test_reencrypt_moves_bindings_to_the_current_key(
    portal_client: AppClient, clock: ManualClock
) -> None:
    """After a rotation, reencrypt re-makes bindings so the old key can be retired."""
    ctx = portal_client.app[CONTEXT]
    coordinator = await enrolled_coordinator(ctx.sessions, ctx.keyring, clock())
    await person_sharing(ctx.sessions, ctx.keyring, coordinator.id, clock())
    old_id = ctx.keyring.current_id
    rotated = replace(ctx, keyring=with_new_key(ctx.keyring))
    assert await values_under(rotated, old_id) > 0

    await reencrypt(rotated)

    assert await values_under(rotated, old_id) == 0
    retired = replace(rotated, keyring=only_current(rotated.keyring))
    assert await summary_sweep(retired, load_reference_ranges(RANGES_PATH)) > 0

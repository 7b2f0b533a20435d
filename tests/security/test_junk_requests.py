"""Finding 7 (junk): unauthenticated junk requests cannot flood the audit chain."""

from __future__ import annotations

from companion.web.keys import CONTEXT
from tests.conftest import AppClient
from tests.support.clock import ManualClock
from tests.support.portal import audit_entries


async def test_forged_logins_write_one_audit_row_a_minute_and_are_counted(
    portal_client: AppClient, clock: ManualClock
) -> None:
    """100 forged login posts write one audit row; the other 99 are counted in /metrics."""
    ctx = portal_client.app[CONTEXT]
    for _ in range(100):
        form = {"csrf": "forged", "email": "a@b.example", "passphrase": "x", "code": "1"}
        assert (await portal_client.post("/portal/login", data=form)).status == 403
    assert len(await audit_entries(ctx.sessions, "csrf_failed")) == 1
    metrics = await (await portal_client.get("/metrics")).text()
    assert 'companion_unaudited_requests_total{action="csrf_failed",outcome="denied"} 99.0' in (
        metrics
    )
    clock.advance(minutes=1)
    form = {"csrf": "forged", "email": "a@b.example", "passphrase": "x", "code": "1"}
    assert (await portal_client.post("/portal/login", data=form)).status == 403
    assert len(await audit_entries(ctx.sessions, "csrf_failed")) == 2


async def test_dead_enrolment_links_write_one_audit_row_a_minute(
    portal_client: AppClient,
) -> None:
    """Guessing enrolment links is audited once a minute, not once a guess."""
    ctx = portal_client.app[CONTEXT]
    for n in range(20):
        assert (await portal_client.get(f"/portal/enrol/guess{n}")).status == 404
    assert len(await audit_entries(ctx.sessions, "enrol")) == 1

"""Simulator mode: the web phone, the terminal phone, health and metrics."""

from __future__ import annotations

import asyncio
import io
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from aiohttp.web import Application

from companion.app import create_app
from companion.cli.terminal_phone import run_terminal_phone
from companion.config import load_settings
from companion.crypto.keyring import Keyring
from tests.conftest import AppClient
from tests.support.clock import ManualClock


@pytest.fixture
async def sim_client(
    aiohttp_client: Callable[[Application], asyncio.Future[AppClient]],
    sqlite_url: str,
    keyring: Keyring,
    clock: ManualClock,
) -> AppClient:
    """The app in simulator mode (no Twilio credentials)."""
    settings = load_settings({"DATABASE_URL": sqlite_url, "COMPANION_MODE": "simulator"})
    return await aiohttp_client(
        create_app(settings, clock=clock, keyring=keyring, sweep_at_start=False)
    )


async def test_web_simulator_shows_the_conversation(sim_client: AppClient) -> None:
    """Texting JOIN then YES on /simulator shows both texts and both replies."""
    for body in ("JOIN", "YES"):
        response = await sim_client.post(
            "/simulator", data={"phone": "07700 900123", "body": body}, allow_redirects=False
        )
        assert response.status == 303
    page = await (await sim_client.get("/simulator", params={"phone": "07700 900123"})).text()
    assert "Reply YES to start" in page
    assert "you are all set" in page
    assert page.index("JOIN") < page.index("Reply YES") < page.index("you are all set")


async def test_web_simulator_escapes_what_people_type(sim_client: AppClient) -> None:
    """Typed HTML is shown as text, not run."""
    await sim_client.post(
        "/simulator", data={"phone": "07700 900124", "body": "<script>x</script>"}
    )
    page = await (await sim_client.get("/simulator", params={"phone": "07700 900124"})).text()
    assert "<script>x</script>" not in page
    assert "&lt;script&gt;" in page


async def test_twilio_webhook_is_closed_in_simulator_mode(sim_client: AppClient) -> None:
    """Without an auth token no signature can be checked, so the webhook refuses."""
    response = await sim_client.post("/twilio/sms", data={"From": "+447700900123", "Body": "JOIN"})
    assert response.status == 403


async def test_healthz_reports_the_database(sim_client: AppClient) -> None:
    """/healthz is 200 with the database reachable."""
    response = await sim_client.get("/healthz")
    assert response.status == 200
    assert (await response.json())["database"] == "ok"


async def test_metrics_count_inbound_and_outbound(sim_client: AppClient) -> None:
    """/metrics exposes inbound, outbound and the dispatcher lag in Prometheus format."""
    await sim_client.post("/simulator", data={"phone": "07700 900125", "body": "JOIN"})
    sent = 'companion_outbound_messages_total{outcome="sent"} 1.0'
    for _ in range(200):  # the background dispatcher may be the one that sends it
        text = await (await sim_client.get("/metrics")).text()
        if sent in text:
            break
        await asyncio.sleep(0.01)
    assert 'companion_inbound_messages_total{result="handled"} 1.0' in text
    assert sent in text
    assert "companion_dispatcher_lag_seconds 0.0" in text


async def test_terminal_phone_runs_the_real_path(sqlite_url: str, tmp_path: Path) -> None:
    """`companion chat`: typed lines go through inbound handling and replies are printed."""
    settings = load_settings(
        {
            "DATABASE_URL": sqlite_url,
            "COMPANION_MODE": "simulator",
            "COMPANION_KEY_FILE": str(tmp_path / "keyring"),
        }
    )
    out = io.StringIO()
    status = await run_terminal_phone(
        settings, "07700 900126", io.StringIO("JOIN\nyes\nHELP\n"), out
    )
    assert status == 0
    printed = out.getvalue()
    assert "texting as +447700900126" in printed
    assert len(re.findall(r"^(?:> )?< ", printed, re.MULTILINE)) == 3
    assert "Reply YES" in printed
    assert "all set" in printed
    assert "116 123" in printed

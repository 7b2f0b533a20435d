"""The triaged caseload in a real browser: 30 people, those needing attention first.

Headless Chromium, as in test_portal_browser.py. The screenshot of the page lands in
docs/screenshots/portal-caseload.png for the README.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import pytest
from aiohttp.test_utils import TestServer
from aiohttp.web import Application
from selenium import webdriver
from selenium.webdriver.common.by import By

from companion.app import create_app
from companion.config import load_settings
from companion.crypto.keyring import Keyring
from companion.web.keys import CONTEXT
from tests.browser.test_portal_browser import SCREENSHOTS, browser, fill, screenshot
from tests.support.caseload import Caseload, thirty_people
from tests.support.clock import ManualClock
from tests.support.portal import PASSPHRASE, enrolled_coordinator, totp_code

pytestmark = pytest.mark.browser
__all__ = ["browser"]  # the fixture, shared with the portal's browser test
Server = Callable[[Application], Awaitable[TestServer]]


@pytest.mark.timeout(90)
async def test_caseload_lists_those_needing_attention_first_in_the_browser(
    aiohttp_server: Server,
    browser: webdriver.Chrome,
    sqlite_url: str,
    keyring: Keyring,
    clock: ManualClock,
) -> None:
    """Log in; with 30 people sharing, the first rows are the crisis texts, each with why."""
    settings = load_settings({"DATABASE_URL": sqlite_url, "COMPANION_MODE": "simulator"})
    app = create_app(settings, clock=clock, keyring=keyring)
    server = await aiohttp_server(app)
    base = str(server.make_url("/portal")).rstrip("/")
    ctx = app[CONTEXT]
    sam = await enrolled_coordinator(ctx.sessions, keyring, clock(), team="North CMHT")
    await thirty_people(Caseload(ctx, keyring, clock, sam.id))
    clock.advance(seconds=30)
    code = totp_code(sam.totp_secret, clock())
    login = {"email": sam.email, "passphrase": PASSPHRASE, "code": code}

    def log_in_and_look() -> list[tuple[str, str]]:
        browser.get(f"{base}/login")
        fill(browser, login, "/portal/people")
        rows = browser.find_elements(By.CSS_SELECTOR, "li.case")
        seen = [
            (
                row.find_element(By.CSS_SELECTOR, ".name").text,
                " ".join(r.text for r in row.find_elements(By.CSS_SELECTOR, ".reason")),
            )
            for row in rows
        ]
        browser.set_window_size(1200, 1700)  # the nine needing attention, and the next few
        screenshot(browser, "portal-caseload")
        return seen

    seen = await asyncio.to_thread(log_in_and_look)
    assert len(seen) == 30
    assert seen[0] == (
        "Ade Okafor",
        "2 crisis texts in the last two weeks, latest 10:00 on 1 Jun 2026. They chose to share"
        " these, and each time got crisis numbers straight away.",
    )
    assert [name for name, _ in seen[1:5]] == [
        "Dee Shah",
        "Eli Brooks",
        "Fay Moran",
        "Gus Adeyemi",
    ]
    assert seen[5][1].startswith("No reply for 20 days")
    assert all(reason == "" for _, reason in seen[9:])
    assert (SCREENSHOTS / "portal-caseload.png").stat().st_size > 5_000

"""The portal in a real browser: enrol with TOTP, log in, see a person's chart, lose them.

Headless Debian Chromium through ChromeDriver (Selenium). The app runs in this process
on a real port with a test clock, so the test can step to the next TOTP code instead of
waiting 30 seconds. Screenshots of the pages land in docs/screenshots/ for the README.

The person's side is real too: they text JOIN, YES, NAME, SHARE <the code the
coordinator got from the portal>, YES and later UNSHARE through the same inbound
service a Twilio webhook uses; the weekly summary comes from the summary job.
"""

from __future__ import annotations

import asyncio
import base64
import os
import shutil
import uuid
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path

import pytest
from aiohttp.test_utils import TestServer
from aiohttp.web import Application
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.wait import WebDriverWait
from sqlalchemy import select

from companion.accounts.coordinators import add_coordinator
from companion.app import create_app
from companion.cli.demo import seed_history
from companion.config import load_settings
from companion.crypto.blind_index import phone_index
from companion.crypto.keyring import Keyring
from companion.db.models import Consent
from companion.db.people import find_person
from companion.engine.summary import load_reference_ranges
from companion.sharing.summaries import summary_sweep
from companion.texting.inbound import InboundSms, handle_inbound
from companion.web.keys import CONTEXT
from tests.support.clock import ManualClock
from tests.support.portal import PASSPHRASE, totp_code

pytestmark = pytest.mark.browser

PHONE = "+447700900555"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
Server = Callable[[Application], Awaitable[TestServer]]


@pytest.fixture
def browser() -> Iterator[webdriver.Chrome]:
    """Headless Chromium; skipped on a developer machine without it (never in CI)."""
    if not (shutil.which(CHROMIUM) and shutil.which(CHROMEDRIVER)) and not os.environ.get("CI"):
        pytest.skip("chromium and chromium-driver are not installed (apt-get install them)")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"):
        options.add_argument(flag)
    options.add_argument("--window-size=1200,900")
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(20)
    try:
        yield driver
    finally:
        driver.quit()


def fill(driver: webdriver.Chrome, fields: dict[str, str], lands_on: str) -> None:
    """Type into form fields by id, submit, and wait for the page the form leads to."""
    element = None
    for field_id, value in fields.items():
        element = driver.find_element(By.ID, field_id)
        element.clear()
        element.send_keys(value)
    assert element is not None
    element.submit()
    WebDriverWait(driver, 10).until(expected_conditions.url_contains(lands_on))


def click(driver: webdriver.Chrome, by: str, what: str, lands_on: str) -> None:
    """Click a link or button and wait for the page it leads to."""
    old = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(by, what).click()
    # Mid-navigation Chrome may answer the staleness probe with "node does not belong to
    # the document" (a WebDriverException) instead of a stale reference: look again.
    waiting = WebDriverWait(driver, 10, ignored_exceptions=(WebDriverException,))
    waiting.until(expected_conditions.staleness_of(old))
    WebDriverWait(driver, 10).until(expected_conditions.url_contains(lands_on))


def screenshot(driver: webdriver.Chrome, name: str, full_page: bool = False) -> None:
    """Save the window (or the whole page's height) as docs/screenshots/<name>.png."""
    if full_page:
        height = driver.find_element(By.TAG_NAME, "body").size["height"]
        driver.set_window_size(1200, min(max(height + 120, 900), 4000))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert driver.save_screenshot(str(SCREENSHOTS / f"{name}.png"))
    driver.set_window_size(1200, 900)


@pytest.mark.timeout(90)
async def test_enrol_log_in_see_chart_then_person_withdraws(
    aiohttp_server: Server,
    browser: webdriver.Chrome,
    sqlite_url: str,
    keyring: Keyring,
    clock: ManualClock,
) -> None:
    """Enrol with TOTP; a person shares by SMS; their chart shows; after UNSHARE they are gone."""
    app = create_app(
        load_settings({"DATABASE_URL": sqlite_url, "COMPANION_MODE": "simulator"}),
        clock=clock,
        keyring=keyring,
    )
    server = await aiohttp_server(app)
    base = str(server.make_url("/portal")).rstrip("/")
    sessions = app[CONTEXT].sessions
    async with sessions.begin() as session:
        added = await add_coordinator(
            session,
            keyring,
            name="Sam Patel",
            email="sam.patel@nhs.example",
            team="North CMHT",
            now=clock(),
        )

    def enrol() -> str:
        browser.get(f"{base}/enrol/{added.token}")
        assert (
            browser.find_element(By.CSS_SELECTOR, "img.qr")
            .get_attribute("src")
            .startswith("data:image/svg+xml")
        )
        return browser.find_element(By.ID, "totp-secret").text

    secret_text = await asyncio.to_thread(enrol)
    secret = _b32(secret_text)
    fields = {
        "passphrase": PASSPHRASE,
        "passphrase_again": PASSPHRASE,
        "code": totp_code(secret, clock()),
    }
    await asyncio.to_thread(fill, browser, fields, "/portal/login?reason=enrolled")

    ctx = app[CONTEXT]

    async def person_texts(body: str) -> None:
        await handle_inbound(ctx, InboundSms("SM" + uuid.uuid4().hex, PHONE, body))

    for body in ("JOIN", "YES", "NAME Alex"):
        await person_texts(body)
    async with sessions.begin() as session:
        person = await find_person(session, phone_index(keyring, PHONE))
        assert person is not None
        seed_history(ctx, session, person.id, clock())  # eight weeks of check-ins

    clock.advance(seconds=30)  # the enrolment code is spent; wait for the next one
    login = {
        "email": "sam.patel@nhs.example",
        "passphrase": PASSPHRASE,
        "code": totp_code(secret, clock()),
    }

    def log_in_and_get_a_share_code() -> str:
        browser.find_element(By.ID, "email").send_keys(login["email"])
        screenshot(browser, "portal-login")
        fill(browser, login, "/portal/people")
        click(browser, By.CSS_SELECTOR, "#share button", "/portal/people#code-")
        return browser.find_element(By.CSS_SELECTOR, ".share-code").text

    code = await asyncio.to_thread(log_in_and_get_a_share_code)
    await person_texts(f"SHARE {code}")
    await person_texts("YES")
    assert await summary_sweep(ctx, load_reference_ranges()) == 2  # last week, this week
    async with sessions() as session:
        (consent_id,) = await session.scalars(select(Consent.id).where(Consent.status == "active"))

    def look() -> tuple[list[str], int]:
        browser.get(f"{base}/people")
        names = [e.text for e in browser.find_elements(By.CSS_SELECTOR, ".people .name")]
        screenshot(browser, "portal-people")
        click(browser, By.LINK_TEXT, "Alex", f"/portal/people/{consent_id}")
        charts = len(browser.find_elements(By.CSS_SELECTOR, "svg.spark path"))
        screenshot(browser, "portal-person", full_page=True)
        return names, charts

    names, charts = await asyncio.to_thread(look)
    assert names == ["Alex"]
    assert charts >= 2
    assert "Worth discussing" in browser.page_source

    await person_texts("UNSHARE")

    def reload_after_withdrawal() -> tuple[str, list[str]]:
        browser.refresh()
        heading = browser.find_element(By.TAG_NAME, "h1").text
        browser.get(f"{base}/people")
        return heading, [e.text for e in browser.find_elements(By.CSS_SELECTOR, ".people .name")]

    heading, names_after = await asyncio.to_thread(reload_after_withdrawal)
    assert heading == "Not found"
    assert names_after == []
    assert "Nobody is sharing with you yet" in browser.page_source
    for name in ("portal-login", "portal-people", "portal-person"):
        assert (SCREENSHOTS / f"{name}.png").stat().st_size > 5_000


def _b32(text: str) -> bytes:
    compact = text.replace(" ", "")
    return base64.b32decode(compact + "=" * (-len(compact) % 8))

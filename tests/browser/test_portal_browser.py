"""The portal in a real browser: enrol with TOTP, log in, see a person's chart, lose them.

Headless Debian Chromium through ChromeDriver (Selenium). The app runs in this process
on a real port with a test clock, so the test can step to the next TOTP code instead of
waiting 30 seconds. Screenshots of the pages land in docs/screenshots/ for the README.

Sharing and withdrawal are written straight to the database here: the SMS paths
(SHARE, UNSHARE) have their own tests.
"""

from __future__ import annotations

import asyncio
import base64
import os
import shutil
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path

import pytest
from aiohttp.test_utils import TestServer
from aiohttp.web import Application
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.wait import WebDriverWait
from sqlalchemy import update

from companion.app import create_app
from companion.config import load_settings
from companion.crypto.keyring import Keyring
from companion.db.models import Consent, Coordinator
from companion.services.coordinators import add_coordinator
from companion.web.keys import CONTEXT
from tests.support.clock import ManualClock
from tests.support.portal import (
    PASSPHRASE,
    Enrolled,
    person_sharing,
    sample_summary,
    store_summary,
    totp_code,
)

pytestmark = pytest.mark.browser

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
    WebDriverWait(driver, 10).until(expected_conditions.staleness_of(old))
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
    """Enrol with TOTP, log in, see the person with an SVG chart; after withdrawal they are gone."""
    app = create_app(load_settings({"DATABASE_URL": sqlite_url}), clock=clock, keyring=keyring)
    server = await aiohttp_server(app)
    base = str(server.make_url("/portal")).rstrip("/")
    sessions = app[CONTEXT].sessions
    async with sessions.begin() as session:
        added = await add_coordinator(
            session, name="Sam Patel", email="sam.patel@nhs.example", team="North CMHT", now=clock()
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

    async with sessions() as session:
        row = await session.get(Coordinator, added.coordinator_id)
    assert row is not None
    assert row.public_key is not None
    sam = Enrolled(row.id, row.email, secret, row.public_key)
    person_id, consent_id = await person_sharing(sessions, keyring, sam.id, clock(), name="Alex")
    await store_summary(
        sessions,
        person_id=person_id,
        consent_id=consent_id,
        coordinator=sam,
        summary=sample_summary(label="Alex"),
        now=clock(),
    )

    clock.advance(seconds=30)  # the enrolment code is spent; wait for the next one
    login = {"email": sam.email, "passphrase": PASSPHRASE, "code": totp_code(secret, clock())}

    def log_in_and_look() -> tuple[list[str], int]:
        browser.find_element(By.ID, "email").send_keys(sam.email)
        screenshot(browser, "portal-login")
        fill(browser, login, "/portal/people")
        click(browser, By.CSS_SELECTOR, "#share button", "/portal/people#code-")
        names = [e.text for e in browser.find_elements(By.CSS_SELECTOR, ".people .name")]
        screenshot(browser, "portal-people")
        click(browser, By.LINK_TEXT, "Alex", f"/portal/people/{consent_id}")
        charts = len(browser.find_elements(By.CSS_SELECTOR, "svg.spark path"))
        screenshot(browser, "portal-person", full_page=True)
        return names, charts

    names, charts = await asyncio.to_thread(log_in_and_look)
    assert names == ["Alex"]
    assert charts == 2
    assert "Worth discussing" in browser.page_source

    async with sessions.begin() as session:
        await session.execute(
            update(Consent)
            .where(Consent.id == consent_id)
            .values(status="withdrawn", ended_at=clock())
        )

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

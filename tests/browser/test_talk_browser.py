"""TALK in a real browser: a text asks for a call, the coordinator replies from the portal.

Headless Chromium logs in as the coordinator. The person's side goes through the same
inbound service a Twilio webhook uses; the app runs in Twilio mode against the fake
Twilio API, so the coordinator's reply is only seen once the app's own dispatcher has
sent it from the outbox to the fake API.
"""

from __future__ import annotations

import asyncio
import uuid

import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By

from companion.app import create_app
from companion.crypto.keyring import Keyring
from companion.db.models import TalkRequest
from companion.sharing.share_codes import new_share_code
from companion.sms.fake_twilio import FakeTwilio
from companion.texting.inbound import InboundSms, handle_inbound
from companion.web.keys import CONTEXT
from tests.browser.test_portal_browser import Server, click, fill, screenshot
from tests.browser.test_portal_browser import browser as browser  # the Chromium fixture
from tests.conftest import twilio_settings
from tests.support.clock import ManualClock
from tests.support.portal import PASSPHRASE, enrolled_coordinator, totp_code

pytestmark = pytest.mark.browser

PHONE = "+447700900777"
NOTE = "I can ring at 2pm tomorrow."


@pytest.mark.timeout(90)
async def test_talk_reaches_the_top_of_the_caseload_is_answered_by_text_and_marked_done(
    aiohttp_server: Server,
    browser: webdriver.Chrome,
    sqlite_url: str,
    fake_twilio: FakeTwilio,
    keyring: Keyring,
    clock: ManualClock,
) -> None:
    """A text asks for a call; it tops the caseload; the portal's reply reaches the phone; done."""
    settings = twilio_settings(sqlite_url, fake_twilio, PUBLIC_BASE_URL="http://127.0.0.1")
    app = create_app(settings, clock=clock, keyring=keyring, sweep_at_start=False)
    server = await aiohttp_server(app)
    base = str(server.make_url("/portal")).rstrip("/")
    ctx = app[CONTEXT]
    sam = await enrolled_coordinator(ctx.sessions, keyring, clock())
    async with ctx.sessions.begin() as session:
        code = (await new_share_code(session, sam.id, clock())).code

    async def person_texts(body: str) -> None:
        await handle_inbound(ctx, InboundSms("SM" + uuid.uuid4().hex, PHONE, body))

    for body in ("JOIN", "YES", "NAME Alex", f"SHARE {code}", "YES"):
        await person_texts(body)
    await person_texts("can someone call me about my tablets")
    async with ctx.sessions() as session:
        (request_id,) = await session.scalars(
            TalkRequest.__table__.select().with_only_columns(TalkRequest.id)
        )
    clock.advance(seconds=40)
    login = {
        "email": sam.email,
        "passphrase": PASSPHRASE,
        "code": totp_code(sam.totp_secret, clock()),
    }

    def log_in_and_reply() -> tuple[str, str]:
        browser.get(f"{base}/login")
        fill(browser, login, "/portal/people")
        first = browser.find_element(By.CSS_SELECTOR, "main section").get_attribute("id")
        shown = browser.find_element(By.ID, f"talk-{request_id}").text
        screenshot(browser, "portal-talk")
        browser.find_element(By.ID, f"note-{request_id}").send_keys(NOTE)
        click(browser, By.CSS_SELECTOR, f"#talk-{request_id} .talk-reply button", "talk=queued")
        return first or "", shown

    first_section, shown = await asyncio.to_thread(log_in_and_reply)
    assert first_section == "talk"  # above the people list
    assert "Alex" in shown
    assert "can someone call me about my tablets" in shown
    assert "less than an hour ago" in shown

    async def reply_on_the_phone() -> str:
        for _ in range(100):
            sent = [m.body for m in fake_twilio.messages_to(PHONE) if NOTE in m.body]
            if sent:
                return sent[0]
            await asyncio.sleep(0.05)
        raise AssertionError("the reply never reached the fake Twilio API")

    reply = await reply_on_the_phone()
    assert reply.startswith("Sam Patel has read your message and will call you soon.")
    assert "116 123" in reply

    def mark_done() -> str:
        click(browser, By.CSS_SELECTOR, f"#talk-{request_id} .talk-done button", "talk=done")
        return browser.find_element(By.ID, "talk").text

    section = await asyncio.to_thread(mark_done)
    assert "Marked as done." in section
    assert "Nobody is waiting to hear from you" in section

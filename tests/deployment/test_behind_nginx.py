"""nginx with TLS in front of two `companion serve` processes: webhooks and the portal.

The nginx site is deploy/nginx/companion.conf itself, with this run's ports, certificate
and host name put in; nginx's access log names the instance that served each request.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import aiohttp
import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.wait import WebDriverWait

from companion.crypto.keyring import Keyring
from companion.db.connection import create_engine, session_factory
from companion.records.audit import KEYRING_INFO
from companion.sms.fake_twilio import FakeTwilio
from companion.sms.twilio_forms import sign, sms_form
from tests.conftest import AUTH_TOKEN
from tests.deployment.conftest import Deployment
from tests.support.portal import PASSPHRASE, enrolled_coordinator, totp_code
from tests.support.waiting import eventually

pytestmark = pytest.mark.postgres

PHONE = "+447700900321"
CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"


async def post_webhook(deployment: Deployment, path: str, form: dict[str, str], token: str) -> int:
    """POST a form through nginx, signed with `token` for the public https URL."""
    url = deployment.base_url + path
    headers = {"X-Twilio-Signature": sign(token, url, form)}
    context = deployment.certificate.client_context()
    async with (
        aiohttp.ClientSession() as session,
        session.post(url, data=form, headers=headers, ssl=context) as response,
    ):
        return response.status


async def test_signed_webhooks_pass_the_proxy_and_forged_ones_do_not(
    deployment: Deployment, fake_twilio: FakeTwilio
) -> None:
    """Signed for https://<public>/twilio/sms: answered and replied to; forged: 403, no reply."""
    forged = await post_webhook(deployment, "/twilio/sms", sms_form(PHONE, "JOIN"), "wrong" * 6)
    assert forged == 403
    assert await post_webhook(deployment, "/twilio/sms", sms_form(PHONE, "JOIN"), AUTH_TOKEN) == 200
    await eventually(lambda: len(fake_twilio.messages_to(PHONE)) == 1)
    assert deployment.nginx.upstreams("POST", "/twilio/sms", 403)  # refused by an instance
    async with (
        aiohttp.ClientSession() as session,
        session.get(
            deployment.base_url + "/metrics", ssl=deployment.certificate.client_context()
        ) as internal,
    ):
        assert internal.status == 404  # operations endpoints are not published


@pytest.fixture
def browser() -> Iterator[webdriver.Chrome]:
    """Headless Chromium that accepts the test's self-signed certificate."""
    if not (shutil.which(CHROMIUM) and shutil.which(CHROMEDRIVER)) and not os.environ.get("CI"):
        pytest.skip("chromium and chromium-driver are not installed (apt-get install them)")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"):
        options.add_argument(flag)
    options.accept_insecure_certs = True
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(20)
    try:
        yield driver
    finally:
        driver.quit()


def still_logged_in(driver: webdriver.Chrome, deployment: Deployment) -> None:
    """Load the people list; it must not send us back to the login page."""
    driver.get(deployment.base_url + "/portal/people")
    assert driver.current_url.startswith(deployment.base_url + "/portal/people")
    assert driver.find_elements(By.NAME, "csrf")  # a logged-in page's forms


async def other_request(deployment: Deployment) -> None:
    """One request from someone else, so round-robin sends our next page elsewhere."""
    async with (
        aiohttp.ClientSession() as session,
        session.get(
            deployment.base_url + "/portal/static/portal.css",
            ssl=deployment.certificate.client_context(),
        ) as response,
    ):
        assert response.status == 200


@pytest.mark.browser
@pytest.mark.timeout(90)
async def test_portal_session_survives_alternating_instances_and_a_restart(
    deployment: Deployment, browser: webdriver.Chrome, postgres_url: str, keyring: Keyring
) -> None:
    """Log in over https with __Host- cookies; any instance, and a restarted one, serves it."""
    engine = create_engine(postgres_url)
    now = datetime.now(UTC)
    try:  # enrolled a few TOTP steps ago, so the code used now is a new one
        sessions = session_factory(engine)
        sessions.configure(info={KEYRING_INFO: keyring})  # as the service context does
        sam = await enrolled_coordinator(sessions, keyring, now - timedelta(minutes=2))
    finally:
        await engine.dispose()
    browser.get(deployment.base_url + "/portal/login")
    for field_id, value in {
        "email": sam.email,
        "passphrase": PASSPHRASE,
        "code": totp_code(sam.totp_secret, datetime.now(UTC)),
    }.items():
        browser.find_element(By.ID, field_id).send_keys(value)
    browser.find_element(By.ID, "code").submit()
    WebDriverWait(browser, 10).until(expected_conditions.url_contains("/portal/people"))
    cookie = browser.get_cookie("__Host-companion")
    assert cookie is not None
    assert (cookie["secure"], cookie["httpOnly"], cookie["sameSite"]) == (True, True, "Strict")
    assert "companion_portal" not in {c["name"] for c in browser.get_cookies()}

    for _ in range(4):
        still_logged_in(browser, deployment)
        await other_request(deployment)  # each page and its stylesheet: shift the rotation
    served = set(deployment.nginx.upstreams("GET", "/portal/people", 200))
    assert served == {f"127.0.0.1:{port}" for port in deployment.ports}  # both instances

    code, _ = await deployment.stop_instance(0)
    assert code == 0
    still_logged_in(browser, deployment)  # the other instance, alone
    await deployment.start_instance(0)
    before = len(deployment.nginx.upstreams("GET", "/portal/people", 200))
    for _ in range(4):
        still_logged_in(browser, deployment)
        await other_request(deployment)
    after = deployment.nginx.upstreams("GET", "/portal/people", 200)[before:]
    assert f"127.0.0.1:{deployment.ports[0]}" in after  # the restarted one served it

"""A person texting the app under test: one signed webhook, its replies sent, read back."""

from __future__ import annotations

from companion.sms.fake_twilio import FakeTwilio
from companion.web.keys import CONTEXT, DISPATCHER
from tests.conftest import AUTH_TOKEN, PUBLIC_BASE_URL, AppClient
from tests.support.waiting import all_sent
from tests.support.webhooks import post_signed, sms_form


async def text_in(client: AppClient, phone: str, body: str) -> None:
    """Text `body` from `phone` through the signed webhook, and send everything it queued."""
    status = await post_signed(
        client,
        "/twilio/sms",
        sms_form(phone, body),
        auth_token=AUTH_TOKEN,
        public_base_url=PUBLIC_BASE_URL,
    )
    assert status == 200
    await all_sent(client.app[DISPATCHER], client.app[CONTEXT].sessions)


async def text_and_read(client: AppClient, fake: FakeTwilio, phone: str, body: str) -> str:
    """As `text_in`, and return the replies that came back, one per line."""
    before = len(fake.messages_to(phone))
    await text_in(client, phone, body)
    return "\n".join(m.body for m in fake.messages_to(phone)[before:])

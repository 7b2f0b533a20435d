"""Operator invitations: queued, sent, and active only after the person's YES."""

from __future__ import annotations

from companion.db.models import Person
from companion.sms.fake_twilio import FakeTwilio
from companion.texting.invitations import InviteResult, invite
from tests.conftest import AUTH_TOKEN, PUBLIC_BASE_URL, AppClient
from tests.support.database import rows
from tests.support.waiting import eventually
from tests.support.webhooks import post_signed, sms_form

PHONE = "+447700900555"


async def test_invited_person_becomes_active_only_on_yes(
    twilio_client: AppClient, fake_twilio: FakeTwilio
) -> None:
    """The invitation is sent; other replies re-ask; YES activates."""
    from companion.web.keys import CONTEXT, SETTINGS

    ctx = twilio_client.app[CONTEXT]
    url = twilio_client.app[SETTINGS].database_url
    assert await invite(ctx, PHONE) is InviteResult.INVITED
    await eventually(lambda: len(fake_twilio.messages_to(PHONE)) == 1)
    assert "care team" in fake_twilio.messages_to(PHONE)[0].body
    (person,) = await rows(url, Person)
    assert person.status == "invited"
    assert person.terms_version.startswith("invitation:en:")

    for body in ("who is this", "YES"):
        await post_signed(
            twilio_client,
            "/twilio/sms",
            sms_form(PHONE, body),
            auth_token=AUTH_TOKEN,
            public_base_url=PUBLIC_BASE_URL,
        )
    # "who is this": who we are, then the invitation's question again; YES: the welcome.
    await eventually(lambda: len(fake_twilio.messages_to(PHONE)) == 4)
    bodies = [m.body for m in fake_twilio.messages_to(PHONE)]
    assert "reply YES" in bodies[2]
    assert "you are all set" in bodies[3]
    (person,) = await rows(url, Person)
    assert person.status == "active"
    assert person.terms_accepted_at is not None
    assert await invite(ctx, PHONE) is InviteResult.ALREADY_ACTIVE


async def test_stopped_person_cannot_be_invited_again(
    twilio_client: AppClient, fake_twilio: FakeTwilio
) -> None:
    """After STOP, only the person's own START brings them back, not an operator."""
    from companion.web.keys import CONTEXT

    await post_signed(
        twilio_client,
        "/twilio/sms",
        sms_form(PHONE, "STOP"),
        auth_token=AUTH_TOKEN,
        public_base_url=PUBLIC_BASE_URL,
    )
    await invite(twilio_client.app[CONTEXT], PHONE)
    await post_signed(
        twilio_client,
        "/twilio/sms",
        sms_form(PHONE, "STOP"),
        auth_token=AUTH_TOKEN,
        public_base_url=PUBLIC_BASE_URL,
    )
    assert await invite(twilio_client.app[CONTEXT], PHONE) is InviteResult.STOPPED

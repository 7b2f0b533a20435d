"""Portal people list: who a coordinator sees, who they never see, and inviting people."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from companion.crypto.keyring import Keyring
from companion.db.models import Consent, OutboxMessage, ShareCode
from companion.db.people import add_person
from companion.sharing.share_codes import ALPHABET
from companion.web.keys import CONTEXT
from tests.conftest import AppClient
from tests.support.clock import ManualClock
from tests.support.portal import (
    Enrolled,
    audit_entries,
    csrf_of,
    enrolled_coordinator,
    person_sharing,
    sample_summary,
    store_summary,
)


@pytest.fixture
async def other(client: AppClient, keyring: Keyring, clock: ManualClock) -> Enrolled:
    """A second coordinator in another team (not logged in)."""
    sessions = client.app[CONTEXT].sessions
    return await enrolled_coordinator(
        sessions, keyring, clock(), email="jo@south.example", name="Jo Ade", team="South"
    )


async def test_people_list_shows_only_active_consents_to_me(
    client: AppClient, sam: Enrolled, other: Enrolled, keyring: Keyring, clock: ManualClock
) -> None:
    """Active consents to me appear (name, else number ending); asked, ended or others' do not."""
    sessions, now = client.app[CONTEXT].sessions, clock()
    await person_sharing(sessions, keyring, sam.id, now, phone="+447700900111", name="Alex Doe")
    await person_sharing(sessions, keyring, sam.id, now, phone="+447700900222")
    await person_sharing(sessions, keyring, sam.id, now, phone="+447700900333", status="asked")
    await person_sharing(sessions, keyring, sam.id, now, phone="+447700900444", status="withdrawn")
    await person_sharing(sessions, keyring, other.id, now, phone="+447700900555", name="Not Mine")
    page = await (await client.get("/portal/people")).text()
    assert "Alex Doe" in page
    assert "Person ending 0222" in page
    for hidden in ("0333", "0444", "0555", "Not Mine"):
        assert hidden not in page
    (entry,) = await audit_entries(sessions, "view_people")
    assert entry.actor == f"coordinator:{sam.id}"


async def test_another_coordinators_person_is_404_and_audited_denied(
    client: AppClient, sam: Enrolled, other: Enrolled, keyring: Keyring, clock: ManualClock
) -> None:
    """Sam asking for a consent given to Jo gets 404 on every route, each audited "denied"."""
    sessions, now = client.app[CONTEXT].sessions, clock()
    person_id, consent_id = await person_sharing(sessions, keyring, other.id, now)
    summary = sample_summary()
    await store_summary(
        sessions,
        person_id=person_id,
        consent_id=consent_id,
        coordinator=other,
        summary=summary,
        now=now,
    )
    base = f"/portal/people/{consent_id}"
    for path in (
        base,
        f"{base}/summary/2026-W22",
        f"{base}/summary/2026-W22.json",
        f"{base}/summary/2026-W22/print",
    ):
        response = await client.get(path)
        assert response.status == 404, path
        assert "Back to your people" in await response.text()
    denied = [e for e in await audit_entries(sessions) if e.outcome == "denied"]
    assert [e.action for e in denied] == ["view_person", "view_person", "download_fhir", "print"]
    assert {e.subject for e in denied} == {consent_id}
    assert {e.actor for e in denied} == {f"coordinator:{sam.id}"}


async def test_withdrawn_consent_disappears_and_its_pages_404(
    client: AppClient, sam: Enrolled, keyring: Keyring, clock: ManualClock
) -> None:
    """Once withdrawn, the person leaves the list and their summary pages are gone at once."""
    sessions, now = client.app[CONTEXT].sessions, clock()
    person_id, consent_id = await person_sharing(sessions, keyring, sam.id, now, name="Alex Doe")
    await store_summary(
        sessions,
        person_id=person_id,
        consent_id=consent_id,
        coordinator=sam,
        summary=sample_summary(),
        now=now,
    )
    assert (await client.get(f"/portal/people/{consent_id}")).status == 200
    async with sessions.begin() as session:
        await session.execute(
            update(Consent).where(Consent.id == consent_id).values(status="withdrawn", ended_at=now)
        )
    assert "Alex Doe" not in await (await client.get("/portal/people")).text()
    assert (await client.get(f"/portal/people/{consent_id}")).status == 404
    assert (await client.get(f"/portal/people/{consent_id}/summary/2026-W22.json")).status == 404
    outcomes = [e.outcome for e in await audit_entries(sessions, "view_person")]
    assert outcomes == ["ok", "denied"]


async def test_new_share_code_is_shown_with_the_text_instruction(
    client: AppClient, sam: Enrolled, clock: ManualClock
) -> None:
    """The button makes a 6-character code, valid 14 days, shown as "text SHARE <code>"."""
    sessions = client.app[CONTEXT].sessions
    people = await (await client.get("/portal/people")).text()
    response = await client.post("/portal/share-codes", data={"csrf": csrf_of(people)})
    assert response.status == 200  # followed the redirect back to the list
    async with sessions() as session:
        (code,) = (await session.scalars(select(ShareCode))).all()
    assert len(code.code) == 6
    assert set(code.code) <= set(ALPHABET)
    assert code.coordinator_id == sam.id
    assert code.expires_at - code.created_at == timedelta(days=14)
    assert f"text <strong>SHARE {code.code}</strong>" in await response.text()
    clock.advance(days=15)
    assert code.code not in await (await client.get("/portal/people")).text()


async def test_ask_by_text_says_the_same_whether_or_not_the_number_is_known(
    client: AppClient, sam: Enrolled, keyring: Keyring, clock: ManualClock
) -> None:
    """A known active person gets an ask (consent "asked"); an unknown number gets nothing,
    and the page cannot tell the two apart."""
    sessions = client.app[CONTEXT].sessions
    async with sessions.begin() as session:
        known = await add_person(session, keyring, "+447700900777", "active", clock())
    pages = []
    for number in ("07700 900777", "07700 900778"):
        people = await (await client.get("/portal/people")).text()
        response = await client.post(
            "/portal/share-requests", data={"csrf": csrf_of(people), "phone": number}
        )
        pages.append(re.sub(r'name="csrf" value="[^"]+"', "", await response.text()))
    assert pages[0] == pages[1]
    assert "they will get a text from us asking" in pages[0]
    async with sessions() as session:
        consents = (await session.scalars(select(Consent))).all()
        queued = (await session.scalars(select(OutboxMessage))).all()
    assert [(c.person_id, c.status, c.coordinator_id) for c in consents] == [
        (known.id, "asked", sam.id)
    ]
    assert {m.person_id for m in queued} == {known.id}
    outcomes = [e.outcome for e in await audit_entries(sessions, "share_request")]
    assert outcomes == ["sent", "not_sent"]
    bad = await client.post("/portal/share-requests", data={"csrf": csrf_of(people), "phone": "x"})
    assert "not look like a phone number" in await bad.text()

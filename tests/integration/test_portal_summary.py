"""Portal summary pages: charts, worth discussing, FHIR download, printing, headers."""

from __future__ import annotations

import json
import re

from fhir.resources.R4B.bundle import Bundle

from companion.crypto.keyring import Keyring
from companion.web.keys import CONTEXT
from tests.conftest import AppClient
from tests.support.clock import ManualClock
from tests.support.portal import (
    Enrolled,
    audit_entries,
    person_sharing,
    sample_summary,
    store_summary,
)


async def test_summary_page_shows_charts_and_what_is_worth_discussing(
    client: AppClient, sam: Enrolled, keyring: Keyring, clock: ManualClock
) -> None:
    """The latest summary opens with an SVG sparkline per trend, the goal, and earlier weeks."""
    sessions, now = client.app[CONTEXT].sessions, clock()
    person_id, consent_id = await person_sharing(sessions, keyring, sam.id, now)
    for week in ("2026-W21", "2026-W22"):
        summary = {**sample_summary(week), "person_label": week}
        await store_summary(
            sessions,
            person_id=person_id,
            consent_id=consent_id,
            coordinator=sam,
            summary=summary,
            now=now,
        )
    page = await (await client.get(f"/portal/people/{consent_id}/summary/2026-W22")).text()
    assert page.count('<svg class="spark"') == 2
    paths = re.findall(r'<path d="(M[^"]+)"', page)
    assert len(paths) == 2
    assert paths[0].count("M") == 2  # the week with no sleep logged leaves a gap
    assert "Worth discussing" in page
    assert "152/94 mmHg" in page
    assert "Weight up 5.6 kg over 8 weeks" in page
    assert "walk to the park twice this week" in page
    assert "Sleepy or slowed down in the day: a lot, and it is bothering them" in page
    assert "Crisis support" not in page  # no safety events, no section
    assert 'href="/portal/people/' + consent_id + '/summary/2026-W21"' in page
    assert "<strong>25 to 31 May 2026</strong> (shown)" in page
    assert "Week of 25 to 31 May 2026." in page
    assert "2026-W2" not in page.replace("/summary/2026-W2", "")  # no ISO week codes shown
    earlier = await client.get(f"/portal/people/{consent_id}/summary/2026-W21")
    assert "<strong>18 to 24 May 2026</strong> (shown)" in await earlier.text()
    assert (await client.get(f"/portal/people/{consent_id}/summary/2026-W05")).status == 404
    assert "<script" not in page


async def page_with_safety_event(
    client: AppClient, sam: Enrolled, keyring: Keyring, clock: ManualClock, category: str
) -> str:
    """The person page of a summary holding one shared safety event of `category`."""
    sessions, now = client.app[CONTEXT].sessions, clock()
    person_id, consent_id = await person_sharing(sessions, keyring, sam.id, now)
    events = [{"at": "2026-05-27T22:10:00+00:00", "category": category, "negated": False}]
    summary = {**sample_summary(), "safety_events": events}
    await store_summary(
        sessions,
        person_id=person_id,
        consent_id=consent_id,
        coordinator=sam,
        summary=summary,
        now=now,
    )
    return await (await client.get(f"/portal/people/{consent_id}/summary/2026-W22")).text()


async def test_safety_events_show_only_when_present(
    client: AppClient, sam: Enrolled, keyring: Keyring, clock: ManualClock
) -> None:
    """A summary with a shared safety event shows the crisis-support section."""
    page = await page_with_safety_event(client, sam, keyring, clock, "suicide")
    assert "Crisis support" in page
    assert "27 May 2026" in page
    assert "someone else" not in page


async def test_someone_elses_crisis_is_not_shown_as_the_persons_own(
    client: AppClient, sam: Enrolled, keyring: Keyring, clock: ManualClock
) -> None:
    """A friend's crisis ("my friend said she wants to die") is not shown as their own."""
    page = await page_with_safety_event(client, sam, keyring, clock, "someone_else")
    assert "words about someone else in crisis" in page
    assert "crisis words in a message" not in page


async def test_fhir_download_is_a_valid_r4_bundle_and_audited(
    client: AppClient, sam: Enrolled, keyring: Keyring, clock: ManualClock
) -> None:
    """The JSON download validates with fhir.resources and carries the signed-off LOINC codes."""
    sessions, now = client.app[CONTEXT].sessions, clock()
    person_id, consent_id = await person_sharing(sessions, keyring, sam.id, now)
    await store_summary(
        sessions,
        person_id=person_id,
        consent_id=consent_id,
        coordinator=sam,
        summary=sample_summary(),
        now=now,
    )
    response = await client.get(f"/portal/people/{consent_id}/summary/2026-W22.json")
    assert response.status == 200
    assert response.content_type == "application/fhir+json"
    assert "attachment" in response.headers["Content-Disposition"]
    document = json.loads(await response.text())
    bundle = Bundle.model_validate(document)
    kinds = [entry.resource.get_resource_type() for entry in bundle.entry or []]
    assert kinds.count("Observation") == 4
    assert {"Patient", "Practitioner", "Goal", "Consent"} <= set(kinds)
    codes = {
        c["code"]
        for e in document["entry"]
        for c in e["resource"].get("code", {}).get("coding", [])
    }
    assert {"29463-7", "85354-9", "8280-0"} <= codes
    (bp,) = [e["resource"] for e in document["entry"] if e["resource"].get("component")]
    parts = {c["code"]["coding"][0]["code"]: c["valueQuantity"]["value"] for c in bp["component"]}
    assert parts == {"8480-6": 152, "8462-4": 94}
    (entry,) = await audit_entries(sessions, "download_fhir")
    assert (entry.outcome, entry.subject) == ("ok", consent_id)
    again = json.loads(
        await (await client.get(f"/portal/people/{consent_id}/summary/2026-W22.json")).text()
    )
    assert [e["fullUrl"] for e in again["entry"]] == [e["fullUrl"] for e in document["entry"]]


async def test_printable_page_is_audited(
    client: AppClient, sam: Enrolled, keyring: Keyring, clock: ManualClock
) -> None:
    """The print view holds the summary without the portal's navigation, and is audited."""
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
    response = await client.get(f"/portal/people/{consent_id}/summary/2026-W22/print")
    page = await response.text()
    assert response.status == 200
    assert "Weekly summary: Alex Doe" in page
    assert "Log out" not in page
    assert [e.outcome for e in await audit_entries(sessions, "print")] == ["ok"]


async def test_portal_headers_on_every_page(
    client: AppClient, sam: Enrolled, keyring: Keyring, clock: ManualClock
) -> None:
    """CSP, no caching, nosniff, no referrer and no framing on pages, downloads and errors."""
    sessions, now = client.app[CONTEXT].sessions, clock()
    person_id, consent_id = await person_sharing(sessions, keyring, sam.id, now)
    await store_summary(
        sessions,
        person_id=person_id,
        consent_id=consent_id,
        coordinator=sam,
        summary=sample_summary(),
        now=now,
    )
    paths = [
        "/portal/login",
        "/portal/people",
        f"/portal/people/{consent_id}",
        f"/portal/people/{consent_id}/summary/2026-W22.json",
        "/portal/people/0123abc",
        "/portal/static/portal.css",
    ]
    for path in paths:
        response = await client.get(path)
        csp = response.headers["Content-Security-Policy"]
        assert "default-src 'none'" in csp, path
        assert "frame-ancestors 'none'" in csp
        assert "script-src" not in csp
        assert response.headers["Cache-Control"] == "no-store"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "no-referrer"
    bare = await client.get("/portal", allow_redirects=False)
    assert (bare.status, bare.headers["Location"]) == (303, "/portal/login")
    assert bare.headers["Cache-Control"] == "no-store"

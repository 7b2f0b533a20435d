"""The triaged caseload: with 30 people sharing, those needing attention come first, with why."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from datetime import timedelta

import pytest
from aiohttp.web import Application

from companion.app import create_app
from companion.config import load_settings
from companion.crypto.keyring import Keyring
from companion.web.keys import CONTEXT
from tests.conftest import AppClient
from tests.support.caseload import CRISIS_WORDS, HIGH_BP, Caseload, caseload_rows, thirty_people
from tests.support.clock import ManualClock
from tests.support.portal import Enrolled, audit_entries, enrolled_coordinator, log_in

Client = Callable[[Application], asyncio.Future[AppClient]]
# Monday 1 June 2026, 10:00 UTC: "this week so far" is the morning; last week is 25-31 May.


@pytest.fixture
async def client(
    aiohttp_client: Client, database_url: str, keyring: Keyring, clock: ManualClock
) -> AppClient:
    """The real app (simulator mode) with no-reply flagged after 7 days, on each database.

    Both, because remaking the week-so-far summaries locks the consents (FOR UPDATE on
    PostgreSQL), as the summary job does.
    """
    env = {"DATABASE_URL": database_url, "COMPANION_MODE": "simulator"}
    settings = load_settings({**env, "COMPANION_NO_REPLY_DAYS": "7"})
    return await aiohttp_client(create_app(settings, clock=clock, keyring=keyring))


@pytest.fixture
async def sam(client: AppClient, keyring: Keyring, clock: ManualClock) -> Enrolled:
    """An enrolled coordinator, logged in on `client`."""
    coordinator = await enrolled_coordinator(client.app[CONTEXT].sessions, keyring, clock())
    clock.advance(seconds=30)  # a fresh TOTP code
    assert (await log_in(client, coordinator, clock())).status == 303
    return coordinator


NEEDING_ATTENTION = [
    "Ade Okafor",  # two crisis texts
    "Dee Shah",  # worth discussing, then names in order
    "Eli Brooks",
    "Fay Moran",
    "Gus Adeyemi",
    "Jon Ellis",  # no reply: the longest silence first
    "Hal Kowalski",
    "Kit Murphy",
    "Ivy Chen",
]


async def test_thirty_people_needing_attention_come_first_each_with_its_reason(
    client: AppClient, sam: Enrolled, keyring: Keyring, clock: ManualClock
) -> None:
    """Crisis texts, then flags (this week and last), then no reply for 7+ days, then the rest."""
    people = Caseload(client.app[CONTEXT], keyring, clock, sam.id)
    await thirty_people(people)
    page = await (await client.get("/portal/people")).text()
    rows = caseload_rows(page)
    assert len(rows) == 30
    assert [row.name for row in rows[:9]] == NEEDING_ATTENTION
    assert [row.attention for row in rows] == [True] * 9 + [False] * 21
    assert [row.name for row in rows[9:]] == sorted(row.name for row in rows[9:])
    assert all(not row.reasons for row in rows[9:])
    seen = {row.name: row for row in rows}
    assert seen["Ade Okafor"].reasons["crisis"].startswith("2 crisis texts in the last two weeks")
    assert "latest 10:00 on 1 Jun 2026" in seen["Ade Okafor"].reasons["crisis"]  # London time
    assert "crisis" not in seen["Cal Reid"].reasons  # sent before sharing began
    assert seen["Dee Shah"].reasons["discuss"] == (
        "1 thing worth discussing: blood pressure 144/88 mmHg (reference 140/90), this week so far."
    )
    assert seen["Gus Adeyemi"].reasons["discuss"].endswith("(reference 140/90), last week.")
    assert seen["Hal Kowalski"].reasons["quiet"].startswith("No reply for 12 days")
    assert seen["Kit Murphy"].reasons["quiet"].startswith("No reply since they began sharing")
    assert seen["Hal Kowalski"].meta[0].startswith("Last reply 20 May 2026")
    assert "this week so far, as of 11:00 on 1 Jun 2026" in seen["Lena Ward"].meta[0]
    assert "-W2" not in page  # weeks are dates, never ISO week codes
    assert [e.outcome for e in await audit_entries(people.ctx.sessions, "view_people")] == ["ok"]
    rows_read = await audit_entries(people.ctx.sessions, "view_in_caseload")
    assert sorted(e.subject or "" for e in rows_read) == sorted(people.consents.values())

    # A crisis text after the latest summary shows at the next look (summaries are remade).
    clock.advance(minutes=6)
    await people.texts("Bea Novak", CRISIS_WORDS, clock())
    clock.advance(seconds=1)
    again = caseload_rows(await (await client.get("/portal/people")).text())
    assert [row.name for row in again[:2]] == ["Ade Okafor", "Bea Novak"]
    assert again[1].reasons["crisis"].startswith("1 crisis text in the last two weeks")


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_week_so_far_counts_every_answer_and_gives_every_topic_a_card(
    client: AppClient, sam: Enrolled, keyring: Keyring, clock: ManualClock
) -> None:
    """Three answers by text: "Answered 3 of 3", a fruit and veg card, its flags, due checks."""
    people = Caseload(client.app[CONTEXT], keyring, clock, sam.id)
    person_id = await people.person("Alex")
    await people.answers(person_id, timedelta(days=3), ("meds_changed", "2026-02-02"))
    await people.answers(person_id, timedelta(hours=2), HIGH_BP)
    for minute, body in enumerate(("LOG", "7", "30", "4")):
        await people.texts("Alex", body, clock() - timedelta(minutes=30 - minute))
    page = await (await client.get(f"/portal/people/{people.consents['Alex']}")).text()
    assert "<strong>This week so far</strong> (1 to 7 Jun), as of 11:00 on 1 Jun 2026." in page
    assert "Answered <strong>3</strong> of 3 check-in questions so far this week." in page
    cards = re.findall(r'<span class="trend-name">([^<]+)</span>', page)
    assert cards[:2] == ["Sleep", "Activity"]
    assert "Fruit and vegetables" in cards
    # The week so far has its own flags, and the BP chart its scale and reference band.
    assert "A blood pressure reading of 144/88 mmHg this week (reference 140/90)." in page
    assert '<span class="scale-high">144</span><span class="scale-low">140</span>' in page
    assert "within the reference range (up to 140 mmHg)" in page
    # Medicine changed 2 Feb: weight's 12-week check (27 Apr) has no reading since; BP's
    # 12-week check was the same day; the 1-year checks fall on 2 Feb 2027.
    assert "Overdue: due 27 Apr 2026, no reading sent by text since" in page
    assert page.count("<td>2 Feb 2027</td>") == 4

"""A caseload to triage: people sharing in mixed situations, and reading the page's rows.

People, consents, answers and texts are made with the real services (texts go through
the same inbound service a Twilio webhook uses), at times chosen relative to the clock.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from html.parser import HTMLParser

from sqlalchemy import update

from companion.context import ServiceContext
from companion.crypto.keyring import Keyring
from companion.db import observations
from companion.db.models import Consent
from companion.engine.reading.answers import Stored
from companion.texting.inbound import InboundSms, handle_inbound
from tests.support.clock import ManualClock
from tests.support.portal import person_sharing

CRISIS_WORDS = "I want to end my life"
SHARING_FOR = timedelta(days=30)
SLEPT = ("sleep_hours", 7)
HIGH_BP = ("bp", {"systolic": 144, "diastolic": 88})
FINE_BP = ("bp", {"systolic": 122, "diastolic": 78})
DOING_FINE = (
    "Lena Ward", "Mo Hassan", "Nia Evans", "Olu Bello", "Pat Quinn", "Raj Mehta", "Sara Lind",
    "Tom Hale", "Uma Rao", "Val Dunn", "Wes Cole", "Xin Liu", "Yara Haddad", "Zac Price",
    "Amir Khan", "Beth Lowe", "Chloe Park", "Dan Ortiz", "Eve Marsh",
)  # fmt: skip


class Caseload:
    """People sharing with a coordinator, made by the real services, answering at chosen times."""

    def __init__(
        self, ctx: ServiceContext, keyring: Keyring, clock: ManualClock, coordinator_id: str
    ) -> None:
        self.ctx, self.keyring, self.clock = ctx, keyring, clock
        self.coordinator_id = coordinator_id
        self.phones: dict[str, str] = {}
        self.consents: dict[str, str] = {}

    async def person(self, name: str, since: timedelta = SHARING_FOR) -> str:
        """A person called `name`, sharing everything since `since` ago."""
        phone = f"+4477009{len(self.phones):05d}"
        sessions, now = self.ctx.sessions, self.clock()
        person_id, consent_id = await person_sharing(
            sessions, self.keyring, self.coordinator_id, now, phone=phone, name=name
        )
        async with self.ctx.sessions.begin() as session:
            given = self.clock() - since
            await session.execute(
                update(Consent)
                .where(Consent.id == consent_id)
                .values(asked_at=given, given_at=given)
            )
        self.phones[name], self.consents[name] = phone, consent_id
        return person_id

    async def answers(self, person_id: str, ago: timedelta, *answers: tuple[str, Stored]) -> None:
        """Check-in answers recorded `ago` before now."""
        async with self.ctx.sessions.begin() as session:
            await observations.insert_now(
                session, self.keyring, person_id, list(answers), self.clock() - ago
            )

    async def texts(self, name: str, body: str, at: datetime) -> None:
        """An inbound text through the real inbound service, as if sent at `at`."""
        now = self.clock.now
        self.clock.now = at
        try:
            sms = InboundSms(f"SM{len(name)}{at:%d%H%M%S}", self.phones[name], body)
            await handle_inbound(self.ctx, sms)
        finally:
            self.clock.now = now


async def thirty_people(people: Caseload) -> None:
    """30 people in mixed situations: crisis, flags this week and last, quiet, and fine."""
    hour, day = timedelta(hours=1), timedelta(days=1)
    now = people.clock()
    for name in ("Bea Novak", "Ade Okafor"):
        await people.answers(await people.person(name), 3 * hour, SLEPT)
    await people.texts("Ade Okafor", CRISIS_WORDS, now - 2 * day)
    await people.texts("Ade Okafor", CRISIS_WORDS, now - 1 * hour)
    # A crisis text before sharing began is not theirs to see.
    await people.answers(await people.person("Cal Reid", since=day), 2 * hour, SLEPT)
    await people.texts("Cal Reid", CRISIS_WORDS, now - 2 * day)
    for name in ("Dee Shah", "Eli Brooks", "Fay Moran"):
        await people.answers(await people.person(name), hour, HIGH_BP)
    await people.answers(await people.person("Gus Adeyemi"), 3 * day, HIGH_BP)
    for days, name in ((12, "Hal Kowalski"), (9, "Ivy Chen"), (20, "Jon Ellis")):
        await people.answers(await people.person(name), days * day, SLEPT)
    await people.person("Kit Murphy", since=10 * day)  # no answer at all since sharing began
    for number, name in enumerate(DOING_FINE):
        person_id = await people.person(name)
        await people.answers(person_id, (number % 5 + 1) * day, SLEPT, FINE_BP)


@dataclass
class CaseRowSeen:
    """One person's row: who, why they are near the top (by reason class), and the rest."""

    consent_id: str
    attention: bool
    name: str = ""
    reasons: dict[str, str] = field(default_factory=dict)
    meta: list[str] = field(default_factory=list)


class _CaseloadParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[CaseRowSeen] = []
        self._in: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        classes = (found.get("class") or "").split()
        if tag == "li" and "case" in classes:
            self.rows.append(CaseRowSeen(str(found["data-consent"]), "attention" in classes))
        elif self.rows and tag in {"span", "li"} and self._in is None:
            kinds = [c for c in classes if c.startswith("reason-")] or (
                ["name"] if "name" in classes else ["meta"] if "meta" in classes else []
            )
            if kinds:
                self._in, self._text = kinds[0], []

    def handle_endtag(self, tag: str) -> None:
        if self._in is None or tag not in {"span", "li"}:
            return
        text = " ".join("".join(self._text).split())
        row = self.rows[-1]
        if self._in == "name":
            row.name = text
        elif self._in == "meta":
            row.meta.append(text)
        else:
            row.reasons[self._in.removeprefix("reason-")] = text
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in is not None:
            self._text.append(data)


def caseload_rows(page: str) -> list[CaseRowSeen]:
    """The caseload's rows in the order the page lists them."""
    parser = _CaseloadParser()
    parser.feed(page)
    return parser.rows

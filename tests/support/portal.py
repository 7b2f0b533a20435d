"""Portal test helpers: enrolled coordinators, people who share, sealed summaries, logins.

Rows are made with the real services and models; summaries are sealed with HPKE to
the coordinator's public key exactly as the summary job does.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from aiohttp import ClientResponse
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from companion.accounts.coordinators import add_coordinator, complete_enrolment, pending_enrolment
from companion.crypto import hpke_box
from companion.crypto.keyring import Keyring
from companion.crypto.passwords import Argon2Params
from companion.crypto.sealing import associated_data, seal
from companion.crypto.totp import code_at
from companion.db.models import AuditEntry, Consent, Coordinator, Summary
from companion.db.people import add_person
from tests.conftest import AppClient

CHEAP = Argon2Params(memory_kib=64, iterations=1, lanes=1)
PASSPHRASE = "walking by the river twice"
ALL_SHARES = "checkins side_effects goals safety"
_CSRF = re.compile(r'name="csrf" value="([^"]+)"')


@dataclass(frozen=True)
class Enrolled:
    """A coordinator who finished enrolment, with what a test needs to log in as them."""

    id: str
    email: str
    totp_secret: bytes
    public_key: bytes


def totp_code(secret: bytes, now: datetime) -> str:
    """The code an authenticator app would show at `now`."""
    return code_at(secret, now)


async def enrolled_coordinator(
    sessions: async_sessionmaker[AsyncSession],
    keyring: Keyring,
    now: datetime,
    email: str = "sam.patel@nhs.example",
    name: str = "Sam Patel",
    team: str = "North Community Team",
) -> Enrolled:
    """Add and enrol a coordinator through the services (cheap Argon2 for speed)."""
    async with sessions.begin() as session:
        added = await add_coordinator(session, keyring, name=name, email=email, team=team, now=now)
        pending = await pending_enrolment(session, keyring, added.token, now)
        assert pending is not None
        code = totp_code(pending.totp_secret, now)
        await complete_enrolment(
            session,
            pending,
            passphrase=PASSPHRASE,
            passphrase_again=PASSPHRASE,
            code=code,
            now=now,
            params=CHEAP,
        )
        coordinator = await session.get(Coordinator, added.coordinator_id)
        assert coordinator is not None
        assert coordinator.public_key is not None
        return Enrolled(coordinator.id, email, pending.totp_secret, coordinator.public_key)


async def person_sharing(
    sessions: async_sessionmaker[AsyncSession],
    keyring: Keyring,
    coordinator_id: str,
    now: datetime,
    *,
    phone: str = "+447700900123",
    name: str | None = None,
    status: str = "active",
    shares: str = ALL_SHARES,
) -> tuple[str, str]:
    """A person with a consent (active by default) to the coordinator: (person id, consent id)."""
    async with sessions.begin() as session:
        person = await add_person(session, keyring, phone, "active", now)
        if name is not None:
            person.name = seal(keyring, name, associated_data("person", "name", person.id))
        consent = Consent(
            person_id=person.id,
            coordinator_id=coordinator_id,
            status=status,
            shares=shares,
            asked_at=now,
            given_at=now if status != "asked" else None,
            ended_at=now if status in {"withdrawn", "lapsed"} else None,
        )
        session.add(consent)
        await session.flush()
        return person.id, consent.id


async def store_summary(
    sessions: async_sessionmaker[AsyncSession],
    *,
    person_id: str,
    consent_id: str,
    coordinator: Enrolled,
    summary: dict[str, Any],
    now: datetime,
) -> None:
    """Seal a summary dict to the coordinator's public key and store it."""
    week = str(summary["week"])
    info = hpke_box.summary_info(person_id, coordinator.id, week)
    sealed = hpke_box.seal(coordinator.public_key, json.dumps(summary).encode(), info)
    async with sessions.begin() as session:
        session.add(
            Summary(
                consent_id=consent_id,
                person_id=person_id,
                coordinator_id=coordinator.id,
                week=week,
                ciphertext=sealed,
                created_at=now,
            )
        )


def sample_summary(week: str = "2026-W22", label: str = "Alex") -> dict[str, Any]:
    """A realistic summary in the schema the summary job writes (version 1)."""
    weeks = [f"2026-W{n:02d}" for n in range(14, 23)]
    sleep = [6.5, 7.0, None, 6.0, 7.5, 7.0, 6.8, 7.2, 7.4]
    weight = [84.0, 84.5, 85.1, 85.9, 86.4, 87.2, 88.0, 88.9, 89.6]
    return {
        "version": 1,
        "week": week,
        "week_start": "2026-05-25",
        "week_end": "2026-05-31",
        "generated_at": "2026-06-01T06:00:00+00:00",
        "person_label": label,
        "shares": ["checkins", "goals", "safety", "side_effects"],
        "response_rate": {"answered": 6, "prompted": 7},
        "trends": [
            {
                "key": "sleep_hours",
                "unit": "h",
                "weeks": [
                    {"week": w, "value": v, "n": 0 if v is None else 5}
                    for w, v in zip(weeks, sleep, strict=True)
                ],
                "latest": 7.4,
            },
            {
                "key": "weight_kg",
                "unit": "kg",
                "weeks": [
                    {"week": w, "value": v, "n": 1} for w, v in zip(weeks, weight, strict=True)
                ],
                "latest": 89.6,
            },
        ],
        "worth_discussing": [
            {"key": "bp", "detail": {"systolic": 152, "diastolic": 94, "limit": "140/90"}},
            {"key": "weight_gain", "detail": {"gain_kg": 5.6, "weeks": 8}},
            {"key": "side_effect", "detail": {"domain": "sleepy", "rating": 2, "bothering": True}},
        ],
        "side_effects": {
            "to_raise": [{"domain": "sleepy", "rating": 2, "bothering": True, "week": week}],
            "notes": [
                {"at": "2026-05-27T18:02:00+00:00", "text": "dry mouth since the new tablets"}
            ],
        },
        "goal": {
            "text": "walk to the park twice this week",
            "set_at": "2026-05-04T09:00:00+00:00",
            "reviews": [
                {"week": "2026-W20", "outcome": "partly"},
                {"week": "2026-W21", "outcome": "done"},
                {"week": week, "outcome": "done"},
            ],
        },
        "calendar": {"medicine_changed_on": "2026-04-20", "health_check_done": False},
        "measurements": [
            {"at": "2026-05-26T08:10:00+00:00", "key": "weight_kg", "value": 89.6},
            {
                "at": "2026-05-28T08:15:00+00:00",
                "key": "bp",
                "value": {"systolic": 152, "diastolic": 94},
            },
            {"at": "2026-05-29T08:15:00+00:00", "key": "waist_cm", "value": 101.5},
            {"at": "2026-05-29T08:20:00+00:00", "key": "glucose_mmol", "value": 6.1},
        ],
        "safety_events": [],
    }


def csrf_of(page: str) -> str:
    """The CSRF token in a page's first form."""
    match = _CSRF.search(page)
    assert match is not None, "no CSRF field on the page"
    return match.group(1)


async def log_in(
    client: AppClient,
    coordinator: Enrolled,
    now: datetime,
    *,
    passphrase: str = PASSPHRASE,
    code: str | None = None,
) -> ClientResponse:
    """Open the login page and post the form (redirects not followed)."""
    page = await (await client.get("/portal/login")).text()
    form = {
        "csrf": csrf_of(page),
        "email": coordinator.email,
        "passphrase": passphrase,
        "code": code if code is not None else totp_code(coordinator.totp_secret, now),
    }
    return await client.post("/portal/login", data=form, allow_redirects=False)


async def audit_entries(
    sessions: async_sessionmaker[AsyncSession], action: str | None = None
) -> list[AuditEntry]:
    """Audit entries, oldest first (only those with `action` if given)."""
    query = select(AuditEntry).order_by(AuditEntry.seq)
    if action is not None:
        query = query.where(AuditEntry.action == action)
    async with sessions() as session:
        return list((await session.scalars(query)).all())

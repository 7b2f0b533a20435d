"""A coordinator's caseload: the people who share with them now, and their summaries.

Every read starts from an *active* consent to *this* coordinator; nothing here can
reach a person or a summary any other way. Summaries are opened with the
coordinator's private key, which only a logged-in portal session holds.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from companion.crypto.hpke_box import open_, summary_info
from companion.crypto.keyring import Keyring
from companion.crypto.sealing import unseal
from companion.db.models import Consent, Person, Summary
from companion.db.people import person_phone
from companion.db.sealed import PERSON_NAME
from companion.db.states import ConsentStatus


@dataclass(frozen=True)
class SharingPerson:
    """One row of the people list. The name is the person's own, if they gave one."""

    consent_id: str
    name: str | None
    phone_ending: str
    shares: tuple[str, ...]
    given_at: datetime | None


async def active_consent(
    session: AsyncSession, coordinator_id: str, consent_id: str
) -> Consent | None:
    """The consent if it is active and to this coordinator; otherwise None."""
    consent = await session.get(Consent, consent_id)
    if (
        consent is None
        or consent.status != ConsentStatus.ACTIVE
        or consent.coordinator_id != coordinator_id
    ):
        return None
    return consent


async def sharing_people(
    session: AsyncSession, keyring: Keyring, coordinator_id: str
) -> list[SharingPerson]:
    """Everyone with an active consent to this coordinator, by name then number ending."""
    rows = await session.execute(
        select(Consent, Person)
        .join(Person, Person.id == Consent.person_id)
        .where(Consent.coordinator_id == coordinator_id, Consent.status == ConsentStatus.ACTIVE)
    )
    people = []
    for consent, person in rows.all():
        people.append(
            SharingPerson(
                consent_id=consent.id,
                name=person_name(keyring, person),
                phone_ending=person_phone(keyring, person)[-4:],
                shares=tuple(consent.shares.split()),
                given_at=consent.given_at,
            )
        )
    return sorted(people, key=lambda p: (p.name is None, (p.name or "").casefold(), p.phone_ending))


def person_name(keyring: Keyring, person: Person) -> str | None:
    """The name the person gave us, unsealed, or None."""
    if person.name is None:
        return None
    return unseal(keyring, person.name, PERSON_NAME.bound_to(person.id))


async def person_of(session: AsyncSession, consent: Consent) -> Person:
    """The person who gave this consent."""
    person = await session.get(Person, consent.person_id)
    assert person is not None  # a foreign key with ON DELETE CASCADE
    return person


async def summary_weeks(session: AsyncSession, consent: Consent) -> Sequence[str]:
    """The weeks with a stored summary under this consent, newest first."""
    weeks = await session.scalars(
        select(Summary.week).where(Summary.consent_id == consent.id).order_by(Summary.week.desc())
    )
    return weeks.all()


async def open_summary(
    session: AsyncSession, consent: Consent, week: str, private_key: X25519PrivateKey
) -> dict[str, Any] | None:
    """Decrypt this consent's summary for `week`, or None if there is none.

    Raises:
        OpenError: the summary does not open with this key (another coordinator's
            key, a key from before re-enrolment, or tampering).
    """
    row = await session.scalar(
        select(Summary).where(Summary.consent_id == consent.id, Summary.week == week)
    )
    if row is None:
        return None
    info = summary_info(row.person_id, row.coordinator_id, row.week)
    document: dict[str, Any] = json.loads(open_(private_key, row.ciphertext, info))
    return document


async def open_summaries(
    session: AsyncSession,
    consents: Sequence[Consent],
    weeks: Sequence[str],
    private_key: X25519PrivateKey,
) -> dict[tuple[str, str], dict[str, Any]]:
    """These consents' summaries for `weeks`, opened, by (consent id, week); one read.

    A summary that does not open with this key (or is not JSON) is left out, as is a
    consent that is not this coordinator's: each is opened under its own binding.
    """
    if not consents or not weeks:
        return {}
    rows = await session.scalars(
        select(Summary).where(
            Summary.consent_id.in_([consent.id for consent in consents]),
            Summary.week.in_(weeks),
        )
    )
    opened: dict[tuple[str, str], dict[str, Any]] = {}
    for row in rows:
        info = summary_info(row.person_id, row.coordinator_id, row.week)
        try:
            opened[(row.consent_id, row.week)] = json.loads(
                open_(private_key, row.ciphertext, info)
            )
        except ValueError:  # OpenError is one: another key, a stale key, or tampering
            continue
    return opened

"""Reading and writing people, with their number and name sealed."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from companion.crypto.blind_index import phone_index
from companion.crypto.keyring import Keyring
from companion.crypto.sealing import seal, unseal
from companion.db.models import Person, StrangerReply, new_id
from companion.db.outbox import Recipient
from companion.db.sealed import PERSON_PHONE

# Built once: every inbound message runs one, and building and keying a statement costs
# more than executing it from SQLAlchemy's compiled cache.
_BY_INDEX = select(Person).where(Person.phone_index == bindparam("index"))
_BY_INDEX_LOCKED = _BY_INDEX.with_for_update()


async def find_person(session: AsyncSession, index: str, *, lock: bool = False) -> Person | None:
    """The person with this phone blind index, locked for update if asked (PostgreSQL)."""
    query = _BY_INDEX_LOCKED if lock else _BY_INDEX
    result: Person | None = await session.scalar(query, {"index": index})
    return result


async def add_person(
    session: AsyncSession, keyring: Keyring, e164: str, status: str, now: datetime
) -> Person:
    """Insert a new person, number sealed to the row and indexed blind.

    Flushed at once so rows that refer to the person (outbox, inbound) can follow
    in the same transaction without depending on the unit of work's ordering.
    """
    person_id = new_id()
    person = Person(
        id=person_id,
        phone_index=phone_index(keyring, e164),
        phone=seal(keyring, e164, PERSON_PHONE.bound_to(person_id)),
        status=status,
        locale="en",
        created_at=now,
        updated_at=now,
    )
    session.add(person)
    await session.flush()
    return person


def recipient(keyring: Keyring, person: Person) -> Recipient:
    """Where messages to `person` go: their number (unsealed), its index, their language."""
    return Recipient(person_phone(keyring, person), person.phone_index, person.id, person.locale)


def person_phone(keyring: Keyring, person: Person) -> str:
    """The person's number, unsealed."""
    return unseal(keyring, person.phone, PERSON_PHONE.bound_to(person.id))


async def told_how_to_join_since(session: AsyncSession, index: str, since: datetime) -> bool:
    """True if this unknown number was told how to join at or after `since`."""
    row = await session.get(StrangerReply, index)
    return row is not None and row.last_replied_at >= since


async def note_told_how_to_join(session: AsyncSession, index: str, now: datetime) -> None:
    """Remember that this unknown number was just told how to join."""
    row = await session.get(StrangerReply, index)
    if row is None:
        session.add(StrangerReply(phone_index=index, last_replied_at=now))
    else:
        row.last_replied_at = now

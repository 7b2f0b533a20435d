"""Share codes: short codes a coordinator gives a person, who texts SHARE <code>.

Six characters from an alphabet without look-alikes (no 0/O, 1/I/L, U/V pairs), so a
code read aloud or copied from a note still works: 30^6, about 729 million codes.
A code lasts 14 days and is used once.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from companion.db.models import ShareCode

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 6
VALID_FOR = timedelta(days=14)
_ATTEMPTS = 8


def random_code() -> str:
    """A fresh random code."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise_code(text: str) -> str:
    """What a person typed, as a stored code would be written (case and spaces ignored)."""
    return "".join(text.split()).upper()


async def new_share_code(session: AsyncSession, coordinator_id: str, now: datetime) -> ShareCode:
    """Create a code for this coordinator, in the caller's transaction.

    Raises:
        RuntimeError: no free code was found in a few tries (the code space is full).
    """
    for _ in range(_ATTEMPTS):
        code = random_code()
        if await session.get(ShareCode, code) is None:
            row = ShareCode(
                code=code, coordinator_id=coordinator_id, created_at=now, expires_at=now + VALID_FOR
            )
            session.add(row)
            await session.flush()
            return row
    raise RuntimeError("no free share code found")


async def live_share_codes(
    session: AsyncSession, coordinator_id: str, now: datetime
) -> Sequence[ShareCode]:
    """This coordinator's codes that are unused and unexpired, newest first."""
    rows = await session.scalars(
        select(ShareCode)
        .where(ShareCode.coordinator_id == coordinator_id)
        .where(ShareCode.used_at.is_(None))
        .where(ShareCode.expires_at > now)
        .order_by(ShareCode.created_at.desc())
    )
    return rows.all()

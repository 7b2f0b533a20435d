"""Which modes have run on a database: simulator mode refuses one that Twilio mode used.

The web simulator shows any number's messages, decrypted, to whoever can reach it, and
lets them text as any number. On a database real people's texts went into that would
open their data, so a database records that Twilio mode used it, and simulator mode
(the service, the terminal phone, the demo) will not start on it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from companion.config import TWILIO, ConfigError
from companion.db.models import ModeUsed


class ModeRefused(ConfigError):
    """Simulator mode was started on a database that Twilio mode has used."""


async def claim_mode(sessions: async_sessionmaker[AsyncSession], mode: str, now: datetime) -> None:
    """Record that `mode` runs on this database, or refuse simulator mode on a Twilio one.

    Raises:
        ModeRefused: simulator mode, and Twilio mode has used this database.
    """
    async with sessions.begin() as session:
        if mode != TWILIO and await session.get(ModeUsed, TWILIO) is not None:
            raise ModeRefused(
                "COMPANION_MODE: simulator refused, this database has real people's texts"
                " (Twilio mode used it); use a database of its own, e.g."
                " DATABASE_URL=sqlite+aiosqlite:///./simulator.db"
            )
        row = await session.get(ModeUsed, mode)
        if row is None:
            session.add(ModeUsed(mode=mode, first_at=now, last_at=now))
        else:
            row.last_at = now

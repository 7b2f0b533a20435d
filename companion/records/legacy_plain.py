"""Sealing values that migration 0006 found in the clear.

`safety_event.category`, `safety_event.pattern`, `consent_event.wording` and the
coordinator's `name` and `team` were plain text before 0006. A migration cannot
reach the keyring, so 0006 only turns them into bytes; this seals them, in batches,
when the service starts and when an operator runs `companion keys reencrypt`. A
sealed value starts with its format version byte (1); these texts never do, so what
is still plain is found in SQL without decrypting.
"""

from __future__ import annotations

import logging

from sqlalchemy import ColumnElement, LargeBinary, func, literal, select, update

from companion.context import ServiceContext
from companion.crypto.sealing import seal
from companion.db.sealed import (
    CONSENT_WORDING,
    COORDINATOR_NAME,
    COORDINATOR_TEAM,
    SAFETY_CATEGORY,
    SAFETY_PATTERN,
    SealedColumn,
)

log = logging.getLogger(__name__)

ONCE_PLAIN: tuple[SealedColumn, ...] = (
    SAFETY_CATEGORY,
    SAFETY_PATTERN,
    CONSENT_WORDING,
    COORDINATOR_NAME,
    COORDINATOR_TEAM,
)
_SEALED_VERSION = b"\x01"


def still_plain(column: SealedColumn) -> ColumnElement[bool]:
    """SQL: the column's value is not a sealed value (it predates 0006)."""
    head = func.substr(column.attribute, 1, 1, type_=LargeBinary)
    return head != literal(_SEALED_VERSION, LargeBinary)


async def seal_plain_values(ctx: ServiceContext, *, batch: int = 500) -> int:
    """Seal every value of `ONCE_PLAIN` still in the clear; how many were sealed."""
    done = 0
    for column in ONCE_PLAIN:
        while True:
            async with ctx.sessions() as session, session.begin():
                model_id = column.model.__table__.c.id
                rows = (
                    await session.execute(
                        select(model_id, column.attribute)
                        .where(still_plain(column))
                        .limit(batch)
                        .with_for_update()
                    )
                ).all()
                changes = [
                    {
                        "id": row_id,
                        column.column: seal(
                            ctx.keyring,
                            bytes(value).decode("utf-8", errors="replace"),
                            column.bound_to(row_id),
                        ),
                    }
                    for row_id, value in rows
                ]
                if changes:
                    await session.execute(update(column.model), changes)
            done += len(changes)
            if len(rows) < batch:
                break
    if done:
        log.info("sealed values that were plain before migration 0006", extra={"count": done})
    return done

"""Key rotation: re-seal every stored value under the current data key, in batches.

Each batch is its own short transaction, so the service keeps running and a pass that
is interrupted (the process killed) loses at most one uncommitted batch: running it
again skips every value already under the current key and carries on. Which key a
value uses is read from its first bytes (`sealing.key_id_of`), in SQL, without
decrypting anything.

The running service must already hold the new key (restart it after `keys rotate`),
or it could not read the values this moves onto that key.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from sqlalchemy import ColumnElement, LargeBinary, and_, func, literal, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from companion.accounts import public_keys
from companion.context import ServiceContext
from companion.crypto.keyring import Keyring, KeyringError
from companion.crypto.sealing import SealError, seal, unseal
from companion.db.models import Coordinator
from companion.db.sealed import SEALED_COLUMNS, SealedColumn

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


# Not sealed but MACed with a data key (same id prefix): counted so a key still used
# for a binding cannot be retired; `reencrypt` re-makes them (`accounts.public_keys`).
BINDING_COLUMNS: tuple[SealedColumn, ...] = (SealedColumn(Coordinator, "public_key_binding"),)


def key_prefix(key_id: str) -> bytes:
    """The bytes every value sealed with `key_id` starts with (format version, id).

    Taken from a real sealed value rather than restating the format here.
    """
    probe = seal(Keyring({key_id: bytes(32)}, key_id, bytes(32)), "", b"")
    return probe[: 2 + probe[1]]


def sealed_with(column: InstrumentedAttribute[Any], key_id: str) -> ColumnElement[bool]:
    """SQL: the column's value was sealed with this key."""
    prefix = key_prefix(key_id)
    head = func.substr(column, 1, len(prefix), type_=LargeBinary)
    return head == literal(prefix, LargeBinary)


async def values_under(ctx: ServiceContext, key_id: str) -> int:
    """How many stored values are still sealed with `key_id` (retire only at zero)."""
    async with ctx.sessions() as session, session.begin():
        return await _count(session, lambda c: sealed_with(c.attribute, key_id))


async def values_not_current(ctx: ServiceContext) -> int:
    """How many stored values are sealed with a key other than the current one."""
    async with ctx.sessions() as session, session.begin():
        return await _count(session, lambda c: _stale(c, ctx.keyring))


async def reencrypt(
    ctx: ServiceContext, *, batch: int = 500, on_progress: Progress | None = None
) -> int:
    """Re-seal every value not under the current key, one transaction per batch.

    Args:
        ctx: the service context; its keyring's current key is the target.
        batch: values per transaction.
        on_progress: called after each batch with (values re-sealed, values to do).

    Returns:
        How many values were re-sealed. Values that cannot be opened (their key is not
        in the keyring, or they were tampered with) are logged and left as they are;
        `values_under` still counts them, so their key cannot be retired.
    """
    total = await values_not_current(ctx)
    async with ctx.sessions() as session, session.begin():
        done = await public_keys.rebind(session, ctx)
    for column in SEALED_COLUMNS:
        after = ""
        while True:
            async with ctx.sessions() as session, session.begin():
                resealed, seen, after = await _batch(session, ctx.keyring, column, after, batch)
            done += resealed
            if on_progress is not None and seen:
                on_progress(done, total)
            if seen < batch:
                break
    return done


async def _batch(
    session: AsyncSession, keyring: Keyring, column: SealedColumn, after: str, size: int
) -> tuple[int, int, str]:
    """Re-seal the next `size` stale values after row id `after` (ids are the cursor)."""
    model_id = column.model.__table__.c.id
    rows = (
        await session.execute(
            select(model_id, column.attribute)
            .where(model_id > after, _stale(column, keyring))
            .order_by(model_id)
            .limit(size)
            .with_for_update()
        )
    ).all()
    changes = []
    for row_id, sealed in rows:
        where = column.bound_to(row_id)
        try:
            plain = unseal(keyring, sealed, where)
        except (SealError, KeyringError):
            log.warning("value not re-sealed: it does not open", extra={"table": column.table})
            continue
        changes.append({"id": row_id, column.column: seal(keyring, plain, where)})
    if changes:
        await session.execute(update(column.model), changes)
    return len(changes), len(rows), rows[-1][0] if rows else after


def _stale(column: SealedColumn, keyring: Keyring) -> ColumnElement[bool]:
    attribute = column.attribute
    return and_(attribute.is_not(None), ~sealed_with(attribute, keyring.current_id))


async def _count(
    session: AsyncSession, condition: Callable[[SealedColumn], ColumnElement[bool]]
) -> int:
    total = 0
    for column in SEALED_COLUMNS + BINDING_COLUMNS:
        found = await session.scalar(
            select(func.count()).select_from(column.model).where(condition(column))
        )
        total += int(found or 0)
    return total

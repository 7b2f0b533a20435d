"""Reading our tables directly, as an operator (or an attacker with the file) would."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from companion.db.connection import create_engine


async def rows(database_url: str, model: Any, *where: Any) -> list[Any]:
    """All rows of a model matching `where`."""
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            result = await connection.execute(select(model).where(*where))
            return list(result.all())
    finally:
        await engine.dispose()


async def count(database_url: str, model: Any, *where: Any) -> int:
    """How many rows of a model match `where`."""
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            return int(
                await connection.scalar(select(func.count()).select_from(model).where(*where)) or 0
            )
    finally:
        await engine.dispose()

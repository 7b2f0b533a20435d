"""Run Alembic migrations from code (`companion db upgrade`, and `serve` at start)."""

from __future__ import annotations

import functools
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlalchemy.ext.asyncio import AsyncSession

_MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(database_url: str) -> Config:
    """An Alembic config for our migrations against `database_url`."""
    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


def upgrade(database_url: str) -> None:
    """Bring the database to the newest schema. Must be called outside an event loop."""
    command.upgrade(alembic_config(database_url), "head")


@functools.cache
def head_revision() -> str:
    """The newest migration this release has (what `upgrade` brings a database to)."""
    head = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()
    assert head is not None  # we ship migrations
    return head


async def database_revision(session: AsyncSession) -> str | None:
    """The migration the database is at, or None before the first one ran."""
    try:
        version = await session.scalar(text("SELECT version_num FROM alembic_version"))
    except (ProgrammingError, OperationalError):
        return None
    return None if version is None else str(version)

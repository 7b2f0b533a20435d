"""Database backups an operator can restore: SQLite's online backup, or pg_dump.

SQLite: the backup API copies the whole file in one step under a read transaction, so
the copy is one consistent moment even while `serve` writes (WAL readers never block
writers). PostgreSQL: `pg_dump --format=custom`, which reads one snapshot. Either way
the file is written beside its final name, made 0600 before any byte is in it, and
renamed into place only when complete, so a half-written backup never looks finished.

The keyring is not in any backup: sealed columns stay sealed in the copy, and a backup
is useless without the keys, which must be kept somewhere else (deploy/README.md).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from companion.db.file_modes import OWNER_ONLY, sqlite_path

SQLITE_SUFFIX = ".sqlite3"
POSTGRES_SUFFIX = ".pgdump"
PG_DUMP_TIMEOUT_SECONDS = 6 * 3600


class BackupError(RuntimeError):
    """The backup could not be made; the message says why in one line (no secrets)."""


def backup_name(database_url: str, now: datetime) -> str:
    """`companion-20261203T023000Z.sqlite3` (or `.pgdump`): sortable, one per moment."""
    suffix = SQLITE_SUFFIX if _is_sqlite(database_url) else POSTGRES_SUFFIX
    return f"companion-{now:%Y%m%dT%H%M%SZ}{suffix}"


def destination(database_url: str, dest: Path, now: datetime) -> Path:
    """The file to write: `dest` itself, or a dated name inside `dest` if it is a folder.

    Raises:
        BackupError: the file exists already (a backup is never overwritten).
    """
    target = dest / backup_name(database_url, now) if dest.is_dir() else dest
    if target.exists():
        raise BackupError(f"{target} exists already; choose another name")
    return target


def back_up(database_url: str, target: Path) -> Path:
    """Write a consistent copy of the database to `target` (mode 0600); returns it.

    Raises:
        BackupError: the database cannot be read, or pg_dump is missing or failed.
    """
    with _partial(target) as partial:
        if _is_sqlite(database_url):
            _sqlite_backup(database_url, partial)
        else:
            _pg_dump(database_url, partial)
    return target


def _is_sqlite(database_url: str) -> bool:
    return make_url(database_url).get_backend_name() == "sqlite"


@contextlib.contextmanager
def _partial(target: Path) -> Iterator[Path]:
    """A 0600 `.partial` file beside `target`, renamed to it on success, removed on failure."""
    partial = target.with_name(target.name + ".partial")
    try:
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY))
    except OSError as error:
        raise BackupError(f"cannot write {partial} ({error.strerror})") from None
    try:
        yield partial
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def _sqlite_backup(database_url: str, partial: Path) -> None:
    source_path = sqlite_path(database_url)
    if source_path is None or not source_path.is_file():
        raise BackupError("DATABASE_URL names no SQLite file to back up")
    try:
        # Read-only: a backup must never create or change the live database.
        source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
        try:
            copy = sqlite3.connect(partial)
            try:
                source.backup(copy)  # pages=-1: the whole file in one step, one snapshot
            finally:
                copy.close()
        finally:
            source.close()
    except sqlite3.Error as error:
        raise BackupError(f"SQLite backup failed: {error}") from None


def pg_environment(database_url: str) -> dict[str, str]:
    """libpq variables for a `postgresql+asyncpg://` URL (the password never in argv)."""
    url = make_url(database_url)
    host = url.query.get("host")
    values = {
        "PGHOST": host if isinstance(host, str) else url.host,
        "PGPORT": str(url.port) if url.port else None,
        "PGUSER": url.username,
        "PGPASSWORD": url.password,
        "PGDATABASE": url.database,
    }
    return {name: value for name, value in values.items() if value}


def _pg_dump(database_url: str, partial: Path) -> None:
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        raise BackupError("pg_dump not found: apt-get install postgresql-client")
    environment = {**os.environ, **pg_environment(database_url)}
    try:
        done = subprocess.run(  # noqa: S603 (fixed program, no shell, arguments are ours)
            [pg_dump, "--format=custom", "--no-owner", "--no-privileges", f"--file={partial}"],
            env=environment,
            capture_output=True,
            text=True,
            timeout=PG_DUMP_TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise BackupError("pg_dump did not finish in time") from None
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise BackupError(f"pg_dump failed: {last}")

"""Owner-only files: the SQLite database (and so its -wal and -shm) and what we write out.

SQLite creates its -wal and -shm files with the mode of the database file, so making
the database file 0600 before SQLite first opens it covers all three. A database (or
side file) found readable by others, from before this was done, is tightened.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from sqlalchemy.engine import make_url

OWNER_ONLY = 0o600
SIDE_FILES = ("-wal", "-shm", "-journal")


def sqlite_path(url: str) -> Path | None:
    """The file a SQLite URL names, or None for an in-memory database."""
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file::memory:"):
        return None
    return Path(database)


def make_owner_only(path: Path) -> None:
    """Create `path` empty with mode 0600 if it does not exist; else take away others' access."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY)
    except FileExistsError:
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            path.chmod(mode & 0o700)
        return
    os.close(fd)


def protect_sqlite_files(url: str) -> None:
    """Make a SQLite database file, and any side files it has, owner-only."""
    path = sqlite_path(url)
    if path is None:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    make_owner_only(path)
    for suffix in SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            make_owner_only(side)


def write_owner_only(path: Path, text: str) -> None:
    """Write text to a new or existing file that only its owner can read (mode 0600)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, OWNER_ONLY)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        os.fchmod(handle.fileno(), OWNER_ONLY)  # an existing file keeps its mode otherwise
        handle.write(text)

"""`companion backup DEST`: a consistent copy of the database, audited (deploy/README.md)."""

from __future__ import annotations

import argparse
import asyncio
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from companion.cli.data import OPERATOR, operator_settings
from companion.config import Settings
from companion.context import standalone_context
from companion.db.states import AuditAction
from companion.records import audit
from companion.records.backup import BackupError, back_up, destination


def add_backup_commands(commands: Any) -> None:  # argparse's subparsers action has no type
    """Register `companion backup` on the `companion` parser."""
    backup = commands.add_parser(
        "backup", help="copy the database to a file (0600), safely while the service runs"
    )
    backup.add_argument(
        "dest", type=Path, help="a new file, or a folder to put a dated backup file in"
    )
    backup.set_defaults(run=_backup)


def _backup(args: argparse.Namespace) -> int:
    settings = operator_settings()
    try:
        target = back_up(
            settings.database_url, destination(settings.database_url, args.dest, _now())
        )
    except BackupError as error:
        print(f"companion: {error}", file=sys.stderr)
        return 1
    asyncio.run(_note(settings, target))
    print(f"backup written: {target} ({target.stat().st_size} bytes)")
    print("it holds no keys: keep COMPANION_DATA_KEYS backed up somewhere else")
    return 0


def _now() -> datetime:
    return datetime.now(UTC)


async def _note(settings: Settings, target: Path) -> None:
    """An audit entry naming the backup file (every copy of everyone's data is recorded)."""
    async with standalone_context(settings) as ctx, ctx.sessions() as session, session.begin():
        await audit.record(
            session,
            actor=OPERATOR,
            action=AuditAction.BACKUP,
            outcome="done",
            now=ctx.clock(),
            subject=target.name,
        )

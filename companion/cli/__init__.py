"""The `companion` command line: `commands` builds the parser and runs the service
commands (serve, chat, db, invite, coordinator, demo, keys new, check-content), `data`
the data-rights and key commands (export, erase, keys rotate, audit), `demo` seeds the
demo coordinator and person."""

from __future__ import annotations

from companion.cli.commands import main

__all__ = ["main"]

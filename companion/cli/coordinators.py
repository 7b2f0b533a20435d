"""`companion keys bind` and `companion coordinator list|disable|reset`.

The operator's side of coordinator accounts: every command here writes an audit entry.
"""

from __future__ import annotations

import argparse
from typing import Any

from companion.cli.data import _run
from companion.context import ServiceContext


def add_coordinator_commands(coordinator_commands: Any, keys_commands: Any) -> None:
    """Register the coordinator life-cycle commands and `keys bind` (argparse subparsers)."""
    bind = keys_commands.add_parser(
        "bind",
        help="bind coordinators' stored public keys to the keyring (once, after upgrading)",
    )
    bind.set_defaults(run=_bind)


def _bind(_args: argparse.Namespace) -> int:
    from companion.accounts.public_keys import bind_unbound

    async def work(ctx: ServiceContext) -> int:
        async with ctx.sessions() as session, session.begin():
            return await bind_unbound(session, ctx, ctx.clock())

    done = _run(work)
    print(f"bound {done} coordinator public keys to the keyring")
    return 0

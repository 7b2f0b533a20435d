"""`companion keys bind` and `companion coordinator list|disable|reset`.

The operator's side of coordinator accounts: every command here writes an audit entry.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from companion.cli.data import operator_settings, run_in_context
from companion.context import ServiceContext


def add_coordinator_commands(coordinator_commands: Any, keys_commands: Any) -> None:
    """Register the coordinator life-cycle commands and `keys bind` (argparse subparsers)."""
    listed = coordinator_commands.add_parser(
        "list", help="every coordinator: id, email, name, team, state, key check"
    )
    listed.set_defaults(run=_list)
    disable = coordinator_commands.add_parser(
        "disable", help="stop a coordinator logging in and receiving summaries"
    )
    disable.add_argument("who", help="their id or email address")
    disable.set_defaults(run=_disable)
    reset = coordinator_commands.add_parser(
        "reset",
        help="remove a coordinator's passphrase and keys (and the summaries sealed to them),"
        " end their sessions, print a new enrolment link",
    )
    reset.add_argument("who", help="their id or email address")
    reset.add_argument("--confirm", action="store_true", help="required: summaries are deleted")
    reset.set_defaults(run=_reset)
    bind = keys_commands.add_parser(
        "bind",
        help="bind coordinators' stored public keys to the keyring (once, after upgrading)",
    )
    bind.set_defaults(run=_bind)


def _list(_args: argparse.Namespace) -> int:
    from companion.accounts.life_cycle import listing

    async def work(ctx: ServiceContext) -> list[Any]:
        async with ctx.sessions() as session:
            return list(await listing(session, ctx.keyring))

    rows = run_in_context(work)
    for row in rows:
        print(f"{row.id}  {row.state:8} key:{row.key:8} {row.email}  {row.name} ({row.team})")
    if any(row.key == "mismatch" for row in rows):
        print("a key that is not the keyring's: nothing is sealed to it; run")
        print("`companion coordinator reset ID --confirm` once you know who changed it")
    return 0


def _disable(args: argparse.Namespace) -> int:
    from companion.accounts.life_cycle import disable, find

    async def work(ctx: ServiceContext) -> int | None:
        async with ctx.sessions() as session, session.begin():
            coordinator = await find(session, args.who)
            if coordinator is None:
                return None
            return await disable(session, coordinator, ctx.clock())

    ended = run_in_context(work)
    if ended is None:
        print("companion: no coordinator with that id or email", file=sys.stderr)
        return 1
    print(f"disabled; {ended} portal sessions ended; nothing more is sealed to them")
    return 0


def _reset(args: argparse.Namespace) -> int:
    from companion.accounts.coordinators import enrolment_url
    from companion.accounts.life_cycle import Reset, find, reset

    if not args.confirm:
        print(
            "companion: a reset deletes the summaries sealed to their key; add --confirm",
            file=sys.stderr,
        )
        return 2

    async def work(ctx: ServiceContext) -> Reset | None:
        async with ctx.sessions() as session, session.begin():
            coordinator = await find(session, args.who)
            return None if coordinator is None else await reset(session, coordinator, ctx.clock())

    done = run_in_context(work)
    if done is None:
        print("companion: no coordinator with that id or email", file=sys.stderr)
        return 1
    print(
        f"reset: {done.summaries_deleted} summaries sealed to the old key deleted,"
        f" {done.sessions_ended} portal sessions ended."
    )
    print("Send them this one-time link to set a passphrase and a new key pair:")
    print(enrolment_url(operator_settings().public_base_url, done.token))
    return 0


def _bind(_args: argparse.Namespace) -> int:
    from companion.accounts.public_keys import bind_unbound

    async def work(ctx: ServiceContext) -> int:
        async with ctx.sessions() as session, session.begin():
            return await bind_unbound(session, ctx, ctx.clock())

    done = run_in_context(work)
    print(f"bound {done} coordinator public keys to the keyring")
    return 0

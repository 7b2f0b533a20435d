"""The `companion` command: serve, chat, db, invite, coordinator add, demo, keys,
check-content; the data commands (export, erase, keys rotate, audit) are in `data`,
`resources check|add|retire` in `resources`, `backup` in `backup`."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from companion.cli.backup import add_backup_commands
from companion.cli.coordinators import add_coordinator_commands
from companion.cli.data import add_data_commands
from companion.cli.feedback import add_feedback_commands
from companion.cli.resources import add_resource_commands
from companion.config import ConfigError, Settings, load_settings

log = logging.getLogger("companion")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help()
        return 2
    try:
        return int(args.run(args))
    except ConfigError as error:
        print(f"companion: {error}", file=sys.stderr)
        return 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="companion", description="An opt-in SMS companion for physical health."
    )
    commands = parser.add_subparsers(title="commands")

    serve = commands.add_parser("serve", help="migrate the database and run the service")
    serve.add_argument(
        "--workers", type=int, default=1, help="processes on the one port (PostgreSQL only)"
    )
    serve.set_defaults(run=_serve)

    chat = commands.add_parser("chat", help="a terminal phone: text the service as a person")
    chat.add_argument("--phone", default="07700 900123", help="the number you text from")
    chat.set_defaults(run=_chat)

    database = commands.add_parser("db", help="database maintenance")
    db_commands = database.add_subparsers(title="db commands")
    upgrade = db_commands.add_parser("upgrade", help="bring the schema to the newest version")
    upgrade.set_defaults(run=_db_upgrade)

    invite = commands.add_parser("invite", help="text an invitation; they join only on YES")
    invite.add_argument("phone", help="the number to invite, e.g. +447700900123")
    invite.set_defaults(run=_invite)

    coordinator = commands.add_parser("coordinator", help="care coordinator accounts")
    coordinator_commands = coordinator.add_subparsers(title="coordinator commands")
    add = coordinator_commands.add_parser(
        "add", help="add a coordinator and print their one-time enrolment link"
    )
    add.add_argument("--name", required=True, help="their name, as people will see it")
    add.add_argument("--email", required=True, help="their work email address (to log in)")
    add.add_argument("--team", required=True, help="their team or service")
    add.set_defaults(run=_coordinator_add)

    demo = commands.add_parser(
        "demo", help="seed a demo coordinator and person with 8 weeks of history (simulator)"
    )
    demo.set_defaults(run=_demo)

    keys = commands.add_parser("keys", help="data keys")
    keys_commands = keys.add_subparsers(title="keys commands")
    new = keys_commands.add_parser("new", help="print a fresh COMPANION_DATA_KEYS value")
    new.set_defaults(run=_keys_new)

    check = commands.add_parser(
        "check-content", help="validate message catalogs, flows and the tip directory"
    )
    check.add_argument("--messages", type=Path, default=None, help="catalog folder to check")
    check.add_argument("--flows", type=Path, default=None, help="flow folder to check")
    check.set_defaults(run=_check_content)
    add_data_commands(commands, keys_commands)
    add_feedback_commands(commands)
    add_coordinator_commands(coordinator_commands, keys_commands)
    add_resource_commands(commands)
    add_backup_commands(commands)
    return parser


def _settings(default_mode: str = "twilio") -> Settings:
    return load_settings(os.environ, Path(".env"), default_mode)


def _serve(args: argparse.Namespace) -> int:
    from aiohttp import web

    from companion.app import create_app
    from companion.cli.workers import check_workers, serve_workers
    from companion.db.migrate import upgrade
    from companion.logs import configure_logging

    configure_logging()
    settings = _settings()
    check_workers(settings, args.workers)
    app = create_app(settings)
    upgrade(settings.database_url)
    mode = "simulator" if settings.simulator_mode else "twilio"
    log.info(
        "companion serving",
        extra={"mode": mode, "host": settings.host, "port": settings.port},
    )
    if settings.simulator_mode:
        log.info("simulator mode (COMPANION_MODE=simulator): nothing leaves this machine")
    if args.workers > 1:
        return serve_workers(settings, args.workers)
    web.run_app(app, host=settings.host, port=settings.port, print=None, access_log=None)
    return 0


def _db_upgrade(_args: argparse.Namespace) -> int:
    from companion.db.migrate import upgrade

    upgrade(_settings("simulator").database_url)
    print("database is up to date")
    return 0


def _invite(args: argparse.Namespace) -> int:
    from companion.context import standalone_context
    from companion.db.migrate import upgrade
    from companion.sms.phone import InvalidPhoneNumber, to_e164
    from companion.texting.invitations import invite

    settings = _settings("simulator")
    try:
        e164 = to_e164(args.phone)
    except InvalidPhoneNumber:
        print("companion: that is not a phone number we can text", file=sys.stderr)
        return 2
    upgrade(settings.database_url)

    async def run() -> str:
        async with standalone_context(settings) as ctx:
            return str(await invite(ctx, e164))

    result = asyncio.run(run())
    print(
        {
            "invited": "invitation queued; it is sent by the running service",
            "already_active": "that person is already signed up",
            "stopped": "that person texted STOP; only their own START can bring them back",
        }[result]
    )
    return 0 if result == "invited" else 1


def _coordinator_add(args: argparse.Namespace) -> int:
    from companion.accounts.coordinators import (
        ENROLMENT_VALID_FOR,
        CoordinatorExists,
        add_coordinator,
        enrolment_url,
    )
    from companion.context import standalone_context
    from companion.db.migrate import upgrade

    settings = _settings("simulator")
    upgrade(settings.database_url)

    async def run() -> str:
        async with standalone_context(settings) as ctx, ctx.sessions.begin() as session:
            added = await add_coordinator(
                session,
                ctx.keyring,
                name=args.name,
                email=args.email,
                team=args.team,
                now=ctx.clock(),
            )
            return added.token

    try:
        token = asyncio.run(run())
    except CoordinatorExists:
        print("companion: a coordinator with that email address already exists", file=sys.stderr)
        return 1
    except ValueError as error:
        print(f"companion: {error}", file=sys.stderr)
        return 2
    hours = int(ENROLMENT_VALID_FOR.total_seconds() // 3600)
    print(f"coordinator added. Send them this one-time link (valid {hours} hours):")
    print(enrolment_url(settings.public_base_url, token))
    return 0


def _demo(_args: argparse.Namespace) -> int:
    from companion.cli.demo import seed_demo
    from companion.content import load_content
    from companion.context import standalone_context
    from companion.db.service_modes import claim_mode

    settings = _simulator_settings("demo")
    if settings is None:
        return 2

    async def run() -> object:
        async with standalone_context(settings) as ctx:
            await claim_mode(ctx.sessions, settings.mode, ctx.clock())
            return await seed_demo(ctx, load_content().ranges)

    login = asyncio.run(run())
    if login is None:
        print("companion: the demo is already seeded (its passphrase was shown then)")
        return 0
    print("Demo seeded. Log in at", settings.public_base_url + "/portal/login")
    for label, value in vars(login).items():
        print(f"  {label}: {value}")
    print("Add the TOTP secret to an authenticator app. These are shown only once.")
    return 0


def _simulator_settings(command: str) -> Settings | None:
    """Settings for a simulator-only command, its database migrated; None (and a line
    saying why) in Twilio mode."""
    from companion.db.migrate import upgrade

    settings = _settings(default_mode="simulator")
    if not settings.simulator_mode:
        print(f"companion: {command} runs in simulator mode only (unset TWILIO_*)", file=sys.stderr)
        return None
    upgrade(settings.database_url)
    return settings


def _keys_new(_args: argparse.Namespace) -> int:
    from companion.crypto.keyring import format_keyring, new_keyring

    print(format_keyring(new_keyring()))
    return 0


def _chat(args: argparse.Namespace) -> int:
    from companion.cli.terminal_phone import run_terminal_phone

    settings = _simulator_settings("chat")
    if settings is None:
        return 2
    return asyncio.run(run_terminal_phone(settings, args.phone, sys.stdin, sys.stdout))


def _check_content(args: argparse.Namespace) -> int:
    from companion.content import check_content

    folders = {
        name: path
        for name, path in (("messages", args.messages), ("flows", args.flows))
        if path is not None
    }
    problems = check_content(datetime.now(UTC).date(), **folders)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    print("content ok")
    return 0

"""`companion export`, `erase`, `keys rotate|reencrypt|retire` and `audit verify|show`.

The operator's side of people's rights over their data (UK GDPR): every command here
writes an audit entry, and none prints a phone number it was not given.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

from companion.config import Settings, load_settings
from companion.context import ServiceContext, standalone_context
from companion.crypto.keyring import format_keyring, parse_keyring, with_new_key
from companion.db.file_modes import write_owner_only
from companion.db.states import AuditAction
from companion.records import audit
from companion.sms.phone import InvalidPhoneNumber, to_e164

T = TypeVar("T")
OPERATOR = "operator"


def add_data_commands(
    commands: Any, keys_commands: Any
) -> None:  # argparse's subparsers action has no public type
    """Register the data commands on the `companion` parser."""
    export = commands.add_parser("export", help="everything held about a person, decrypted")
    export.add_argument("--phone", required=True)
    export.add_argument("--format", choices=("json", "fhir"), default="json")
    export.add_argument("--out", type=Path, default=None, help="file (default: standard output)")
    export.set_defaults(run=_export)

    erase = commands.add_parser("erase", help="delete a person and everything about them")
    erase.add_argument("--phone", required=True)
    erase.add_argument("--confirm", action="store_true", help="required: this cannot be undone")
    erase.set_defaults(run=_erase)

    rotate = keys_commands.add_parser("rotate", help="print the keyring with a new current key")
    rotate.set_defaults(run=_rotate)
    reencrypt = keys_commands.add_parser(
        "reencrypt", help="re-seal every value under the current key"
    )
    reencrypt.set_defaults(run=_reencrypt)
    retire = keys_commands.add_parser(
        "retire", help="print the keyring without a key no value uses"
    )
    retire.add_argument("key_id")
    retire.set_defaults(run=_retire)

    audit_parser = commands.add_parser("audit", help="the tamper-evident audit trail")
    audit_commands = audit_parser.add_subparsers(title="audit commands")
    verify = audit_commands.add_parser(
        "verify", help="check the MAC chain; print its head to keep elsewhere"
    )
    verify.add_argument(
        "--expect-head",
        metavar="HEX",
        default=None,
        help="a head printed earlier: fail if that entry is no longer in the chain",
    )
    verify.set_defaults(run=_audit_verify)
    show = audit_commands.add_parser("show", help="list entries, newest last")
    show.add_argument("--limit", type=int, default=50)
    show.set_defaults(run=_audit_show)


def operator_settings() -> Settings:
    """Settings for operator commands: they need no Twilio (else the local key file)."""
    return load_settings(os.environ, Path(".env"), default_mode="simulator")


def run_in_context(work: Callable[[ServiceContext], Awaitable[T]]) -> T:
    """Migrate the database, then run `work` with a service context and return its result."""
    from companion.db.migrate import upgrade

    settings = operator_settings()
    upgrade(settings.database_url)

    async def go() -> T:
        async with standalone_context(settings) as ctx:
            return await work(ctx)

    return asyncio.run(go())


def _phone(text: str) -> str | None:
    try:
        return to_e164(text)
    except InvalidPhoneNumber:
        print("companion: not a phone number we can use", file=sys.stderr)
        return None


async def _note(
    ctx: ServiceContext, action: AuditAction, outcome: str, subject: str | None = None
) -> None:
    async with ctx.sessions() as session, session.begin():
        await audit.record(
            session,
            actor=OPERATOR,
            action=action,
            outcome=outcome,
            now=ctx.clock(),
            subject=subject,
        )


def _export(args: argparse.Namespace) -> int:
    from companion.records.export import export_fhir, export_person

    e164 = _phone(args.phone)
    if e164 is None:
        return 2

    async def work(ctx: ServiceContext) -> dict[str, Any] | None:
        data = await export_person(ctx, e164)
        await _note(ctx, AuditAction.EXPORT, "done" if data else "nothing_held")
        return data

    data = run_in_context(work)
    if data is None:
        print("companion: nothing is held about that number", file=sys.stderr)
        return 1
    fhir = args.format == "fhir" and data["person"] is not None
    if args.format == "fhir" and not fhir:
        print(
            "companion: that number never joined; its texts are exported as JSON", file=sys.stderr
        )
    document = export_fhir(data) if fhir else data
    text = json.dumps(document, indent=2, ensure_ascii=False, default=str)
    if args.out is None:
        print(text)
    else:
        write_owner_only(args.out, text + "\n")
    return 0


def _erase(args: argparse.Namespace) -> int:
    from companion.records.erasure import erase_person

    if not args.confirm:
        print("companion: erase cannot be undone; add --confirm to go ahead", file=sys.stderr)
        return 2
    e164 = _phone(args.phone)
    if e164 is None:
        return 2
    result = run_in_context(lambda ctx: erase_person(ctx, e164, actor=OPERATOR))
    if result is None:
        print("companion: nothing is held about that number", file=sys.stderr)
        return 1
    print(f"erased: {result.total} rows (erasure id {result.erasure_id}, audited)")
    return 0


def _keyring_text(settings: Settings) -> str:
    if settings.data_keys is not None:
        return settings.data_keys
    from companion.crypto.keyring import load_or_create_key_file

    keyring, _ = load_or_create_key_file(settings.key_file)
    return format_keyring(keyring)


def _rotate(_args: argparse.Namespace) -> int:
    settings = operator_settings()
    rotated = with_new_key(parse_keyring(_keyring_text(settings)))
    if settings.data_keys is None:
        write_owner_only(settings.key_file, format_keyring(rotated) + "\n")
        print(f"new current key {rotated.current_id} written to {settings.key_file}")
    else:
        print("Set COMPANION_DATA_KEYS to this (on every instance), restart, then run")
        print("`companion keys reencrypt`:")
        print(format_keyring(rotated))
    run_in_context(lambda ctx: _note(ctx, AuditAction.KEYS_ROTATE, "done", rotated.current_id))
    return 0


def _reencrypt(_args: argparse.Namespace) -> int:
    from companion.records.legacy_plain import seal_plain_values
    from companion.records.rekey import reencrypt

    def progress(done: int, total: int) -> None:
        width, left = 30, max(total - done, 0)
        filled = width if left == 0 else width * done // max(total, 1)
        print(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {done} re-sealed, {left} left",
            end="",
            file=sys.stderr,
            flush=True,
        )

    async def work(ctx: ServiceContext) -> int:
        done = await seal_plain_values(ctx)  # values migration 0006 could not seal
        done += await reencrypt(ctx, on_progress=progress)
        await _note(ctx, AuditAction.KEYS_REENCRYPT, "done", str(done))
        return done

    done = run_in_context(work)
    print(f"\nre-sealed {done} values under the current key", file=sys.stderr)
    return 0


def _retire(args: argparse.Namespace) -> int:
    from companion.records.rekey import values_under

    settings = operator_settings()
    keyring = parse_keyring(_keyring_text(settings))
    if args.key_id == keyring.current_id:
        print("companion: the current key cannot be retired; rotate first", file=sys.stderr)
        return 2
    left = run_in_context(lambda ctx: values_under(ctx, args.key_id))
    if left:
        print(
            f"companion: {left} values still use key {args.key_id}; run `companion keys "
            "reencrypt` first",
            file=sys.stderr,
        )
        return 1
    kept = {k: v for k, v in keyring.keys.items() if k != args.key_id}
    retired = type(keyring)(keys=kept, current_id=keyring.current_id, index_key=keyring.index_key)
    run_in_context(lambda ctx: _note(ctx, AuditAction.KEYS_RETIRE, "done", args.key_id))
    print(format_keyring(retired))
    return 0


def _audit_verify(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from companion.db.models import AuditEntry

    async def work(ctx: ServiceContext) -> tuple[list[AuditEntry], int | None]:
        await audit.key_legacy_entries(ctx.sessions, ctx.keyring)
        async with ctx.sessions() as session:
            found = list(await session.scalars(select(AuditEntry).order_by(AuditEntry.seq)))
        return found, audit.verify_chain(found, ctx.keyring)

    entries, broken = run_in_context(work)
    if broken is not None:
        print(f"companion: the audit trail is broken at entry {broken}", file=sys.stderr)
        return 1
    expected = args.expect_head
    if expected is not None and expected.strip().lower() not in {e.entry_hash for e in entries}:
        print(
            "companion: the head you kept is not in the audit trail: entries were removed"
            " or the trail was rewritten",
            file=sys.stderr,
        )
        return 1
    head = f"{entries[-1].seq} {entries[-1].entry_hash}" if entries else "none"
    print(f"audit trail intact: {len(entries)} entries; head {head}")
    if entries:
        print(f"keep the head elsewhere; check later with --expect-head {entries[-1].entry_hash}")
    return 0


def _audit_show(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from companion.db.models import AuditEntry

    async def work(ctx: ServiceContext) -> list[AuditEntry]:
        async with ctx.sessions() as session:
            newest = select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(args.limit)
            return list(reversed(list(await session.scalars(newest))))

    for entry in run_in_context(work):
        print(
            f"{entry.seq:6} {entry.at:%Y-%m-%d %H:%M:%S} {entry.actor:40} {entry.action:18} "
            f"{entry.outcome:10} {entry.subject or ''}"
        )
    return 0

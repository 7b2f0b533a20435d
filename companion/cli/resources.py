"""`companion resources check|add|retire`: the tip directory without editing code.

`check` prints one problem per line and exits 1 (0 when clean): broken entries,
entries not checked for a year, boroughs without local entries, diverse-needs groups
without a resource and, with `--links`, web addresses that no longer answer. `add`
appends one validated entry (flags, or a prompt for each one left out); `retire`
marks an entry retired (kept with its date, never sent). The file is only written
when the whole new directory loads.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import urllib.error
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Final

from companion.engine.directory_file import DirectoryEditError, appended, entry_text, retired
from companion.engine.resource_checks import coverage_problems, directory_problems, links_of
from companion.engine.resources import (
    DIRECTORY_PATH,
    DIVERSE_GROUPS,
    ELIGIBILITY,
    DirectoryError,
    load_directory,
)

LINK_TIMEOUT_SECONDS: Final = 5.0
_TEXT: Final = ("id", "name", "offer", "area", "category", "contact", "source")
_PROMPTS: Final = {
    "id": "id (short kebab-case, e.g. mind-in-barnet)",
    "name": "name of the organisation or programme",
    "offer": "what it offers, one short sentence (90 characters at most)",
    "area": "area: national, london or a London borough",
    "category": "category (see resources/directory.toml)",
    "contact": "contact: website without https:// (40 characters at most)",
    "source": "source: the full https:// address you checked it against",
}


def add_resource_commands(commands: Any) -> None:  # argparse's subparsers action has no type
    """Register `companion resources check|add|retire`."""
    resources = commands.add_parser("resources", help="manage the tip directory")
    sub = resources.add_subparsers(title="resources commands")

    check = sub.add_parser("check", help="report problems and gaps in the directory")
    check.add_argument("--links", action="store_true", help="also try every web address")
    _common(check)
    check.set_defaults(run=_check)

    add = sub.add_parser("add", help="append a validated entry (prompts for missing fields)")
    for field in _TEXT:
        add.add_argument(f"--{field}", default=None, help=_PROMPTS[field])
    add.add_argument("--last-checked", type=date.fromisoformat, default=None)
    add.add_argument("--group", action="append", default=[], choices=DIVERSE_GROUPS)
    add.add_argument("--eligibility", action="append", default=[], choices=sorted(ELIGIBILITY))
    _common(add)
    add.set_defaults(run=_add)

    retire = sub.add_parser("retire", help="mark an entry retired: kept, never sent")
    retire.add_argument("resource_id", help="the entry's id")
    _common(retire)
    retire.set_defaults(run=_retire)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--directory", type=Path, default=DIRECTORY_PATH, help="the TOML file")
    # For tests and rehearsals: the date to check against (default: today, UTC).
    parser.add_argument("--today", type=date.fromisoformat, default=None, help=argparse.SUPPRESS)


def _today(args: argparse.Namespace) -> date:
    return args.today if args.today is not None else datetime.now(UTC).date()


def _check(args: argparse.Namespace) -> int:
    today = _today(args)
    loaded, problems = directory_problems(args.directory, today)
    problems += coverage_problems(loaded, today)
    if args.links:
        problems += _dead_links(links_of(loaded))
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) in {args.directory}", file=sys.stderr)
        return 1
    live = sum(r.retired is None for r in loaded)
    print(f"directory ok: {live} entries in use, {len(loaded) - live} retired")
    return 0


def _dead_links(links: dict[str, list[str]]) -> list[str]:
    """A line for each address that does not answer with a success or a redirect."""
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = dict(zip(links, pool.map(_link_problem, links), strict=True))
    return [
        f"resource {', '.join(links[url])}: {url} does not answer ({problem})"
        for url, problem in answers.items()
        if problem is not None
    ]


def _link_problem(url: str) -> str | None:
    request = urllib.request.Request(url, headers={"User-Agent": "companion-resources-check"})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=LINK_TIMEOUT_SECONDS):  # noqa: S310
            return None
    except urllib.error.HTTPError as error:
        # Some sites refuse robots (403) or HEAD-like clients but are up.
        return None if error.code in (401, 403, 405, 429) else f"HTTP {error.code}"
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        return str(getattr(error, "reason", error))


def _add(args: argparse.Namespace) -> int:
    values: dict[str, str] = {}
    for field in _TEXT:
        given = getattr(args, field)
        value = given if given is not None else _ask(_PROMPTS[field])
        if value is None:
            print(f"companion resources add: no {field} given", file=sys.stderr)
            return 1
        values[field] = value.strip()
    checked = args.last_checked or _today(args)
    entry = entry_text(values, checked, groups=args.group, eligibility=args.eligibility)
    return _write_checked(args, lambda text: appended(text, entry), f"added {values['id']}")


def _ask(prompt: str) -> str | None:
    try:
        return input(f"{prompt}: ")
    except EOFError:
        return None


def _retire(args: argparse.Namespace) -> int:
    today = _today(args)
    return _write_checked(
        args,
        lambda text: retired(text, args.resource_id, today),
        f"retired {args.resource_id} on {today}",
    )


def _write_checked(args: argparse.Namespace, edit: Callable[[str], str], done: str) -> int:
    """Apply `edit` to the file's text; write it only if the result loads."""
    path: Path = args.directory
    try:
        new_text = edit(path.read_text(encoding="utf-8"))
    except (OSError, DirectoryEditError) as error:
        print(f"companion resources: {error}", file=sys.stderr)
        return 1
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=path.parent, suffix=".toml", delete=False
    ) as draft:
        draft.write(new_text)
    try:
        load_directory(Path(draft.name), _today(args))
    except DirectoryError as error:
        os.unlink(draft.name)
        print(str(error).replace(draft.name, str(path)), file=sys.stderr)
        print("companion resources: nothing was changed", file=sys.stderr)
        return 1
    os.replace(draft.name, path)
    print(done)
    return 0

"""What `companion resources check` reports: every broken entry, gaps and staleness.

Unlike the service's loader, which stops at the first problem, these list them all.
Apart from reading the file (as the loader does), pure functions of the directory and
today's date. Retired entries count for nothing: a borough whose only entries are
retired has no local entries.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Final

from companion.engine.resources import (
    DIVERSE_GROUPS,
    LONDON_BOROUGHS,
    DirectoryError,
    Resource,
    parse_entry,
)


def directory_problems(path: Path, today: date) -> tuple[tuple[Resource, ...], list[str]]:
    """Every entry that loads, and one line per problem (unlike :func:`load_directory`).

    Args:
        path: The TOML file.
        today: The current date.

    Returns:
        The valid entries in file order, and a line for each invalid entry or duplicate id.
    """
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return (), [f"{path}: cannot read the directory: {error}"]
    tables = document.get("resource", [])
    if not isinstance(tables, list):
        return (), [f"{path}: 'resource' must be an array of tables ([[resource]])"]
    loaded: list[Resource] = []
    extra = sorted(set(document) - {"resource"})
    problems = [f"{path}: unknown top-level keys {extra}"] if extra else []
    seen: set[str] = set()
    for index, table in enumerate(tables):
        try:
            resource = parse_entry(path, index, table, today)
        except DirectoryError as error:
            problems.append(str(error))
            continue
        if resource.id in seen:
            problems.append(f"{path}: resource {resource.id}: duplicate id")
        seen.add(resource.id)
        loaded.append(resource)
    return tuple(loaded), problems


# An entry not checked against its source for longer than this is reported.
RECHECK_AFTER: Final = timedelta(days=365)


def coverage_problems(directory: Sequence[Resource], today: date) -> list[str]:
    """One line per gap: stale entries, boroughs without local entries, groups without one.

    Args:
        directory: The entries that loaded.
        today: The current date.

    Returns:
        Problems in a stable order; empty when the directory is complete and current.
    """
    live = [r for r in directory if r.retired is None]
    problems = [
        f"resource {r.id}: last checked {r.last_checked}, over a year ago; "
        f"re-check it against {r.source}"
        for r in live
        if today - r.last_checked > RECHECK_AFTER
    ]
    local = {r.area for r in live}
    problems += [f"borough {b}: no local entries" for b in LONDON_BOROUGHS if b not in local]
    served = {group for r in live for group in r.groups}
    problems += [
        f"diverse-needs group {g}: no resource for it" for g in DIVERSE_GROUPS if g not in served
    ]
    return problems


def links_of(directory: Sequence[Resource]) -> dict[str, list[str]]:
    """The web addresses to try, each with the ids of the live entries that use it.

    The source is always a full URL; the contact is tried too when it is a bare web
    address ("mind.org.uk"), not a phone number or a sentence.
    """
    links: dict[str, list[str]] = {}
    for r in directory:
        if r.retired is not None:
            continue
        urls = [r.source]
        contact = r.contact.strip()
        if " " not in contact and "." in contact and not contact[0].isdigit():
            urls.append(f"https://{contact}")
        for url in urls:
            links.setdefault(url, []).append(r.id)
    return links

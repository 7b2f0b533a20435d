"""What `companion resources check` reports beyond a broken entry: gaps and staleness.

Pure functions of the loaded directory and today's date. Retired entries count for
nothing: a borough whose only entries are retired has no local entries.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Final

from companion.engine.resources import DIVERSE_GROUPS, LONDON_BOROUGHS, Resource

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

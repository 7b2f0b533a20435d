"""The resource directory behind weekly tips: loading it and choosing one tip.

The directory is data (``resources/directory.toml``): real, public services with
what they offer, where they are, a contact and the date someone last checked
them. :func:`load_directory` validates the whole file at start-up, so a typo in
an area or a curly quote pasted from a web page fails loudly instead of sending
a UCS-2 message or a tip for the wrong borough. :func:`pick_tip` is a pure
function of the directory, the person's borough and interests, what they have
already been sent and a seed.
"""

from __future__ import annotations

import random
import re
import tomllib
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Final

from companion.sms.segments import non_gsm7_characters

DIRECTORY_PATH: Final = Path(__file__).resolve().parents[2] / "resources" / "directory.toml"

NATIONAL: Final = "national"
LONDON: Final = "london"
LONDON_BOROUGHS: Final[tuple[str, ...]] = (
    "Barking and Dagenham",
    "Barnet",
    "Bexley",
    "Brent",
    "Bromley",
    "Camden",
    "City of London",
    "Croydon",
    "Ealing",
    "Enfield",
    "Greenwich",
    "Hackney",
    "Hammersmith and Fulham",
    "Haringey",
    "Harrow",
    "Havering",
    "Hillingdon",
    "Hounslow",
    "Islington",
    "Kensington and Chelsea",
    "Kingston upon Thames",
    "Lambeth",
    "Lewisham",
    "Merton",
    "Newham",
    "Redbridge",
    "Richmond upon Thames",
    "Southwark",
    "Sutton",
    "Tower Hamlets",
    "Waltham Forest",
    "Wandsworth",
    "Westminster",
)
CATEGORIES: Final = frozenset(
    {
        "activity",
        "eating",
        "smoking",
        "alcohol",
        "peer-support",
        "sleep",
        "health-checks",
        "money",
        "dental",
        "mental-health",
        "advocacy",
        "community",
        "medicines",
    }
)
# Who an entry is especially for (report 5.1, 5.2). Anyone may still be sent it.
DIVERSE_GROUPS: Final = (
    "women",
    "black-and-minority-ethnic",
    "lgbtq",
    "older-people",
    "young-adults",
    "disabled-people",
    "carers",
    "faith",
    "refugees",
    "language",
)
# Who an entry is only for. An entry with any of these is sent only to a person who
# said it applies to them, in the words of their TIPS request ("TIPS pregnant").
ELIGIBILITY: Final = frozenset({"pregnancy-or-under-4s", "age-under-26", "age-over-50"})
# One SMS segment is 160 GSM-7 characters; the offer and contact share it with
# the name and a line of framing text, so each gets a fixed budget.
MAX_OFFER_CHARS: Final = 90
MAX_CONTACT_CHARS: Final = 40

_TEXT_FIELDS: Final = ("id", "name", "offer", "area", "category", "contact", "source")
_LIST_FIELDS: Final = ("groups", "eligibility")
_REQUIRED: Final = frozenset({*_TEXT_FIELDS, "last_checked"})
_FIELDS: Final = frozenset({*_REQUIRED, *_LIST_FIELDS, "retired"})
_AREAS: Final = frozenset({NATIONAL, LONDON, *LONDON_BOROUGHS})
_KEBAB: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_BOROUGH_BY_FOLDED: Final = {name.casefold(): name for name in LONDON_BOROUGHS}


@dataclass(frozen=True)
class Resource:
    """One entry of the resource directory.

    Attributes:
        id: Short kebab-case name, unique in the directory.
        name: The organisation or programme.
        offer: What it offers, one short plain sentence.
        area: ``"national"``, ``"london"`` or a name from :data:`LONDON_BOROUGHS`.
        category: One of :data:`CATEGORIES`.
        contact: Website without ``https://`` and/or a phone number.
        source: The page the entry was checked against.
        last_checked: When the entry was last checked.
        groups: Diverse-needs groups from :data:`DIVERSE_GROUPS` it is especially for.
        eligibility: Restrictions from :data:`ELIGIBILITY`; never sent unasked.
        retired: When an operator retired it; a retired entry is kept, never sent.
    """

    id: str
    name: str
    offer: str
    area: str
    category: str
    contact: str
    source: str
    last_checked: date
    groups: tuple[str, ...] = ()
    eligibility: tuple[str, ...] = ()
    retired: date | None = None

    def may_reach(self, eligible: Collection[str]) -> bool:
        """Whether this entry may be sent to someone who told us `eligible` applies."""
        return self.retired is None and all(need in eligible for need in self.eligibility)


class DirectoryError(ValueError):
    """The directory file cannot be used; the message names file, entry and problem."""


def load_directory(path: Path, today: date) -> tuple[Resource, ...]:
    """Read and validate the whole resource directory.

    Args:
        path: The TOML file, a list of ``[[resource]]`` tables.
        today: The current date; an entry checked after it is an error.

    Returns:
        Every resource, in file order.

    Raises:
        DirectoryError: The file is not valid TOML, has keys other than
            ``resource``, or any entry is invalid (the first problem found).
    """
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise DirectoryError(f"{path}: cannot read the directory: {error}") from error
    extra = sorted(set(document) - {"resource"})
    if extra:
        raise DirectoryError(f"{path}: unknown top-level keys {extra}; expected [[resource]]")
    tables = document.get("resource", [])
    if not isinstance(tables, list):
        raise DirectoryError(f"{path}: 'resource' must be an array of tables ([[resource]])")
    resources = tuple(parse_entry(path, index, table, today) for index, table in enumerate(tables))
    _check_unique_ids(path, resources)
    return resources


def parse_entry(path: Path, index: int, table: object, today: date) -> Resource:
    """One `[[resource]]` table as a Resource.

    Raises:
        DirectoryError: naming the file, the entry (its id or position) and the problem.
    """
    if not isinstance(table, dict):
        raise DirectoryError(f"{path}: resource #{index}: must be a table")
    label = table["id"] if isinstance(table.get("id"), str) else f"#{index}"

    def fail(problem: str) -> DirectoryError:
        return DirectoryError(f"{path}: resource {label}: {problem}")

    unknown = sorted(set(table) - _FIELDS)
    if unknown:
        raise fail(f"unknown keys {unknown}")
    missing = sorted(_REQUIRED - set(table))
    if missing:
        raise fail(f"missing keys {missing}")
    problem = _field_problem(table, today) or _extra_problem(table, today)
    if problem is not None:
        raise fail(problem)
    values = {key: table[key] for key in _REQUIRED}
    return Resource(
        **values,
        groups=tuple(table.get("groups", ())),
        eligibility=tuple(table.get("eligibility", ())),
        retired=table.get("retired"),
    )


def _extra_problem(table: Mapping[str, object], today: date) -> str | None:
    """Describe what is wrong with the optional keys (groups, eligibility, retired)."""
    allowed = {"groups": frozenset(DIVERSE_GROUPS), "eligibility": ELIGIBILITY}
    for key, known in allowed.items():
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return f"{key} must be a list of names"
        unknown = sorted(set(value) - known)
        if unknown:
            return f"unknown {key} {unknown}; expected some of {sorted(known)}"
    retired = table.get("retired")
    if retired is not None and (not isinstance(retired, date) or isinstance(retired, datetime)):
        return "retired must be a date such as 2026-12-03"
    if isinstance(retired, date) and retired > today:
        return f"retired {retired} is in the future (today is {today})"
    return None


def _field_problem(table: Mapping[str, object], today: date) -> str | None:
    """Describe the first thing wrong with an entry's values, or None."""
    for key in _TEXT_FIELDS:
        value = table[key]
        if not isinstance(value, str) or not value.strip():
            return f"{key} must be non-empty text"
        bad = non_gsm7_characters(value)
        if bad:
            return f"{key} has characters outside GSM-7 {bad!r}"
    checked = table["last_checked"]
    if not isinstance(checked, date) or isinstance(checked, datetime):
        return "last_checked must be a date such as 2026-11-26"
    return _value_problem(table, checked, today)


def _value_problem(table: Mapping[str, object], checked: date, today: date) -> str | None:
    text = {key: str(table[key]) for key in _TEXT_FIELDS}
    if not _KEBAB.fullmatch(text["id"]):
        return f"id {text['id']!r} is not short kebab-case"
    if text["category"] not in CATEGORIES:
        return f"unknown category {text['category']!r}; expected one of {sorted(CATEGORIES)}"
    if text["area"] not in _AREAS:
        return f"unknown area {text['area']!r}; expected national, london or a London borough"
    if len(text["offer"]) > MAX_OFFER_CHARS:
        return f"offer is {len(text['offer'])} characters, over {MAX_OFFER_CHARS}"
    if len(text["contact"]) > MAX_CONTACT_CHARS:
        return f"contact is {len(text['contact'])} characters, over {MAX_CONTACT_CHARS}"
    if not text["source"].startswith(("https://", "http://")):
        return "source must be a full http(s) URL"
    if checked > today:
        return f"last_checked {checked} is in the future (today is {today})"
    return None


def _check_unique_ids(path: Path, resources: Sequence[Resource]) -> None:
    seen: set[str] = set()
    for resource in resources:
        if resource.id in seen:
            raise DirectoryError(f"{path}: resource {resource.id}: duplicate id")
        seen.add(resource.id)


def pick_tip(
    directory: Sequence[Resource],
    *,
    borough: str | None,
    interests: Collection[str],
    already_sent: Collection[str],
    seed: int,
) -> Resource | None:
    """Choose this week's tip for one person.

    Candidates are national resources, London-wide ones when the person lives
    in London or their borough is unknown, and their own borough's. Among the
    candidates not yet sent, the first non-empty tier wins: borough-local in an
    interest category, London-wide or national in an interest category, any
    borough-local, anything. Once every candidate has been sent the cycle
    restarts over all of them. Retired entries and entries with eligibility
    restrictions are never chosen here: nobody asked for them.

    Args:
        directory: The loaded directory.
        borough: The person's borough (any case), or None or blank when unknown.
        interests: Categories the person asked for, such as ``"activity"``.
        already_sent: Ids of resources already sent to this person.
        seed: Makes the choice within a tier repeatable.

    Returns:
        The resource to send, or None when nothing reaches the person.
    """
    known = borough is not None and borough.strip() != ""
    home = canonical_borough(borough) if known else None
    in_london = not known or home is not None
    candidates = [r for r in directory if r.may_reach(()) and reaches(r, home, in_london=in_london)]
    unsent = [r for r in candidates if r.id not in already_sent]
    pool = unsent or candidates
    for tier in _tiers(pool, home, interests):
        if tier:
            # Variety, not secrecy: a seeded PRNG keeps the choice reproducible.
            return random.Random(seed).choice(tier)  # noqa: S311
    return None


def canonical_borough(borough: str | None) -> str | None:
    """Return the canonical spelling of a London borough, or None if it is not one."""
    if borough is None:
        return None
    return _BOROUGH_BY_FOLDED.get(borough.strip().casefold())


def reaches(resource: Resource, home: str | None, *, in_london: bool) -> bool:
    """Whether `resource`'s area covers someone in `home` (None: unknown or outside London)."""
    if resource.area == NATIONAL:
        return True
    if resource.area == LONDON:
        return in_london
    return resource.area == home


def _tiers(
    pool: Sequence[Resource], home: str | None, interests: Collection[str]
) -> tuple[list[Resource], ...]:
    local = [r for r in pool if home is not None and r.area == home]
    wide = [r for r in pool if r.area in (LONDON, NATIONAL)]
    return (
        [r for r in local if r.category in interests],
        [r for r in wide if r.category in interests],
        local,
        list(pool),
    )

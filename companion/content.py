"""Everything a person can be sent, loaded and checked together: catalogs, flows, tips."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from companion.engine.flowspec import FLOWS_DIR, Flow, FlowError, load_flows
from companion.engine.resources import DIRECTORY_PATH, DirectoryError, Resource, load_directory
from companion.engine.summary import RANGES_PATH, ReferenceRanges, load_reference_ranges
from companion.i18n.catalog import MESSAGES_DIR, Catalog, MissingMessage, load_catalog
from companion.i18n.lint import lint_catalogs
from companion.i18n.used import SENT_BY_CODE


@dataclass(frozen=True)
class Content:
    """The loaded, validated content the service runs on."""

    catalog: Catalog
    flows: dict[str, Flow]
    resources: tuple[Resource, ...]
    ranges: ReferenceRanges


def load_content(
    today: date | None = None,
    *,
    messages: Path = MESSAGES_DIR,
    flows: Path = FLOWS_DIR,
    directory: Path = DIRECTORY_PATH,
) -> Content:
    """Load catalogs, flows (checked against the catalog) and the resource directory.

    `today` enables the check that no tip was "last checked" in the future; the
    service skips it (its clock may be simulated), `check-content` uses the real date.

    Raises:
        FlowError, DirectoryError, MissingMessage: with the file and the problem.
    """
    catalog = load_catalog(messages)
    missing = sorted(SENT_BY_CODE - catalog.message_ids())
    if missing:
        raise MissingMessage(f"{messages}: messages the code sends are missing: {missing}")
    loaded = load_flows(flows, catalog.message_ids())
    directory_entries = load_directory(directory, today or date.max)
    return Content(catalog, loaded, directory_entries, load_reference_ranges(RANGES_PATH))


def check_content(
    today: date,
    *,
    messages: Path = MESSAGES_DIR,
    flows: Path = FLOWS_DIR,
    directory: Path = DIRECTORY_PATH,
) -> list[str]:
    """Every problem in the content, one line each; empty when all is well."""
    problems = lint_catalogs(messages)
    try:
        load_content(today, messages=messages, flows=flows, directory=directory)
    except (FlowError, DirectoryError, MissingMessage, ValueError) as error:
        problems.append(str(error))
    return problems

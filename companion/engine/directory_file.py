"""Editing the directory file as text, so comments, order and spacing are kept.

`companion resources add` appends one `[[resource]]` table; `retire` adds a
`retired = <date>` line to one entry. Both return the new text; the caller loads it
with the validating loader before writing it, so a bad edit never reaches the file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from datetime import date


class DirectoryEditError(ValueError):
    """The edit cannot be made; the message says why."""


def entry_text(values: Mapping[str, str], last_checked: date, **lists: Sequence[str]) -> str:
    """One `[[resource]]` table in the file's own layout.

    Args:
        values: The text fields (id, name, offer, area, category, contact, source).
        last_checked: The date it was checked.
        **lists: Optional list fields (groups, eligibility); empty ones are left out.

    Returns:
        The table, starting with a blank line and ending with a newline.
    """
    lines = ["", "[[resource]]"]
    lines += [f"{key} = {_quoted(value)}" for key, value in values.items()]
    lines.append(f"last_checked = {last_checked.isoformat()}")
    lines += [
        f"{key} = [{', '.join(_quoted(v) for v in items)}]" for key, items in lists.items() if items
    ]
    return "\n".join(lines) + "\n"


def _quoted(value: str) -> str:
    # A JSON string of this text is a valid TOML basic string.
    return json.dumps(value, ensure_ascii=False)


def appended(text: str, entry: str) -> str:
    """`text` with `entry` added at the end, after exactly one newline."""
    return text.rstrip("\n") + "\n" + entry


def retired(text: str, resource_id: str, on: date) -> str:
    """`text` with `retired = <on>` added to the entry with `resource_id`.

    Raises:
        DirectoryEditError: No entry has that id, or it is already retired.
    """
    lines = text.splitlines(keepends=True)
    own = re.compile(rf'^id\s*=\s*"{re.escape(resource_id)}"\s*$')
    start = next((i for i, line in enumerate(lines) if own.match(line.strip())), None)
    if start is None:
        raise DirectoryEditError(f"no entry with id {resource_id!r}")
    end = next(
        (i for i in range(start + 1, len(lines)) if lines[i].lstrip().startswith("[")), len(lines)
    )
    body = [i for i in range(start, end) if lines[i].strip() and lines[i].lstrip()[0] != "#"]
    if any(lines[i].strip().startswith("retired") for i in body):
        raise DirectoryEditError(f"entry {resource_id!r} is already retired")
    last = body[-1]
    ending = "" if lines[last].endswith("\n") else "\n"
    lines.insert(last + 1, f"{ending}retired = {on.isoformat()}\n")
    return "".join(lines)

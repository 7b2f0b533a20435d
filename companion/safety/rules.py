"""Rule tables: crisis patterns written as text, compiled once at import.

A table is a list of rules. A header line ``<category> <name>`` starts a rule; its pattern
follows on lines indented four spaces, joined with nothing in between, so no line may
begin or end with a space. Each ``|`` at the top level of a pattern starts another
phrasing. In a pattern ``'`` means an optional apostrophe, and matches are anchored at
word edges.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

SUICIDE: Final = "suicide"
OVERDOSE: Final = "overdose"
HARM_TO_OTHERS: Final = "harm_to_others"
SELF_HARM: Final = "self_harm"
UNSAFE: Final = "unsafe"
HOPELESSNESS: Final = "hopelessness"
CATEGORIES: Final = (SUICIDE, OVERDOSE, HARM_TO_OTHERS, SELF_HARM, UNSAFE, HOPELESSNESS)

_TABLE_LINE: Final = re.compile(r"    \S(?:.*\S)?")


@dataclass(frozen=True, slots=True)
class Rule:
    """One named crisis pattern and the category it signals."""

    name: str
    category: str
    regex: re.Pattern[str]


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """Compile a pattern where ``'`` is optional, anchored at word edges."""
    return re.compile(r"(?<![a-z0-9])(?:" + pattern.replace("'", "'?") + r")(?![a-z0-9])")


def parse_rules(table: str) -> tuple[Rule, ...]:
    """Compile a rule table, keeping its order.

    Args:
        table: Rules in the format described in this module's docstring.

    Returns:
        The compiled rules, in table order.

    Raises:
        ValueError: On an unknown category or a badly indented pattern line.
    """
    rules: list[Rule] = []
    for block in re.split(r"\n(?=\S)", table.strip()):
        header, *lines = block.splitlines()
        category, name = header.split()
        if category not in CATEGORIES:
            raise ValueError(f"unknown crisis category {category!r} in rule {name!r}")
        if not all(_TABLE_LINE.fullmatch(line) for line in lines):
            raise ValueError(f"rule {name!r}: indent pattern lines 4 spaces, no edge spaces")
        rules.append(Rule(name, category, compile_pattern("".join(line[4:] for line in lines))))
    return tuple(rules)

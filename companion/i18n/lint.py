"""The content linter: every message in every locale, GSM-7 English, within its budget.

Run by `companion check-content` and by the test suite. Each problem names the file,
the message id and what is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from fluent.syntax import FluentParser, ast
from fluent.syntax.visitor import Visitor

from companion.i18n.catalog import (
    DEFAULT_LOCALE,
    MESSAGES_DIR,
    Catalog,
    CatalogFile,
    MissingMessage,
    read_catalog_files,
)
from companion.sms.segments import count_segments, non_gsm7_characters

_BUDGET = re.compile(r"^segments:\s*(\d+)\s*$", re.MULTILINE)
_WIDTH = re.compile(r"^\$(\w+):\s*(\d+)\s*chars?\s*$", re.MULTILINE)
DEFAULT_VARIABLE_WIDTH = 20


@dataclass(frozen=True)
class MessageSpec:
    """A message as written: where, its budget, and the widest value of each variable."""

    file: Path
    locale: str
    message_id: str
    budget: int | None
    widths: dict[str, int]


class _Variables(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def visit_VariableReference(self, node: ast.VariableReference) -> None:  # noqa: N802
        self.names.add(node.id.name)


def lint_catalogs(root: Path = MESSAGES_DIR) -> list[str]:
    """Every problem in the catalogs under `root`; an empty list means all is well."""
    files = read_catalog_files(root)
    problems: list[str] = []
    specs: list[MessageSpec] = []
    for file in files:
        problems += _parse(file, specs)
    if not any(spec.locale == DEFAULT_LOCALE for spec in specs):
        return [*problems, f"{root}: no {DEFAULT_LOCALE} messages"]
    ids = {
        locale: {s.message_id for s in specs if s.locale == locale} for locale in _locales(files)
    }
    for locale, present in ids.items():
        for missing in sorted(ids[DEFAULT_LOCALE] - present):
            problems.append(f"{root / locale}: {missing}: missing (it exists in {DEFAULT_LOCALE})")
        for extra in sorted(present - ids[DEFAULT_LOCALE]):
            problems.append(f"{root / locale}: {extra}: not in {DEFAULT_LOCALE}")
    catalog = Catalog(files)
    for spec in specs:
        problems += _check(catalog, spec)
    return problems


def _locales(files: list[CatalogFile]) -> list[str]:
    return sorted({file.locale for file in files})


def _parse(file: CatalogFile, specs: list[MessageSpec]) -> list[str]:
    problems = []
    resource = FluentParser(with_spans=True).parse(file.text)
    for entry in resource.body:
        if isinstance(entry, ast.Junk):
            line = file.text.count("\n", 0, entry.span.start) + 1 if entry.span else 0
            problems.append(f"{file.path}:{line}: syntax error")
        elif isinstance(entry, ast.Message):
            comment = (entry.comment.content or "") if entry.comment else ""
            budget = _BUDGET.search(comment)
            variables = _Variables()
            variables.visit(entry)
            declared = {name: int(width) for name, width in _WIDTH.findall(comment)}
            specs.append(
                MessageSpec(
                    file=file.path,
                    locale=file.locale,
                    message_id=entry.id.name,
                    budget=int(budget.group(1)) if budget else None,
                    widths={n: declared.get(n, DEFAULT_VARIABLE_WIDTH) for n in variables.names},
                )
            )
            if not comment.strip():
                problems.append(f"{file.path}: {entry.id.name}: no comment for translators")
    return problems


def _check(catalog: Catalog, spec: MessageSpec) -> list[str]:
    where = f"{spec.file}: {spec.message_id}"
    args = {name: "W" * width for name, width in spec.widths.items()}
    try:
        text = catalog.render(spec.message_id, spec.locale, args)
    except MissingMessage as error:
        return [f"{where}: does not render ({error})"]
    problems = []
    if spec.locale == DEFAULT_LOCALE:
        bad = non_gsm7_characters(text)
        if bad:
            problems.append(f"{where}: not GSM-7: {''.join(sorted(set(bad)))!r}")
    if spec.budget is None:
        problems.append(f"{where}: no 'segments: N' budget in its comment")
    elif (used := count_segments(text)) > spec.budget:
        problems.append(f"{where}: {used} segments at worst, budget is {spec.budget}")
    return problems

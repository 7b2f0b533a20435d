"""The content linter: every message in every locale, GSM-7 English, within budget, plain.

Run by `companion check-content` and by the test suite. Each problem names the file,
the message id (and, for a select expression, the variant) and what is wrong:

* every English message exists in every locale, and no locale has others;
* every message has a comment for translators that gives its budget, ``segments: N``;
* English renders in GSM-7 only (straight quotes, no emoji, no en or em dashes);
* every variant of a message fits its budget with each variable at its worst case. A
  select expression (``{ $reason -> [a] ... *[other] ... }``) is expanded into one text
  per variant; nested and consecutive selects into every combination. Terms
  (``-brand = Companion``) are rendered into the messages that use them. A select inside
  a referenced message (``{ other-message }``) is only rendered at its default variant;
* English is plain: no sentence over `SENTENCE_WORDS_MAX` words and a Flesch reading
  ease of at least `READING_EASE_MIN` (see `companion.i18n.readability`). The score
  means little on a handful of words (one long word moves it by 20 or more), so a
  message under `SCORED_WORDS_MIN` words is scored together with the other short ones.

Every variable a message shows needs a width, one line each in its comment::

    # $name: 20 chars          any text of up to 20 characters, in any script
    # $keyword: 8 gsm chars    GSM-7 characters only
    # $count: 3 digits         0-9 only

A width counts characters as Python's ``len`` does; the code that fills a variable
must cut it to that width. The worst case of ``chars`` is characters outside GSM-7 and
outside the Basic Multilingual Plane (emoji): one such character sends the whole SMS
as UCS-2 (70 units in one part, 67 per part after), and each costs two units. The
worst case of ``gsm chars`` is the extension table (``€``, two septets each). A
translation may restate a width; otherwise the English one applies. A variable used
only to choose a variant needs no width.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from fluent.syntax import FluentParser, FluentSerializer, ast
from fluent.syntax.serializer import serialize_expression
from fluent.syntax.visitor import Visitor

from companion.i18n.catalog import (
    DEFAULT_LOCALE,
    MESSAGES_DIR,
    Catalog,
    CatalogFile,
    MissingMessage,
    read_catalog_files,
)
from companion.i18n.readability import flesch_reading_ease, longest_sentence_words, words
from companion.sms.segments import count_segments, non_gsm7_characters, segment_info

ANY_SCRIPT: Final = "chars"
GSM_ONLY: Final = "gsm chars"
DIGITS: Final = "digits"
READING_EASE_MIN: Final = 60.0
SENTENCE_WORDS_MAX: Final = 25
SCORED_WORDS_MIN: Final = 15

_BUDGET: Final = re.compile(r"^segments:\s*(\d+)\s*$", re.MULTILINE)
_DECLARATION: Final = re.compile(r"^\$(\w+):(.*)$", re.MULTILINE)
_WIDTH: Final = re.compile(r"^\s*(\d+)\s+(chars?|gsm chars?|digits?)\s*$")
_WIDTH_FORMS: Final = "'$name: N chars', '$name: N gsm chars' or '$name: N digits'"
# A value that reads as one plain word, for the GSM-7 and readability checks.
_PLAIN: Final = {ANY_SCRIPT: "word", GSM_ONLY: "word", DIGITS: "7"}
# The costliest character of each alphabet, while the SMS stays GSM-7, and once it is UCS-2.
_WORST_CASES: Final = (
    {ANY_SCRIPT: "€", GSM_ONLY: "€", DIGITS: "9"},
    {ANY_SCRIPT: "\U0001f600", GSM_ONLY: "€", DIGITS: "9"},
)


@dataclass(frozen=True)
class Width:
    """The most a variable may hold: `size` characters of `alphabet`."""

    size: int
    alphabet: str


@dataclass(frozen=True)
class Variant:
    """One text a message can render to: which variant of each select, and its pattern."""

    label: str
    pattern: ast.Pattern


@dataclass(frozen=True)
class MessageSpec:
    """A message as written: where, its budget, its declared widths and its variants."""

    file: Path
    locale: str
    message_id: str
    budget: int | None
    widths: dict[str, Width]
    variables: frozenset[str]
    variants: tuple[Variant, ...]


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
    locales = sorted({file.locale for file in files})
    ids = {locale: {s.message_id for s in specs if s.locale == locale} for locale in locales}
    for locale, present in ids.items():
        for missing in sorted(ids[DEFAULT_LOCALE] - present):
            problems.append(f"{root / locale}: {missing}: missing (it exists in {DEFAULT_LOCALE})")
        for extra in sorted(present - ids[DEFAULT_LOCALE]):
            problems.append(f"{root / locale}: {extra}: not in {DEFAULT_LOCALE}")
    catalog = Catalog(files + _variant_files(specs, locales))
    english = {s.message_id: s.widths for s in specs if s.locale == DEFAULT_LOCALE}
    short: dict[str, str] = {}
    for spec in specs:
        widths = {**english.get(spec.message_id, {}), **spec.widths}
        problems += _check(catalog, spec, widths, short)
    return problems + _check_short_messages(root / DEFAULT_LOCALE, short)


def _parse(file: CatalogFile, specs: list[MessageSpec]) -> list[str]:
    problems = []
    resource = FluentParser(with_spans=True).parse(file.text)
    for entry in resource.body:
        if isinstance(entry, ast.Junk):
            line = file.text.count("\n", 0, entry.span.start) + 1 if entry.span else 0
            problems.append(f"{file.path}:{line}: syntax error")
        elif isinstance(entry, ast.Message):
            where = f"{file.path}: {entry.id.name}"
            comment = (entry.comment.content or "") if entry.comment else ""
            if not comment.strip():
                problems.append(f"{where}: no comment for translators")
            budget = _BUDGET.search(comment)
            widths, unreadable = _widths(comment)
            problems += [
                f"{where}: {line!r} is not a width; write {_WIDTH_FORMS}" for line in unreadable
            ]
            variables = _Variables()
            variables.visit(entry)
            problems += [
                f"{where}: width given for ${name}, which it does not use"
                for name in sorted(widths.keys() - variables.names)
            ]
            specs.append(
                MessageSpec(
                    file=file.path,
                    locale=file.locale,
                    message_id=entry.id.name,
                    budget=int(budget.group(1)) if budget else None,
                    widths=widths,
                    variables=frozenset(variables.names),
                    variants=tuple(_expand(entry.value.elements)) if entry.value else (),
                )
            )
    return problems


def _widths(comment: str) -> tuple[dict[str, Width], list[str]]:
    widths: dict[str, Width] = {}
    unreadable: list[str] = []
    for name, rest in _DECLARATION.findall(comment):
        match = _WIDTH.match(rest)
        if match is None:
            unreadable.append(f"${name}:{rest}")
            continue
        unit = match.group(2)
        alphabet = GSM_ONLY if unit.startswith("gsm") else DIGITS if unit[0] == "d" else ANY_SCRIPT
        widths[name] = Width(int(match.group(1)), alphabet)
    return widths, unreadable


def _expand(elements: list[ast.TextElement | ast.Placeable]) -> list[Variant]:
    """One variant per combination of select variants, each select replaced by its text."""
    choices: list[list[tuple[str, list[ast.TextElement | ast.Placeable]]]] = []
    for element in elements:
        select = element.expression if isinstance(element, ast.Placeable) else None
        if isinstance(select, ast.SelectExpression):
            selector = serialize_expression(select.selector)
            choices.append(
                [
                    (
                        f"{selector} = {_key(option)}"
                        + (f", {inner.label}" if inner.label else ""),
                        inner.pattern.elements,
                    )
                    for option in select.variants
                    for inner in _expand(option.value.elements)
                ]
            )
        else:
            choices.append([("", [element])])
    variants = []
    for combination in itertools.product(*choices):
        label = ", ".join(part for part, _ in combination if part)
        pattern = ast.Pattern([element for _, part in combination for element in part])
        variants.append(Variant(label, pattern))
    return variants


def _key(variant: ast.Variant) -> str:
    key = variant.key.name if isinstance(variant.key, ast.Identifier) else variant.key.value
    return f"*{key}" if variant.default else str(key)


def _variant_id(message_id: str, index: int) -> str:
    return f"{message_id}--lint-variant-{index}"


def _variant_files(specs: list[MessageSpec], locales: list[str]) -> list[CatalogFile]:
    """Each variant as a message of its own, so the catalog renders it as it would be sent."""
    files = []
    for locale in locales:
        messages: list[ast.EntryType] = [
            ast.Message(ast.Identifier(_variant_id(spec.message_id, index)), variant.pattern)
            for spec in specs
            if spec.locale == locale
            for index, variant in enumerate(spec.variants)
        ]
        text = FluentSerializer().serialize(ast.Resource(messages))
        files.append(CatalogFile(locale, Path(f"<variants of {locale}>"), text))
    return files


def _check(
    catalog: Catalog, spec: MessageSpec, widths: dict[str, Width], short: dict[str, str]
) -> list[str]:
    where = f"{spec.file}: {spec.message_id}"
    try:
        catalog.render(spec.message_id, spec.locale, _plain_args(spec.variables, widths))
    except MissingMessage as error:
        return [f"{where}: does not render ({error})"]
    problems = []
    if spec.budget is None:
        problems.append(f"{where}: no 'segments: N' budget in its comment")
    shown: set[str] = set()
    for index, variant in enumerate(spec.variants):
        names = _Variables()
        names.visit(variant.pattern)
        shown |= names.names
        problems += _check_variant(catalog, spec, index, names.names, widths, short)
    problems += [
        f"{where}: ${name} has no width; add {_WIDTH_FORMS.replace('name', name)} to its comment"
        for name in sorted(shown - widths.keys())
    ]
    return problems


def _check_variant(
    catalog: Catalog,
    spec: MessageSpec,
    index: int,
    names: set[str],
    widths: dict[str, Width],
    short: dict[str, str],
) -> list[str]:
    label = spec.variants[index].label
    where = f"{spec.file}: {spec.message_id}" + (f" [{label}]" if label else "")
    variant_id = _variant_id(spec.message_id, index)
    try:
        text = catalog.render(variant_id, spec.locale, _plain_args(names, widths))
        worst = [
            catalog.render(
                variant_id,
                spec.locale,
                {n: case[widths[n].alphabet] * widths[n].size for n in names},
            )
            for case in _WORST_CASES
            if names <= widths.keys()
        ]
    except MissingMessage as error:
        return [f"{where}: does not render ({str(error).replace(variant_id, spec.message_id)})"]
    problems = []
    if spec.locale == DEFAULT_LOCALE:
        bad = non_gsm7_characters(text)
        if bad:
            problems.append(f"{where}: not GSM-7: {''.join(sorted(set(bad)))!r}")
        problems += _check_plain(where, text)
        if len(words(text)) < SCORED_WORDS_MIN:
            short[where] = text
    if spec.budget is not None and worst:
        costliest = max(worst, key=count_segments)
        if (used := count_segments(costliest)) > spec.budget:
            problems.append(
                f"{where}: {used} segments at worst, budget is {spec.budget}"
                f" ({segment_info(costliest).encoding} with every variable at its width)"
            )
    return problems


def _plain_args(names: set[str] | frozenset[str], widths: dict[str, Width]) -> dict[str, str]:
    return {name: _PLAIN[widths[name].alphabet] if name in widths else "word" for name in names}


def _check_plain(where: str, text: str) -> list[str]:
    problems = []
    if (longest := longest_sentence_words(text)) > SENTENCE_WORDS_MAX:
        problems.append(
            f"{where}: a sentence of {longest} words, over {SENTENCE_WORDS_MAX}; split it"
        )
    score = flesch_reading_ease(text)
    if len(words(text)) >= SCORED_WORDS_MIN and score < READING_EASE_MIN:
        problems.append(
            f"{where}: reading ease {score:.1f}, below {READING_EASE_MIN:.0f};"
            " use shorter sentences and everyday words"
        )
    return problems


def _check_short_messages(folder: Path, short: dict[str, str]) -> list[str]:
    """Score the short messages together: alone, a few words say little about ease."""
    pooled = "\n".join(short.values())
    score = flesch_reading_ease(pooled)
    if len(words(pooled)) < SCORED_WORDS_MIN or score >= READING_EASE_MIN:
        return []
    scores = sorted((flesch_reading_ease(text), where) for where, text in short.items())
    hardest = "; ".join(f"{where} ({value:.1f})" for value, where in scores[:3])
    return [
        f"{folder}: messages under {SCORED_WORDS_MIN} words have reading ease {score:.1f}"
        f" together, below {READING_EASE_MIN:.0f}; hardest: {hardest}"
    ]

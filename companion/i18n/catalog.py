"""The message catalog: every word a person reads, from Fluent files per locale."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from fluent.runtime import FluentBundle, FluentResource
from fluent.syntax import ast

DEFAULT_LOCALE = "en"
MESSAGES_DIR = Path(__file__).resolve().parents[2] / "messages"

Args = Mapping[str, str | int | float]


class MissingMessage(LookupError):
    """A message id (or a variable it needs) is missing: never send an id to a person."""


@dataclass(frozen=True)
class CatalogFile:
    """One `.ftl` file's text, with where it came from (for error messages)."""

    locale: str
    path: Path
    text: str


class Catalog:
    """Renders message ids in a locale; raises rather than send something broken."""

    def __init__(self, files: list[CatalogFile]) -> None:
        self._bundles: dict[str, FluentBundle] = {}
        self._ids: dict[str, set[str]] = {}
        for file in files:
            bundle = self._bundles.setdefault(
                file.locale, FluentBundle([file.locale], use_isolating=False)
            )
            resource = FluentResource(file.text)
            bundle.add_resource(resource)
            self._ids.setdefault(file.locale, set()).update(
                entry.id.name for entry in resource.body if isinstance(entry, ast.Message)
            )
        if DEFAULT_LOCALE not in self._bundles:
            raise MissingMessage(f"no catalog for the default locale {DEFAULT_LOCALE!r}")

    @property
    def locales(self) -> list[str]:
        """The locales that have at least one file, default first."""
        return sorted(self._bundles, key=lambda code: (code != DEFAULT_LOCALE, code))

    def message_ids(self, locale: str = DEFAULT_LOCALE) -> frozenset[str]:
        """Every message id defined in `locale`."""
        return frozenset(self._ids.get(locale, ()))

    def has(self, message_id: str, locale: str = DEFAULT_LOCALE) -> bool:
        """True if `message_id` exists in `locale`."""
        bundle = self._bundles.get(locale)
        return bundle is not None and bool(bundle.has_message(message_id))

    def render(
        self, message_id: str, locale: str = DEFAULT_LOCALE, args: Args | None = None
    ) -> str:
        """Render a message, falling back to the default locale if `locale` lacks it.

        Raises:
            MissingMessage: the id is in no catalog, or rendering reported an error
                (such as a missing variable).
        """
        bundle = self._bundles.get(locale)
        if bundle is None or not bundle.has_message(message_id):
            bundle = self._bundles[DEFAULT_LOCALE]
        if not bundle.has_message(message_id):
            raise MissingMessage(f"message id {message_id!r} is not in the catalog")
        message = bundle.get_message(message_id)
        if message.value is None:
            raise MissingMessage(f"message id {message_id!r} has no value")
        text, errors = bundle.format_pattern(message.value, dict(args or {}))
        if errors:
            raise MissingMessage(f"message id {message_id!r} did not render: {errors[0]}")
        return str(text).strip()


def read_catalog_files(root: Path = MESSAGES_DIR) -> list[CatalogFile]:
    """Every `messages/<locale>/*.ftl` file under `root`."""
    return [
        CatalogFile(locale=path.parent.name, path=path, text=path.read_text(encoding="utf-8"))
        for path in sorted(root.glob("*/*.ftl"))
    ]


def load_catalog(root: Path = MESSAGES_DIR) -> Catalog:
    """Load the catalog from `root`."""
    return Catalog(read_catalog_files(root))

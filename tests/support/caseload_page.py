"""Reading the triaged caseload page the way a coordinator reads it: rows, in order."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class CaseRowSeen:
    """One person's row: who, why they are near the top (by reason class), and the rest."""

    consent_id: str
    attention: bool
    name: str = ""
    reasons: dict[str, str] = field(default_factory=dict)
    meta: list[str] = field(default_factory=list)


class _CaseloadParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[CaseRowSeen] = []
        self._in: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        classes = (found.get("class") or "").split()
        if tag == "li" and "case" in classes:
            self.rows.append(CaseRowSeen(str(found["data-consent"]), "attention" in classes))
        elif self.rows and tag in {"span", "li"} and self._in is None:
            kinds = [c for c in classes if c.startswith("reason-")] or (
                ["name"] if "name" in classes else ["meta"] if "meta" in classes else []
            )
            if kinds:
                self._in, self._text = kinds[0], []

    def handle_endtag(self, tag: str) -> None:
        if self._in is None or tag not in {"span", "li"}:
            return
        text = " ".join("".join(self._text).split())
        row = self.rows[-1]
        if self._in == "name":
            row.name = text
        elif self._in == "meta":
            row.meta.append(text)
        else:
            row.reasons[self._in.removeprefix("reason-")] = text
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in is not None:
            self._text.append(data)


def caseload_rows(page: str) -> list[CaseRowSeen]:
    """The caseload's rows in the order the page lists them."""
    parser = _CaseloadParser()
    parser.feed(page)
    return parser.rows

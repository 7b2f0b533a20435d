"""The message catalog and the content linter."""

from __future__ import annotations

from pathlib import Path

import pytest

from companion.i18n.catalog import Catalog, CatalogFile, MissingMessage, load_catalog
from companion.i18n.lint import lint_catalogs


def catalog(text: str, locale: str = "en") -> Catalog:
    return Catalog([CatalogFile(locale, Path(f"{locale}.ftl"), text)])


def test_missing_id_raises_instead_of_sending_the_id() -> None:
    """An unknown message id raises; the id is never sent to a person."""
    with pytest.raises(MissingMessage):
        load_catalog().render("no-such-message")


def test_missing_variable_raises() -> None:
    """A message rendered without a variable it needs raises."""
    words = catalog("# c\ngreet = Hi { $name }\n")
    with pytest.raises(MissingMessage):
        words.render("greet")
    assert words.render("greet", args={"name": "Sam"}) == "Hi Sam"


def test_variables_render_without_isolation_marks() -> None:
    """Fluent's Unicode isolation marks would force UCS-2 and double the cost."""
    assert (
        catalog("# c\ngreet = Hi { $name }!\n").render("greet", args={"name": "Sam"}) == "Hi Sam!"
    )


def test_locale_falls_back_to_english() -> None:
    """A message missing in another locale is rendered in English, not dropped."""
    words = Catalog(
        [
            CatalogFile("en", Path("en.ftl"), "# c\na = Hello\n"),
            CatalogFile("pl", Path("pl.ftl"), ""),
        ]
    )
    assert words.render("a", "pl") == "Hello"


def test_shipped_catalogs_pass_the_linter() -> None:
    """The catalogs we ship have every message, GSM-7 English, within budget."""
    assert lint_catalogs() == []


def write(root: Path, locale: str, text: str) -> None:
    (root / locale).mkdir(parents=True, exist_ok=True)
    (root / locale / "main.ftl").write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("english", "problem"),
    [
        ("# segments: 1\nhi = Hi \u2013 there\n", "not GSM-7"),
        ("# segments: 1\nhi = It\u2019s fine\n", "not GSM-7"),
        ("# a comment\nhi = Hi\n", "no 'segments: N' budget"),
        ("hi = Hi\n", "no comment for translators"),
        ("# segments: 1\nhi = " + "word " * 40 + "\n", "segments at worst, budget is 1"),
        (
            "# segments: 1\n# $name: 150 chars\nhi = Hi { $name }, how are you today\n",
            "budget is 1",
        ),
        ("# segments: 1\nhi = { \n", "syntax error"),
    ],
)
def test_linter_names_file_message_and_problem(tmp_path: Path, english: str, problem: str) -> None:
    """Each broken catalog yields a problem naming the file, the id and what is wrong."""
    write(tmp_path, "en", english)
    problems = lint_catalogs(tmp_path)
    assert any(problem in p and "main.ftl" in p for p in problems), problems


def test_linter_finds_messages_missing_from_a_locale(tmp_path: Path) -> None:
    """A message in English but not in another locale is reported."""
    write(tmp_path, "en", "# segments: 1\nhi = Hi\n# segments: 1\nbye = Bye\n")
    write(tmp_path, "pl", "# segments: 1\nhi = Czesc\n")
    assert any("bye: missing" in p for p in lint_catalogs(tmp_path))


def test_check_content_command_fails_on_a_broken_catalog(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`companion check-content` exits non-zero and prints the problem."""
    from companion.cli import main

    write(tmp_path, "en", "hi = Hi \u2014 there\n")
    assert main(["check-content", "--messages", str(tmp_path)]) == 1
    assert "not GSM-7" in capsys.readouterr().err
    assert main(["check-content"]) == 0


def test_every_message_id_the_code_sends_is_declared() -> None:
    """Each literal Say/Reply id in the package is in SENT_BY_CODE, so check-content checks it."""
    import re
    from pathlib import Path

    from companion.i18n.used import SENT_BY_CODE

    package = Path(__file__).resolve().parents[2] / "companion"
    pattern = re.compile(r"\b(?:Say|Reply)\(\s*\"([a-z0-9_-]+)\"")
    found = {m for path in package.rglob("*.py") for m in pattern.findall(path.read_text())}
    assert found
    assert found - SENT_BY_CODE == set()


def test_every_declared_id_exists_in_english() -> None:
    """The ids the code sends are all in the English catalog."""
    from companion.i18n.catalog import load_catalog
    from companion.i18n.used import SENT_BY_CODE

    assert SENT_BY_CODE - load_catalog().message_ids() == set()

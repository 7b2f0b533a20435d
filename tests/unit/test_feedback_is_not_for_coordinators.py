"""FEEDBACK never reaches a coordinator: no portal or sharing code reads its table."""

from __future__ import annotations

import re
from pathlib import Path

import companion

PACKAGE = Path(companion.__file__).parent
# What reading the feedback table from Python would look like.
READS_FEEDBACK = re.compile(r"\bFeedback\b|FEEDBACK_WORDS|records\.feedback|\"feedback\"")


def test_no_portal_or_sharing_module_reads_feedback() -> None:
    """Coordinators see only what the portal and sharing code read; feedback is in neither."""
    coordinator_side = [*PACKAGE.joinpath("web").rglob("*.py")]
    coordinator_side += [*PACKAGE.joinpath("sharing").rglob("*.py")]
    coordinator_side += [*PACKAGE.joinpath("web", "templates").rglob("*.html")]
    readers = [p.name for p in coordinator_side if READS_FEEDBACK.search(p.read_text())]
    assert coordinator_side
    assert readers == []


def test_the_pattern_finds_a_reader() -> None:
    """The check above would notice the operators' own reader (so it can fail)."""
    assert READS_FEEDBACK.search(PACKAGE.joinpath("records", "feedback.py").read_text())

"""`companion coordinator hours`: the operator sets when a team answers TALK requests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.command_line import CommandLine


def test_coordinator_hours_sets_new_ones_refuses_nonsense_and_audits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A change of TALK hours is kept and audited; hours that do not read are refused."""
    companion = CommandLine(tmp_path, monkeypatch, capsys)
    add = companion("coordinator", "add", "--name", "Sam", "--email", "s@x.example", "--team", "T")
    assert add.status == 0, add.err
    changed = companion(
        "coordinator", "hours", "s@x.example", "Mon-Thu 08:30-16:00", "--within", "3"
    )
    assert changed.status == 0, changed.err
    again = companion("coordinator", "hours", "s@x.example").out.strip()
    assert again == "TALK hours: Mon-Thu 08:30-16:00, within 3 working days"
    assert companion("coordinator", "hours", "s@x.example", "weekdays").status == 1
    assert "talk_hours" in companion("audit", "show").out

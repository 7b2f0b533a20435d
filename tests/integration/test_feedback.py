"""FEEDBACK through the real service: kept sealed, read by operators only, audited, erasable."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.command_line import CommandLine

PHONE = "07700 900456"
WORDS = "the reminders come too early for me"
LATER = "more ideas for walking groups please"


def raw(folder: Path) -> bytes:
    """The database as an attacker with the files would read it (WAL included)."""
    return b"".join(p.read_bytes() for p in folder.glob("c.db*"))


def test_feedback_reaches_operators_sealed_and_goes_with_erasure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """FEEDBACK with words, and on its own then words, each thanked, listed newest first."""
    companion = CommandLine(tmp_path, monkeypatch, capsys)
    texts = f"JOIN\nYES\nFEEDBACK {WORDS}\nFEEDBACK\n{LATER}\nFEEDBACK I want to kill myself\n"
    chat = companion("chat", "--phone", PHONE, stdin=texts)
    assert chat.status == 0, chat.err
    assert chat.out.count("We read every message each week") == 2
    assert "What works, what does not" in chat.out
    assert "Samaritans" in chat.out  # crisis words inside FEEDBACK still get signposting
    assert WORDS.encode() not in raw(tmp_path)
    assert LATER.encode() not in raw(tmp_path)

    listed = companion("feedback", "list")
    assert listed.status == 0, listed.err
    lines = listed.out.splitlines()
    assert [line.split("  ", 2)[-1] for line in lines] == [LATER, WORDS]
    assert all("  en  " in line for line in lines)
    assert "900456" not in listed.out
    assert companion("feedback", "list", "--since", "2999-01-01").out.strip() == (
        "no feedback since then"
    )
    assert "feedback_list" in companion("audit", "show").out

    exported = json.loads(companion("export", "--phone", PHONE).out)
    assert sorted(f["words"] for f in exported["feedback"]) == sorted([WORDS, LATER])
    assert companion("erase", "--phone", PHONE, "--confirm").status == 0
    assert companion("feedback", "list").out.strip() == "no feedback yet"

"""Whole-life topics through the real service: added by text, asked, answered kindly, removed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.command_line import CommandLine

PHONE = "07700 900457"


def test_money_added_is_asked_answered_with_citizens_advice_then_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """ADD money: it joins the rotation; YES gets Citizens Advice; REMOVE takes it out."""
    companion = CommandLine(tmp_path, monkeypatch, capsys)
    skip3, skip2 = "LOG\nSKIP\nSKIP\nSKIP\n", "LOG\nSKIP\nSKIP\n"
    texts = f"JOIN\nYES\nADD money\n{skip3}{skip2}LOG\nSKIP\nSKIP\nyes\n"
    chat = companion("chat", "--phone", PHONE, stdin=texts)
    assert chat.status == 0, chat.err
    assert "money worries will now come up" in chat.out
    assert chat.out.count("Have money worries been on your mind today?") == 1
    assert "Citizens Advice" in chat.out
    exported = json.loads(companion("export", "--phone", PHONE).out)
    assert exported["person"]["topics"] == ["money"]
    answer = [o for o in exported["observations"] if o["key"] == "money_worries"]
    assert [(o["kind"], o["value"]) for o in answer] == [("wellbeing", True)]

    later = companion("chat", "--phone", PHONE, stdin="REMOVE money\nTOPICS\n")
    assert "We will not ask about money worries any more" in later.out
    assert "money worries are off" in later.out
    assert json.loads(companion("export", "--phone", PHONE).out)["person"]["topics"] == []

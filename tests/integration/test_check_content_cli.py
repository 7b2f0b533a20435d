"""`companion check-content`: exit 0 on the shipped content, and name what is broken otherwise."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from companion.engine.flowspec import FLOWS_DIR
from companion.i18n.catalog import DEFAULT_LOCALE, MESSAGES_DIR

BROKEN_FLOW = """
id = "mood"
start = "ask"

[steps.ask]
ask = "side-bother"
answer = "yes_no"
next = "thanks"
"""


def check_content(cwd: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run `python -m companion check-content` in a fresh process."""
    return subprocess.run(
        [sys.executable, "-m", "companion", "check-content", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def flows_copy(tmp_path: Path) -> Path:
    """A copy of the shipped flows/ folder."""
    return Path(shutil.copytree(FLOWS_DIR, tmp_path / "flows"))


def english_copy(tmp_path: Path, without: str | None = None) -> Path:
    """A copy of the English catalog (only), optionally with one message removed."""
    root = tmp_path / "messages"
    shutil.copytree(MESSAGES_DIR / DEFAULT_LOCALE, root / DEFAULT_LOCALE)
    if without is not None:
        removed = [path for path in root.rglob("*.ftl") if remove_message(path, without)]
        assert len(removed) == 1, f"{without} should be defined in exactly one file"
    return root


def remove_message(path: Path, message_id: str) -> bool:
    """Drop a message and its comment (one blank-line separated block) from a .ftl file."""
    blocks = path.read_text(encoding="utf-8").split("\n\n")
    kept = [
        b for b in blocks if not any(line.startswith(f"{message_id} =") for line in b.split("\n"))
    ]
    if len(kept) == len(blocks):
        return False
    path.write_text("\n\n".join(kept), encoding="utf-8")
    return True


def test_shipped_content_passes(tmp_path: Path) -> None:
    """The real catalogs, flows and tip directory pass: exit 0 and "content ok"."""
    script = Path(sys.executable).with_name("companion")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "companion"]
    result = subprocess.run(
        [*command, "check-content"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "content ok"
    assert result.stderr == ""


def test_unchanged_copies_pass(tmp_path: Path) -> None:
    """Copies of flows/ and the English catalog pass, so the broken cases below test one thing."""
    result = check_content(
        tmp_path, "--flows", flows_copy(tmp_path), "--messages", english_copy(tmp_path)
    )
    assert result.returncode == 0, result.stderr


def test_flow_going_to_a_missing_step_fails_naming_file_step_and_problem(tmp_path: Path) -> None:
    """A flow whose step goes to a missing step: non-zero exit, stderr names all three."""
    flows = flows_copy(tmp_path)
    (flows / "mood.toml").write_text(BROKEN_FLOW, encoding="utf-8")
    result = check_content(tmp_path, "--flows", flows, "--messages", english_copy(tmp_path))
    assert result.returncode != 0
    assert str(flows / "mood.toml") in result.stderr
    assert "step 'ask'" in result.stderr
    assert "goes to 'thanks', which is not a step" in result.stderr
    assert "content ok" not in result.stdout


def test_flow_using_a_missing_message_fails_naming_it(tmp_path: Path) -> None:
    """A flow asking with an id the catalog lacks: non-zero exit naming file, step and id."""
    flows = flows_copy(tmp_path)
    fixed = BROKEN_FLOW.replace('next = "thanks"', "").replace("side-bother", "mood-ask")
    (flows / "mood.toml").write_text(fixed, encoding="utf-8")
    result = check_content(tmp_path, "--flows", flows, "--messages", english_copy(tmp_path))
    assert result.returncode != 0
    assert str(flows / "mood.toml") in result.stderr
    assert "step 'ask': message id 'mood-ask' is not in the catalog" in result.stderr


def test_message_removed_from_english_fails_naming_it(tmp_path: Path) -> None:
    """Removing a message a flow sends: non-zero exit, stderr names the id, flow and step."""
    messages = english_copy(tmp_path, without="side-dizzy")
    result = check_content(tmp_path, "--messages", messages)
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if "'side-dizzy'" in line]
    assert lines, result.stderr
    assert "side-effects.toml: step 'dizzy'" in lines[0]
    assert "not in the catalog" in lines[0]


def test_message_the_engine_sends_removed_from_english_fails(tmp_path: Path) -> None:
    """Removing "moving-on" (sent by the runner, not a flow) fails the check."""
    messages = english_copy(tmp_path, without="moving-on")
    result = check_content(tmp_path, "--messages", messages)
    assert result.returncode != 0
    assert "moving-on" in result.stderr

"""`companion resources check|add|retire` on the shipped directory and on temp copies."""

from __future__ import annotations

import http.server
import io
import shutil
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

import pytest

from companion.cli.commands import main
from companion.engine.resources import DIRECTORY_PATH, load_directory, pick_tip

TODAY = "2026-12-03"
ADD = [
    "--id", "walk-club", "--name", "Walk Club", "--offer", "Free short walks.",
    "--area", "Sutton", "--category", "activity", "--contact", "walkclub.example.org",
    "--source", "https://walkclub.example.org/about",
]  # fmt: skip


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    path = tmp_path / "directory.toml"
    shutil.copyfile(DIRECTORY_PATH, path)
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["resources", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_check_passes_on_the_shipped_directory() -> None:
    """The command an operator runs, as a process: exit 0 and "directory ok"."""
    done = subprocess.run(
        [sys.executable, "-m", "companion", "resources", "check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("directory ok: ")


def test_check_names_each_problem_in_a_broken_copy(
    copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing source, a stale date and a borough left bare each get a clear line."""
    text = copy.read_text(encoding="utf-8")
    text = text.replace('source = "https://www.nhs.uk/medicines/"\n', "", 1)
    text = text.replace('id = "pohwer"', 'id = "pohwer"\nlast_checked_was = 1', 1)
    text = text.replace('area = "Bexley"', 'area = "london"')
    text = text.replace('id = "nhs-couch-to-5k"', 'id = "nhs-couch-to-5k"\nretired = 2026-12-01', 1)
    copy.write_text(text.replace("last_checked = 2026-11-26", "last_checked = 2025-11-26"))
    code, out, _ = run(capsys, "check", "--directory", str(copy), "--today", TODAY)
    assert code == 1
    lines = out.splitlines()
    assert f"{copy}: resource nhs-medicines-a-z: missing keys ['source']" in lines
    assert f"{copy}: resource pohwer: unknown keys ['last_checked_was']" in lines
    assert "borough Bexley: no local entries" in lines
    stale = "resource parkrun: last checked 2025-11-26, over a year ago"
    assert any(line.startswith(stale) for line in lines)
    assert not any("nhs-couch-to-5k" in line for line in lines)


def test_check_reports_a_group_left_without_a_resource(
    copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Retiring the only faith resource leaves that group uncovered, and check says so."""
    assert run(capsys, "retire", "jami", "--directory", str(copy), "--today", TODAY)[0] == 0
    code, out, _ = run(capsys, "check", "--directory", str(copy), "--today", TODAY)
    assert code == 1
    assert out.splitlines() == ["diverse-needs group faith: no resource for it"]


def sutton_walks(path: Path) -> set[str]:
    directory = load_directory(path, date(2026, 12, 3))
    return {
        tip.id
        for seed in range(40)
        if (
            tip := pick_tip(
                directory, borough="Sutton", interests={"activity"}, already_sent=(), seed=seed
            )
        )
    }


def test_add_then_retire_round_trip(copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An added entry is loaded and can be a tip; once retired it is kept but never sent."""
    before = copy.read_text(encoding="utf-8")
    code, out, _ = run(capsys, "add", *ADD, "--group", "older-people", "--directory", str(copy))
    assert (code, out.strip()) == (0, "added walk-club")
    assert copy.read_text(encoding="utf-8").startswith(before.rstrip("\n"))
    added = next(r for r in load_directory(copy, date.max) if r.id == "walk-club")
    assert added.groups == ("older-people",)
    assert added.area == "Sutton"
    assert "walk-club" in sutton_walks(copy)

    code, out, _ = run(capsys, "retire", "walk-club", "--directory", str(copy), "--today", TODAY)
    assert (code, out.strip()) == (0, f"retired walk-club on {TODAY}")
    kept = next(r for r in load_directory(copy, date.max) if r.id == "walk-club")
    assert kept.retired == date(2026, 12, 3)
    assert "walk-club" not in sutton_walks(copy)
    code, _, err = run(capsys, "retire", "walk-club", "--directory", str(copy))
    assert code == 1
    assert "already retired" in err


def test_add_refuses_an_invalid_entry_and_leaves_the_file(
    copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A misspelt borough is refused with the loader's reason; nothing is written."""
    before = copy.read_bytes()
    argv = [a if a != "Sutton" else "Suton" for a in ADD]
    code, _, err = run(capsys, "add", *argv, "--directory", str(copy))
    assert code == 1
    assert f"{copy}: resource walk-club: unknown area 'Suton'" in err
    assert "nothing was changed" in err
    assert copy.read_bytes() == before
    assert [p.name for p in copy.parent.iterdir()] == ["directory.toml"]


def test_add_prompts_for_what_was_left_out(
    copy: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fields not given as flags are asked for, one prompt each."""
    monkeypatch.setattr("sys.stdin", io.StringIO("https://walkclub.example.org/about\n"))
    flags = ADD[: ADD.index("--source")]
    code, out, _ = run(capsys, "add", *flags, "--directory", str(copy))
    assert code == 0
    assert "added walk-club" in out
    assert 'source = "https://walkclub.example.org/about"' in copy.read_text(encoding="utf-8")


def test_links_reports_an_address_that_no_longer_answers(
    copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--links names the entry whose page is gone, not the one that answers (local server)."""

    class Pages(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200 if self.path == "/here" else 404)
            self.end_headers()

        def log_message(self, *_args: object) -> None:
            return

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        entry = (
            '\n[[resource]]\nid = "{id}"\nname = "N"\noffer = "O."\narea = "national"\n'
            'category = "activity"\ncontact = "020 7946 0000"\nsource = "{url}"\n'
            "last_checked = 2026-12-01\n"
        )
        pages = entry.format(id="page-here", url=f"{base}/here") + entry.format(
            id="page-gone", url=f"{base}/gone"
        )
        copy.write_text(pages, encoding="utf-8")
        code, out, _ = run(capsys, "check", "--links", "--directory", str(copy), "--today", TODAY)
    finally:
        server.shutdown()
        server.server_close()
    assert code == 1
    dead = [line for line in out.splitlines() if "does not answer" in line]
    assert dead == [f"resource page-gone: {base}/gone does not answer (HTTP 404)"]

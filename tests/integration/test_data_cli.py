"""The operator's data commands as a real process: export, erase, key rotation, audit."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

PHONE = "07700 900777"


def companion(tmp_path: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TWILIO_", "COMPANION_"))}
    env |= {
        "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'c.db'}",
        "COMPANION_KEY_FILE": str(tmp_path / "keyring"),
    }
    return subprocess.run(
        [sys.executable, "-m", "companion", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )


@pytest.fixture
def person(tmp_path: Path) -> Path:
    """A person who joined and logged a weight through `companion chat`."""
    chat = companion(tmp_path, "chat", "--phone", PHONE, stdin="JOIN\nYES\nWEIGHT 84.2\n")
    assert chat.returncode == 0, chat.stderr
    return tmp_path


def test_export_rotate_reencrypt_retire_erase_and_audit(person: Path) -> None:
    """The whole life of a person's data, each step audited and the chain intact."""
    exported = companion(person, "export", "--phone", PHONE)
    assert exported.returncode == 0, exported.stderr
    data = json.loads(exported.stdout)
    assert 84.2 in [o["value"] for o in data["observations"]]
    fhir = companion(person, "export", "--phone", PHONE, "--format", "fhir")
    assert json.loads(fhir.stdout)["resourceType"] == "Bundle"

    old_id = (person / "keyring").read_text().split(",")[1].split(":")[0]
    assert companion(person, "keys", "rotate").returncode == 0
    refused = companion(person, "keys", "retire", old_id)
    assert refused.returncode == 1
    assert "still use key" in refused.stderr
    assert companion(person, "keys", "reencrypt").returncode == 0
    retired = companion(person, "keys", "retire", old_id)
    assert retired.returncode == 0, retired.stderr
    assert f"{old_id}:" not in retired.stdout
    again = companion(person, "export", "--phone", PHONE)  # still readable after rotation
    assert 84.2 in [o["value"] for o in json.loads(again.stdout)["observations"]]

    assert companion(person, "erase", "--phone", PHONE).returncode == 2  # needs --confirm
    erased = companion(person, "erase", "--phone", PHONE, "--confirm")
    assert erased.returncode == 0, erased.stderr
    assert companion(person, "export", "--phone", PHONE).returncode == 1

    verified = companion(person, "audit", "verify")
    assert verified.returncode == 0, verified.stderr
    shown = companion(person, "audit", "show").stdout
    for action in ("export", "keys_rotate", "keys_reencrypt", "keys_retire", "erasure"):
        assert action in shown
    assert "900777" not in shown


def test_an_edited_audit_entry_is_detected(person: Path) -> None:
    """Changing any audit entry in the database file breaks `audit verify`."""
    assert companion(person, "export", "--phone", PHONE).returncode == 0
    with sqlite3.connect(person / "c.db") as db:
        db.execute("UPDATE audit_entry SET action = 'nothing' WHERE seq = 1")
    broken = companion(person, "audit", "verify")
    assert broken.returncode == 1
    assert "broken at entry 1" in broken.stderr

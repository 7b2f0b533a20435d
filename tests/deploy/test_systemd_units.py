"""The systemd units in deploy/systemd pass `systemd-analyze verify` and hold no secret."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

UNITS = Path(__file__).resolve().parents[2] / "deploy" / "systemd"
INSTALLED_BINARY = "/opt/companion/.venv/bin/companion"


def _local_copy(tmp_path: Path) -> list[Path]:
    """The units with ExecStart pointed at this test's Python (verify needs it to exist)."""
    copies = []
    for unit in sorted(UNITS.iterdir()):
        text = unit.read_text(encoding="utf-8")
        text = text.replace(INSTALLED_BINARY, f"{sys.executable} -m companion")
        name = unit.name.replace("@.", "@8080.")  # a template is verified as an instance
        (tmp_path / name).write_text(text, encoding="utf-8")
        copies.append(tmp_path / name)
    return copies


def test_units_pass_systemd_analyze_verify(tmp_path: Path) -> None:
    """Every unit parses with no unknown key, bad value or missing binary."""
    if shutil.which("systemd-analyze") is None:
        pytest.skip("systemd-analyze not installed (apt-get install systemd)")
    copies = _local_copy(tmp_path)
    assert {c.name for c in copies} >= {
        "companion.service",
        "companion@8080.service",
        "companion-backup.service",
        "companion-backup.timer",
    }
    done = subprocess.run(
        ["systemd-analyze", "verify", *(str(c) for c in copies)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    complaints = [line for line in done.stderr.splitlines() if any(c.name in line for c in copies)]
    assert done.returncode == 0, done.stderr
    assert complaints == []


def test_units_take_secrets_from_credentials_not_from_the_unit() -> None:
    """Keys and the Twilio token come from LoadCredential files; the units never hold them."""
    for unit in UNITS.glob("*.service"):
        text = unit.read_text(encoding="utf-8")
        assert not re.search(r"^Environment=(COMPANION_DATA_KEYS|TWILIO_AUTH_TOKEN)=", text, re.M)
        for credential in re.findall(r"=%d/([\w-]+)", text):
            assert re.search(rf"^LoadCredential={credential}:/etc/companion/", text, re.M)
        assert "ProtectSystem=strict" in text
        assert "NoNewPrivileges=yes" in text
    serve = (UNITS / "companion.service").read_text(encoding="utf-8")
    assert "COMPANION_DATA_KEYS_FILE=%d/data-keys" in serve


def test_single_and_per_port_units_differ_only_in_the_port() -> None:
    """companion.service and companion@.service cannot drift apart in their hardening."""

    def settings(name: str) -> list[str]:
        lines = (UNITS / name).read_text(encoding="utf-8").splitlines()
        return [ln for ln in lines if ln and not ln.startswith(("#", "Description="))]

    single, per_port = settings("companion.service"), settings("companion@.service")
    assert [ln for ln in per_port if ln != "Environment=COMPANION_PORT=%i"] == single


def test_admin_command_runs_with_the_units_user_settings_and_credentials() -> None:
    """companion-admin hands operator commands the same user, env file and credentials."""
    admin = (UNITS.parent / "companion-admin").read_text(encoding="utf-8")
    unit = (UNITS / "companion@.service").read_text(encoding="utf-8")
    checked = subprocess.run(["bash", "-n", str(UNITS.parent / "companion-admin")], check=False)
    assert checked.returncode == 0
    for line in re.findall(r"^(?:LoadCredential|EnvironmentFile)=.*$", unit, re.MULTILINE):
        assert f"--property={line}" in admin
    assert "--uid=companion" in admin
    assert "User=companion" in unit

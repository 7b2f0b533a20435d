"""`companion coordinator add`: an account awaiting enrolment and a one-time link."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from companion.accounts.coordinators import token_hash
from companion.db.models import Coordinator
from tests.support.database import rows
from tests.support.processes import service_env


def coordinator_add(cwd: Path, env: dict[str, str], email: str) -> subprocess.CompletedProcess[str]:
    """Run the command in a fresh process."""
    args = ["coordinator", "add", "--name", "Sam Patel", "--email", email, "--team", "North"]
    return subprocess.run(
        [sys.executable, "-m", "companion", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


async def test_coordinator_add_prints_a_one_time_link(tmp_path: Path) -> None:
    """The link uses PUBLIC_BASE_URL; only the token's hash is stored; emails are unique."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'c.db'}"
    env = service_env({"DATABASE_URL": url, "PUBLIC_BASE_URL": "https://portal.example.org"})
    done = coordinator_add(tmp_path, env, "Sam@NHS.example")
    assert done.returncode == 0, done.stderr
    match = re.search(
        r"https://portal\.example\.org/portal/enrol/([A-Za-z0-9_-]{40,})", done.stdout
    )
    assert match is not None, done.stdout
    (row,) = await rows(url, Coordinator)
    assert row.email == "sam@nhs.example"
    assert row.enrol_token_hash == token_hash(match.group(1))
    assert match.group(1) not in str(row)
    again = coordinator_add(tmp_path, env, "sam@nhs.example")
    assert again.returncode == 1
    assert "already exists" in again.stderr

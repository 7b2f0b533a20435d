"""Running the `companion` command line in this process, against a database in a folder."""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from companion.cli import main


@dataclass(frozen=True)
class Ran:
    """What a command did: its exit status and what it printed."""

    status: int
    out: str
    err: str


class CommandLine:
    """`companion ...` in simulator mode on `folder`'s own database and key file."""

    def __init__(
        self, folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        self._monkeypatch, self._capsys = monkeypatch, capsys
        monkeypatch.chdir(folder)
        for name in ("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "COMPANION_DATA_KEYS"):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{folder / 'c.db'}")
        monkeypatch.setenv("COMPANION_KEY_FILE", str(folder / "keyring"))
        monkeypatch.setenv("COMPANION_MODE", "simulator")

    def __call__(self, *args: str, stdin: str = "") -> Ran:
        """Run one command with `stdin` as its input."""
        self._monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        status = main(list(args))
        out, err = self._capsys.readouterr()
        return Ran(status, out, err)

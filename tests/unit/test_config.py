"""Settings: defaults, and one clear line naming the variable when something is wrong."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest

from companion.cli import main
from companion.config import ConfigError, load_settings

SID = "AC" + "1" * 32


def test_defaults_are_local_sqlite_on_127_0_0_1_8080_in_simulator_mode_when_asked() -> None:
    """With only COMPANION_MODE=simulator set, the service runs on SQLite on 127.0.0.1:8080."""
    settings = load_settings({"COMPANION_MODE": "simulator"})
    assert settings.simulator_mode
    assert settings.database_url == "sqlite+aiosqlite:///./companion.db"
    assert (settings.host, settings.port) == ("127.0.0.1", 8080)
    assert settings.public_base_url == "http://127.0.0.1:8080"
    assert settings.max_mps == 10
    assert settings.sweep_seconds == 30
    assert settings.quiet_hours is not None
    assert settings.quiet_hours.start == time(21, 30)


def test_twilio_settings_turn_off_simulator_mode() -> None:
    """Credentials and a sender select the Twilio gateway, with Twilio's own API by default."""
    settings = load_settings(
        {"TWILIO_ACCOUNT_SID": SID, "TWILIO_AUTH_TOKEN": "t", "TWILIO_FROM_NUMBER": "+447700900000"}
    )
    assert not settings.simulator_mode
    assert settings.twilio is not None
    assert settings.twilio.api_base_url == "https://api.twilio.com"


def test_dotenv_file_is_read_and_environment_wins(tmp_path: Path) -> None:
    """Values come from .env, but a real environment variable overrides them."""
    dotenv = tmp_path / ".env"
    dotenv.write_text("COMPANION_PORT=9000\nTWILIO_MAX_MPS=3\n")
    settings = load_settings({"TWILIO_MAX_MPS": "5", "COMPANION_MODE": "simulator"}, dotenv)
    assert settings.port == 9000
    assert settings.max_mps == 5


@pytest.mark.parametrize(
    ("environ", "variable"),
    [
        ({"COMPANION_PORT": "eighty"}, "COMPANION_PORT"),
        ({"COMPANION_PORT": "70000"}, "COMPANION_PORT"),
        ({"TWILIO_MAX_MPS": "0"}, "TWILIO_MAX_MPS"),
        ({"TWILIO_MAX_MPS": "fast"}, "TWILIO_MAX_MPS"),
        ({"COMPANION_SWEEP_SECONDS": "-1"}, "COMPANION_SWEEP_SECONDS"),
        ({"COMPANION_QUIET_HOURS": "late"}, "COMPANION_QUIET_HOURS"),
        ({"COMPANION_QUIET_HOURS": "25:00-08:00"}, "COMPANION_QUIET_HOURS"),
        ({"DATABASE_URL": "mysql://x"}, "DATABASE_URL"),
        ({"PUBLIC_BASE_URL": "companion.example.org"}, "PUBLIC_BASE_URL"),
        ({"TWILIO_AUTH_TOKEN": "t"}, "TWILIO_ACCOUNT_SID"),
        ({"TWILIO_ACCOUNT_SID": SID}, "TWILIO_AUTH_TOKEN"),
        ({"TWILIO_ACCOUNT_SID": "AC12", "TWILIO_AUTH_TOKEN": "t"}, "TWILIO_ACCOUNT_SID"),
        ({"TWILIO_ACCOUNT_SID": SID, "TWILIO_AUTH_TOKEN": "t"}, "TWILIO_FROM_NUMBER"),
        (
            {
                "TWILIO_ACCOUNT_SID": SID,
                "TWILIO_AUTH_TOKEN": "t",
                "TWILIO_FROM_NUMBER": "+44",
                "TWILIO_API_BASE_URL": "ftp://x",
            },
            "TWILIO_API_BASE_URL",
        ),
    ],
)
def test_bad_values_name_the_variable(environ: dict[str, str], variable: str) -> None:
    """Each invalid setting raises an error that starts with the variable's name."""
    with pytest.raises(ConfigError) as raised:
        load_settings(environ)
    assert str(raised.value).startswith(f"{variable}: ")
    assert "\n" not in str(raised.value)


def test_quiet_hours_can_be_switched_off() -> None:
    """COMPANION_QUIET_HOURS=off means no quiet window."""
    settings = load_settings({"COMPANION_QUIET_HOURS": "off", "COMPANION_MODE": "simulator"})
    assert settings.quiet_hours is None


def test_cli_prints_one_line_and_exits_2_on_bad_config(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`companion db upgrade` with a bad setting prints one line naming it, exit status 2."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TWILIO_MAX_MPS", "lots")
    assert main(["db", "upgrade"]) == 2
    err = capsys.readouterr().err
    assert err.strip().splitlines() == [
        "companion: TWILIO_MAX_MPS: must be a positive number, got 'lots'"
    ]


def test_twilio_mode_requires_data_keys(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A service with real Twilio credentials refuses to invent its own encryption keys."""
    monkeypatch.chdir(tmp_path)
    for name, value in {
        "TWILIO_ACCOUNT_SID": SID,
        "TWILIO_AUTH_TOKEN": "t",
        "TWILIO_FROM_NUMBER": "+447700900000",
    }.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("COMPANION_DATA_KEYS", raising=False)
    assert main(["invite", "+447700900123"]) == 2
    assert capsys.readouterr().err.startswith("companion: COMPANION_DATA_KEYS: required")


def test_secrets_can_come_from_files_such_as_systemd_credentials(tmp_path: Path) -> None:
    """COMPANION_DATA_KEYS_FILE and TWILIO_AUTH_TOKEN_FILE are read; the plain variable wins."""
    keys, token = tmp_path / "data-keys", tmp_path / "twilio-auth-token"
    keys.write_text("index:abc,k1:def\n", encoding="utf-8")
    token.write_text("file-token\n", encoding="utf-8")
    environ = {
        "COMPANION_DATA_KEYS_FILE": str(keys),
        "TWILIO_ACCOUNT_SID": SID,
        "TWILIO_AUTH_TOKEN_FILE": str(token),
        "TWILIO_FROM_NUMBER": "+447700900000",
        "PUBLIC_BASE_URL": "https://companion.example.org",
    }
    settings = load_settings(environ)
    assert settings.data_keys == "index:abc,k1:def"
    assert settings.twilio is not None
    assert settings.twilio.auth_token == "file-token"
    from_env = load_settings({**environ, "TWILIO_AUTH_TOKEN": "env"}).twilio
    assert from_env is not None
    assert from_env.auth_token == "env"
    with pytest.raises(ConfigError, match=r"^COMPANION_DATA_KEYS_FILE: cannot read"):
        load_settings({**environ, "COMPANION_DATA_KEYS_FILE": str(tmp_path / "missing")})

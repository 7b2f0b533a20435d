"""Settings from the environment (and a `.env` file), validated with clear errors."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import time
from pathlib import Path
from urllib.parse import urlsplit

from dotenv import dotenv_values

TWILIO_DEFAULT_API_BASE_URL = "https://api.twilio.com"
TWILIO = "twilio"
SIMULATOR = "simulator"


# Secrets that may come from a file instead (`NAME_FILE=/path`), e.g. a systemd credential
# (`LoadCredential=` puts it in $CREDENTIALS_DIRECTORY), so the value is never in a unit.
SECRET_FILE_VARIABLES = frozenset({"COMPANION_DATA_KEYS", "TWILIO_AUTH_TOKEN"})


class ConfigError(ValueError):
    """A setting is missing or invalid; the message names the variable in one line."""


@dataclass(frozen=True)
class QuietHours:
    """A London-time window in which no non-urgent message is sent."""

    start: time
    end: time


@dataclass(frozen=True)
class TwilioSettings:
    """Credentials and sender for the real Twilio gateway."""

    account_sid: str
    auth_token: str
    from_number: str | None
    messaging_service_sid: str | None
    api_base_url: str


@dataclass(frozen=True)
class Settings:
    """Everything the service reads from its environment."""

    database_url: str
    host: str
    port: int
    public_base_url: str
    twilio: TwilioSettings | None
    max_mps: float
    data_keys: str | None
    sweep_seconds: float
    quiet_hours: QuietHours | None
    key_file: Path
    claim_lease_seconds: float = 120.0
    trusted_proxies: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()
    no_reply_days: int = 7
    text_number: str | None = None

    @property
    def number_to_text(self) -> str | None:
        """The number people text (COMPANION_TEXT_NUMBER, else the sender), for the portal."""
        if self.text_number is not None:
            return self.text_number
        return None if self.twilio is None else self.twilio.from_number

    @property
    def simulator_mode(self) -> bool:
        """True in simulator mode (COMPANION_MODE=simulator): nothing leaves the machine."""
        return self.twilio is None

    @property
    def mode(self) -> str:
        """`twilio` or `simulator`."""
        return SIMULATOR if self.twilio is None else TWILIO


def load_settings(
    environ: Mapping[str, str], dotenv_path: Path | None = None, default_mode: str = TWILIO
) -> Settings:
    """Build settings from `environ`, with values from a `.env` file underneath.

    `COMPANION_MODE` is `twilio` or `simulator`. Unset, it is `twilio` if Twilio
    credentials are set, else `default_mode`: Twilio for the service (which then
    refuses to start without credentials), simulator for the terminal phone and demo.

    Args:
        environ: the process environment (wins over the `.env` file).
        dotenv_path: a `.env` file to read if it exists.
        default_mode: the mode when neither COMPANION_MODE nor Twilio credentials are set.

    Raises:
        ConfigError: naming the first invalid variable.
    """
    env: dict[str, str] = {}
    if dotenv_path is not None and dotenv_path.is_file():
        env.update({k: v for k, v in dotenv_values(dotenv_path).items() if v is not None})
    env.update(environ)

    def get(name: str) -> str | None:
        value = env.get(name, "").strip()
        if not value and name in SECRET_FILE_VARIABLES:
            value = _read_secret_file(name, env.get(f"{name}_FILE", "").strip())
        return value or None

    host = get("COMPANION_HOST") or "127.0.0.1"
    port = _port(get("COMPANION_PORT"))
    public_base_url = _url("PUBLIC_BASE_URL", get("PUBLIC_BASE_URL") or f"http://{host}:{port}")
    database_url = get("DATABASE_URL") or "sqlite+aiosqlite:///./companion.db"
    if not database_url.startswith(("sqlite+aiosqlite://", "postgresql+asyncpg://")):
        raise ConfigError(
            "DATABASE_URL: must start with sqlite+aiosqlite:// or postgresql+asyncpg://"
        )
    twilio = _twilio(get)
    settings = Settings(
        database_url=database_url,
        host=host,
        port=port,
        public_base_url=public_base_url.rstrip("/"),
        twilio=twilio,
        max_mps=_positive("TWILIO_MAX_MPS", get("TWILIO_MAX_MPS"), 10.0),
        data_keys=get("COMPANION_DATA_KEYS"),
        sweep_seconds=_positive("COMPANION_SWEEP_SECONDS", get("COMPANION_SWEEP_SECONDS"), 30.0),
        quiet_hours=_quiet_hours(get("COMPANION_QUIET_HOURS") or "21:30-08:00"),
        key_file=Path(get("COMPANION_KEY_FILE") or ".companion/keyring"),
        claim_lease_seconds=_positive(
            "COMPANION_CLAIM_LEASE_SECONDS", get("COMPANION_CLAIM_LEASE_SECONDS"), 120.0
        ),
        trusted_proxies=_networks(get("COMPANION_TRUSTED_PROXIES")),
        no_reply_days=_whole_days("COMPANION_NO_REPLY_DAYS", get("COMPANION_NO_REPLY_DAYS"), 7),
        text_number=get("COMPANION_TEXT_NUMBER"),
    )
    _check_mode(get("COMPANION_MODE") or (TWILIO if twilio else default_mode), settings)
    return settings


def _check_mode(mode: str, settings: Settings) -> None:
    """Simulator mode only when asked; Twilio mode with credentials and an https URL."""
    if mode not in (TWILIO, SIMULATOR):
        raise ConfigError(f"COMPANION_MODE: must be twilio or simulator, got {mode!r}")
    if mode == SIMULATOR and settings.twilio is not None:
        raise ConfigError(
            "COMPANION_MODE: simulator, but TWILIO_ACCOUNT_SID is set (unset one of them)"
        )
    if mode == TWILIO and settings.twilio is None:
        raise ConfigError(
            "TWILIO_ACCOUNT_SID: required in Twilio mode"
            " (or set COMPANION_MODE=simulator to try Companion without texting anyone)"
        )
    host = urlsplit(settings.public_base_url).hostname or ""
    if mode == TWILIO and settings.public_base_url.startswith("http://") and not _loopback(host):
        raise ConfigError(
            "PUBLIC_BASE_URL: must be https:// in Twilio mode (webhooks and the portal"
            f" carry personal data), got {settings.public_base_url!r}"
        )


def _loopback(host: str) -> bool:
    """A host only this machine reaches (a local fake Twilio in tests): http is harmless."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _twilio(get: Callable[[str], str | None]) -> TwilioSettings | None:
    sid, token = get("TWILIO_ACCOUNT_SID"), get("TWILIO_AUTH_TOKEN")
    if sid is None and token is None:
        return None
    if sid is None:
        raise ConfigError("TWILIO_ACCOUNT_SID: missing, but TWILIO_AUTH_TOKEN is set")
    if token is None:
        raise ConfigError("TWILIO_AUTH_TOKEN: missing, but TWILIO_ACCOUNT_SID is set")
    if not re.fullmatch(r"AC[0-9a-fA-F]{32}", sid):
        raise ConfigError("TWILIO_ACCOUNT_SID: must be AC followed by 32 hex characters")
    from_number = get("TWILIO_FROM_NUMBER")
    service_sid = get("TWILIO_MESSAGING_SERVICE_SID")
    if from_number is None and service_sid is None:
        raise ConfigError(
            "TWILIO_FROM_NUMBER: set it (or TWILIO_MESSAGING_SERVICE_SID) to choose the sender"
        )
    if service_sid is not None and not re.fullmatch(r"MG[0-9a-fA-F]{32}", service_sid):
        raise ConfigError("TWILIO_MESSAGING_SERVICE_SID: must be MG followed by 32 hex characters")
    base = _url("TWILIO_API_BASE_URL", get("TWILIO_API_BASE_URL") or TWILIO_DEFAULT_API_BASE_URL)
    return TwilioSettings(sid, token, from_number, service_sid, base.rstrip("/"))


def _read_secret_file(name: str, path: str) -> str:
    """The contents of `NAME_FILE`'s file, stripped; "" when `NAME_FILE` is unset."""
    if not path:
        return ""
    try:
        return Path(path).read_text(encoding="utf-8").strip()
    except OSError as error:
        raise ConfigError(f"{name}_FILE: cannot read {path!r} ({error.strerror})") from None


def _networks(raw: str | None) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    """COMPANION_TRUSTED_PROXIES: comma-separated addresses or CIDR networks."""
    found = []
    for part in filter(None, (p.strip() for p in (raw or "").split(","))):
        try:
            found.append(ipaddress.ip_network(part, strict=False))
        except ValueError:
            raise ConfigError(
                f"COMPANION_TRUSTED_PROXIES: {part!r} is not an IP address or network"
            ) from None
    return tuple(found)


def _port(raw: str | None) -> int:
    if raw is None:
        return 8080
    if not raw.isdigit() or not 0 < int(raw) < 65536:
        raise ConfigError(f"COMPANION_PORT: must be a whole number from 1 to 65535, got {raw!r}")
    return int(raw)


def _url(name: str, raw: str) -> str:
    if not re.fullmatch(r"https?://[^\s/]+(/\S*)?", raw):
        raise ConfigError(f"{name}: must be an http:// or https:// URL, got {raw!r}")
    return raw


def _positive(name: str, raw: str | None, default: float) -> float:
    if raw is None:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not value > 0 or value == float("inf"):
        raise ConfigError(f"{name}: must be a positive number, got {raw!r}")
    return value


def _whole_days(name: str, raw: str | None, default: int) -> int:
    if raw is None:
        return default
    if not raw.isdigit() or not 1 <= int(raw) <= 365:
        raise ConfigError(f"{name}: must be a whole number of days from 1 to 365, got {raw!r}")
    return int(raw)


def _quiet_hours(raw: str) -> QuietHours | None:
    if raw.lower() == "off":
        return None
    match = re.fullmatch(r"(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})", raw)
    if match is None:
        raise ConfigError(f"COMPANION_QUIET_HOURS: must be HH:MM-HH:MM or off, got {raw!r}")
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    if h1 > 23 or h2 > 23 or m1 > 59 or m2 > 59 or (h1, m1) == (h2, m2):
        raise ConfigError(f"COMPANION_QUIET_HOURS: not a valid window, got {raw!r}")
    return QuietHours(time(h1, m1), time(h2, m2))

"""What every benchmark needs: child processes, databases, memory readings, tables, JSON.

Everything runs on 127.0.0.1. Child processes are started by id and stopped by id
(SIGTERM, then SIGKILL after a bound), never by name.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import platform
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiohttp
import asyncpg
from prometheus_client.parser import text_string_to_metric_families

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "bench" / "results"
PYTHON = sys.executable
ACCOUNT_SID = "AC" + "b" * 32
AUTH_TOKEN = "bench-auth-token"  # noqa: S105 (the fake API's, not a secret)
FROM_NUMBER = "+447700900000"
PG_ADMIN_DSN = "postgresql://postgres@127.0.0.1:5432/postgres"
PG_DATABASE = os.environ.get("BENCH_PG_DATABASE", "bench")
DATABASE_KINDS = ("sqlite", "postgresql")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def new_data_keys() -> str:
    """A fresh COMPANION_DATA_KEYS value, from `companion keys new`."""
    done = subprocess.run(
        [PYTHON, "-m", "companion", "keys", "new"], capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


@dataclass(frozen=True)
class Memory:
    """Resident memory of a process, in MiB: now and the high-water mark."""

    rss_mib: float
    peak_mib: float


def memory_of(pid: int) -> Memory:
    """VmRSS and VmHWM from /proc/<pid>/status."""
    fields: dict[str, float] = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            fields[name] = int(value.split()[0]) / 1024
    return Memory(fields["VmRSS"], fields["VmHWM"])


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time a process has used so far (/proc/<pid>/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def postgres_cpu() -> float:
    """CPU seconds used so far by every PostgreSQL server process on this machine."""
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            if (entry / "comm").read_text().strip() == "postgres":
                total += cpu_seconds(int(entry.name))
    return total


class Child:
    """A process this benchmark started, with its stderr in a log file."""

    def __init__(self, name: str, argv: Sequence[str], env: Mapping[str, str], cwd: Path) -> None:
        self.name = name
        self.argv = list(argv)
        self.env = dict(env)
        self.cwd = cwd
        self.log_path = cwd / f"{name}.log"
        self.process: asyncio.subprocess.Process | None = None

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    async def start(self, ready_url: str, within: float = 120.0) -> float:
        """Start the process and wait until `ready_url` answers 200; returns seconds taken."""
        began = time.monotonic()
        with self.log_path.open("wb") as log:
            self.process = await asyncio.create_subprocess_exec(
                *self.argv,
                cwd=self.cwd,
                env=self.env,
                stdout=asyncio.subprocess.DEVNULL,
                stderr=log,
            )
        async with aiohttp.ClientSession() as session:
            while time.monotonic() - began < within:
                if self.process.returncode is not None:
                    break
                with contextlib.suppress(aiohttp.ClientError):
                    async with session.get(ready_url) as response:
                        if response.status == 200:
                            return time.monotonic() - began
                await asyncio.sleep(0.1)
        await self.stop()
        raise RuntimeError(f"{self.name} did not start:\n{self.log_tail()}")

    def memory(self) -> Memory:
        """Its resident memory now."""
        return memory_of(self.pid)

    def cpu(self) -> float:
        """CPU seconds it has used so far."""
        return cpu_seconds(self.pid)

    async def stop(self, within: float = 30.0) -> int | None:
        """SIGTERM, wait up to `within` seconds, then SIGKILL. Returns the exit code."""
        process = self.process
        if process is None or process.returncode is not None:
            return None if process is None else process.returncode
        process.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(process.wait(), within)
        except TimeoutError:
            process.kill()
            await process.wait()
        return process.returncode

    def log_tail(self, chars: int = 3000) -> str:
        """The end of its log, for error messages."""
        if not self.log_path.exists():
            return ""
        return self.log_path.read_text(encoding="utf-8", errors="replace")[-chars:]


class Profile:
    """`py-spy record` of one process for a while, as collapsed stacks (py-spy's raw format).

    Started only when a benchmark is given `--profile DIR`; `top()` summarises where
    the samples fell, by the function on top of the stack and by inclusive time.
    """

    def __init__(self, pid: int, path: Path, seconds: float) -> None:
        self.path = path
        spy = Path(PYTHON).with_name("py-spy")
        self.argv = [
            str(spy),
            "record",
            "--pid",
            str(pid),
            "--format",
            "raw",
            "--rate",
            "100",
            "--gil",
        ]
        self.argv += ["--duration", str(max(1, round(seconds))), "--output", str(path)]
        self.process: asyncio.subprocess.Process | None = None

    async def start(self) -> None:
        self.process = await asyncio.create_subprocess_exec(
            *self.argv, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL
        )

    async def wait(self) -> None:
        if self.process is not None:
            await asyncio.wait_for(self.process.wait(), 60)

    def top(self, count: int = 15) -> dict[str, list[tuple[str, float]]]:
        """The heaviest frames: {"self": [(frame, share)], "inclusive": [...]}."""
        own: dict[str, int] = {}
        inclusive: dict[str, int] = {}
        total = 0
        for line in self.path.read_text().splitlines():
            stack, _, samples = line.rpartition(" ")
            if not samples.isdigit():
                continue
            n = int(samples)
            frames = stack.split(";")
            total += n
            own[frames[-1]] = own.get(frames[-1], 0) + n
            for frame in set(frames):
                inclusive[frame] = inclusive.get(frame, 0) + n

        def ranked(counts: dict[str, int]) -> list[tuple[str, float]]:
            best = sorted(counts.items(), key=lambda item: -item[1])[:count]
            return [(frame, round(n / total, 4)) for frame, n in best]

        return {"self": ranked(own), "inclusive": ranked(inclusive)} if total else {}


def serve_env(
    *,
    database_url: str,
    port: int,
    api_base_url: str,
    data_keys: str,
    max_mps: float,
    sweep_seconds: float = 1.0,
) -> dict[str, str]:
    """The environment for `companion serve` against the fake Twilio API."""
    clean = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("TWILIO_", "COMPANION_", "DATABASE_URL", "PUBLIC_BASE_URL"))
    }
    return {
        **clean,
        "DATABASE_URL": database_url,
        "COMPANION_HOST": "127.0.0.1",
        "COMPANION_PORT": str(port),
        "PUBLIC_BASE_URL": f"http://127.0.0.1:{port}",
        "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
        "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
        "TWILIO_FROM_NUMBER": FROM_NUMBER,
        "TWILIO_API_BASE_URL": api_base_url,
        "TWILIO_MAX_MPS": f"{max_mps:g}",
        "COMPANION_DATA_KEYS": data_keys,
        "COMPANION_QUIET_HOURS": "off",
        "COMPANION_SWEEP_SECONDS": f"{sweep_seconds:g}",
    }


def bench_env() -> dict[str, str]:
    """The environment for our own helper processes (`python -m bench.*`)."""
    path = os.environ.get("PYTHONPATH", "")
    return {**os.environ, "PYTHONPATH": f"{REPO}{os.pathsep}{path}" if path else str(REPO)}


async def start_serve(
    workdir: Path, env: Mapping[str, str], name: str = "serve", workers: int = 1
) -> Child:
    """Start `companion serve [--workers N]` and wait for /healthz."""
    argv = [PYTHON, "-m", "companion", "serve", "--workers", str(workers)]
    serve = Child(name, argv, env, workdir)
    await serve.start(f"http://127.0.0.1:{env['COMPANION_PORT']}/healthz")
    return serve


class FakeApi:
    """The fake Twilio API (bench/fake_api.py) in its own process."""

    def __init__(self, workdir: Path, cap: float = 0.0) -> None:
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        argv = [PYTHON, "-m", "bench.fake_api", "--port", str(self.port), "--cap", f"{cap:g}"]
        argv += ["--account-sid", ACCOUNT_SID, "--auth-token", AUTH_TOKEN]
        self.child = Child(f"fake-api-{self.port}", argv, bench_env(), workdir)
        self.messages_url = f"{self.base_url}/2010-04-01/Accounts/{ACCOUNT_SID}/Messages.json"

    async def start(self) -> None:
        await self.child.start(f"{self.base_url}/bench/stats")

    async def stats(self, times: bool = False) -> dict[str, Any]:
        """Counters: accepted, rejected_429, other_errors, first, last (epoch seconds)."""
        query = "?times=1" if times else ""
        async with (
            aiohttp.ClientSession() as session,
            session.get(f"{self.base_url}/bench/stats{query}") as response,
        ):
            result: dict[str, Any] = await response.json()
            return result

    async def reset(self) -> None:
        """Forget every message and counter."""
        async with (
            aiohttp.ClientSession() as session,
            session.post(f"{self.base_url}/bench/reset") as response,
        ):
            response.raise_for_status()

    async def stop(self) -> None:
        await self.child.stop()


@contextlib.contextmanager
def workspace(name: str) -> Any:
    """A scratch folder for databases and logs, removed afterwards (kept if BENCH_KEEP=1)."""
    path = Path(tempfile.mkdtemp(prefix=f"companion-bench-{name}-"))
    try:
        yield path
    finally:
        if os.environ.get("BENCH_KEEP") == "1":
            print(f"kept {path}")
        else:
            shutil.rmtree(path, ignore_errors=True)


@contextlib.asynccontextmanager
async def database(kind: str, workdir: Path) -> AsyncIterator[str]:
    """A fresh, empty database of this kind; yields its SQLAlchemy URL."""
    if kind == "sqlite":
        path = _fresh_sqlite_file(workdir / "bench.db")
        yield f"sqlite+aiosqlite:///{path}"
        return
    admin = await asyncpg.connect(PG_ADMIN_DSN)
    try:
        await admin.execute(f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")
        await admin.execute(f"CREATE DATABASE {PG_DATABASE}")
    finally:
        await admin.close()
    try:
        yield f"postgresql+asyncpg://postgres@127.0.0.1:5432/{PG_DATABASE}"
    finally:
        admin = await asyncpg.connect(PG_ADMIN_DSN)
        try:
            await admin.execute(f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")
        finally:
            await admin.close()


def _fresh_sqlite_file(path: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return path


async def migrate(database_url: str) -> None:
    """Bring the schema up to date (Alembic runs its own event loop, so in a thread)."""
    from companion.db.migrate import upgrade

    await asyncio.to_thread(upgrade, database_url)


async def metric(
    serve_port: int, name: str, labels: Mapping[str, str] | None = None
) -> float | None:
    """One sample from the service's /metrics: 0 when absent, None if /metrics failed."""
    try:
        async with (
            aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=15)) as session,
            session.get(f"http://127.0.0.1:{serve_port}/metrics") as response,
        ):
            if response.status != 200:
                return None
            text = await response.text()
    except (aiohttp.ClientError, TimeoutError):
        return None
    wanted = dict(labels or {})
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == name and all(sample.labels.get(k) == v for k, v in wanted.items()):
                return float(sample.value)
    return 0.0


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile `q` (0-100) of `values`; NaN when empty."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def print_table(title: str, headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """A plain fixed-width table on stdout."""
    cells = [[_cell(value) for value in row] for row in rows]
    widths = [max(len(h), *(len(row[i]) for row in cells)) for i, h in enumerate(headers)]
    line = "  ".join("-" * w for w in widths)
    print(f"\n{title}")
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)))
    print(line)
    for row in cells:
        print("  ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)))
    print()


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:,.1f}" if abs(value) >= 10 else f"{value:.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


async def machine() -> dict[str, object]:
    """What the figures were measured on."""
    postgres = ""
    with contextlib.suppress(OSError, asyncpg.PostgresError):
        connection = await asyncpg.connect(PG_ADMIN_DSN)
        postgres = str(await connection.fetchval("SHOW server_version"))
        await connection.close()
    import aiohttp as aiohttp_module
    import sqlalchemy

    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "aiohttp": aiohttp_module.__version__,
        "sqlalchemy": sqlalchemy.__version__,
        "sqlite": sqlite3.sqlite_version,
        "postgresql": postgres,
        # Other work on the machine skews figures: the 1, 5 and 15-minute load averages.
        "load_average": [round(load, 2) for load in os.getloadavg()],
    }


def _cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return ""


async def write_results(name: str, parameters: Mapping[str, object], results: object) -> Path:
    """Write bench/results/<name>.json and return its path."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    document = {
        "benchmark": name,
        "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": await machine(),
        "parameters": dict(parameters),
        "results": results,
    }
    _write(path, json.dumps(document, indent=2, default=str) + "\n")
    print(f"wrote {path.relative_to(REPO)}")
    return path


def _write(path: Path, text: str) -> None:
    path.write_text(text)


def database_kinds(text: str) -> list[str]:
    """Parse --db: `sqlite`, `postgresql` or both, comma separated."""
    kinds = [kind.strip() for kind in text.split(",") if kind.strip()]
    unknown = [kind for kind in kinds if kind not in DATABASE_KINDS]
    if unknown or not kinds:
        raise SystemExit(f"--db: choose from {', '.join(DATABASE_KINDS)}, got {text!r}")
    return kinds

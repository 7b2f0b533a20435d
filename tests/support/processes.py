"""Running `companion serve` as real processes for tests."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from collections.abc import Mapping
from pathlib import Path

import aiohttp


def free_port() -> int:
    """A TCP port nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def service_env(extra: Mapping[str, str]) -> dict[str, str]:
    """The test's environment without any Companion or Twilio settings, plus `extra`."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("TWILIO_", "COMPANION_"))}
    return {**clean, "PUBLIC_BASE_URL": "", **extra}


async def start_serve(env: Mapping[str, str], cwd: Path) -> asyncio.subprocess.Process:
    """Start `python -m companion serve` and wait until /healthz answers.

    Its log goes to a file in `cwd` (a pipe nobody reads would fill and block it).
    """
    log = (cwd / f"serve-{env['COMPANION_PORT']}.log").open("wb")
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "companion",
        "serve",
        cwd=cwd,
        env=dict(env),
        stdout=asyncio.subprocess.DEVNULL,
        stderr=log,
    )
    log.close()
    process.log_path = cwd / f"serve-{env['COMPANION_PORT']}.log"  # type: ignore[attr-defined]
    url = f"http://127.0.0.1:{env['COMPANION_PORT']}/healthz"
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 60  # a loaded CI machine can take a while to import and migrate
    async with aiohttp.ClientSession() as session:
        while loop.time() < deadline and process.returncode is None:
            try:
                async with session.get(url) as response:
                    if response.status == 200:
                        return process
            except aiohttp.ClientConnectionError:
                pass
            await asyncio.sleep(0.1)
    if process.returncode is None:
        process.kill()
    await process.wait()
    raise AssertionError(f"serve did not start: {_log(process)[-2000:]}")


async def stop_serve(process: asyncio.subprocess.Process) -> tuple[int, str]:
    """SIGTERM, wait, and return (exit code, stderr)."""
    if process.returncode is None:
        process.send_signal(signal.SIGTERM)
    await asyncio.wait_for(process.wait(), 30)
    return int(process.returncode or 0), _log(process)


def _log(process: asyncio.subprocess.Process) -> str:
    path: Path = process.log_path  # type: ignore[attr-defined]
    return path.read_text(encoding="utf-8", errors="replace")

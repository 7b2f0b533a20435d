"""`companion serve` as a real process: migrates, serves, and shuts down cleanly."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from pathlib import Path

import aiohttp


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_serve_starts_on_a_fresh_database_and_stops_on_sigterm(tmp_path: Path) -> None:
    """A fresh directory: serve creates the database and key file, answers, exits 0 on SIGTERM."""
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("TWILIO_", "COMPANION_"))},
        "COMPANION_PORT": str(port),
        "COMPANION_MODE": "simulator",
        "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'fresh.db'}",
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "companion",
        "serve",
        cwd=tmp_path,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        async with aiohttp.ClientSession() as session:
            for _ in range(100):
                try:
                    async with session.get(f"http://127.0.0.1:{port}/healthz") as response:
                        assert response.status == 200
                        break
                except aiohttp.ClientConnectionError:
                    await asyncio.sleep(0.1)
            else:
                raise AssertionError("serve did not answer")
            form = {"phone": "07700 900321", "body": "JOIN"}
            async with session.post(f"http://127.0.0.1:{port}/simulator", data=form) as page:
                assert "Reply YES" in await page.text()
    finally:
        process.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(process.communicate(), 15)
    assert process.returncode == 0
    logs = stderr.decode()
    assert '"mode": "simulator"' in logs
    assert "created a local key file" in logs
    assert "900321" not in logs
    assert (tmp_path / "fresh.db").exists()
    assert (tmp_path / ".companion" / "keyring").exists()

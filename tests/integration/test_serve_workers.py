"""`companion serve --workers N`: N processes on one port, one answer per text, one clean stop."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections import Counter
from pathlib import Path

import aiohttp
import pytest

from companion.cli.workers import check_workers
from companion.config import ConfigError, load_settings
from companion.crypto.keyring import Keyring, format_keyring
from companion.sms.fake_twilio import FakeTwilio
from companion.sms.twilio_forms import new_message_sid, sign, sms_form
from tests.conftest import ACCOUNT_SID, AUTH_TOKEN
from tests.support.processes import free_port, service_env

SENDERS = [f"+4477009{i:05d}" for i in range(6)]


def children_of(pid: int) -> set[int]:
    """The live processes whose parent is `pid`."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
    return found


def alive(pid: int) -> bool:
    """Whether a process with this id exists (a zombie counts)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def listening_pids(port: int, candidates: set[int]) -> set[int]:
    """Which of `candidates` hold a socket listening on 127.0.0.1:`port`."""
    inodes = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if fields[1].endswith(f":{port:04X}") and fields[3] == "0A":
            inodes.add(f"socket:[{fields[9]}]")
    holders = set()
    for pid in candidates:
        try:
            links = {os.readlink(fd) for fd in Path(f"/proc/{pid}/fd").iterdir()}
        except OSError:
            continue
        if links & inodes:
            holders.add(pid)
    return holders


async def until(condition: object, seconds: float) -> None:
    """Poll `condition()` until it is true, or fail after `seconds`."""
    assert callable(condition)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while not condition():
        assert loop.time() < deadline, "timed out"
        await asyncio.sleep(0.2)


def serve_env(database_url: str, port: int, keyring: Keyring, api: str) -> dict[str, str]:
    """Serve on `port` against the fake Twilio API."""
    return service_env(
        {
            "DATABASE_URL": database_url,
            "COMPANION_PORT": str(port),
            "PUBLIC_BASE_URL": f"http://127.0.0.1:{port}",
            "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
            "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
            "TWILIO_FROM_NUMBER": "+447700900000",
            "TWILIO_API_BASE_URL": api,
            "COMPANION_DATA_KEYS": format_keyring(keyring),
            "COMPANION_QUIET_HOURS": "off",
        }
    )


async def texts_twice(port: int) -> list[int]:
    """Each sender texts JOIN, and Twilio delivers every one twice, on fresh connections."""
    url = f"http://127.0.0.1:{port}/twilio/sms"
    forms = [sms_form(sender, "JOIN", new_message_sid()) for sender in SENDERS]
    connector = aiohttp.TCPConnector(force_close=True)  # new connections spread over workers
    async with aiohttp.ClientSession(connector=connector) as session:

        async def post(form: dict[str, str]) -> int:
            headers = {"X-Twilio-Signature": sign(AUTH_TOKEN, url, form)}
            async with session.post(url, data=form, headers=headers) as response:
                return response.status

        return await asyncio.gather(*(post(form) for form in forms + forms))


@pytest.mark.postgres
@pytest.mark.timeout(120)
async def test_two_workers_share_one_port_answer_each_text_once_and_stop_together(
    postgres_url: str, keyring: Keyring, fake_twilio: FakeTwilio, tmp_path: Path
) -> None:
    """Two workers listen on one port; each text gets one reply; a killed worker comes back;
    SIGTERM stops all of them cleanly."""
    port = free_port()
    log_path = tmp_path / "serve.log"
    with log_path.open("wb") as log:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            *("-m", "companion", "serve", "--workers", "2"),
            cwd=tmp_path,
            env=serve_env(postgres_url, port, keyring, fake_twilio.base_url),
            stdout=asyncio.subprocess.DEVNULL,
            stderr=log,
        )
    try:
        await until(lambda: len(listening_pids(port, children_of(process.pid))) == 2, 60)
        workers = children_of(process.pid)
        assert process.pid not in listening_pids(port, {process.pid})  # the parent only watches

        assert await texts_twice(port) == [200] * (2 * len(SENDERS))
        await until(lambda: len(fake_twilio.messages) >= len(SENDERS), 30)
        await asyncio.sleep(2)  # room for a duplicate to arrive
        assert Counter(message.to for message in fake_twilio.messages) == dict.fromkeys(SENDERS, 1)

        killed = min(workers)
        os.kill(killed, signal.SIGKILL)
        await until(lambda: killed not in children_of(process.pid), 30)  # reaped
        await until(lambda: len(listening_pids(port, children_of(process.pid))) == 2, 60)
        workers = children_of(process.pid)
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
        await asyncio.wait_for(process.wait(), 30)
    assert process.returncode == 0
    assert not [pid for pid in workers if alive(pid)]  # the parent waited for each one
    logs = log_path.read_text()
    assert logs.count('"message": "worker stopped"') == 2
    assert "77009" not in logs  # no phone number in the log


def test_more_than_one_worker_is_refused_on_sqlite() -> None:
    """On SQLite, --workers 2 is refused (before anything starts) with what to do instead."""
    sqlite = load_settings(
        {"DATABASE_URL": "sqlite+aiosqlite:///./c.db", "COMPANION_MODE": "simulator"}
    )
    with pytest.raises(ConfigError, match="more than 1 needs PostgreSQL"):
        check_workers(sqlite, 2)
    check_workers(sqlite, 1)
    postgres = load_settings(
        {"DATABASE_URL": "postgresql+asyncpg://db/c", "COMPANION_MODE": "simulator"}
    )
    check_workers(postgres, 4)

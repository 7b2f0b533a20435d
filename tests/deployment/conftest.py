"""Two `companion serve` processes on one PostgreSQL database behind nginx with TLS."""

from __future__ import annotations

import asyncio
import os
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from companion.crypto.keyring import Keyring, format_keyring
from companion.sms.fake_twilio import FakeTwilio
from tests.conftest import ACCOUNT_SID, AUTH_TOKEN
from tests.support.processes import free_port, service_env, start_serve, stop_serve
from tests.support.tls_proxy import HOST, Certificate, Nginx, self_signed, site_config

NGINX_PATH = os.pathsep.join([os.environ.get("PATH", ""), "/usr/sbin"])


class Deployment:
    """nginx on https://localhost:<port> in front of instances 0 and 1."""

    def __init__(self, url: str, keyring: Keyring, fake: FakeTwilio, workdir: Path) -> None:
        """Choose ports and write the certificate; `start` runs everything."""
        self.certificate: Certificate = self_signed(workdir)
        self.https_port = free_port()
        self.ports = [free_port(), free_port()]
        self.base_url = f"https://{HOST}:{self.https_port}"
        self.nginx = Nginx(site_config(self.certificate, self.https_port, free_port(), self.ports))
        self._workdir = workdir
        self._shared = {
            "DATABASE_URL": url,
            "PUBLIC_BASE_URL": self.base_url,
            "COMPANION_TRUSTED_PROXIES": "127.0.0.1",
            "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
            "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
            "TWILIO_FROM_NUMBER": "+447700900000",
            "TWILIO_API_BASE_URL": fake.base_url,
            "TWILIO_MAX_MPS": "60",
            "COMPANION_DATA_KEYS": format_keyring(keyring),
            "COMPANION_SWEEP_SECONDS": "1",
            "COMPANION_CLAIM_LEASE_SECONDS": "10",
            "COMPANION_QUIET_HOURS": "off",
        }
        self.processes: list[asyncio.subprocess.Process | None] = [None, None]
        fake.callback_ssl = self.certificate.client_context()

    async def start(self) -> None:
        """Both instances, then nginx."""
        await asyncio.gather(self.start_instance(0), self.start_instance(1))
        await self.nginx.start(self.https_port)

    async def start_instance(self, which: int) -> None:
        """Start instance `which` on its port (again, after a stop or a kill)."""
        env = service_env({**self._shared, "COMPANION_PORT": str(self.ports[which])})
        self.processes[which] = await start_serve(env, self._workdir)

    async def stop_instance(self, which: int) -> tuple[int, str]:
        """SIGTERM instance `which` and wait; its exit code and log."""
        process = self.processes[which]
        assert process is not None
        return await stop_serve(process)

    async def kill_instance(self, which: int) -> None:
        """SIGKILL instance `which`: no shutdown at all."""
        process = self.processes[which]
        assert process is not None
        process.kill()
        await process.wait()

    async def stop(self) -> None:
        """nginx and whatever instance still runs."""
        await self.nginx.stop(keep_logs_in=self._workdir)
        for process in self.processes:
            if process is not None and process.returncode is None:
                await stop_serve(process)


@pytest.fixture
async def deployment(
    postgres_url: str, keyring: Keyring, fake_twilio: FakeTwilio, tmp_path: Path
) -> AsyncIterator[Deployment]:
    """The deployment, started; skipped where Debian's nginx is not installed (never in CI)."""
    if shutil.which("nginx", path=NGINX_PATH) is None and not os.environ.get("CI"):
        pytest.skip("nginx is not installed (apt-get install nginx)")
    running = Deployment(postgres_url, keyring, fake_twilio, tmp_path)
    try:
        await running.start()
        yield running
    finally:
        await running.stop()

"""Debian's nginx, run unprivileged from deploy/nginx/companion.conf, with a test certificate."""

from __future__ import annotations

import asyncio
import ipaddress
import os
import shutil
import signal
import ssl
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

SITE = Path(__file__).resolve().parents[2] / "deploy" / "nginx" / "companion.conf"
HOST = "localhost"


@dataclass(frozen=True)
class Certificate:
    """A self-signed certificate for `localhost` and 127.0.0.1, and its key, on disk."""

    cert: Path
    key: Path

    def client_context(self) -> ssl.SSLContext:
        """An SSL context that trusts this certificate (and verifies the host name)."""
        return ssl.create_default_context(cafile=str(self.cert))


def self_signed(directory: Path) -> Certificate:
    """Make a P-256 self-signed certificate valid for a day."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, HOST)])
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName(HOST), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "fullchain.pem", directory / "privkey.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    key_path.chmod(0o600)
    return Certificate(cert_path, key_path)


def site_config(
    certificate: Certificate, https_port: int, http_port: int, upstream: list[int]
) -> str:
    """deploy/nginx/companion.conf with this run's ports, certificate and host name.

    Every value replaced must be found, so the test fails if the shipped file drifts.
    """
    text = SITE.read_text(encoding="utf-8")
    replacements = {
        "listen 80;": f"listen 127.0.0.1:{http_port};",
        "listen 443 ssl;": f"listen 127.0.0.1:{https_port} ssl;",
        "server 127.0.0.1:8081 ": f"server 127.0.0.1:{upstream[0]} ",
        "server 127.0.0.1:8082 ": f"server 127.0.0.1:{upstream[1]} ",
        "/etc/ssl/companion/fullchain.pem": str(certificate.cert),
        "/etc/ssl/companion/privkey.pem": str(certificate.key),
        "server_name companion.example.nhs.uk;": f"server_name {HOST};",
    }
    for old, new in replacements.items():
        assert old in text, f"deploy/nginx/companion.conf no longer has {old!r}"
        text = text.replace(old, new)
    return text


class Nginx:
    """One nginx master (and worker) in its own prefix directory, logging upstreams used."""

    def __init__(self, site: str) -> None:
        """Write the configuration; `start` runs it."""
        binary = shutil.which("nginx", path=f"{os.environ.get('PATH', '')}:/usr/sbin") or "nginx"
        self._binary = binary
        self.prefix = Path(tempfile.mkdtemp(prefix="companion-nginx-"))
        self.prefix.chmod(0o755)  # a root master's workers run as nobody
        (self.prefix / "companion.conf").write_text(site, encoding="utf-8")
        self.access_log = self.prefix / "access.log"
        temp = "\n".join(
            f"    {kind}_temp_path {self.prefix / kind};"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        (self.prefix / "nginx.conf").write_text(
            f"""daemon off;
worker_processes 1;
pid {self.prefix / "nginx.pid"};
error_log {self.prefix / "error.log"} warn;
events {{ worker_connections 1024; }}
http {{
{temp}
    log_format upstreams '$request_method $uri $status $upstream_addr';
    access_log {self.access_log} upstreams;
    include {self.prefix / "companion.conf"};
}}
""",
            encoding="utf-8",
        )
        self._process: asyncio.subprocess.Process | None = None

    async def start(self, https_port: int) -> None:
        """Start nginx and wait until it accepts connections on `https_port`."""
        self._process = await asyncio.create_subprocess_exec(
            self._binary,
            "-p",
            str(self.prefix),
            "-c",
            str(self.prefix / "nginx.conf"),
            "-e",
            str(self.prefix / "error.log"),
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.DEVNULL,
        )
        for _ in range(100):
            try:
                _, writer = await asyncio.open_connection("127.0.0.1", https_port)
                writer.close()
                await writer.wait_closed()
                return
            except OSError:
                if self._process.returncode is not None:
                    break
                await asyncio.sleep(0.05)
        raise AssertionError(f"nginx did not start: {self.errors()}")

    def upstreams(self, method: str, path: str, status: int) -> list[str]:
        """The upstream address of each logged request with this method, path and status."""
        if not self.access_log.exists():
            return []
        found = []
        for line in self.access_log.read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if parts[:3] == [method, path, str(status)] and len(parts) >= 4:
                found.append(parts[-1])
        return found

    def errors(self) -> str:
        """nginx's error log so far."""
        path = self.prefix / "error.log"
        return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""

    async def stop(self, keep_logs_in: Path | None = None) -> None:
        """Stop nginx (fast shutdown) and remove its directory, keeping its logs if asked."""
        if self._process is not None and self._process.returncode is None:
            self._process.send_signal(signal.SIGTERM)
            await asyncio.wait_for(self._process.wait(), 10)
        if keep_logs_in is not None:
            for log in ("error.log", "access.log"):
                if (self.prefix / log).exists():
                    shutil.copy(self.prefix / log, keep_logs_in / f"nginx-{log}")
        shutil.rmtree(self.prefix, ignore_errors=True)

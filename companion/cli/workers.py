"""`companion serve --workers N`: N forked processes answering on one port.

Each worker is a whole service (webhook, dispatcher, portal) listening with
SO_REUSEPORT, so the kernel spreads new connections between them. This parent only
supervises:

* It forks worker 0 first and waits until it has started (start-up writes rows that
  several first starts on a fresh database could race on), then the others.
* A worker that dies is started again, after a pause that grows while workers keep
  dying young (a broken configuration does not spin the CPU).
* SIGTERM or SIGINT is passed to every worker; each stops as `serve` does (in-flight
  sends finish and are recorded) and the parent exits when all have.

Worker 0 alone runs the shared sweeps (due items, summaries, retention, audit check);
every worker runs its own dispatcher and the sweeps of its own memory. Forking happens
before any event loop or database connection exists in the parent.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import select
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from types import FrameType

from aiohttp import web
from aiohttp.web_runner import GracefulExit

from companion.app import create_app
from companion.config import ConfigError, Settings
from companion.crypto.keysource import load_keyring

log = logging.getLogger(__name__)

# A worker run: given its number and a function to call once it is serving.
WorkerRun = Callable[[int, Callable[[], None]], None]

STARTUP_SECONDS = 120.0
YOUNG_SECONDS = 30.0  # a worker that dies sooner than this counts towards the back-off
MAX_PAUSE_SECONDS = 30.0
SQLITE_ONE_WORKER = (
    "--workers: more than 1 needs PostgreSQL; on SQLite one process writes at a time"
    " (DATABASE_URL=postgresql+asyncpg://... or --workers 1)"
)
_STOP_SIGNALS = {signal.SIGTERM, signal.SIGINT}


@dataclass
class Supervisor:
    """Forks, restarts and stops the workers."""

    count: int
    run: WorkerRun
    workers: dict[int, tuple[int, float]] = field(default_factory=dict)  # pid: (number, began)
    stopping: bool = False
    young_deaths: int = 0
    failed: bool = False

    def serve(self) -> int:
        """Run until SIGTERM/SIGINT; 0 when every worker stopped cleanly."""
        signal.signal(signal.SIGTERM, self._stop)
        signal.signal(signal.SIGINT, self._stop)
        self._start(0, wait=True)
        for number in range(1, self.count):
            if not self.stopping:
                self._start(number, wait=False)
        while self.workers:
            pid, status = os.waitpid(-1, 0)
            if pid not in self.workers:
                continue
            number, began = self.workers.pop(pid)
            code = os.waitstatus_to_exitcode(status)
            if self.stopping:
                log.info("worker stopped", extra={"worker": number, "code": code})
                # Killed by our SIGTERM before it could catch it: it had not started serving.
                self.failed |= code not in (0, -signal.SIGTERM)
                continue
            log.warning("worker exited; starting it again", extra={"worker": number, "code": code})
            self._pause_after(time.monotonic() - began)
            if not self.stopping:
                self._start(number, wait=number == 0)
        return 1 if self.failed else 0

    def _stop(self, signum: int, _frame: FrameType | None) -> None:
        self.stopping = True
        for pid in list(self.workers):
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                continue

    def _pause_after(self, lived: float) -> None:
        self.young_deaths = self.young_deaths + 1 if lived < YOUNG_SECONDS else 0
        if self.young_deaths:
            until = time.monotonic() + min(MAX_PAUSE_SECONDS, 0.5 * 2**self.young_deaths)
            while not self.stopping and time.monotonic() < until:
                time.sleep(0.1)  # a stop cuts the pause short

    def _start(self, number: int, *, wait: bool) -> None:
        ready_read, ready_write = os.pipe()
        # Blocked across the fork: a stop signal is then handled by the parent once the
        # new pid is known (and forwarded), never by the child's copy of our handler.
        signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
        pid = os.fork()
        if pid == 0:  # the worker
            os.close(ready_read)
            _run_worker(self.run, number, ready_write)
        os.close(ready_write)
        self.workers[pid] = (number, time.monotonic())
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)
        log.info("worker started", extra={"worker": number, "worker_pid": pid})
        try:
            if wait:
                # Readable when the worker says it serves, or when it exits (EOF).
                select.select([ready_read], [], [], STARTUP_SECONDS)
        finally:
            os.close(ready_read)


def _run_worker(run: WorkerRun, number: int, ready_write: int) -> None:
    """In the child: default signal handling, serve, and never return to the parent's code."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)

    def ready() -> None:
        with contextlib.suppress(OSError):  # the parent was not waiting for this one
            os.write(ready_write, b"1")
        os.close(ready_write)

    code = 0
    try:
        run(number, ready)
    except BaseException:  # the parent restarts us; say why first
        log.exception("worker failed", extra={"worker": number})
        code = 1
    finally:
        logging.shutdown()
        os._exit(code)


def _stop_once(loop: asyncio.AbstractEventLoop) -> None:
    """Stop gracefully on the first SIGTERM/SIGINT and ignore any more.

    A stop often arrives twice: from this supervisor and from whoever signalled the
    whole process group (systemd's control-group kill, Ctrl-C in a terminal). A second
    one must not cut short the first one's clean shutdown.
    """

    def stop() -> None:
        for signum in _STOP_SIGNALS:
            loop.remove_signal_handler(signum)
            signal.signal(signum, signal.SIG_IGN)
        raise GracefulExit

    for signum in _STOP_SIGNALS:
        loop.add_signal_handler(signum, stop)


def check_workers(settings: Settings, count: int) -> None:
    """Refuse a worker count this database cannot take.

    Raises:
        ConfigError: fewer than 1, or more than 1 on SQLite.
    """
    if count < 1:
        raise ConfigError("--workers: must be 1 or more")
    if count > 1 and settings.database_url.startswith("sqlite"):
        raise ConfigError(SQLITE_ONE_WORKER)


def serve_workers(settings: Settings, count: int) -> int:
    """Serve on one port from `count` processes (PostgreSQL); returns the exit status."""
    keyring = load_keyring(settings)  # once, here: a first run may create the key file
    log.info(
        "serving from several workers: /metrics and portal sessions are per worker"
        " (docs/operations.md, section 6)",
        extra={"workers": count},
    )

    def run(number: int, ready: Callable[[], None]) -> None:
        app = create_app(settings, keyring=keyring, shared_sweeps=number == 0)

        async def started(_app: web.Application) -> None:
            _stop_once(asyncio.get_running_loop())
            ready()

        app.on_startup.append(started)
        web.run_app(
            app,
            host=settings.host,
            port=settings.port,
            reuse_port=True,
            handle_signals=False,
            print=None,
            access_log=None,
        )

    return Supervisor(count, run).serve()

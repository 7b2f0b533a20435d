"""`create_app(settings)`: every route, service and background task wired in one place."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from datetime import timedelta

from aiohttp import web

from companion.clock import Clock, system_clock
from companion.config import Settings
from companion.content import Content, load_content
from companion.context import ServiceContext
from companion.crypto.keyring import Keyring
from companion.crypto.keysource import load_keyring
from companion.db.connection import create_engine, session_factory
from companion.db.service_modes import claim_mode
from companion.engine.summary import ReferenceRanges
from companion.metrics import Metrics
from companion.records.audit import check_trail, key_legacy_entries
from companion.records.erasure import compact_storage
from companion.records.legacy_plain import seal_plain_values
from companion.records.retention import retention_sweep
from companion.scheduling.periodic import Sweeps
from companion.scheduling.supporter_weekly import supporter_sweep
from companion.scheduling.sweep import sweep
from companion.sending.dispatcher import Dispatcher
from companion.sending.rate import SendRate
from companion.sharing.summaries import summary_sweep
from companion.sms.gateway import SmsGateway
from companion.sms.simulator_gateway import SimulatorGateway
from companion.sms.twilio_gateway import TwilioGateway
from companion.texting.conversation import remember_revisions
from companion.web import operations, portal, simulator, twilio_webhook
from companion.web.keys import CONTEXT, DISPATCHER, RANGES, SETTINGS, SIMULATOR, SWEEPS
from companion.web.portal_session import delete_expired_sessions

log = logging.getLogger(__name__)
RETENTION_EVERY_SECONDS = 24 * 3600


async def _retention(ctx: ServiceContext) -> None:
    """The daily retention sweep, with what it removed counted in /metrics."""
    counts = await retention_sweep(ctx)
    for what, removed in vars(counts).items():
        ctx.metrics.retention_removed.labels(what).inc(removed)
    await compact_storage(ctx)  # SQLite: no erased bytes left in the file (DELETE by SMS)


async def _end_expired_sessions(ctx: ServiceContext) -> None:
    """Delete portal sessions (and their sealed keys) nobody came back to."""
    async with ctx.sessions.begin() as session:
        await delete_expired_sessions(session, ctx.clock())


async def _summaries(ctx: ServiceContext, ranges: ReferenceRanges) -> None:
    """The summary sweep, with how many it made counted in /metrics."""
    ctx.metrics.summaries_made.inc(await summary_sweep(ctx, ranges))


async def _verify_audit(ctx: ServiceContext) -> None:
    """Check the audit trail's MAC chain, for /metrics (alerted on: deploy/prometheus)."""
    broken = await check_trail(ctx.sessions, ctx.keyring)
    ctx.metrics.audit_intact.set(0 if broken is not None else 1)
    ctx.metrics.audit_checked.set_to_current_time()
    if broken is not None:
        log.error("audit trail broken", extra={"seq": broken})


MAX_REQUEST_BYTES = 64 * 1024
_WAKE = web.AppKey("dispatcher_wake", asyncio.Event)


def create_app(
    settings: Settings,
    *,
    clock: Clock = system_clock,
    keyring: Keyring | None = None,
    content: Content | None = None,
    sweep_at_start: bool = True,
    shared_sweeps: bool = True,
) -> web.Application:
    """Build the application. Nothing starts until the app does (cleanup contexts).

    Args:
        settings: validated settings.
        clock: where "now" comes from (tests pass their own).
        keyring: the data keys; by default from settings (see `load_keyring`).
        content: catalogs, flows and tips; by default from `messages/`, `flows/`, `resources/`.
        sweep_at_start: run the due and summary sweeps as soon as the app starts (catching
            up after downtime); tests that run sweeps by hand turn this off.
        shared_sweeps: run the due, summary, retention and audit sweeps here; with
            `serve --workers N` only worker 0 does.
    """
    app = web.Application(client_max_size=MAX_REQUEST_BYTES)
    app[SETTINGS] = settings
    keys = keyring or load_keyring(settings)
    loaded = content or load_content()
    app[RANGES] = loaded.ranges

    async def services(app: web.Application) -> AsyncIterator[None]:
        engine = create_engine(settings.database_url)
        wake = asyncio.Event()
        app[_WAKE] = wake
        app[CONTEXT] = ServiceContext(
            sessions=session_factory(engine),
            keyring=keys,
            catalog=loaded.catalog,
            clock=clock,
            metrics=Metrics(),
            wake_dispatcher=wake.set,
            flows=loaded.flows,
            resources=loaded.resources,
            quiet_hours=settings.quiet_hours,
        )
        try:
            await claim_mode(app[CONTEXT].sessions, settings.mode, clock())
            await remember_revisions(app[CONTEXT])
            await seal_plain_values(app[CONTEXT])  # what migration 0006 could not seal
            await key_legacy_entries(app[CONTEXT].sessions, keys)
            yield
        finally:
            await engine.dispose()  # also when start-up is refused

    async def dispatcher(app: web.Application) -> AsyncIterator[None]:
        gateway: SmsGateway
        if settings.twilio is None:
            gateway = app[SIMULATOR] = SimulatorGateway()
            callback = None
        else:
            gateway = TwilioGateway(settings.twilio)
            callback = settings.public_base_url + "/twilio/status"
        worker = Dispatcher(
            app[CONTEXT],
            gateway,
            SendRate(settings.max_mps),
            callback,
            app[_WAKE],
            claim_lease=timedelta(seconds=settings.claim_lease_seconds),
        )
        app[DISPATCHER] = worker
        task = asyncio.create_task(worker.run_forever())
        yield
        worker.stop()
        await task  # in-flight sends finish and are recorded before we close
        await gateway.close()

    async def scheduler(app: web.Application) -> AsyncIterator[None]:
        metrics = app[CONTEXT].metrics
        sweeps = Sweeps(settings.sweep_seconds, report=metrics.sweep_done)
        sweeps.add("outbox-sweep", app[DISPATCHER].release_stale, at_start=False)
        sweeps.add("portal-sessions", lambda: _end_expired_sessions(app[CONTEXT]), at_start=False)
        daily = Sweeps(RETENTION_EVERY_SECONDS, report=metrics.sweep_done)
        if shared_sweeps:
            sweeps.add("due-sweep", lambda: sweep(app[CONTEXT]), at_start=sweep_at_start)
            sweeps.add(
                "summary-sweep",
                lambda: _summaries(app[CONTEXT], loaded.ranges),
                at_start=sweep_at_start,
            )
            sweeps.add(
                "supporter-sweep",
                lambda: supporter_sweep(app[CONTEXT]),
                at_start=sweep_at_start,
            )
            daily.add("retention", lambda: _retention(app[CONTEXT]), at_start=sweep_at_start)
            daily.add("audit-verify", lambda: _verify_audit(app[CONTEXT]), at_start=sweep_at_start)
        app[SWEEPS] = sweeps
        metrics.sweeps_started(sweeps.names + daily.names)
        sweeps.start()
        daily.start()
        yield
        await daily.stop()
        await sweeps.stop()

    app.cleanup_ctx.extend([services, dispatcher, scheduler])
    app.router.add_post("/twilio/sms", twilio_webhook.inbound_sms)
    app.router.add_post("/twilio/status", twilio_webhook.status_callback)
    app.router.add_get("/healthz", operations.healthz)
    app.router.add_get("/readyz", operations.readyz)
    app.router.add_get("/metrics", operations.metrics)
    if settings.simulator_mode:
        app.router.add_get("/simulator", simulator.page)
        app.router.add_post("/simulator", simulator.send)
    portal.setup(app)
    return app

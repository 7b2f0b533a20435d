"""Operator routes: /healthz, /readyz and /metrics."""

from __future__ import annotations

import logging

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from companion.db.migrate import database_revision, head_revision
from companion.db.outbox import oldest_due_age
from companion.db.states import Priority
from companion.readiness import Probe, not_ready_reasons
from companion.web.keys import CONTEXT, DISPATCHER, SWEEPS

log = logging.getLogger(__name__)


async def healthz(request: web.Request) -> web.Response:
    """200 when the database answers, 503 when it does not."""
    ctx = request.app[CONTEXT]
    try:
        async with ctx.sessions() as session:
            await session.execute(text("SELECT 1"))
    except (SQLAlchemyError, OSError):
        log.exception("health check: database unreachable")
        return web.json_response({"status": "unavailable", "database": "unreachable"}, status=503)
    return web.json_response({"status": "ok", "database": "ok"})


async def readyz(request: web.Request) -> web.Response:
    """200 when this instance is fit for traffic; 503 with the reasons (codes) when not."""
    ctx = request.app[CONTEXT]
    revision, reply_lag, database_ok = None, 0.0, True
    try:
        async with ctx.sessions() as session:
            await session.execute(text("SELECT 1"))
            revision = await database_revision(session)
            reply_lag = await oldest_due_age(session, ctx.clock(), Priority.REPLY)
    except (SQLAlchemyError, OSError):
        log.warning("readiness check: database unreachable")
        database_ok = False
    dispatcher = request.app[DISPATCHER]
    probe = Probe(
        database_ok=database_ok,
        revision=revision,
        head=head_revision(),
        dispatcher_alive=dispatcher.alive,
        dispatcher_idle_seconds=dispatcher.idle_seconds(),
        reply_lag_seconds=reply_lag,
        late_sweeps=tuple(request.app[SWEEPS].late()),
    )
    reasons = not_ready_reasons(probe)
    if reasons:
        return web.json_response({"status": "not_ready", "reasons": reasons}, status=503)
    return web.json_response({"status": "ready"})


async def metrics(request: web.Request) -> web.Response:
    """Prometheus exposition, with the dispatcher lag measured now."""
    ctx = request.app[CONTEXT]
    async with ctx.sessions() as session:
        ctx.metrics.dispatcher_lag.set(await oldest_due_age(session, ctx.clock()))
    return web.Response(body=ctx.metrics.render(), headers={"Content-Type": CONTENT_TYPE_LATEST})

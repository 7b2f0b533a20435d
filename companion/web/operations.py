"""Operator routes: /healthz and /metrics."""

from __future__ import annotations

import logging

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from companion.db.outbox import oldest_due_age
from companion.sharing.talk_caseload import overdue_count
from companion.web.keys import CONTEXT

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


async def metrics(request: web.Request) -> web.Response:
    """Prometheus exposition, with the dispatcher lag and overdue TALK requests measured now."""
    ctx = request.app[CONTEXT]
    async with ctx.sessions() as session:
        ctx.metrics.dispatcher_lag.set(await oldest_due_age(session, ctx.clock()))
        ctx.metrics.talk_overdue.set(await overdue_count(session, ctx.clock()))
    return web.Response(body=ctx.metrics.render(), headers={"Content-Type": CONTENT_TYPE_LATEST})

"""Typed keys for what `create_app` puts on the application."""

from __future__ import annotations

from aiohttp import web

from companion.config import Settings
from companion.context import ServiceContext
from companion.engine.summary import ReferenceRanges
from companion.scheduling.periodic import Sweeps
from companion.sending.dispatcher import Dispatcher
from companion.sms.simulator_gateway import SimulatorGateway

SETTINGS = web.AppKey("settings", Settings)
CONTEXT = web.AppKey("context", ServiceContext)
DISPATCHER = web.AppKey("dispatcher", Dispatcher)
SIMULATOR = web.AppKey("simulator", SimulatorGateway)
RANGES = web.AppKey("reference_ranges", ReferenceRanges)
SWEEPS = web.AppKey("sweeps", Sweeps)

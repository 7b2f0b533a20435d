"""Where the time goes: statements, database time and thread hand-offs per unit of work.

Not a throughput benchmark: each unit of work runs one at a time, in this process,
against a fresh database, with SQLAlchemy's cursor events counting statements and the
time spent inside them, and (on SQLite) every hand-off to aiosqlite's worker thread
counted. The units are the hot paths of the four benchmarks:

* inbound: `handle_inbound` for a person answering their open check-in question;
* sweep: `sweep` starting a check-in for each person due (per due item);
* dispatch: the dispatcher sending queued messages through the in-memory simulator
  gateway (no HTTP), so only the claim and the bookkeeping remain (per message);
* summary: `summary_sweep` making last week's summary (per summary).

    python -m bench.statements [--db sqlite,postgresql] [--people 300]
"""

from __future__ import annotations

import argparse
import asyncio
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import aiosqlite
from sqlalchemy import event, update
from sqlalchemy.ext.asyncio import AsyncEngine

from bench.harness import (
    database,
    database_kinds,
    migrate,
    new_data_keys,
    print_table,
    workspace,
    write_results,
)
from bench.seeding import (
    add_people,
    answer_for,
    consent_rows,
    due_rows,
    history_rows,
    insert_rows,
    open_checkins,
    phone,
    service_context,
)
from bench.summaries import enrol_coordinator
from companion.content import load_content
from companion.context import ServiceContext
from companion.db.models import Consent, ConversationRow, DueItem, Goal, Observation, Summary
from companion.scheduling.sweep import sweep
from companion.sending.dispatcher import Dispatcher
from companion.sending.rate import SendRate
from companion.sharing.summaries import summary_sweep
from companion.sms.simulator_gateway import SimulatorGateway
from companion.sms.twilio_forms import new_message_sid
from companion.texting.inbound import InboundSms, handle_inbound


@dataclass
class Tally:
    """Statements, their time, and aiosqlite hand-offs seen while a tally is open."""

    statements: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    hops: int = 0


class Counting:
    """Counts every statement on `engine` and every aiosqlite hand-off, into `tally`."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.tally = Tally()
        started: dict[int, float] = {}

        @event.listens_for(engine.sync_engine, "before_cursor_execute")
        def before(conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
            started[id(conn)] = time.perf_counter()

        @event.listens_for(engine.sync_engine, "after_cursor_execute")
        def after(conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
            self.tally.seconds += time.perf_counter() - started.pop(id(conn), time.perf_counter())
            self.tally.statements[" ".join(statement.split()[:3])] += 1

        original: Any = aiosqlite.Connection._execute
        tally = self

        async def counted(connection: Any, fn: Any, *args: Any, **kwargs: Any) -> Any:
            tally.tally.hops += 1
            return await original(connection, fn, *args, **kwargs)

        aiosqlite.Connection._execute = counted  # type: ignore[method-assign,assignment]

    def reset(self) -> None:
        self.tally = Tally()


async def measure(
    counting: Counting, units: int, work: Callable[[], Awaitable[object]]
) -> dict[str, Any]:
    """Run `work` once, counting; figures are per unit of work."""
    counting.reset()
    cpu, began = time.process_time(), time.perf_counter()
    await work()
    wall, cpu = time.perf_counter() - began, time.process_time() - cpu
    tally = counting.tally
    return {
        "units": units,
        "wall_ms": round(wall / units * 1000, 2),
        "cpu_ms": round(cpu / units * 1000, 2),
        "statements": round(sum(tally.statements.values()) / units, 2),
        "in_statements_ms": round(tally.seconds / units * 1000, 2),
        "thread_hops": round(tally.hops / units, 1),
        "by_statement": {k: round(v / units, 2) for k, v in tally.statements.most_common(12)},
    }


async def inbound(ctx: ServiceContext, engine: AsyncEngine, counting: Counting, n: int) -> Any:
    now = ctx.clock()
    ids = await add_people(engine, ctx.keyring, n, now)
    steps = await open_checkins(ctx, ids, now)

    async def work() -> None:
        for number, person_id in enumerate(ids):
            body = answer_for(ctx, steps[person_id][0])
            await handle_inbound(ctx, InboundSms(new_message_sid(), phone(number), body))

    return await measure(counting, n, work)


async def sweep_and_dispatch(
    ctx: ServiceContext, engine: AsyncEngine, counting: Counting, n: int
) -> tuple[Any, Any]:
    now = ctx.clock()
    wall = "10:00"
    ids = await add_people(engine, ctx.keyring, n, now, wall, first=n)
    await insert_rows(engine, DueItem, due_rows(ids, now - timedelta(minutes=1), wall, now))
    swept = await measure(counting, n, lambda: sweep(ctx))
    dispatcher = Dispatcher(ctx, SimulatorGateway(), SendRate(1e6), None, asyncio.Event())
    sent = await measure(counting, n, dispatcher.drain)
    return swept, sent


async def summaries(ctx: ServiceContext, engine: AsyncEngine, counting: Counting, n: int) -> Any:
    now = ctx.clock()
    coordinator_id = await enrol_coordinator(ctx)
    ids = await add_people(engine, ctx.keyring, n, now, first=2 * n)
    observations, conversations, goals = history_rows(
        ctx.keyring, ids, ctx.flows["checkin"].revision, 3, now
    )
    await insert_rows(engine, Observation, observations)
    await insert_rows(engine, ConversationRow, conversations)
    await insert_rows(engine, Goal, goals)
    consents, made = consent_rows(ids, coordinator_id, now - timedelta(weeks=3), now)
    await insert_rows(engine, Consent, consents)
    await insert_rows(engine, Summary, made)
    ranges = load_content().ranges
    return await measure(counting, n, lambda: summary_sweep(ctx, ranges))


async def one_database(kind: str, workdir: Path, data_keys: str, n: int) -> dict[str, Any]:
    results: dict[str, Any] = {}
    async with database(kind, workdir) as url:
        await migrate(url)
        async with service_context(url, data_keys) as (ctx, engine):
            counting = Counting(engine)
            results["inbound"] = await inbound(ctx, engine, counting, n)
            # Those people's conversations are open: end them so the sweep starts fresh ones.
            async with engine.begin() as connection:
                await connection.execute(update(ConversationRow).values(status="completed"))
            results["sweep"], results["dispatch"] = await sweep_and_dispatch(
                ctx, engine, counting, n
            )
            results["summary"] = await summaries(ctx, engine, counting, n)
    return results


async def main(args: argparse.Namespace) -> None:
    kinds = database_kinds(args.db)
    data_keys = new_data_keys()
    results: dict[str, Any] = {}
    with workspace("statements") as workdir:
        for kind in kinds:
            results[kind] = await one_database(kind, workdir, data_keys, args.people)
    rows = [
        [kind, unit, f["wall_ms"], f["cpu_ms"], f["statements"], f["in_statements_ms"],
         f["thread_hops"] if kind == "sqlite" else "-"]
        for kind, run in results.items()
        for unit, f in run.items()
    ]  # fmt: skip
    print_table(
        f"Per unit of work, one at a time, in process ({args.people} units each)",
        ["db", "unit", "wall ms", "CPU ms", "statements", "in statements ms", "thread hops"],
        rows,
    )
    await write_results("statements", vars(args), results)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="sqlite,postgresql", help="sqlite, postgresql or both")
    parser.add_argument("--people", type=int, default=300, help="units of work of each kind")
    return parser.parse_args()


if __name__ == "__main__":
    asyncio.run(main(parse_args()))

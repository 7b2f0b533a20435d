"""Summaries: the weekly summaries (build + HPKE seal + store) for N consenting people.

One coordinator is enrolled through the real services (passphrase, key pair). N people
are seeded with `--weeks` of daily check-ins, weekly measurements and side effects, a
goal, an active consent to that coordinator, and the summary of the week before last
already made, so a sweep now makes exactly one summary each: last week's (the weekly
steady state).

1. In process: `companion.sharing.summaries.summary_sweep` timed directly, logging
   as `serve` logs (JSON lines to a file). One summary is opened with the coordinator's
   unwrapped private key to check it is real.
2. Through `companion serve`: last week's summaries are deleted and the service is
   started; its start-up summary sweep makes them again. Timed from the process launch
   to the last "summary ready" line (so it includes start-up).

    python -m bench.summaries [--people 10000] [--db sqlite,postgresql] [--weeks 3]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select

from bench.harness import (
    FakeApi,
    database,
    database_kinds,
    free_port,
    migrate,
    new_data_keys,
    postgres_cpu,
    print_table,
    serve_env,
    start_serve,
    workspace,
    write_results,
)
from bench.seeding import (
    consent_rows,
    history_rows,
    insert_rows,
    person_rows,
    service_context,
)
from companion.accounts import coordinators
from companion.content import load_content
from companion.context import ServiceContext
from companion.crypto import coordinator_keys, hpke_box, totp
from companion.db.models import (
    Consent,
    ConversationRow,
    Coordinator,
    Goal,
    Observation,
    Person,
    Summary,
)
from companion.engine.summary import iso_week, summary_week
from companion.logs import JsonFormatter
from companion.sharing.summaries import summary_sweep

PASSPHRASE = "bench-river-maple-lantern-quiet"  # noqa: S105 (a throwaway benchmark account)


async def enrol_coordinator(ctx: ServiceContext) -> str:
    """A coordinator enrolled as through the portal; returns their id."""
    now = ctx.clock()
    async with ctx.sessions() as session, session.begin():
        new = await coordinators.add_coordinator(
            session,
            ctx.keyring,
            name="Sam Patel",
            email="bench@companion.example",
            team="Bench CMHT",
            now=now,
        )
        pending = await coordinators.pending_enrolment(session, ctx.keyring, new.token, now)
        assert pending is not None
        await coordinators.complete_enrolment(
            session,
            pending,
            passphrase=PASSPHRASE,
            passphrase_again=PASSPHRASE,
            code=totp.code_at(pending.totp_secret, now),
            now=now,
        )
        return pending.coordinator.id


async def seed(ctx: ServiceContext, engine: Any, args: Any) -> dict[str, int]:
    """Coordinator, people, history, consents; returns row counts."""
    now = ctx.clock()
    coordinator_id = await enrol_coordinator(ctx)
    people = list(person_rows(ctx.keyring, 0, args.people, now))
    counts = {"person": await insert_rows(engine, Person, people)}
    ids = [row["id"] for row in people]
    revision = ctx.flows["checkin"].revision
    for start in range(0, len(ids), 1000):  # a thousand people's history at a time
        observations, conversations, goals = history_rows(
            ctx.keyring, ids[start : start + 1000], revision, args.weeks, now, seed=start
        )
        for name, model, rows in (
            ("observation", Observation, observations),
            ("conversation", ConversationRow, conversations),
            ("goal", Goal, goals),
        ):
            counts[name] = counts.get(name, 0) + await insert_rows(engine, model, rows)
    consents, summaries = consent_rows(ids, coordinator_id, now - timedelta(weeks=args.weeks), now)
    counts["consent"] = await insert_rows(engine, Consent, consents)
    counts["summary"] = await insert_rows(engine, Summary, summaries)
    return counts


def log_to(path: Path) -> logging.Handler:
    """Log as `serve` does (JSON lines at INFO), into a file."""
    handler = logging.FileHandler(path)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    for noisy in ("twilio", "aiohttp.access", "apscheduler", "sqlalchemy"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return handler


async def last_week_count(ctx: ServiceContext) -> int:
    week = iso_week(summary_week(ctx.clock()) - timedelta(days=7))
    async with ctx.sessions() as session:
        count = await session.scalar(
            select(func.count()).select_from(Summary).where(Summary.week == week)
        )
    return int(count or 0)


async def check_one(ctx: ServiceContext) -> bool:
    """Open one of last week's summaries with the coordinator's own key."""
    week = iso_week(summary_week(ctx.clock()) - timedelta(days=7))
    async with ctx.sessions() as session:
        summary = await session.scalar(select(Summary).where(Summary.week == week).limit(1))
        assert summary is not None
        coordinator = await session.get(Coordinator, summary.coordinator_id)
        assert coordinator is not None
        assert coordinator.wrapped_key is not None
    wrapped = coordinator_keys.from_bytes(coordinator.wrapped_key)
    private = await asyncio.to_thread(
        coordinator_keys.unwrap_private_key, wrapped, PASSPHRASE, coordinator.id
    )
    info = hpke_box.summary_info(summary.person_id, coordinator.id, week)
    body = json.loads(hpke_box.open_(private, summary.ciphertext, info))
    return isinstance(body, dict) and bool(body)


async def in_process(ctx: ServiceContext, workdir: Path, kind: str) -> dict[str, Any]:
    handler = log_to(workdir / f"summaries-{kind}.log")
    try:
        ranges = load_content().ranges
        cpu, db_cpu = time.process_time(), postgres_cpu()
        began = time.monotonic()
        made = await summary_sweep(ctx, ranges)
        elapsed = time.monotonic() - began
        cpu, db_cpu = time.process_time() - cpu, postgres_cpu() - db_cpu
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    return {
        "made": made,
        "stored_for_last_week": await last_week_count(ctx),
        "total_s": round(elapsed, 2),
        "per_summary_ms": round(elapsed / made * 1000, 2) if made else None,
        "process_cpu_s": round(cpu, 1),
        "postgres_cpu_s": round(db_cpu, 1),
        "opens_with_coordinator_key": await check_one(ctx),
    }


async def through_serve(
    ctx: ServiceContext, url: str, workdir: Path, data_keys: str, args: Any
) -> dict[str, Any]:
    week = iso_week(summary_week(ctx.clock()) - timedelta(days=7))
    async with ctx.sessions() as session, session.begin():
        await session.execute(delete(Summary).where(Summary.week == week))
    fake = FakeApi(workdir)
    await fake.start()
    port = free_port()
    env = serve_env(
        database_url=url, port=port, api_base_url=fake.base_url, data_keys=data_keys, max_mps=10
    )
    launched = time.time()
    serve = await start_serve(workdir, env, name=f"serve-summaries-{url.split(':')[0]}")
    try:
        deadline = time.monotonic() + args.deadline
        times: list[float] = []
        while time.monotonic() < deadline:
            times = ready_times(serve.log_path)
            if len(times) >= args.people:
                break
            await asyncio.sleep(1.0)
    finally:
        await serve.stop()
        await fake.stop()
    return {
        "made": len(times),
        "complete": len(times) >= args.people,
        "launch_to_last_s": round(times[-1] - launched, 2) if times else None,
        "first_to_last_s": round(times[-1] - times[0], 2) if times else None,
        "per_summary_ms": round((times[-1] - times[0]) / (len(times) - 1) * 1000, 2)
        if len(times) > 1
        else None,
    }


def ready_times(log: Path) -> list[float]:
    """Epoch times of the "summary ready" lines in a serve log."""
    found = []
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        if '"summary ready"' in line:
            found.append(datetime.fromisoformat(json.loads(line)["time"]).timestamp())
    return found


async def main(args: argparse.Namespace) -> None:
    kinds = database_kinds(args.db)
    data_keys = new_data_keys()
    results: dict[str, Any] = {}
    with workspace("summaries") as workdir:
        for kind in kinds:
            async with database(kind, workdir) as url:
                await migrate(url)
                async with service_context(url, data_keys) as (ctx, engine):
                    began = time.monotonic()
                    counts = await seed(ctx, engine, args)
                    seconds = time.monotonic() - began
                    print(f"[{kind}] seeded {counts} in {seconds:.1f}s")
                    direct = await in_process(ctx, workdir, kind)
                    print(f"[{kind}] in process: {direct['made']:,} in {direct['total_s']}s")
                    served = await through_serve(ctx, url, workdir, data_keys, args)
                results[kind] = {"seeded": counts, "seed_s": round(seconds, 1)}
                results[kind].update(in_process=direct, through_serve=served)
    rows = []
    for kind, run in results.items():
        direct, served = run["in_process"], run["through_serve"]
        rows.append(
            [kind, "summary_sweep in process", direct["made"], direct["total_s"],
             direct["per_summary_ms"], "yes" if direct["opens_with_coordinator_key"] else "NO"]
        )  # fmt: skip
        rows.append(
            [kind, "companion serve, launch to last", served["made"],
             served["launch_to_last_s"], served["per_summary_ms"], "-"]
        )  # fmt: skip
    print_table(
        f"Weekly summaries for {args.people:,} consenting people ({args.weeks} weeks of history)",
        ["db", "how", "made", "total s", "ms each", "opens"],
        rows,
    )
    await write_results("summaries", vars(args), results)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000, help="consenting people")
    parser.add_argument("--db", default="sqlite,postgresql", help="sqlite, postgresql or both")
    parser.add_argument("--weeks", type=int, default=3, help="weeks of history each")
    parser.add_argument(
        "--deadline", type=float, default=150.0, help="bound on the serve run, seconds"
    )
    return parser.parse_args()


if __name__ == "__main__":
    asyncio.run(main(parse_args()))

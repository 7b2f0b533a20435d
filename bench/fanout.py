"""Fan-out: N enrolled people all due at the same minute, to the last message Twilio accepts.

N people are seeded (Core bulk inserts, sealed as the service seals them) with the
due items `schedule.on_activated` makes, their check-ins due tomorrow. Once `companion
serve` is up (sweeps every second), one UPDATE makes every check-in due this minute;
the clock runs from that commit to the last message the fake Twilio API accepts.

* Uncapped: TWILIO_MAX_MPS very high; a deadline bounds the run, and if it is reached
  the sustained rate and the projected time for all N are reported instead.
* Capped: a further group of people due at once with TWILIO_MAX_MPS=cap, against a
  fake API that answers 429 beyond the cap; achieved rate over a window vs the cap.
* Baseline in the same run: raw aiohttp POSTs of the same form (To, From, Body,
  StatusCallback, ValidityPeriod, Basic auth) to the same fake API process, with the
  dispatcher's concurrency.

    python -m bench.fanout [--people 100000] [--db postgresql] [--deadline 180] ...
"""

from __future__ import annotations

import argparse
import asyncio
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
from sqlalchemy import text, update

from bench.harness import (
    ACCOUNT_SID,
    AUTH_TOKEN,
    FROM_NUMBER,
    Child,
    FakeApi,
    Profile,
    database,
    database_kinds,
    free_port,
    metric,
    migrate,
    new_data_keys,
    postgres_cpu,
    print_table,
    serve_env,
    start_serve,
    workspace,
    write_results,
)
from bench.seeding import due_rows, insert_rows, person_rows, phone, service_context
from companion.db.connection import create_engine
from companion.db.models import ConversationRow, DueItem, OutboxMessage, Person, new_id
from companion.engine.timing import LONDON

UNCAPPED_MPS = 1_000_000.0
DISPATCHER_CONCURRENCY = 8  # companion.sending.dispatcher.Dispatcher's default


async def raw_baseline(fake: FakeApi, count: int, body: str, concurrency: int) -> dict[str, Any]:
    """POST `count` messages straight to the fake API with `concurrency` in flight."""
    await fake.reset()
    auth = aiohttp.encode_basic_auth(ACCOUNT_SID, AUTH_TOKEN)
    numbers = iter(range(count))
    failures = 0

    async def worker(session: aiohttp.ClientSession) -> None:
        nonlocal failures
        for number in numbers:
            form = {
                "To": phone(number),
                "From": FROM_NUMBER,
                "Body": body,
                "StatusCallback": "http://127.0.0.1:9/twilio/status",
                "ValidityPeriod": "10800",
            }
            async with session.post(
                fake.messages_url, data=form, headers={"Authorization": auth}
            ) as response:
                await response.read()
                failures += response.status != 201

    start = time.monotonic()
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as session:
        await asyncio.gather(*(worker(session) for _ in range(concurrency)))
    elapsed = time.monotonic() - start
    stats = await fake.stats()
    return {
        "messages": count,
        "concurrency": concurrency,
        "failures": failures,
        "accepted": stats["accepted"],
        "elapsed_s": round(elapsed, 2),
        "msg_per_s": round(stats["accepted"] / elapsed, 1),
    }


async def seed(url: str, data_keys: str, groups: list[int], due: list[datetime]) -> float:
    """People in groups, each group's check-ins due at its own time; returns seconds taken."""
    began = time.monotonic()
    async with service_context(url, data_keys) as (ctx, engine):
        now = ctx.clock()
        first = 0
        for size, due_at in zip(groups, due, strict=True):
            wall = due_at.astimezone(LONDON).strftime("%H:%M")
            people = list(person_rows(ctx.keyring, first, size, now, wall))
            await insert_rows(engine, Person, people)
            await insert_rows(
                engine, DueItem, due_rows([p["id"] for p in people], due_at, wall, now)
            )
            await insert_rows(engine, ConversationRow, yesterdays_checkins(ctx, people, now))
            first += size
        # As on a live database, where autovacuum keeps the planner's statistics: without
        # them PostgreSQL scans the growing conversation table for every batch.
        async with engine.connect() as connection:
            await connection.execution_options(isolation_level="AUTOCOMMIT")
            await connection.execute(text("ANALYZE"))
    return time.monotonic() - began


def yesterdays_checkins(
    ctx: Any, people: list[dict[str, Any]], now: datetime
) -> list[dict[str, Any]]:
    """Each person's check-in of yesterday, completed: people due today have a history."""
    flow = ctx.flows["checkin"]
    yesterday = now - timedelta(days=1)
    return [
        {
            "id": new_id(),
            "person_id": person["id"],
            "flow_id": flow.id,
            "flow_revision": flow.revision,
            "status": "completed",
            "step": None,
            "plan": "",
            "topics": "sleep activity energy",
            "retries": 0,
            "started_at": yesterday,
            "step_started_at": yesterday,
            "ended_at": yesterday,
        }
        for person in people
    ]


async def make_due(url: str, parked: datetime, now: datetime) -> float:
    """Move the check-ins parked at `parked` to `now`'s minute; returns the commit time."""
    minute = now.replace(second=0, microsecond=0)
    engine = create_engine(url)
    try:
        async with engine.begin() as connection:
            await connection.execute(
                update(DueItem)
                .where(DueItem.kind == "checkin", DueItem.due_at == parked)
                .values(due_at=minute, valid_until=minute + timedelta(hours=3))
            )
        return time.time()
    finally:
        await engine.dispose()


async def park_leftovers(url: str, parked: datetime) -> None:
    """Put back what an unfinished uncapped run left due, so the capped run sends only its own.

    Check-ins still due go back to `parked` (tomorrow); queued messages are cancelled.
    """
    engine = create_engine(url)
    try:
        async with engine.begin() as connection:
            await connection.execute(
                update(DueItem)
                .where(
                    DueItem.kind == "checkin",
                    DueItem.status == "scheduled",
                    DueItem.due_at < datetime.now(LONDON) + timedelta(hours=1),
                )
                .values(due_at=parked, valid_until=parked + timedelta(hours=3))
            )
            await connection.execute(
                update(OutboxMessage)
                .where(OutboxMessage.status.in_(("pending", "sending")))
                .values(status="cancelled", failure_reason="bench_parked")
            )
    finally:
        await engine.dispose()


async def watch(
    fake: FakeApi, serve: Child, port: int, target: int, deadline: float
) -> dict[str, Any]:
    """Poll once a second until `target` messages are accepted or `deadline` passes."""
    samples: list[tuple[float, int, int]] = []
    peak = 0.0
    ran = 0
    while True:
        stats = await fake.stats()
        sample = await metric(port, "companion_due_items_total", {"action": "run"})
        ran = ran if sample is None else int(sample)  # /metrics can fail while SQLite is busy
        samples.append((time.time(), stats["accepted"], ran))
        peak = max(peak, serve.memory().rss_mib)
        if stats["accepted"] >= target or time.monotonic() > deadline:
            return {"stats": stats, "samples": samples, "peak_rss_mib": round(peak, 1)}
        await asyncio.sleep(1.0)


def sustained_rate(samples: list[tuple[float, int, int]]) -> float:
    """Messages per second between the first sample with any accepted and the last one."""
    sending = [(t, n) for t, n, _ in samples if n > 0]
    if len(sending) < 2 or sending[-1][0] == sending[0][0]:
        return 0.0
    return (sending[-1][1] - sending[0][1]) / (sending[-1][0] - sending[0][0])


async def uncapped(
    url: str, workdir: Path, data_keys: str, fake: FakeApi, parked: datetime, args: Any
) -> dict[str, Any]:
    """The whole group due at once, no rate cap."""
    await fake.reset()
    port = free_port()
    env = serve_env(
        database_url=url,
        port=port,
        api_base_url=fake.base_url,
        data_keys=data_keys,
        max_mps=UNCAPPED_MPS,
    )
    serve = await start_serve(workdir, env, name="serve-fanout-uncapped")
    try:
        await asyncio.sleep(3)  # start-up sweeps find nothing due
        cpu, db_cpu = serve.cpu(), postgres_cpu()
        profile = None
        if args.profile is not None:
            args.profile.mkdir(parents=True, exist_ok=True)
            seconds = min(args.deadline, 60)
            profile = Profile(serve.pid, args.profile / f"fanout-{args.kind}.txt", seconds)
            await profile.start()
        due_at = await make_due(url, parked, datetime.now(LONDON))
        seen = await watch(fake, serve, port, args.people, time.monotonic() + args.deadline)
        cpu, db_cpu = serve.cpu() - cpu, postgres_cpu() - db_cpu
        if profile is not None:
            await profile.wait()
    finally:
        await serve.stop(within=10)
    stats, samples = seen["stats"], seen["samples"]
    accepted = stats["accepted"]
    complete = accepted >= args.people
    swept = next((t for t, _, ran in samples if ran >= args.people), None)
    rate = sustained_rate(samples)
    result: dict[str, Any] = {
        "people": args.people,
        "complete": complete,
        "accepted": accepted,
        "rejected_429": stats["rejected_429"],
        "first_accepted_after_s": round(stats["first"] - due_at, 2) if stats["first"] else None,
        "sweep_done_after_s": round(swept - due_at, 2) if swept else None,
        "due_items_run": samples[-1][2],
        "sustained_msg_per_s": round(rate, 1),
        "serve_cpu_s": round(cpu, 1),
        "postgres_cpu_s": round(db_cpu, 1),
        "peak_rss_mib": seen["peak_rss_mib"],
        "samples": [(round(t - due_at, 1), n, ran) for t, n, ran in samples],
    }
    if complete:
        result["total_s"] = round(stats["last"] - due_at, 2)
        result["msg_per_s"] = round(args.people / result["total_s"], 1)
    else:
        result["total_s"] = None
        result["msg_per_s"] = round(rate, 1)
        result["projected_total_s"] = round(args.people / rate, 0) if rate else None
    if profile is not None:
        result["profile"] = {"path": str(profile.path), **profile.top()}
    return result


async def capped(
    url: str, workdir: Path, data_keys: str, parked: datetime, args: Any
) -> dict[str, Any]:
    """A group larger than the window can send, due at once, with TWILIO_MAX_MPS=cap."""
    fake = FakeApi(workdir, cap=args.cap)
    await fake.start()
    port = free_port()
    env = serve_env(
        database_url=url, port=port, api_base_url=fake.base_url, data_keys=data_keys,
        max_mps=args.cap,
    )  # fmt: skip
    serve = await start_serve(workdir, env, name="serve-fanout-capped")
    try:
        await asyncio.sleep(3)
        due_at = await make_due(url, parked, datetime.now(LONDON))
        target = int(args.cap * args.window) + int(args.cap) + 1
        await watch(fake, serve, port, target, time.monotonic() + args.window + 30)
        stats = await fake.stats(times=True)
    finally:
        await serve.stop(within=10)
        await fake.stop()
    times = stats["times"]
    first = times[0] if times else due_at
    in_window = [t for t in times if t <= first + args.window]
    # After the first second's burst (the bucket starts full, as Twilio's queue would
    # take it), the steady rate is the slope of the rest of the window.
    steady = [t for t in in_window if t >= first + 1.0]
    steady_rate = (len(steady) - 1) / (steady[-1] - steady[0]) if len(steady) > 1 else 0.0
    return {
        "cap": args.cap,
        "window_s": args.window,
        "accepted_in_window": len(in_window),
        "rate_in_window": round(len(in_window) / args.window, 3),
        "steady_rate": round(steady_rate, 3),
        "steady_vs_cap": round(steady_rate / args.cap - 1, 4),
        "rejected_429": stats["rejected_429"],
        "other_errors": stats["other_errors"],
        "first_accepted_after_s": round(first - due_at, 2),
    }


async def one_database(kind: str, workdir: Path, data_keys: str, args: Any) -> dict[str, Any]:
    """Seed, baseline, uncapped, capped on one database."""
    tomorrow = datetime.now(LONDON).replace(second=0, microsecond=0) + timedelta(days=1)
    parked = [tomorrow, tomorrow + timedelta(minutes=1)]
    capped_people = int(args.cap * (args.window + 30))
    async with database(kind, workdir) as url:
        await migrate(url)
        seconds = await seed(url, data_keys, [args.people, capped_people], parked)
        print(f"[{kind}] seeded {args.people + capped_people:,} people in {seconds:.1f}s")
        fake = FakeApi(workdir)
        await fake.start()
        try:
            async with service_context(url, data_keys) as (ctx, _engine):
                body = ctx.catalog.render("checkin-sleep", "en")
            # Three short runs, the median kept: other work on a 2-core machine moves it.
            count = min(args.people, args.baseline_messages) // 3
            runs = [await raw_baseline(fake, count, body, DISPATCHER_CONCURRENCY) for _ in range(3)]
            base = sorted(runs, key=lambda run: run["msg_per_s"])[1]
            base["runs_msg_per_s"] = [run["msg_per_s"] for run in runs]
            print(f"[{kind}] raw baseline: {base['runs_msg_per_s']} msg/s, median kept")
            args.kind = kind
            free = await uncapped(url, workdir, data_keys, fake, parked[0], args)
            print(f"[{kind}] uncapped: {free['accepted']:,} accepted, {free['msg_per_s']} msg/s")
        finally:
            await fake.stop()
        if not free["complete"]:
            await park_leftovers(url, parked[0])
        limited = await capped(url, workdir, data_keys, parked[1], args)
    free["ratio_to_baseline"] = round(free["msg_per_s"] / base["msg_per_s"], 4)
    return {
        "seed_s": round(seconds, 1),
        "baseline": base,
        "uncapped": free,
        "capped": limited,
    }


def report(results: dict[str, Any]) -> None:
    rows = []
    for kind, run in results.items():
        free, base = run["uncapped"], run["baseline"]
        total = free["total_s"] if free["complete"] else f"~{free.get('projected_total_s')} (proj.)"
        rows.append(
            [
                kind,
                free["people"],
                free["accepted"],
                total,
                free["sweep_done_after_s"] or "-",
                free["msg_per_s"],
                base["msg_per_s"],
                f"{free['ratio_to_baseline']:.1%}",
                free["peak_rss_mib"],
            ]
        )
    print_table(
        "Fan-out, uncapped (seconds from due to last accepted)",
        [
            "db",
            "people",
            "accepted",
            "total s",
            "sweep s",
            "msg/s",
            "raw msg/s",
            "ratio",
            "RSS MiB",
        ],
        rows,
    )
    print_table(
        "Fan-out, capped",
        ["db", "cap", "window s", "accepted", "rate", "steady rate", "vs cap", "429s"],
        [
            [
                kind,
                run["capped"]["cap"],
                run["capped"]["window_s"],
                run["capped"]["accepted_in_window"],
                run["capped"]["rate_in_window"],
                run["capped"]["steady_rate"],
                f"{run['capped']['steady_vs_cap']:+.2%}",
                run["capped"]["rejected_429"],
            ]
            for kind, run in results.items()
        ],
    )


async def main(args: argparse.Namespace) -> None:
    kinds = database_kinds(args.db)
    data_keys = new_data_keys()
    results: dict[str, Any] = {}
    with workspace("fanout") as workdir:
        for kind in kinds:
            results[kind] = await one_database(kind, workdir, data_keys, args)
    report(results)
    parameters = {key: value for key, value in vars(args).items() if key != "kind"}
    await write_results(f"fanout-{args.people}", parameters, results)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000, help="people due at once")
    parser.add_argument("--db", default="postgresql", help="sqlite, postgresql or both")
    parser.add_argument(
        "--deadline", type=float, default=150.0, help="bound on the uncapped run, seconds"
    )
    parser.add_argument("--cap", type=float, default=10.0, help="TWILIO_MAX_MPS when capped")
    parser.add_argument("--window", type=float, default=60.0, help="capped window, seconds")
    parser.add_argument("--baseline-messages", type=int, default=20_000)
    parser.add_argument(
        "--profile", type=Path, default=None, help="py-spy the uncapped run into DIR"
    )
    return parser.parse_args()


if __name__ == "__main__":
    asyncio.run(main(parse_args()))

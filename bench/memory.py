"""Memory: resident set of one `companion serve` with N enrolled people, scheduler running.

N people are seeded with the due items `schedule.on_activated` makes (nothing due
during the run), `companion serve` starts with every sweep each second, and its VmRSS
is read from /proc once a second until it has settled (no more than 1% change over
the last ten readings, or the bound). Baselines in the same run: the same service on
an empty database, and the bare aiohttp process of the inbound baseline.

    python -m bench.memory [--people 100000] [--db sqlite,postgresql] [--settle 30]
"""

from __future__ import annotations

import argparse
import asyncio
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from bench.harness import (
    AUTH_TOKEN,
    PYTHON,
    Child,
    FakeApi,
    bench_env,
    database,
    database_kinds,
    free_port,
    migrate,
    new_data_keys,
    print_table,
    serve_env,
    start_serve,
    workspace,
    write_results,
)
from bench.seeding import due_rows, insert_rows, person_rows, service_context
from companion.db.models import DueItem, Person
from companion.engine.timing import LONDON


async def settled_rss(child: Child, bound: float) -> dict[str, Any]:
    """Read VmRSS each second until ten readings agree within 1%, or `bound` seconds."""
    readings: list[float] = []
    began = time.monotonic()
    settled = False
    while time.monotonic() - began < bound:
        readings.append(child.memory().rss_mib)
        last = readings[-10:]
        if len(last) == 10 and max(last) <= min(last) * 1.01:
            settled = True
            break
        await asyncio.sleep(1.0)
    memory = child.memory()
    return {
        "rss_mib": round(memory.rss_mib, 1),
        "peak_mib": round(memory.peak_mib, 1),
        "settled": settled,
        "after_s": round(time.monotonic() - began, 1),
        "readings": [round(value, 1) for value in readings],
    }


async def seed(url: str, data_keys: str, people: int) -> float:
    """People with a check-in tomorrow and two weekly flows a week later."""
    began = time.monotonic()
    async with service_context(url, data_keys) as (ctx, engine):
        now = ctx.clock()
        due = now.astimezone(LONDON).replace(second=0, microsecond=0) + timedelta(days=1)
        wall = due.strftime("%H:%M")
        rows = list(person_rows(ctx.keyring, 0, people, now, wall))
        await insert_rows(engine, Person, rows)
        await insert_rows(engine, DueItem, due_rows([row["id"] for row in rows], due, wall, now))
    return time.monotonic() - began


async def measure_serve(
    url: str, workdir: Path, data_keys: str, fake: FakeApi, name: str, args: Any
) -> dict[str, Any]:
    port = free_port()
    env = serve_env(
        database_url=url, port=port, api_base_url=fake.base_url, data_keys=data_keys, max_mps=10
    )
    serve = await start_serve(workdir, env, name=name)
    try:
        return await settled_rss(serve, args.settle)
    finally:
        await serve.stop()


async def bare_process(workdir: Path, args: Any) -> dict[str, Any]:
    port = free_port()
    argv = [PYTHON, "-m", "bench.bare_handler", "--port", str(port), "--auth-token", AUTH_TOKEN]
    bare = Child("bare-handler", argv, bench_env(), workdir)
    await bare.start(f"http://127.0.0.1:{port}/healthz")
    try:
        return await settled_rss(bare, args.settle)
    finally:
        await bare.stop()


async def main(args: argparse.Namespace) -> None:
    kinds = database_kinds(args.db)
    data_keys = new_data_keys()
    results: dict[str, Any] = {}
    with workspace("memory") as workdir:
        fake = FakeApi(workdir)
        await fake.start()
        try:
            results["bare_aiohttp"] = await bare_process(workdir, args)
            for kind in kinds:
                async with database(kind, workdir) as url:
                    await migrate(url)
                    empty = await measure_serve(url, workdir, data_keys, fake, "serve-empty", args)
                    seconds = await seed(url, data_keys, args.people)
                    print(f"[{kind}] seeded {args.people:,} people in {seconds:.1f}s")
                    full = await measure_serve(url, workdir, data_keys, fake, "serve-full", args)
                results[kind] = {"empty": empty, "people": args.people, "seeded": full}
        finally:
            await fake.stop()
    rows = [["bare aiohttp", "-", 0, results["bare_aiohttp"]["rss_mib"], "-", "-"]]
    for kind in kinds:
        run = results[kind]
        for label, people in (("empty", 0), ("seeded", args.people)):
            figures = run[label]
            rows.append(
                [
                    f"companion serve ({label})",
                    kind,
                    people,
                    figures["rss_mib"],
                    figures["peak_mib"],
                    "yes" if figures["settled"] else "no",
                ]
            )
    print_table(
        "Resident memory of one process (MiB), sweeps every second",
        ["process", "db", "people", "RSS", "peak", "settled"],
        rows,
    )
    stamp = datetime.now(LONDON).isoformat(timespec="seconds")
    await write_results("memory", {**vars(args), "measured_at": stamp}, results)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--db", default="sqlite,postgresql", help="sqlite, postgresql or both")
    parser.add_argument("--settle", type=float, default=40.0, help="bound on settling, seconds")
    return parser.parse_args()


if __name__ == "__main__":
    asyncio.run(main(parse_args()))

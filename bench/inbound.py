"""Inbound: signed webhooks from enrolled people answering a check-in, through the whole stack.

For each database, N people are seeded with an open check-in (the real
`starter.start_flow`), `companion serve` is started against the fake Twilio API,
and each person answers their open question by a signed `POST /twilio/sms`: first at a
fixed offered rate (open loop), then at saturation (a closed loop of C concurrent
clients). Every answer passes signature check, dedupe, safety check, the flow engine,
sealed writes and the outbox; the dispatcher sends each reply to the fake API meanwhile.

Baseline in the same run: `bench/bare_handler.py` in its own process, which checks the
same signature and answers the same empty TwiML, under the same two loads.

    python -m bench.inbound [--db sqlite,postgresql] [--people 4000] [--rate 200] ...
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import text

from bench import bare_handler
from bench.harness import (
    ACCOUNT_SID,
    AUTH_TOKEN,
    FROM_NUMBER,
    PYTHON,
    Child,
    FakeApi,
    Profile,
    bench_env,
    cpu_seconds,
    database,
    database_kinds,
    free_port,
    memory_of,
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
from bench.load import SignedPost, client, fixed_rate, saturate
from bench.seeding import add_people, answer_for, open_checkins, phone, service_context
from companion.crypto.keyring import parse_keyring
from companion.crypto.sealing import unseal
from companion.db.connection import create_engine
from companion.db.sealed import INBOUND_BODY, OBSERVATION_PAYLOAD, OUTBOX_BODY, OUTBOX_TO
from companion.sms.twilio_forms import new_message_sid, sign, sms_form
from companion.web import twilio_webhook

WARMUP = 100


def signed_posts(url: str, messages: Sequence[tuple[str, str]]) -> list[SignedPost]:
    """Twilio-shaped forms for (sender, body), signed for `url`."""
    posts = []
    for sender, body in messages:
        form = sms_form(sender, body, new_message_sid())
        posts.append(SignedPost(form, sign(AUTH_TOKEN, url, form)))
    return posts


def answers_in_order(
    steps: dict[str, list[str]], numbers: dict[str, int], ctx: Any
) -> list[tuple[str, str]]:
    """Round by round: every person answers their open question, then their next one."""
    messages = []
    rounds = max((len(plan) for plan in steps.values()), default=0)
    for turn in range(rounds):
        for person_id, plan in steps.items():
            if turn < len(plan):
                messages.append((phone(numbers[person_id]), answer_for(ctx, plan[turn])))
    return messages


async def load_phases(
    url: str,
    messages: Sequence[tuple[str, str]],
    args: Any,
    *,
    repeat: bool = False,
    profile: Profile | None = None,
) -> dict[str, Any]:
    """Warm up, then the fixed-rate run, then the saturation run, against `url`."""
    fixed_count = int(args.rate * args.seconds)
    posts = signed_posts(url, messages)
    warmup, fixed, rest = (
        posts[:WARMUP],
        posts[WARMUP : WARMUP + fixed_count],
        posts[WARMUP + fixed_count :],
    )
    if repeat:  # the bare handler does not dedupe: the same posts can go round again
        rest = list(itertools.islice(itertools.cycle(rest), 100_000))
    async with client() as session:
        await saturate(session, url, warmup, 4, 30)
        fixed_run = await fixed_rate(session, url, fixed, args.rate)
        await asyncio.sleep(args.pause)
        if profile is not None:
            await profile.start()
        saturated = await saturate(session, url, rest, args.concurrency, args.saturation_seconds)
    result: dict[str, Any] = {"fixed_rate": fixed_run.summary(), "saturation": saturated.summary()}
    if profile is not None:
        await profile.wait()
        result["profile"] = {"path": str(profile.path), **profile.top()}
    return result


async def baseline(workdir: Path, messages: Sequence[tuple[str, str]], args: Any) -> dict[str, Any]:
    """The bare signature-checking handler under the same loads."""
    port = free_port()
    argv = [PYTHON, "-m", "bench.bare_handler", "--port", str(port), "--auth-token", AUTH_TOKEN]
    bare = Child("bare-handler", argv, bench_env(), workdir)
    await bare.start(f"http://127.0.0.1:{port}/healthz")
    try:
        cpu = bare.cpu()
        url = f"http://127.0.0.1:{port}/twilio/sms"
        result = await load_phases(url, messages, args, repeat=True)
        result["server_cpu_s"] = round(bare.cpu() - cpu, 2)
        result["rss_mib"] = round(bare.memory().rss_mib, 1)
    finally:
        await bare.stop()
    return result


async def seed(url: str, data_keys: str, people: int) -> list[tuple[str, str]]:
    """Migrate, add `people` with an open check-in; returns their answers in order."""
    await migrate(url)
    async with service_context(url, data_keys) as (ctx, engine):
        now = ctx.clock()
        ids = await add_people(engine, ctx.keyring, people, now)
        steps = await open_checkins(ctx, ids, now)
        return answers_in_order(steps, {pid: n for n, pid in enumerate(ids)}, ctx)


def children(pid: int) -> list[int]:
    """The live children of a process (`serve --workers N` forks N)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                stat = (entry / "stat").read_text()
                if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry.name))
    return found


def tree_cpu(pid: int) -> float:
    """CPU seconds of a process and its live children."""
    total = cpu_seconds(pid)
    for child in children(pid):
        with contextlib.suppress(OSError):
            total += cpu_seconds(child)
    return total


def worker_rss(pid: int) -> float:
    """Resident MiB of the process that serves: itself, or its largest worker."""
    return max([memory_of(child).rss_mib for child in children(pid)] or [memory_of(pid).rss_mib])


async def through_companion(
    kind: str, workers: int, workdir: Path, fake: FakeApi, data_keys: str, args: Any
) -> dict[str, Any]:
    """Seed, serve, load; the service's own counters confirm what it handled."""
    async with database(kind, workdir) as url:
        began = time.monotonic()
        messages = await seed(url, data_keys, args.people)
        seed_seconds = time.monotonic() - began
        print(f"[{kind}] seeded {args.people:,} people with open check-ins in {seed_seconds:.1f}s")
        port = free_port()
        env = serve_env(
            database_url=url,
            port=port,
            api_base_url=fake.base_url,
            data_keys=data_keys,
            max_mps=args.max_mps,
            sweep_seconds=30,
        )
        await fake.reset()
        serve = await start_serve(
            workdir, env, name=f"serve-inbound-{kind}-{workers}", workers=workers
        )
        try:
            profile = None
            if args.profile is not None:
                args.profile.mkdir(parents=True, exist_ok=True)
                path = args.profile / f"inbound-{kind}.txt"
                profile = Profile(serve.pid, path, args.saturation_seconds)
            cpu, db_cpu = tree_cpu(serve.pid), postgres_cpu()
            url = f"http://127.0.0.1:{port}/twilio/sms"
            result = await load_phases(url, messages, args, profile=profile)
            result["server_cpu_s"] = round(tree_cpu(serve.pid) - cpu, 2)
            result["postgres_cpu_s"] = round(postgres_cpu() - db_cpu, 2)
            await asyncio.sleep(2)  # let the dispatcher send the last replies
            # /metrics is per process: with several workers one scrape sees one of them.
            handled = await metric(port, "companion_inbound_messages_total", {"result": "handled"})
            one = workers == 1
            result["handled"] = None if handled is None or not one else int(handled)
            result["replies_accepted_by_fake_api"] = (await fake.stats())["accepted"]
            result["rss_mib"] = round(worker_rss(serve.pid), 1)
        finally:
            await serve.stop()
        result["people"] = args.people
        result["workers"] = workers
        result["messages_available"] = len(messages)
        result["seed_s"] = round(seed_seconds, 1)
        return result


async def floor_check(url: str, data_keys: str) -> dict[str, Any]:
    """Outbox rows by status (every floor reply should end `sent`), and whether the floor's
    sealed rows open where the service would open them."""
    keyring = parse_keyring(data_keys)
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            rows = await connection.execute(
                text("SELECT status, count(*) FROM outbox_message GROUP BY status")
            )
            states = {str(status): int(count) for status, count in rows}
            opened = []
            for column in (INBOUND_BODY, OBSERVATION_PAYLOAD, OUTBOX_BODY, OUTBOX_TO):
                table, name = column.table, column.column
                found = (
                    await connection.execute(text(f"SELECT id, {name} FROM {table} LIMIT 1"))  # noqa: S608
                ).first()
                if found is not None:
                    opened.append(unseal(keyring, found[1], column.bound_to(found[0])))
    finally:
        await engine.dispose()
    return {"outbox": states, "sealed_rows_open": len(opened) == 4}


def layouts(kinds: Sequence[str], workers: str) -> list[tuple[str, int]]:
    """(database, processes) to run: each `--workers` count on PostgreSQL, SQLite at 1."""
    counts = sorted({int(count) for count in workers.split(",")})
    return [(kind, n) for kind in kinds for n in (counts if kind == "postgresql" else [1])]


def run_name(kind: str, workers: int) -> str:
    """The key of one run in the results: `postgresql`, or `postgresql-workers2`."""
    return kind if workers == 1 else f"{kind}-workers{workers}"


async def through_floor(
    kind: str, workers: int, workdir: Path, fake: FakeApi, data_keys: str, args: Any
) -> dict[str, Any]:
    """The same seeding and loads against `bench/floor.py`, as many processes as serve."""
    async with database(kind, workdir) as url:
        messages = await seed(url, data_keys, args.people)
        port = free_port()
        argv = [PYTHON, "-m", "bench.floor", "--port", str(port), "--database-url", url]
        argv += ["--api-base-url", fake.base_url, "--account-sid", ACCOUNT_SID]
        argv += ["--auth-token", AUTH_TOKEN, "--from-number", FROM_NUMBER]
        env = {**bench_env(), "COMPANION_DATA_KEYS": data_keys}
        await fake.reset()
        floors = [Child(f"floor-{kind}-{workers}-{n}", argv, env, workdir) for n in range(workers)]
        try:
            for floor in floors:
                await floor.start(f"http://127.0.0.1:{port}/healthz")
            cpu, db_cpu = sum(f.cpu() for f in floors), postgres_cpu()
            result = await load_phases(f"http://127.0.0.1:{port}/twilio/sms", messages, args)
            result["server_cpu_s"] = round(sum(f.cpu() for f in floors) - cpu, 2)
            result["postgres_cpu_s"] = round(postgres_cpu() - db_cpu, 2)
            await asyncio.sleep(2)  # the last replies
            result["replies_accepted_by_fake_api"] = (await fake.stats())["accepted"]
            result["rss_mib"] = round(max(f.memory().rss_mib for f in floors), 1)
        finally:
            for floor in floors:
                await floor.stop()
        result.update(await floor_check(url, data_keys))
        result["workers"] = len(floors)
        return result


def report(results: dict[str, Any]) -> None:
    """Print the comparison table: everything against the bare handler and, per
    database, the full stack against its floor."""
    base = results["baseline"]
    runs = [("bare handler", base, None)]
    for kind, run in results["companion"].items():
        floor = results["floor"].get(kind)
        if floor is not None:
            runs.append((f"floor {kind}", floor, None))
        runs.append((f"companion {kind}", run, floor))
    rows = []
    for name, run, floor in runs:
        for phase in ("fixed_rate", "saturation"):
            figures = run[phase]
            ratio = figures["msg_per_s"] / base[phase]["msg_per_s"]
            offered = figures["offered_per_s"]
            of_floor = f"{figures['msg_per_s'] / floor[phase]['msg_per_s']:.1%}" if floor else ""
            rows.append(
                [
                    f"{name} x{run.get('workers', 1)}",
                    f"{offered:g}/s offered" if offered else "saturation",
                    figures["ok"],
                    figures["errors"],
                    figures["msg_per_s"],
                    figures["p50_ms"],
                    figures["p99_ms"],
                    f"{ratio:.1%}",
                    of_floor,
                ]
            )
    print_table(
        "Inbound webhooks (signed POST /twilio/sms)",
        ["server", "load", "ok", "errors", "msg/s", "p50 ms", "p99 ms", "vs bare", "vs floor"],
        rows,
    )


async def main(args: argparse.Namespace) -> None:
    assert bare_handler.EMPTY_TWIML == twilio_webhook.EMPTY_TWIML, "baseline answers differently"
    kinds = database_kinds(args.db)
    data_keys = new_data_keys()
    results: dict[str, Any] = {"companion": {}, "floor": {}}
    with workspace("inbound") as workdir:
        fake = FakeApi(workdir)
        await fake.start()
        try:
            # The baseline gets the same shape of traffic: same senders, same bodies.
            sample = [(phone(n), "7") for n in range(args.people * 3)]
            results["baseline"] = await baseline(workdir, sample, args)
            for kind, workers in layouts(kinds, args.workers):
                name = run_name(kind, workers)
                if args.floor:
                    results["floor"][name] = await through_floor(
                        kind, workers, workdir, fake, data_keys, args
                    )
                results["companion"][name] = await through_companion(
                    kind, workers, workdir, fake, data_keys, args
                )
        finally:
            await fake.stop()
    report(results)
    for kind, run in results["companion"].items():
        for phase in ("fixed_rate", "saturation"):
            run[phase]["ratio_to_baseline"] = round(
                run[phase]["msg_per_s"] / results["baseline"][phase]["msg_per_s"], 4
            )
            if kind in results["floor"]:
                run[phase]["ratio_to_floor"] = round(
                    run[phase]["msg_per_s"] / results["floor"][kind][phase]["msg_per_s"], 4
                )
        handled = "n/a (per-process /metrics)" if run["handled"] is None else run["handled"]
        print(
            f"[{kind}] handled {handled}; replies accepted by the fake API "
            f"{run['replies_accepted_by_fake_api']:,}; serve CPU {run['server_cpu_s']}s; "
            f"PostgreSQL CPU {run['postgres_cpu_s']}s; RSS {run['rss_mib']} MiB"
        )
    for kind, run in results["floor"].items():
        print(
            f"[floor {kind}] replies accepted by the fake API "
            f"{run['replies_accepted_by_fake_api']:,}; outbox {run['outbox']}; "
            f"sealed rows open: {run['sealed_rows_open']}; "
            f"floor CPU {run['server_cpu_s']}s; PostgreSQL CPU {run['postgres_cpu_s']}s"
        )
    name = "inbound" if args.rate == 200 else f"inbound-{args.rate:g}"
    if args.workers != "1":
        name += "-workers" + args.workers.replace(",", "-")
    await write_results(name, vars(args), results)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="sqlite,postgresql", help="sqlite, postgresql or both")
    parser.add_argument("--people", type=int, default=4000, help="people with an open check-in")
    parser.add_argument("--rate", type=float, default=200.0, help="offered messages per second")
    parser.add_argument("--seconds", type=float, default=15.0, help="length of the fixed run")
    parser.add_argument("--saturation-seconds", type=float, default=20.0)
    parser.add_argument("--concurrency", type=int, default=32, help="clients at saturation")
    parser.add_argument(
        "--profile", type=Path, default=None, help="py-spy the service at saturation into DIR"
    )
    parser.add_argument("--pause", type=float, default=3.0, help="seconds between the runs")
    parser.add_argument(
        "--max-mps", type=float, default=1000.0, help="TWILIO_MAX_MPS for the replies"
    )
    parser.add_argument(
        "--workers",
        default="1",
        help="serve --workers N (and N floor processes) on PostgreSQL, e.g. 1,2 for both"
        " in one run; SQLite runs one process",
    )
    parser.add_argument(
        "--floor",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="run bench/floor.py on each database in the same run (--no-floor to skip)",
    )
    return parser.parse_args()


if __name__ == "__main__":
    asyncio.run(main(parse_args()))

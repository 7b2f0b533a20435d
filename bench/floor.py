"""The inbound floor: the least any implementation must do to answer one check-in answer.

`python -m bench.floor --port P --database-url URL --api-base-url A` (data keys in
COMPANION_DATA_KEYS, as for `serve`) serves `POST /twilio/sms` on 127.0.0.1 with
SO_REUSEPORT, so `bench/inbound.py` can start N of them on one port, as `serve
--workers N` does. Per answer, against the real schema (seeded by `bench/seeding.py`):

1. the form is parsed and `X-Twilio-Signature` checked with twilio's RequestValidator
   against the public URL (as `companion/web/signature.py` does);
2. in ONE transaction with the raw driver (`sqlite3` in one thread hop, on one
   connection with the service's pragmas; `asyncpg` with its prepared statements):
   a. find the person by blind index (`crypto/blind_index.py`) and their open
      conversation: one SELECT (PostgreSQL: `FOR UPDATE OF person`, as the service
      locks the person; SQLite: `BEGIN IMMEDIATE` takes the write lock first);
   b. the dedupe insert: `inbound_message` with the MessageSid (unique) and the
      sealed body; a MessageSid seen before ends the transaction with nothing done;
   c. the sealed answer: one `observation` row, `{"key", "value"}` as
      `db/observations.py` writes it;
   d. the conversation advanced: one UPDATE of step, plan and step time (or
      completed, when the plan is done);
   e. the sealed reply (the next question from the real catalog, or the closing
      thanks) in `outbox_message`, inserted already claimed (status `sending`);
   every sealed value with `crypto/sealing.py` and the associated data of `db/sealed.py`;
3. the empty TwiML answer, then the reply sent with one raw POST to the fake API;
4. sent replies marked `sent` with their Twilio sid, in batches (every 64 or 0.1 s,
   one UPDATE executemany), as the service's dispatcher records outcomes.

What the service does and the floor does not: the crisis check and the free-text
reader, the hourly reply counts (in the service they ride on the dedupe insert), the
flow engine's validation and closing choice, the dispatcher's claim UPDATE (the floor
inserts the reply claimed), the `twilio` client's object model, the ORM, metrics and
logs. Those are the service's own costs; the floor is what no design can skip.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import sqlite3
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

import aiohttp
import asyncpg
from aiohttp import web
from twilio.request_validator import RequestValidator

from bench.bare_handler import EMPTY_TWIML
from companion.content import load_content
from companion.crypto.blind_index import phone_index
from companion.crypto.keyring import Keyring, parse_keyring
from companion.crypto.sealing import seal
from companion.db.models import new_id
from companion.db.observations import kind_of
from companion.db.sealed import INBOUND_BODY, OBSERVATION_PAYLOAD, OUTBOX_BODY, OUTBOX_TO
from companion.db.states import ConversationStatus, OutboxStatus, Priority
from companion.engine.flowspec import Flow

REPLY_VALID = timedelta(hours=24)
FLUSH_EVERY = 64
FLUSH_SECONDS = 0.1


@dataclass(frozen=True)
class Turn:
    """One answer's effect, decided from the open step: what to save, where to go, what to say."""

    key: str
    value: object
    step: str | None
    plan: str
    reply_key: str


@dataclass(frozen=True)
class Answer:
    """An authenticated inbound answer, with everything sealed that can be before the lookup."""

    message_sid: str
    e164: str
    index: str
    body: str
    now: datetime


@dataclass(frozen=True)
class Reply:
    """A reply committed to the outbox, to send."""

    outbox_id: str
    to: str
    body: str


class Steps:
    """The check-in flow's steps and their rendered questions (looked up once)."""

    def __init__(self, flow: Flow, texts: dict[str, str]) -> None:
        self.flow = flow
        self.texts = texts

    def turn(self, step: str, plan: str, body: str) -> Turn:
        """Save the answer under the step's key; ask the next planned step, or thank."""
        spec = self.flow.steps[step]
        text = body.strip().lower()
        value: object = int(text) if text.isdigit() else text
        rest = plan.split()
        if rest:
            ask = self.flow.steps[rest[0]].ask or "closing-thanks"
            return Turn(spec.save or step, value, rest[0], " ".join(rest[1:]), ask)
        return Turn(spec.save or step, value, None, "", "closing-thanks")


def observation_payload(turn: Turn) -> str:
    """The observation's plaintext, as `db/observations.py` writes it."""
    return json.dumps({"key": turn.key, "value": turn.value}, separators=(",", ":"))


class Store(Protocol):
    """One database's floor: the answer's transaction, and the sent replies' batch."""

    async def answer(self, answer: Answer) -> Reply | None:
        """The whole durable answer; None for a duplicate or an unknown sender."""

    async def mark_sent(self, sent: Sequence[tuple[str, str]], now: datetime) -> None:
        """Record (outbox id, Twilio sid) pairs as sent."""

    async def close(self) -> None:
        """Release connections."""


_PERSON_SQLITE = """
SELECT p.id, c.id, c.step, c.plan FROM person p
JOIN conversation c ON c.person_id = p.id AND c.status = 'open'
WHERE p.phone_index = ?"""
_INBOUND_SQLITE = """
INSERT INTO inbound_message (id, message_sid, person_id, phone_index, body, received_at)
VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (message_sid) DO NOTHING"""
_OBSERVATION_SQLITE = """
INSERT INTO observation (id, person_id, kind, payload, conversation_id, recorded_at)
VALUES (?, ?, ?, ?, ?, ?)"""
_ADVANCE_SQLITE = """
UPDATE conversation SET step = ?, plan = ?, retries = 0, step_started_at = ?,
status = ?, ended_at = ? WHERE id = ?"""
_OUTBOX_SQLITE = """
INSERT INTO outbox_message (id, person_id, phone_index, to_number, body, message_key,
priority, status, not_before, valid_until, attempts, claimed_at, claim_token,
created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)"""
_SENT_SQLITE = """
UPDATE outbox_message SET status = ?, twilio_sid = ?, attempts = 1, sent_at = ?,
updated_at = ?, claim_token = NULL WHERE id = ?"""


def _sqlite_time(moment: datetime) -> str:
    """How SQLAlchemy's SQLite dialect stores a UTC datetime (db/types.py makes it naive)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


class SqliteStore:
    """sqlite3, one connection, each unit of work one hop to its one thread."""

    def __init__(self, path: str, keyring: Keyring, steps: Steps) -> None:
        self.keyring = keyring
        self.steps = steps
        self.thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="floor-sqlite")
        self.db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        for pragma in ("journal_mode=WAL", "busy_timeout=5000", "foreign_keys=ON"):
            self.db.execute(f"PRAGMA {pragma}")
        self.db.execute("PRAGMA synchronous=NORMAL")

    async def answer(self, answer: Answer) -> Reply | None:
        """One thread hop: the whole transaction."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.thread, self._answer, answer)

    def _answer(self, answer: Answer) -> Reply | None:
        db, now = self.db, _sqlite_time(answer.now)
        inbound_id = new_id()
        sealed_body = seal(self.keyring, answer.body, INBOUND_BODY.bound_to(inbound_id))
        db.execute("BEGIN IMMEDIATE")
        try:
            found = db.execute(_PERSON_SQLITE, (answer.index,)).fetchone()
            if found is None:
                db.execute("ROLLBACK")
                return None
            person_id, conversation_id, step, plan = found
            row = (inbound_id, answer.message_sid, person_id, answer.index, sealed_body, now)
            if db.execute(_INBOUND_SQLITE, row).rowcount == 0:
                db.execute("ROLLBACK")
                return None
            turn = self.steps.turn(step, plan, answer.body)
            observation_id = new_id()
            payload = seal(
                self.keyring,
                observation_payload(turn),
                OBSERVATION_PAYLOAD.bound_to(observation_id),
            )
            kind = kind_of(turn.key)
            db.execute(
                _OBSERVATION_SQLITE,
                (observation_id, person_id, kind, payload, conversation_id, now),
            )
            status = ConversationStatus.OPEN if turn.step else ConversationStatus.COMPLETED
            ended = None if turn.step else now
            db.execute(
                _ADVANCE_SQLITE,
                (turn.step, turn.plan, now, status.value, ended, conversation_id),
            )
            reply = _reply(self.steps, turn, answer)
            db.execute(_OUTBOX_SQLITE, self._outbox_row(reply, person_id, answer))
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        return reply

    def _outbox_row(self, reply: Reply, person_id: str, answer: Answer) -> tuple[Any, ...]:
        to, body = _sealed_reply(self.keyring, reply)
        now = _sqlite_time(answer.now)
        valid = _sqlite_time(answer.now + REPLY_VALID)
        return (
            *(reply.outbox_id, person_id, answer.index, to, body, "floor-reply"),
            *(int(Priority.REPLY), OutboxStatus.SENDING.value, now, valid, now, new_id()),
            *(now, now),
        )

    async def mark_sent(self, sent: Sequence[tuple[str, str]], now: datetime) -> None:
        """One hop, one executemany."""
        at = _sqlite_time(now)
        rows = [(OutboxStatus.SENT.value, sid, at, at, outbox_id) for outbox_id, sid in sent]

        def write() -> None:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.executemany(_SENT_SQLITE, rows)
            self.db.execute("COMMIT")

        await asyncio.get_running_loop().run_in_executor(self.thread, write)

    async def close(self) -> None:
        """Close the connection in its thread."""
        await asyncio.get_running_loop().run_in_executor(self.thread, self.db.close)
        self.thread.shutdown()


_PERSON_PG = """
SELECT p.id, c.id, c.step, c.plan FROM person p
JOIN conversation c ON c.person_id = p.id AND c.status = 'open'
WHERE p.phone_index = $1 FOR UPDATE OF p"""
_INBOUND_PG = """
INSERT INTO inbound_message (id, message_sid, person_id, phone_index, body, received_at)
VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (message_sid) DO NOTHING RETURNING id"""
_OBSERVATION_PG = """
INSERT INTO observation (id, person_id, kind, payload, conversation_id, recorded_at)
VALUES ($1, $2, $3, $4, $5, $6)"""
_ADVANCE_PG = """
UPDATE conversation SET step = $1, plan = $2, retries = 0, step_started_at = $3,
status = $4, ended_at = $5 WHERE id = $6"""
_OUTBOX_PG = """
INSERT INTO outbox_message (id, person_id, phone_index, to_number, body, message_key,
priority, status, not_before, valid_until, attempts, claimed_at, claim_token,
created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 0, $9, $11, $9, $9)"""
_SENT_PG = """
UPDATE outbox_message SET status = $1, twilio_sid = $2, attempts = 1, sent_at = $3,
updated_at = $3, claim_token = NULL WHERE id = $4"""


class PostgresStore:
    """asyncpg, a pool as big as the service's, statements prepared once per connection."""

    def __init__(self, pool: asyncpg.Pool, keyring: Keyring, steps: Steps) -> None:
        self.pool = pool
        self.keyring = keyring
        self.steps = steps

    @classmethod
    async def open(cls, dsn: str, keyring: Keyring, steps: Steps) -> PostgresStore:
        """Connect a pool of 5 to 15 (SQLAlchemy's default pool size and overflow)."""
        pool = await asyncpg.create_pool(dsn, min_size=5, max_size=15)
        return cls(pool, keyring, steps)

    async def answer(self, answer: Answer) -> Reply | None:
        """BEGIN, five statements, COMMIT."""
        inbound_id = new_id()
        sealed_body = seal(self.keyring, answer.body, INBOUND_BODY.bound_to(inbound_id))
        now = answer.now
        async with self.pool.acquire() as db, db.transaction():
            found = await db.fetchrow(_PERSON_PG, answer.index)
            if found is None:
                return None
            person_id, conversation_id, step, plan = found
            row = (inbound_id, answer.message_sid, person_id, answer.index, sealed_body, now)
            if await db.fetchval(_INBOUND_PG, *row) is None:
                return None  # leaving the block commits nothing written
            turn = self.steps.turn(step, plan, answer.body)
            observation_id = new_id()
            payload = seal(
                self.keyring,
                observation_payload(turn),
                OBSERVATION_PAYLOAD.bound_to(observation_id),
            )
            kind = kind_of(turn.key)
            await db.execute(
                _OBSERVATION_PG, observation_id, person_id, kind, payload, conversation_id, now
            )
            status = ConversationStatus.OPEN if turn.step else ConversationStatus.COMPLETED
            ended = None if turn.step else now
            await db.execute(
                _ADVANCE_PG, turn.step, turn.plan, now, status.value, ended, conversation_id
            )
            reply = _reply(self.steps, turn, answer)
            to, body = _sealed_reply(self.keyring, reply)
            await db.execute(
                _OUTBOX_PG,
                *(reply.outbox_id, person_id, answer.index, to, body, "floor-reply"),
                *(int(Priority.REPLY), OutboxStatus.SENDING.value, now, now + REPLY_VALID),
                new_id(),
            )
        return reply

    async def mark_sent(self, sent: Sequence[tuple[str, str]], now: datetime) -> None:
        """One executemany."""
        rows = [(OutboxStatus.SENT.value, sid, now, outbox_id) for outbox_id, sid in sent]
        async with self.pool.acquire() as db:
            await db.executemany(_SENT_PG, rows)

    async def close(self) -> None:
        """Close the pool."""
        await self.pool.close()


def _reply(steps: Steps, turn: Turn, answer: Answer) -> Reply:
    return Reply(new_id(), answer.e164, steps.texts[turn.reply_key])


def _sealed_reply(keyring: Keyring, reply: Reply) -> tuple[bytes, bytes]:
    to = seal(keyring, reply.to, OUTBOX_TO.bound_to(reply.outbox_id))
    return to, seal(keyring, reply.body, OUTBOX_BODY.bound_to(reply.outbox_id))


class Sender:
    """One raw POST per reply; outcomes recorded in batches."""

    def __init__(self, store: Store, api_base_url: str, account_sid: str, auth: str) -> None:
        self.store = store
        self.url = f"{api_base_url}/2010-04-01/Accounts/{account_sid}/Messages.json"
        token = base64.b64encode(f"{account_sid}:{auth}".encode()).decode("ascii")
        self.headers = {"Authorization": f"Basic {token}"}
        self.session = aiohttp.ClientSession()
        self.sent: list[tuple[str, str]] = []
        self.tasks: set[asyncio.Task[None]] = set()
        self.flusher = asyncio.create_task(self._flush_forever())

    def send(self, reply: Reply, from_number: str, callback: str) -> None:
        """Send in the background (the webhook has already answered)."""
        task = asyncio.create_task(self._send(reply, from_number, callback))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def _send(self, reply: Reply, from_number: str, callback: str) -> None:
        form = {"To": reply.to, "From": from_number, "Body": reply.body, "StatusCallback": callback}
        async with self.session.post(self.url, data=form, headers=self.headers) as response:
            if response.status == 201:
                self.sent.append((reply.outbox_id, (await response.json())["sid"]))
        if len(self.sent) >= FLUSH_EVERY:
            await self._flush()

    async def _flush(self) -> None:
        batch, self.sent = self.sent, []
        if batch:
            await self.store.mark_sent(batch, datetime.now(UTC))

    async def _flush_forever(self) -> None:
        while True:
            await asyncio.sleep(FLUSH_SECONDS)
            await self._flush()

    async def close(self) -> None:
        """Finish sends in flight, record them, close."""
        if self.tasks:
            await asyncio.gather(*self.tasks, return_exceptions=True)
        self.flusher.cancel()
        await self._flush()
        await self.session.close()


@dataclass(frozen=True)
class FloorConfig:
    """Where the floor listens, its database and the fake API."""

    port: int
    database_url: str
    api_base_url: str
    account_sid: str
    auth_token: str
    from_number: str


def make_app(config: FloorConfig, keyring: Keyring) -> web.Application:
    """The floor application: `POST /twilio/sms` and `/healthz`."""
    public_url = f"http://127.0.0.1:{config.port}"
    validator = RequestValidator(config.auth_token)
    content = load_content()
    flow = content.flows["checkin"]
    texts = {
        message_id: content.catalog.render(message_id, "en")
        for message_id in [
            *(step.ask for step in flow.steps.values() if step.ask),
            "closing-thanks",
        ]
    }
    steps = Steps(flow, texts)
    stores: list[Store] = []
    senders: list[Sender] = []

    async def lifetime(_app: web.Application) -> Any:
        url = config.database_url
        if url.startswith("sqlite"):
            store: Store = SqliteStore(url.split("///", 1)[1], keyring, steps)
        else:
            dsn = url.replace("postgresql+asyncpg://", "postgresql://")
            store = await PostgresStore.open(dsn, keyring, steps)
        stores.append(store)
        senders.append(Sender(store, config.api_base_url, config.account_sid, config.auth_token))
        yield
        await senders[0].close()
        await store.close()

    async def inbound_sms(request: web.Request) -> web.Response:
        raw = await request.post()
        form = {key: value for key, value in raw.items() if isinstance(value, str)}
        signature = request.headers.get("X-Twilio-Signature", "")
        if not validator.validate(public_url + request.raw_path, form, signature):
            raise web.HTTPForbidden(text="invalid signature\n")
        e164 = form.get("From", "")
        answer = Answer(
            form.get("MessageSid", ""),
            e164,
            phone_index(keyring, e164),
            form.get("Body", ""),
            datetime.now(UTC),
        )
        reply = await stores[0].answer(answer)
        if reply is not None:
            senders[0].send(reply, config.from_number, public_url + "/twilio/status")
        return web.Response(text=EMPTY_TWIML, content_type="text/xml")

    async def healthz(_request: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})

    app = web.Application(client_max_size=64 * 1024)
    app.cleanup_ctx.append(lifetime)
    app.router.add_post("/twilio/sms", inbound_sms)
    app.router.add_get("/healthz", healthz)
    return app


def main() -> None:
    """Serve until SIGTERM."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--database-url", required=True, help="as DATABASE_URL for serve")
    parser.add_argument("--api-base-url", required=True, help="the fake Twilio API")
    parser.add_argument("--account-sid", required=True)
    parser.add_argument("--auth-token", required=True)
    parser.add_argument("--from-number", required=True)
    args = parser.parse_args()
    config = FloorConfig(
        args.port,
        args.database_url,
        args.api_base_url,
        args.account_sid,
        args.auth_token,
        args.from_number,
    )
    keyring = parse_keyring(os.environ["COMPANION_DATA_KEYS"])
    app = make_app(config, keyring)
    web.run_app(app, host="127.0.0.1", port=args.port, reuse_port=True, print=None, access_log=None)


if __name__ == "__main__":
    main()

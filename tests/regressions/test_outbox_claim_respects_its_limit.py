"""On PostgreSQL a claim of one row took every due row: the batch limit was ignored."""

from __future__ import annotations

from companion.crypto.keyring import Keyring
from companion.db import outbox
from companion.db.connection import create_engine, session_factory
from companion.db.states import Priority
from tests.support.clock import ManualClock


async def test_a_claim_takes_at_most_its_limit(
    database_url: str, keyring: Keyring, clock: ManualClock
) -> None:
    """Of 30 due rows, a claim of 7 takes 7 (a batch never grows to the whole backlog)."""
    engine = create_engine(database_url)
    sessions = session_factory(engine)
    try:
        async with sessions() as session, session.begin():
            await outbox.insert_sms(
                session,
                [
                    outbox.sms_values(
                        keyring,
                        outbox.Recipient(f"+4477009{n:05d}", f"index-{n}", None),
                        "test",
                        "queued",
                        outbox.Timing(Priority.BULK, clock()),
                    )
                    for n in range(30)
                ],
            )
        async with sessions() as session, session.begin():
            first = await outbox.claim_due(session, keyring, clock(), 7)
        async with sessions() as session, session.begin():
            rest = await outbox.claim_due(session, keyring, clock(), 100)
    finally:
        await engine.dispose()
    assert len(first) == 7
    assert len(rest) == 23
    assert not {c.id for c in first} & {c.id for c in rest}

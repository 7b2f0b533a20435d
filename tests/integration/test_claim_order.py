"""One person's messages keep their order when two dispatchers (two instances) claim at once."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from companion.crypto.keyring import Keyring
from companion.db import outbox
from companion.db.connection import create_engine, session_factory
from companion.db.models import OutboxMessage
from companion.db.states import OutboxStatus, Priority
from tests.support.clock import ManualClock

TO = outbox.Recipient("+447700900123", "index-alex", None)
OTHER = outbox.Recipient("+447700900456", "index-sam", None)


@pytest.fixture
async def sessions(database_url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    """Sessions on a fresh database of each kind."""
    engine = create_engine(database_url)
    yield session_factory(engine)
    await engine.dispose()


async def queue(
    sessions: async_sessionmaker[AsyncSession],
    keyring: Keyring,
    clock: ManualClock,
    *queued: tuple[outbox.Recipient, str, Priority],
) -> None:
    """Queue (recipient, body, priority) rows a second apart, in order."""
    async with sessions() as session, session.begin():
        for n, (to, body, priority) in enumerate(queued):
            timing = outbox.Timing(priority, clock() + timedelta(seconds=n))
            await outbox.insert_sms(session, [outbox.sms_values(keyring, to, "t", body, timing)])
    clock.advance(seconds=len(queued))


async def test_a_persons_next_message_waits_while_another_claim_sends_their_last(
    sessions: async_sessionmaker[AsyncSession], keyring: Keyring, clock: ManualClock
) -> None:
    """The re-ask is out with dispatcher A: B leaves the next question, and takes Sam's."""
    await queue(
        sessions,
        keyring,
        clock,
        (TO, "re-ask", Priority.REPLY),
        (TO, "next question", Priority.REPLY),
        (OTHER, "for Sam", Priority.REPLY),
    )
    async with sessions() as session, session.begin():
        (first,) = await outbox.claim_due(session, keyring, clock(), 1)
    async with sessions() as session, session.begin():
        meanwhile = await outbox.claim_due(session, keyring, clock(), 10)
    async with sessions() as session, session.begin():  # A's own next claim
        mine = {first.claim_token}
        own = await outbox.claim_due(session, keyring, clock(), 10, settling=mine)
    assert first.body == "re-ask"
    assert [c.body for c in meanwhile] == ["for Sam"]
    assert [c.body for c in own] == ["next question"]


async def test_crisis_signposting_never_waits_behind_a_message_being_sent(
    sessions: async_sessionmaker[AsyncSession], keyring: Keyring, clock: ManualClock
) -> None:
    """A check-in question is out with another claim: the crisis reply still goes at once."""
    await queue(sessions, keyring, clock, (TO, "check-in question", Priority.BULK))
    async with sessions() as session, session.begin():
        await outbox.claim_due(session, keyring, clock(), 1)
    await queue(sessions, keyring, clock, (TO, "crisis numbers", Priority.SAFETY))
    async with sessions() as session, session.begin():
        crisis = await outbox.claim_due(session, keyring, clock(), 10)
    assert [c.body for c in crisis] == ["crisis numbers"]


@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
@pytest.mark.postgres
async def test_two_claims_at_the_same_moment_do_not_split_a_person(
    sessions: async_sessionmaker[AsyncSession], keyring: Keyring, clock: ManualClock
) -> None:
    """A's claim has the re-ask and is not committed; B, skipping it, leaves the next question."""
    await queue(
        sessions, keyring, clock, (TO, "re-ask", Priority.REPLY), (TO, "next", Priority.REPLY)
    )
    async with sessions() as a, a.begin():
        (first,) = await outbox.claim_due(a, keyring, clock(), 1)
        async with sessions() as b, b.begin():
            during = await outbox.claim_due(b, keyring, clock(), 10)
    async with sessions() as session, session.begin():  # the re-ask was sent
        await session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == first.id)
            .values(status=OutboxStatus.SENT, claim_token=None)
        )
    async with sessions() as session, session.begin():
        after = await outbox.claim_due(session, keyring, clock(), 10)
    assert first.body == "re-ask"
    assert during == []
    assert [c.body for c in after] == ["next"]

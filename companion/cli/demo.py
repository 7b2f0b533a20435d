"""`companion demo`: a demo coordinator and a demo person with eight weeks of history.

Simulator mode only. The history is made through the same services a real person's
texts go through (observations, conversations, consent, summaries), so the portal
shows exactly what it would show for real data.
"""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from companion.accounts import coordinators
from companion.accounts.passphrase_strength import weakness
from companion.context import ServiceContext
from companion.crypto import totp
from companion.crypto.sealing import seal
from companion.db import observations, people
from companion.db.models import Consent, ConversationRow, Coordinator
from companion.db.sealed import PERSON_NAME
from companion.db.states import ConversationStatus, PersonStatus
from companion.engine.summary import ReferenceRanges, summary_week
from companion.sharing.summaries import ensure_summary
from companion.texting.conversation import remember_revisions

DEMO_EMAIL = "demo.coordinator@companion.example"
DEMO_PHONE = "+447700900999"
WEEKS = 8
_WORDS = ("river", "maple", "lantern", "quiet", "orchard", "copper", "meadow", "harbour", "violet")


@dataclass(frozen=True)
class DemoLogin:
    """What the operator needs to log in as the demo coordinator (printed once)."""

    email: str
    passphrase: str
    totp_secret: str
    totp_uri: str


async def seed_demo(ctx: ServiceContext, ranges: ReferenceRanges) -> DemoLogin | None:
    """Create the demo data; None if it already exists (its passphrase was shown then)."""
    now = ctx.clock()
    await remember_revisions(ctx)
    async with ctx.sessions() as session, session.begin():
        if await session.scalar(select(Coordinator.id).where(Coordinator.email == DEMO_EMAIL)):
            return None
        new = await coordinators.add_coordinator(
            session, ctx.keyring, name="Sam Patel", email=DEMO_EMAIL, team="Demo CMHT", now=now
        )
        pending = await coordinators.pending_enrolment(session, ctx.keyring, new.token, now)
        assert pending is not None
        passphrase = "-".join(secrets.choice(_WORDS) for _ in range(5))
        while weakness(passphrase, email=DEMO_EMAIL, name="Sam Patel") is not None:
            passphrase = "-".join(secrets.choice(_WORDS) for _ in range(5))
        # Enrol with the previous step's code, so the code an app shows now is not spent:
        # the printed login works at once, not only after the next 30 s step.
        code = totp.code_at(pending.totp_secret, now - timedelta(seconds=totp.STEP_SECONDS))
        await coordinators.complete_enrolment(
            session,
            pending,
            passphrase=passphrase,
            passphrase_again=passphrase,
            code=code,
            now=now,
        )
        coordinator = pending.coordinator
        person = await people.add_person(session, ctx.keyring, DEMO_PHONE, PersonStatus.ACTIVE, now)
        person.name = seal(ctx.keyring, "Alex", PERSON_NAME.bound_to(person.id))
        person.terms_accepted_at = now - timedelta(weeks=WEEKS)
        seed_history(ctx, session, person.id, now)
        consent = Consent(
            person_id=person.id,
            coordinator_id=coordinator.id,
            status=PersonStatus.ACTIVE,
            shares="checkins side_effects goals safety",
            asked_at=now - timedelta(weeks=WEEKS),
            given_at=now - timedelta(weeks=WEEKS),
            confirmed_at=now - timedelta(weeks=WEEKS),
        )
        session.add(consent)
        await session.flush()
        week = summary_week(now)
        for back in range(WEEKS, -1, -1):
            await ensure_summary(
                ctx, session, consent, person, week - timedelta(weeks=back), now, ranges
            )
    secret = pending.totp_secret
    return DemoLogin(
        DEMO_EMAIL, passphrase, totp.secret_text(secret), totp.provisioning_uri(secret, DEMO_EMAIL)
    )


def seed_history(ctx: ServiceContext, session: AsyncSession, person_id: str, now: datetime) -> None:
    """Eight weeks of realistic answers: better sleep, more walking, a small weight gain."""
    rng = random.Random(7)  # noqa: S311 (demo data, not security)
    start = now - timedelta(weeks=WEEKS)
    observations.new_goal(session, ctx.keyring, person_id, "walk to the park twice a week", start)
    for day in range(WEEKS * 7):
        moment = start + timedelta(days=day, hours=1)
        if rng.random() < 0.2:
            continue  # a day off: nobody answers every day
        progress = day / (WEEKS * 7)
        answers = {
            "sleep_hours": round(5.5 + 1.5 * progress + rng.uniform(-0.7, 0.7), 1),
            "activity_minutes": int(10 + 30 * progress + rng.uniform(-8, 15)),
            "energy_score": round(4 + 3 * progress + rng.uniform(-1, 1)),
        }
        for key, value in answers.items():
            observations.record(session, ctx.keyring, person_id, key, value, moment)
        session.add(
            ConversationRow(
                person_id=person_id,
                flow_id="checkin",
                flow_revision=ctx.flows["checkin"].revision,
                status=ConversationStatus.COMPLETED,
                topics="sleep activity energy",
                started_at=moment,
                step_started_at=moment,
                ended_at=moment,
            )
        )
        if day % 7 == 3:
            weight = round(82.0 + 0.8 * day / 7 + rng.uniform(-0.3, 0.3), 1)
            observations.record(session, ctx.keyring, person_id, "weight_kg", weight, moment)
            bp = {"systolic": 128 + rng.randint(-6, 16), "diastolic": 82 + rng.randint(-4, 10)}
            observations.record(session, ctx.keyring, person_id, "bp", bp, moment)
        if day % 7 == 5:
            observations.record(session, ctx.keyring, person_id, "side.sleepy", 1, moment)
            observations.record(
                session, ctx.keyring, person_id, "side.sleepy.bothering", False, moment
            )
            observations.record(session, ctx.keyring, person_id, "side.dry", 2, moment)
            review = rng.choice(["done", "partly", "partly", "not_this_week"])
            observations.record(session, ctx.keyring, person_id, "goal_review", review, moment)
    observations.record(
        session,
        ctx.keyring,
        person_id,
        "meds_changed",
        (start + timedelta(days=3)).date().isoformat(),
        start,
    )

"""`companion demo`: a demo coordinator who can log in and a person with real-looking weeks."""

from __future__ import annotations

import json

from companion.cli.demo import seed_demo
from companion.config import load_settings
from companion.context import standalone_context
from companion.crypto import hpke_box
from companion.crypto.coordinator_keys import from_bytes, unwrap_private_key
from companion.db.models import Coordinator, Summary
from companion.engine.summary import load_reference_ranges
from tests.support.clock import ManualClock
from tests.support.database import rows


async def test_demo_seeds_eight_weeks_the_coordinator_can_read(
    sqlite_url: str, tmp_path: object, clock: ManualClock
) -> None:
    """The printed passphrase opens every demo summary; a second run adds nothing."""
    settings = load_settings(
        {
            "DATABASE_URL": sqlite_url,
            "COMPANION_MODE": "simulator",
            "COMPANION_KEY_FILE": f"{tmp_path}/k",
        }
    )
    async with standalone_context(settings, clock=clock) as ctx:
        login = await seed_demo(ctx, load_reference_ranges())
        assert login is not None
        assert await seed_demo(ctx, load_reference_ranges()) is None
    (coordinator,) = await rows(sqlite_url, Coordinator)
    private = unwrap_private_key(
        from_bytes(coordinator.wrapped_key), login.passphrase, coordinator.id
    )
    summaries = await rows(sqlite_url, Summary)
    assert len(summaries) == 9
    latest = max(summaries, key=lambda s: s.week)
    info = hpke_box.summary_info(latest.person_id, coordinator.id, latest.week)
    data = json.loads(hpke_box.open_(private, latest.ciphertext, info))
    keys = {trend["key"] for trend in data["trends"]}
    assert {"sleep_hours", "activity_minutes", "weight_kg", "bp_systolic"} <= keys
    assert data["goal"]["text"] == "walk to the park twice a week"
    assert data["person_label"] == "Alex"

"""Finding 4: the subject-access export leaves out what is held."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from companion.engine.summary import RANGES_PATH, load_reference_ranges
from companion.records.export import export_person
from companion.sharing.summaries import summary_sweep
from companion.texting.inbound import InboundSms, handle_inbound
from companion.web.keys import CONTEXT
from tests.conftest import AppClient
from tests.support.clock import ManualClock
from tests.support.command_line import CommandLine
from tests.support.portal import enrolled_coordinator, log_in, person_sharing

PHONE = "+447700900463"


def test_export_of_a_number_that_never_joined_exits_0_with_its_texts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`companion export` for a number that only texted prints its messages, exit status 0."""
    companion = CommandLine(tmp_path, monkeypatch, capsys)
    chat = companion("chat", "--phone", PHONE, stdin="hello there\n")
    assert chat.status == 0, chat.err
    exported = companion("export", "--phone", PHONE)
    assert exported.status == 0, exported.err
    data = json.loads(exported.out)
    assert data["person"] is None
    assert [m["body"] for m in data["messages_in"]] == ["hello there"]
    assert data["messages_out"][0]["body"]


async def test_export_says_who_viewed_summaries_and_safety_events_in_full(
    portal_client: AppClient, clock: ManualClock
) -> None:
    """The export lists each portal view of the person's summaries (who, when) and the
    safety events with category and matched rule."""
    ctx = portal_client.app[CONTEXT]
    sam = await enrolled_coordinator(ctx.sessions, ctx.keyring, clock())
    _, consent_id = await person_sharing(ctx.sessions, ctx.keyring, sam.id, clock(), phone=PHONE)
    await summary_sweep(ctx, load_reference_ranges(RANGES_PATH))
    clock.advance(seconds=30)
    assert (await log_in(portal_client, sam, clock())).status == 303
    assert (await portal_client.get(f"/portal/people/{consent_id}")).status == 200
    await handle_inbound(ctx, InboundSms("SMcrisis", PHONE, "i want to kill myself"))

    data = await export_person(ctx, PHONE)

    assert data is not None
    views = data["summary_views"]
    assert [(v["by"], v["action"], v["consent_id"]) for v in views] == [
        (f"coordinator:{sam.id}", "view_person", consent_id)
    ]
    assert views[0]["at"] == clock().isoformat()
    (event,) = data["safety_events"]
    assert (event["category"], event["pattern"]) == ("suicide", "kill_myself")

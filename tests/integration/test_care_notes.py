"""Notes that join up care: recorded in the portal, asked by SMS, added only on YES."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from companion.crypto.keyring import Keyring
from companion.db.models import CareNote, DueItem, OutboxMessage, Supporter
from companion.db.states import CareNoteStatus, DueKind, SupporterStatus
from companion.engine.timing import LONDON
from companion.records.erasure import erase_person
from companion.records.export import export_person
from companion.web.keys import CONTEXT, SETTINGS
from tests.conftest import AppClient
from tests.support.clock import ManualClock
from tests.support.database import count, rows
from tests.support.portal import (
    Enrolled,
    audit_entries,
    csrf_of,
    person_sharing,
)

PHONE = "+447700900123"


async def record(client: AppClient, consent_id: str, **form: str) -> str:
    """Post the person page's note form; where it sends the coordinator back to."""
    page = await (await client.get(f"/portal/people/{consent_id}")).text()
    posted = await client.post(
        f"/portal/people/{consent_id}/notes",
        data={"csrf": csrf_of(page), **form},
        allow_redirects=False,
    )
    assert posted.status == 303
    return posted.headers["Location"]


async def reply(client: AppClient, body: str, phone: str = PHONE) -> None:
    """The person (or someone else, by `phone`) texts the service (the simulator)."""
    sent = await client.post("/simulator", data={"phone": phone, "body": body})
    assert sent.status == 200


async def asked(client: AppClient, key: str) -> list[str]:
    """Message keys queued to the person that start with `key`."""
    found = await rows(_url(client), OutboxMessage.message_key)
    return [row.message_key for row in found if row.message_key.startswith(key)]


def _url(client: AppClient) -> str:
    return client.app[SETTINGS].database_url


def raw_files(database_url: str) -> bytes:
    """The SQLite database and its write-ahead log, as bytes on disk."""
    path = Path(database_url.split("///", 1)[1])
    return b"".join(p.read_bytes() for p in path.parent.glob(f"{path.name}*"))


async def test_a_medicine_note_then_yes_times_the_calendar_and_an_appointment_then_no_adds_nothing(
    client: AppClient, sam: Enrolled, keyring: Keyring, clock: ManualClock
) -> None:
    """YES restarts the check calendar from the change; NO leaves the calendar alone."""
    ctx = client.app[CONTEXT]
    _, consent_id = await person_sharing(ctx.sessions, keyring, sam.id, clock(), name="Alex")
    today = clock().astimezone(LONDON).date()
    changed = today - timedelta(days=2)
    where = await record(
        client, consent_id, kind="medicine", what="started olanzapine 5 mg", day=str(changed)
    )
    assert where.endswith("?note=sent#notes")
    assert await asked(client, "note-medicine-ask") == ["note-medicine-ask"]
    assert await count(_url(client), DueItem, DueItem.kind == DueKind.CALENDAR) == 0
    await reply(client, "yes please")
    calendar = await rows(_url(client), DueItem, DueItem.kind == DueKind.CALENDAR)
    first = min(item.due_at for item in calendar).astimezone(LONDON).date()
    assert first == changed + timedelta(weeks=1)
    assert len(calendar) == 8  # six weekly weigh-ins, the 12-week check, the yearly check

    appointment = today + timedelta(days=5)
    await record(
        client, consent_id, kind="appointment", what="clinic review", day=str(appointment),
        time="10:30",
    )  # fmt: skip
    await reply(client, "no")
    assert await count(_url(client), DueItem, DueItem.kind == DueKind.APPOINTMENT) == 0
    assert await asked(client, "note-declined") == ["note-declined"]

    page = await (await client.get(f"/portal/people/{consent_id}")).text()
    assert "Yes, added to their calendar" in page
    assert "No, not added" in page
    assert "started olanzapine 5 mg" in page
    actions = [e.action for e in await audit_entries(ctx.sessions)]
    assert actions.count("care_note_recorded") == 2
    assert {"care_note_added", "care_note_declined"} <= set(actions)

    exported = await export_person(ctx, PHONE)
    assert exported is not None
    notes = {n["details"]["what"]: n["status"] for n in exported["care_notes"]}
    assert notes == {"started olanzapine 5 mg": "added", "clinic review": "declined"}
    assert b"olanzapine" not in raw_files(_url(client))
    await erase_person(ctx, PHONE, actor="operator", compact=False)
    assert await count(_url(client), CareNote) == 0


async def test_an_appointment_note_then_yes_books_the_reminder_and_bad_forms_say_why(
    client: AppClient, sam: Enrolled, keyring: Keyring, clock: ManualClock
) -> None:
    """YES books the day-before reminder; bad forms record nothing; a late YES adds nothing."""
    ctx = client.app[CONTEXT]
    _, consent_id = await person_sharing(ctx.sessions, keyring, sam.id, clock())
    today = clock().astimezone(LONDON).date()
    soon, yesterday = str(today + timedelta(days=3)), str(today - timedelta(days=1))
    gp = {"kind": "appointment", "what": "GP"}
    past = await record(client, consent_id, **gp, day=yesterday, time="10:00")
    assert past.endswith("?note=past#notes")
    untimed = await record(client, consent_id, **gp, day=soon)
    assert untimed.endswith("?note=time#notes")
    assert await count(_url(client), CareNote) == 0
    await record(client, consent_id, **gp, day=soon, time="10:00")
    await reply(client, "YES")
    assert await count(_url(client), DueItem, DueItem.kind == DueKind.APPOINTMENT) == 1
    assert await asked(client, "appt-saved") == ["appt-saved"]
    token = csrf_of(await (await client.get("/portal/people")).text())
    refused = await client.post(
        "/portal/people/nosuchconsent/notes",
        data={"csrf": token, "kind": "medicine"},
        allow_redirects=False,
    )
    assert refused.status == 404
    await record(client, consent_id, kind="medicine", what="stopped lithium", day=yesterday)
    clock.advance(days=8)
    await reply(client, "yes")  # a week too late: the question no longer waits
    assert await count(_url(client), DueItem, DueItem.kind == DueKind.CALENDAR) == 0


async def test_two_questions_waiting_the_yes_goes_to_the_one_asked_last_then_the_other(
    client: AppClient, sam: Enrolled, keyring: Keyring, clock: ManualClock
) -> None:
    """A note's question, then "share sleep with Sam?": YES answers Sam's; the next YES the note."""
    ctx = client.app[CONTEXT]
    _, consent_id = await person_sharing(ctx.sessions, keyring, sam.id, clock(), name="Alex")
    changed = clock().astimezone(LONDON).date() - timedelta(days=2)
    await record(client, consent_id, kind="medicine", what="started olanzapine", day=str(changed))
    clock.advance(minutes=1)
    await reply(client, "SUPPORTER Sam 07700 900456")
    await reply(client, "yes", phone="+447700900456")  # Sam joins
    clock.advance(minutes=1)
    await reply(client, "SUPPORTER SHARE Sam sleep")
    clock.advance(minutes=1)
    await reply(client, "YES")
    (supporter,) = await rows(_url(client), Supporter)
    (note,) = await rows(_url(client), CareNote)
    assert (supporter.status, supporter.shares.split()) == (SupporterStatus.ACTIVE, ["sleep"])
    assert note.status == CareNoteStatus.ASKED
    assert await count(_url(client), DueItem, DueItem.kind == DueKind.CALENDAR) == 0
    clock.advance(minutes=1)
    await reply(client, "YES")
    (note,) = await rows(_url(client), CareNote)
    assert note.status == CareNoteStatus.ADDED
    assert await count(_url(client), DueItem, DueItem.kind == DueKind.CALENDAR) == 8

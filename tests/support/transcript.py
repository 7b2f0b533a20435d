"""Golden transcripts: conversations as `>` / `<` lines, played against the real service.

Format, one item per line:

    # a comment
    @ 2026-06-01 09:00      set the clock (London time)
    + 2h                     move the clock on (m, h or d)
    ! checkin                the service starts a flow (as the scheduler would)
    > 7 hours                the person texts this
    < How many minutes...    a reply they get; an indented line continues the reply
    ~ not started ...        the flow was not started (the person is paused or stopped)

Run with UPDATE_TRANSCRIPTS=1 to rewrite the files from what the service now says.
"""

from __future__ import annotations

import asyncio
import os
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from tests.support.clock import ManualClock

LONDON = ZoneInfo("Europe/London")
UPDATE = os.environ.get("UPDATE_TRANSCRIPTS") == "1"
_DELTA = re.compile(r"^(\d+)\s*([mhd])$")
_UNITS = {"m": "minutes", "h": "hours", "d": "days"}


@dataclass(frozen=True)
class Phone:
    """How a transcript reaches the service: send a text, read new replies, start a flow."""

    send: Callable[[str], Awaitable[None]]
    replies: Callable[[], Awaitable[list[str]]]
    start_flow: Callable[[str], Awaitable[bool]]


def _reply_lines(body: str) -> list[str]:
    first, *rest = body.split("\n")
    return [f"< {first}".rstrip(), *(f"  {line}".rstrip() for line in rest)]


async def play(path: Path, phone: Phone, clock: ManualClock) -> tuple[str, str]:
    """Play the transcript; return (expected, actual) texts for comparison."""
    expected = await asyncio.to_thread(path.read_text, encoding="utf-8")
    actual: list[str] = []
    for line in expected.splitlines():
        if line.startswith(("< ", "  ", "~ ")) or line == "<":
            continue
        actual.append(line)
        if line.startswith("@ "):
            local = datetime.fromisoformat(line[2:].strip()).replace(tzinfo=LONDON)
            clock.now = local.astimezone(ZoneInfo("UTC"))
        elif line.startswith("+ "):
            match = _DELTA.match(line[2:].strip())
            assert match, f"{path.name}: bad clock step {line!r}"
            clock.now += timedelta(**{_UNITS[match.group(2)]: int(match.group(1))})
        elif line.startswith("! "):
            if not await phone.start_flow(line[2:].strip()):
                actual.append("~ not started (not active, or paused)")
        elif line.startswith("> "):
            await phone.send(line[2:])
        if line.startswith(("> ", "! ")):
            for body in await phone.replies():
                actual.extend(_reply_lines(body))
    text = "\n".join(actual) + "\n"
    if UPDATE:
        await asyncio.to_thread(path.write_text, text, encoding="utf-8")
    return expected, text

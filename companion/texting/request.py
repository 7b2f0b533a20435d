"""One command from one person, as the command handlers receive it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from companion.context import ServiceContext
from companion.db.models import Person
from companion.engine.commands import Command
from companion.engine.runner import Say


@dataclass(frozen=True)
class Request:
    """One command from one person, with what handling it needs."""

    ctx: ServiceContext
    session: AsyncSession
    person: Person
    command: Command
    now: datetime


Handler = Callable[[Request], Awaitable[list[Say]]]


def reason_of(result: object) -> dict[str, str]:
    """The `$reason` argument for a "how to" reply, from a parser's non-value result."""
    return {"reason": str(getattr(result, "reason", "not_understood"))}

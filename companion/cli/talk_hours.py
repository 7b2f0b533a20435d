"""`companion coordinator hours`: when a coordinator's team answers TALK requests.

People who text TALK are told these hours and how many working days to expect contact
within; the portal flags a request as overdue once that time has passed. Defaults:
Mon-Fri 09:00-17:00, within 2 working days. Audited like every coordinator command.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from companion.cli.data import run_in_context
from companion.context import ServiceContext
from companion.engine.talk_hours import (
    DEFAULT_HOURS,
    DEFAULT_WITHIN_DAYS,
    InvalidHours,
    WorkingHours,
    parse_hours,
)


def add_talk_hours_command(coordinator_commands: Any) -> None:
    """Register `coordinator hours` (an argparse subparser)."""
    hours = coordinator_commands.add_parser(
        "hours",
        help="show or set when a coordinator's team answers TALK requests"
        f' (default "{DEFAULT_HOURS}", within {DEFAULT_WITHIN_DAYS} working days)',
    )
    hours.add_argument("who", help="their id or email address")
    hours.add_argument(
        "hours", nargs="?", help='working days and hours, e.g. "Mon-Fri 09:00-17:00"'
    )
    hours.add_argument("--within", type=int, default=None, help="working days to answer within")
    hours.set_defaults(run=_hours)


def _hours(args: argparse.Namespace) -> int:
    from companion.accounts.coordinators import OPERATOR
    from companion.accounts.life_cycle import find
    from companion.db.states import AuditAction
    from companion.records import audit
    from companion.sharing.talk import hours_of

    async def work(ctx: ServiceContext) -> WorkingHours | str:
        async with ctx.sessions() as session, session.begin():
            coordinator = await find(session, args.who)
            if coordinator is None:
                return "no coordinator with that id or email"
            current = hours_of(coordinator)
            if args.hours is None and args.within is None:
                return current
            try:
                chosen = parse_hours(
                    args.hours or current.text,
                    current.within_days if args.within is None else args.within,
                )
            except InvalidHours:
                return 'hours must read like "Mon-Fri 09:00-17:00", within 1 to 10 days'
            coordinator.talk_hours, coordinator.talk_within_days = chosen.text, chosen.within_days
            await audit.record(
                session,
                actor=OPERATOR,
                action=AuditAction.TALK_HOURS,
                subject=coordinator.id,
                outcome="ok",
                now=ctx.clock(),
            )
            return chosen

    found = run_in_context(work)
    if isinstance(found, str):
        print(f"companion: {found}", file=sys.stderr)
        return 1
    print(f"TALK hours: {found.text}, within {found.within_days} working days")
    return 0

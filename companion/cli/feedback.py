"""`companion feedback list`: what people sent with FEEDBACK, for the operators."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from companion.cli.data import OPERATOR, run_in_context
from companion.engine.timing import LONDON


def add_feedback_commands(commands: Any) -> None:  # argparse's subparsers action has no type
    """Register `feedback list` on the `companion` parser."""
    feedback = commands.add_parser("feedback", help="what people told us with FEEDBACK")
    feedback_commands = feedback.add_subparsers(title="feedback commands")
    listing = feedback_commands.add_parser(
        "list", help="date, language and words, newest first (who sent it is not shown)"
    )
    listing.add_argument(
        "--since", default=None, metavar="YYYY-MM-DD", help="only from this day (London)"
    )
    listing.set_defaults(run=_list)


def _list(args: argparse.Namespace) -> int:
    from companion.records.feedback import list_feedback

    since = None
    if args.since is not None:
        try:
            day = dt.date.fromisoformat(args.since)
        except ValueError:
            print("companion: --since needs a day like 2026-12-01", file=sys.stderr)
            return 2
        since = dt.datetime.combine(day, dt.time(), tzinfo=LONDON).astimezone(dt.UTC)
    entries = run_in_context(lambda ctx: list_feedback(ctx, actor=OPERATOR, since=since))
    for entry in entries:
        when = entry.received_at.astimezone(LONDON)
        print(f"{when:%Y-%m-%d %H:%M}  {entry.locale}  {entry.words}")
    if not entries:
        print("no feedback yet" if since is None else "no feedback since then")
    return 0

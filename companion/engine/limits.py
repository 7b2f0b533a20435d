"""Bounds on what one number can make us send: a runaway phone or another auto-responder
must not get hundreds of replies. Pure.

Up to `REPLIES_PER_HOUR` ordinary replies per number per rolling hour; beyond that,
silence until it calms down, after one notice (`PAUSED_NOTICE`) saying so and when
replies resume, so a person is never left wondering why we stopped answering. Safety
replies (crisis signposting, HELP) are never held back and never use up that room: a
person in crisis may also be the one texting a lot.
A crisis text within an hour of crisis signposting gets a shorter form ("crisis-again")
that keeps every number. Our own replies never read as crisis language, so an echoing
auto-responder cannot start a loop.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from companion.engine.runner import Say

REPLIES_PER_HOUR = 40  # generous: someone trying every command is not a loop
CRISIS_REPLIES = frozenset({"crisis", "crisis-gentle", "crisis-again", "crisis-someone-else"})
SAFETY_REPLIES = CRISIS_REPLIES | {"help"}
PAUSED_NOTICE = "replies-paused"


def is_safety(says: Sequence[Say]) -> bool:
    """True if `says` is safety signposting (sent first, never bounded, never cancelled)."""
    return bool(says) and all(say.message_id in SAFETY_REPLIES for say in says)


def allowed_replies(
    says: Sequence[Say], *, replies_last_hour: int, signposted_last_hour: bool
) -> list[Say]:
    """The replies that may go, given what this number was sent in the last hour.

    Args:
        says: the replies the message earned, in order.
        replies_last_hour: ordinary (non-safety) replies queued to the number this hour.
        signposted_last_hour: whether crisis signposting went to the number this hour.
    """
    room = max(REPLIES_PER_HOUR - replies_last_hour, 0)
    kept: list[Say] = []
    for say in says:
        if say.message_id == "crisis" and signposted_last_hour:
            kept.append(replace(say, message_id="crisis-again"))
        elif say.message_id in SAFETY_REPLIES:
            kept.append(say)
        elif room > 0:
            kept.append(say)
            room -= 1
    return kept


def pause_notice_due(says: Sequence[Say], kept: Sequence[Say], *, told_this_hour: bool) -> bool:
    """True if this message is the one to say that replies are paused (once an hour).

    Args:
        says: the replies the message earned.
        kept: those `allowed_replies` let through.
        told_this_hour: whether the notice already went to the number this hour.
    """
    held_back = len(kept) < len(says)
    # Never mixed into safety signposting (it would lose its priority); it needs none.
    signposting = any(say.message_id in SAFETY_REPLIES for say in kept)
    return held_back and not told_this_hour and not signposting

"""Bounds on what one number can make us send: a runaway phone or another auto-responder
must not get hundreds of replies. Pure.

Up to `REPLIES_PER_HOUR` replies per number per rolling hour; beyond that, silence until
it calms down, except that safety replies (crisis signposting, HELP) still go, once an
hour, because a person in crisis may also be the one texting a lot.
"""

from __future__ import annotations

from collections.abc import Sequence

from companion.engine.runner import Say

REPLIES_PER_HOUR = 40  # generous: someone trying every command is not a loop
SAFETY_REPLIES = frozenset({"crisis", "crisis-gentle", "help"})
MAX_INBOUND_CHARS = 1600  # Twilio's own limit for one (concatenated) message


def allowed_replies(
    says: Sequence[Say], *, replies_last_hour: int, safety_last_hour: bool
) -> list[Say]:
    """The replies that may go, given what this number was sent in the last hour."""
    room = max(REPLIES_PER_HOUR - replies_last_hour, 0)
    if len(says) <= room:
        return list(says)
    kept = list(says[:room])
    if not safety_last_hour and not any(s.message_id in SAFETY_REPLIES for s in kept):
        safety = [s for s in says[room:] if s.message_id in SAFETY_REPLIES]
        kept += safety[:1]
    return kept

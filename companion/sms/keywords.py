"""Carrier keywords: STOP, START and HELP, recognised in any state, before any flow."""

from __future__ import annotations

import re
from enum import StrEnum


class CarrierKeyword(StrEnum):
    STOP = "stop"
    START = "start"
    HELP = "help"


_WORDS = {
    **dict.fromkeys(
        ("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"),
        CarrierKeyword.STOP,
    ),
    **dict.fromkeys(("START", "UNSTOP", "JOIN"), CarrierKeyword.START),
    **dict.fromkeys(("HELP", "INFO"), CarrierKeyword.HELP),
}
# Short polite forms people really send; a longer sentence that merely contains
# "stop" ("I can't stop eating") is not an opt-out.
_STOP_PHRASES = frozenset(
    {
        "STOP ALL",
        "STOP IT",
        "STOP PLEASE",
        "PLEASE STOP",
        "STOP TEXTING ME",
        "STOP TEXTING",
        "STOP MESSAGING ME",
        "STOP MESSAGES",
        "STOP ALL MESSAGES",
        "UNSUBSCRIBE ME",
        "OPT OUT",
    }
)
_NOISE = re.compile(r"[^A-Z ]+")
_SPACES = re.compile(r"\s+")


def carrier_keyword(text: str) -> CarrierKeyword | None:
    """Classify a whole message as a carrier keyword, ignoring case, spaces and punctuation.

    Only the whole message counts ("STOP", " stop! ", "Stop." but not "stop smoking
    tips"), plus a few polite opt-out phrases ("please stop").
    """
    words = _SPACES.sub(" ", _NOISE.sub(" ", text.upper())).strip()
    if words in _STOP_PHRASES:
        return CarrierKeyword.STOP
    return _WORDS.get(words.replace(" ", "")) if " " not in words else None


def reserved_words() -> frozenset[str]:
    """Every carrier keyword; flows may not use these as answers."""
    return frozenset(_WORDS)

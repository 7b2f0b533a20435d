"""Carrier keywords: STOP, START and HELP, recognised in any state, before any flow."""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum


class CarrierKeyword(StrEnum):
    """The keywords carriers and Twilio act on, in any state."""

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
# A plea for help must never get "thanks for your message": it gets the HELP reply,
# with every crisis number (a longer message is checked for crisis language instead).
_HELP_PHRASES = frozenset(
    {
        "HELP ME",
        "HELP ME PLEASE",
        "PLEASE HELP",
        "PLEASE HELP ME",
        "HELP PLEASE",
        "I NEED HELP",
        "NEED HELP",
        "I NEED SOME HELP",
        "CAN YOU HELP",
        "CAN YOU HELP ME",
        "CAN SOMEONE HELP ME",
        "SOMEONE HELP ME",
        "SOS",
        "POMOCY",
        "POMOC",
        "POTRZEBUJE POMOCY",
    }
)
_NOISE = re.compile(r"[^A-Z ]+")
_SPACES = re.compile(r"\s+")


def carrier_keyword(text: str) -> CarrierKeyword | None:
    """Classify a whole message as a carrier keyword, ignoring case, spaces and punctuation.

    Only the whole message counts ("STOP", " stop! ", "Stop." but not "stop smoking
    tips"), plus a few polite opt-out phrases ("please stop").
    """
    folded = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    words = _SPACES.sub(" ", _NOISE.sub(" ", folded.upper())).strip()
    if words in _STOP_PHRASES:
        return CarrierKeyword.STOP
    if words in _HELP_PHRASES:
        return CarrierKeyword.HELP
    return _WORDS.get(words.replace(" ", "")) if " " not in words else None


def reserved_words() -> frozenset[str]:
    """Every carrier keyword; flows may not use these as answers."""
    return frozenset(_WORDS)

"""Carrier keywords: recognised in any case and punctuation, only as the whole message."""

from __future__ import annotations

import pytest

from companion.sms.keywords import CarrierKeyword, carrier_keyword

STOPS = [
    "STOP",
    "stop",
    " Stop! ",
    "STOP.",
    "stopall",
    "Unsubscribe",
    "cancel",
    "END",
    "quit",
    "revoke",
    "OPTOUT",
    "opt-out",
    "Opt out",
    "please stop",
    "Stop texting me",
    "STOP ALL",
]
STARTS = ["START", "start", "Unstop", "JOIN", "join!", " Join "]
HELPS = ["HELP", "help", "Help?", "INFO", "info."]
NOT_KEYWORDS = [
    "stop smoking tips",
    "I can't stop eating",
    "help me sleep better",
    "the end of my shift",
    "I want to start running",
    "joined a gym",
    "stopped",
    "",
]


@pytest.mark.parametrize("text", STOPS)
def test_stop_words(text: str) -> None:
    """Every STOP synonym, however typed, is STOP."""
    assert carrier_keyword(text) is CarrierKeyword.STOP


@pytest.mark.parametrize("text", STARTS)
def test_start_words(text: str) -> None:
    """START, UNSTOP and JOIN bring someone (back) in."""
    assert carrier_keyword(text) is CarrierKeyword.START


@pytest.mark.parametrize("text", HELPS)
def test_help_words(text: str) -> None:
    """HELP and INFO are HELP."""
    assert carrier_keyword(text) is CarrierKeyword.HELP


@pytest.mark.parametrize("text", NOT_KEYWORDS)
def test_sentences_containing_keywords_are_not_keywords(text: str) -> None:
    """A sentence that merely contains a keyword is left to the conversation."""
    assert carrier_keyword(text) is None


@pytest.mark.parametrize(
    "text", ["help me", "Help me!", "I need help", "please help", "SOS", "Potrzebuję pomocy"]
)
def test_a_plea_for_help_gets_the_help_reply(text: str) -> None:
    """Regression: "help me" got "thanks for your message" instead of the crisis numbers."""
    assert carrier_keyword(text) is CarrierKeyword.HELP


def test_a_longer_message_about_help_is_not_a_keyword() -> None:
    """ "help me with my goal" is an ordinary message (its crisis check still runs)."""
    assert carrier_keyword("help me with my goal") is None

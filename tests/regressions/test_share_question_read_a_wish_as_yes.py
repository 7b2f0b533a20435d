"""With a share question waiting, "please stop texting me" or "ok who is this" began
with a yes word ("please", "ok") and was taken as YES to sharing with a coordinator.

A text that says something else (stop, a person, privacy, who is this, a reminder, a
medicine) is not a clear yes: it is answered for what it says, and the share question
keeps waiting for a real YES or NO.
"""

from __future__ import annotations

import pytest

from companion.db.models import Consent
from tests.conftest import AppClient
from tests.integration.test_consent import add_coordinator, joined, text, url
from tests.support.clock import ManualClock
from tests.support.database import rows

__all__ = ["joined"]  # the fixture, shared with the consent tests


@pytest.mark.parametrize(
    "wish",
    [
        "please stop texting me",
        "ok who is this",
        "sure, but who sees it?",
        "please call me",
        "please remind me to take my tablets at 8pm",
        "yes i forgot my pills",
    ],
)
async def test_a_wish_that_starts_with_a_yes_word_shares_nothing(
    joined: AppClient, clock: ManualClock, wish: str
) -> None:
    """The wish is answered; consent stays asked until a clear YES."""
    await add_coordinator(joined, "Sam Patel", "K7Q2MX", clock.now)
    await text(joined, "SHARE K7Q2MX")
    reply = await text(joined, wish)
    assert "will see a summary" not in reply  # the words of share-given
    (consent,) = await rows(url(joined), Consent)
    assert consent.status == "asked"


@pytest.mark.parametrize("answer", ["yes thanks", "YES", "yes, feeling better today"])
async def test_a_yes_with_thanks_or_good_news_still_shares(
    joined: AppClient, clock: ManualClock, answer: str
) -> None:
    """Thanks or good news beside a yes does not make it less clear."""
    await add_coordinator(joined, "Sam Patel", "K7Q2MX", clock.now)
    await text(joined, "SHARE K7Q2MX")
    assert "will see a summary" in await text(joined, answer)
    (consent,) = await rows(url(joined), Consent)
    assert consent.status == "active"

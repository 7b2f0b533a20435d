"""Before YES, "please stop texting me", "who can see my answers" and "ok who is this"
were read as YES: the person was signed up and their terms recorded as accepted. A
stranger's "who is this" got nothing, and "what do you do with my data?" got "reply YES".

Fixed in the one decision (companion/engine/decide.py): a text whose intent asks for
something else is never a YES to joining, and a question before joining is answered.
"""

from __future__ import annotations

import pytest

from companion.db.states import PersonStatus
from companion.engine.decide import Decision, Situation, Text, decide


def respond(situation: Situation, text: str) -> Decision:
    return decide(situation, Text(text))


@pytest.mark.parametrize(
    "wish",
    [
        "please stop texting me",
        "who can see my answers",
        "ok who is this",
        "please remind me at 8pm",
    ],
)
def test_a_wish_before_yes_does_not_sign_the_person_up(wish: str) -> None:
    """Only a clear YES joins; a wish that starts with a yes word is answered instead."""
    outcome = respond(Situation(PersonStatus.PENDING), wish)
    assert outcome.status is PersonStatus.PENDING
    assert not outcome.accepts_terms


@pytest.mark.parametrize(
    ("text", "reply"),
    [
        ("what do you do with my data?", "before-joining-privacy"),
        ("who is this", "before-joining-who"),
        ("HLEP", "help"),
    ],
)
def test_a_question_before_yes_gets_its_answer(text: str, reply: str) -> None:
    """A privacy question, who-is-this or a misspelt HELP before YES is answered (a
    question is then followed by the re-ask for YES)."""
    outcome = respond(Situation(PersonStatus.PENDING), text)
    assert outcome.replies[0].message_id == reply
    assert outcome.status is PersonStatus.PENDING


def test_a_strangers_second_text_asking_who_this_is_is_answered() -> None:
    """Told how to join today, a stranger's "who is this" still gets an answer."""
    outcome = respond(Situation(None, told_how_to_join_today=True), "who is this")
    assert [r.message_id for r in outcome.replies] == ["before-joining-who"]


def test_a_clear_yes_still_joins() -> None:
    """YES signs the person up, as before."""
    outcome = respond(Situation(PersonStatus.PENDING), "YES")
    assert outcome.status is PersonStatus.ACTIVE
    assert outcome.accepts_terms

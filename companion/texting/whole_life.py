"""TOPICS: the whole-life topics (mood, loneliness, money) a person adds to their check-in.

"ADD mood", "REMOVE money", "TOPICS" (what is on). The choice is sealed on the person;
the check-in's rotation then includes the chosen topics (still at most three
questions a day). Their answers are never in a coordinator's summary.
"""

from __future__ import annotations

from companion.crypto.keyring import Keyring
from companion.crypto.sealing import seal, unseal
from companion.db.models import Person
from companion.db.sealed import PERSON_TOPICS
from companion.engine.runner import Say
from companion.engine.whole_life import (
    read_topic_change,
    topics_args,
    topics_from,
    topics_text,
)
from companion.texting.request import Request


def chosen_topics(keyring: Keyring, person: Person) -> frozenset[str]:
    """The whole-life topics the person chose (none unless they added some)."""
    if person.topics is None:
        return frozenset()
    return topics_from(unseal(keyring, person.topics, PERSON_TOPICS.bound_to(person.id)))


async def topics(r: Request) -> list[Say]:
    """TOPICS lists what is on; ADD mood / REMOVE money (TOPICS ADD mood) changes it."""
    chosen = chosen_topics(r.ctx.keyring, r.person)
    if not r.command.rest.strip():
        return [Say("topics-current", args=topics_args(chosen))]
    change = read_topic_change(r.command.rest)
    if change is None:
        return [Say("topics-how")]
    now_chosen = chosen | {change.topic} if change.add else chosen - {change.topic}
    stored = topics_text(now_chosen)
    where = PERSON_TOPICS.bound_to(r.person.id)
    r.person.topics = seal(r.ctx.keyring, stored, where) if stored else None
    key = "topics-added" if change.add else "topics-removed"
    return [Say(key, args={"topic": change.topic})]

"""TIPS <topic>: reading the topic, nearest entry first, eligibility only when asked."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from companion.engine.resources import DIRECTORY_PATH, Resource, load_directory
from companion.engine.tip_topics import pick_on_topic, read_topic

TODAY = date(2026, 12, 3)


def make(rid: str, area: str, category: str, **extra: object) -> Resource:
    resource = Resource(
        id=rid,
        name="Some Service",
        offer="Something useful.",
        area=area,
        category=category,
        contact="example.org",
        source="https://example.org",
        last_checked=TODAY,
    )
    return replace(resource, **extra)  # type: ignore[arg-type]


DIRECTORY = (
    make("nat-smoke", "national", "smoking"),
    make("ldn-smoke", "london", "smoking"),
    make("camden-smoke", "Camden", "smoking"),
    make("hackney-smoke", "Hackney", "smoking"),
    make("nat-food", "national", "eating"),
    make("healthy-start", "national", "eating", eligibility=("pregnancy-or-under-4s",)),
    make(
        "the-mix",
        "national",
        "mental-health",
        groups=("young-adults",),
        eligibility=("age-under-26",),
    ),
    make("carers-trust", "national", "peer-support", groups=("carers",)),
    make("old-carers", "Camden", "peer-support", groups=("carers",), retired=TODAY),
)


@pytest.mark.parametrize(
    ("words", "key"),
    [
        ("stop smoking", "smoking"),
        ("I want to quit vaping", "smoking"),
        ("rzucic palenie", "smoking"),
        ("sleep", "sleep"),
        ("Sen", "sleep"),
        ("food", "eating"),
        ("jedzenie", "eating"),
        ("healthy eating on a budget", "eating"),
        ("quit drinking", "alcohol"),
        ("walking", "activity"),
        ("debt", "money"),
        ("dentist", "dental"),
        ("side effects of my meds", "medicines"),
        ("leki", "medicines"),
        ("for carers", "carers"),
        ("opiekunowie", "carers"),
        ("LGBT", "lgbtq"),
        ("older people", "older-people"),
        ("starsi", "older-people"),
        ("I'm pregnant", "pregnancy"),
        ("ciąża", "pregnancy"),
        ("refugees", "refugees"),
        ("help with English", "language"),
        ("prawa pacjenta", "advocacy"),
    ],
)
def test_topics_are_read_in_english_and_polish(words: str, key: str) -> None:
    """Own words and Polish (with or without Polish letters) find the topic."""
    topic = read_topic(words)
    assert topic is not None, words
    assert topic.key == key


@pytest.mark.parametrize("words", ["kitesurfing", "topics", "xyz", "?"])
def test_unknown_words_name_no_topic(words: str) -> None:
    """Words we do not know give no topic, so the person gets the list instead."""
    assert read_topic(words) is None


def pick(words: str, borough: str | None, sent: tuple[str, ...] = ()) -> str | None:
    topic = read_topic(words)
    assert topic is not None
    tip = pick_on_topic(DIRECTORY, topic, borough=borough, already_sent=sent)
    return None if tip is None else tip.id


def test_nearest_entry_on_the_topic_comes_first() -> None:
    """Borough, then London-wide, then national; never another borough's."""
    assert pick("stop smoking", "camden") == "camden-smoke"
    assert pick("stop smoking", "Camden", ("camden-smoke",)) == "ldn-smoke"
    assert pick("stop smoking", "Camden", ("camden-smoke", "ldn-smoke")) == "nat-smoke"
    assert pick("stop smoking", None) == "ldn-smoke"
    assert pick("stop smoking", "Leeds") == "nat-smoke"
    everything = tuple(r.id for r in DIRECTORY)
    assert pick("stop smoking", "Hackney", everything) == "hackney-smoke"


def test_restricted_entries_only_when_the_person_says_it_applies() -> None:
    """Healthy Start only for "TIPS pregnant", The Mix only for "TIPS young people"."""
    for sent in ((), ("nat-food",)):
        assert pick("food", "Camden", sent) == "nat-food"
    assert pick("pregnant", "Camden") == "healthy-start"
    assert pick("young people", "Camden") == "the-mix"
    assert pick("mental health", "Camden") is None


def test_retired_entries_are_never_chosen() -> None:
    """A retired local carers' group is skipped for the national one."""
    assert pick("carers", "Camden") == "carers-trust"
    assert pick("carers", "Camden", ("carers-trust",)) == "carers-trust"


def test_shipped_directory_answers_every_topic_for_a_londoner() -> None:
    """Each topic in the TIPS list finds an entry for someone in Sutton."""
    shipped = load_directory(DIRECTORY_PATH, datetime.now(UTC).date())
    topics = "smoking sleep food activity alcohol money dentist checks mental peer advocacy"
    groups = "community medicines women ethnic lgbt older young disabled carers faith refugees"
    for words in f"{topics} {groups} english pregnant".split():
        topic = read_topic(words)
        assert topic is not None, words
        assert pick_on_topic(shipped, topic, borough="Sutton", already_sent=()), words

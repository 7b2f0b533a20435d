"""MENU's two pages name every command; HELP <command> explains one and points to HELP."""

from __future__ import annotations

import pytest

from companion.engine.commands import KEYWORDS, Command, CommandName, find_command, help_topic
from companion.i18n.catalog import load_catalog
from companion.sms.segments import count_segments

CATALOG = load_catalog()
# The word each command is shown by on the menu (the keyword people learn).
SHOWN_AS = {
    CommandName.LOG: "LOG",
    CommandName.SKIP: "SKIP",
    CommandName.WEIGHT: "WEIGHT",
    CommandName.BP: "BP",
    CommandName.SUGAR: "SUGAR",
    CommandName.WAIST: "WAIST",
    CommandName.SIDE: "SIDE",
    CommandName.MEDS_CHANGED: "MEDS CHANGED",
    CommandName.GOAL: "GOAL",
    CommandName.TIPS: "TIPS",
    CommandName.TIME: "TIME",
    CommandName.PAUSE: "PAUSE",
    CommandName.RESUME: "RESUME",
    CommandName.NAME: "NAME",
    CommandName.LANGUAGE: "LANGUAGE",
    CommandName.BOROUGH: "BOROUGH",
    CommandName.MY_WEEK: "MY WEEK",
    CommandName.MENU: "MENU 2",
    CommandName.REMIND: "REMIND",
    CommandName.APPOINTMENT: "APPT",
    CommandName.SHARE: "SHARE",
    CommandName.MY_DATA: "MY DATA",
    CommandName.DELETE_ME: "DELETE ME",
    CommandName.UNSHARE: "UNSHARE",
    CommandName.REMINDERS: "REMINDERS",
    CommandName.QUIET: "QUIET",
    CommandName.HELP_TOPIC: "HELP REMIND",
    CommandName.FEEDBACK: "FEEDBACK",
    CommandName.TOPICS: "TOPICS",
}


def test_every_command_has_a_menu_word() -> None:
    """A new command cannot be added without deciding how the menu shows it."""
    assert set(SHOWN_AS) == set(CommandName)


@pytest.mark.parametrize("locale", ["en", "pl"])
def test_the_two_menu_pages_together_name_every_command(locale: str) -> None:
    """MENU and MENU 2 between them show every command's keyword, plus HELP and STOP."""
    pages = CATALOG.render("menu", locale) + "\n" + CATALOG.render("menu-2", locale)
    missing = [word for word in [*SHOWN_AS.values(), "HELP", "STOP"] if word not in pages]
    assert missing == []
    assert "MENU 2" in CATALOG.render("menu", locale)


@pytest.mark.parametrize("locale", ["en", "pl"])
@pytest.mark.parametrize("topic", [*(c.value for c in CommandName if c != "help_topic"), "stop"])
def test_help_names_each_command_and_points_to_the_crisis_numbers(locale: str, topic: str) -> None:
    """HELP <command> has its own text for every command and always ends with HELP."""
    text = CATALOG.render("help-command", locale, {"command": topic})
    fallback = CATALOG.render("help-command", locale, {"command": "no-such-command"})
    assert topic == "menu" or text != fallback
    assert text.rstrip(".").endswith(("crisis numbers", "kryzysie"))


@pytest.mark.parametrize(
    ("text", "command"),
    [
        ("MENU", Command(CommandName.MENU, "")),
        ("MENU 2", Command(CommandName.MENU, "2")),
        ("menu more", Command(CommandName.MENU, "2")),
        ("More", Command(CommandName.MENU, "2")),
        ("more?", Command(CommandName.MENU, "2")),
        ("menu next", Command(CommandName.MENU, "2")),
        ("HELP REMIND", Command(CommandName.HELP_TOPIC, "remind")),
        ("help weight", Command(CommandName.HELP_TOPIC, "weight")),
        ("Help with APPT", Command(CommandName.HELP_TOPIC, "appointment")),
        ("help me with appointments", Command(CommandName.HELP_TOPIC, "appointment")),
        ("HELP MY DATA", Command(CommandName.HELP_TOPIC, "my_data")),
        ("help meds changed", Command(CommandName.HELP_TOPIC, "meds_changed")),
        ("help stop", Command(CommandName.HELP_TOPIC, "stop")),
        ("help menu 2", Command(CommandName.HELP_TOPIC, "menu")),
        ("REMINDERS", Command(CommandName.REMINDERS, "")),
        ("my reminders", Command(CommandName.REMINDERS, "")),
        ("REMINDERS OFF 2", Command(CommandName.REMINDERS, "OFF 2")),
        ("STOP REMINDER 2", Command(CommandName.REMINDERS, "off 2")),
        ("stop reminder #3", Command(CommandName.REMINDERS, "off 3")),
        ("remove 2", Command(CommandName.REMINDERS, "off 2")),
        ("cancel appointment 1", Command(CommandName.REMINDERS, "off 1")),
        ("stop my reminders", Command(CommandName.REMINDERS, "off")),
        ("QUIET 10pm-9am", Command(CommandName.QUIET, "10pm-9am")),
        ("HLEP", Command(CommandName.HELP_TOPIC, "")),  # the HELP reply, every number in it
        ("hepl!", Command(CommandName.HELP_TOPIC, "")),
        ("quiet hours off", Command(CommandName.QUIET, "off")),
        ("QUIET", Command(CommandName.QUIET, "")),
        ("quiet 22:00-07:30", Command(CommandName.QUIET, "22:00-07:30")),
        ("quiet from 10pm to 9am", Command(CommandName.QUIET, "from 10pm to 9am")),
    ],
)
def test_new_command_wordings(text: str, command: Command) -> None:
    """The second menu page, HELP <command>, REMINDERS and its removals, QUIET."""
    assert find_command(text) == command


@pytest.mark.parametrize(
    "text",
    [
        "more than 7",  # an answer, not the menu
        "next",  # skips the open question (runner.is_skip), not the menu's next page
        "help with my meds",  # no command named: left for the reply that understands it
        "help, I slept 5 hours",
        "HELP HELP",
        "held",
        "quite tired",  # one typo from QUIET, but an everyday word
        "quiet week",  # an answer to the goal review, not QUIET
        "quiet please",
        "quiet night, 8 hours",  # an answer to the sleep question
        "stop",  # the carrier keyword, matched elsewhere
        "remove the 2 tablets",
        "stop reminding me about everything please",
    ],
)
def test_lookalikes_are_not_these_commands(text: str) -> None:
    """Answers, carrier keywords and everyday words near the new wordings stay what they are."""
    assert find_command(text) is None


def test_help_topic_reads_keywords_and_their_typos() -> None:
    """ "HELP weigth" still finds WEIGHT; a word that names no command finds nothing."""
    assert help_topic("weigth") == "weight"
    assert help_topic("the weather") is None
    assert all(help_topic(keyword) is not None for keyword in KEYWORDS)


@pytest.mark.parametrize("message_id", ["my-data", "privacy"])
def test_privacy_answer_is_real_and_short(message_id: str) -> None:
    """MY DATA (and the same answer before joining) says who sees what, copy, delete: 2 texts."""
    text = CATALOG.render(message_id, "en")
    assert count_segments(text) < 3
    assert {"SHARE", "coordinator"} <= set(text.replace(",", " ").replace(":", " ").split())
    assert "delete" in text.lower()
    assert "ask the team that runs" not in text

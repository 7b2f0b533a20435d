"""Supporters in the pure core: reading SUPPORTER, the weekly good news, and whose text it is."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from companion.db.states import PersonStatus, SupporterStatus
from companion.engine.decide import (
    AnswerShare,
    AnswerSupporterShare,
    AsSupporter,
    OpenQuestion,
    RunCommand,
    Situation,
    Text,
    decide,
)
from companion.engine.flowspec import load_flows
from companion.engine.history import DayLog, History
from companion.engine.supporters import (
    HowTo,
    Invite,
    ListSupporters,
    Remove,
    Share,
    SupporterReply,
    Unshare,
    WeekDue,
    read_supporter_command,
    week_news,
    weekly_due,
    weekly_say,
)

NOW = datetime(2026, 6, 3, 10, 0, tzinfo=UTC)
INVITED = SupporterStatus.INVITED
ACTIVE = SupporterStatus.ACTIVE


@pytest.mark.parametrize(
    ("rest", "expected"),
    [
        ("", ListSupporters()),
        ("Sam 07700 900123", Invite("07700 900123", "Sam")),
        ("+447700900123", Invite("+447700900123", None)),
        ("07700900123 Sam", Invite("07700900123", "Sam")),
        ("Pal2 07700 900502", Invite("07700 900502", "Pal2")),
        ("REMOVE Sam", Remove("Sam")),
        ("remove 0123", Remove("0123")),
        ("SHARE Sam steps", Share("Sam", "activity")),
        ("share sleep", Share("", "sleep")),
        ("SHARE Sam weight", Share("Sam weight", None)),
        ("UNSHARE Sam", Unshare("Sam")),
        ("said hello", HowTo()),
    ],
)
def test_supporter_command_forms(rest: str, expected: object) -> None:
    """SUPPORTER's forms: invite (name optional), list, remove, share a category, unshare."""
    assert read_supporter_command(rest) == expected


@pytest.mark.parametrize(
    ("now", "due"),
    [
        (datetime(2026, 6, 7, 16, 59, tzinfo=UTC), None),  # 17:59 in London: not yet
        (datetime(2026, 6, 7, 17, 0, tzinfo=UTC), WeekDue("2026-W23", date(2026, 6, 1))),
        (datetime(2026, 6, 8, 16, 0, tzinfo=UTC), WeekDue("2026-W23", date(2026, 6, 1))),
        (datetime(2026, 6, 8, 17, 1, tzinfo=UTC), None),  # over a day late: skipped
        (datetime(2026, 12, 6, 18, 0, tzinfo=UTC), WeekDue("2026-W49", date(2026, 11, 30))),
    ],
)
def test_the_weekly_send_is_sunday_evening_london_time(now: datetime, due: WeekDue | None) -> None:
    """Sunday 18:00 London (BST and GMT), about Monday to Sunday, for a day at most."""
    assert weekly_due(now) == due


WEEK = History(
    today=date(2026, 6, 7),
    days=[
        DayLog(date(2026, 6, 1), {"sleep_hours": 7.5, "activity_minutes": 30}, True),
        DayLog(date(2026, 6, 3), {"weight_kg": 84.2, "goal_review": "done"}, True),
        DayLog(date(2026, 6, 5), {"sleep_hours": 6.5, "activity_minutes": 15}, False),
        DayLog(date(2026, 5, 31), {"activity_minutes": 500}, True),  # the week before
    ],
)


def test_by_default_a_supporter_hears_good_news_and_no_value() -> None:
    """Check-in days and a goal met; no sleep, minutes or weight unless shared."""
    say = weekly_say(week_news(WEEK, date(2026, 6, 1), frozenset()), "Alex")
    assert say is not None
    assert (say.args["days"], say.args["goal"]) == (2, "yes")
    assert (say.args["active"], say.args["slept"]) == ("no", "no")


def test_a_shared_category_adds_exactly_it() -> None:
    """Activity shared: this week's total minutes; sleep still absent."""
    say = weekly_say(week_news(WEEK, date(2026, 6, 1), frozenset({"activity"})), "Alex")
    assert say is not None
    assert (say.args["active"], say.args["minutes"], say.args["slept"]) == ("yes", 45, "no")
    shared = weekly_say(week_news(WEEK, date(2026, 6, 1), frozenset({"sleep"})), "Alex")
    assert shared is not None
    assert (shared.args["slept"], shared.args["hours"], shared.args["active"]) == ("yes", "7", "no")


def test_a_week_with_no_good_news_sends_nothing() -> None:
    """No check-ins, no goal met, nothing shared: no message at all (never a zero)."""
    quiet = History(today=date(2026, 6, 14), days=[])
    assert weekly_say(week_news(quiet, date(2026, 6, 8), frozenset({"activity"})), "Alex") is None


def situation(status: PersonStatus | None, role: SupporterStatus, **more: object) -> Situation:
    return Situation(status, status is not None, supporter_role=role, **more)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("sender", "body", "reply"),
    [
        (situation(None, INVITED), "yes", SupporterReply.JOIN),
        (situation(None, INVITED), "no thanks", SupporterReply.DECLINE),
        (situation(None, INVITED), "who is this", SupporterReply.OTHER),
        (situation(None, ACTIVE), "Leave", SupporterReply.LEAVE),
        (situation(None, ACTIVE), "thanks!", SupporterReply.OTHER),
        (situation(PersonStatus.ACTIVE, INVITED), "YES", SupporterReply.JOIN),
        (situation(PersonStatus.ACTIVE, ACTIVE), "LEAVE", SupporterReply.LEAVE),
        (situation(PersonStatus.DECLINED, INVITED), "yes", SupporterReply.JOIN),
    ],
)
def test_a_supporters_own_text(sender: Situation, body: str, reply: SupporterReply) -> None:
    """Invitees' YES/NO, LEAVE, and anything else from a supporter who is not a user."""
    assert decide(sender, Text(body)).action == AsSupporter(reply)


def test_a_users_yes_is_theirs_while_something_of_their_own_waits() -> None:
    """A user's YES answers their own open question or share question before an invitation."""
    step = load_flows()["checkin"].steps["smoking"]
    asked = situation(PersonStatus.ACTIVE, INVITED, question=OpenQuestion(step, NOW))
    assert not isinstance(decide(asked, Text("yes")).action, AsSupporter)
    sharing = situation(PersonStatus.ACTIVE, INVITED, share_asked_at=NOW)
    assert isinstance(decide(sharing, Text("yes")).action, AnswerShare)
    joining = situation(PersonStatus.PENDING, INVITED)
    assert decide(joining, Text("yes")).accepts_terms
    command = decide(situation(PersonStatus.ACTIVE, ACTIVE), Text("WEIGHT 80"))
    assert isinstance(command.action, RunCommand)


def test_stop_and_crisis_come_before_any_supporter_reading() -> None:
    """STOP stops; crisis language gets signposting, whichever role the number has."""
    assert decide(situation(PersonStatus.ACTIVE, INVITED), Text("STOP")).stops
    crisis = decide(situation(None, ACTIVE), Text("I want to kill myself"))
    assert crisis.safety is not None
    assert crisis.action is None


def test_the_persons_yes_to_sharing_with_a_supporter() -> None:
    """A clear YES or NO answers the supporter-share question; the later question wins."""
    waiting = Situation(PersonStatus.ACTIVE, True, supporter_share_asked_at=NOW)
    assert decide(waiting, Text("yes")).action == AnswerSupporterShare(yes=True)
    assert decide(waiting, Text("nope")).action == AnswerSupporterShare(yes=False)
    earlier = datetime(2026, 6, 2, tzinfo=UTC)
    both = Situation(
        PersonStatus.ACTIVE, True, share_asked_at=earlier, supporter_share_asked_at=NOW
    )
    assert decide(both, Text("yes")).action == AnswerSupporterShare(yes=True)

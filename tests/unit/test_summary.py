"""The coordinator's weekly summary: London weeks, trends, consent, thresholds, schema."""

from __future__ import annotations

import json
import random
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from companion.engine.reading.answers import Stored
from companion.engine.summary import (
    RANGES_PATH,
    ReferenceRanges,
    SummaryInput,
    build_summary,
    iso_week,
    load_reference_ranges,
    summary_week,
)

LONDON = ZoneInfo("Europe/London")
WEEK = date(2026, 11, 23)  # Monday of 2026-W48; nine weeks back is 2026-W40 (in BST)
ALL = frozenset({"checkins", "side_effects", "goals", "safety"})
RANGES = ReferenceRanges(
    bp_systolic_above=140,
    bp_diastolic_above=90,
    weight_gain_kg=5.0,
    weight_gain_weeks=12,
    bmi_at_least=25.0,
    bmi_at_least_south_asian_or_chinese=23.0,
    hba1c_at_least=42,
    side_effect_rating_to_raise=2,
)
TOP_LEVEL = {
    "version",
    "week",
    "week_start",
    "week_end",
    "generated_at",
    "person_label",
    "shares",
    "response_rate",
    "trends",
    "worth_discussing",
    "side_effects",
    "goal",
    "calendar",
    "measurements",
    "safety_events",
    "last_reply_at",
}


def at(day: date, hour: int = 12, minute: int = 0) -> datetime:
    """A London wall-clock time on `day`, as an aware UTC datetime."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=LONDON).astimezone(UTC)


def weeks_ago(weeks: int, weekday: int = 2) -> date:
    """A day `weekday` (0 = Monday) of the week `weeks` before the summary week."""
    return WEEK - timedelta(weeks=weeks) + timedelta(days=weekday)


def summary_input(
    observations: list[tuple[datetime, str, Stored]] | None = None, **changes: object
) -> SummaryInput:
    base = SummaryInput(
        week_start=WEEK,
        generated_at=datetime(2026, 11, 30, 7, 0, tzinfo=UTC),
        person_label="P-0042",
        shares=ALL,
        observations=observations or [],
        checkins_prompted=14,
        checkins_answered=11,
        safety_events=[],
        goal_text=None,
        goal_set_at=None,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def build(observations: list[tuple[datetime, str, Stored]], **changes: object) -> dict[str, object]:
    return build_summary(summary_input(observations, **changes), RANGES)


def trend(summary: dict[str, object], key: str) -> dict[str, object]:
    trends = summary["trends"]
    assert isinstance(trends, list)
    (found,) = [t for t in trends if t["key"] == key]
    assert isinstance(found, dict)
    return found


def values(summary: dict[str, object], key: str) -> list[object]:
    weeks = trend(summary, key)["weeks"]
    assert isinstance(weeks, list)
    return [w["value"] for w in weeks]


def worth(summary: dict[str, object], key: str) -> list[object]:
    items = summary["worth_discussing"]
    assert isinstance(items, list)
    return [item["detail"] for item in items if item["key"] == key]


def to_raise(summary: dict[str, object]) -> list[object]:
    side = summary["side_effects"]
    assert isinstance(side, dict)
    return list(side["to_raise"])


# --- weeks --------------------------------------------------------------------------


def test_iso_week_labels_a_monday() -> None:
    """iso_week gives ISO year and zero-padded week, including the year-end edge."""
    assert iso_week(WEEK) == "2026-W48"
    assert iso_week(date(2026, 9, 28)) == "2026-W40"
    assert iso_week(date(2024, 12, 30)) == "2025-W01"


def test_sunday_late_evening_bst_belongs_to_that_week() -> None:
    """Sunday 23:30 BST (22:30 UTC) is in its own week; Monday 00:30 BST starts the next."""
    sunday_late = datetime(2026, 10, 4, 22, 30, tzinfo=UTC)
    monday_early = datetime(2026, 10, 4, 23, 30, tzinfo=UTC)
    assert summary_week(sunday_late) == date(2026, 9, 28)
    assert summary_week(monday_early) == date(2026, 10, 5)


def test_summary_week_rejects_naive_time() -> None:
    """A naive datetime is an error, never silently read as UTC or London."""
    with pytest.raises(ValueError, match="naive"):
        summary_week(datetime(2026, 11, 23, 12, 0))  # noqa: DTZ001


# --- trends -------------------------------------------------------------------------


def test_sleep_is_the_weekly_mean_split_at_london_midnight() -> None:
    """Sleep averages per London week; a Sunday 23:30 BST answer stays in that week."""
    sunday = date(2026, 10, 4)
    monday = date(2026, 10, 5)
    summary = build(
        [
            (at(date(2026, 9, 29)), "sleep_hours", 6),
            (at(sunday, 23, 30), "sleep_hours", 8.5),
            (at(monday, 0, 30), "sleep_hours", 4),
        ]
    )
    assert values(summary, "sleep_hours")[:2] == [7.2, 4.0]
    assert trend(summary, "sleep_hours")["weeks"][0]["n"] == 2  # type: ignore[index]


def test_activity_is_the_weekly_sum_and_weight_the_last_value() -> None:
    """Activity minutes add up within a week; weight takes the week's last reading."""
    summary = build(
        [
            (at(WEEK, 9), "activity_minutes", 20),
            (at(WEEK + timedelta(days=6), 22), "activity_minutes", 45),
            (at(WEEK + timedelta(days=1)), "weight_kg", 90.0),
            (at(WEEK + timedelta(days=6), 23, 30), "weight_kg", 89.44),
            (at(WEEK + timedelta(days=7), 0, 10), "weight_kg", 70.0),  # next week: ignored
        ]
    )
    assert values(summary, "activity_minutes")[-1] == 65.0
    assert values(summary, "weight_kg")[-1] == 89.4
    assert trend(summary, "weight_kg")["latest"] == 89.4


def test_blood_pressure_trends_average_each_part() -> None:
    """Systolic and diastolic are separate trends, each the mean of the week's readings."""
    summary = build(
        [
            (at(WEEK), "bp", {"systolic": 120, "diastolic": 80}),
            (at(WEEK + timedelta(days=2)), "bp", {"systolic": 131, "diastolic": 85}),
        ]
    )
    assert values(summary, "bp_systolic")[-1] == 125.5
    assert values(summary, "bp_diastolic")[-1] == 82.5
    assert trend(summary, "bp_systolic")["unit"] == "mmHg"


def test_nine_weekly_slots_oldest_first_with_nulls() -> None:
    """Each trend has nine weeks W40..W48, null and n=0 where nothing was logged."""
    summary = build([(at(weeks_ago(8)), "energy_score", 3), (at(weeks_ago(2)), "energy_score", 7)])
    energy = trend(summary, "energy_score")
    weeks = energy["weeks"]
    assert isinstance(weeks, list)
    assert [w["week"] for w in weeks] == [f"2026-W{n}" for n in range(40, 49)]
    assert [w["value"] for w in weeks] == [3.0, None, None, None, None, None, 7.0, None, None]
    assert [w["n"] for w in weeks] == [1, 0, 0, 0, 0, 0, 1, 0, 0]
    assert energy["latest"] == 7.0
    assert energy["unit"] == "/10"


def test_only_trends_with_values_and_only_inside_the_nine_weeks() -> None:
    """Observations before W40 or after W48 are ignored; empty trends are left out."""
    summary = build(
        [
            (at(weeks_ago(9)), "pain_score", 9),
            (at(weeks_ago(-1)), "pain_score", 9),
            (at(weeks_ago(0)), "sleep_hours", 7),
            (at(weeks_ago(0)), "sleep_hours", True),  # not a number
        ]
    )
    assert [t["key"] for t in summary["trends"]] == ["sleep_hours"]  # type: ignore[attr-defined]
    assert trend(summary, "sleep_hours")["weeks"][-1]["n"] == 1  # type: ignore[index]


def test_measurements_are_this_week_only_in_time_order() -> None:
    """The FHIR list holds this week's measurements in UTC, oldest first, with raw values."""
    summary = build(
        [
            (at(WEEK + timedelta(days=3)), "waist_cm", 101),
            (at(WEEK + timedelta(days=1)), "bp", {"systolic": 128, "diastolic": 82}),
            (at(weeks_ago(1)), "weight_kg", 80.5),
            (at(WEEK + timedelta(days=2)), "sleep_hours", 7),
        ]
    )
    assert summary["measurements"] == [
        {
            "at": "2026-11-24T12:00:00+00:00",
            "key": "bp",
            "value": {"systolic": 128, "diastolic": 82},
        },
        {"at": "2026-11-26T12:00:00+00:00", "key": "waist_cm", "value": 101},
    ]


# --- consent ------------------------------------------------------------------------

EVERYTHING: list[tuple[datetime, str, Stored]] = [
    (at(WEEK), "sleep_hours", 7),
    (at(WEEK), "bp", {"systolic": 150, "diastolic": 95}),
    (at(WEEK), "side.dry", 2),
    (at(WEEK), "side_note", "dry mouth since the new tablets"),
    (at(WEEK), "meds_changed", "2026-11-02"),
    (at(WEEK), "health_check_done", True),
    (at(WEEK, 13), "goal_review", "done"),
]


def test_without_checkins_no_numbers_are_shared() -> None:
    """No check-in share: no trends, response rate, measurements, BP lines or health check."""
    summary = build(EVERYTHING, shares=ALL - {"checkins"})
    assert summary["trends"] == []
    assert summary["response_rate"] is None
    assert summary["measurements"] == []
    assert worth(summary, "bp") == []
    assert summary["calendar"] == {
        "medicine_changed_on": "2026-11-02",
        "health_check_done": None,
        "last_measured": {},
    }


def test_without_side_effects_nothing_about_them_is_shared() -> None:
    """No side-effect share: empty lists, no side-effect lines, no medicine-change date."""
    summary = build(EVERYTHING, shares=ALL - {"side_effects"})
    assert summary["side_effects"] == {"to_raise": [], "notes": []}
    assert worth(summary, "side_effect") == []
    assert summary["calendar"] == {
        "medicine_changed_on": None,
        "health_check_done": True,
        "last_measured": {"bp": WEEK.isoformat()},
    }
    assert "dry mouth" not in json.dumps(summary)


def test_without_goals_the_goal_is_null() -> None:
    """No goal share: goal is null even when the person has one."""
    summary = build(EVERYTHING, shares=ALL - {"goals"}, goal_text="walk to the park")
    assert summary["goal"] is None
    assert "walk to the park" not in json.dumps(summary)


def test_everything_shared_appears() -> None:
    """With every share, each section carries the person's data."""
    summary = build(EVERYTHING, goal_text="walk to the park")
    assert summary["response_rate"] == {"answered": 11, "prompted": 14}
    assert summary["shares"] == ["checkins", "goals", "safety", "side_effects"]
    assert [item["key"] for item in summary["worth_discussing"]] == ["bp", "side_effect"]  # type: ignore[attr-defined]


event_times = st.datetimes(
    min_value=datetime(2026, 9, 1),  # noqa: DTZ001
    max_value=datetime(2026, 12, 31),  # noqa: DTZ001
    timezones=st.just(UTC),
)
events = st.lists(
    st.tuples(event_times, st.integers(0, 999).map(lambda n: f"crisis-marker-{n}"), st.booleans()),
    max_size=8,
)


@settings(max_examples=200, deadline=None)
@given(shares=st.frozensets(st.sampled_from(sorted(ALL))), safety_events=events)
def test_safety_events_never_leak_without_consent(
    shares: frozenset[str], safety_events: list[tuple[datetime, str, bool]]
) -> None:
    """Safety events appear only with the safety share, and then exactly this week's."""
    summary = build(EVERYTHING, shares=shares, safety_events=safety_events)
    if "safety" not in shares:
        assert summary["safety_events"] == []
        assert "crisis-marker" not in json.dumps(summary)
        return
    this_week = sorted(e for e in safety_events if summary_week(e[0]) == WEEK)
    assert summary["safety_events"] == [
        {"at": moment.isoformat(), "category": category, "negated": negated}
        for moment, category, negated in this_week
    ]


# --- worth discussing ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("systolic", "diastolic", "flagged"),
    [(140, 90, False), (141, 90, True), (140, 91, True), (120, 70, False)],
)
def test_bp_is_worth_discussing_only_above_a_limit(
    systolic: int, diastolic: int, flagged: bool
) -> None:
    """A reading at 140/90 is not flagged; one above either part is, with the limit."""
    summary = build([(at(WEEK), "bp", {"systolic": systolic, "diastolic": diastolic})])
    expected = [{"systolic": systolic, "diastolic": diastolic, "limit": "140/90"}]
    assert worth(summary, "bp") == (expected if flagged else [])


def test_high_bp_from_an_earlier_week_is_not_flagged_this_week() -> None:
    """Only this week's BP readings make worth-discussing lines."""
    summary = build([(at(weeks_ago(1)), "bp", {"systolic": 170, "diastolic": 100})])
    assert worth(summary, "bp") == []


@pytest.mark.parametrize(
    ("latest", "flagged"), [(89.2, False), (89.3, True), (90.0, True), (84.0, False)]
)
def test_weight_gain_over_five_kg_is_worth_discussing(latest: float, flagged: bool) -> None:
    """A gain of exactly 5.0 kg is not flagged (float noise included); 5.1 kg is."""
    summary = build(
        [
            (at(weeks_ago(8)), "weight_kg", 84.2),
            (at(weeks_ago(4)), "weight_kg", 86.0),
            (at(weeks_ago(0)), "weight_kg", latest),
        ]
    )
    gain = round(latest - 84.2, 1)
    assert worth(summary, "weight_gain") == ([{"gain_kg": gain, "weeks": 8}] if flagged else [])


def test_weight_gain_window_follows_the_setting() -> None:
    """With weight_gain_weeks = 4, a reading from eight weeks ago is not the baseline."""
    observations: list[tuple[datetime, str, Stored]] = [
        (at(weeks_ago(8)), "weight_kg", 80.0),
        (at(weeks_ago(3)), "weight_kg", 84.0),
        (at(weeks_ago(0)), "weight_kg", 86.0),
    ]
    short = replace(RANGES, weight_gain_weeks=4)
    assert worth(build(observations), "weight_gain") == [{"gain_kg": 6.0, "weeks": 8}]
    assert worth(build_summary(summary_input(observations), short), "weight_gain") == []


# --- side effects -------------------------------------------------------------------


def test_side_effects_to_raise_rating_two_or_bothering() -> None:
    """Rated 2, or rated 1 and bothering, are raised; 1 not bothering and 0 are not."""
    day = at(weeks_ago(1))
    summary = build(
        [
            (day, "side.sleepy", 2),
            (day + timedelta(minutes=1), "side.dizzy", 1),
            (day + timedelta(minutes=2), "side.dizzy.bothering", True),
            (day + timedelta(minutes=3), "side.stiff", 1),
            (day + timedelta(minutes=4), "side.stiff.bothering", False),
            (day + timedelta(minutes=5), "side.dry", 0),
        ]
    )
    assert to_raise(summary) == [
        {"domain": "dizzy", "rating": 1, "bothering": True, "week": "2026-W47"},
        {"domain": "sleepy", "rating": 2, "bothering": None, "week": "2026-W47"},
    ]
    assert worth(summary, "side_effect") == [
        {"domain": "dizzy", "rating": 1, "bothering": True},
        {"domain": "sleepy", "rating": 2, "bothering": None},
    ]


def test_bothering_pairs_with_the_latest_rating_of_its_domain() -> None:
    """A 'bothering' answer belongs to the rating just before it, not an older week's."""
    summary = build(
        [
            (at(weeks_ago(3)), "side.sick", 1),
            (at(weeks_ago(0)), "side.sick", 1),
            (at(weeks_ago(0), 13), "side.sick.bothering", True),
        ]
    )
    assert to_raise(summary) == [
        {"domain": "sick", "rating": 1, "bothering": True, "week": "2026-W48"}
    ]


def test_side_effects_older_than_eight_weeks_are_not_raised() -> None:
    """A rating of 2 from the ninth week back (W40) is outside the eight-week window."""
    summary = build(
        [
            (at(weeks_ago(8)), "side.thirsty", 2),
            (at(weeks_ago(8)), "side_note", "old note"),
            (at(weeks_ago(7)), "side.sexual", 2),
            (at(weeks_ago(7)), "side_note", "newer note"),
        ]
    )
    assert [item["domain"] for item in to_raise(summary)] == ["sexual"]  # type: ignore[index]
    assert summary["side_effects"]["notes"] == [  # type: ignore[index]
        {"at": at(weeks_ago(7)).isoformat(), "text": "newer note"}
    ]


def test_rating_threshold_comes_from_the_ranges() -> None:
    """With side_effect_rating_to_raise = 1, a rating of 1 not bothering is raised."""
    summary = build_summary(
        summary_input([(at(WEEK), "side.appetite", 1)]),
        replace(RANGES, side_effect_rating_to_raise=1),
    )
    assert [item["domain"] for item in to_raise(summary)] == ["appetite"]  # type: ignore[index]


# --- goal and calendar --------------------------------------------------------------


def test_goal_reviews_since_the_goal_was_set_one_per_week() -> None:
    """Reviews are listed by week (latest answer wins); those before the goal are dropped."""
    set_at = at(weeks_ago(3), 9)
    summary = build(
        [
            (at(weeks_ago(4)), "goal_review", "done"),
            (at(weeks_ago(2)), "goal_review", "not_this_week"),
            (at(weeks_ago(1)), "goal_review", "partly"),
            (at(weeks_ago(1), 18), "goal_review", "done"),
            (at(weeks_ago(0)), "goal_review", "maybe"),
        ],
        goal_text="walk to the park twice",
        goal_set_at=set_at,
    )
    assert summary["goal"] == {
        "text": "walk to the park twice",
        "set_at": set_at.isoformat(),
        "reviews": [
            {"week": "2026-W46", "outcome": "not_this_week"},
            {"week": "2026-W47", "outcome": "done"},
        ],
    }


def test_no_goal_text_means_no_goal() -> None:
    """Without a current goal the section is null, even with old reviews."""
    summary = build([(at(WEEK), "goal_review", "done")])
    assert summary["goal"] is None


def test_calendar_takes_the_latest_values() -> None:
    """The medicine-change date and health check are the most recent answers in the window."""
    summary = build(
        [
            (at(weeks_ago(5)), "meds_changed", "2026-10-01"),
            (at(weeks_ago(2)), "meds_changed", "2026-11-05"),
            (at(weeks_ago(1)), "meds_changed", "not a date"),
            (at(weeks_ago(3)), "health_check_done", False),
            (at(weeks_ago(1)), "health_check_done", True),
        ]
    )
    assert summary["calendar"] == {
        "medicine_changed_on": "2026-11-05",
        "health_check_done": True,
        "last_measured": {},
    }


def test_calendar_is_null_without_answers() -> None:
    """No answers in the nine weeks gives nulls, not defaults."""
    summary = build([(at(weeks_ago(10)), "meds_changed", "2026-09-01")])
    assert summary["calendar"] == {
        "medicine_changed_on": None,
        "health_check_done": None,
        "last_measured": {},
    }


# --- schema and determinism ---------------------------------------------------------


def test_summary_is_json_round_trippable_with_exact_keys() -> None:
    """json.dumps/loads gives back the same dict; top-level keys and week fields match."""
    summary = build(
        EVERYTHING,
        goal_text="walk",
        goal_set_at=at(weeks_ago(2)),
        safety_events=[(at(WEEK), "self_harm", True)],
    )
    assert json.loads(json.dumps(summary)) == summary
    assert set(summary) == TOP_LEVEL
    assert summary["version"] == 1
    assert (summary["week"], summary["week_start"], summary["week_end"]) == (
        "2026-W48",
        "2026-11-23",
        "2026-11-29",
    )
    assert summary["generated_at"] == "2026-11-30T07:00:00+00:00"


def test_input_order_does_not_change_the_summary() -> None:
    """Shuffled observations give an identical summary."""
    observations = [
        *EVERYTHING,
        (at(weeks_ago(1)), "weight_kg", 80),
        (at(weeks_ago(0)), "weight_kg", 86),
        (at(weeks_ago(0)), "side.dry.bothering", True),
    ]
    shuffled = observations[:]
    random.Random(4).shuffle(shuffled)
    assert build(shuffled) == build(observations)


def test_answers_at_the_same_moment_for_the_same_key_are_ordered_by_value() -> None:
    """Two weights stamped the same second give one summary whichever arrives first."""
    moment = at(weeks_ago(0))
    both = [(moment, "weight_kg", 81), (moment, "weight_kg", 79)]
    summary = build(both)
    assert build(both[::-1]) == summary
    assert trend(summary, "weight_kg")["latest"] == 81
    assert [m["value"] for m in summary["measurements"]] == [79, 81]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "changes",
    [
        {"week_start": WEEK + timedelta(days=1)},
        {"shares": frozenset({"checkins", "everything"})},
        {"generated_at": datetime(2026, 11, 30, 7, 0)},  # noqa: DTZ001
    ],
)
def test_bad_input_is_rejected(changes: dict[str, object]) -> None:
    """A non-Monday week, an unknown share category or a naive time raises ValueError."""
    with pytest.raises(ValueError, match=r"Monday|unknown share|naive"):
        build([], **changes)


# --- reference ranges file ----------------------------------------------------------


def test_shipped_ranges_are_the_clinical_defaults() -> None:
    """resources/reference-ranges.toml loads and holds the CLINICAL.md defaults."""
    assert load_reference_ranges(RANGES_PATH) == RANGES


@pytest.mark.parametrize(
    ("edit", "key"),
    [
        (lambda text: text.replace("bp_diastolic_above = 90\n", ""), "bp_diastolic_above"),
        (lambda text: text.replace("= 12", '= "12"'), "weight_gain_weeks"),
        (lambda text: text.replace("= 140", "= 140.5"), "bp_systolic_above"),
        (lambda text: text.replace("rating_to_raise = 2", "rating_to_raise = 3"), "rating"),
        (lambda text: text + "\nbp_sistolic_above = 150\n", "bp_sistolic_above"),
    ],
)
def test_bad_ranges_file_names_file_and_key(tmp_path: Path, edit: object, key: str) -> None:
    """A missing, mistyped, out-of-range or unknown key fails naming the file and the key."""
    assert callable(edit)
    path = tmp_path / "ranges.toml"
    path.write_text(edit(RANGES_PATH.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(ValueError, match=key) as error:
        load_reference_ranges(path)
    assert str(path) in str(error.value)


def test_last_reply_and_last_measured_come_only_from_what_is_shared() -> None:
    """The last reply is the latest shared answer; measurement days feed the calendar."""
    answers: list[tuple[datetime, str, Stored]] = [
        (at(weeks_ago(1)), "bp", {"systolic": 120, "diastolic": 80}),
        (at(WEEK, 9), "weight_kg", 80.5),
        (at(WEEK, 10, 2), "side.dry", 1),
    ]
    everything = build(answers)
    assert everything["last_reply_at"] == at(WEEK, 10, 2).isoformat()
    assert everything["calendar"]["last_measured"] == {  # type: ignore[index]
        "bp": weeks_ago(1).isoformat(),
        "weight_kg": WEEK.isoformat(),
    }
    checkins_only = build(answers, shares=frozenset({"checkins"}))
    assert checkins_only["last_reply_at"] == at(WEEK, 9).isoformat()
    assert build(answers, shares=frozenset({"goals"}))["last_reply_at"] is None

"""The weekly summary a coordinator sees: a person's own numbers, as data with codes.

Pure: :func:`build_summary` is a function of its input and the signed-off reference
ranges. It never diagnoses and holds no words; the portal's templates render them.
What the person chose to share decides what appears: anything not shared is left
out entirely (empty or null), and safety events never appear without consent.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, timedelta
from itertools import groupby
from pathlib import Path
from typing import Final

from companion.engine.reading.answers import Stored
from companion.engine.summary_trends import (
    WEEKS_SHOWN,
    Observation,
    high_blood_pressure,
    iso_week,
    measurement_value,
    measurements,
    side_effects,
    side_effects_to_raise,
    summary_week,
    trends,
    weight_gain,
)
from companion.engine.timing import london_date

__all__ = [
    "RANGES_PATH",
    "SHARE_CATEGORIES",
    "ReferenceRanges",
    "SummaryInput",
    "build_summary",
    "iso_week",
    "load_reference_ranges",
    "summary_week",
]

RANGES_PATH: Final = Path(__file__).resolve().parents[2] / "resources" / "reference-ranges.toml"
SHARE_CATEGORIES: Final = frozenset({"checkins", "side_effects", "goals", "safety"})
VERSION: Final = 1
GOAL_OUTCOMES: Final = frozenset({"done", "partly", "not_this_week"})


@dataclass(frozen=True)
class ReferenceRanges:
    """Limits for "worth discussing" items, signed off by the clinical safety officer.

    BMI and HbA1c limits are kept for completeness; no summary line uses them yet
    because height, background and HbA1c are not collected by SMS.
    """

    bp_systolic_above: int
    bp_diastolic_above: int
    weight_gain_kg: float
    weight_gain_weeks: int
    bmi_at_least: float
    bmi_at_least_south_asian_or_chinese: float
    hba1c_at_least: int
    side_effect_rating_to_raise: int


# key -> (whole numbers only, lowest allowed, highest allowed)
_RANGE_RULES: Final[dict[str, tuple[bool, float, float]]] = {
    "bp_systolic_above": (True, 70, 250),
    "bp_diastolic_above": (True, 40, 150),
    "weight_gain_kg": (False, 0.5, 50),
    # Longer than the nine weeks a summary reads is allowed: it then means "all nine".
    "weight_gain_weeks": (True, 1, 52),
    "bmi_at_least": (False, 15, 60),
    "bmi_at_least_south_asian_or_chinese": (False, 15, 60),
    "hba1c_at_least": (True, 20, 200),
    "side_effect_rating_to_raise": (True, 1, 2),
}


def load_reference_ranges(path: Path = RANGES_PATH) -> ReferenceRanges:
    """Read and validate the reference ranges file.

    Raises:
        ValueError: The file cannot be read, a key is unknown or missing, or a value
            has the wrong type or is out of its sane range (message names file and key).
    """
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ValueError(f"{path}: cannot read reference ranges: {error}") from error
    names = [field.name for field in fields(ReferenceRanges)]
    for key in sorted(document):
        if key not in names:
            raise ValueError(f"{path}: unknown key {key!r}; expected {names}")
    values = {name: _range_value(path, name, document.get(name)) for name in names}
    return ReferenceRanges(
        bp_systolic_above=int(values["bp_systolic_above"]),
        bp_diastolic_above=int(values["bp_diastolic_above"]),
        weight_gain_kg=values["weight_gain_kg"],
        weight_gain_weeks=int(values["weight_gain_weeks"]),
        bmi_at_least=values["bmi_at_least"],
        bmi_at_least_south_asian_or_chinese=values["bmi_at_least_south_asian_or_chinese"],
        hba1c_at_least=int(values["hba1c_at_least"]),
        side_effect_rating_to_raise=int(values["side_effect_rating_to_raise"]),
    )


def _range_value(path: Path, key: str, value: object) -> float:
    whole, low, high = _RANGE_RULES[key]
    if value is None:
        raise ValueError(f"{path}: missing key {key!r}")
    kinds = (int,) if whole else (int, float)
    if isinstance(value, bool) or not isinstance(value, kinds):
        kind = "a whole number" if whole else "a number"
        raise ValueError(f"{path}: key {key!r} must be {kind}, not {value!r}")
    if not low <= value <= high:
        raise ValueError(f"{path}: key {key!r} is {value}, outside {low}-{high}")
    return float(value)


@dataclass(frozen=True)
class SummaryInput:
    """Everything one weekly summary is built from (gathered and unsealed by the service).

    Attributes:
        week_start: The Monday (London) of the week summarised.
        generated_at: When the summary is built (aware).
        person_label: How the portal names the person (no phone number).
        shares: What the person consented to share, a subset of :data:`SHARE_CATEGORIES`.
        observations: (aware time, key, value) from at least the last nine weeks, any order.
        checkins_prompted: Check-in questions sent this week.
        checkins_answered: Check-in questions answered this week.
        safety_events: (aware time, category, negated) crisis-language detections.
        goal_text: The person's current goal in their words, if any.
        goal_set_at: When that goal was set.
    """

    week_start: date
    generated_at: datetime
    person_label: str
    shares: frozenset[str]
    observations: Sequence[tuple[datetime, str, Stored]]
    checkins_prompted: int
    checkins_answered: int
    safety_events: Sequence[tuple[datetime, str, bool]]
    goal_text: str | None
    goal_set_at: datetime | None


def build_summary(data: SummaryInput, ranges: ReferenceRanges) -> dict[str, object]:
    """The weekly summary as a JSON-serialisable dict (schema version 1).

    Raises:
        ValueError: `week_start` is not a Monday, a time is naive, or `shares` holds
            an unknown category.
    """
    _check(data)
    week = data.week_start
    window = _in_window(data.observations, week - timedelta(weeks=WEEKS_SHOWN - 1), week)
    shared = data.shares
    threshold = ranges.side_effect_rating_to_raise
    unshared: dict[str, object] = {"to_raise": [], "notes": []}
    return {
        "version": VERSION,
        "week": iso_week(week),
        "week_start": week.isoformat(),
        "week_end": (week + timedelta(days=6)).isoformat(),
        "generated_at": data.generated_at.astimezone(UTC).isoformat(),
        "person_label": data.person_label,
        "shares": sorted(shared),
        "response_rate": _response_rate(data) if "checkins" in shared else None,
        "trends": trends(window, week) if "checkins" in shared else [],
        "worth_discussing": _worth_discussing(window, week, shared, ranges),
        "side_effects": side_effects(window, week, threshold)
        if "side_effects" in shared
        else unshared,
        "goal": _goal(data, window) if "goals" in shared else None,
        "calendar": _calendar(window, shared),
        "measurements": measurements(window, week) if "checkins" in shared else [],
        "safety_events": _safety_events(data.safety_events, week) if "safety" in shared else [],
        "last_reply_at": _last_reply(window, shared),
    }


def _check(data: SummaryInput) -> None:
    if data.week_start.weekday() != 0:
        raise ValueError(f"week_start {data.week_start} is not a Monday")
    unknown = sorted(data.shares - SHARE_CATEGORIES)
    if unknown:
        raise ValueError(f"unknown share categories {unknown}; expected {sorted(SHARE_CATEGORIES)}")
    moments = [data.generated_at, *(moment for moment, _, _ in data.observations)]
    moments += [moment for moment, _, _ in data.safety_events]
    moments += [] if data.goal_set_at is None else [data.goal_set_at]
    for moment in moments:
        summary_week(moment)  # raises on a naive time


def _in_window(
    observations: Sequence[Observation], first_week: date, last_week: date
) -> list[Observation]:
    """Observations within the weeks, in UTC, oldest first (ties broken by key, then value)."""
    kept = sorted(
        (
            (moment.astimezone(UTC), key, value)
            for moment, key, value in observations
            if first_week <= summary_week(moment) <= last_week
        ),
        key=_time_and_key,
    )
    ordered: list[Observation] = []
    for _, group in groupby(kept, key=_time_and_key):
        same = list(group)
        # Only answers with the same time and key need their values compared (rare).
        ordered += same if len(same) == 1 else sorted(same, key=_value_json)
    return ordered


def _time_and_key(observation: Observation) -> tuple[datetime, str]:
    return observation[0], observation[1]


def _value_json(observation: Observation) -> str:
    return json.dumps(observation[2], sort_keys=True)


def _response_rate(data: SummaryInput) -> dict[str, object]:
    if data.checkins_answered < 0 or data.checkins_prompted < 0:
        raise ValueError("check-in counts cannot be negative")
    return {"answered": data.checkins_answered, "prompted": data.checkins_prompted}


def _worth_discussing(
    window: Sequence[Observation], week: date, shared: frozenset[str], ranges: ReferenceRanges
) -> list[dict[str, object]]:
    """BP readings, then weight gain, then side effects; only from shared categories."""
    found: list[dict[str, object]] = []
    if "checkins" in shared:
        limits = (ranges.bp_systolic_above, ranges.bp_diastolic_above)
        found += high_blood_pressure(window, week, *limits)
        gain = weight_gain(window, week, ranges.weight_gain_weeks, ranges.weight_gain_kg)
        found += [] if gain is None else [gain]
    if "side_effects" in shared:
        for item in side_effects_to_raise(window, week, ranges.side_effect_rating_to_raise):
            detail = {key: item[key] for key in ("domain", "rating", "bothering")}
            found.append({"key": "side_effect", "detail": detail})
    return found


def _goal(data: SummaryInput, window: Sequence[Observation]) -> dict[str, object] | None:
    if data.goal_text is None:
        return None
    set_at = data.goal_set_at
    reviews: dict[str, str] = {}
    for moment, key, value in window:
        # Reviews from before this goal was set were about an earlier goal.
        current = set_at is None or moment >= set_at
        if key == "goal_review" and isinstance(value, str) and value in GOAL_OUTCOMES and current:
            reviews[iso_week(summary_week(moment))] = value
    return {
        "text": data.goal_text,
        "set_at": None if set_at is None else set_at.astimezone(UTC).isoformat(),
        "reviews": [{"week": week, "outcome": reviews[week]} for week in sorted(reviews)],
    }


def _calendar(window: Sequence[Observation], shared: frozenset[str]) -> dict[str, object]:
    """The latest medicine-change date (with side effects) and health check (with check-ins)."""
    changed: str | None = None
    checked: bool | None = None
    for _, key, value in window:
        if key == "meds_changed" and isinstance(value, str) and _is_date(value):
            changed = value
        elif key == "health_check_done" and isinstance(value, bool):
            checked = value
    return {
        "medicine_changed_on": changed if "side_effects" in shared else None,
        "health_check_done": checked if "checkins" in shared else None,
        "last_measured": _last_measured(window) if "checkins" in shared else {},
    }


def _last_measured(window: Sequence[Observation]) -> dict[str, str]:
    """Each measurement's latest London day in the window, for the monitoring calendar."""
    found: dict[str, str] = {}
    for moment, key, value in window:
        if measurement_value(key, value) is not None:
            found[key] = london_date(moment).isoformat()
    return found


def _share_of(key: str) -> str:
    """Which share category an answer belongs to."""
    if key.startswith("side") or key == "meds_changed":
        return "side_effects"
    if key == "goal_review":
        return "goals"
    return "checkins"


def _last_reply(window: Sequence[Observation], shared: frozenset[str]) -> str | None:
    """When they last answered anything they share (UTC), if in the window."""
    times = [moment for moment, key, _ in window if _share_of(key) in shared]
    return max(times).astimezone(UTC).isoformat() if times else None


def _is_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == len("2026-11-23")


def _safety_events(
    events: Sequence[tuple[datetime, str, bool]], week: date
) -> list[dict[str, object]]:
    """This week's events only, so each event appears in exactly one weekly summary."""
    ordered = sorted(
        (moment.astimezone(UTC), category, negated) for moment, category, negated in events
    )
    return [
        {"at": moment.isoformat(), "category": category, "negated": negated}
        for moment, category, negated in ordered
        if summary_week(moment) == week
    ]

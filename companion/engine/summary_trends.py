"""The week-by-week parts of a coordinator's summary: London weeks, trends, side effects.

Pure: every function takes the observations it reasons about, already limited to the
summary's window and sorted oldest first. Output is data with codes, never words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Final

from companion.engine.reading.answers import Stored
from companion.engine.timing import london_date

# (time, key, value): aware UTC time, an answer key from the flows, the stored value.
Observation = tuple[datetime, str, Stored]

WEEKS_SHOWN: Final = 9
NUMERIC_MEASUREMENTS: Final = frozenset({"weight_kg", "glucose_mmol", "waist_cm"})
BP: Final = "bp"
SIDE_EFFECT_WEEKS: Final = 8
_SIDE_RATING: Final = re.compile(r"side\.([a-z_]+)")
_SIDE_BOTHERING: Final = re.compile(r"side\.([a-z_]+)\.bothering")


@lru_cache(maxsize=65_536)
def summary_week(moment: datetime) -> date:
    """The Monday (London calendar) of the week containing `moment`.

    Cached: a summary asks this for each observation many times (pure, so safe).

    Raises:
        ValueError: `moment` is naive.
    """
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"naive datetime {moment.isoformat()}: times must be timezone-aware")
    day = london_date(moment)
    return day - timedelta(days=day.weekday())


@lru_cache(maxsize=4096)
def iso_week(day: date) -> str:
    """The ISO week containing `day`, such as ``"2026-W48"`` (cached: pure)."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def week_slots(week_start: date) -> tuple[date, ...]:
    """The Mondays of the summary's weeks, oldest first; the last is `week_start`."""
    return tuple(week_start - timedelta(weeks=back) for back in range(WEEKS_SHOWN - 1, -1, -1))


def number(value: Stored) -> float | None:
    """A stored number as a float; None for yes/no, words and pairs."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


def bp_pair(value: Stored) -> tuple[int, int] | None:
    """A stored blood pressure as (systolic, diastolic); None if it is not one."""
    if not isinstance(value, dict):
        return None
    systolic, diastolic = value.get("systolic"), value.get("diastolic")
    if type(systolic) is int and type(diastolic) is int:
        return systolic, diastolic
    return None


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def _last(values: Sequence[float]) -> float:
    return values[-1]


@dataclass(frozen=True)
class TrendSpec:
    """One trend line: which answer feeds it, its unit, and how a week is summed up."""

    key: str
    unit: str
    source: str
    combine: Callable[[Sequence[float]], float]
    part: int | None = None  # 0 systolic, 1 diastolic, for blood pressure

    def reading(self, value: Stored) -> float | None:
        """The number this trend takes from one stored answer, if any."""
        if self.part is None:
            return number(value)
        pair = bp_pair(value)
        return None if pair is None else float(pair[self.part])


TRENDS: Final[tuple[TrendSpec, ...]] = (
    TrendSpec("sleep_hours", "h", "sleep_hours", _mean),
    TrendSpec("activity_minutes", "min", "activity_minutes", sum),
    TrendSpec("weight_kg", "kg", "weight_kg", _last),
    TrendSpec("bp_systolic", "mmHg", BP, _mean, part=0),
    TrendSpec("bp_diastolic", "mmHg", BP, _mean, part=1),
    TrendSpec("energy_score", "/10", "energy_score", _mean),
    TrendSpec("pain_score", "/10", "pain_score", _mean),
    TrendSpec("fruit_veg_portions", "/day", "fruit_veg_portions", _mean),
    TrendSpec("cigarettes", "/day", "cigarettes", _mean),
    TrendSpec("alcohol_drinks", "/day", "alcohol_drinks", _mean),
)


def trends(observations: Sequence[Observation], week_start: date) -> list[dict[str, object]]:
    """One entry per trend with any value in the nine weeks, in :data:`TRENDS` order."""
    slots = week_slots(week_start)
    by_source: dict[str, list[tuple[date, Stored]]] = {}
    for moment, key, value in observations:
        by_source.setdefault(key, []).append((summary_week(moment), value))
    found = []
    for spec in TRENDS:
        per_week: dict[date, list[float]] = {monday: [] for monday in slots}
        for monday, value in by_source.get(spec.source, []):
            reading = spec.reading(value)
            if reading is not None and monday in per_week:
                per_week[monday].append(reading)
        if any(per_week.values()):
            found.append(_trend(spec, per_week))
    return found


def _trend(spec: TrendSpec, per_week: Mapping[date, Sequence[float]]) -> dict[str, object]:
    weeks: list[dict[str, object]] = []
    latest: float | None = None
    for monday in sorted(per_week):
        readings = per_week[monday]
        value = round(float(spec.combine(readings)), 1) if readings else None
        latest = latest if value is None else value
        weeks.append({"week": iso_week(monday), "value": value, "n": len(readings)})
    return {"key": spec.key, "unit": spec.unit, "weeks": weeks, "latest": latest}


def measurement_value(key: str, value: Stored) -> float | int | dict[str, int] | None:
    """A measurement's value as exported (kg, mmol/L, cm or a BP pair); None if malformed."""
    if key in NUMERIC_MEASUREMENTS and number(value) is not None:
        assert isinstance(value, int | float)  # narrowed by number()
        return value
    pair = bp_pair(value) if key == BP else None
    return None if pair is None else {"systolic": pair[0], "diastolic": pair[1]}


def measurements(observations: Sequence[Observation], week_start: date) -> list[dict[str, object]]:
    """This week's measurements, oldest first, for the FHIR export."""
    found: list[dict[str, object]] = []
    for moment, key, value in observations:
        exported = measurement_value(key, value)
        if exported is not None and summary_week(moment) == week_start:
            found.append({"at": moment.isoformat(), "key": key, "value": exported})
    return found


def high_blood_pressure(
    observations: Sequence[Observation], week_start: date, systolic_above: int, diastolic_above: int
) -> list[dict[str, object]]:
    """A worth-discussing item for each reading this week above either limit, oldest first."""
    found: list[dict[str, object]] = []
    for moment, key, value in observations:
        pair = bp_pair(value) if key == BP else None
        if pair is None or summary_week(moment) != week_start:
            continue
        if pair[0] > systolic_above or pair[1] > diastolic_above:
            detail = {
                "systolic": pair[0],
                "diastolic": pair[1],
                "limit": f"{systolic_above}/{diastolic_above}",
            }
            found.append({"key": "bp", "detail": detail})
    return found


def weight_gain(
    observations: Sequence[Observation], week_start: date, weeks: int, above_kg: float
) -> dict[str, object] | None:
    """A worth-discussing item if the latest weight is more than `above_kg` over the earliest.

    Only weights from the `weeks` London weeks ending with `week_start` count. The gain
    is rounded to 0.1 kg before it is compared, so the figure shown is the figure judged.
    Detail ``weeks`` is the number of whole weeks between the two readings' weeks.
    """
    first_week = week_start - timedelta(weeks=weeks - 1)
    readings = [
        (summary_week(moment), reading)
        for moment, key, value in observations
        if key == "weight_kg" and (reading := number(value)) is not None
        if first_week <= summary_week(moment) <= week_start
    ]
    if len(readings) < 2:
        return None
    (earliest_week, earliest), (latest_week, latest) = readings[0], readings[-1]
    gain = round(latest - earliest, 1)
    if gain <= above_kg:
        return None
    span = (latest_week - earliest_week).days // 7
    return {"key": "weight_gain", "detail": {"gain_kg": gain, "weeks": span}}


def side_effects(window: Sequence[Observation], week: date, threshold: int) -> dict[str, object]:
    """Side effects to raise and free-text notes from the last eight weeks (incl. this one)."""
    since = week - timedelta(weeks=SIDE_EFFECT_WEEKS - 1)
    notes = [
        {"at": moment.isoformat(), "text": value}
        for moment, key, value in window
        if key == "side_note" and isinstance(value, str) and summary_week(moment) >= since
    ]
    return {"to_raise": side_effects_to_raise(window, week, threshold), "notes": notes}


def side_effects_to_raise(
    window: Sequence[Observation], week: date, threshold: int
) -> list[dict[str, object]]:
    """Per domain, its latest week rated high enough or marked bothering."""
    since = week - timedelta(weeks=SIDE_EFFECT_WEEKS - 1)
    latest: dict[tuple[str, str], dict[str, object]] = {}
    for moment, key, value in window:
        if not key.startswith("side."):
            continue  # neither a rating nor a "bothering?" answer
        rating = _SIDE_RATING.fullmatch(key)
        bothering = _SIDE_BOTHERING.fullmatch(key)
        if rating and type(value) is int and 0 <= value <= 2 and summary_week(moment) >= since:
            slot = (iso_week(summary_week(moment)), rating[1])
            latest[slot] = {
                "domain": rating[1],
                "rating": value,
                "bothering": None,
                "week": slot[0],
            }
        elif bothering and isinstance(value, bool):
            # A "bothering?" answer belongs to the most recent rating of its domain.
            answers = [slot for slot in latest if slot[1] == bothering[1]]
            if answers:
                latest[max(answers)]["bothering"] = value
    flagged = [
        latest[slot]
        for slot in sorted(latest)
        if latest[slot]["bothering"] is True or _at_least(latest[slot]["rating"], threshold)
    ]
    # One line per domain, its most recent week: the same dry mouth every week is one
    # thing to raise, not six.
    by_domain = {str(item["domain"]): item for item in flagged}
    return sorted(by_domain.values(), key=lambda item: (str(item["week"]), str(item["domain"])))


def _at_least(rating: object, threshold: int) -> bool:
    return isinstance(rating, int) and rating >= threshold

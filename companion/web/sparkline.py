"""Sparklines: a short series of weekly values as an SVG path, drawn by the server.

Pure: numbers in, the `d` attribute of an SVG `<path>` out. Weeks without a value
(None) leave a gap rather than a line drawn across them, and a value standing alone
between gaps is a dot (a zero-length segment with round caps). No JavaScript.

A chart carries its scale (the lowest and highest value it is drawn between, for the
labels beside it) and, where a reference range exists (blood pressure), the band of
values within it: the scale then stretches to include the band's limit, so a reading
is always seen against it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Band:
    """A reference range: values from `low` to `high` (None: no limit on that side)."""

    low: float | None
    high: float | None


@dataclass(frozen=True)
class Sparkline:
    """What a template needs to draw one small chart.

    Attributes:
        path: the `d` attribute; empty when there is no value at all.
        last_x: where the latest value sits (for a marker), or None.
        last_y: see `last_x`.
        width: the viewBox width.
        height: the viewBox height.
        low: the value at the bottom of the chart (its scale), or None when empty.
        high: the value at the top of the chart.
        band_y: where the reference band starts (from the top), or None without one.
        band_height: how tall the band is.
        band: the reference range drawn, for its label.
    """

    path: str
    last_x: float | None
    last_y: float | None
    width: int
    height: int
    low: float | None = None
    high: float | None = None
    band_y: float | None = None
    band_height: float | None = None
    band: Band | None = None


def sparkline(
    values: Sequence[float | None],
    width: int = 120,
    height: int = 32,
    pad: float = 3.0,
    band: Band | None = None,
) -> Sparkline:
    """Scale the values into a `width` x `height` box and draw them left to right.

    The lowest value sits at the bottom and the highest at the top; when every value
    is the same the line runs across the middle. The last point drawn is the most
    recent value, wherever it falls.
    """
    present = [value for value in values if value is not None]
    if not present:
        return Sparkline("", None, None, width, height)
    limits = [] if band is None else [edge for edge in (band.low, band.high) if edge is not None]
    low, high = min(present + limits), max(present + limits)
    span = high - low
    steps = max(len(values) - 1, 1)

    def x(index: int) -> float:
        return pad + (width - 2 * pad) * index / steps

    def y(value: float) -> float:
        if span == 0:
            return height / 2
        return pad + (height - 2 * pad) * (high - value) / span

    commands: list[str] = []
    previous: float | None = None
    last: tuple[float, float] | None = None
    for index, value in enumerate(values):
        if value is None:
            previous = None
            continue
        point = (x(index), y(value))
        if previous is None:
            commands.append(f"M{_fmt(point[0])},{_fmt(point[1])}")
            if _stands_alone(values, index):
                commands.append("h0")
        else:
            commands.append(f"L{_fmt(point[0])},{_fmt(point[1])}")
        previous, last = value, point
    assert last is not None
    band_y, band_height = _band(band, low, high, y)
    return Sparkline(
        " ".join(commands),
        last[0],
        last[1],
        width,
        height,
        low,
        high,
        band_y,
        band_height,
        None if band_y is None else band,
    )


def _band(
    band: Band | None, low: float, high: float, y: Callable[[float], float]
) -> tuple[float | None, float | None]:
    """The band's top and height in the chart, clipped to the scale; None if it has none."""
    if band is None or low == high:
        return None, None
    top = y(high if band.high is None else min(band.high, high))
    bottom = y(low if band.low is None else max(band.low, low))
    return round(top, 1), round(bottom - top, 1)


def _stands_alone(values: Sequence[float | None], index: int) -> bool:
    after = index + 1
    return after >= len(values) or values[after] is None


def _fmt(number: float) -> str:
    text = f"{number:.1f}"
    return text[:-2] if text.endswith(".0") else text

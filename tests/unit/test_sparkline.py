"""Sparklines: weekly values become an SVG path, with gaps where nothing was logged."""

from __future__ import annotations

from companion.web.sparkline import Band, sparkline


def test_lowest_value_sits_at_the_bottom_and_highest_at_the_top() -> None:
    """Three rising values run from bottom-left to top-right inside the padding."""
    line = sparkline([1.0, 2.0, 3.0], width=100, height=20, pad=0)
    assert line.path == "M0,20 L50,10 L100,0"
    assert (line.last_x, line.last_y) == (100, 0)


def test_missing_weeks_leave_a_gap_and_a_lone_value_is_a_dot() -> None:
    """None breaks the line; a value with gaps on both sides is drawn as a zero-length dot."""
    line = sparkline([1.0, 2.0, None, 1.5, None], width=40, height=10, pad=0)
    assert line.path == "M0,10 L10,0 M30,5 h0"
    assert (line.last_x, line.last_y) == (30, 5)


def test_flat_series_runs_across_the_middle() -> None:
    """Equal values do not divide by zero; they sit at half height."""
    assert sparkline([7.0, 7.0], width=10, height=8, pad=1).path == "M1,4 L9,4"


def test_no_values_draws_nothing() -> None:
    """All weeks empty: no path and no marker."""
    line = sparkline([None, None])
    assert line.path == ""
    assert line.last_x is None


def test_single_value_is_a_dot() -> None:
    """One week of data still shows."""
    assert sparkline([5.0], width=10, height=10, pad=0).path == "M0,5 h0"


def test_chart_carries_its_scale_for_the_labels() -> None:
    """The lowest and highest values drawn are the labels at the bottom and top."""
    line = sparkline([118.0, None, 131.5, 124.0])
    assert (line.low, line.high) == (118.0, 131.5)
    assert line.band_y is None


def test_reference_band_stretches_the_scale_to_its_limit() -> None:
    """BP readings all under 140 still show the 140 limit; the band runs from it down."""
    line = sparkline([120.0, 130.0], width=100, height=20, pad=0, band=Band(None, 140))
    assert (line.low, line.high) == (120.0, 140)
    assert (line.band_y, line.band_height) == (0, 20)
    assert line.path == "M0,20 L100,10"
    above = sparkline([150.0, 160.0], width=100, height=20, pad=0, band=Band(None, 140))
    assert (above.low, above.high, above.band_y, above.band_height) == (140, 160.0, 20, 0)

"""Tests for GSM-7 detection and SMS segment counting."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from companion.sms.segments import (
    GSM7,
    UCS2,
    SegmentInfo,
    count_segments,
    is_gsm7,
    non_gsm7_characters,
    segment_info,
)

CASES: list[tuple[str, str, SegmentInfo]] = [
    ("empty body", "", SegmentInfo(GSM7, 0, 0)),
    ("one char", "a", SegmentInfo(GSM7, 1, 1)),
    ("160 GSM chars fit one part", "a" * 160, SegmentInfo(GSM7, 1, 160)),
    ("161 GSM chars need two", "a" * 161, SegmentInfo(GSM7, 2, 161)),
    ("306 GSM chars fill two parts", "a" * 306, SegmentInfo(GSM7, 2, 306)),
    ("307 GSM chars need three", "a" * 307, SegmentInfo(GSM7, 3, 307)),
    ("GSM accents stay GSM", "Café à Ørsted, ¿Qué? Ç§", SegmentInfo(GSM7, 1, 23)),
    ("newlines are GSM", "a\r\nb", SegmentInfo(GSM7, 1, 4)),
    ("80 euro signs are 160 septets", "€" * 80, SegmentInfo(GSM7, 1, 160)),
    ("extension char tips over 160", "a" * 159 + "€", SegmentInfo(GSM7, 2, 161)),
    ("all extension chars cost two", "^{}\\[~]|€", SegmentInfo(GSM7, 1, 18)),
    (
        "extension char not split at 153",
        "a" * 152 + "€" + "a" * 152,
        SegmentInfo(GSM7, 3, 306),
    ),
    (
        "extension char exactly ends part",
        "a" * 151 + "€" + "a" * 153,
        SegmentInfo(GSM7, 2, 306),
    ),
    ("curly apostrophe forces UCS-2", "It’s time", SegmentInfo(UCS2, 1, 9)),
    ("curly quotes force UCS-2", "“ok”", SegmentInfo(UCS2, 1, 4)),
    ("en dash forces UCS-2", "2–3 pills", SegmentInfo(UCS2, 1, 9)),
    ("lowercase c-cedilla is not GSM", "ç", SegmentInfo(UCS2, 1, 1)),
    ("70 UCS-2 units fit one part", "’" * 70, SegmentInfo(UCS2, 1, 70)),
    ("71 UCS-2 units need two", "’" * 71, SegmentInfo(UCS2, 2, 71)),
    ("134 UCS-2 units fill two parts", "’" * 134, SegmentInfo(UCS2, 2, 134)),
    ("135 UCS-2 units need three", "’" * 135, SegmentInfo(UCS2, 3, 135)),
    ("UCS-2 turns GSM chars into units", "a" * 70 + "’", SegmentInfo(UCS2, 2, 71)),
    ("emoji is two code units", "😀", SegmentInfo(UCS2, 1, 2)),
    ("35 emoji fit one part", "😀" * 35, SegmentInfo(UCS2, 1, 70)),
    ("36 emoji need two", "😀" * 36, SegmentInfo(UCS2, 2, 72)),
    (
        "emoji not split at 67",
        "’" * 66 + "😀" + "’" * 66,
        SegmentInfo(UCS2, 3, 134),
    ),
    ("extension chars cost one unit in UCS-2", "€’", SegmentInfo(UCS2, 1, 2)),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [pytest.param(text, info, id=name) for name, text, info in CASES],
)
def test_segment_info_table(text: str, expected: SegmentInfo) -> None:
    """Each real-world body gets the encoding, unit count and parts carriers bill."""
    assert segment_info(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [pytest.param(text, info.segments, id=name) for name, text, info in CASES],
)
def test_count_segments_matches_segment_info(text: str, expected: int) -> None:
    """count_segments returns the segments field of segment_info."""
    assert count_segments(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hello @ £5 {ok} [1] ~ | € \\ ^", True),
        ("", True),
        ("It’s", False),
        ("2–3", False),
        ("😀", False),
        ("ç", False),
        ("\t", False),
    ],
)
def test_is_gsm7(text: str, expected: bool) -> None:
    """is_gsm7 accepts the basic and extension tables and nothing else."""
    assert is_gsm7(text) is expected


def test_non_gsm7_characters_lists_each_offender_once_in_order() -> None:
    """The linter helper reports each non-GSM character once, first-seen order."""
    text = "It’s 2–3 “ok” ’ 😀 fine"
    assert non_gsm7_characters(text) == ["’", "–", "“", "”", "😀"]


def test_non_gsm7_characters_empty_for_gsm_text() -> None:
    """A GSM-7 body, extension characters included, has no offenders."""
    assert non_gsm7_characters("Take 2 {pills} at 8pm €") == []


@given(st.text(max_size=400), st.characters())
def test_appending_never_reduces_segments(text: str, char: str) -> None:
    """Adding a character to a body never makes it need fewer parts."""
    assert count_segments(text + char) >= count_segments(text)


@given(st.text(max_size=400))
def test_ucs2_units_are_utf16_code_units(text: str) -> None:
    """For UCS-2 bodies the unit count equals the UTF-16 encoded length."""
    info = segment_info(text)
    if info.encoding == UCS2:
        assert info.units == len(text.encode("utf-16-le")) // 2
    else:
        assert info.units >= len(text)

"""SMS encoding detection and segment counting (GSM 03.38 / UCS-2).

A message is sent as GSM-7 when every character is in the GSM 03.38 basic
character set or its extension table; otherwise the whole message goes out as
UCS-2. Segment limits follow the concatenated-SMS rules carriers and Twilio
use: the user-data header of a multi-part message costs 7 septets (GSM-7) or
3 UTF-16 code units (UCS-2) per part.

Characters are never split across parts: an extension character (2 septets)
or a surrogate pair (2 code units) that does not fit in the current part
starts the next one, leaving the unused unit empty. This is why a message can
need more parts than ``ceil(units / per_part)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

# Twilio's limit for the body of one (concatenated) message, in characters, both ways.
MAX_BODY_CHARS: Final = 1600
GSM7: Final = "GSM-7"
UCS2: Final = "UCS-2"

# GSM 03.38 basic character set, in table order (0x1B, the escape to the
# extension table, is not a character and is left out).
_GSM7_BASIC: Final = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅå"
    "Δ_ΦΓΛΩΠΨΣΘΞÆæßÉ"
    " !\"#¤%&'()*+,-./"
    "0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNO"
    "PQRSTUVWXYZÄÖÑÜ§"
    "¿abcdefghijklmno"
    "pqrstuvwxyzäöñüà"
)
# Extension table: each is sent as ESC + code, so it costs two septets.
_GSM7_EXTENSION: Final = frozenset("\f^{}\\[~]|€")

_GSM7_SINGLE: Final = 160
_GSM7_PART: Final = 153
_UCS2_SINGLE: Final = 70
_UCS2_PART: Final = 67


@dataclass(frozen=True)
class SegmentInfo:
    """How a message body would be encoded and billed.

    Attributes:
        encoding: ``"GSM-7"`` or ``"UCS-2"``.
        segments: Number of SMS parts; 0 for an empty body.
        units: Septets for GSM-7, UTF-16 code units for UCS-2.
    """

    encoding: str
    segments: int
    units: int


def _is_gsm7_char(char: str) -> bool:
    return char in _GSM7_BASIC or char in _GSM7_EXTENSION


def is_gsm7(text: str) -> bool:
    """Tell whether ``text`` can be sent in the GSM-7 alphabet.

    Args:
        text: The message body.

    Returns:
        True when every character is in the GSM 03.38 basic set or its
        extension table (the empty string is GSM-7).
    """
    return all(_is_gsm7_char(char) for char in text)


def non_gsm7_characters(text: str) -> list[str]:
    """List the characters that force ``text`` into UCS-2.

    Args:
        text: The message body.

    Returns:
        Each offending character once, in order of first appearance.
    """
    seen: dict[str, None] = {}
    for char in text:
        if not _is_gsm7_char(char):
            seen.setdefault(char, None)
    return list(seen)


def _septets(char: str) -> int:
    return 2 if char in _GSM7_EXTENSION else 1


def _code_units(char: str) -> int:
    # Characters outside the Basic Multilingual Plane need a surrogate pair.
    return 2 if ord(char) > 0xFFFF else 1


def _pack(widths: list[int], single: int, per_part: int) -> int:
    """Count parts when items of the given widths are packed without splitting."""
    if not widths:
        return 0
    if sum(widths) <= single:
        return 1
    parts = 1
    used = 0
    for width in widths:
        if used + width > per_part:
            parts += 1
            used = 0
        used += width
    return parts


def segment_info(text: str) -> SegmentInfo:
    """Work out the encoding, size and number of SMS parts of a message body.

    An empty body yields 0 segments: Twilio rejects an empty body (error
    21602), so it is never one billable part.

    Args:
        text: The message body.

    Returns:
        The encoding, the number of segments and the size in encoding units.
    """
    if is_gsm7(text):
        widths = [_septets(char) for char in text]
        return SegmentInfo(GSM7, _pack(widths, _GSM7_SINGLE, _GSM7_PART), sum(widths))
    widths = [_code_units(char) for char in text]
    return SegmentInfo(UCS2, _pack(widths, _UCS2_SINGLE, _UCS2_PART), sum(widths))


def count_segments(text: str) -> int:
    """Count the SMS parts needed to send ``text``.

    Args:
        text: The message body.

    Returns:
        The number of segments; 0 for an empty body.
    """
    return segment_info(text).segments

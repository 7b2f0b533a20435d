"""Time `detect_crisis` per message: `python -m tests.safety.cost`.

Mean over every row of the development set (both languages, both splits), repeated,
then the slowest of a few hostile inputs (1,600 characters, Twilio's limit for one
message). A measurement to report, not a timed test.
"""

from __future__ import annotations

import time

from companion.safety.crisis import detect_crisis
from tests.safety.devset import LANGUAGES, SPLITS, load

ROUNDS = 20
HOSTILE = {
    "repeated words": ("i want to not be here " * 80)[:1600],
    "repeated crisis-ish words": ("dont want kill myself die not wake " * 50)[:1600],
    "emoji": "😀🔪💀" * 533,
    "one long word": "a" * 1600,
    "polish": ("nie chce juz zyc sie zabic " * 60)[:1600],
    "negations": ("not never no " * 130)[:1600],
}


def mean_microseconds(texts: list[str], rounds: int = ROUNDS) -> float:
    """Mean wall time of one `detect_crisis` call over `texts`, in microseconds."""
    start = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            detect_crisis(text)
    return (time.perf_counter() - start) / (rounds * len(texts)) * 1e6


def main() -> None:
    """Print the mean per message, and each hostile input's time."""
    texts = [row.text for lang in LANGUAGES for split in SPLITS for row in load(lang, split)]
    for text in texts:  # warm caches and compiled patterns
        detect_crisis(text)
    print(f"dev set: {len(texts)} messages, mean {mean_microseconds(texts):.1f} us/message")
    for name, text in HOSTILE.items():
        print(f"hostile {name} ({len(text)} chars): {mean_microseconds([text], 5):.0f} us")


if __name__ == "__main__":
    main()

"""Print the crisis development set's per-category table: `python -m tests.safety.report`.

Add `--misses` to list the rows the detector gets wrong (dev only, unless `--all`: the
held-back part is for measuring, never for tuning).
"""

from __future__ import annotations

import sys
from collections import Counter

from companion.safety.crisis import detect_crisis
from tests.safety.devset import LANGUAGES, SPLITS, is_correct, load


def table() -> list[str]:
    """Lines of a Markdown table: language, split, group, rows, correct, rate."""
    lines = ["| lang | split | kind | group | rows | ok | rate |", "|---|---|---|---|---|---|---|"]
    for language in LANGUAGES:
        for split in SPLITS:
            totals: Counter[tuple[bool, str]] = Counter()
            good: Counter[tuple[bool, str]] = Counter()
            for row in load(language, split):
                totals[row.trigger, row.group] += 1
                good[row.trigger, row.group] += is_correct(row, detect_crisis(row.text))
            for trigger in (True, False):
                keys = [key for key in totals if key[0] is trigger]
                for key in [*keys, (trigger, "ALL")]:
                    total = sum(totals[k] for k in keys) if key[1] == "ALL" else totals[key]
                    ok = sum(good[k] for k in keys) if key[1] == "ALL" else good[key]
                    kind = "recall" if trigger else "no false alarm"
                    lines.append(
                        f"| {language} | {split} | {kind} | {key[1]} | {total} | {ok} "
                        f"| {100 * ok / total:.1f}% |"
                    )
    return lines


def main(argv: list[str]) -> None:
    """Print the table, then the misses if asked."""
    print("\n".join(table()))
    if "--misses" in argv:
        splits = SPLITS if "--all" in argv else ("dev",)
        for language in LANGUAGES:
            for split in splits:
                for row in load(language, split):
                    signal = detect_crisis(row.text)
                    if not is_correct(row, signal):
                        print(f"MISS {language} {split} {row.group}: {row.text!r} -> {signal}")


if __name__ == "__main__":
    main(sys.argv[1:])

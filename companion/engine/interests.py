"""What a person seems interested in, from their own goal, to match tips (never shown)."""

from __future__ import annotations

from companion.engine.reading.numbers import tokenize

# Word stems that hint at a resource category. Matching data, not text anyone reads.
_STEMS = {
    "activity": ("walk", "run", "swim", "gym", "bike", "cycl", "danc", "yoga", "exercis", "move"),
    "eating": ("eat", "cook", "food", "fruit", "veg", "meal", "breakfast", "lunch", "diet"),
    "smoking": ("smok", "cig", "vape", "quit"),
    "alcohol": ("drink", "alcohol", "beer", "wine", "pub", "sober"),
    "sleep": ("sleep", "bed", "rest", "nap"),
    "peer-support": ("friend", "group", "talk", "people", "social", "lonely"),
}


def interests_in(text: str) -> set[str]:
    """Resource categories a goal's words point to ("walk to the park" -> activity)."""
    words = tokenize(text)
    return {
        category
        for category, stems in _STEMS.items()
        if any(word.startswith(stem) for word in words for stem in stems)
    }

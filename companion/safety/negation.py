"""Whether a crisis phrase is denied ("I'm not going to hurt myself", "nie zabiję się").

A negator shortly before the phrase, in the same clause, with only filler words between,
denies it, unless a hedge undoes the denial ("I can't promise I won't hurt myself") or an
intensifier follows ("I've never wanted to die so much"). A denial still gets a reply:
the gentle check. Works on both `text.normalise`d and `text.fold`ed text.
"""

from __future__ import annotations

import re
from typing import Final

_FILLER = (
    r"(?:going|gonna|to|ever|really|actually|honestly|seriously|even|currently|right|now"
    r"|again|want|wanna|wanted|wanting|wish|try|trying|plan|planning|intend|intending"
    r"|thinking|of|about|on|any|having|have|had|be|been|feel|feeling|felt|am|do|did"
    r"|would|will|i'd|i'll|at|all|like|thoughts?|urges?|take|taken|took|an|a|think"
    # Polish: "nie mam myśli", "nigdy bym sobie", "nie mam zamiaru", "wcale nie"
    r"|mam|mysli|zamiaru|bym|sobie|sie|juz|jestem|chce|zamierzam|planuje|wcale|naprawde"
    r"|w ogole|na pewno|tego|zrobi[a-z]*|robi[a-z]*)"
)
_NEGATION: Final = re.compile(
    (
        r"(?:^| )(?:not|never|(?:do|does|did|wo|would|is|are|was|were|ai|have|has|had)n't"
        r"|no (?:longer|way|thoughts?|plans?|intentions?|intent|urges?|desire|wish)"
        r"|nie|nigdy)"
        rf"(?: {_FILLER}){{0,4}} $"
    ).replace("'", "'?")
)
# Words that undo a negation: "I can't promise I won't hurt myself".
_HEDGE: Final = re.compile(
    (
        r"(?<![a-z])(?:(?:can't|cannot|can not|won't|not) (?:promise|guarantee|say)|not sure"
        r"|unsure|don't know (?:if|whether)|trust myself|scared|afraid|worried|frightened"
        r"|why|nie wiem czy|nie jestem pewn[a-z]*|nie (?:obiecuje|moge obiecac)|boje sie)(?![a-z])"
    ).replace("'", "'?")
)
# "I've never wanted to die so much" is not a denial.
_INTENSIFIER: Final = re.compile(r" (?:more|so much|so badly|as much)(?![a-z])")
_NEGATION_WINDOW: Final = 120


def is_negated(text: str, start: int, end: int) -> bool:
    """Whether the clause before ``text[start:end]`` denies it, with no hedge undoing that.

    Args:
        text: A normalised or folded message.
        start: Where the crisis phrase starts.
        end: Where it ends.
    """
    if _INTENSIFIER.match(text, end):
        return False
    low = max(0, start - _NEGATION_WINDOW)
    before = text[max(text.rfind("|", low, start) + 1, low) : start]
    negation = _NEGATION.search(before)
    if negation is None:
        return False
    return _HEDGE.search(before, 0, negation.start()) is None

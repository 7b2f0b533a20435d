"""Refusing passphrases that are long enough but easy to guess (no network needed).

Length alone let through "aaaaaaaaaaaa", "password1234" and the coordinator's own email.
NIST SP 800-63B (5.1.1.2) and OWASP ASVS 6.2 ask for a check against passwords known
to be common or compromised. A small local list of the most common base words and
phrases is checked after folding case, digits-as-letters and repeats, together with
shapes guessers try first: one character repeated, keyboard or alphabet runs, a word
repeated, and the person's own email or name.
"""

from __future__ import annotations

import re

# The commonest bases of breached passwords (from public top-lists), lower case, folded.
COMMON = frozenset(
    [
        "password",
        "passw0rd",
        "passphrase",
        "letmein",
        "welcome",
        "qwerty",
        "qwertyuiop",
        "asdfghjkl",
        "zxcvbnm",
        "iloveyou",
        "admin",
        "administrator",
        "login",
        "master",
        "monkey",
        "dragon",
        "football",
        "baseball",
        "sunshine",
        "princess",
        "starwars",
        "whatever",
        "trustno1",
        "shadow",
        "superman",
        "batman",
        "michael",
        "jennifer",
        "abc123",
        "changeme",
        "secret",
        "default",
        "freedom",
        "computer",
        "internet",
        "summer",
        "winter",
        "spring",
        "autumn",
        "hello",
        "nhs",
        "companion",
        "portal",
        "coordinator",
        "london",
        "england",
        "liverpool",
        "chelsea",
        "arsenal",
        "correcthorsebatterystaple",
        "thequickbrownfox",
        "openesame",
        "opensesame",
    ]
)
_LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}
)
_RUNS = ("abcdefghijklmnopqrstuvwxyz", "qwertyuiopasdfghjklzxcvbnm", "0123456789")
MIN_DISTINCT = 6


def weakness(passphrase: str, *, email: str = "", name: str = "") -> str | None:
    """Why a passphrase is easy to guess, or None if none of the checks find it.

    Returns:
        "few_characters", "common", "repeated", "sequence" or "personal".
    """
    folded = re.sub(r"[^a-z0-9]", "", passphrase.lower())
    core = re.sub(r"\d+$", "", folded) or folded  # "password2024" is "password"
    letters = core.translate(_LEET)
    if len(set(passphrase.lower())) < MIN_DISTINCT:
        return "few_characters"
    if letters in COMMON or any(_only_repeats(letters, word) for word in COMMON):
        return "common"
    if _period(folded) < len(folded):
        return "repeated"
    if any(folded in run * 2 or folded[::-1] in run * 2 for run in _RUNS):
        return "sequence"
    if _personal(folded, email, name):
        return "personal"
    return None


def _personal(folded: str, email: str, name: str) -> bool:
    """The passphrase is mostly the person's email address, its local part, or their name."""
    own = [email.lower(), email.lower().split("@")[0], name.lower(), name.lower()[::-1]]
    for text in own:
        part = re.sub(r"[^a-z0-9]", "", text)
        if len(part) >= 4 and part in folded and len(folded) - len(part) < 6:
            return True
    return False


def _period(text: str) -> int:
    """The length of the shortest block that repeats to make `text`."""
    for size in range(1, len(text) // 2 + 1):
        if len(text) % size == 0 and text[:size] * (len(text) // size) == text:
            return size
    return len(text)


def _only_repeats(text: str, word: str) -> bool:
    """True if `text` is `word` repeated (twice or more, or once followed by digits)."""
    if not word or not text.startswith(word):
        return False
    rest = text
    while rest.startswith(word):
        rest = rest[len(word) :]
    return rest == "" or rest.isdigit()

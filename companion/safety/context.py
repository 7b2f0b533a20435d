"""Whose crisis, and whether it is now: the guards around every crisis match.

A crisis phrase is not always the sender's own, now. It can be about someone else ("my
friend said she wants to die": signpost for the friend), long past and left behind
("years ago I wanted to die, I'm much better now"), or quoted from a song, a show or a
poster. Each guard errs towards the sender's own crisis: "me too" after someone else's
words, "makes me want to die" after a song, and a past with no recovery after it all
count as the sender's own. A distanced phrase still gets the gentle check.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

# A clause that starts like this continues the one before ("she said | that ...").
_LINKED: Final = re.compile(
    r" ?(?:that|where|which|who|in which|ze|zeby|gdzie|w ktorej|w ktorym|ktory|ktora"
    r"|ktore)(?![a-z])"
)
_WINDOW: Final = 160

_FIRST: Final = re.compile(
    r"(?<![a-z0-9'])(?:i|i'?m|i'?ve|i'?d|i'?ll|me|my|myself|mine|ja|mnie|mi|mna|moje zycie"
    r"|[a-z]+(?:lam|lem|labym|lbym|ylam|ylem|ilam|ilem|elam|elem))(?![a-z0-9'])"
)
_PEOPLE_EN = (
    r"(?:mum|mam|mom|mother|dad|father|husband|wife|partner|boyfriend|girlfriend|bf|gf|ex"
    r"|brother|sister|son|daughter|kids?|child|children|cousin|aunt|uncle|nan|gran|grandad"
    r"|neighbou?r|friend|mate|flatmate|housemate|colleague|niece|nephew|sibling)s?"
)
_PEOPLE_PL = (
    r"(?:mam(?:a|y|ie|e|usia|usi)|tat(?:a|y|o|e|a)|brat[a-z]*|siostr[a-z]*|przyjaci[a-z]*"
    r"|kolega|kolegi|koleg[a-z]*"
    r"|kolezank[a-z]*|syn[a-z]*|cork[a-z]*|maz|meza|zona|zony|partner[a-z]*|chlopak[a-z]*"
    r"|dziewczyn[a-z]*|kuzyn[a-z]*|sasiad[a-z]*|babci[a-z]*|dziad[a-z]*|bohater[a-z]*)"
)
_THIRD: Final = re.compile(
    r"(?<![a-z0-9'])(?:he|she|they|he'?s|she'?s|they'?re|they'?ve|him|her|them|himself"
    r"|herself|themselves|themself|someone|somebody|anyone|people|"
    rf"(?:my|his|her|their|a|our|your) (?:best |little |big |older |younger |old )?"
    rf"{_PEOPLE_EN}|(?:a|the|this|that) (?:lad|lady|girl|guy|woman|man|bloke|boy|kid"
    r"|teenager|person|patient|neighbou?r)"
    rf"|on|ona|oni|one|jej|jego|ich|ktos|{_PEOPLE_PL})(?![a-z0-9'])"
)
_OTHER_REFLEXIVE: Final = re.compile(
    r"(?<![a-z])(?:himself|herself|themselves|themself|him|her|them|his|their)(?![a-z])"
)
_ME_TOO: Final = re.compile(
    r"(?<![a-z])(?:me too|me as well|so do i|i do too|i do as well|same here|same for me"
    r"|i feel the same|and me|i also|neither can i|nor can i|(?:i|me) (?:can'?t|cannot"
    r"|don'?t|do|feel|want(?: to)?) (?:either|too|as well)|ja tez|ja rowniez|mam tak samo"
    r"|czuje to samo|tak samo jak (?:on|ona|oni))(?![a-z])"
)

_PAST: Final = re.compile(
    r"(?<![a-z])(?:years? ago|years back|a while back|way back|yrs ago|long time ago|long ago"
    r"|decades? ago|ages ago"
    r"|when i was (?:younger|a teen[a-z]*|a kid|a child|a student|little|at school|at uni"
    r"|in my [a-z0-9]+|first [a-z]+|[0-9]+)|as a (?:teen[a-z]*|kid|child)|back (?:in|when)"
    r"|in my (?:teens|twenties|20s|thirties|30s|youth)|used to|(?:in|since|back in) "
    r"(?:19|20)[0-9][0-9]|years? (?:since|clean|free)|last attempt|lat temu|rok temu"
    r"|dawno temu|kiedys|jako (?:nastolat[a-z]*|dziecko|mloda|mlody|dziewczyna|chlopak)"
    r"|w przeszlosci|(?:pare|kilka|wiele) lat|w mlodosci)(?![a-z])"
)
_RECOVERY: Final = re.compile(
    r"(?<![a-z])(?<!not )(?<!n't )(?<!nt )(?:better now|doing (?:well|great|good|ok|okay|better"
    r"|fine)|in a (?:good|better|great) place|not (?:any ?more|now)|no longer|life is"
    r" (?:good|better|great)|happy now|and happy|grateful|glad to be (?:here|alive)"
    r"|going strong|helped|things are (?:good|better|great|ok|okay)"
    r"|glad i'?m (?:still )?(?:here|alive)|still here|(?:i'?m|i am) (?:ok"
    r"|okay|fine|good|well) now|love my life"
    r"|(?:that'?s|that is) not true|clean|much better|these days|teraz (?:jest |czuje sie"
    r" |jestem |mam sie )?(?:lepiej|dobrze|ok|okej|w porzadku|szczesliw[a-z]*)|juz nie"
    r"|dzis jest (?:ok|dobrze|lepiej)|pomogl[a-z]*|w dobrym miejscu|juz mi lepiej)(?![a-z])"
)

# Past, but far enough to need no "better now": "i used to self harm as a teen".
_FAR_PAST: Final = re.compile(
    r"(?<![a-z])(?:used to|as a (?:teen[a-z]*|kid|child)|(?:a )?long time ago|long ago|ages ago"
    r"|at school|decades? ago|when i was (?:a (?:teen[a-z]*|kid"
    r"|child)|little|at school|younger)|years ago|jako (?:nastolat[a-z]*|dziecko)|lat temu"
    r"|dawno temu)(?![a-z])"
)
# It is back: "started cutting again after 2 years clean".
_CURRENT: Final = re.compile(
    r"(?<![a-z])(?:again|still|lately|recently|relaps[a-z]*|back to|started|starting"
    r"|znowu|znow|nadal|wciaz|ostatnio|ponownie)(?![a-z])"
)
_MEDIA: Final = re.compile(
    r"(?<![a-z])(?:songs?|lyrics?|films?|movies?|show|shows|series|episode|soaps?"
    r"|eastenders|corrie|emmerdale|hollyoaks|books?|novel|poem|play|hamlet|documentary"
    r"|podcast|news|article|tiktok|youtube|video|poster|leaflet|character|scene|radio"
    r"|telly|tv|netflix|band|album|game|story|programme|drama|newspaper|paper"
    r"|film[a-z]*|serial[a-z]*|piosen[a-z]*|ksiazk[a-z]*|bohater[a-z]*|wiadomosciach"
    r"|telewizji|plakat[a-z]*|ulotk[a-z]*|artykul[a-z]*|wiersz[a-z]*|dokument[a-z]*"
    r"|program[a-z]*|radiu|gazet[a-z]*|gazeci[a-z]*|czasopism[a-z]*)(?![a-z])"
)
_CUE: Final = re.compile(
    r"(?<![a-z])(?:says|said|saying|reads|goes|sings|sang|called|titled|named|line|lines"
    r"|lyrics?|like"
    r"|where|about|in|on|who|character|scene|quote|mowi|mowili|mowila|spiewa|o|w|we|na"
    r"|gdzie|ktorej|ktorym|tytul[a-z]*)(?![a-z])"
)
_ABOUT: Final = re.compile(
    r"(?<![a-z])(?:reading about|watching about|read about|watched|czytam o|czytalam o"
    r"|czytalem o|ogladam|ogladalam|ogladalem|slucham o)(?![a-z])"
)
_OWN_REACTION: Final = re.compile(
    r"(?<![a-z])(?:makes? me|made me|making me|reminds? me|reminded me|i feel|i'?m feeling"
    r"|sprawia ze|przez (?:to|nia|niego))(?![a-z])"
)


# Whole-message facts, asked once per match: cached, so a long message with many matches
# is scanned once, not once per match.
@lru_cache(maxsize=16)
def _says_me_too(text: str) -> bool:
    return _ME_TOO.search(text) is not None


@lru_cache(maxsize=16)
def _tells_of_recovery(text: str) -> bool:
    return _RECOVERY.search(text) is not None


def _context(text: str, start: int) -> str:
    """The clause before ``start``, and the one before that if this one continues it."""
    low = max(0, start - _WINDOW)
    begin = max(text.rfind("|", low, start) + 1, low)
    if begin > low and _LINKED.match(text, begin):
        begin = max(text.rfind("|", low, begin - 1) + 1, low)
    return text[begin:start]


def _clause(text: str, start: int, end: int) -> str:
    """The whole clause holding ``text[start:end]``, with the one before it."""
    low = max(0, start - _WINDOW)
    begin = max(text.rfind("|", low, max(low, text.rfind("|", low, start))) + 1, low)
    stop = text.find("|", end, end + _WINDOW)
    return text[begin : stop if stop >= 0 else min(len(text), end + _WINDOW)]


def about_someone_else(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is said about another person, not the sender.

    True when the phrase names another person ("kill herself") or the last subject
    before it in its clause is another person ("my friend said she wants to die"), and
    the phrase itself has nothing of the sender's ("better off without me"), and the
    message does not add "me too".

    Args:
        text: A normalised or folded message.
        start: Where the crisis phrase starts.
        end: Where it ends.
    """
    phrase = text[start:end]
    if _FIRST.search(phrase) or _says_me_too(text):
        return False
    if _OTHER_REFLEXIVE.search(phrase):
        return True
    before = _context(text, start)
    last_first = max((m.end() for m in _FIRST.finditer(before)), default=-1)
    last_third = max((m.end() for m in _THIRD.finditer(before)), default=-1)
    return last_third > last_first


def is_distanced(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is long past and left behind, or quoted.

    Past: its clause (or the one before) says when ("years ago", "when I was 19",
    "kilka lat temu") and the message says things are better now. Quoted: the clause
    before it names a song, show, book, poster or the news and how it is quoted ("the
    song goes", "in the film", "a documentary about"), and the sender does not say it
    is their own reaction ("this song makes me want to die").

    Args:
        text: A normalised or folded message.
        start: Where the crisis phrase starts.
        end: Where it ends.
    """
    clause = _clause(text, start, end)
    if (
        _PAST.search(clause)
        and not _CURRENT.search(clause)
        and (_tells_of_recovery(text) or _FAR_PAST.search(clause))
    ):
        return True
    before = _context(text, start)
    media = _MEDIA.search(before)
    if media is None:
        # "czytam o samobójstwach w gazecie": reading or watching about it, named after.
        stop = text.find("|", end)
        after = text[end : stop if stop >= 0 else len(text)]
        return bool(_ABOUT.search(before) and _MEDIA.search(after))
    return _CUE.search(before) is not None and _OWN_REACTION.search(before, media.start()) is None

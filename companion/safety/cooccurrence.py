"""The third tier: a death concept and a wish, plan or judgement in the same clause.

Frames (`frames_en`, `frames_pl`) need the words in a known order. People also write
"death would be a relief", "wish I had the guts to just end it", "dzis w nocy to
zakoncze": a concept of death or not existing and, within a few words either side, a
wish, intent, plan, time, relief or hopelessness. This tier finds that pair in one
clause, in either order, when the death concept is the sender's: no other person or
thing ("my plant", "the battery") is its subject. Idioms are excluded on the death
concept itself ("dying for", "dead tired", "the death of me"), and near misses told as
a story ("I thought I was going to die on that run") are left alone. Reads
`text.fold`ed text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

_DEATH: Final = re.compile(
    r"(?<![a-z0-9])(?:"
    # English
    r"(?:die|died|dying)(?! (?:for|to|of|laughing|from|my|your|her|his|the|down|out|off|hard"
    r"|happy|inside|alone)(?![a-z0-9]))|dead(?! (?:tired|on|good|chuffed|heavy|easy|funny"
    r"|serious|right|lucky|to the world|end|beat|set|cert|ringer|simple|nice|proud|excited"
    r"|hungry|cold|slow|quiet|busy|boring|inside|keen|sure|against|battery|phone)(?![a-z0-9]))"
    r"|death(?! (?:of me|warmed|trap|metal|star|row)(?![a-z0-9]))|suicid[a-z]*"
    r"|kill(?:ing)? myself|end(?:ing)? (?:it all|it|my life|everything|things)"
    r"(?! (?:with|between|there|here|off|up)(?![a-z0-9]))|take my (?:own )?life"
    r"|not (?:to )?(?:exist|be alive|be here|be around)|stop existing|stop being alive"
    r"|(?:disappear|vanish)(?! (?:to|off|into|under|on|for (?:a|an|the|some|[0-9])|from"
    r" (?!this world|the world|existence|the face)[a-z]+|somewhere|abroad|with)(?![a-z0-9]))"
    r"|(?:never|not|dont|didnt) wake up(?! (?:with|early|late|at|before|until|till|feeling"
    r"|tired|on time|in time|so|too)(?![a-z0-9]))|gone (?:forever|for good)|never come back"
    r"|sleep forever|not be here anymore|overdose"
    # Polish
    r"|umrzec|umre|umarla|umarl|umierac|smierc[a-z]*|zabic sie|sie zabic|zabije sie"
    r"|sie zabije|nie zyc|(?:zniknac|znikne)(?! (?:na|nad|w gory|do|z)(?![a-z0-9]))|nie istniec"
    r"|przestac istniec|samoboj[a-z]*"
    r"|skonczyc ze soba|odebrac sobie zycie|(?:sie )?nie obudzic|nie obudze sie"
    r"|sie nie obudze|zasnac na zawsze|spac na zawsze|(?:to |wszystko |z tym )?zakoncze"
    r"|zakonczyc (?:to|wszystko|zycie|swoje zycie)|przedawkow[a-z]*"
    r")(?![a-z0-9])"
)
_FRAME: Final = re.compile(
    r"(?<![a-z0-9])(?:"
    # English
    r"wish|wishing|wished|want|wanted|wanting|hope|hoping|pray|praying|rather|prefer"
    r"|relief|relieved|grateful|glad|release|peace|peaceful|easier|better off|ready|plan"
    r"|planning|planned|decided"
    r"|tonight|goodbye|no point|pointless|burden|nobody would|no one would|cant go on"
    r"|cant cope|had enough|tired of|sick of|guts|brave enough|courage|nerve|welcome"
    r"|blessing|thinking about|thought about|thoughts of|keep thinking|obsess[a-z]*"
    r"|fantasi[a-z]*|dream about|dreaming of|longing|tempted|urges?|wouldnt mind"
    r"|would be nice|dont care|wouldnt care|not bothered|at peace|the only way|only option"
    r"|way out|cant wait|no one can stop me|nobody can stop me|this time"
    # Polish
    r"|chce|chcialabym|chcialbym|chcialam|wole|wolalabym|wolalbym|marze|pragne"
    r"|mam nadzieje|oby|ulga|ulge|ulgi|latwiej|spokoj|gotow[a-z]*|planuj[a-z]*|zamierzam"
    r"|postanowil[a-z]*|dzis|dzisiaj|w nocy|zegnaj[a-z]*|nie ma sensu|bez sensu"
    r"|ciezar[a-z]*|mam dosc|nie daje rady|mysle o|ciagle mysle|odwagi|odwage|na zawsze"
    r")(?![a-z0-9])"
)
# Someone or something else is the subject: "my plant", "the battery", "she", "moja mama".
_OTHER_SUBJECT: Final = re.compile(
    r"(?<![a-z0-9])(?:(?:my|the|this|that|his|her|their|our|your|a|an)"
    r" (?!life(?![a-z])|own(?![a-z]))[a-z]+|he|she|they|it|its|someone|somebody"
    r"|on|ona|oni|ktos|moj[a-z]* [a-z]+|jego|jej)(?![a-z0-9])"
)
_SELF_SUBJECT: Final = re.compile(
    r"(?<![a-z0-9])(?:i|im|ive|id|ill|me|myself|ja|mnie|mi|sie)(?![a-z0-9])"
)
# A near miss told as a story, not a wish.
_STORY: Final = re.compile(
    r"(?<![a-z0-9])(?:thought i was going to|felt like i was going to|nearly|almost|could"
    r" have|might have|myslalam ze|myslalem ze|prawie)(?![a-z0-9])"
)
_REACH: Final = 48  # characters either side of the death concept (about 8 words)


def _is_own(clause: str, death_start: int) -> bool:
    """Whether nothing but the sender is the subject just before the death concept."""
    low = max(0, death_start - _REACH)  # bounded, so a long clause stays linear
    selves = _SELF_SUBJECT.finditer(clause, low, death_start)
    others = _OTHER_SUBJECT.finditer(clause, low, death_start)
    last_self = max((m.end() for m in selves), default=-1)
    last_other = max((m.end() for m in others), default=-1)
    return last_other <= last_self or last_other < 0


def pairs(text: str) -> Iterator[tuple[int, int]]:
    """Spans of a death concept and a wish, plan or judgement within one clause.

    Args:
        text: A `text.fold`ed message.

    Yields:
        The ``(start, end)`` of each death concept that has a frame within reach.
    """
    offset = 0
    for clause in text.split("|"):
        if not _STORY.search(clause):
            for death in _DEATH.finditer(clause):
                if not _is_own(clause, death.start()):
                    continue
                low = max(0, death.start() - _REACH)
                frame = _FRAME.search(clause, low, min(len(clause), death.end() + _REACH))
                if frame is not None:
                    # The death concept's own span: a denial is judged on it ("no
                    # thoughts of suicide"), and so is whose it is.
                    yield offset + death.start(), offset + death.end()
        offset += len(clause) + 1

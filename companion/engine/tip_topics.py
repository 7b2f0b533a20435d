"""TIPS <topic>: what a person asked about, and the nearest entry on it.

"TIPS stop smoking", "tips sleep", "TIPS jedzenie", "tips for carers": the words after
TIPS are read against word lists (English and Polish, without Polish letters so that
"ciąża" and "ciaza" read the same). A topic is a resource category, a diverse-needs
group (report 5.1, 5.2) or a need that makes restricted entries eligible. Saying the
need is how a person tells us it applies ("TIPS pregnant" may bring Healthy Start,
plain TIPS never does); nothing about it is stored. Matching data, never shown.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Final

from companion.engine.resources import (
    LONDON,
    NATIONAL,
    Resource,
    canonical_borough,
    reaches,
)


@dataclass(frozen=True)
class Topic:
    """One thing a person can ask TIPS about.

    Attributes:
        key: The topic's name (a category, a group or a need).
        categories: Entries in these categories match.
        group: Entries especially for this diverse-needs group match.
        grants: Eligibility the person tells us applies by asking.
    """

    key: str
    categories: frozenset[str] = frozenset()
    group: str | None = None
    grants: frozenset[str] = frozenset()

    def matches(self, resource: Resource) -> bool:
        """Whether `resource` is on this topic (eligibility aside)."""
        if self.group is not None:
            return self.group in resource.groups
        if self.categories:
            return resource.category in self.categories
        return bool(self.grants & set(resource.eligibility))


_PREGNANCY = Topic("pregnancy", grants=frozenset({"pregnancy-or-under-4s"}))
_YOUNG = Topic("young-adults", group="young-adults", grants=frozenset({"age-under-26"}))
_OLDER = Topic("older-people", group="older-people", grants=frozenset({"age-over-50"}))

# First match wins, so needs and groups come before the broad categories:
# "TIPS food for my baby" is about pregnancy and young children, not any food tip.
# A word ending in * is a prefix; any other word must be typed whole.
_WORDS: Final[tuple[tuple[Topic, str], ...]] = (
    (_PREGNANCY, "pregnan* baby babies toddler* newborn* ciaz* niemowl* noworod*"),
    (_YOUNG, "young youth student* teen* mlod* mlodziez* nastolat*"),
    (_OLDER, "older elderly pension* retire* senior* starsi starsz* emeryt*"),
    (Topic("women", group="women"), "women woman womens female* girl* kobiet*"),
    (
        Topic("black-and-minority-ethnic", group="black-and-minority-ethnic"),
        "black bame bme ethnic* minorit* asian african* caribbean* racism etniczn* mniejszos*",
    ),
    (
        Topic("lgbtq", group="lgbtq"),
        "lgbt* gay lesbian* bisexual* bi trans transgender* queer nonbinary gej* lesbij*",
    ),
    (
        Topic("disabled-people", group="disabled-people"),
        "disab* deaf* blind* wheelchair* niepelnospraw* gluch* niewidom*",
    ),
    (Topic("carers", group="carers"), "carer* caring opiekun*"),
    (
        Topic("faith", group="faith"),
        "faith* church* mosque* temple* gurdwara* synagog* relig* spiritual* wiar* kosciol*",
    ),
    (Topic("refugees", group="refugees"), "refugee* asylum* migrant* immigra* uchodzc* azyl*"),
    (
        Topic("language", group="language"),
        "english language* translat* interpret* esol jezyk* tlumacz* angielsk*",
    ),
    (
        Topic("medicines", categories=frozenset({"medicines"})),
        "medic* meds med tablet* pill* drug* side prescri* pharmac* lek leki lekow lekami "
        "lekarstw* recept* aptek* tabletk*",
    ),
    (
        Topic("alcohol", categories=frozenset({"alcohol"})),
        "alcohol* drink* booze beer* wine* alkohol* picie piwo wino",
    ),
    (
        Topic("smoking", categories=frozenset({"smoking"})),
        "smok* cig* fag fags vap* nicotine quit* tobacco pal* papieros* nikotyn* tyton*",
    ),
    (
        Topic("sleep", categories=frozenset({"sleep"})),
        "sleep* insomnia tired nap* sen snu spac spanie bezsenn* zmeczen*",
    ),
    (
        Topic("eating", categories=frozenset({"eating"})),
        "food* eat* diet* cook* meal* fruit* veg* nutrition weight jedzeni* jesc gotow* "
        "owoc* warzyw* odzywian* waga",
    ),
    (
        Topic("activity", categories=frozenset({"activity"})),
        "activ* exercis* walk* gym* run* swim* sport* fit* move moving danc* yoga cycl* "
        "bike* ruch* cwicz* spacer* aktywn* basen*",
    ),
    (
        Topic("money", categories=frozenset({"money"})),
        "money debt* benefit* bills cost* cash afford* pieniad* dlug* zasil* rachunk*",
    ),
    (Topic("dental", categories=frozenset({"dental"})), "dent* teeth tooth zeby zab*"),
    (
        Topic("health-checks", categories=frozenset({"health-checks"})),
        "check* checkup* bloods screening badani* kontrol*",
    ),
    (
        Topic("mental-health", categories=frozenset({"mental-health"})),
        "mental* therap* counsel* talking mood anxi* depress* psychiat* wellbeing "
        "psychiczn* terapi* nastroj*",
    ),
    (
        Topic("peer-support", categories=frozenset({"peer-support"})),
        "peer* group* lonel* friend* social* voices wsparci* grup* samotn* przyjaci*",
    ),
    (
        Topic("advocacy", categories=frozenset({"advocacy"})),
        "advoca* rights complain* healthwatch rzecznik* prawa skarg*",
    ),
    (
        Topic("community", categories=frozenset({"community"})),
        "community local volunteer* garden* art arts club* spolecz* wolontar* lokaln*",
    ),
)
_TOKEN: Final = re.compile(r"[a-z0-9]+")
# Letters NFKD does not take apart.
_PLAIN_LETTERS: Final = str.maketrans({"ł": "l", "ø": "o", "ß": "ss"})


def fold(text: str) -> list[str]:
    """The words of `text`, lower case, without accents ("Ciąża!" -> ["ciaza"])."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_PLAIN_LETTERS))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _TOKEN.findall(plain)


def _hits(pattern: str, words: Sequence[str]) -> bool:
    for entry in pattern.split():
        if entry.endswith("*"):
            if any(word.startswith(entry[:-1]) for word in words):
                return True
        elif entry in words:
            return True
    return False


def read_topic(text: str) -> Topic | None:
    """The topic the words after TIPS name, or None when they name none we know."""
    words = fold(text)
    return next((topic for topic, pattern in _WORDS if _hits(pattern, words)), None)


def pick_on_topic(
    directory: Sequence[Resource],
    topic: Topic,
    *,
    borough: str | None,
    already_sent: Collection[str],
) -> Resource | None:
    """The nearest entry on `topic` the person may be sent, one not yet sent first.

    Nearest means the person's borough, then London-wide (for Londoners and anyone
    whose borough is unknown), then national. Retired entries and entries whose
    eligibility the person has not told us about (by asking) are never chosen.

    Args:
        directory: The loaded directory.
        topic: What they asked about.
        borough: Their borough as stored (any case), or None when unknown.
        already_sent: Ids of entries already sent to them.

    Returns:
        The entry to send, or None when nothing on the topic reaches them.
    """
    known = borough is not None and borough.strip() != ""
    home = canonical_borough(borough) if known else None
    in_london = not known or home is not None
    candidates = [
        r
        for r in directory
        if topic.matches(r) and r.may_reach(topic.grants) and reaches(r, home, in_london=in_london)
    ]
    if not candidates:
        return None
    distance = {LONDON: 1, NATIONAL: 2}
    return min(candidates, key=lambda r: (r.id in already_sent, distance.get(r.area, 0)))

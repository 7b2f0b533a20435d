"""The second layer, Polish: crisis meanings as frames over stems.

As `frames_en`, for Polish typed with or without diacritics (they are folded away, and
``ł`` becomes ``l``). Polish inflects, so concepts are stems ("umrz", "zni(k)", "ciezar")
with the endings people use, and word order is free, so the common orders are both
written ("dzisiaj się zabiję", "zabiję się dzisiaj"). "od" (from, since) appears in no
frame: it is not an overdose.
"""

from __future__ import annotations

from typing import Final

from companion.safety.rules import parse_rules

_W = r"[a-z0-9]+"
_OTHER = r"(?!(?:on|ona|oni|one|jej|jego|ich|mu|nie|nigdy)(?![a-z0-9]))"
_G3 = rf"(?: {_OTHER}{_W}){{0,3}}"
_END = r"(?= ?(?:\||$))"

# Wanting, preferring, dreaming, intending; "lepiej" (better) for "lepiej żeby mnie nie było".
_DESIRE = (
    r"(?:chce|chcialabym|chcialbym|chcialam|chcialem|chcialoby sie|wolalabym|wolalbym|wole"
    r"|marze|marzy mi sie|pragne|mam ochote|mam zamiar|zamierzam|planuje|postanowilam"
    r"|postanowilem|najchetniej bym|lepiej|byloby lepiej|byloby latwiej|bylo by lepiej"
    r"|lepiej by bylo|modle sie|modlę sie|prosze boga|blagam)"
)
_GONE = (
    r"(?:umrzec|umierac|zginac|martwej|martwa|martwy|martwym|o smierc|smierci|o smierci"
    r"|zniknela|zniknal|nie zyc|przestac zyc"
    r"|nie istniec|przestac istniec|zniknac"
    r"(?! (?:na (?:weekend|tydzien|chwile|urlop|wakacje|troche)|nad|w gory|do|z "
    r"(?:pracy|domu|internetu))(?![a-z0-9]))|znikac|rozplynac sie|odejsc na zawsze"
    r"|zasnac i (?:sie )?nie obudzic|nie obudzic sie"
    r"|nie budzic sie|byc martwa|byc martwy|skonczyc ze soba|skonczyc ze wszystkim"
    r"|zabic sie|sie zabic|odebrac sobie zycie|zeby mnie nie bylo|mnie nie bylo"
    r"|gdybym nie zyla|gdybym nie zyl|gdybym umarla|gdybym umarl|gdyby mnie nie bylo"
    r"|gdybym zniknela|gdybym zniknal|gdybym nie istniala|gdybym nie istnial"
    r"|sie nie urodzic|sie nie obudzic)"
)
_PILLS = r"(?:tabletki|tabletek|leki|lekow|pigulki|pigulek|tabsy|paracetamol|paracetamolu)"
# Cutting oneself, first person and infinitive: "pocięłam się", "tnę się", "pociąć się".
_CUT = r"(?:(?:po)?ciel(?:am|em|a|i)?|pocial(?:am|em|a)?|(?:po)?ciac|(?:po)?tn(?:e|ie|iesz|ac))"
_WHEN = r"(?:dzis|dzisiaj|jutro|w nocy|dzis w nocy|dzisiaj w nocy|zaraz|wieczorem)"

TABLE: Final = rf"""
suicide polish_wish_not_alive
    {_DESIRE}{_G3} {_GONE}|(?:szkoda|zaluje) ze sie(?: w ogole)? urodzil[a-z]*
    |(?:juz mnie nie bedzie|mnie juz nie bedzie|(?:jak|kiedy|gdy) mnie (?:juz )?nie bedzie)
    (?! (?:w|na|u|do|przez|o|od|w domu|tu o)(?![a-z0-9]))|{_WHEN}(?: {_W}){{0,2}} (?:sie zabije
    |zabije sie|odbiore sobie zycie|skoncze ze soba|sie powiesze|powiesze sie|sie otruje
    |otruje sie|przedawkuje|skocze)|(?:sie zabije|skoncze ze soba)
    (?: {_W}){{0,2}} {_WHEN}|skoncze z tym(?: {_W}){{0,2}} (?:w nocy|na zawsze
    |raz na zawsze)|odbiore sobie zycie|mam dosc (?:zycia|zyc|tego zycia)
    |{_DESIRE}(?: {_W}){{0,4}}(?: skonczylo| skonczylo sie| skonczyc| minelo| ustalo)
    (?: {_W}){{0,2}} (?:na zawsze|raz na zawsze|na dobre)
    |nie chce (?:juz )?(?:tu |tutaj )?(?:byc|istniec)(?: (?:tutaj|tu|na tym swiecie|dluzej
    |wiecej))?{_END}|nie chce sie(?: {_W})? obudzic|(?:zeby|oby|mam nadzieje ze) sie
    (?: nie obudze| juz nie obudze)
self_harm polish_self_harm_frame
    {_CUT} sie|sie {_CUT}|okalecz[a-z]*|(?:przypal(?:am|ilam|ilem|ac)|zranilam|zranilem
    |zranic|ranie) sie(?! (?:o|na|przy|nozem do)(?![a-z0-9]))|sie (?:przypal(?:am|ilam|ilem|ac)
    |ranie
    |zranilam|zranilem|zranic)(?! (?:o|na|przy|nozem do)(?![a-z0-9]))|sobie(?: {_W})? krzywd[a-z]*
    |krzywd[a-z]* sobie|{_CUT} (?:sobie )?(?:rece|reke|nadgarst[a-z]*|uda|udo|brzuch|skore
    |ramiona|ramie|nogi|noge)
overdose polish_overdose_frame
    (?:wzi[ea]l[a-z]*|wezme|polknel[a-z]*|polknal[a-z]*|lyknel[a-z]*|lyknal[a-z]*|zazyl[a-z]*
    |polkne|lykne)(?: {_W})? (?:za duzo|cale opakowanie|cala paczke|cala fiolke|garsc|garsci
    |kilkanascie|kilkadziesiat|[1-9][0-9]+)(?: {_W})? {_PILLS}
suicide polish_plan
    (?:odklad[a-z]*|zbier[a-z]*|gromadz[a-z]*|chowam|chowalam|chowalem|odlozyl[a-z]*
    |odlozon[a-z]*|uzbieral[a-z]*)(?: {_W}){{0,2}} {_PILLS}|(?:wziac|wezme|lyknac|lykne
    |polknac|polkne|polknelam|polknalem|nalykac)(?: {_W})? wszystkie(?: {_PILLS}| naraz)
    |wszystkie {_PILLS} naraz|(?:dosc|wystarczajaco|tyle)(?: duzo)? (?:lekow|tabletek)
    (?: {_W}){{0,2}} zeby|(?:kupil[a-z]*|mam|przygotowal[a-z]*|schowal[a-z]*)(?: {_W})?
    (?: sznur| stryczek)(?! do)|z (?:ktorego|jakiego) mostu|z ktorego (?:skocze|sie rzuce)
    |(?:skocze|skoczyc|rzuce sie
    |rzucic sie)(?: {_W})? (?:z|pod) (?:mostu|okna|dachu|balkonu|wiezowca|pociag|samochod
    |tramwaj|auto|bloku)|(?:wiem|wymyslil[a-z]*|zaplanowal[a-z]*|mam plan)(?: juz)?
    (?: (?:jak|kiedy|gdzie) (?:to )?(?:zrobie|zrobic|sie zabije|sie zabic))|(?:szukal[a-z]*
    |sprawdzal[a-z]*|czytal[a-z]*|googl[a-z]*|gugl[a-z]*)(?: {_W}){{0,3}} (?:jak sie zabic
    |jak umrzec|ile tabletek|jak przedawkowac|jak odebrac sobie zycie|sposob[a-z]* na smierc)
suicide polish_goodbye
    list[a-z]* pozegnaln[a-z]*|pozegnaln[a-z]* list[a-z]*|oddal[a-z]*(?: {_W})? (?:wszystkie )?
    (?:swoje |moje )?(?:rzeczy|ubrania|wszystko)(?! do(?![a-z0-9]))
    |to (?:jest )?moje pozegnanie|zegnajcie|zegnaj(?: swiecie
    | wszystkim)|zegnam (?:wszystkich|was|sie z wami)|pozegnal[a-z]* sie ze wszystkimi
    |pozegnani[a-z]* (?:do|dla) (?:rodziny|was|wszystkich|mamy|dzieci|bliskich)
    |napisal[a-z]* pozegnanie|(?:to )?(?:jest )?(?:moja )?ostatnia wiadomosc{_END}
    |(?:to )?(?:jest )?(?:moj )?ostatni (?:sms|esemes|wpis){_END}
    |ostatni raz (?:pisze|sie odzywam)|rozdal[a-z]*(?: {_W})? (?:swoje |moje )?
    (?:rzeczy|ubrania|wszystko)|dziekuje za wszystko(?: \|)? (?:zegnaj[a-z]*|do widzenia
    |zegnam)
hopelessness polish_hopeless
    nie widz[a-z]* (?:juz )?(?:zadnego |zadnej |dla (?:siebie|mnie) )?(?:sensu(?! (?:w tym|tego
    |w tych|w tej
    |pytan)(?![a-z0-9]))|wyjscia
    |przyszlosci|nadziei)|(?:wszystko|zycie|moje zycie|to wszystko|nic)(?: {_W})? (?:jest )?
    bez sensu|nie (?:dam|daje) (?:juz )?rady(?: (?:dluzej|juz|tak dalej|z tym|ze wszystkim
    |zyc|zniesc|wytrzymac|wiecej))?(?= ?(?:\||$)| (?:dluzej|juz|tak dalej|z tym|ze wszystkim
    |zyc|i|nic))|nie wytrzym[a-z]*(?: juz)? (?:tego |tak )?(?:dluzej|juz|tak dalej
    |psychicznie|ze soba|z tym)|nie wytrzym[a-z]*(?: juz)?{_END}|nie mam (?:juz )?(?:sily
    |sil|po co|dla kogo) (?:zyc|zyc dalej|dalej)|nie mam po co zyc|nie mam (?:juz )?(?:sily
    |sil){_END}|nic sie nie zmieni|nigdy nie bedzie lepiej|nie ma (?:juz )?(?:dla mnie )?
    (?:nadziei|ratunku|wyjscia)|mam dosc (?:wszystkiego|siebie)|nie ma (?:juz )?sensu (?:zyc
    |zycia|dalej|niczego)|(?:jestem|czuje sie)(?: {_W}){{0,2}} (?:bezwartosciow[a-z]*
    |beznadziejn(?:a|y)|niepotrzebn(?:a|y)|nic nie wart[a-z]*|zbedn(?:a|y))(?! w )
hopelessness polish_burden
    (?:jestem|czuje sie)(?: {_W}){{0,3}} ciezar[a-z]*|(?:bedzie|byloby|bylo by|beda|bedzie im
    |bedzie wszystkim)(?: {_W}){{0,2}} lepiej beze mnie|lepiej(?: {_W}){{0,2}} beze mnie
    |(?:szczesliw[a-z]*|lepiej|latwiej|lepsze)(?: {_W}){{0,2}} beze mnie
    |nikt by (?:nawet )?nie (?:zauwazyl|zauwazyla|tesknil|tesknila|zalowal|plakal)[a-z]*
    |nikt (?:nie )?(?:bedzie )?(?:za mna )?tesknic|(?:tylko )?(?:wszystkim|innym|rodzinie)
    (?: przeszkadzam)|jestem (?:tylko )?problemem dla
overdose polish_all_at_once
    (?:wziac|lyknac|polknac|wezme|lykne|polkne|zazyc|zazyje)(?: {_W})? (?:wszystko|wszystkie
    |cale opakowanie|wszystkie opakowania)(?: {_PILLS})? (?:naraz|na raz|jednoczesnie)
suicide polish_when_gone
    (?:na wypadek )?gdyby mnie (?:juz )?nie bylo(?! (?:w|na|u|do|przez|o|od)(?![a-z0-9]))
    |(?:gdy|kiedy|jak) mnie zabraknie|po mojej smierci
suicide polish_more
    (?:zrobie to|to zrobie)(?: {_W}){{0,3}}(?: \|)?(?: {_W}){{0,2}} (?:mam wszystko|wszystko)
    (?: jest)? (?:przygotowane|gotowe|zaplanowane)|(?:schowane|odlozone|zebrane|ukryte
    |zachomikowane) {_PILLS}|{_PILLS} (?:schowan[a-z]*|odlozon[a-z]*|ukryt[a-z]*|zebran[a-z]*)
    |list[a-z]* (?:do|dla)
    (?: rodziny| dzieci| mamy| taty| bliskich| wszystkich)(?: \|)?(?: {_W}){{0,3}}
    (?: przepraszam| kocham| zegnaj[a-z]*)|dziekuje za wszystko(?: \|)? (?:to (?:juz )?koniec
    |zegnaj[a-z]*|do widzenia)
hopelessness polish_hopeless_more
    (?:nic|zycie|moje zycie|wszystko) (?:juz )?nie ma (?:juz )?(?:dla mnie )?sensu
    |nie chce (?:juz |dluzej |wiecej )+zyc
suicide polish_more_ways
    {_WHEN}(?: {_W}){{0,3}} (?:sie skonczy|skonczy sie)|zapas (?:tabletek|lekow|pigulek)
    |(?:tabletek|lekow)(?: {_W}){{0,2}} zeby (?:to )?(?:zakonczyc|skonczyc|umrzec)|wiem
    (?: juz)? (?:gdzie i kiedy|kiedy i gdzie|jak i kiedy|kiedy i jak)|list[a-z]*
    (?: {_W}){{0,3}} na pozegnanie
unsafe polish_unsafe
    nie (?:jestem|czuje sie) (?:tu |w domu |teraz )?bezpieczn[a-z]*(?! (?:za kierownica|prowadzic
    |jezdzic|na drodze|po lekach)(?![a-z0-9]))|(?:boje sie|przeraza mnie|przerazon[a-z]*)
    (?: (?:go|jej|ich|meza|partnera|partnerki|ojca|taty|brata|o swoje zycie|wracac do domu))
    |(?:bije|bil|uderzyl|uderza|dusil|dusi|grozi|grozil|zgwalcil)(?: {_W})? mnie|mnie (?:bije|bil
    |bila|uderzyl|uderza|dusil|dusi|zgwalcil|kopie|kopal)

"""

RULES: Final = parse_rules(TABLE)

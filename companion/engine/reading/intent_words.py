"""The words people use, by what they mean: the lexicon behind `read_intent`. Data only.

English and Polish (folded: no accents, "ł" is "l"). Written from what people text:
short, lower case, typos, no apostrophes. A label names what a phrase points to;
`companion.engine.reading.intent` decides what a combination of labels means. Crisis
language is not here: it is detected before any of this runs.

Tuning notes: a stem must not swallow a common word of another meaning ("med*" would
take "media", so medicines are listed; Polish "lek" is medicine but "lęk" folds to the
same letters, so anxiety is read from other words).
"""

from __future__ import annotations

from collections.abc import Mapping

from companion.engine.commands import CommandName
from companion.engine.reading.numbers import word_set

CLASSES: Mapping[str, str] = {
    "med": "pill pills tablet* meds medic* medz injection* depot jab jabs dose* capsule* "
    "clozapine olanzapine aripiprazole risperidone quetiapine lithium haloperidol "
    "paliperidone amisulpride sertraline fluoxetine mirtazapine sodium valproate lamotrigine "
    "antipsychotic* antidepressant* leki lekow lekami lekach lekarstw* tabletk* pigulk* "
    "zastrzyk* dawk*",
    "texts": "text* txt* messag* sms* msg* contact* sending bother* questions "
    "wiadomosc* smsow* esemes* pytan*",
    "many": "many much often lot lots",
    "person": "person someone somebody human humans real people staff nurse worker "
    "coordinator care keyworker anyone anybody",
    "data": "data information info details answers records",
    "day": "today tomorrow monday tuesday wednesday thursday friday saturday sunday "
    "mon tue tues wed thu thur thurs fri sat sun",
}

# One table, read in one pass; the labels are combined in `intent`.
CUES: Mapping[str, str] = {
    # wanting to stop everything
    "stop": "stop @texts|stop ... @texts|stop this|stop it|stop these|stop them|stop now|"
    "dont @texts me|do not @texts me|dont send me|no more @texts|"
    "unsubscrib*|unsubscribe|unsubcribe|opt out|optout|leave me alone|take me off this|"
    "take me off the list|take me off your|remove me|remove my number|delete my number|"
    "want out of this|i want out|want to leave this|"
    "dont want this|dont want these|dont want any more|dont want anymore|"
    "cancel this|cancel it|cancel subscription|cancel my subscription|cancel ... @texts|"
    "not interested|"
    "wypisz*|wypiszcie|nie pisz*|przestan* pisac|przestac pisac|przestac wysylac|"
    "przestan* wysylac|przestancie|koniec z|rezygnuj*|"
    "nie chce ... wiadomosci|nie chce ... smsow|nie chce ... sms|dajcie mi spokoj|"
    "stpo|sotp|stopp|stoop",
    # wanting fewer or different messages (not stopping)
    "fewer": "too @many @texts|so @many @texts|@texts ... too @many|@texts ... so @many|"
    "@texts ... so often|@texts ... every day|@texts ... too often|fewer|less @texts|"
    "less often|not so often|not every day|once a week|stop asking|quiet hours|quiet time|"
    "@texts ... at night|@texts ... so early|@texts ... too early|@texts ... so late|"
    "@texts ... too late|@texts ... in the morning|too early|"
    "break from ... @texts|break from these|pause ... @texts|pause these|hold ... @texts|"
    "change ... check in time|different time|later in the day|text me later|text me earlier|"
    "za duzo ... @texts|tyle @texts|mniej @texts|rzadziej|cisza nocna|@texts ... w nocy|"
    "przerwa od @texts|przerwe od @texts|inna godzin*|pozniej w ciagu dnia|za czesto|"
    "zbyt czesto",
    # fewer messages because of when they come (said with "fewer": night, early, late)
    "night": "at night|night time|nighttime|too early|so early|too late|so late|"
    "in the morning|quiet|w nocy|nocna|nocne|za wczesnie|za pozno|rano",
    # wanting a person
    "talk": "talk to @person|talk to a @person|talk to a real|speak to @person|"
    "talk to my @person|speak to my @person|speak with my @person|"
    "speak to a @person|speak with|talk with @person|chat to @person|real person|"
    "actual person|a human|call me back|call me please|please call me|can you call me|"
    "can someone call|could someone call|ring me|phone me|give me a call|"
    "someone to call|anyone there|anybody there|someone to talk to|"
    "porozmawiac z|rozmawiac z|zadzwon* do mnie|zadzwoncie|prawdziwa osoba|"
    "prawdziwym czlowiekiem|"
    "z czlowiekiem|czy ktos",
    "privacy": "my @data|privacy|private|confidential|gdpr|data protection|"
    "who sees|who can see|who will see|who reads|who can read|who will read|"
    "who has access|share my|sell my|selling my|pass on my|keep my @data|"
    "will my ... see|can my ... see|does my ... see|do my ... see|who actually reads|"
    "who actually sees|who else sees|who else can see|who else reads|does she see|does he see|"
    "do they see|will she see|will he see|will they see|"
    "delete everything|delete my info|delete my details|delete all my|erase my|"
    "moje dane|moich danych|moimi danymi|prywatn*|poufn*|kto widzi|kto czyta|usun* moje|"
    "kto ma dostep|kto zobaczy|rodo",
    "who": "who is this|who is that|whos this|whos that|who are you|who r u|who dis|"
    "who this|what is this|whats this|what is companion|whats companion|who is texting|"
    "whos texting|who is messaging|who texted me|what r u|whose number|this number|"
    "kim pan jest|kim pani jest|kto pisze|kto do mnie pisze|"
    "what are you|are you a bot|is this a bot|are you a robot|is this automated|"
    "are you real|am i talking to|kto to|kto tu|kto tam|kim jestes|kim jestescie|"
    "co to jest|co to za|czy to bot",
    # measurements (a number must follow for a reading)
    "m:weight": "weight|weigh|weighs|weighed|weighing|wieght|weigth|waight|"
    "waga|wage|wazy|waze|wazylam|wazylem",
    "m:bp": "bp|blood pressure|pressure|b p|cisnieni*",
    "m:glucose": "sugar*|glucose|glucoze|gluc*|bm|bms|cukier|cukru|glukoz*",
    "m:waist": "waist|waistline|wasit|talia|talii|w pasie|obwod*",
    "m:hba1c": "hba 1 c|hb a 1 c|a 1 c",
    # side effects: the eight domains, in people's words
    "sidefx": "side effect*|side affect*|sideeffect*|skutk* uboczn*|efekt* uboczn*",
    "effect": "dry mouth|mouth ... dry|"
    "dizz*|light headed|lightheaded|heart racing|heart is racing|racing heart|"
    "palpitation*|shaky|shaking|shakes|tremor*|trembl*|stiff*|restless*|cant sit still|"
    "drows*|sleepy|groggy|slowed down|zombie|sedated|spaced out|foggy|blurr*|"
    "constipat*|feel sick|feeling sick|felt sick|nause*|upset stomach|stomach upset|"
    "stomach ache|thirsty|weeing a lot|peeing a lot|passing water|pee a lot|wee a lot|"
    "sex drive|libido|periods|put on weight|putting on weight|piling on|gaining weight|"
    "gained weight|weight gain|gain weight|put on ... stone|put on ... kg|put on ... pound*|"
    "gained ... stone|gained ... kg|gained ... pound*|always hungry|hungry all the time|appetite|"
    "drool*|dribbl*|twitch*|"
    "sucho* w ustach|zawrot*|senn*|spiacy|spiaca|drzen*|trzes*|drza mi|"
    "sztywn*|mdlosci|nudnosci|zaparci*|pragnieni*|przytyl*|tyje|apetyt*",
    "unwell": "unwell|ill|poorly|rough|awful|terrible|funny|weird|strange|not right|"
    "not well|bad reaction|reaction|sick|headache*|rubbish|crap|horrible|dreadful|groggy|"
    "zle sie czuje|zle po|slabo|dziwnie",
    "med": "@med",
    "missed": "forgot ... @med|forget ... @med|forgotten ... @med|forgetting ... @med|"
    "missed ... @med|"
    "didnt take ... @med|did not take ... @med|havent taken ... @med|not taken ... @med|"
    "skipped ... @med|skip ... @med|ran out of ... @med|run out of ... @med|"
    "stopped taking|not taking ... @med|didnt have ... @med|"
    "zapomnial* ... @med|nie wzial* ... @med|nie wziel* ... @med|pominal* ... @med|"
    "pominel* ... @med|skonczyly mi sie|nie biore",
    "changed": "changed ... @med|change ... @med|changing ... @med|switched ... @med|"
    "new @med|started on ... @med|started ... new @med|starting ... @med|"
    "take me off ... @med|taking me off ... @med|coming off ... @med|came off ... @med|"
    "put me on ... @med|upped ... @med|"
    "increased ... @med|reduced ... @med|lowered ... @med|@med ... changed|"
    "@med ... increased|@med ... reduced|@med ... went up|@med ... went down|"
    "zmienil* ... @med|zmienia ... @med|nowe @med|nowy @med|nowa @med|zmiana ... @med|"
    "zwiekszyl* ... @med|zmniejszyl* ... @med",
    "remind": "remind me|reminder to|reminder for|reminder at|a reminder|set reminder|"
    "can you remind|could you remind|przypomni* mi|przypomnienie|ustaw* przypomnienie",
    "appt": "appointment*|appt|apointment*|appoinment*|appointmen*|wizyt*|termin",
    "clinic": "gp|doctor|doctors|dentist|nurse|clinic|hospital|psychiatrist|optician|"
    "physio|cpn|therapist|counsellor|review|blood test|health check|lekarz*|dentyst*|"
    "przychodni*|psychiatr*|pielegniark*",
    # wanting to know about a health topic
    "t:smoking": "smok*|cig*|fags|vap*|nicotine|palen*|papieros*|rzucic palenie|palic",
    "t:sleep": "sleep|sleeping|insomnia|cant sleep|spac|spanie|snu|bezsennosc",
    "t:eating": "eat|eating|diet*|food|healthy|lose weight|losing weight|cook*|"
    "jedzeni*|jesc|diet*|odchudz*|schudnac",
    "t:activity": "exercis*|gym|fitness|fitter|get fit|keep fit|active|activity|walking|"
    "swimming|running|"
    "cwiczen*|ruch*|aktywn*",
    "t:alcohol": "alcohol|drinking|booze|beer|wine|units|pint*|alkohol*|picie",
    "ask": "how|how do|how can|any tips|tips|tip|advice|help with|help me|ideas|"
    "want to|trying to|should i|can you|ways to|where can|info on|jak|porad*|pomoz*|"
    "chce|chcialbym|chcialabym|pomysl*|?",
    # good news
    "good": "went for a walk|been for a walk|had a walk|walked|went for a run|went running|"
    "went ... walk|been ... walk|had ... walk|went ... run|went ... swim*|did ... mins|"
    "did ... minutes|exercise bike|worked out|workout|smoke free|smokefree|much better|"
    "lot better|loads better|feeling ... better|"
    "went swimming|went to the gym|been to the gym|did my goal|goal done|met my goal|"
    "goal is done|done my goal|hit my goal|smashed my goal|reached my goal|"
    "did it|i did it|managed to|managed|feeling better|feel better|felt better|"
    "feeling good|feel good|feeling great|feel great|good day|great day|good week|"
    "great week|proud|well done me|quit smoking|stopped smoking|gave up smoking|"
    "havent smoked|no cigarettes|lost weight|lost ... pound*|lost ... stone|lost ... kg|"
    "lost ... lb|lost ... lbs|lost ... kilo*|slept well|"
    "good sleep|good night sleep|cooked|healthy meal|ate well|"
    "lepiej sie czuje|czuje sie lepiej|czuje sie dobrze|dobry dzien|dobry tydzien|"
    "spacer*|udalo mi sie|jestem dumn*|rzucilem|rzucilam|schudl*",
    # a hard time (not crisis: that is caught before this runs)
    "hard": "lonely|loneliness|alone|on my own|isolated|no one to talk|nobody to talk|"
    "no friends|hard week|hard day|hard time|rough week|rough day|tough week|tough day|"
    "tough time|bad week|bad day|horrible week|awful week|struggl*|feeling low|feel low|"
    "so low|really low|very low|quite low|pretty low|bit low|low today|low at the moment|"
    "feeling down|feel down|felt down|so down|bit down|really down|down today|"
    "depress*|anxious|anxiety|"
    "stress*|worried|scared|overwhelm*|cant cope|not coping|fed up|upset|crying|cried|"
    "sad|miserable|hard at the moment|really hard|been hard|"
    "samotn*|sam jak palec|ciezk*|ciezko|smutn*|przygnebi*|niepokoj*|zestresowan*|"
    "stres*|dolujac*|zle mi|nie radze sobie|nie daje rady",
    "thanks": "thank*|thanx|thnx|thnks|thx|tyvm|cheers|appreciate*|ta very much|ta muchly|"
    "dzieki|dziekuje|dziekujemy|dziekuj*|dzienks|dzieks|🙏",
}

# The whole message is a misspelt keyword: HELP gets the HELP reply, with every number.
HELP_TYPOS = word_set(
    "hlep hepl helo halp hel hekp hrlp jelp hwlp heop helpp hellp heelp hlp elp hep "
    "hepp hrlp hwelp hlpe ehlp pomocy pomocc pomooc pmoc pomc ponoc pomic"
)
HELP_TAILS = word_set("me please pls plz now")
COMMAND_TYPOS: Mapping[str, CommandName] = {
    **dict.fromkeys(
        word_set("meny mneu menue mnue emnu manu menus menyu mebu mwnu nenu menuu mnu mneu"),
        CommandName.MENU,
    ),
    **dict.fromkeys(word_set("lgo olg logg loog l0g lpg chekin chek"), CommandName.LOG),
    **dict.fromkeys(word_set("tipps tisp tps tipz"), CommandName.TIPS),
    **dict.fromkeys(("my weak", "myweek", "my wk", "my weeek"), CommandName.MY_WEEK),
    **dict.fromkeys(("mydata", "my dta", "my datta"), CommandName.MY_DATA),
}

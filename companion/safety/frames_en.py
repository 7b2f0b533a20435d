"""The second layer, English: crisis meanings as frames over small concept lexicons.

The lexicon (`lexicon`) knows phrasings; this layer knows meanings. A frame is a
self-directed desire, intent, plan or judgement followed, within a few words, by a
concept of death, not existing, harm or hopelessness: "i [just kind of] wish [i could]
fade away", "it would be [such] a relief if i didnt wake up", "[my family] would be
happier if i wasnt here". Each concept is a short list of words and stems, so a new
paraphrase of a known meaning matches without a rule of its own. Frames read
`text.fold`ed text (no apostrophes, one spelling per word); gaps are bounded, so
matching stays linear, and a gap never crosses a clause break or another person's
pronoun ("i wish he was dead" is not the sender's own wish).
"""

from __future__ import annotations

from typing import Final

from companion.safety.concepts_en import (
    DESIRE,
    END,
    G1,
    G3,
    GONE,
    MEDS,
    PEOPLE,
    W,
)
from companion.safety.rules import parse_rules

TABLE: Final = rf"""
suicide wish_not_alive
    (?:(?:i|im|id|ive|just|really|honestly|sometimes|part of me|keep|still|only)
    {G1} )?{DESIRE}{G3} {GONE}
suicide relief_if_gone
    (?:easier|better|a relief|relief|fine|ok|okay|happy|glad|peaceful|nice|best|good|welcome it
    |welcome)
    (?: for (?:everyone|all|me|everybody))?(?: if| when| to)(?: i)?(?: just| could)?
    (?: {GONE})|(?:fine|ok|okay|happy|at peace|alright) with (?:dying|death|being dead
    |not waking up|not being here|it all ending)|(?:wouldnt|would not|dont|do not|not)
    (?: even)? (?:mind|care|be bothered|be sad)(?: about)?(?: (?:if|whether|when) (?:i
    (?: just)?(?: {GONE})|i live or die)| dying| being dead| not waking up| not existing)
    |if i (?:died|was dead|were dead|wasnt here|didnt wake up|disappeared|was gone|killed
    (?: myself))(?: {W}){{0,3}} (?:wouldnt|would not|doesnt|does not|dont|wont|will not)
    (?: matter| care| mind| be missed| make (?:a|any) difference| change anything)
    |(?:bus|car|lorry|train|truck)(?: {W}){{0,2}} (?:hit|hits|ran over|runs over|killed
    |kills) me(?: {W}){{0,3}} (?:wouldnt|would not|dont|not) (?:care|mind|be bothered)
    |(?:god|someone|something|death|the universe)(?: would| to| will)?(?: just)?
    (?: come and)? (?:take me|takes me|took me|end it|end this|end me|kill me)(?! (?:to|for|out|home
    |back)(?![a-z0-9]))
suicide intent_to_end
    (?:end|ending)(?: it all| things| everything| my life| this life| it)(?! with| between)
    (?: {W}){{0,2}} (?:tonight|tomorrow|today|for good|forever|for ever|once and for all
    |this week|this weekend|soon)|(?:finish|finishing|stop|stopping)(?: it| it all
    | everything| things)(?: {W}){{0,2}} (?:for good|forever|for ever|once and for all)
    |(?:decided|ready|planning|plan|intend|intending|prepared|about|time for me)(?: now)? to (?:die
    |be dead|leave this world|check out)|done (?:with )?(?:living|being alive
    |existing|this life)|make sure i (?:dont|never|wont|do not) (?:wake up|wake|survive)
    |(?:not|wont|will not|never)(?: going to)?(?: be)? (?:alive|here|around)(?: {W})?
    (?: (?:by|after) (?:tomorrow|tonight|morning|the morning|the weekend|monday|christmas
    |next|then|the end)| much longer| for much longer| for long| tomorrow(?= ?$))
    |(?:ill|i will|im going to|going to) be dead(?: {W}){{0,2}} (?:by|before|tomorrow
    |tonight|soon|morning)
suicide plan_or_means
    how (?:many|much)(?: of)?(?: my| the)? {MEDS}(?: {W}){{0,3}} (?:it takes|it would take
    |would take|to take to|would kill|to kill|to die|is lethal|is fatal|to overdose|to od
    |is too many|is an overdose)|(?:how to|ways? to|best way to|methods? (?:of|to)
    |easiest way to|quickest way to|painless way to|painless ways to) (?:die|kill myself
    |end (?:my|your|a) life|end it|commit suicide|overdose|hang myself|not wake up)
    |(?:got|have|bought|buy|buying|ordered|found|hid|hidden|keep|keeping)(?: {W}){{0,2}}
    (?: a| the)? (?:rope|noose|ligature|exit bag)(?! for (?:the )?(?:washing|tent|boat
    |dog|climbing|gym|swing))|(?:saved|saving|stockpiled|collected|hoarded)(?: up)?
    (?: enough)(?: {W})? {MEDS}
    |(?:enough|plenty of)(?: {W})? {MEDS}(?: {W}){{0,2}}
    (?: to| for)(?: {W}){{0,2}} (?:do it|die|end it|kill|not wake|overdose|od|end my life
    |be done|finish it)|(?:bought|buying|buy|got|getting|collect|collecting|collected|saving
    |saved|stockpiling|stockpiled|hoarding|hoarded|stashing|stashed|hiding|hid)
    (?: {W}){{0,3}} {MEDS}(?: {W}){{0,4}} (?:different shops|different chemists
    |so no one|so nobody|without anyone|no one knows|nobody knows|for weeks|for months
    |for a while|just in case|from (?:my |the )?(?:carer|carers|nurse|nurses|mum|dad|family
    |partner|husband|wife|staff|cpn|everyone))|(?:stash|stockpile|hoard|secret supply
    |hidden supply|pile) of(?: my| the)? {MEDS}|(?:tallest|highest)(?: {W})? (?:bridge
    |bridges|building|buildings|cliff|cliffs|car park|multi storey|block of flats)
    |(?:how|what) (?:high|tall|far a drop)(?: {W}){{0,3}} (?:to die|to survive|would kill
    |to kill)|(?:know|decided|worked out|figured out|planned|picked|chosen
    |chose|sorted)(?: out)?(?: exactly)? (?:how|when|where|which (?:bridge|building
    |car park|cliff|tablets|pills|rope|method|way|spot|place|day|night))(?: {W}){{0,3}}
    (?: do it| use| jump| doing it| end it)|(?:got|have|made|make|making|with) a plan
    (?: and the means| to do it| to end it| for tonight)?{END}|(?:thinking|thought|think
    |dreaming|dream|fantasising|obsessing)(?: {W})? (?:about|of)(?: {W}){{0,2}}
    (?: the)? (?:train tracks|railway|tracks|jumping|jump off|the edge|stepping in front
    |walking in front|walking into traffic|drowning|hanging|ending it)(?! (?:in|into)
    (?: the)? (?:pool|sea|lake|shower|bath|puddles))
suicide preparing_goodbye
    (?:when|after|once|for when)(?: i)? (?:im|i am|am) (?:gone|dead|not here|not around
    |no longer here|no longer around)(?! (?:on|to|for|away|out|shopping|at|in|from|abroad
    |tomorrow|next|this)(?![a-z0-9]))|by the time you (?:read|get|see) this|(?:letter|letters
    |note|notes
    |message|messages|video|videos) (?:for|to) (?:my )?{PEOPLE}(?: {W}){{0,4}}
    (?: goodbye| im sorry| i love| for when| for after)|(?:written|wrote|writing|left
    |leaving) (?:a |my |some )?(?:letter|letters|note|notes) (?:for|to) (?:my |all )?
    (?:{PEOPLE}|everyone)(?! (?:to|about|asking|saying the|for the|with)(?![a-z0-9]))
    |(?:given|giving|gave|give)(?: {W}){{0,2}} (?:stuff|things|belongings|possessions)
    (?: away)(?! to (?:a )?(?:charity|oxfam|the charity))|(?:given|giving|gave|give) away
    (?: all)?(?: of)? my(?: {W})? (?:stuff|things|belongings|possessions)(?! to (?:a )?
    (?:charity|oxfam|the charity))|(?:sorted|sorting|made|making|written|wrote|writing
    |updated|got)(?: out)?(?: {W})? (?:will|affairs|funeral)(?: {W}){{0,6}} (?:wont need
    |so nobody|so no one|who gets what|when im gone|before i go|for after)|(?:sorted
    |sorting|put|putting|getting|got)(?: out)? my affairs(?: in order)?|wont need
    (?: {W}){{0,4}} (?:after (?:tonight|today|this)|where im going|much longer|soon)
    |(?:last|final) (?:time|message|text|words)(?: {W}){{0,2}} (?:hear from me|from me
    |ever|youll get|you will get|youll hear)|(?:my|the) (?:last|final) (?:message|text
    |goodbye)(?= ?(?:\||$))|(?:thank you|thanks|thank you so much|ty)(?: {W}){{0,2}} for
    (?: everything| all youve done| all you have done| trying)(?: {W}){{0,3}}(?: \|)?
    (?: goodbye| bye| farewell)|goodbye (?:all|you all|everyone|everybody|my friends)
    |(?:said|saying|say)(?: my)? goodbyes|(?:said|saying|say) goodbye to (?:everyone
    |people|you all|all|everybody)
    |(?:wanted|want|just want) to say(?: thank you and)? goodbye|(?:bye|goodbye) forever
    |sorry for everything(?: {W}){{0,3}}(?: \|)?(?: {W}){{0,3}} (?:bye|goodbye|love you)
    |love you all(?: \|)?(?: {W}){{0,2}}(?: \|)? (?:bye|goodbye|sorry|forgive me)
    |(?:gave|given|giving|give) away(?: {W}){{1,6}}(?: \|)? (?:wont|will not|not going to) need
    |tell (?:my )?(?:{PEOPLE}|everyone|them|her|him)(?: that)? (?:i love (?:her|him|them
    |you|u)|im sorry|i am sorry|sorry|i loved)
suicide intent_unstoppable
    (?:no one|nobody|noone) (?:can|will|could) stop me(?: \|)?(?: {W}){{0,5}} do it
suicide means_kept
    (?:[1-9][0-9]+|loads of|lots of|a load of|dozens of|hundreds of|enough)(?: of)?
    (?: my| the)? {MEDS} (?:saved|stashed|hidden|stored|put away|put aside|kept back)
    |(?:bridge|cliff|roof|building|car park|multi storey|balcony|tower|block of flats)
    (?: {W}){{0,6}} how (?:high|tall|far down|high up|far the drop|big the drop)
suicide affairs_in_order
    (?:in order|sorted|sorted out)(?: {W}){{0,3}} (?:so (?:no one|nobody) (?:has|will have
    |needs|would have) to|for (?:after|when im gone)|(?:before|after|when) (?:i go|im gone))
    |(?:left|leaving|written down|wrote down|writing down|given|gave)(?: {W}){{0,2}}
    (?: bank details| passwords| pin numbers| account details| login details)(?: {W}){{0,3}}
    (?: for| to| with) (?:my )?(?:{PEOPLE}|someone|them)|(?:my|the) (?:last|final)
    (?: message| text) to (?:anyone|anybody|you|you all|everyone|the world)|look after
    (?: my| the) (?:cat|dog|kids|children|pets?|son|daughter|fish|babies)(?: {W}){{0,4}}
    (?: \|)?(?: {W}){{0,2}} (?:wont|will not|not going to) be (?:around|here)(?= ?(?:\||$))
suicide intent_covert
    tonight(?: is|s) the night|(?:got|have) everything (?:ready|prepared|sorted)(?= ?(?:\||$))
    |(?:ill|im going to|going to|i will) do it(?: tonight| today| tomorrow| later| then)?
    (?: when| while| once| after) (?:everyones|everyone
    |everybodys|everybody|the kids|they|my (?:partner|husband|wife|mum
    |family))(?: {W}){{0,2}} (?:asleep|out|gone
    |at work|away|in bed)|(?:drive|driving|drove)(?: my car| the car)?(?: {W}){{0,2}}
    (?: off| over)(?: the| a)? (?:cliff|bridge|edge|motorway bridge)
suicide means_more
    how (?:many|much) {MEDS}(?: {W}){{0,3}} (?:would be enough|is enough|would do it)
    |(?:fast|express|non stop) (?:trains?|ones) (?:that|which) (?:dont|do not|never)
    (?: stop)(?! at)|(?:place|somewhere|spot) (?:where|that) (?:nobody|no one) (?:would|will|could
    |can) find me|(?:hose ?pipe|hose|tube)(?: {W}){{0,3}} (?:car )?exhaust|exhaust fumes
    |(?:my|own) funeral (?:songs?|plans?|music|hymns?|wishes|arrangements)|plann(?:ed|ing)
    (?: my)(?: own)? funeral|wont (?:be )?need(?:ing)? any of (?:it|this|them)(?: anymore
    | soon| after)?(?= ?(?:\||$))|(?:gets?|read|reads|find|finds) my (?:message|letter|note)s?
    (?: after| afterwards)(?= ?(?:\||$))
suicide someone_else_harm
    (?:kill|killing|killed|kills|hang|hanged|hanging|hangs) (?:himself|herself|themselves
    |themself)|(?:cut|cutting|cuts|hurt|hurting|hurts|harm|harming|harms|burn|burning)
    (?: himself| herself| themselves)|(?:end|ending|ended|take|taking|took) (?:his|her|their)
    (?: own)? life(?! (?:back|into|savings|in)(?![a-z0-9]))
suicide intent_more
    (?:this weekend|tonight|today|tomorrow|this) (?:is|will be|s) my last(?: night| time)?
    (?= ?(?:\||$))|(?:jump|jumping|throw myself|throwing myself|threw myself|step|stepping)
    (?: off| from| out of)(?: {W}){{0,5}} (?:bridge|building|cliff|roof|rooftop|tower|balcony
    |car park|multi storey|window|ledge|flyover|block of flats|top floor)|(?:ready|waiting)
    (?: for) (?:it all|everything|it|this|life|my life)(?: all)? to (?:be over|end|stop)|if i could
    (?: {W}){{0,4}} {GONE}|(?:this is|its) the end (?:for me|of me|of the road for me)
    |(?:love|goodbye|bye|thank you|thanks|hug|hugs|message|text)(?: {W}){{0,4}} (?:one last time
    |for the last time|one final time)
suicide means_dose
    (?:dose|amount|number|how many|how much)(?: {W}){{0,3}} (?:that|which|it) (?:would|will
    |could|might) (?:kill me|be enough|be fatal|do it)|(?:lethal|fatal|deadly) (?:dose|amount)
    |(?:saved|saving|stockpiled|stockpiling|hoarded|hoarding|stashed|stashing|collected
    |collecting|hidden|hiding|kept)(?: up)?(?: all)?(?: of)?(?: my| the)? {MEDS}(?! (?:from
    the|at the|today|tomorrow|later|on|this|next|in the|for (?:my|the) (?:trip|holiday))
    (?![a-z0-9]))|(?:been|went|go|going|gone|walked|drove) (?:to|up to|down to) the
    (?: bridge| cliff| cliffs| edge| tracks| railway| train tracks| roof| car park)
    (?: {W}){{0,6}} (?:thinking about (?:it|jumping|doing it|ending it)|and thought about)
    |(?:will|affairs)(?: {W}){{0,3}} (?:and|then)(?: {W}){{0,2}} (?:written|wrote|writing
    |said goodbye|letters?) (?:to|for) my|(?:gave|given|giving|give)(?: {W}){{1,6}}(?: \|)?
    (?: wont| will not) need (?:them|it|this|these|any of it) (?:anymore|after (?:tonight
    |today|this)|where im going|soon)
suicide intent_last
    (?:tonight|today|tomorrow|this time|now)(?: {W}){{0,3}} (?:im )?(?:going|go) through with it
    |(?:going|go) through with it (?:tonight|today|tomorrow|this time|now)|(?:ill|i will
    |im going to) be gone (?:by|before) (?:the )?(?:morning|tomorrow|tonight|the weekend)
    |(?:bought|got|have|ive got) (?:what|everything|all) i need(?: \|)?(?: {W}){{0,3}} (?:doing it
    |do it|going to do it)|(?:wouldnt|would not|not) (?:fight|resist|stop) it if i (?:was
    |were) dying|let myself die|(?:not waking up|never waking up|dying|death|being dead
    |not being here|not existing|not being alive|going to sleep forever)(?: {W}){{0,2}}
    (?: would be| would feel like| sounds like| is| feels like)(?: a| such a)? (?:gift|relief
    |blessing|release|mercy|welcome|peaceful|easier|nice|best)|(?:these are|this is|here are)
    (?: my) (?:last|final) words|said (?:what i (?:needed|wanted|had) to say
    |everything i needed to say|my piece)(?: to everyone)?(?: \|)? (?:bye|goodbye)
    |written (?:everyone|each of them|all of them|my family|my kids) (?:a )?(?:letters?
    |notes?)|so (?:nobody|no one) (?:is|gets|will be|would be|has to be) (?:left with
    |stuck with)|(?:which|what) {MEDS}(?: {W}){{0,3}} (?:most dangerous|dangerous together
    |lethal|fatal|deadly|to overdose on)|(?:been|went|go|going|gone|walked|drove) (?:to|up to
    |down to) the (?:railway line|railway|tracks|train tracks|bridge|cliffs?)(?: {W}){{0,2}}
    (?: to look| to see| to check it out| and looked)|(?:collecting|collected|saving|saved
    |stockpiling|hoarding|stashing)(?: up)?(?: my| the)? [a-z]+s {MEDS}
suicide wish_means_more
    (?:hope|wish|pray)(?: {W}){{0,3}} (?:crash|crashes|crashed|sink|sinks|goes down|blows up)
    (?: {W}){{0,2}} with me (?:on|in) it|(?:[1-9][0-9]*|loads of|lots of|a few|several)
    (?: boxes| packs| packets| bottles| strips| tubs) of(?: my| the)? {MEDS} (?:saved|stashed
    |hidden|stored|put away|ready)|(?:standing|stood|sitting|sat) (?:on|at|by) the (?:bridge
    |edge|cliff|cliffs|tracks|railway|roof|ledge)(?: {W}){{0,3}} (?:at night|again|thinking
    |for ages|for hours|looking down)(?! (?:watching|with|for the|to watch)(?![a-z0-9]))
    |how (?:many|much)(?: of)?(?: my| the)? {MEDS}
    (?: {W}){{0,3}} (?:would|will|could|is|it takes to)(?: be)? (?:fatal|lethal|enough|kill
    |too many|an overdose)|{MEDS}(?: {W}){{0,6}} ready(?= ?(?:\||$))|(?:written|wrote
    |writing|recorded|made) (?:my|all my|the) goodbyes?|(?:gave|given|giving|give)
    (?: {W}){{0,3}} (?:rings?|jewellery|jewelry|necklace|watch|medals|savings|guitar|dog|cat)
    (?: {W}){{0,4}}(?: \|)?(?: {W}){{0,3}} (?:should have|can have|to remember me|when im gone)
    |(?:you|they|anyone|nobody|no one) (?:wont|will not|will never|wont ever) (?:hear from
    |see) me again|(?:instructions|plans|wishes|arrangements|songs|music) for my(?: own)?
    (?: funeral)|(?:fade into|become|turn to) (?:nothing|nothingness|dust)|sleep and (?:stay asleep
    |not wake|never wake)|stay asleep forever|(?:leave|leaving) (?:this|the) (?:world
    |earth|life)(?! (?:of|behind|a better)(?![a-z0-9]))
suicide intent_means_goodbye_more
    (?:going to|gonna|will|ill) (?:take|swallow|neck) (?:the lot|the whole lot|them all|all of
    them)|(?:picked|chosen|chose|set|decided on) (?:a |the |my )?(?:date|day)(?= ?(?:\||$))
    |(?:going to|gonna|will|ill|want to) jump(?: {W})? (?:tonight|today|tomorrow|now)
    (?= ?(?:\||$))|(?:end|ending|stop) (?:my|the|this|all the|all my) (?:suffering|misery
    |torment|agony)|(?:be|join|see) (?:with )?(?:my )?(?:{PEOPLE}|nan|grandad|gran|god|jesus)
    (?: {W}){{0,2}} (?:in heaven|on the other side)|(?:dying|death) (?:doesnt|does not
    |wouldnt|would not) (?:scare|frighten|worry) me|(?:wish|want|hope|pray)(?: that)?
    (?: it| everything| this| life| it all)(?: would| could| will)?(?: all)?(?: just)? (?:end
    |stop|be over)(?= ?(?:\||$)| (?:now|forever|for good|soon))|(?:which|what) (?:bridge
    |building|cliff|car park|tower) (?:is|would be) (?:the )?(?:highest|tallest|best)
    |(?:have|got|found|bought|keep)(?: {W}){{0,2}} (?:gun|shotgun|rifle|pistol|firearm)
    |{MEDS} and (?:a )?(?:bottle of )?(?:vodka|whisky|gin|wine|alcohol|booze)|where to stand
    (?= ?(?:\||$))|(?:know|checked|learned|found out) (?:the )?(?:train times|times of the
    trains)|(?:will|affairs)(?: {W}){{0,3}} (?:and|then)(?: {W}){{0,2}} (?:cancelled|closed
    |paid off|given away|sorted)|made (?:my )?peace with (?:everyone|everybody|it all|dying
    |death|god)|(?:thank you|thanks|goodbye|bye|sorry|love you)(?: {W}){{0,5}} before i (?:go
    |die|leave)(?= ?(?:\||$))|(?:left|given|rehomed|gave)(?: my)? (?:cat|dog|pets?|kids)
    (?: {W}){{0,4}} for good|goodbye(?: \|)? i love you
"""

RULES: Final = parse_rules(TABLE)

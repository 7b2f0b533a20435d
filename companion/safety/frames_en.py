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

from companion.safety.rules import parse_rules

_W = r"[a-z0-9]+"
# A gap of up to n words that are neither another person's pronoun nor a negator
# (a negator before a frame is for `negation` to judge).
_NOT_OTHER = (
    r"(?!(?:he|she|they|him|her|them|you|his|their|we|us|not|no|never|dont|didnt|doesnt"
    r"|wont|wouldnt|cant|couldnt|havent|hadnt|isnt|wasnt|the|a|an|this|that(?! i)|these|those"
    r"|your|our|its|my)(?![a-z0-9]))"
)
_G1 = rf"(?: {_NOT_OTHER}{_W})?"
_G2 = rf"(?: {_NOT_OTHER}{_W}){{0,2}}"
_G3 = rf"(?: {_NOT_OTHER}{_W}){{0,4}}"
_END = r"(?= ?(?:\||$)| (?:i|im|and|but|so|because|lol|tbh|honestly|now|xx?)(?![a-z0-9]))"

# Wanting, wishing, hoping: the desire half of a passive or active wish.
_DESIRE = (
    r"(?:want|wants|wanted|wanting|wish|wishing|wishes|hope|hoping|pray|praying|long"
    r"|longing|would like|id like|would love|id love|need|needing|rather|prefer|ready"
    r"|would give anything|tempted)(?: to)?"
)
# Not being alive, from the sender's side. "here" and "around" only when no place or
# time follows ("i wish i wasnt here on tuesday" is about Tuesday).
_THERE = (
    r"(?:here|alive|around|on this earth|in this world)"
    r"(?! (?:on|at|for|this|next|today|tomorrow|when|while|till|until|in the|by)(?![a-z0-9]))"
)
_GONE = (
    rf"(?:die|died|dead|be dead|death|be gone|gone|not be {_THERE}|not {_THERE}"
    rf"|no longer (?:be )?{_THERE}|not to be {_THERE}|not exist|not to exist|not existing"
    r"|stop existing|stop living|stop being alive|stop breathing|cease to exist|cease existing"
    r"|(?:disappear|disappeared|vanish|vanished)(?! (?:to|off|into|under|on|for (?:a|an|the|some"
    r"|[0-9])|from (?!this world|the world|existence|the face)[a-z]+|somewhere|abroad"
    r"|with)(?![a-z0-9]))"
    r"|fade away|faded away|fade out"
    r"|be no more|(?:get|got|be|was) (?:hit|run over|knocked down) by a (?:car|bus|train|lorry"
    r"|truck|van)|something (?:bad )?happens? to me|(?:dont|didnt|not) make it(?: through)?"
    r"|(?:get|got|be) killed"
    r"|(?:not wake up|not wake|never wake up|never woke up|never wake|not to wake up"
    r"|dont wake up|didnt wake up|wont wake up|not woken up)(?! (?:with|early|late|at|before"
    r"|until|till|feeling|tired|on time|in time|so|too)(?![a-z0-9]))|didnt exist|dont exist"
    rf"|never existed|wasnt {_THERE}|werent {_THERE}|was never born|were never born"
    r"|(?:wasnt|werent) in (?:it|the picture)|evaporate|melt away|dissolve|be erased"
    r"|erase myself|wipe myself out|not be anymore|be nothing|not have been born"
    r"|my heart (?:would |will |could )?(?:just )?(?:stops?|stopped|gives? out|gave out)"
    r"|(?:never|not|didnt) (?:see|saw|live to see) (?:another day|tomorrow)"
    r"|(?:something|someone) (?:would |will |to |could )?(?:kills?|end) me|cease to be"
    r"|not be(?= ?(?:\||$))|stop being(?= ?(?:\||$))"
    r"|hadnt been born|had never been born|never been born|wasnt born|was gone|were gone"
    r"|was dead|were dead|sleep forever|sleep for ever|go to sleep forever"
    r"|(?:go to )?sleep (?:and|then) (?:never|not) wake(?: up)?|live or die|not be alive)"
    r"(?! (?:my|your|her|his|the) (?:hair|roots|fringe|beard)| of (?:boredom|embarrassment"
    r"|shame|laughter|laughing|excitement|hunger|thirst|heat|cold)| laughing| for (?:a|the|some"
    r"|an|\d)| to (?:see|know|try|get|go|hear|meet|watch|eat)| into| under| on holiday)"
)
_PEOPLE = (
    r"(?:mum|mam|mom|dad|kids|children|family|son|daughter|wife|husband|partner|sister"
    r"|brother|parents|nan|gran|boyfriend|girlfriend|friends|loved ones)"
)
_MEDS = (
    r"(?:pills|tablets|meds|medication|medicine|paracetamol|painkillers|sleeping pills"
    r"|sleeping tablets|insulin|antidepressants|co codamol|codeine|lithium|zopiclone"
    r"|quetiapine|olanzapine|clozapine|sertraline|citalopram|fluoxetine|mirtazapine|diazepam"
    r"|pregabalin|tramadol|aripiprazole|risperidone|haloperidol|lamotrigine|valproate"
    r"|amitriptyline|venlafaxine|propranolol|ibuprofen|aspirin)"
)

TABLE: Final = rf"""
suicide wish_not_alive
    (?:(?:i|im|id|ive|just|really|honestly|sometimes|part of me|keep|still|only)
    {_G1} )?{_DESIRE}{_G3} {_GONE}
suicide relief_if_gone
    (?:easier|better|a relief|relief|fine|ok|okay|happy|glad|peaceful|nice|best|good)
    (?: for (?:everyone|all|me|everybody))?(?: if| when| to)(?: i)?(?: just| could)?
    (?: {_GONE})|(?:fine|ok|okay|happy|at peace|alright) with (?:dying|death|being dead
    |not waking up|not being here|it all ending)|(?:wouldnt|would not|dont|do not|not)
    (?: even)? (?:mind|care|be bothered|be sad)(?: about)?(?: (?:if|whether|when) (?:i
    (?: just)?(?: {_GONE})|i live or die)| dying| being dead| not waking up| not existing)
    |if i (?:died|was dead|were dead|wasnt here|didnt wake up|disappeared|was gone|killed
    (?: myself))(?: {_W}){{0,3}} (?:wouldnt|would not|doesnt|does not|dont|wont|will not)
    (?: matter| care| mind| be missed| make (?:a|any) difference| change anything)
    |(?:bus|car|lorry|train|truck)(?: {_W}){{0,2}} (?:hit|hits|ran over|runs over|killed
    |kills) me(?: {_W}){{0,3}} (?:wouldnt|would not|dont|not) (?:care|mind|be bothered)
    |(?:god|someone|something|death|the universe)(?: would| to| will)?(?: just)?
    (?: come and)? (?:take me|end it|end this|end me|kill me)(?! (?:to|for|out|home
    |back)(?![a-z0-9]))
suicide intent_to_end
    (?:end|ending)(?: it all| things| everything| my life| this life| it)(?! with| between)
    (?: {_W}){{0,2}} (?:tonight|tomorrow|today|for good|forever|for ever|once and for all
    |this week|this weekend|soon)|(?:finish|finishing|stop|stopping)(?: it| it all
    | everything| things)(?: {_W}){{0,2}} (?:for good|forever|for ever|once and for all)
    |(?:decided|ready|planning|plan|intend|intending|prepared|about|time for me)(?: now)? to (?:die
    |be dead|leave this world|check out)|done (?:with )?(?:living|being alive
    |existing|this life)|make sure i (?:dont|never|wont|do not) (?:wake up|wake|survive)
    |(?:not|wont|will not|never)(?: going to)?(?: be)? (?:alive|here|around)(?: {_W})?
    (?: (?:by|after) (?:tomorrow|tonight|morning|the morning|the weekend|monday|christmas
    |next|then|the end)| much longer| for much longer| for long| tomorrow(?= ?$))
    |(?:ill|i will|im going to|going to) be dead(?: {_W}){{0,2}} (?:by|before|tomorrow
    |tonight|soon|morning)
self_harm harm_body
    (?:cut|cutting|cuts|slash|slashed|slashing|burn|burned|burnt|burning|scratch|scratched
    |scratching|carve|carved|carving|hit|hitting|punch|punched|punching|bang|banged
    |banging|bite|bit|biting|pull|pulled|pulling|pick|picked|picking|tear|tore|tearing
    |rip|ripped|ripping) (?:my|me|myself)(?: own)?
    (?: (?:arms?|legs?|wrists?|thighs?|skin|stomach|belly|hips?|chest|face|head|hair out))?
    (?: {_W}){{0,3}} (?:again|on purpose|deliberately|till|until|so hard|so deep|bleed
    |bleeds|bleeding|bled|blood|to feel|to punish)|(?:cut|cutting|slashed|slashing|carved
    |carving|burnt|burned) (?:my|me) (?:arms?|legs?|wrists?|thighs?|stomach|belly|hips?
    |skin)(?! (?:on|with|when|while|shaving|at|by|in the|badly on)(?![a-z0-9]))|(?:hitting|punching
    |slapping|scratching|biting|starving|bruising) myself(?! (?:on|with the|at|by
    |in the)(?![a-z0-9]))
    |(?:punch|punched|punching|hit|hitting|bang|banged|banging|kick|kicked|kicking)
    (?: the)? walls?(?: {_W}){{0,3}} (?:till|until|bleed|bleeds|bled|blood|broke|again)
    |(?:urge|urges|urging|craving|cravings|itch)(?: {_W}){{0,3}} (?:to )?(?:cut|self harm|sh
    |hurt myself|harm myself|burn myself|bleed)(?! (?:my hair|down|back|the|a|an|some)(?![a-z0-9]))
    |(?:want|wanted|need|needed|desperate|tempted|going)(?: {_W})? to (?:cut|bleed
    |hurt myself|harm myself|burn myself|self harm)(?! (?:my|the|down|back|out|up|it|off
    |in|a|an|some|through|across|corners|loose|ties|out|myself (?:on|with))(?![a-z0-9]))
    |(?:relapsed|relapse|slipped|slip)(?: up)?(?: {_W}){{0,2}} (?:with|on|to)(?: the)?
    (?: blade| blades| razor| razors| cutting| self harm| sh| burning)
    |(?:started|starting|start|back to|been|keep|kept|still|am)(?: {_W})? cutting
    (?: again| myself)|(?:cutting|cut) again(?! (?:the|my|your|his|her|down|back|some|a|it
    |on|for)(?![a-z0-9]))
    |(?:used|using|use)(?: a| the| my)? (?:blade|blades|razor|razors)(?: {_W}){{0,2}}
    (?: on (?:me|myself|my)| again)
overdose take_every_pill
    (?:take|taking|took|swallow|swallowed|swallowing|neck|necked|down|downed)
    (?: every| each and every| all the| the whole (?:box|packet|bottle|lot) of)(?: {_W})?
    (?: pill| pills| tablet| tablets| meds| medication)(?! (?:on time|today|this morning
    |as prescribed|with|at)(?![a-z0-9]))
suicide plan_or_means
    how (?:many|much)(?: of)?(?: my| the)? {_MEDS}(?: {_W}){{0,3}} (?:it takes|it would take
    |would take|to take to|would kill|to kill|to die|is lethal|is fatal|to overdose|to od
    |is too many|is an overdose)|(?:how to|ways? to|best way to|methods? (?:of|to)
    |easiest way to|quickest way to|painless way to|painless ways to) (?:die|kill myself
    |end (?:my|your|a) life|end it|commit suicide|overdose|hang myself|not wake up)
    |(?:got|have|bought|buy|buying|ordered|found|hid|hidden|keep|keeping)(?: {_W}){{0,2}}
    (?: a| the)? (?:rope|noose|ligature|exit bag)(?! for (?:the )?(?:washing|tent|boat
    |dog|climbing|gym|swing))|(?:saved|saving|stockpiled|collected|hoarded)(?: up)?
    (?: enough)(?: {_W})? {_MEDS}
    |(?:enough|plenty of)(?: {_W})? {_MEDS}(?: {_W}){{0,2}}
    (?: to| for)(?: {_W}){{0,2}} (?:do it|die|end it|kill|not wake|overdose|od|end my life
    |be done|finish it)|(?:bought|buying|buy|got|getting|collect|collecting|collected|saving
    |saved|stockpiling|stockpiled|hoarding|hoarded|stashing|stashed|hiding|hid)
    (?: {_W}){{0,3}} {_MEDS}(?: {_W}){{0,4}} (?:different shops|different chemists
    |so no one|so nobody|without anyone|no one knows|nobody knows|for weeks|for months
    |for a while|just in case|from (?:my |the )?(?:carer|carers|nurse|nurses|mum|dad|family
    |partner|husband|wife|staff|cpn|everyone))|(?:stash|stockpile|hoard|secret supply
    |hidden supply|pile) of(?: my| the)? {_MEDS}|(?:tallest|highest)(?: {_W})? (?:bridge
    |bridges|building|buildings|cliff|cliffs|car park|multi storey|block of flats)
    |(?:how|what) (?:high|tall|far a drop)(?: {_W}){{0,3}} (?:to die|to survive|would kill
    |to kill)|(?:know|decided|worked out|figured out|planned|picked|chosen
    |chose|sorted)(?: out)?(?: exactly)? (?:how|when|where|which (?:bridge|building
    |car park|cliff|tablets|pills|rope|method|way|spot|place|day|night))(?: {_W}){{0,3}}
    (?: do it| use| jump| doing it| end it)|(?:got|have|made|make|making|with) a plan
    (?: and the means| to do it| to end it| for tonight)?{_END}|(?:thinking|thought|think
    |dreaming|dream|fantasising|obsessing)(?: {_W})? (?:about|of)(?: {_W}){{0,2}}
    (?: the)? (?:train tracks|railway|tracks|jumping|jump off|the edge|stepping in front
    |walking in front|walking into traffic|drowning|hanging|ending it)(?! (?:in|into)
    (?: the)? (?:pool|sea|lake|shower|bath|puddles))
suicide preparing_goodbye
    (?:when|after|once|for when)(?: i)? (?:im|i am|am) (?:gone|dead|not here|not around
    |no longer here|no longer around)(?! (?:on|to|for|away|out|shopping|at|in|from|abroad
    |tomorrow|next|this)(?![a-z0-9]))|by the time you (?:read|get|see) this|(?:letter|letters
    |note|notes
    |message|messages|video|videos) (?:for|to) (?:my )?{_PEOPLE}(?: {_W}){{0,4}}
    (?: goodbye| im sorry| i love| for when| for after)|(?:written|wrote|writing|left
    |leaving) (?:a |my |some )?(?:letter|letters|note|notes) (?:for|to) (?:my |all )?
    (?:{_PEOPLE}|everyone)(?! (?:to|about|asking|saying the|for the|with)(?![a-z0-9]))
    |(?:given|giving|gave|give)(?: {_W}){{0,2}} (?:stuff|things|belongings|possessions)
    (?: away)(?! to (?:a )?(?:charity|oxfam|the charity))|(?:given|giving|gave|give) away
    (?: all)?(?: of)? my(?: {_W})? (?:stuff|things|belongings|possessions)(?! to (?:a )?
    (?:charity|oxfam|the charity))|(?:sorted|sorting|made|making|written|wrote|writing
    |updated|got)(?: out)?(?: {_W})? (?:will|affairs|funeral)(?: {_W}){{0,6}} (?:wont need
    |so nobody|so no one|who gets what|when im gone|before i go|for after)|(?:sorted
    |sorting|put|putting|getting|got)(?: out)? my affairs(?: in order)?|wont need
    (?: {_W}){{0,4}} (?:after (?:tonight|today|this)|where im going|much longer|soon)
    |(?:last|final) (?:time|message|text|words)(?: {_W}){{0,2}} (?:hear from me|from me
    |ever|youll get|you will get|youll hear)|(?:my|the) (?:last|final) (?:message|text
    |goodbye)(?= ?(?:\||$))|(?:thank you|thanks|thank you so much|ty)(?: {_W}){{0,2}} for
    (?: everything| all youve done| all you have done| trying)(?: {_W}){{0,3}}(?: \|)?
    (?: goodbye| bye| farewell)|goodbye (?:all|you all|everyone|everybody|my friends)
    |(?:said|saying|say)(?: my)? goodbyes|(?:said|saying|say) goodbye to (?:everyone
    |people|you all|all|everybody)
    |(?:wanted|want|just want) to say(?: thank you and)? goodbye|(?:bye|goodbye) forever
    |sorry for everything(?: {_W}){{0,3}}(?: \|)?(?: {_W}){{0,3}} (?:bye|goodbye|love you)
    |love you all(?: \|)?(?: {_W}){{0,2}}(?: \|)? (?:bye|goodbye|sorry|forgive me)
    |(?:gave|given|giving|give) away(?: {_W}){{1,6}}(?: \|)? (?:wont|will not|not going to) need
    |tell (?:my )?(?:{_PEOPLE}|everyone|them|her|him)(?: that)? (?:i love (?:her|him|them
    |you|u)|im sorry|i am sorry|sorry|i loved)
hopelessness hopeless
    nothing(?: {_W}){{0,4}} (?:get|gets|getting) (?:any )?better|(?:things|it|its|life
    |my life|everything)(?: {_W}){{0,2}} (?:never|not|wont|isnt|aint)(?: {_W}){{0,2}}
    (?: get| gets| getting) (?:any )?better|(?:cant|cannot|can not|dont|do not|unable to
    |not able to) see (?:a |any |no |the )?(?:way out|way forward|future|light at the end
    |end to (?:this|it)|reason to (?:live|go on|carry on)|point (?:in|of) (?:living|life
    |anything|going on|carrying on|it all))|no (?:future|hope|way out|way forward)
    (?: (?:of this|for me|left|anymore|at all)){{0,3}}{_END}|(?:its|it is|it all feels
    |this is)(?: all| so| just| completely)? (?:hopeless|pointless){_END}
    |nothing left(?: (?:for me here|here for me|here|for me anymore|for me|to give|in me
    |to live for|anymore|at all))?{_END}|(?:everything|it all|all of it|life|my life
    |anything)(?: {_W}){{0,2}} (?:pointless|meaningless|hopeless|futile)|i(?: just| really)?
    (?: give up)(?: on (?:everything|life|myself|me)| now| anymore)?{_END}
    |whats(?: even| really| actually| honestly)? the point
    (?: (?:in|of) (?:anything|it all|any of it|living|life|trying|going on|carrying on|me
    |being alive|existing))?(?: anymore)?(?= ?(?:\||$))|(?:cant|cannot|can not) (?:keep going
    |carry on|go on|cope)(?: anymore| any longer| like this| with (?:it|this|life
    |anything))|(?:so|completely|totally|just) done with (?:everything|it all|life|all of it
    |this life|living)
hopelessness burden
    (?:everyone|everybody|they|theyd|theyll|family|{_PEOPLE}|people|the world|world
    |you|the kids|all)(?: {_W}){{0,2}} (?:be|are|is) (?:so much |much |a lot |all )?(?:better off
    |happier|better|better of|fine|easier|free|relieved|glad)(?: {_W})? (?:without me|if i (?:was
    |were|wasnt|werent|died|disappeared|left for good|didnt exist|never existed)
    (?: (?:gone|dead|here|around|alive|not here|no more))?|with me gone|once im gone
    |when im gone)(?! (?:on|at|for|this|next|today|tomorrow|when|while|in the)(?![a-z0-9]))
    |(?:theyd|they would|everyone would|theyll|they will|everyone|they|world would)
    (?: all)? be (?:better off|happier)(?= ?(?:\||$))|(?:im|i am|i feel like|feel like
    |being|i feel|feeling like){_G2} (?:a burden|a drain (?:on|to)|a waste of space
    |a waste of (?:air|oxygen|skin|a life|life)|a weight (?:round|around|on)
    |a nuisance to (?:everyone|everybody)|a problem for (?:everyone|everybody)|a liability)|(?:i|im)
    (?: just| only| always)? (?:make|makes|making|ruin|ruins|ruining|spoil|spoils|wreck
    |wrecks) (?:things|everything|it|life|everyones lives|everyones life|their lives|it all)
    (?: {_W}){{0,2}} (?:worse|harder|for everyone|for everybody|for the people|for them)
    |(?:dragging|drag|dragged|bringing|bring) (?:everyone|everybody|people|them|my family
    |the people around me)(?: {_W})? down|(?:i|im)(?: just| only| always)? (?:cause|causing
    |bring|bringing|give|giving) (?:everyone|everybody|people|my family|them|the people i
    love)(?: {_W}){{0,2}} (?:pain|grief|misery|trouble|problems|stress|hassle|hurt
    |heartache)|deserves? (?:better|someone better) than me|deserves? a better (?:mum|dad
    |mother|father|partner|friend|wife|husband|daughter|son|sister|brother)
    |(?:no one|nobody|no body)(?: {_W}){{0,3}} (?:notice|care|miss me|bother|cry)
    (?: {_W}){{0,2}} if i (?:was|were|went|died|disappeared|wasnt|left|vanished|killed)
hopelessness wish_it_over
    (?:want|wish|need)(?: {_W}){{0,2}} (?:everything|it all|it|things|the world|life)
    (?: all)? to(?: just)? (?:go black|go dark|stop|end|be over)(?: {_W}){{0,3}} (?:forever|for good
    |for ever|stay that way|permanently|and never)
suicide intent_unstoppable
    (?:no one|nobody|noone) (?:can|will|could) stop me(?: \|)?(?: {_W}){{0,5}} do it
suicide means_kept
    (?:[1-9][0-9]+|loads of|lots of|a load of|dozens of|hundreds of|enough)(?: of)?
    (?: my| the)? {_MEDS} (?:saved|stashed|hidden|stored|put away|put aside|kept back)
    |(?:bridge|cliff|roof|building|car park|multi storey|balcony|tower|block of flats)
    (?: {_W}){{0,6}} how (?:high|tall|far down|high up|far the drop|big the drop)
suicide affairs_in_order
    (?:in order|sorted|sorted out)(?: {_W}){{0,3}} (?:so (?:no one|nobody) (?:has|will have
    |needs|would have) to|for (?:after|when im gone)|(?:before|after|when) (?:i go|im gone))
    |(?:left|leaving|written down|wrote down|writing down|given|gave)(?: {_W}){{0,2}}
    (?: bank details| passwords| pin numbers| account details| login details)(?: {_W}){{0,3}}
    (?: for| to| with) (?:my )?(?:{_PEOPLE}|someone|them)|(?:my|the) (?:last|final)
    (?: message| text) to (?:anyone|anybody|you|you all|everyone|the world)|look after
    (?: my| the) (?:cat|dog|kids|children|pets?|son|daughter|fish|babies)(?: {_W}){{0,4}}
    (?: \|)?(?: {_W}){{0,2}} (?:wont|will not|not going to) be (?:around|here)(?= ?(?:\||$))
hopelessness no_way_forward
    (?:cant|cannot|can not|dont|do not) see (?:this|it|things|life|anything|my life
    |my situation)(?: ever)? (?:get|getting|improving|improve|changing|change)
    (?:(?: {_W})? better)?
hopelessness burden_without_me
    (?:would|will|d|ll) be (?:so much |much |a lot |all )?(?:better off|happier|better|easier
    |simpler|calmer|nicer|fine) without(?: {_W}){{0,3}} (?:me|like me)|(?:all i do is|i only
    |i just|i always|all im good for is)
    (?: cause| causing| bring| create| make)(?: (?:everyone|everybody|people|my family|them))?
    (?: pain| grief| misery| trouble| problems| stress| hassle| hurt| heartache)
    (?: (?:for|to) (?:everyone|everybody|people|my family|them|the people))?
suicide intent_covert
    tonight(?: is|s) the night|(?:got|have) everything (?:ready|prepared|sorted)(?= ?(?:\||$))
    |(?:ill|im going to|going to|i will) do it (?:when|while|once|after) (?:everyones|everyone
    |everybodys|everybody|the kids|they|my (?:partner|husband|wife|mum
    |family))(?: {_W}){{0,2}} (?:asleep|out|gone
    |at work|away|in bed)|(?:drive|driving|drove)(?: my car| the car)?(?: {_W}){{0,2}}
    (?: off| over)(?: the| a)? (?:cliff|bridge|edge|motorway bridge)
suicide means_more
    how (?:many|much) {_MEDS}(?: {_W}){{0,3}} (?:would be enough|is enough|would do it)
    |(?:fast|express|non stop) (?:trains?|ones) (?:that|which) (?:dont|do not|never)
    (?: stop)(?! at)|(?:place|somewhere|spot) (?:where|that) (?:nobody|no one) (?:would|will|could
    |can) find me|(?:hose ?pipe|hose|tube)(?: {_W}){{0,3}} (?:car )?exhaust|exhaust fumes
    |(?:my|own) funeral (?:songs?|plans?|music|hymns?|wishes|arrangements)|plann(?:ed|ing)
    (?: my)(?: own)? funeral|wont (?:be )?need(?:ing)? any of (?:it|this|them)(?: anymore
    | soon| after)?(?= ?(?:\||$))|(?:gets?|read|reads|find|finds) my (?:message|letter|note)s?
    (?: after| afterwards)(?= ?(?:\||$))
self_harm harm_more
    (?:cut|cutting|burn|burning|burnt|burned|slash|slashing|carve|carving|scratch|scratching)
    (?: my| me) (?:arms?|legs?|wrists?|thighs?|skin|stomach|belly|hips?|chest) (?:with|using)
    (?: a| my| the)? (?:lighter|cigarettes?|razors?|blades?|compass|sharpener|knife|scissors
    |glass)|(?:cant|cannot|can not|couldnt) stop (?:cutting|self harming|harming myself
    |hurting myself|burning myself|scratching myself)
hopelessness hopeless_more
    no point (?:to |in |of )?(?:any of (?:this|it)|it all|anything anymore)|(?:run out of|no
    |lost all|cant find any|cant find a) reasons? to (?:keep going|live|go on|carry on|stay
    |be here|get up|keep living)|(?:so |really |just )?(?:tired|sick|exhausted) of (?:fighting
    |struggling|being me|living like this|pretending|existing|it all|everything)(?! (?:with
    |for|over|about)(?![a-z0-9]))|all (?:im|i am) good for is (?:making|causing|being
    |ruining|letting)|good for nothing|making everyone (?:miserable|unhappy|suffer)
    |(?:thank you|thanks) for everything(?: \|)? (?:this is|its) the end
suicide someone_else_harm
    (?:kill|killing|killed|kills|hang|hanged|hanging|hangs) (?:himself|herself|themselves
    |themself)|(?:cut|cutting|cuts|hurt|hurting|hurts|harm|harming|harms|burn|burning)
    (?: himself| herself| themselves)|(?:end|ending|ended|take|taking|took) (?:his|her|their)
    (?: own)? life(?! (?:back|into|savings|in)(?![a-z0-9]))
suicide intent_more
    (?:this weekend|tonight|today|tomorrow|this) (?:is|will be|s) my last(?: night| time)?
    (?= ?(?:\||$))|(?:jump|jumping|throw myself|throwing myself|threw myself|step|stepping)
    (?: off| from| out of)(?: {_W}){{0,5}} (?:bridge|building|cliff|roof|rooftop|tower|balcony
    |car park|multi storey|window|ledge|flyover|block of flats|top floor)|(?:ready|waiting)
    (?: for) (?:it all|everything|it|this|life|my life)(?: all)? to (?:be over|end|stop)|if i could
    (?: {_W}){{0,4}} {_GONE}|(?:this is|its) the end (?:for me|of me|of the road for me)
    |(?:love|goodbye|bye|thank you|thanks|hug|hugs|message|text)(?: {_W}){{0,4}} (?:one last time
    |for the last time|one final time)
suicide means_dose
    (?:dose|amount|number|how many|how much)(?: {_W}){{0,3}} (?:that|which|it) (?:would|will
    |could|might) (?:kill me|be enough|be fatal|do it)|(?:lethal|fatal|deadly) (?:dose|amount)
    |(?:saved|saving|stockpiled|stockpiling|hoarded|hoarding|stashed|stashing|collected
    |collecting|hidden|hiding|kept)(?: up)?(?: all)?(?: of)?(?: my| the)? {_MEDS}(?! (?:from
    the|at the|today|tomorrow|later|on|this|next|in the|for (?:my|the) (?:trip|holiday))
    (?![a-z0-9]))|(?:been|went|go|going|gone|walked|drove) (?:to|up to|down to) the
    (?: bridge| cliff| cliffs| edge| tracks| railway| train tracks| roof| car park)
    (?: {_W}){{0,6}} (?:thinking about (?:it|jumping|doing it|ending it)|and thought about)
    |(?:will|affairs)(?: {_W}){{0,3}} (?:and|then)(?: {_W}){{0,2}} (?:written|wrote|writing
    |said goodbye|letters?) (?:to|for) my|(?:gave|given|giving|give)(?: {_W}){{1,6}}(?: \|)?
    (?: wont| will not) need (?:them|it|this|these|any of it) (?:anymore|after (?:tonight
    |today|this)|where im going|soon)
self_harm harm_carved
    (?:carve|carved|carving|etched|scratched|cut) (?:(?:{_W} ){{0,3}})?(?:into|in|on) my
    (?: arms?| legs?| wrists?| thighs?| skin| stomach| belly| hips?| chest)(?! (?:on|with)
    (?: the| a)(?![a-z0-9]))|(?:slashed|carved|scratched) (?:my|me) (?:arms?|legs?|wrists?
    |thighs?|skin|stomach|belly|hips?|chest)
hopelessness hopeless_forward
    nothing (?:left )?to (?:look forward to|get up for|hope for|live for)(?: (?:ever again
    |anymore|in life|in my life|at all))?{_END}
"""

RULES: Final = parse_rules(TABLE)

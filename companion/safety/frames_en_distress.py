"""The second layer, English: frames for self-harm, overdose, hopelessness and burden.

As `frames_en` (which holds the wishes, intents, plans and goodbyes), built from the
concept lexicons in `concepts_en`: "scratching my skin till it bleeds", "nothing is ever
going to get better", "my family would be happier if I wasn't here".
"""

from __future__ import annotations

from typing import Final

from companion.safety.concepts_en import (
    END,
    G2,
    PEOPLE,
    W,
)
from companion.safety.rules import parse_rules

TABLE: Final = rf"""
self_harm harm_body
    (?:cut|cutting|cuts|slash|slashed|slashing|burn|burned|burnt|burning|scratch|scratched
    |scratching|carve|carved|carving|hit|hitting|punch|punched|punching|bang|banged
    |banging|bite|bit|biting|pull|pulled|pulling|pick|picked|picking|tear|tore|tearing
    |rip|ripped|ripping) (?:my|me|myself)(?: own)?
    (?: (?:arms?|legs?|wrists?|thighs?|skin|stomach|belly|hips?|chest|face|head|hair out
    |hands?|fingers?|feet|foot|neck))?
    (?: {W}){{0,3}} (?:again|on purpose|deliberately|till|until|so hard|so deep|bleed
    |bleeds|bleeding|bled|blood|to feel|to punish)|(?<!fall and )(?<!fell and )(?<!tripped and )
    (?<!slipped and )(?:cut|cutting|slashed|slashing|carved
    |carving|burnt|burned) (?:my|me) (?:arms?|legs?|wrists?|thighs?|stomach|belly|hips?
    |skin)(?! (?:on|with|when|while|shaving|at|by|in the|badly on)(?![a-z0-9]))|(?:hitting|punching
    |slapping|scratching|biting|starving|bruising) myself(?! (?:on|with the|at|by
    |in the)(?![a-z0-9]))
    |(?:punch|punched|punching|hit|hitting|bang|banged|banging|kick|kicked|kicking)
    (?: the)? walls?(?: {W}){{0,3}} (?:till|until|bleed|bleeds|bled|blood|broke|again)
    |(?:urge|urges|urging|craving|cravings|itch)(?: {W}){{0,3}} (?:to )?(?:cut|self harm|sh
    |hurt myself|harm myself|burn myself|bleed)(?! (?:my hair|down|back|the|a|an|some)(?![a-z0-9]))
    |(?:want|wanted|need|needed|desperate|tempted|going)(?: {W})? to (?:cut|bleed
    |hurt myself|harm myself|burn myself|self harm)(?! (?:my|the|down|back|out|up|it|off
    |in|a|an|some|through|across|corners|loose|ties|out|myself (?:on|with))(?![a-z0-9]))
    |(?:relapsed|relapse|slipped|slip)(?: up)?(?: {W}){{0,2}} (?:with|on|to)(?: the)?
    (?: blade| blades| razor| razors| cutting| self harm| sh| burning)
    |(?:started|starting|start|back to|been|keep|kept|still|am)(?: {W})? cutting
    (?: again| myself)|(?:cutting|cut) again(?! (?:the|my|your|his|her|down|back|some|a|it
    |on|for)(?![a-z0-9]))
    |(?:used|using|use)(?: a| the| my)? (?:blade|blades|razor|razors)(?: {W}){{0,2}}
    (?: on (?:me|myself|my)| again| when| if| to cope)
overdose take_every_pill
    (?:take|taking|took|swallow|swallowed|swallowing|neck|necked|down|downed)
    (?: every| each and every| all the| the whole (?:box|packet|bottle|lot) of)(?: {W})?
    (?: pill| pills| tablet| tablets| meds| medication)(?! (?:on time|today|this morning
    |as prescribed|with|at)(?![a-z0-9]))
hopelessness hopeless
    nothing(?: {W}){{0,4}} (?:get|gets|getting) (?:any )?better|(?:things|it|its|life
    |my life|everything)(?: {W}){{0,2}} (?:never|not|wont|isnt|aint)(?: {W}){{0,2}}
    (?: get| gets| getting) (?:any )?better|(?:cant|cannot|can not|dont|do not|unable to
    |not able to) see (?:a |any |no |the )?(?:way out|way forward|future|light at the end
    |end to (?:this|it)|reason to (?:live|go on|carry on)|point (?:in|of) (?:living|life
    |anything|going on|carrying on|it all))|no (?:future|hope|way out|way forward)
    (?: (?:of this|for me|left|anymore|at all)){{0,3}}{END}|(?:its|it is|it all feels
    |this is)(?: all| so| just| completely)? (?:hopeless|pointless){END}
    |nothing left(?: (?:for me here|here for me|here|for me anymore|for me|to give|in me
    |to live for|anymore|at all))?{END}|(?:everything|it all|all of it|life|my life
    |anything)(?: {W}){{0,2}} (?:pointless|meaningless|hopeless|futile)|i(?: just| really)?
    (?: give up)(?: on (?:everything|life|myself|me)| now| anymore)?{END}
    |whats(?: even| really| actually| honestly)? the point
    (?: (?:in|of) (?:anything|it all|any of it|living|life|trying|going on|carrying on|me
    |being alive|existing))?(?: anymore)?(?= ?(?:\||$))|(?:cant|cannot|can not) (?:keep going
    |carry on|go on|cope)(?: anymore| any longer| like this| with (?:it|this|life
    |anything))|(?:so|completely|totally|just) done with (?:everything|it all|life|all of it
    |this life|living)
hopelessness burden
    (?:everyone|everybody|they|theyd|theyll|family|{PEOPLE}|people|the world|world
    |you|the kids|all)(?: {W}){{0,2}} (?:be|are|is) (?:so much |much |a lot |all )?(?:better off
    |happier|better|better of|fine|easier|free|relieved|glad)(?: {W})? (?:without me|if i (?:was
    |were|wasnt|werent|died|disappeared|left for good|didnt exist|never existed|just went
    |went|just disappeared|wasnt here)
    (?: (?:gone|dead|here|around|alive|not here|no more))?|(?:with|and) me gone|once im gone
    |when im gone)(?! (?:on|at|for|this|next|today|tomorrow|when|while|in the)(?![a-z0-9]))
    |(?:theyd|they would|everyone would|theyll|they will|everyone|they|world would)
    (?: all)? be (?:better off|happier)(?= ?(?:\||$))|(?:im|i am|i feel like|feel like
    |being|i feel|feeling like){G2} (?:a burden|a drain (?:on|to)|a waste of space
    |a waste of (?:air|oxygen|skin|a life|life)|a weight (?:round|around|on)
    |a nuisance to (?:everyone|everybody)|a problem for (?:everyone|everybody)|a liability)|(?:i|im)
    (?: just| only| always)? (?:make|makes|making|ruin|ruins|ruining|spoil|spoils|wreck
    |wrecks) (?:things|everything|it|life|everyones lives|everyones life|their lives|it all)
    (?: {W}){{0,2}} (?:worse|harder|for everyone|for everybody|for the people|for them)
    |(?:dragging|drag|dragged|bringing|bring) (?:everyone|everybody|people|them|my family
    |the people around me)(?: {W})? down|(?:i|im)(?: just| only| always)? (?:cause|causing
    |bring|bringing|give|giving) (?:everyone|everybody|people|my family|them|the people i
    love)(?: {W}){{0,2}} (?:pain|grief|misery|trouble|problems|stress|hassle|hurt
    |heartache)|deserves? (?:better|someone better) than me|deserves? a better (?:mum|dad
    |mother|father|partner|friend|wife|husband|daughter|son|sister|brother)
    |(?:no one|nobody|no body)(?: {W}){{0,3}} (?:notice|care|miss me|bother|cry)
    (?: {W}){{0,2}} if i (?:was|were|went|died|disappeared|wasnt|left|vanished|killed)
hopelessness wish_it_over
    (?:want|wish|need)(?: {W}){{0,2}} (?:everything|it all|it|things|the world|life)
    (?: all)? to(?: just)? (?:go black|go dark|stop|end|be over)(?: {W}){{0,3}} (?:forever|for good
    |for ever|stay that way|permanently|and never)
hopelessness no_way_forward
    (?:cant|cannot|can not|dont|do not) see (?:this|it|things|life|anything|my life
    |my situation)(?: ever)? (?:get|getting|improving|improve|changing|change)
    (?:(?: {W})? better)?
hopelessness burden_without_me
    (?:would|will|d|ll) be (?:so much |much |a lot |all )?(?:better off|happier|better|easier
    |simpler|calmer|nicer|fine) without(?: {W}){{0,3}} (?:me|like me)|(?:all i do is|i only
    |i just|i always|all im good for is)
    (?: cause| causing| bring| create| make)(?: (?:everyone|everybody|people|my family|them))?
    (?: pain| grief| misery| trouble| problems| stress| hassle| hurt| heartache)
    (?: (?:for|to) (?:everyone|everybody|people|my family|them|the people))?
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
self_harm harm_carved
    (?:carve|carved|carving|etched|scratched|cut) (?:(?:{W} ){{0,3}})?(?:into|in|on) my
    (?: arms?| legs?| wrists?| thighs?| skin| stomach| belly| hips?| chest)(?! (?:on|with)
    (?: the| a)(?![a-z0-9]))|(?:slashed|carved|scratched) (?:my|me) (?:arms?|legs?|wrists?
    |thighs?|skin|stomach|belly|hips?|chest)
hopelessness hopeless_forward
    nothing (?:left )?to (?:look forward to|get up for|hope for|live for)(?: (?:ever again
    |anymore|in life|in my life|at all))?{END}
self_harm harm_own_doing
    scars?(?: {W}){{0,4}} (?:are |is )?from me|(?:did|done) (?:it|this|that|them) to myself
    |(?<!fall and )(?<!fell and )(?<!tripped and )(?<!slipped and )(?:cut|slashed|carved)
    (?: my) (?:arms?|legs?|wrists?|thighs?) (?:deep|deeper|again|on purpose|badly)
hopelessness hopeless_last
    nothing(?: {W}){{0,4}} (?:change|changes|improve|improves)(?: for me)?{END}
    |(?:dont think|not sure|dont know if) i can (?:do|live|face|take|handle|cope with)
    (?: this life| life| this| it| any of this)(?: {W})? (?:anymore|any longer|much longer)
    |(?:lost|losing|lose|given up) (?:all )?(?:hope|faith in (?:life|everything|myself))
    (?: {W})?{END}|no light at the end of (?:the|my) tunnel|i(?: just| only| always)?
    (?: ruin| destroy| wreck| spoil| poison) (?:every life|everyones lives?|everything i touch
    |everything and everyone|everyone)|(?:have|live|get) (?:a )?(?:better|happier|easier)
    (?: life| lives| time| future) without me|a waste of (?:everyones|everybodys) (?:time
    |money|effort|love)|(?:crawl into a hole|go away) and never come (?:out|back)
    |stop being (?:me|alive|here) (?:forever|for good|permanently)
self_harm harm_more_ways
    (?:scratching|scratched|clawing|clawed|digging|dug) (?:at|into) my (?:arms?|legs?|wrists?
    |thighs?|skin|face)|(?:hit|hitting|punch|punched|punching|slap|slapped|slapping) myself
    (?: in the (?:face|head|stomach)| on the head)(?: {W}){{0,3}} (?:when|on purpose|again
    |till|until|because|to)
hopelessness hopeless_beyond
    (?:im|i am|i feel)(?: just| so)? (?:beyond (?:help|saving|repair)|past (?:saving|help)
    |a lost cause)|(?:no way|never) (?:things|it|life|anything|i)(?: {W}){{0,2}} (?:will|would
    |is going to|are going to|can) (?:ever )?(?:be|get) (?:ok|okay|alright|better|fine|good)
    {END}|(?:life|the world|this life) (?:has|holds) nothing (?:left )?(?:to offer|for me)
    |(?:cant|cannot|can not) (?:keep|go on|carry on) (?:living|existing|being alive)
    |(?:im|i am|i feel like im|i feel like i am)(?: just)? (?:holding|dragging|weighing)
    (?: everyone| everybody| people| my family| them) (?:back|down)
self_harm harm_cope
    cutting (?:to cope|to feel|to punish|to stop|to get|to release|when|because)|(?:cut
    |cutting) myself to cope|(?:slit|slitting) my (?:arms?|legs?|wrists?|thighs?|skin)
    |headbutt(?:ing|ed)?(?: the)? walls?
hopelessness hopeless_more_ways
    (?:im|i am) (?:done|finished) trying(?= ?(?:\||$)| (?:anymore|now))|no (?:hope|future
    |point|place) (?:left )?for (?:someone|people|a person) like me|(?:no way out|only way
    out)(?: {W}){{0,2}} (?:except one|but one)|only (?:one|1) way out|(?:im|i am)(?: only
    | just)?(?: ever)? (?:a problem|a nuisance)(?= ?(?:\||$)| (?:for|to) (?:everyone
    |everybody|people|them))|(?:and|with) me (?:gone|dead|out of the way)(?= ?(?:\||$))
"""

RULES: Final = parse_rules(TABLE)

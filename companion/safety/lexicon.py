"""The first layer of crisis detection: a lexicon of phrasings, most severe first.

Deterministic regular expressions over `text.normalise`d text, in the table format of
`rules`. The first undenied match in table order is reported. Everyday idioms and
accidents ("dying for a cuppa", "cut myself shaving") are excluded inside the rules.
"""

from __future__ import annotations

from typing import Final

from companion.safety.rules import parse_rules

# Shared fragments. Every repetition is bounded, so matching stays linear.
_ME = r"(?:my ?s(?:elf|ef|lef|lf|el|efl)|meself|mself)"
_KILL = r"k(?:i|ii|y)?l{1,2}(?:ing|in|ed|s)?"
_CANT = r"(?:can't|cannot|can not|cnt|couldn't|could not)"
_WANT = r"(?:want|wanna|wana|wnt|wan|wants|wanted|wanting)(?: to| 2| too| ta)?"
_ADV = r"(?: (?:just|really|honestly|literally|actually|seriously|fucking|bloody|even))?"
# End of a clause, or the start of an obviously new one ("can't go on i'm so tired").
_END = r"(?= ?(?:\||$)| (?:i|i'm|im|and|but|so|because|cos|lol|xx?)(?![a-z0-9]))"
_PEOPLE = (
    r"(?:mum|mom|mam|mother|dad|father|step ?(?:dad|mum)|husband|wife|partner|boyfriend"
    r"|girlfriend|bf|gf|ex|brother|sister|son|daughter|kids?|children|baby|neighbou?rs?"
    r"|boss|flatmate|housemate|carer|family|friends?|landlord|uncle|aunt)"
)
_OTHERS = (
    r"(?:him|her|them|someone|somebody|some1|sum1|anyone|anybody|people|everyone|everybody"
    rf"|other people|others|(?:my|the|that|his|her) {_PEOPLE}"
    r"|that (?:man|woman|guy|bloke|lad|girl|person|idiot|cow|bitch|bastard|prick))"
)
_MEDS = (
    r"(?:pills|tablets|tabs|meds|medication|medicine|paracetamol|paracetemol|ibuprofen"
    r"|co ?codamol|codeine|aspirin|pain ?killers|sleeping (?:pills|tablets)|insulin"
    r"|anti ?depressants|lithium|clozapine|olanzapine|quetiapine|diazepam|valium"
    r"|sertraline|citalopram|fluoxetine|mirtazapine|pregabalin|tramadol|morphine|zopiclone)"
)
_HOLDER = r"(?: (?:my|the|his|her|those|these|their|mum's|dad's))?"
_TAKE = r"(?:took|taken|take|taking|swallowed|swallow|swallowing|necked|downed|popped)"
_QUANTITY = (
    r"(?:(?:way )?too many|too much|loads of|a load of|lots of|a lot of|a handful of"
    r"|handfuls of|a bunch of|dozens of|hundreds of|[1-9][0-9]+|twenty|thirty|forty|fifty"
    r"|a (?:whole )?(?:bottle|box|packet|pack|strip|tub) of"
    r"|the (?:whole|entire|rest of the) (?:bottle|box|packet|pack|strip|tub|lot) of)"
)
# "took all my tablets" answers a medication reminder when followed by these words.
_ADHERENCE = (
    r"(?! (?:today|this morning|this afternoon|this evening|yesterday|on time|as prescribed"
    r"|as normal|as usual|like i (?:should|was told)|with (?:breakfast|lunch|dinner|tea"
    r"|food))(?![a-z0-9]))"
)
# "cut myself shaving", "hurt myself at the gym": accidents, not self-harm.
_ACCIDENT = (
    r"(?! (?:shaving|cooking|chopping|slicing|peeling|gardening|lifting|falling|running"
    r"|playing|tripping|slipping|ironing|cleaning|at (?:the gym|work|football)"
    r"|doing (?:the|some)|by accident|accidentally|laughing|laughin"
    r"|on (?:the|a|an) (?:kettle|oven|iron|hob|stove|pan|tin|can|glass|paper|fence|door"
    r"|nail|corner|table)|with (?:the|a) (?:kettle|iron|oven|pan|hob)"
    r"|(?:some|a|an) (?:slack|slice|piece|bit of|break|portion|treat))(?![a-z0-9]))"
)
_PLACE = (
    r"(?:bridge|building|cliff|roof|rooftop|tower|balcony|car park|multi ?storey|window"
    r"|ledge|flyover|block of flats)"
)
_LEAP = rf"(?:jump|jumping|jumped|throw(?:ing)? {_ME}|threw {_ME}|step|stepping)"
_A = r"(?: (?:a|an|the|that|my|this))?"
_VEHICLE = r"(?:train|tube|bus|lorry|truck|car|van)"

# The rules, most severe first: the first non-negated match in this order is reported.
# A header line "<category> <name>" starts a rule. Its pattern follows on lines indented
# four spaces, joined with nothing in between, so no line may begin or end with a space
# (checked at import). Each "|" at the top level of a pattern starts another phrasing.
TABLE: Final = rf"""
suicide kill_myself
    {_KILL}(?: of)? {_ME}(?! laughing| laughin)|(?<![0-9] )(?<!of )(?<!few )kms
suicide suicide_word
    su[ie]?[cs][iy]?d(?:e|es|al|le|ial|ally)
suicide unalive
    un ?alive(?:d|ing)?
suicide want_to_die
    {_WANT}{_ADV} die(?! (?:my|your|her|his|the) (?:hair|roots|fringe|beard|clothes))
    |{_WANT}{_ADV} dye{_END}|ready to die|rather die|feel(?:ing)? like dying
suicide wish_dead
    wish(?:ing)? i(?: was| were|'d| could| would| had)?(?: just)? (?:be )?(?:dead|die|died
    |gone|not alive)|wish i (?:wasn't|weren't) (?:here|alive|around)
    |(?:better off|rather be|want to be|wanna be) dead|better off if i (?:was|were) dead
    |(?:hope|pray) i (?:die|(?:don't|never|won't) wake up(?! (?:with|early|late|at|before|until
    |till|feeling|tired|on time|in time|so|too)(?![a-z0-9])))
    |(?:sleep|asleep|bed) and (?:never|not) wake(?: up)?|(?:want|wanna|wish i could)
    (?: to)? sleep (?:forever|for ever)|this is (?:my )?goodbye
    |(?:think|thinking|thoughts) (?:about|of) (?:death|dying|being dead)
    |goodbye (?:everyone|everybody|forever|cruel world|world)
suicide end_my_life
    (?:end|ending|ended|take|taking|took) my(?: own)? life(?! back| into| savings| in my)
    |end(?:ing)? it all|end(?:ing)? (?:it|things|everything)(?:{_END}| (?:now|tonight|today
    |for good|forever|here|soon|once and for all))
suicide not_want_to_live
    (?:don't|do not|doesn't|didn't|no longer|never|not sure (?:if |whether )?i
    |don't think i|don't know if i){_ADV} (?:want|wanna|wana|wish)(?: to)?
    (?: be alive| be on this earth| be in this world| (?:live|exist|be here|be around
    |wake up|go on|carry on)(?:{_END}| (?:any ?more|any longer|no more|like this
    |in this world|on this earth|with this|this life|again|ever|tomorrow)))
suicide method
    (?:hang|hanging|hanged|hung|drown|drowning|gas|gassing|shoot|shooting|shot|stab
    |stabbing|stabbed|poison|poisoning|poisoned|suffocate|suffocating|strangle|strangling
    |electrocute) {_ME}(?! in the foot| a )|{_LEAP} (?:off|from|out of){_A} (?:high )?{_PLACE}
    |(?:slit|slitting|slash|slashing|cut|cutting) (?:my|me) (?:wrists?|throat)
    |(?:{_LEAP}|walk|walking|lie|lying|lay) (?:in front of|under){_A} {_VEHICLE}
    |(?:drive|driving|crash|crashing)(?: my car| the car)? into (?:a wall|a tree|a bridge
    |traffic|oncoming traffic|a lorry)|walk(?:ing)? into the (?:sea|river)
    |noose|(?:goodbye|farewell) (?:letter|note)s?
suicide slang
    (?:top|topping) {_ME}(?! up)|finish(?:ing)? {_ME} off|do(?:ing)? {_ME} in{_END}
    |(?:to|gonna|going to|wanna|will|i'll|should|could|might) off {_ME}
    |(?:just|please|pls|plz|someone|somebody|some1|want (?:someone|somebody) to
    |wish (?:someone|somebody) would) kill me
overdose overdose_word
    (?:over ?dos(?:e|ed|es|ing)
    |(?:to|an|gonna|wanna|will|i'll|might|i|nearly|almost|just) od(?:\x27d|ed|ing)?
    |(?<!mg )(?<!mcg )(?<!tablet )(?<!tablets )(?<!one )(?<![0-9] )od(?:\x27d|ed|ing))
    (?! on (?:chocolate|sugar|cake|carbs
    |sweets|crisps|biscuits|coffee|caffeine|tv|netflix|sun|christmas|food))
overdose too_many_meds
    {_TAKE} {_QUANTITY}{_HOLDER}(?: of)?{_HOLDER} {_MEDS}
    |{_TAKE} all(?: of)?{_HOLDER} {_MEDS}{_ADHERENCE}
    |(?:took|taken|swallowed) (?:(?:way )?too many|the (?:whole )?lot){_END}
    |(?:stockpiling|stockpiled|saving|saved|hoarding|stashing|collecting|collected|gathering
    |hiding|hidden)(?: up)?{_HOLDER} {_MEDS}(?! (?:from the|at the|today|tomorrow|later|on
    |this|next|in the)(?![a-z0-9]))
    |{_TAKE}(?: (?:my|a|the))? (?:whole |entire )?(?:month's|week's) (?:supply|worth)
    |(?:got|have|getting) (?:the|my|all the|all my) {_MEDS} (?:ready|lined up|out)
harm_to_others harm_others
    (?:{_KILL}|murder|murdering|stab|stabbing|strangle|strangling|shoot|shooting|hurt
    |hurting|harm|harming|attack|attacking|batter|battering|punch|punching) {_OTHERS}
    (?! (?:feelings|a text|a message|an email|a line|a look|a reminder|with kindness|off
    |at (?:chess|cards|scrabble)|back|neck|knees?|ankle|wrist|arm|leg|foot|feet|hand|head
    |shoulder|hips?|plants?|cactus|flowers|phone|car)(?![a-z0-9]))|beat(?:ing)? {_OTHERS} up
self_harm hurt_myself
    (?:cut|cutting|cuts|slash|slashing|slashed|burn|burning|burnt|burned|hurt|hurting
    |hurts|harm|harming|harmed|punish|punishing|starve|starving|starved|mutilate
    |mutilating|bleed|bleeding) {_ME}{_ACCIDENT}|self ?(?:harm|injur)(?:e|ed|es|ing|s|y)?
    |(?:cut|cutting|slash|slashing|slashed|burn|burning|burnt|burned|carve|carving)
    (?: my| me) (?:arms?|thighs?|wrists?|stomach|belly|skin)(?! (?:on|with) (?:the|a))
    |do(?:ing)? (?:something|anything) (?:stupid|drastic)
unsafe not_safe
    (?:i'm|i am|iam|i feel|feel|feeling|i'm feeling)(?: so| really| just| very)?
    (?: not safe| unsafe)(?! to (?:drive|cycle|ride|operate))|not feeling safe
    |(?:don't|do not) feel safe(?! (?:driving|to drive|cycling|to cycle
    |on (?:these|the|my|this) (?:tablets|meds|pills))(?![a-z0-9]))
    |(?:not safe|unsafe)(?:{_END}| (?:at home|here|with (?:me|myself|him|her|them|my)
    |around|on my own|alone|in my (?:own )?(?:home|house|flat)|tonight|right now|any ?more))
    |(?:{_CANT}|won't be able to|unable to|not able to|don't think i can
    |not sure (?:if )?i can) (?:keep (?:myself|me|them|him|her|my kids|the kids|others
    |people|everyone|{_ME})|stay|be) safe
unsafe abuse
    (?:he|she|they|he's|she's|they're|someone|somebody|(?:my|his|her) {_PEOPLE})
    (?: (?:keeps|has|have|is|was|just|always|still|even))? (?:hit|hits|hitting|beat
    |beats|beating|hurt|hurts|hurting|abuse|abuses|abused|abusing|rape|raped|rapes
    |threaten|threatens|threatened|threatening|choke|chokes|choked|choking|strangle
    |strangles|strangled|kick|kicks|kicked|punch|punches|punched|slap|slaps|slapped
    |attack|attacks|attacked|controls) me(?! up| to it| at (?:chess|cards|pool|darts
    |scrabble|tennis|football|golf|snooker|monopoly))
    |(?:been|was|were|got|getting|being) (?:raped|sexually assaulted|assaulted|abused
    |attacked|beaten(?: up)?|strangled|choked|threatened|stalked|groomed)
    (?! by (?:a|the) (?:dog|seagull|bird|wasp|bee|cat|goose|swan|fox))
    |(?:domestic|sexual) (?:abuse|violence|assault)|rape(?! ?seed)
    |(?:threaten(?:ed|ing|s)? to|said (?:he|she|they)(?:'ll| will| would|'d| was going to)
    |tried to|trying to) (?:kill|hurt|stab|strangle|shoot|rape) me
    |(?:scared|afraid|frightened|terrified) (?:of (?:him|her|them|my {_PEOPLE})
    |to go home|for my (?:life|safety))|fear for my (?:life|safety)
suicide polish_suicide
    (?:chce|chcialabym|chcialbym|wole) umrzec|chce sie zabic|zabije sie|zabic sie
    |nie chce (?:juz )?(?:mi sie )?zyc|odebrac sobie zycie|skoncz(?:e|yc) ze soba
    |samoboj(?:stw|cz)[a-z]*|powiesze sie|powiesic sie|skocze z (?:mostu|okna|dachu|balkonu)
overdose polish_overdose
    przedawkow[a-z]*|nalyka(?:c|m|lam|lem) sie (?:tabletek|lekow)
self_harm polish_self_harm
    (?:pociac|tne|ciac) sie|okaleczam sie|zrobi(?:c|e) sobie krzywde
unsafe in_crisis
    (?:i'm|i am|iam) in (?:a )?crisis|having a crisis
hopelessness cant_go_on
    {_CANT} (?:go on|carry on|keep going|continue)(?:{_END}| (?:any ?more|any longer
    |like this|living|with (?:life|this|it|everything)|much longer|without))
    |{_CANT} (?:do|take|cope with|handle|face|bear|stand) (?:(?:this|it|any of this
    |everything|anything|life) (?:any ?more|any longer|no more)|life|living|another day
    |being alive|existing)|{_CANT} (?:cope|take any ?more|take it|bear it)(?:{_END}
    | any ?more| any longer)|(?:don't know (?:if|whether)|not sure (?:if |whether )?
    |don't think) i can(?: go on| carry on| keep going| cope)
hopelessness no_point
    (?:no|not any|isn't any|is no) point(?: in| to)? (?:living|being alive|going on
    |carrying on|life|anything|me|existing|any ?more|trying any ?more|being here
    |me being here|waking up)|(?:what's|what is) the point(?: (?:of|in) (?:living|life
    |anything|going on|carrying on|me|existing|being alive|being here|it all|waking up)
    | any ?more)|(?:nothing|no reason|nothing left|no one|nobody)(?: left)? to live for
    |no reason to live|(?:lost|losing|lose|no) (?:the |all )?will to live
    |not worth living|life (?:isn't|is not|ain't|'s not) worth (?:living|it)
    |life(?:'s| is| feels)(?: so| just)? (?:pointless|meaningless|over|hopeless)
hopelessness giving_up
    better (?:off )?without me|better off if i (?:was|were|wasn't|weren't|died)
    |(?:i'm|i am|iam|i feel like|feel like|being)(?: such| just| only| nothing but)?
    (?: a burden)|burden (?:to|on) (?:everyone|everybody|my|you|them|others|people)
    |(?:feel|feeling|felt|i'm|i am|iam|everything(?:'s| is| feels))(?: so| really
    | completely| totally| utterly| just| very| such a| a)? (?:hopeless|worthless)
    (?! (?:at|with|when|about)(?![a-z0-9]))|(?:give|given|giving|gave) up on (?:life|living
    |everything|me|{_ME})|feel(?:ing)? like giving up{_END}
    |(?:tired|sick) of (?:living|life|being alive|existing)
    |(?:done with|had enough of) (?:life|living|it all|being alive|everything{_END})
    |hate (?:my life|my existence|being alive|{_ME})
    |(?:(?:want|wanna|wana)(?: to)?|wish i (?:could|would|can))(?: just)?
    (?: disappear| vanish)(?! (?:into|under|for|to|on|from (?!this world|the world|existence
    |the face)[a-z]+)(?![a-z0-9]))
    |(?:want|wanna|need|wish) (?:it|it all|everything|this|all this|the pain|this pain
    |this life|life)(?: all)? to (?:end|stop|be over)(?:{_END}| (?:now|forever|for good))
    |(?:no one|noone|nobody)(?: would| will|'d|'ll)?(?: even| really)?
    (?: miss me| notice if i| care if i| notice i'm gone| cares about me)
    |wish i (?:was|were|had|'d) never (?:been )?born
"""

RULES: Final = parse_rules(TABLE)

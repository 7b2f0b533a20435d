"""English concept lexicons for the crisis frames: small word lists, one meaning each.

`DESIRE` (wanting, wishing, hoping), `GONE` (not being alive or here, from the sender's
side), `PEOPLE` (the people someone might leave behind), `MEDS` (medicines that could be
taken in overdose), and bounded gaps (`G1`..`G3`) that never cross a clause break, a
negator or another person's pronoun. Written for `text.fold`ed text; `frames_en` and
`frames_en_distress` build their rules from them.
"""

from __future__ import annotations

W = r"[a-z0-9]+"
# A gap of up to n words that are neither another person's pronoun nor a negator
# (a negator before a frame is for `negation` to judge).
NOT_OTHER = (
    r"(?!(?:he|she|they|him|her|them|you|his|their|we|us|not|no|never|dont|didnt|doesnt"
    r"|wont|wouldnt|cant|couldnt|havent|hadnt|isnt|wasnt|the|a|an|this|that(?! i)|these|those"
    r"|your|our|its|my)(?![a-z0-9]))"
)
G1 = rf"(?: {NOT_OTHER}{W})?"
G2 = rf"(?: {NOT_OTHER}{W}){{0,2}}"
G3 = rf"(?: {NOT_OTHER}{W}){{0,4}}"
END = r"(?= ?(?:\||$)| (?:i|im|and|but|so|because|lol|tbh|honestly|now|xx?)(?![a-z0-9]))"

# Wanting, wishing, hoping: the desire half of a passive or active wish.
DESIRE = (
    r"(?:want|wants|wanted|wanting|wish|wishing|wishes|hope|hoping|pray|praying|long"
    r"|longing|would like|id like|would love|id love|need|needing|rather|prefer|ready"
    r"|would give anything|tempted|happily|gladly|would gladly|would happily)(?: to)?"
)
# Not being alive, from the sender's side. "here" and "around" only when no place or
# time follows ("i wish i wasnt here on tuesday" is about Tuesday).
THERE = (
    r"(?:here|alive|around|on this earth|in this world)"
    r"(?! (?:on|at|for|this|next|today|tomorrow|when|while|till|until|in the|by)(?![a-z0-9]))"
)
GONE = (
    rf"(?:die|died|dead|be dead|death|be gone|gone|not be {THERE}|not {THERE}"
    rf"|no longer (?:be )?{THERE}|not to be {THERE}|not exist|not to exist|not existing"
    r"|stop existing|stop living|stop being alive|stop breathing|cease to exist|cease existing"
    r"|(?:disappear|disappeared|vanish|vanished)(?! (?:to|off(?! the (?:planet|face|earth|map))"
    r"|into|under|on|for (?:a|an|the|some"
    r"|[0-9])|from (?!this world|the world|existence|the face)[a-z]+|somewhere|abroad"
    r"|with)(?![a-z0-9]))"
    r"|fade away|faded away|fade out"
    r"|be no more|switch myself off|turn myself off|switch off forever|unplug myself|(?:get|got"
    r"|be|was) (?:hit|run over|knocked down) by a (?:car|bus|train|lorry"
    r"|truck|van)|something (?:bad )?happens? to me|(?:dont|didnt|not) make it(?: through)?"
    r"|(?:get|got|be) killed"
    r"|(?:not wake up|not wake|never wake up|never woke up|never wake|not to wake up"
    r"|dont wake up|didnt wake up|wont wake up|not woken up)(?! (?:with|early|late|at|before"
    r"|until|till|feeling|tired|on time|in time|so|too)(?![a-z0-9]))|didnt exist|dont exist"
    rf"|never existed|wasnt {THERE}|werent {THERE}|was never born|were never born"
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
PEOPLE = (
    r"(?:mum|mam|mom|dad|kids|children|family|son|daughter|wife|husband|partner|sister"
    r"|brother|parents|nan|gran|boyfriend|girlfriend|friends|loved ones)"
)
MEDS = (
    r"(?:pills|tablets|meds|medication|medicine|paracetamol|painkillers|sleeping pills"
    r"|sleeping tablets|insulin|antidepressants|co codamol|codeine|lithium|zopiclone"
    r"|quetiapine|olanzapine|clozapine|sertraline|citalopram|fluoxetine|mirtazapine|diazepam"
    r"|pregabalin|tramadol|aripiprazole|risperidone|haloperidol|lamotrigine|valproate"
    r"|amitriptyline|venlafaxine|propranolol|ibuprofen|aspirin)"
)

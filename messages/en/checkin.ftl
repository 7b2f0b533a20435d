## The daily check-in. At most three of these a day. Warm, short, never a lecture.
## Every question says the person can SKIP. Answers are in their own words.

# Sleep question. Any form of hours works ("about 7", "six and a half").
# segments: 1
checkin-sleep = How many hours did you sleep last night? Any rough number is fine, or SKIP.

# Activity question. Any kind of moving counts: walking, housework, dancing.
# segments: 1
checkin-activity = How many minutes were you active today? Walking, housework, anything counts. Or SKIP.

# Eating question: portions of fruit and veg today.
# segments: 1
checkin-eating = How many portions of fruit or veg have you had today? Or SKIP.

# Asked once, to learn whether to ask about smoking at all. No judgement.
# segments: 1
checkin-smokes = Do you smoke at the moment, even now and then? Reply YES or NO, or SKIP.

# Asked of people who smoke. Curious, not scolding.
# segments: 1
checkin-cigarettes = How many cigarettes have you had today? A rough number is fine, or SKIP.

# Alcohol question: drinks yesterday. 0 is a fine answer.
# segments: 1
checkin-alcohol = How many alcoholic drinks did you have yesterday? 0 is fine too. Or SKIP.

# Energy / how the body feels, 0 to 10.
# segments: 1
checkin-energy = How is your energy today, from 0 (none) to 10 (full of beans)? Or SKIP.

# Pain, 0 to 10.
# segments: 1
checkin-pain = Any pain in your body today? From 0 (none) to 10 (very bad). Or SKIP.

# Closing line when today's activity is the most in four weeks.
# $value: 4 gsm chars
# segments: 1
closing-best-activity-minutes = Thank you. { $value } active minutes is your best in four weeks. Well done!

# Closing line when today's fruit and veg is the most in four weeks.
# $value: 4 gsm chars
# segments: 1
closing-best-fruit-veg-portions = Thank you. { $value } portions of fruit and veg is your best in four weeks. Lovely!

# Closing line for a run of days with a check-in.
# $days: 3 gsm chars
# segments: 1
closing-streak = Thank you. That is { $days } days in a row you have checked in. Keep it up!

# Closing line when the person has a goal and nothing else stands out.
# segments: 1
closing-goal = Thank you for checking in. Every small step towards your goal counts.

# Closing line when nothing else stands out. Still warm.
# segments: 1
closing-thanks = Thank you for checking in. See you tomorrow.

# Closing line after an answer that says today was hard (a LOW mood, no contact with
# anyone, money worries). The step before has said where to talk: no praise, no
# "keep it up", no repeat of the numbers; quiet and kind.
# segments: 1
closing-gentle = Please be gentle with yourself today. We will text you tomorrow.

# The scheduled check-in's first question, with a greeting by name when they gave one
# (NAME). $named is yes or no; $name is their chosen name (any script).
# $name: 30 chars
# $question: 100 gsm chars
# segments: 3
checkin-greeting =
    { $named ->
        [yes] Hi { $name }! { $question }
       *[no] { $question }
    }


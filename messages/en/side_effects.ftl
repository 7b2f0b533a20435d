## The weekly side-effect check: our own wording over eight areas. 0 none, 1 a bit,
## 2 a lot. Curious and respectful; never "you must". Nothing here is medical advice.

# Opens the weekly check. Says why and how to answer.
# segments: 2
side-intro = Time for the weekly check on how your medicine is treating you. For each one, reply 0 for none, 1 for a bit, or 2 for a lot. SKIP is fine any time.

# Domain 1.
# segments: 1
side-sleepy = This week, have you felt sleepy or slowed down in the day? 0, 1 or 2

# Domain 2.
# segments: 1
side-dizzy = Dizzy when you stand up, or your heart racing? 0, 1 or 2

# Domain 3.
# segments: 1
side-stiff = Stiff, shaky, or restless, like you cannot sit still? 0, 1 or 2

# Domain 4.
# segments: 1
side-dry = Dry mouth, blurred eyes, constipation, or trouble passing water? 0, 1 or 2

# Domain 5.
# segments: 1
side-sick = Feeling sick, or an upset stomach? 0, 1 or 2

# Domain 6.
# segments: 1
side-thirsty = Very thirsty, or passing water a lot? 0, 1 or 2

# Domain 7. Said plainly and kindly; it is one of the things people raise least.
# segments: 1
side-sexual = Changes in periods, breasts, sex drive or your sex life? 0, 1 or 2

# Domain 8.
# segments: 1
side-appetite = Changes in your weight or appetite? 0, 1 or 2

# After a "1 (a bit)": does it bother them? They decide whether it matters.
# segments: 1
side-bother = Is this bothering you? YES or NO

# End of the weekly check. Says what happens with it, and the free-text option.
# segments: 2
side-done = Thank you. Anything rated 2, or that bothers you, is worth raising at your next review. You can also text SIDE and what you notice, any time.

# SIDE with nothing after it.
# segments: 1
side-note-how = Text SIDE and what you noticed, like: SIDE dry mouth since the new tablets.

# A free-text side effect was saved.
# segments: 1
side-note-saved = Thank you, we have noted that. It is worth raising at your next review.

# MEDS CHANGED was recorded (this restarts the weekly weigh-in reminders). $when is
# today, or before (a day they gave, $day as dd/mm).
# $day: 5 gsm chars
# segments: 2
meds-changed-saved =
    { $when ->
        [today] Thanks, we have noted that your medicine changed today. We will check in on how it goes. If it was another day, text MEDS CHANGED and the date, like MEDS CHANGED 1 Nov.
       *[before] Thanks, we have noted that your medicine changed on { $day }. We will check in on how it goes.
    }

# MEDS CHANGED with a day still to come. $reason: future.
# segments: 1
meds-changed-how =
    { $reason ->
        [future] That day has not come yet. Text MEDS CHANGED on the day it changes, or with a past date, like MEDS CHANGED 1 Nov.
       *[other] Text MEDS CHANGED and the day it changed, like MEDS CHANGED 1 Nov or MEDS CHANGED yesterday.
    }

## Replies to what people write in their own words, outside the keywords.
## Each shows the person was heard and offers one next step. Never medical advice,
## never a lecture. Be honest that a computer, not a person, reads these texts.
## GSM-7 characters only (straight quotes, no emoji, no long dashes).

# They asked us to stop in their own words ("please stop texting me"). We do not stop
# on a sentence (it might mean something else); we tell them the exact word, and a gentler option.
# segments: 2
understanding-stop = We hear you. To stop all our texts, text the word STOP on its own. If you would rather have a break, text PAUSE 7 and we will not text you for a week.

# They want fewer or different messages ("stop asking so many questions", "QUIET 10pm-9am").
# Sorry without grovelling; the options that put them in control.
# segments: 2
understanding-fewer = Sorry, we do not want to be too much. You can SKIP any question, or text PAUSE 7 for a week off. To change when we text, send TIME and a time, like TIME 7pm.

# They asked for no messages at night or so early ("QUIET 10pm-9am", "dont text me so
# early"). Reassure with the service's quiet hours, London time, then how to choose.
# $from: 5 gsm chars
# $to: 5 gsm chars
# segments: 2
understanding-fewer-night = We never send check-ins or reminders between { $from } and { $to }. To choose when your check-in comes, text TIME and a time, like TIME 7pm. For a week off, text PAUSE 7.

# They asked to talk to a person. No one reads these texts: say so plainly, say who can
# talk with them and when, and give the numbers for now (CLINICAL.md: a request to talk
# must never look like a crisis route, and always repeats the crisis numbers).
# segments: 3
understanding-talk = Thank you for asking. A computer reads these texts, not a person, so no one will reply here. Please contact your care team or GP in their working hours. If you need someone now, call Samaritans free on 116 123, or text SHOUT to 85258, any time. If your life is at risk, call 999.

# "who is this", "what is this": what Companion is, honestly, and where to start.
# segments: 2
understanding-who = This is Companion, a free text service to help you look after your physical health. A computer sends these texts, not a person. Text MENU to see what you can text.

# A weight in a sentence ("my weight is 13 stone") was saved. Says how to correct it.
# $value: 5 gsm chars
# segments: 1
understanding-weight-saved = Thanks, we have saved your weight: { $value } kg. If that is not right, text WEIGHT and the right number.

# A blood pressure in a sentence was saved. Says how to correct it.
# $systolic: 3 gsm chars
# $diastolic: 3 gsm chars
# segments: 1
understanding-bp-saved = Thanks, we have saved your blood pressure: { $systolic }/{ $diastolic }. If that is not right, text BP and the right reading.

# A blood sugar in a sentence ("blood sugar 6.2") was saved. Says how to correct it.
# $value: 5 gsm chars
# segments: 1
understanding-glucose-saved = Thanks, we have saved your blood sugar: { $value } mmol/L. If that is not right, text SUGAR and the right number.

# A waist in a sentence was saved. Says how to correct it.
# $value: 5 gsm chars
# segments: 1
understanding-waist-saved = Thanks, we have saved your waist: { $value } cm. If that is not right, text WAIST and the right number.

# An HbA1c result ("HbA1c 44"). We have nowhere to keep it yet: say so, without
# saying what the number means.
# segments: 2
understanding-hba1c = Thanks for telling us your HbA1c. We cannot save HbA1c results yet, so it is worth keeping a note for your next review. For a blood sugar reading, text SUGAR and the number.

# A side effect in their own words, saved as a note (like SIDE). CLINICAL.md: common and
# worth raising, where to read more, do not stop a medicine without the prescriber.
# $hard is "yes" when the text also told of a hard time.
# segments: 3
understanding-side-effect =
    { $hard ->
        [yes] That sounds like a hard time, and thank you for telling us. To talk to someone, Samaritans are free on 116 123, any time.
       *[other] Thank you for telling us.
    } We have noted it for your next review. Side effects are common and worth raising. Please do not stop a medicine without talking to your prescriber. You can read about yours at nhs.uk/medicines. If you feel very unwell, call NHS 111.

# A missed dose ("I forgot my pills yesterday"). No advice on doses: a pharmacist can
# say what to do. Curious and respectful, never "you must". Next step: a reminder.
# segments: 2
understanding-missed-dose = Thanks for telling us. It happens to lots of people. A pharmacist can tell you what to do about a missed dose. If a reminder would help, text REMIND, a time and what for, like REMIND 9pm tablets.

# A changed medicine in their own words ("doctor changed my tablets"). Not recorded on
# a sentence (it starts six weeks of weigh-ins): we say how to record it.
# segments: 2
understanding-meds-changed = Thanks for letting us know. If your medicine has changed, text MEDS CHANGED and we will note it. Then we will check in on how it goes, with a weekly weigh-in for 6 weeks.

# A question about a health topic. One warm line, then a tip from the directory follows.
# No lecture, no targets beyond the UK reference points in CLINICAL.md.
# segments: 2
understanding-topic =
    { $topic ->
        [smoking] Good on you for thinking about it. Free NHS stop smoking support makes stopping easier, and your GP or a pharmacist can put you in touch.
        [sleep] Sleep matters for how we feel. A regular time to get up and some daylight in the morning help many people.
        [eating] Small changes count, like one more portion of fruit or veg a day.
        [alcohol] The UK guide is not more than 14 units a week, spread over 3 or more days. Your GP can help if you would like to cut down.
       *[activity] Any activity is better than none, and it all counts: walking, housework, dancing.
    }

# Loneliness or a hard time (not crisis: that has its own reply). Warm, honest that no
# one reads these texts, who to tell, and someone to talk to any time.
# segments: 2
understanding-hard-time = Thank you for telling us. That sounds hard. A computer reads these texts, not a person, so it may help to tell your care team or someone you trust. To talk now, Samaritans are free on 116 123, any time.

# Good news (a walk, a goal met, feeling better). Celebrate; one light next step.
# segments: 1
understanding-good-news = That is great to hear. Well done, it all adds up. Text LOG if you would like to do a check-in now.

# They said thank you.
# segments: 1
understanding-thanks = You are welcome. Take care, and text us any time.

# A text we could not understand. Honest that a computer reads it, who to reach, and
# where to start; names STOP too, in case they asked to stop in words we missed.
# This should be the rare case.
# segments: 2
understanding-unclear = Thanks for your message. A computer reads these texts, not a person, so we may not understand it all. To talk to someone, please contact your care team. Text MENU to see what you can text, HELP for support numbers, or STOP to stop.

# Before joining (a stranger, or someone who has not said YES yet) asks about their data.
# Who sees what, and their rights, in plain words. Ends with how to find out more.
# segments: 2
before-joining-privacy = Your answers are private and kept encrypted. Your care team only sees a weekly summary if you choose to share it, and you can stop at any time. You can ask for a copy or for all of it to be deleted. Text JOIN to find out more.

# Before joining, "who is this": what Companion is, that a computer sends the texts,
# and both ways forward.
# segments: 2
before-joining-who = This is Companion, a free text service to help people look after their physical health. A computer sends these texts, not a person. Text JOIN to find out more, or STOP and we will not text you.

# Before joining, "please stop texting me" in their own words: the one word that does it.
# segments: 1
before-joining-stop = Sorry to bother you. Text STOP and we will not text you again.

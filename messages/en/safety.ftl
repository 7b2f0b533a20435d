## Safety messages. These must always carry the UK crisis numbers from CLINICAL.md.

# Reply to HELP or INFO, in any state. Says what the service is, that it is not a
# crisis service, the crisis numbers, and how to stop.
# segments: 3
help =
    Companion helps you look after your physical health by text. It is not a crisis service.
    If your life is at risk now, call 999 or go to A&E. For urgent mental health help, call NHS 111 and choose the mental health option. To talk to someone, call Samaritans free on 116 123, or text SHOUT to 85258. All are open 24/7.
    Text STOP to stop messages.

# Sent when a message sounds like the person may be in crisis, whatever else is going on.
# Warm, not alarmed; the numbers first. The check-in carries on afterwards.
# segments: 3
crisis =
    Thank you for telling us. You deserve support right now.
    If your life is at risk, call 999 or go to A&E. For urgent mental health help, call NHS 111 and choose the mental health option. Samaritans are there 24/7, free on 116 123. Or text SHOUT to 85258.
    We are not a crisis service, but you are not on your own.

# Sent when a message mentions harm but says it will not happen ("I'm not going to
# hurt myself"): a gentle check, never an alarm.
# segments: 3
crisis-gentle =
    Thank you for telling us. If things ever feel like too much, help is there any time.
    If your life is at risk, call 999. For urgent mental health help, call NHS 111 and choose the mental health option. Samaritans are free on 116 123, 24/7. Or text SHOUT to 85258.

# Sent instead of the full crisis reply when crisis signposting already went to this
# number in the last hour: every crisis text is answered, more briefly the second time,
# and every number stays.
# segments: 2
crisis-again =
    We hear you, and you matter. If your life is at risk, call 999 or go to A&E. NHS 111, mental health option, 24/7. Samaritans free on 116 123. Or text SHOUT to 85258.

# Sent when a message says someone else may be in crisis ("my friend said she wants
# to die"): signposting for them, and for the sender, who may be worried or shaken.
# Warm, not alarmed; the numbers first. Not the sender's own crisis reply.
# segments: 3
crisis-someone-else =
    Thank you for telling us. It sounds like someone you care about is having a very hard time.
    If their life is at risk now, call 999. For urgent mental health help, call NHS 111 and choose the mental health option. Samaritans are free on 116 123, 24/7, for them and for you. Or text SHOUT to 85258.

# HELP and a command ("HELP REMIND"): what that one command does, with an example.
# Always ends by pointing to HELP on its own, which carries every crisis number.
# $command chooses the variant (a command's name); it is not shown.
# segments: 2
help-command =
    { $command ->
        [log] LOG starts a short check-in now, up to 3 questions. Text SKIP to skip one.
        [skip] SKIP moves past a check-in question you would rather not answer.
        [weight] WEIGHT saves your weight, like WEIGHT 84, WEIGHT 84kg, WEIGHT 13st 4lb or WEIGHT 185lb.
        [bp] BP saves your blood pressure, like BP 128/82.
        [sugar] SUGAR saves a blood sugar reading in mmol/L, like SUGAR 5.4.
        [waist] WAIST saves your waist size, like WAIST 90cm or WAIST 36in.
        [side] SIDE notes a side effect in your words, like SIDE dry mouth since the new tablets.
        [meds_changed] MEDS CHANGED tells us your medicine changed, like MEDS CHANGED 1 Nov. We then remind you about weight and health checks.
        [goal] GOAL sets a small goal of your own, like GOAL walk to the park twice. GOAL on its own shows it.
        [tips] TIPS sends an idea for something local and free to try. Add a topic for ideas on it, like TIPS sleep or TIPS carers.
        [time] TIME sets when your check-in comes, like TIME 10am or TIME 6.30pm.
        [quiet] QUIET sets when we send no check-ins or reminders, like QUIET 10pm-9am. QUIET OFF goes back to our usual night hours.
        [pause] PAUSE stops check-ins and reminders for some days, like PAUSE 7. RESUME starts them again.
        [resume] RESUME starts your check-ins again after a PAUSE.
        [name] NAME sets what we call you, like NAME Sam.
        [language] LANGUAGE changes the language we text in, like LANGUAGE Polski.
        [borough] BOROUGH sets your London borough for local tips, like BOROUGH Hackney.
        [my_week] MY WEEK sends what you logged in the last 7 days.
        [menu] MENU lists what you can text. MENU 2 shows the rest.
        [remind] REMIND sets a daily reminder, like REMIND 9pm take my tablets. REMINDERS lists them. REMINDERS OFF 2 stops number 2.
        [reminders] REMINDERS lists your reminders and appointments. REMINDERS OFF 2 stops number 2. REMIND OFF stops them all.
        [appointment] APPT saves an appointment, like APPT 3 Dec 10:30 GP or APPT Friday 2pm dentist. We remind you the day before.
        [share] SHARE and a code from your care coordinator sends them a weekly summary, only if you say yes.
        [unshare] UNSHARE stops sharing your summary at once.
        [feedback] FEEDBACK and your words tells the team that runs this service what you think. Your care coordinator does not see it.
        [topics] TOPICS lists extra check-in questions you can choose: ADD mood, ADD loneliness, ADD money. REMOVE mood stops one.
        [my_data] MY DATA tells you who sees your answers and how to get a copy.
        [delete_me] DELETE ME deletes everything we hold about you. We ask you to confirm first.
        [stop] STOP stops all our texts at once. START brings them back.
       *[other] MENU lists what you can text.
    } Text HELP on its own for crisis numbers.

# Said once, when the hourly bound on replies to one number is reached (a runaway
# phone, or someone trying every command). $time is when replies resume, HH:MM UK
# time. Crisis replies are never paused, so it says how to get them.
# $time: 5 gsm chars
# segments: 2
replies-paused = Thanks for all your texts this hour. Our replies will pause until about { $time }, UK time. Crisis help is never paused: text HELP any time for the numbers.

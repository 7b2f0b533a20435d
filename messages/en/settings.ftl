## Settings: the person is in control of when and how we text.

# TIME without a time we can read.
# segments: 1
time-how =
    { $reason ->
        [am_or_pm] Is that in the morning or the evening? Try TIME 8am or TIME 8pm.
       *[other] Text TIME and when you would like your check-in, like TIME 10am or TIME 6.30pm.
    }

# TIME (or REMIND) inside quiet hours. $from and $to are HH:MM. $whose: night (our
# night hours), own (the quiet time they set with QUIET).
# $from: 5 gsm chars
# $to: 5 gsm chars
# segments: 1
time-quiet =
    { $whose ->
        [own] That is inside your quiet time. Please choose a time between { $from } and { $to }, or change it with QUIET.
       *[night] We do not text at night. Please choose a time between { $from } and { $to }.
    }

# Check-in time changed. $time is HH:MM, London time.
# $time: 5 gsm chars
# segments: 1
time-saved = Done. Your check-in will come at { $time } each day.

# PAUSE with something we cannot read.
# segments: 1
pause-how = Text PAUSE and a number of days, like PAUSE 7. Up to 90 days.

# Paused. $until is a short date like "Mon 07 Dec".
# $days: 2 gsm chars
# $until: 10 gsm chars
# segments: 1
pause-saved =
    Done, we will not send check-ins or reminders for { $days ->
        [1] 1 day
       *[other] { $days } days
    }, until { $until }. Text RESUME to start sooner.

# RESUME while paused.
# segments: 1
resume-saved = Welcome back. Your check-ins will start again.

# RESUME when not paused.
# segments: 1
resume-not-paused = You are not paused, so nothing has changed. Text PAUSE 7 for a week off.

# NAME with nothing usable after it.
# segments: 1
name-how = Text NAME and what you would like us to call you, like NAME Sam.

# Name saved. $name is their chosen name (any script).
# $name: 30 chars
# segments: 2
name-saved = Nice to meet you, { $name }.

# LANGUAGE with nothing we recognise. Lists the languages we have.
# segments: 1
language-how = Text LANGUAGE and one of: English, Polski.

# Confirms the language change, written in the new language.
# segments: 1
language-saved = Done, we will text you in English.

# Words people may type for this language after LANGUAGE, comma separated. Not sent.
# segments: 1
language-names = english, angielski, en

# BOROUGH with nothing we recognise.
# segments: 1
borough-how = Text BOROUGH and your London borough, like BOROUGH Hackney. If you are not in London, text BOROUGH none.

# Borough saved; used to pick local tips.
# $borough: 25 gsm chars
# segments: 1
borough-saved = Thanks. We will look for tips near you in { $borough }.

# Not in London: tips will be national ones.
# segments: 1
borough-outside-london = Thanks. We will send tips that work anywhere in the UK.

# MENU, page 1: the everyday commands. Page 2 (menu-2) has the rest; together they
# name every command. Keywords stay in English capitals.
# segments: 2
menu =
    You can text:
    LOG to check in now (SKIP any question)
    WEIGHT 84, BP 128/82, SUGAR 5.4, WAIST 90
    SIDE and a side effect
    MEDS CHANGED when your medicine changes
    GOAL and your goal
    TIPS for local ideas
    MY WEEK for your week
    MENU 2 for more

# MENU 2 (also MENU MORE, MORE): the rest of the commands.
# segments: 2
menu-2 =
    More you can text:
    REMIND 9pm tablets, REMINDERS
    APPT 3 Dec 10:30 GP
    TIME 8pm, QUIET 10pm-9am
    PAUSE 7, RESUME
    NAME, BOROUGH, LANGUAGE
    SHARE, UNSHARE, MY DATA, DELETE ME
    TOPICS, FEEDBACK
    HELP REMIND explains one
    HELP for crisis numbers, STOP to stop

# MY WEEK: what they did this week, leading with it. Values may be "none" when
# nothing was logged; only what they did is shown (never "0 of 7": with nothing at
# all they get my-week-new or my-week-quiet instead).
# $logged: 1 gsm chars
# $sleep: 4 gsm chars
# $active: 5 gsm chars
# $weight: 5 gsm chars
# $streak: 3 gsm chars
# segments: 2
my-week =
    Your week:{ $logged ->
        [0] {""}
        [1] {" "}you checked in on 1 day.
       *[other] {" "}you checked in on { $logged } days.
    }{ $active ->
        [none] {""}
       *[other] {" "}You were active for { $active } minutes.
    }{ $sleep ->
        [none] {""}
       *[other] {" "}You slept about { $sleep } hours a night.
    }{ $weight ->
        [none] {""}
       *[other] {" "}Your latest weight: { $weight } kg.
    }{ $streak ->
        [0] {""}
        [1] {""}
       *[other] {" "}That is { $streak } days in a row!
    }

# MY WEEK from someone who joined in the last week and has logged nothing yet.
# segments: 1
my-week-new = Welcome! Your first week has just begun. Each check-in you answer will show here. Text LOG to do one now.

# MY WEEK with nothing logged this week, from someone who has been with us longer.
# No blame: a quiet week is fine.
# segments: 1
my-week-quiet = A quiet week, and that is OK. Text LOG any time to check in. It only takes a minute.

# MY WEEK's second text, when they have a goal.
# $goal: 80 chars
# segments: 3
my-week-goal = Your goal: { $goal }. Text GOAL to change it.

# MY DATA: who sees what, how to get a copy, how to delete it. Honest and complete in
# two texts: no one reads the texts; sharing only after SHARE, with one coordinator.
# segments: 2
my-data = No one reads your texts. Your answers are stored encrypted. They are shared only if you text SHARE: then just the care coordinator you choose gets a weekly summary, and UNSHARE stops it. For a copy, ask your care team. DELETE ME deletes it all.

# The same privacy answer for someone who has not joined ("what do you do with my
# data?" before JOIN). Ends with how to join.
# segments: 2
privacy = Companion keeps your answers private and encrypted. No one reads your texts. Nothing is shared unless you text SHARE, and then only a weekly summary to the care coordinator you choose. You can delete it all at any time. Text JOIN to start.

# DELETE ME: what erasure removes, and how to confirm. Nothing happens without DELETE.
# segments: 3
delete-me-ask = This will delete all we have about you: your answers, weights, goals, reminders, texts and any sharing. You cannot get it back. Reply DELETE to go ahead, or KEEP to keep it.

# They chose to keep their data.
# segments: 1
delete-me-kept = OK, nothing has been deleted.

# Sent after erasure. After this we hold nothing about them; they are a stranger.
# segments: 1
delete-me-done = Everything we held about you has been deleted. Thank you for using Companion. Text JOIN if you ever want to start again.

# The DELETE ME question was not answered with DELETE or KEEP.
# $question: 190 gsm chars
# segments: 3
reask-choice = Sorry, I did not catch that. { $question }

# QUIET set or reset. $from and $to are HH:MM, UK time: no prompts or reminders
# between them. $kind: own (their QUIET), usual (QUIET OFF: the service's night
# hours), none (QUIET OFF when the service has no night hours).
# $from: 5 gsm chars
# $to: 5 gsm chars
# segments: 1
quiet-saved =
    { $kind ->
        [own] Done. We will not send check-ins or reminders between { $from } and { $to }, UK time. Text QUIET OFF for our usual hours.
        [usual] Done, back to our usual quiet hours: no check-ins or reminders between { $from } and { $to }.
       *[none] Done, your own quiet hours are off.
    }

# QUIET on its own: their quiet time now. Same arguments as quiet-saved.
# $from: 5 gsm chars
# $to: 5 gsm chars
# segments: 1
quiet-current =
    { $kind ->
        [none] You have no quiet hours. To set some, text QUIET and the times, like QUIET 10pm-9am.
       *[own] We do not send check-ins or reminders between { $from } and { $to }, UK time. To change it, text QUIET and the times, like QUIET 10pm-9am.
    }

# QUIET with something we could not use. $reason: am_or_pm; too_long (it would
# leave under 8 hours a day for texts); apart (a quiet time in the day, away from
# the night); anything else: not understood.
# segments: 2
quiet-how =
    { $reason ->
        [am_or_pm] Is that in the morning or the evening? Try QUIET 10pm-9am.
        [too_long] That leaves too little of the day for texts. Try a shorter quiet time, like QUIET 10pm-9am, or PAUSE 7 for a week off.
        [apart] Quiet time needs to join up with the night, like QUIET 10pm-9am. To move your check-in, text TIME and a time, like TIME 6pm.
       *[other] Text QUIET and when you would like no texts, like QUIET 10pm-9am. QUIET OFF goes back to our usual hours.
    }

# After QUIET, when their check-in time fell inside the new quiet time: it moves to
# the end of it. $time is HH:MM, UK time.
# $time: 5 gsm chars
# segments: 1
quiet-moved-checkin = Your check-in time was inside that quiet time, so it will now come at { $time }. Text TIME to change it.

# After QUIET, when daily reminders fall inside the new quiet time: they will not come.
# $count: 2 digits
# segments: 1
quiet-holds-reminders =
    { $count ->
        [1] 1 reminder is set inside that quiet time, so it will not come. Text REMINDERS to see it.
       *[other] { $count } reminders are set inside that quiet time, so they will not come. Text REMINDERS to see them.
    }

## The monitoring calendar and reminders the person asked for. Never at night.

# Twelve weeks after a medicine change (CLINICAL.md): the check worth asking for.
# segments: 2
twelve-week-check = It is 12 weeks since your medicine changed. This is a good time to ask your GP or care team for a check of your weight, blood pressure, blood sugar and cholesterol.

# The yearly health check question.
# segments: 1
health-check-ask = Have you had your free yearly physical health check in the last 12 months? Reply YES or NO.

# They have had it.
# segments: 1
health-check-yes = That is great. Looking after your body matters, and you are doing it.

# They have not: how to book, without blame.
# segments: 2
health-check-how = That is OK. You can ask your GP surgery for your yearly physical health check. It is free, and it covers weight, blood pressure, blood sugar, cholesterol and more.

# A daily reminder they set, in their words.
# $what: 40 chars
# segments: 2
reminder = Reminder: { $what }

# The day before an appointment they told us about.
# $what: 40 chars
# $time: 5 gsm chars
# $day: 10 gsm chars
# segments: 3
appointment-reminder = Reminder: { $what } on { $day } at { $time }. Good luck!

# REMIND without something we can read. $reason: am_or_pm for a bare hour ("at 8:30").
# segments: 1
remind-how =
    { $reason ->
        [am_or_pm] Is that in the morning or the evening? Try REMIND 8:30am tablets or REMIND 8:30pm tablets.
       *[other] Text REMIND, a time and what for, like: REMIND 9pm take my tablets. REMIND OFF stops all reminders.
    }

# A daily reminder was set.
# $time: 5 gsm chars
# $what: 40 chars
# segments: 3
remind-saved = Done. We will remind you at { $time } each day: { $what }. Text REMINDERS to see or stop them.

# REMIND OFF.
# $count: 2 digits
# segments: 1
remind-off =
    { $count ->
        [0] You have no reminders set.
       *[other] Done, your reminders are off.
    }

# APPT without something we can read. $reason: past (the day or time has gone),
# am_or_pm (an hour we could not place), no_time (a day but no time), anything
# else: not understood.
# segments: 1
appt-how =
    { $reason ->
        [past] That time has passed. If it is another day, text APPT, the date, time and what it is, like APPT 3 Dec 10:30am GP.
        [no_time] What time is it? Try APPT, the date, time and what it is, like APPT Friday 2pm dentist.
        [am_or_pm] Is that in the morning or the afternoon? Try APPT Friday 2pm dentist.
       *[other] Text APPT, the date, time and what it is, like: APPT 3 Dec 10:30am GP.
    }

# An appointment reminder was set.
# $what: 40 chars
# $time: 5 gsm chars
# $day: 10 gsm chars
# segments: 3
appt-saved = Thanks. We will remind you about { $what } on { $day } at { $time }, before it comes.

# The appointment is too soon to remind, or in the past.
# segments: 1
appt-too-soon = That is too soon for us to send a reminder. Good luck with it!

# REMINDERS: the person's reminders and appointments, numbered. $list is their
# reminders-line texts, one a line (at most 4); $more how many more are not shown.
# $list: 190 chars
# $more: 2 digits
# Usually 2 texts; the budget is the worst case (4 reminders, each in emoji).
# segments: 8
reminders-list =
    Your reminders (UK time):
    { $list }
    { $more ->
        [0] To stop one, text REMINDERS OFF and its number, like REMINDERS OFF 1.
       *[other] And { $more } more. To stop one, text REMINDERS OFF and its number, like REMINDERS OFF 1.
    }

# One line of reminders-list. $kind is daily or once (an appointment); $day is dd/mm.
# $number: 2 digits
# $time: 5 gsm chars
# $day: 5 gsm chars
# $what: 30 chars
# segments: 2
reminders-line =
    { $kind ->
        [daily] { $number }. { $time } each day: { $what }
       *[once] { $number }. { $what } on { $day } at { $time }
    }

# REMINDERS when none are set.
# segments: 1
reminders-none = You have no reminders set. Text REMIND and a time, like REMIND 9pm take my tablets, or APPT and a date, like APPT 3 Dec 10:30am GP.

# One reminder stopped (REMINDERS OFF 2).
# $what: 40 chars
# segments: 2
reminder-removed = Done, that reminder is off: { $what }.

# REMINDERS OFF with a number that is not in the list.
# $number: 2 digits
# segments: 1
reminder-not-found = There is no reminder number { $number }. Text REMINDERS to see the list.

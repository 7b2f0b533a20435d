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

# REMIND without something we can read.
# segments: 1
remind-how = Text REMIND, a time and what for, like: REMIND 8am take my tablets. REMIND OFF stops all reminders.

# A daily reminder was set.
# $time: 5 gsm chars
# $what: 40 chars
# segments: 3
remind-saved = Done. We will remind you at { $time } each day: { $what }. Text REMIND OFF to stop.

# REMIND OFF.
# $count: 2 digits
# segments: 1
remind-off =
    { $count ->
        [0] You have no reminders set.
       *[other] Done, your reminders are off.
    }

# APPT without something we can read.
# segments: 1
appt-how = Text APPT, the date, time and what it is, like: APPT 3 Dec 10:30am GP.

# An appointment reminder was set.
# $what: 40 chars
# $time: 5 gsm chars
# $day: 10 gsm chars
# segments: 3
appt-saved = Thanks. We will remind you about { $what } on { $day } at { $time }, before it comes.

# The appointment is too soon to remind, or in the past.
# segments: 1
appt-too-soon = That is too soon for us to send a reminder. Good luck with it!

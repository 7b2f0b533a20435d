## Notes that join up care: a care coordinator recorded a medicine change or an
## appointment; the person chooses whether it goes in their calendar (YES or NO).
## Nothing is added without YES.

# Asked after a coordinator notes a medicine change. $coordinator is their name;
# $what is the coordinator's words; $day is DD/MM.
# $coordinator: 30 chars
# $what: 60 chars
# $day: 5 gsm chars
# segments: 6
note-medicine-ask = { $coordinator } from your care team noted a medicine change: { $what } (from { $day }). Would you like reminders for the weight and health checks that usually follow a change? Reply YES or NO. Nothing changes unless you say YES.

# Asked after a coordinator notes an appointment. $time is HH:MM.
# $coordinator: 30 chars
# $what: 60 chars
# $day: 5 gsm chars
# $time: 5 gsm chars
# segments: 6
note-appt-ask = { $coordinator } from your care team noted an appointment: { $what } on { $day } at { $time }. Would you like a reminder the day before? Reply YES or NO. Nothing is added unless you say YES.

# After YES to a medicine change: the check calendar restarts from that day.
# $day: 5 gsm chars
# segments: 2
note-medicine-added = Done. Your weight and health check reminders now count from { $day }: weekly for 6 weeks, then at 12 weeks and a year. REMINDERS lists them.

# After YES to an appointment that has passed, or is too soon for a reminder.
# segments: 1
note-appt-past = Thank you. That appointment is too soon or has passed, so no reminder was added.

# After NO: nothing added.
# segments: 1
note-declined = OK, nothing has been added. You can always add things yourself: text MENU to see how.

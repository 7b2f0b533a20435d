## Notes that join up care: a care coordinator recorded a medicine change or an
## appointment; the person chooses whether it goes in their calendar (YES or NO).
## Nothing is added without YES.

# Asked after a coordinator notes a medicine change. $coordinator is their name;
# $what is the coordinator's words; $day is DD/MM.
# $coordinator: 30 chars
# $what: 60 chars
# $day: 5 gsm chars
# segments: 6
note-medicine-ask = { $coordinator } z Twojego zespołu opieki zapisał(a) zmianę leków: { $what } (od { $day }). Czy chcesz przypomnień o ważeniu i badaniach, które zwykle są po zmianie? Odpisz YES (tak) lub NO (nie). Nic nie zmienimy bez Twojego YES.

# Asked after a coordinator notes an appointment. $time is HH:MM.
# $coordinator: 30 chars
# $what: 60 chars
# $day: 5 gsm chars
# $time: 5 gsm chars
# segments: 6
note-appt-ask = { $coordinator } z Twojego zespołu opieki zapisał(a) wizytę: { $what }, { $day } o { $time }. Czy chcesz przypomnienia dzień wcześniej? Odpisz YES (tak) lub NO (nie). Nic nie dodamy bez YES.

# After YES to a medicine change: the check calendar restarts from that day.
# $day: 5 gsm chars
# segments: 3
note-medicine-added = Gotowe. Przypomnienia o ważeniu i badaniach liczą się teraz od { $day }: co tydzień przez 6 tygodni, potem po 12 tygodniach i po roku. REMINDERS je pokazuje.

# After YES to an appointment that has passed, or is too soon for a reminder.
# segments: 2
note-appt-past = Dziękujemy. Ta wizyta jest zbyt blisko albo już minęła, więc nie dodaliśmy przypomnienia.

# After NO: nothing added.
# segments: 2
note-declined = Dobrze, nic nie dodaliśmy. Zawsze możesz dodać coś sam(a): napisz MENU, aby zobaczyć jak.

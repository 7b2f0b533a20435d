## The monitoring calendar and reminders the person asked for. Never at night.
## Keywords (REMIND, REMIND OFF, APPT, YES, NO) stay in English. Examples use a
## 24-hour time with two digits ("08:00") and a Polish-style date ("3.12"): both are
## understood; "8:00" and "10:30" are not (am or pm?), nor Polish month names.

# Twelve weeks after a medicine change (CLINICAL.md): the check worth asking for.
# segments: 3
twelve-week-check = Minęło 12 tygodni od zmiany Twoich leków. To dobry moment, by poprosić lekarza GP lub zespół opieki o sprawdzenie wagi, ciśnienia, cukru we krwi i cholesterolu.

# The yearly health check question.
# segments: 2
health-check-ask = Czy w ostatnich 12 miesiącach udało Ci się zrobić bezpłatne coroczne badanie zdrowia fizycznego? Odpisz YES (tak) lub NO (nie).

# They have had it.
# segments: 1
health-check-yes = Świetnie. Dbanie o ciało jest ważne, a Ty to robisz.

# They have not: how to book, without blame.
# segments: 3
health-check-how = Nic nie szkodzi. Możesz poprosić swoją przychodnię GP o coroczne badanie zdrowia fizycznego. Jest bezpłatne i obejmuje wagę, ciśnienie, cukier we krwi, cholesterol i więcej.

# A daily reminder they set, in their words.
# $what: 40 chars
# segments: 2
reminder = Przypomnienie: { $what }

# The day before an appointment they told us about.
# $day is a short date like "Wed 03 Dec".
# $what: 40 chars
# $time: 5 gsm chars
# $day: 10 gsm chars
# segments: 2
appointment-reminder = Przypomnienie: { $what }, { $day } o { $time }. Powodzenia!

# REMIND without something we can read.
# segments: 2
remind-how = Napisz REMIND, godzinę i o czym przypomnieć, np.: REMIND 08:00 wziąć tabletki. REMIND OFF wyłącza wszystkie przypomnienia.

# A daily reminder was set.
# $time: 5 gsm chars
# $what: 40 chars
# segments: 3
remind-saved = Gotowe. Codziennie o { $time } przypomnimy: { $what }. Napisz REMIND OFF, by wyłączyć.

# REMIND OFF.
# $count: 2 digits
# segments: 1
remind-off =
    { $count ->
        [0] Nie masz ustawionych przypomnień.
       *[other] Gotowe, przypomnienia są wyłączone.
    }

# APPT without something we can read.
# segments: 2
appt-how = Napisz APPT, datę, godzinę i co to za wizyta, np.: APPT 3.12 09:30 lekarz GP.

# An appointment reminder was set.
# $what: 40 chars
# $time: 5 gsm chars
# $day: 10 gsm chars
# segments: 3
appt-saved = Dziękujemy. Przypomnimy Ci wcześniej o: { $what } ({ $day }, { $time }).

# The appointment is too soon to remind, or in the past.
# segments: 1
appt-too-soon = Za mało czasu, by wysłać przypomnienie. Powodzenia!

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

# REMIND without something we can read. $reason: am_or_pm for a bare hour ("8:30").
# segments: 2
remind-how =
    { $reason ->
        [am_or_pm] Rano czy wieczorem? Napisz np. REMIND 08:30 tabletki albo REMIND 20:30 tabletki.
       *[other] Napisz REMIND, godzinę i o czym przypomnieć, np.: REMIND 08:00 wziąć tabletki. REMIND OFF wyłącza wszystkie przypomnienia.
    }

# A daily reminder was set.
# $time: 5 gsm chars
# $what: 40 chars
# segments: 3
remind-saved = Gotowe. Codziennie o { $time } przypomnimy: { $what }. Napisz REMINDERS, by je zobaczyć lub wyłączyć.

# REMIND OFF.
# $count: 2 digits
# segments: 1
remind-off =
    { $count ->
        [0] Nie masz ustawionych przypomnień.
       *[other] Gotowe, przypomnienia są wyłączone.
    }

# APPT without something we can read. $reason: past (the day or time has gone),
# am_or_pm (an hour we could not place), no_time (a day but no time), anything
# else: not understood.
# segments: 3
appt-how =
    { $reason ->
        [past] Ten termin już minął. Jeśli chodzi o inny dzień, napisz APPT, datę, godzinę i co to za wizyta, np.: APPT 3.12 09:30 lekarz GP.
        [no_time] O której godzinie? Napisz np. APPT 4.12 14:00 dentysta.
        [am_or_pm] Rano czy po południu? Napisz np. APPT 4.12 14:00 dentysta.
       *[other] Napisz APPT, datę, godzinę i co to za wizyta, np.: APPT 3.12 09:30 lekarz GP.
    }

# An appointment reminder was set.
# $what: 40 chars
# $time: 5 gsm chars
# $day: 10 gsm chars
# segments: 3
appt-saved = Dziękujemy. Przypomnimy Ci wcześniej o: { $what } ({ $day }, { $time }).

# The appointment is too soon to remind, or in the past.
# segments: 1
appt-too-soon = Za mało czasu, by wysłać przypomnienie. Powodzenia!

# REMINDERS: the person's reminders and appointments, numbered. $list is their
# reminders-line texts, one a line (at most 4); $more how many more are not shown.
# $list: 190 chars
# $more: 2 digits
# Usually 2 texts; the budget is the worst case (4 reminders, each in emoji).
# segments: 8
reminders-list =
    Twoje przypomnienia (czas w UK):
    { $list }
    { $more ->
        [0] By wyłączyć jedno, napisz REMINDERS OFF i numer, np. REMINDERS OFF 1.
       *[other] Oraz { $more } innych. By wyłączyć jedno, napisz REMINDERS OFF i numer, np. REMINDERS OFF 1.
    }

# One line of reminders-list. $kind is daily or once (an appointment); $day is dd/mm.
# $number: 2 digits
# $time: 5 gsm chars
# $day: 5 gsm chars
# $what: 30 chars
# segments: 2
reminders-line =
    { $kind ->
        [daily] { $number }. codziennie { $time }: { $what }
       *[once] { $number }. { $what }, { $day } o { $time }
    }

# REMINDERS when none are set.
# segments: 3
reminders-none = Nie masz przypomnień. Napisz REMIND i godzinę, np. REMIND 21:00 tabletki, albo APPT i datę, np. APPT 3.12 09:30 lekarz GP.

# One reminder stopped (REMINDERS OFF 2).
# $what: 40 chars
# segments: 2
reminder-removed = Gotowe, to przypomnienie jest wyłączone: { $what }.

# REMINDERS OFF with a number that is not in the list.
# $number: 2 digits
# segments: 2
reminder-not-found = Nie ma przypomnienia numer { $number }. Napisz REMINDERS, by zobaczyć listę.

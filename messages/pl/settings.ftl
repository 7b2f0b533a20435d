## Settings: the person is in control of when and how we text.
## Keywords (TIME, PAUSE, RESUME, NAME, LANGUAGE, BOROUGH, MY WEEK, MENU, none) stay in
## English. Times use the 24-hour clock with two digits ("09:00", "18:30"): "10:00" is
## read as am-or-pm and asked again.

# TIME without a time we can read.
# segments: 2
time-how =
    { $reason ->
        [am_or_pm] Rano czy wieczorem? Napisz np. TIME 08:00 albo TIME 20:00.
       *[other] Napisz TIME i godzinę, o której chcesz dostawać pytania, np. TIME 09:00 albo TIME 18:30.
    }

# TIME (or REMIND) inside quiet hours. $from and $to are HH:MM. $whose: night (our
# night hours), own (the quiet time they set with QUIET).
# $from: 5 gsm chars
# $to: 5 gsm chars
# segments: 2
time-quiet =
    { $whose ->
        [own] To Twój czas ciszy. Wybierz godzinę między { $from } a { $to } albo zmień ciszę przez QUIET.
       *[night] Nie piszemy w nocy. Wybierz godzinę między { $from } a { $to }.
    }

# Check-in time changed. $time is HH:MM, London time.
# $time: 5 gsm chars
# segments: 1
time-saved = Gotowe. Pytania będą przychodzić codziennie o { $time }.

# PAUSE with something we cannot read.
# "PAUSE 7 dni" is not understood: the example is a bare number.
# segments: 1
pause-how = Napisz PAUSE i liczbę dni, np. PAUSE 7. Najwyżej 90 dni.

# Paused. $until is a short date like "Mon 07 Dec".
# $days is passed as a string, so it cannot choose a plural form: "Dni przerwy: N"
# reads right for any number (1 dzień, 2 dni...).
# $days: 2 gsm chars
# $until: 10 gsm chars
# segments: 2
pause-saved = Gotowe. Do { $until } nie wyślemy pytań ani przypomnień. Dni przerwy: { $days }. Napisz RESUME, by wrócić wcześniej.

# RESUME while paused.
# segments: 1
resume-saved = Witamy z powrotem. Codzienne pytania znów ruszają.

# RESUME when not paused.
# segments: 2
resume-not-paused = Nie masz przerwy, więc nic się nie zmienia. Napisz PAUSE 7, by zrobić sobie tydzień wolnego.

# NAME with nothing usable after it.
# segments: 1
name-how = Napisz NAME i to, jak mamy się do Ciebie zwracać, np. NAME Ola.

# Name saved. $name is their chosen name (any script).
# $name: 30 chars
# segments: 2
name-saved = Miło Cię poznać, { $name }.

# LANGUAGE with nothing we recognise. Lists the languages we have.
# segments: 1
language-how = Napisz LANGUAGE i jeden z języków: English, Polski.

# Confirms the language change, written in the new language.
# segments: 1
language-saved = Gotowe, od teraz piszemy do Ciebie po polsku.

# Words people may type for this language after LANGUAGE, comma separated. Not sent.
# segments: 1
language-names = polski, polish, polska, pl, jezyk polski

# BOROUGH with nothing we recognise.
# segments: 2
borough-how = Napisz BOROUGH i swoją dzielnicę Londynu, np. BOROUGH Hackney. Jeśli mieszkasz poza Londynem, napisz BOROUGH none.

# Borough saved; used to pick local tips.
# $borough: 25 gsm chars
# segments: 2
borough-saved = Dziękujemy. Poszukamy porad blisko Ciebie, w dzielnicy { $borough }.

# Not in London: tips will be national ones.
# segments: 2
borough-outside-london = Dziękujemy. Wyślemy porady, które sprawdzą się wszędzie w Wielkiej Brytanii.

# MENU, page 1: the everyday commands. Page 2 (menu-2) has the rest; together they
# name every command. Keywords stay in English capitals. Worded without Polish
# letters where a plain word exists, so each page stays two texts (GSM-7).
# segments: 2
menu =
    Napisz:
    LOG: pytania teraz (SKIP pomija)
    WEIGHT 84, BP 128/82, SUGAR 5.4, WAIST 90
    SIDE i skutek uboczny
    MEDS CHANGED: nowe leki
    GOAL i cel
    TIPS: porady
    MY WEEK: podsumowanie tygodnia
    MENU 2: dalej

# MENU 2 (also MENU MORE, MORE): the rest of the commands.
# segments: 2
menu-2 =
    Inne polecenia:
    REMIND 21:00 leki, REMINDERS
    APPT 3/12 10:30 GP
    TIME 20:00, QUIET 22:00-09:00
    PAUSE 7, RESUME
    NAME, BOROUGH, LANGUAGE
    SHARE, UNSHARE, MY DATA, DELETE ME
    TOPICS, FEEDBACK
    HELP REMIND: opis polecenia
    HELP: numery pomocy, STOP: koniec

# MY WEEK: what they did this week, leading with it. Values may be "none" when
# nothing was logged; only what they did is shown (never "0 of 7": with nothing at
# all they get my-week-new or my-week-quiet instead).
# $logged and $streak are integers; "dni" and "godz." read right with any number
# shown here ($streak is only shown from 2 up).
# $logged: 1 gsm chars
# $sleep: 4 gsm chars
# $active: 5 gsm chars
# $weight: 5 gsm chars
# $streak: 3 gsm chars
# segments: 3
my-week =
    Twój tydzień:{ $logged ->
        [0] {""}
        [1] {" "}odpowiedzi w 1 dniu.
       *[other] {" "}odpowiedzi w { $logged } dniach.
    }{ $active ->
        [none] {""}
       *[other] {" "}Ruch: { $active } min.
    }{ $sleep ->
        [none] {""}
       *[other] {" "}Sen: około { $sleep } godz. na noc.
    }{ $weight ->
        [none] {""}
       *[other] {" "}Ostatnia waga: { $weight } kg.
    }{ $streak ->
        [0] {""}
        [1] {""}
       *[other] {" "}To już { $streak } dni z rzędu!
    }

# MY WEEK from someone who joined in the last week and has logged nothing yet.
# segments: 2
my-week-new = Witaj! Twój pierwszy tydzień dopiero się zaczął. Tu zobaczysz swoje odpowiedzi. Napisz LOG, by zacząć.

# MY WEEK with nothing logged this week, from someone who has been with us longer.
# No blame: a quiet week is fine.
# segments: 2
my-week-quiet = Spokojny tydzień i to jest w porządku. Napisz LOG, kiedy chcesz. To zajmie minutę.

# MY WEEK's second text, when they have a goal.
# $goal: 80 chars
# segments: 3
my-week-goal = Twój cel: { $goal }. Napisz GOAL, by go zmienić.

# MY DATA: who sees what, how to get a copy, how to delete it. Honest and complete in
# two texts: no one reads the texts; sharing only after SHARE, with one coordinator.
# segments: 3
my-data = Nikt nie czyta Twoich SMS-ów. Dane są szyfrowane. Po SHARE wybrany koordynator dostaje podsumowanie tygodnia, UNSHARE to kończy. Kopię da Ci zespół opieki. DELETE ME usuwa wszystko.

# The same privacy answer for someone who has not joined ("what do you do with my
# data?" before JOIN). Ends with how to join.
# segments: 3
privacy = Companion szyfruje Twoje odpowiedzi. Nikt nie czyta Twoich SMS-ów. Bez SHARE nic nie udostępniamy, a po SHARE tylko podsumowanie tygodnia wybranemu koordynatorowi. Napisz JOIN.

# DELETE ME: what erasure removes, and how to confirm. Nothing happens without DELETE.
# segments: 4
delete-me-ask = To usunie wszystko, co o Tobie przechowujemy: odpowiedzi, pomiary, cele, przypomnienia, wiadomości i udostępnianie. Nie da się tego cofnąć. Odpisz DELETE, by potwierdzić, albo KEEP, by zachować.

# They chose to keep their data.
# segments: 1
delete-me-kept = Dobrze, nic nie zostało usunięte.

# Sent after erasure. After this we hold nothing about them; they are a stranger.
# segments: 3
delete-me-done = Wszystko, co o Tobie przechowywaliśmy, zostało usunięte. Dziękujemy za korzystanie z Companion. Napisz JOIN, jeśli zechcesz zacząć od nowa.

# The DELETE ME question was not answered with DELETE or KEEP.
# $question: 200 chars
# segments: 7
reask-choice = Nie udało się tego odczytać. { $question }

# QUIET set or reset. $from and $to are HH:MM, UK time: no prompts or reminders
# between them. $kind: own (their QUIET), usual (QUIET OFF: the service's night
# hours), none (QUIET OFF when the service has no night hours).
# $from: 5 gsm chars
# $to: 5 gsm chars
# segments: 2
quiet-saved =
    { $kind ->
        [own] Gotowe. Bez pytań i przypomnień między { $from } a { $to } (czas w UK). QUIET OFF przywraca zwykłe godziny.
        [usual] Gotowe, wracają zwykłe godziny ciszy: bez pytań i przypomnień między { $from } a { $to }.
       *[none] Gotowe, Twoje godziny ciszy są wyłączone.
    }

# QUIET on its own: their quiet time now. Same arguments as quiet-saved.
# $from: 5 gsm chars
# $to: 5 gsm chars
# segments: 2
quiet-current =
    { $kind ->
        [none] Nie masz godzin ciszy. By je ustawić, napisz np. QUIET 22:00-09:00.
       *[own] Bez pytań i przypomnień między { $from } a { $to } (czas w UK). By to zmienić, napisz np. QUIET 22:00-09:00.
    }

# QUIET with something we could not use. $reason: am_or_pm; too_long (it would
# leave under 8 hours a day for texts); apart (a quiet time in the day, away from
# the night); anything else: not understood.
# segments: 3
quiet-how =
    { $reason ->
        [am_or_pm] Rano czy wieczorem? Napisz np. QUIET 22:00-09:00.
        [too_long] Zostaje za mało dnia na wiadomości. Wybierz krótszą ciszę, np. QUIET 22:00-09:00, albo PAUSE 7.
        [apart] Cisza musi łączyć się z nocą, np. QUIET 22:00-09:00. By zmienić godzinę pytań, napisz np. TIME 18:00.
       *[other] Napisz QUIET i godziny bez wiadomości, np. QUIET 22:00-09:00. QUIET OFF przywraca zwykłe godziny.
    }

# After QUIET, when their check-in time fell inside the new quiet time: it moves to
# the end of it. $time is HH:MM, UK time.
# $time: 5 gsm chars
# segments: 2
quiet-moved-checkin = Godzina pytań wypadała w czasie ciszy, więc teraz będą o { $time }. Napisz TIME, by to zmienić.

# After QUIET, when daily reminders fall inside the new quiet time: they will not come.
# $count is shown as "Przypomnienia w czasie ciszy: N", which reads right for any number.
# $count: 2 digits
# segments: 2
quiet-holds-reminders = Przypomnienia w czasie ciszy: { $count }. Nie przyjdą. Napisz REMINDERS, by je zobaczyć.

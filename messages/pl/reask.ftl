## Re-asks: said when we could not read an answer. Say kindly what we need, then ask
## again. $question is the question itself, rendered from its own message.
## $reason is a code: empty, no_number, vague, out_of_range, unknown_unit,
## missing_unit, time_of_day, incomplete, not_understood, ambiguous_contradictory,
## ambiguous_unsure, ambiguous_several_numbers.
## Polish: "I" voice in the present tense ("widzę", "nie rozumiem"), which has no
## gender. $question is a Polish question (UCS-2), so its width is restated in
## "chars": the longest Polish question each re-ask carries, rounded up.

# Hours of sleep could not be read.
# $question is checkin-sleep.
# $question: 70 chars
# segments: 3
reask-hours =
    { $reason ->
        [ambiguous_contradictory] Widzę tu dwie różne odpowiedzi.
        [ambiguous_several_numbers] Widzę tu więcej niż jedną liczbę.
        [vague] Wystarczy mniej więcej, np. 7 albo 6,5.
        [out_of_range] Ta liczba wydaje się za duża jak na jedną noc.
       *[other] Przepraszam, nie rozumiem. Wystarczy liczba godzin, np. 7.
    } { $question }

# Minutes of activity could not be read.
# Polish asks for minutes only: "1 godzina" is read as 1 minute.
# $question is checkin-activity.
# $question: 70 chars
# segments: 3
reask-minutes =
    { $reason ->
        [ambiguous_several_numbers] Widzę tu więcej niż jedną liczbę.
        [vague] Wystarczy mniej więcej, np. 20 albo 60 minut.
       *[other] Przepraszam, nie rozumiem. Wystarczy liczba minut, np. 30.
    } { $question }

# A count (portions, drinks) could not be read.
# $question is checkin-eating or checkin-alcohol.
# $question: 70 chars
# segments: 3
reask-count =
    { $reason ->
        [ambiguous_several_numbers] Widzę tu więcej niż jedną liczbę.
        [vague] Wystarczy mniej więcej, np. 2 albo 3.
       *[other] Przepraszam, nie rozumiem. Wystarczy sama liczba, np. 2.
    } { $question }

# A number of cigarettes could not be read.
# "pół paczki" is not understood, so the hint is a number only.
# $question is checkin-cigarettes.
# $question: 50 chars
# segments: 3
reask-cigarettes =
    { $reason ->
        [vague] Wystarczy mniej więcej, np. 10 albo 20.
       *[other] Przepraszam, nie rozumiem. Wystarczy sama liczba, np. 10.
    } { $question }

# A 0 to 10 score could not be read.
# $question is checkin-energy or checkin-pain.
# $question: 70 chars
# segments: 3
reask-score10 =
    { $reason ->
        [out_of_range] Skala jest od 0 do 10.
       *[other] Przepraszam, nie rozumiem. Wystarczy liczba od 0 do 10.
    } { $question }

# A yes or no could not be read, or was both.
# $question is checkin-smokes, side-bother or health-check-ask.
# $question: 130 chars
# segments: 5
reask-yes_no =
    { $reason ->
        [ambiguous_contradictory] Widzę tu i tak, i nie.
        [ambiguous_unsure] Nie ma sprawy. Jeśli możesz, odpisz po prostu YES (tak) lub NO (nie).
       *[other] Przepraszam, nie rozumiem. Odpisz YES (tak) lub NO (nie).
    } { $question }

# A 0 / 1 / 2 side-effect rating could not be read.
# $question is one of side-sleepy ... side-appetite.
# $question: 80 chars
# segments: 4
reask-scale012 =
    { $reason ->
        [ambiguous_contradictory] Widzę tu dwie różne odpowiedzi.
        [out_of_range] Wybierz, proszę, 0, 1 lub 2.
       *[other] Przepraszam, nie rozumiem. Odpisz 0 (wcale), 1 (trochę) lub 2 (bardzo).
    } { $question }

# The weekly goal review answer could not be read.
# $question is goal-review-ask.
# $question: 130 chars
# segments: 6
reask-goal_review =
    { $reason ->
        [ambiguous_contradictory] Widzę tu dwie różne odpowiedzi.
       *[other] Przepraszam, nie rozumiem. DONE, PARTLY i NOT THIS WEEK to dobre odpowiedzi.
    } { $question }

# A weight in a prompted weigh-in could not be read.
# Units as written (kg, st, lb): "185 funtów" is read as 185 kg.
# $question is weigh-in-ask.
# $question: 100 chars
# segments: 5
reask-weight =
    { $reason ->
        [missing_unit] Czy to kg, stone (st) czy funty (lb)? Napisz np. 84 kg, 13st 4lb albo 185 lb.
        [ambiguous_stone_or_pounds] Czy to stone i funty? Napisz np. 13st 4lb albo w kg, np. 85 kg.
        [out_of_range] Ta waga wygląda nietypowo. Czy możesz ją sprawdzić?
       *[other] Przepraszam, nie rozumiem. Może być w kg, st lub lb, np. 84 kg albo 13st 4lb.
    } { $question }

# After the last re-ask: we let the question go without saving anything.
# segments: 1
moving-on = Nie ma sprawy, idziemy dalej.

# SKIP when no question is open.
# segments: 2
skip-nothing-open = Teraz nie ma otwartego pytania. Napisz LOG, by odpowiedzieć na pytania, albo MENU, by zobaczyć więcej.

# LOG while a check-in is already open: we ask the open question again next.
# segments: 1
log-already-open = Jesteś w trakcie pytań. Oto, na czym skończyliśmy:

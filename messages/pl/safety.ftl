## Safety messages. These must always carry the UK crisis numbers from CLINICAL.md.
## Polish: Samaritans and SHOUT work in English ("po angielsku"); NHS 111 can get an
## interpreter ("tłumacz": say "Polish"). The NHS 111 phone menu is in English, so the
## option is named as the caller will hear it: "mental health".
## Gender-neutral: "nie musisz przechodzić przez to w pojedynkę", not "nie jesteś sam/sama".

# Reply to HELP or INFO, in any state. Says what the service is, that it is not a
# crisis service, the crisis numbers, and how to stop.
# segments: 7
help =
    Companion pomaga dbać o zdrowie fizyczne przez SMS. Nie jest to służba kryzysowa.
    Gdy Twoje życie jest zagrożone, dzwoń pod 999 lub udaj się na A&E (izbę przyjęć). W pilnej sprawie zdrowia psychicznego dzwoń pod NHS 111 i wybierz opcję "mental health" (tłumacz: powiedz "Polish"). Aby z kimś porozmawiać, dzwoń bezpłatnie do Samaritans: 116 123, albo napisz SHOUT na 85258 (oba po angielsku). Wszystkie działają 24/7.
    Napisz STOP, by wyłączyć wiadomości.

# Sent when a message sounds like the person may be in crisis, whatever else is going on.
# Warm, not alarmed; the numbers first. The check-in carries on afterwards.
# segments: 7
crisis =
    Dziękujemy, że nam o tym piszesz. Zasługujesz teraz na wsparcie.
    Gdy Twoje życie jest zagrożone, dzwoń pod 999 lub udaj się na A&E (izbę przyjęć). W pilnej sprawie zdrowia psychicznego dzwoń pod NHS 111 i wybierz opcję "mental health" (tłumacz: powiedz "Polish"). Samaritans są dostępni 24/7, bezpłatnie: 116 123. Lub napisz SHOUT na 85258 (oba po angielsku).
    Nie jesteśmy służbą kryzysową, ale nie musisz przechodzić przez to w pojedynkę.

# Sent when a message mentions harm but says it will not happen ("I'm not going to
# hurt myself"): a gentle check, never an alarm.
# segments: 6
crisis-gentle =
    Dziękujemy, że nam o tym piszesz. Jeśli kiedyś wszystko zacznie Cię przerastać, pomoc jest zawsze dostępna.
    Gdy Twoje życie jest zagrożone, dzwoń pod 999. W pilnej sprawie zdrowia psychicznego dzwoń pod NHS 111 i wybierz opcję "mental health" (tłumacz: powiedz "Polish"). Samaritans: bezpłatnie 116 123, 24/7. Lub napisz SHOUT na 85258 (oba po angielsku).

# Sent instead of the full crisis reply when crisis signposting already went to this
# number in the last hour: every crisis text is answered, more briefly the second time,
# and every number stays.
# segments: 4
crisis-again =
    Słyszymy Cię i to, co piszesz, jest ważne. Gdy Twoje życie jest zagrożone: 999 lub A&E. NHS 111, opcja "mental health" (tłumacz: "Polish"), 24/7. Samaritans: bezpłatnie 116 123. Lub SMS SHOUT na 85258 (po angielsku).

# Sent when a message says someone else may be in crisis ("my friend said she wants
# to die"): signposting for them, and for the sender, who may be worried or shaken.
# Warm, not alarmed; the numbers first. Not the sender's own crisis reply.
# segments: 6
crisis-someone-else =
    Dziękujemy, że nam o tym piszesz. Wygląda na to, że ktoś Ci bliski przechodzi bardzo trudny czas.
    Gdy życie tej osoby jest zagrożone, dzwoń pod 999. W pilnej sprawie zdrowia psychicznego dzwoń pod NHS 111 i wybierz opcję "mental health" (tłumacz: powiedz "Polish"). Samaritans: bezpłatnie 116 123, 24/7, dla tej osoby i dla Ciebie. Lub napisz SHOUT na 85258 (oba po angielsku).

# HELP and a command ("HELP REMIND"): what that one command does, with an example.
# Always ends by pointing to HELP on its own, which carries every crisis number.
# Keywords stay in English capitals. $command chooses the variant; it is not shown.
# segments: 3
help-command =
    { $command ->
        [log] LOG zaczyna krótkie pytania teraz, najwyżej 3. SKIP pomija pytanie.
        [skip] SKIP pomija pytanie, na które nie chcesz odpowiadać.
        [weight] WEIGHT zapisuje wagę, np. WEIGHT 84 albo WEIGHT 84kg.
        [bp] BP zapisuje ciśnienie, np. BP 128/82.
        [sugar] SUGAR zapisuje cukier, np. SUGAR 5.4.
        [waist] WAIST zapisuje obwód talii, np. WAIST 90cm.
        [side] SIDE zapisuje skutek uboczny Twoimi słowami, np. SIDE suchość w ustach.
        [meds_changed] MEDS CHANGED zapisuje zmianę leków, np. MEDS CHANGED 1/11. Przypomnimy o badaniach.
        [goal] GOAL ustawia mały cel, np. GOAL spacer do parku. Samo GOAL go pokaże.
        [tips] TIPS wysyła pomysł na coś lokalnego i darmowego. Dodaj temat, np. TIPS sen albo TIPS opiekunowie.
        [time] TIME ustawia godzinę pytań, np. TIME 10:00.
        [quiet] QUIET ustawia ciszę, np. QUIET 22:00-09:00. QUIET OFF ją wyłącza.
        [pause] PAUSE robi przerwę, np. PAUSE 7. RESUME ją kończy.
        [resume] RESUME kończy przerwę.
        [name] NAME ustawia, jak się do Ciebie zwracamy, np. NAME Ola.
        [language] LANGUAGE zmienia język, np. LANGUAGE English.
        [borough] BOROUGH ustawia dzielnicę dla porad, np. BOROUGH Ealing.
        [my_week] MY WEEK pokazuje Twoje ostatnie 7 dni.
        [menu] MENU pokazuje, co można napisać. MENU 2 pokazuje resztę.
        [remind] REMIND ustawia przypomnienie, np. REMIND 21:00 leki. REMINDERS je wypisuje.
        [reminders] REMINDERS wypisuje przypomnienia. REMINDERS OFF 2 usuwa nr 2.
        [appointment] APPT zapisuje wizytę, np. APPT 3/12 10:30 GP. Przypomnimy dzień wcześniej.
        [share] SHARE i kod od koordynatora wysyła mu tygodniowe podsumowanie, tylko za zgodą.
        [unshare] UNSHARE od razu kończy udostępnianie.
        [feedback] FEEDBACK i Twoje słowa przekazuje opinię zespołowi serwisu. Koordynator opieki jej nie widzi.
        [topics] TOPICS pokazuje dodatkowe pytania do wyboru: DODAJ nastrój, samotność lub pieniądze. USUN nastrój wyłącza.
        [my_data] MY DATA mówi, kto widzi Twoje odpowiedzi i jak dostać kopię.
        [delete_me] DELETE ME usuwa wszystko, co o Tobie mamy. Najpierw zapytamy.
        [stop] STOP wyłącza wszystkie wiadomości. START je przywraca.
       *[other] MENU pokazuje, co można napisać.
    } Samo HELP poda numery pomocy w kryzysie.

# Said once, when the hourly bound on replies to one number is reached (a runaway
# phone, or someone trying every command). $time is when replies resume, HH:MM UK
# time. Crisis replies are never paused, so it says how to get them.
# $time: 5 gsm chars
# segments: 3
replies-paused = Dziękujemy za wszystkie wiadomości w tej godzinie. Odpowiemy znów około { $time } (czas w UK). Pomoc w kryzysie działa zawsze: napisz HELP.

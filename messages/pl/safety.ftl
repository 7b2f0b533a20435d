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

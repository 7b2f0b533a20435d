## Joining and leaving. Plain, warm, short.
## Each message says its budget as "segments: N": the most SMS parts it may cost.
## Polish letters (ą ć ę ł ń ó ś ź ż) send the SMS as UCS-2: 70 characters in one
## part, 67 per part after, so budgets are higher than in English.
## Keywords (JOIN, START, YES, NO, STOP, HELP, LOG, MENU) stay in English.

# Sent after someone texts JOIN or START for the first time. Says what we do, how
# often, that we are not a crisis service, how to stop, and asks for YES (double opt-in).
# segments: 7
welcome =
    Cześć, tu Companion. Raz dziennie wysyłamy krótkie pytania o sen, ruch, jedzenie i samopoczucie ciała, a na prośbę porady. Twoje odpowiedzi zostają między nami, chyba że zechcesz je udostępnić.
    Nie jesteśmy służbą kryzysową. Gdy Twoje życie jest zagrożone, dzwoń pod 999. W pilnej sprawie dzwoń pod NHS 111 (jest tłumacz). Samaritans: 116 123. Lub napisz SHOUT na 85258 (oba po angielsku).
    Napisz STOP, by w każdej chwili zrezygnować. Odpisz YES (tak), by zacząć.

# Sent when an operator invites a number. Same promises as the welcome; nothing starts
# until the person replies YES.
# segments: 8
invitation =
    Cześć, tu Companion. Twój zespół opieki uznał, że możemy Ci się przydać: raz dziennie krótkie pytania o sen, ruch, jedzenie i samopoczucie ciała. Twoje odpowiedzi zostają między nami, chyba że zechcesz je udostępnić.
    Nie jesteśmy służbą kryzysową. Gdy Twoje życie jest zagrożone, dzwoń pod 999. W pilnej sprawie dzwoń pod NHS 111 (jest tłumacz). Samaritans: 116 123. Lub napisz SHOUT na 85258 (oba po angielsku).
    Odpisz YES (tak), by zacząć, albo STOP, jeśli wolisz nie.

# After YES: they are in. Tells them what happens next and the two words that always work.
# segments: 3
activated =
    Dziękujemy, wszystko gotowe. Codziennie wyślemy Ci kilka krótkich pytań. Odpowiadaj po swojemu, a SKIP pominie pytanie.
    Napisz HELP, by uzyskać pomoc, albo STOP, by w każdej chwili zrezygnować.

# Someone who is signed up texts JOIN again.
# segments: 2
already-active = Już korzystasz z Companion. Napisz HELP, by uzyskać pomoc, albo STOP, by zrezygnować.

# Someone who stopped earlier texts START again, having said YES before.
# segments: 3
welcome-back =
    Witamy z powrotem w Companion. Codzienne pytania znów będą przychodzić. Odpowiadaj po swojemu, a SKIP pominie pytanie.
    Napisz HELP, by uzyskać pomoc, albo STOP, by w każdej chwili zrezygnować.

# A person who has not yet said YES sends something else.
# segments: 2
confirm-reask = Aby zacząć korzystać z Companion, odpisz YES (tak). Jeśli wolisz nie, odpisz NO (nie) lub STOP.

# The person replied NO to the welcome.
# segments: 2
declined = Nie ma sprawy, nie będziemy do Ciebie pisać. Jeśli zmienisz zdanie, napisz JOIN.

# A number that is not signed up texts something. Sent at most once a day.
# segments: 2
stranger = Cześć, tu Companion, bezpłatny serwis SMS, który pomaga dbać o zdrowie fizyczne. Napisz JOIN, by dowiedzieć się więcej.


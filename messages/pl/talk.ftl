## TALK: a person asks their named professional to get in touch (companion.sharing.talk).
## Honest about who reads it and when it will be answered, and never a crisis route:
## every reply repeats the crisis numbers (CLINICAL.md). $first_day and $last_day are
## 0 (Monday) to 6 (Sunday); $start and $end are 24-hour times such as 09:00.
## "od ... do ..." takes the genitive: od poniedziałku do piątku.
## Gender-neutral: "Twoja prośba trafiła do", "ta osoba", never a past tense of the coordinator.

# TALK noted: who will see it, their working hours, how soon to expect contact.
# $coordinator: 40 gsm chars
# $team: 40 gsm chars
# $start: 5 gsm chars
# $end: 5 gsm chars
# $within: 2 digits
# segments: 7
talk-asked =
    Dziękujemy. Twoja prośba o kontakt trafiła do: { $coordinator } ({ $team }). Ta osoba pracuje od { $first_day ->
        [1] wtorku
        [2] środy
        [3] czwartku
        [4] piątku
        [5] soboty
        [6] niedzieli
       *[0] poniedziałku
    } do { $last_day ->
        [0] poniedziałku
        [1] wtorku
        [2] środy
        [3] czwartku
        [5] soboty
        [6] niedzieli
       *[4] piątku
    }, { $start }-{ $end }, i postara się odezwać w ciągu { $within } dni roboczych.
    To nie jest służba kryzysowa. Jeśli potrzebujesz kogoś teraz, dzwoń pod NHS 111 i wybierz opcję "mental health" albo bezpłatnie do Samaritans: 116 123. Gdy Twoje życie jest zagrożone, dzwoń pod 999.

# TALK again while their request is still open: it is with them already, nothing is added.
# $coordinator: 40 gsm chars
# $team: 40 gsm chars
# $start: 5 gsm chars
# $end: 5 gsm chars
# $within: 2 digits
# segments: 7
talk-already-open =
    Twoja prośba jest już u: { $coordinator } ({ $team }). Ta osoba pracuje od { $first_day ->
        [1] wtorku
        [2] środy
        [3] czwartku
        [4] piątku
        [5] soboty
        [6] niedzieli
       *[0] poniedziałku
    } do { $last_day ->
        [0] poniedziałku
        [1] wtorku
        [2] środy
        [3] czwartku
        [5] soboty
        [6] niedzieli
       *[4] piątku
    }, { $start }-{ $end }, i postara się odezwać w ciągu { $within } dni roboczych od Twojej pierwszej wiadomości.
    Jeśli potrzebujesz kogoś teraz, dzwoń pod NHS 111 i wybierz opcję "mental health" albo bezpłatnie do Samaritans: 116 123. Gdy Twoje życie jest zagrożone, dzwoń pod 999.

# After the crisis reply, when the same text also asked for a call: the request is noted
# too, with when it can be answered; the numbers above come first.
# $coordinator: 40 gsm chars
# $team: 40 gsm chars
# $start: 5 gsm chars
# $end: 5 gsm chars
# $within: 2 digits
# segments: 4
talk-after-crisis =
    Twoja prośba o kontakt trafiła też do: { $coordinator } ({ $team }). Ta osoba odpowiada tylko w godzinach pracy, { $start }-{ $end }, w ciągu { $within } dni roboczych. Jeśli potrzebujesz kogoś teraz, skorzystaj z numerów powyżej.

# The coordinator's reply from the portal: the kind words they chose, then their own
# short note if they wrote one, then who reads replies here and a number for now.
# $coordinator: 40 gsm chars
# $note: 300 chars
# segments: 14
talk-reply =
    { $template ->
        [call] { $coordinator }: przeczytano Twoją wiadomość, wkrótce zadzwonimy.
        [callback] { $coordinator }: próbowaliśmy do Ciebie zadzwonić. Oddzwoń proszę do zespołu opieki, kiedy możesz.
        [appointment] { $coordinator }: porozmawiamy o tym na Twojej najbliższej wizycie.
       *[other] { $coordinator }: przeczytano Twoją wiadomość. Dziękujemy za kontakt.
    }{ $has_note ->
        [yes] {"\u000A"}{ $note }
       *[other] {""}
    }
    Wiadomości na ten numer czyta komputer, nie { $coordinator }. Napisz TALK, by poprosić ponownie. Jeśli potrzebujesz kogoś teraz, dzwoń bezpłatnie do Samaritans: 116 123.

## Sharing with a named professional: only with consent, always the person's choice.
## Say plainly who will see what, and how to stop.
## Keywords (SHARE, UNSHARE, YES, NO, WITHOUT) stay in English. The reply parser reads
## "tak"/"nie", but what to leave out must be the English word after WITHOUT (SAFETY,
## SIDE EFFECTS, GOAL): "YES WITHOUT SAFETY (bez kryzysowych SMS-ów)", never "TAK BEZ ...".
## Gender-neutral: the coordinator "prosi", "zobaczy" (present/future, no past tense);
## the person "zmienisz zdanie", never "zdecydowałeś/aś".
## share-given lists what is shared one item a line ({"\u000A"} is a line break), so
## any mix of items reads right without a stray comma.

# After SHARE <code>: who is asking, what they would see, and how to answer.
# $coordinator: 40 gsm chars
# $team: 40 gsm chars
# segments: 6
share-ask =
    { $coordinator } ({ $team }) prosi o cotygodniowe podsumowanie Twoich odpowiedzi na pytania, pomiarów, skutków ubocznych, celu i kryzysowych SMS-ów.
    Odpisz YES (tak), by udostępnić wszystko, albo YES WITHOUT i to, co pominąć (po angielsku), np. YES WITHOUT SAFETY (bez kryzysowych SMS-ów). Odpisz NO (nie), by nie udostępniać.

# A coordinator asked from the portal (the person did not text SHARE).
# $coordinator: 40 gsm chars
# $team: 40 gsm chars
# segments: 7
share-request =
    { $coordinator } ({ $team }) koordynuje Twoją opiekę i prosi o cotygodniowe podsumowanie Twoich odpowiedzi na pytania, pomiarów, skutków ubocznych, celu i kryzysowych SMS-ów. Odpisz YES (tak), by udostępnić, lub NO (nie), by odmówić.
    Możesz też coś pominąć: YES WITHOUT SAFETY (bez kryzysowych SMS-ów), YES WITHOUT SIDE EFFECTS (bez skutków ubocznych) lub YES WITHOUT GOAL (bez celu).

# Sharing started: says in plain words who sees what, and how to stop.
# $coordinator: 40 gsm chars
# $team: 40 gsm chars
# segments: 5
share-given =
    Dziękujemy. Co tydzień { $coordinator } ({ $team }) zobaczy podsumowanie, a w nim:{ $checkins ->
        [yes] {"\u000A"}- odpowiedzi na pytania i pomiary
       *[other] {""}
    }{ $side_effects ->
        [yes] {"\u000A"}- skutki uboczne
       *[other] {""}
    }{ $goals ->
        [yes] {"\u000A"}- Twój cel
       *[other] {""}
    }{ $safety ->
        [yes] {"\u000A"}- kryzysowe SMS-y
       *[other] {""}
    }{"\u000A"}I nic więcej. Napisz UNSHARE w dowolnej chwili, by od razu przestać udostępniać.

# They said NO: respected, no pressure.
# $coordinator: 40 gsm chars
# segments: 2
share-declined = Nie ma sprawy, { $coordinator } nic nie zobaczy. Jeśli zmienisz zdanie, napisz w dowolnej chwili SHARE i kod.

# An answer we could not read, to the share question.
# segments: 2
share-reask = Przepraszamy, nie rozumiemy. Odpisz YES (tak), by udostępnić, YES WITHOUT SAFETY, by pominąć kryzysowe SMS-y, albo NO (nie).

# SHARE with a code that does not exist, was used, or has expired.
# segments: 1
share-code-unknown = Ten kod nie działa. Sprawdź go z zespołem opieki i napisz SHARE i kod.

# SHARE with the coordinator they already share with.
# $coordinator: 40 gsm chars
# $team: 40 gsm chars
# segments: 3
share-already = { $coordinator } ({ $team }) już dostaje Twoje podsumowania. Napisz UNSHARE, by przestać.

# SHARE while already sharing with someone else: one named professional at a time.
# $coordinator: 40 gsm chars
# $team: 40 gsm chars
# segments: 3
share-one-at-a-time = Twoje podsumowania dostaje teraz { $coordinator } ({ $team }). Aby udostępniać komuś innemu, najpierw napisz UNSHARE, potem SHARE i nowy kod.

# UNSHARE: stopped at once, and their summaries deleted.
# $coordinator: 40 gsm chars
# $team: 40 gsm chars
# segments: 3
unshare-done = Gotowe. { $coordinator } ({ $team }) nie dostanie już nic, a wysłane już podsumowania są usunięte. Napisz SHARE i kod, by znów udostępniać.

# UNSHARE when not sharing.
# segments: 1
unshare-nothing = Obecnie nikomu nic nie udostępniasz.

# Every 90 days: do they still want to share? No answer in two weeks means sharing stops.
# $coordinator: 40 gsm chars
# $team: 40 gsm chars
# segments: 4
share-reconfirm =
    Od 90 dni { $coordinator } ({ $team }) dostaje Twoje podsumowania. Chcesz dalej je udostępniać? Odpisz YES (tak) albo NO (nie), by przestać.
    Bez odpowiedzi przez 2 tygodnie udostępnianie się skończy.

# They said YES to keep sharing.
# $coordinator: 40 gsm chars
# $team: 40 gsm chars
# segments: 3
share-reconfirmed = Dziękujemy. { $coordinator } ({ $team }) będzie nadal dostawać Twoje podsumowania. Napisz UNSHARE w dowolnej chwili, by przestać.

# No answer to the 90-day question: sharing has stopped.
# $coordinator: 40 gsm chars
# $team: 40 gsm chars
# segments: 3
share-lapsed = Brak odpowiedzi, więc { $coordinator } ({ $team }) nie dostaje już podsumowań, a wysłane już są usunięte. Napisz SHARE i kod, by znów udostępniać.

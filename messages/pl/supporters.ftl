## Osoby wspierające, które wybiera sama osoba: rodzina, przyjaciele, osoby z podobnym doświadczeniem.
## Słowa kluczowe (SUPPORTER, SUPPORTERS, SHARE, UNSHARE, REMOVE, ACTIVITY, SLEEP, YES, NO,
## LEAVE, STOP, NAME) zostają po angielsku. Neutralnie płciowo: czas teraźniejszy lub
## formy bezosobowe ("cel osiągnięty"), nigdy "osiągnął/ęła".

# segments: 4
supporter-how =
    Aby zaprosić kogoś, kto będzie Ci kibicować, wyślij SUPPORTER, jego imię i numer, np. SUPPORTER Ania 07700 900123.
    Wyślij SUPPORTERS, by zobaczyć listę, albo SUPPORTER REMOVE Ania, by kogoś usunąć.

# segments: 2
supporter-list-none = Nie masz jeszcze osób wspierających. Aby zaprosić kogoś bliskiego, wyślij SUPPORTER, jego imię i numer.

# $name: 30 chars
# segments: 4
supporter-list-entry =
    { $name }: { $joined ->
        [yes] co tydzień dostaje dobre wieści{ $activity ->
            [yes] , a także Twoje minuty ruchu
           *[other] {""}
        }{ $sleep ->
            [yes] , a także Twój sen
           *[other] {""}
        }.
       *[other] zaproszenie wysłane, jeszcze bez odpowiedzi YES.
    } Wyślij SUPPORTER REMOVE { $name }, by to zakończyć.

# segments: 3
supporter-need-name = Najpierw napisz, jakim imieniem zna Cię ta osoba. Wyślij NAME i swoje imię, np. NAME Ola. Potem wyślij SUPPORTER jeszcze raz.

# segments: 2
supporter-number-unclear = Przepraszamy, nie udało się odczytać tego numeru. Spróbuj tak: SUPPORTER Ania 07700 900123.

# $digits: 4 digits
# segments: 1
supporter-unnamed = numer kończący się na { $digits }

# segments: 2
supporter-not-yourself = To Twój własny numer. Osoba wspierająca to ktoś inny, np. przyjaciel lub ktoś z rodziny.

# segments: 2
supporter-already = Ten numer już jest na Twojej liście. Wyślij SUPPORTERS, by ją zobaczyć.

# segments: 2
supporter-too-many = Masz już trzy osoby wspierające, więcej nie można. Aby zaprosić kogoś nowego, najpierw wyślij SUPPORTER REMOVE i imię.

# segments: 2
supporter-invite-limit = Dziś wysłano już trzy zaproszenia. Spróbuj jutro.

# segments: 2
supporter-cannot-invite = Przepraszamy, nie możemy wysłać zaproszenia na ten numer.

# $person: 30 chars
# segments: 8
supporter-invitation =
    Dzień dobry, { $person } prosi Companion o zaproszenie Cię jako osoby wspierającej. Companion to usługa SMS, która pomaga dbać o codzienne zdrowie.
    Raz w tygodniu dostaniesz krótki SMS z dobrymi wieściami o { $person }. Bez danych o zdrowiu, chyba że { $person } tak zdecyduje.
    Odpisz YES (tak), by dołączyć, albo STOP. Jeśli nie odpiszesz, więcej do Ciebie nie napiszemy.

# $name: 30 chars
# segments: 4
supporter-invited = Dziękujemy. Wysłaliśmy jedno zaproszenie: { $name }. Ta osoba będzie Cię wspierać tylko wtedy, gdy odpisze YES. W każdej chwili możesz wysłać SUPPORTERS.

# segments: 2
supporter-not-found = Przepraszamy, nie ma takiej osoby na liście. Wyślij SUPPORTERS, by zobaczyć imiona.

# $name: 30 chars
# segments: 3
supporter-removed = Gotowe. Od teraz { $name } nie dostanie od nas nic więcej. Nie wysyłamy o tym wiadomości.

# segments: 3
supporter-share-how = Możesz udostępnić minuty ruchu albo sen. Wyślij SUPPORTER SHARE, imię i ACTIVITY (ruch) lub SLEEP (sen), np. SUPPORTER SHARE Ania ACTIVITY.

# segments: 2
supporter-share-who = Komu chcesz to udostępnić? Wyślij SUPPORTER SHARE, imię osoby, która odpisała YES, a potem ACTIVITY lub SLEEP.

# $name: 30 chars
# segments: 3
supporter-share-already = { $name } już widzi { $category ->
        [sleep] Twój sen
       *[other] Twoje minuty ruchu
    }. Wyślij SUPPORTER UNSHARE { $name }, by to zakończyć.

# $name: 30 chars
# segments: 4
supporter-share-ask =
    Co tydzień { $name } zobaczy też { $category ->
        [sleep] ile średnio spałeś/spałaś w nocy, w godzinach
       *[other] ile łącznie minut ruchu było w tygodniu
    }.
    Odpisz YES (tak), by to udostępnić, albo NO (nie), by zachować to dla siebie.

# $name: 30 chars
# segments: 4
supporter-shared = Dziękujemy. Od teraz { $name } co tydzień zobaczy też { $category ->
        [sleep] Twój średni sen
       *[other] Twoje minuty ruchu
    }. Wyślij SUPPORTER UNSHARE { $name }, by w każdej chwili to zakończyć.

# $name: 30 chars
# segments: 2
supporter-share-declined = Dobrze, to zostaje tylko dla Ciebie. { $name } dostaje tylko dobre wieści.

# $name: 30 chars
# segments: 2
supporter-unshared = Gotowe. { $name } dostaje teraz tylko dobre wieści, bez danych o zdrowiu.

# $person: 30 chars
# segments: 2
supporter-declined = Nie ma problemu. Nie napiszemy już do Ciebie w sprawie: { $person }.

# $person: 30 chars
# segments: 3
supporter-joined = Dziękujemy za wsparcie dla: { $person }. W niedzielę wieczorem możesz dostać krótki SMS z dobrymi wieściami. Wyślij LEAVE lub STOP, by to zakończyć.

# $name: 30 chars
# segments: 3
supporter-now-active = Dobra wiadomość: { $name } odpisuje YES. Co tydzień dostanie dobre wieści, bez danych o zdrowiu. Wyślij SUPPORTERS, by zobaczyć szczegóły.

# segments: 2
supporter-invited-reask = Aby dostawać cotygodniowe dobre wieści jako osoba wspierająca, odpisz YES (tak). Jeśli nie chcesz, odpisz NO (nie) albo STOP.

# segments: 3
supporter-about = Dziękujemy. Nikt nie czyta tych SMS-ów, więc nie możemy ich przekazać. Dobre wieści przychodzą raz w tygodniu. Wyślij LEAVE lub STOP, by to zakończyć.

# segments: 2
supporter-left = Gotowe. Nie dostaniesz od nas więcej SMS-ów jako osoba wspierająca.

# $name: 30 chars
# segments: 3
supporter-has-left = Dla informacji: { $name } nie chce już dostawać SMS-ów jako osoba wspierająca. Wyślij SUPPORTERS, by zobaczyć listę.

# $name: 30 chars
# $days: 1 digits
# $minutes: 4 digits
# $hours: 4 gsm chars
# segments: 5
supporter-weekly =
    Dobre wieści od Companion:{ $checked ->
        [yes] {" "}{ $name }: odpowiedzi w { $days ->
            [one] 1 dniu
           *[other] { $days } dniach
        } tego tygodnia.
       *[other] {""}
    }{ $goal ->
        [yes] {" "}{ $name }: cel na ten tydzień osiągnięty.
       *[other] {""}
    }{ $active ->
        [yes] {" "}Ruch: { $minutes } min.
       *[other] {""}
    }{ $slept ->
        [yes] {" "}Sen: około { $hours } godz. na noc.
       *[other] {""}
    }
    Miłe słowo od Ciebie może pomóc. Wyślij LEAVE, by to zakończyć.

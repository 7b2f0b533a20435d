## Replies to what people write in their own words, outside the keywords.
## Each shows the person was heard and offers one next step. Never medical advice,
## never a lecture. Be honest that a computer, not a person, reads these texts.
## Keywords (STOP, PAUSE, SKIP, TIME, MENU, HELP, LOG, REMIND, MEDS CHANGED, SUGAR,
## WEIGHT, BP, WAIST, JOIN) stay in English: they are what the service reads.

# They asked us to stop in their own words ("please stop texting me"). We do not stop
# on a sentence (it might mean something else); we tell them the exact word, and a gentler option.
# segments: 3
understanding-stop = Rozumiemy. Aby zatrzymać wszystkie wiadomości, napisz samo słowo STOP. Jeśli wolisz przerwę, napisz PAUSE 7, a nie będziemy pisać przez tydzień.

# They want fewer or different messages ("stop asking so many questions", "QUIET 10pm-9am").
# Sorry without grovelling; the options that put them in control.
# segments: 3
understanding-fewer = Przepraszamy, nie chcemy przesadzać. Każde pytanie możesz pominąć słowem SKIP albo napisać PAUSE 7, by mieć tydzień przerwy. Aby zmienić porę, napisz TIME i godzinę, np. TIME 7pm.

# They asked for no messages at night or so early ("QUIET 10pm-9am", "dont text me so
# early"). Reassure with the service's quiet hours, London time, then how to choose.
# $from: 5 gsm chars
# $to: 5 gsm chars
# segments: 3
understanding-fewer-night = Nigdy nie wysyłamy pytań ani przypomnień między { $from } a { $to }. Aby wybrać porę pytań, napisz TIME i godzinę, np. TIME 7pm. Na tydzień przerwy napisz PAUSE 7.

# They asked to talk to a person. No one reads these texts: say so plainly, say who can
# talk with them and when, and give the numbers for now (CLINICAL.md: a request to talk
# must never look like a crisis route, and always repeats the crisis numbers).
# segments: 6
understanding-talk = Dziękujemy za pytanie. Te wiadomości czyta komputer, nie człowiek, więc nikt tu nie odpowie. Skontaktuj się z zespołem opieki lub lekarzem rodzinnym (GP) w godzinach pracy. Jeśli potrzebujesz kogoś teraz, zadzwoń do Samaritans pod bezpłatny numer 116 123 albo napisz SHOUT na 85258, o każdej porze. Jeśli Twoje życie jest zagrożone, dzwoń pod 999.

# "who is this", "what is this": what Companion is, honestly, and where to start.
# segments: 3
understanding-who = Tu Companion, bezpłatny serwis SMS, który pomaga dbać o zdrowie fizyczne. Te wiadomości wysyła komputer, nie człowiek. Napisz MENU, by zobaczyć, co możesz napisać.

# A weight in a sentence ("my weight is 13 stone") was saved. Says how to correct it.
# $value: 5 gsm chars
# segments: 2
understanding-weight-saved = Dziękujemy, zapisaliśmy Twoją wagę: { $value } kg. Jeśli to błąd, napisz WEIGHT i właściwą liczbę.

# A blood pressure in a sentence was saved. Says how to correct it.
# $systolic: 3 gsm chars
# $diastolic: 3 gsm chars
# segments: 2
understanding-bp-saved = Dziękujemy, zapisaliśmy Twoje ciśnienie: { $systolic }/{ $diastolic }. Jeśli to błąd, napisz BP i właściwy wynik.

# A blood sugar in a sentence ("blood sugar 6.2") was saved. Says how to correct it.
# $value: 5 gsm chars
# segments: 2
understanding-glucose-saved = Dziękujemy, zapisaliśmy Twój cukier we krwi: { $value } mmol/L. Jeśli to błąd, napisz SUGAR i właściwą liczbę.

# A waist in a sentence was saved. Says how to correct it.
# $value: 5 gsm chars
# segments: 2
understanding-waist-saved = Dziękujemy, zapisaliśmy obwód talii: { $value } cm. Jeśli to błąd, napisz WAIST i właściwą liczbę.

# An HbA1c result ("HbA1c 44"). We have nowhere to keep it yet: say so, without
# saying what the number means.
# segments: 3
understanding-hba1c = Dziękujemy za wynik HbA1c. Nie możemy jeszcze zapisywać HbA1c, więc warto go zanotować na następną wizytę. Wynik cukru we krwi możesz wysłać jako SUGAR i liczba.

# A side effect in their own words, saved as a note (like SIDE). CLINICAL.md: common and
# worth raising, where to read more, do not stop a medicine without the prescriber.
# $hard is "yes" when the text also told of a hard time.
# segments: 5
understanding-side-effect =
    { $hard ->
        [yes] To brzmi jak trudny czas, dziękujemy, że piszesz. Porozmawiać możesz z Samaritans: 116 123, bezpłatnie, o każdej porze.
       *[other] Dziękujemy, że nam o tym piszesz.
    } Zanotowaliśmy to na następną wizytę. Skutki uboczne są częste i warto o nich mówić. Nie odstawiaj leku bez rozmowy z lekarzem. Więcej: nhs.uk/medicines. Gdy czujesz się bardzo źle, dzwoń pod NHS 111.

# A missed dose ("I forgot my pills yesterday"). No advice on doses: a pharmacist can
# say what to do. Curious and respectful, never "you must". Next step: a reminder.
# segments: 4
understanding-missed-dose = Dziękujemy, że nam o tym piszesz. To zdarza się wielu osobom. Farmaceuta powie Ci, co zrobić po pominiętej dawce. Jeśli przypomnienie by pomogło, napisz REMIND, godzinę i o czym, np. REMIND 9pm tabletki.

# A changed medicine in their own words ("doctor changed my tablets"). Not recorded on
# a sentence (it starts six weeks of weigh-ins): we say how to record it.
# segments: 3
understanding-meds-changed = Dziękujemy za informację. Jeśli zmieniły się Twoje leki, napisz MEDS CHANGED, a zanotujemy to. Potem zapytamy, jak Ci idzie, z cotygodniowym ważeniem przez 6 tygodni.

# A question about a health topic. One warm line, then a tip from the directory follows.
# No lecture, no targets beyond the UK reference points in CLINICAL.md.
# segments: 3
understanding-topic =
    { $topic ->
        [smoking] Świetnie, że o tym myślisz. Bezpłatne wsparcie NHS ułatwia rzucenie palenia; lekarz rodzinny lub farmaceuta pomoże się z nim skontaktować.
        [sleep] Sen wpływa na samopoczucie. Wielu osobom pomaga stała pora wstawania i trochę dziennego światła rano.
        [eating] Małe zmiany się liczą, np. jedna porcja owoców lub warzyw więcej dziennie.
        [alcohol] W Wielkiej Brytanii zaleca się nie więcej niż 14 jednostek tygodniowo, rozłożonych na 3 dni lub więcej. Lekarz rodzinny pomoże, jeśli chcesz pić mniej.
       *[activity] Każdy ruch jest lepszy niż żaden i wszystko się liczy: spacer, sprzątanie, taniec.
    }

# Loneliness or a hard time (not crisis: that has its own reply). Warm, honest that no
# one reads these texts, who to tell, and someone to talk to any time.
# segments: 4
understanding-hard-time = Dziękujemy, że nam o tym piszesz. To brzmi trudno. Te wiadomości czyta komputer, nie człowiek, więc może pomóc rozmowa z zespołem opieki lub kimś zaufanym. Aby porozmawiać teraz, Samaritans są dostępni bezpłatnie pod 116 123, o każdej porze.

# Good news (a walk, a goal met, feeling better). Celebrate; one light next step.
# segments: 2
understanding-good-news = Wspaniale to słyszeć. Brawo, każdy krok się liczy. Napisz LOG, jeśli chcesz teraz odpowiedzieć na pytania.

# They said thank you.
# segments: 1
understanding-thanks = Nie ma za co. Trzymaj się i pisz, kiedy chcesz.

# A text we could not understand. Honest that a computer reads it, who to reach, and
# where to start; names STOP too, in case they asked to stop in words we missed.
# This should be the rare case.
# segments: 4
understanding-unclear = Dziękujemy za wiadomość. Czyta ją komputer, nie człowiek, więc możemy nie wszystko zrozumieć. Aby z kimś porozmawiać, skontaktuj się z zespołem opieki. Napisz MENU, by zobaczyć, co możesz napisać, HELP po numery wsparcia albo STOP, by zakończyć.

# Before joining (a stranger, or someone who has not said YES yet) asks about their data.
# Who sees what, and their rights, in plain words. Ends with how to find out more.
# segments: 4
before-joining-privacy = Twoje odpowiedzi są prywatne i zaszyfrowane. Zespół opieki widzi tygodniowe podsumowanie tylko, jeśli je udostępnisz, i możesz to zawsze cofnąć. Możesz prosić o kopię lub usunięcie danych. Napisz JOIN, by dowiedzieć się więcej.

# Before joining, "who is this": what Companion is, that a computer sends the texts,
# and both ways forward.
# segments: 4
before-joining-who = Tu Companion, bezpłatny serwis SMS, który pomaga dbać o zdrowie fizyczne. Te wiadomości wysyła komputer, nie człowiek. Napisz JOIN, by dowiedzieć się więcej, albo STOP, a nie będziemy do Ciebie pisać.

# Before joining, "please stop texting me" in their own words: the one word that does it.
# segments: 2
before-joining-stop = Przepraszamy za kłopot. Napisz STOP, a nie będziemy już do Ciebie pisać.

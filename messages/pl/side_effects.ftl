## The weekly side-effect check: our own wording over eight areas. 0 none, 1 a bit,
## 2 a lot. Curious and respectful; never "you must". Nothing here is medical advice.
## Polish: domains are nouns ("senność", not "senny/senna"), so they have no gender.

# Opens the weekly check. Says why and how to answer.
# segments: 2
side-intro = Czas na cotygodniowe pytania o to, jak służą Ci leki. Przy każdym odpisz 0 (wcale), 1 (trochę) lub 2 (bardzo). SKIP pomija pytanie.

# Domain 1.
# segments: 1
side-sleepy = W tym tygodniu: senność lub spowolnienie w ciągu dnia? 0, 1 lub 2

# Domain 2.
# segments: 1
side-dizzy = Zawroty głowy przy wstawaniu albo kołatanie serca? 0, 1 lub 2

# Domain 3.
# segments: 1
side-stiff = Sztywność, drżenie albo trudno usiedzieć w miejscu? 0, 1 lub 2

# Domain 4.
# segments: 2
side-dry = Suche usta, zamglony wzrok, zaparcia lub kłopot z oddawaniem moczu? 0, 1 lub 2

# Domain 5.
# segments: 1
side-sick = Mdłości albo rozstrój żołądka? 0, 1 lub 2

# Domain 6.
# segments: 1
side-thirsty = Duże pragnienie albo częste oddawanie moczu? 0, 1 lub 2

# Domain 7. Said plainly and kindly; it is one of the things people raise least.
# segments: 1
side-sexual = Zmiany w miesiączce, piersiach, libido lub życiu intymnym? 0, 1 lub 2

# Domain 8.
# segments: 1
side-appetite = Zmiany wagi lub apetytu? 0, 1 lub 2

# After a "1 (a bit)": does it bother them? They decide whether it matters.
# segments: 1
side-bother = Czy to Ci przeszkadza? YES (tak) lub NO (nie)

# End of the weekly check. Says what happens with it, and the free-text option.
# segments: 3
side-done = Dziękujemy. Wszystko z oceną 2 lub to, co Ci przeszkadza, warto omówić na następnej wizycie kontrolnej. Możesz też zawsze napisać SIDE i to, co zauważasz.

# SIDE with nothing after it.
# segments: 2
side-note-how = Napisz SIDE i to, co zauważasz, np.: SIDE suchość w ustach od nowych tabletek.

# A free-text side effect was saved.
# segments: 2
side-note-saved = Dziękujemy, zanotowaliśmy to. Warto o tym wspomnieć na następnej wizycie kontrolnej.

# MEDS CHANGED was recorded (this restarts the weekly weigh-in reminders). $when is
# today, or before (a day they gave, $day as dd/mm).
# $day: 5 gsm chars
# segments: 3
meds-changed-saved =
    { $when ->
        [today] Dziękujemy, zanotowaliśmy, że dziś zmieniły się Twoje leki. Jeśli to był inny dzień, napisz np. MEDS CHANGED 1/11.
       *[before] Dziękujemy, zanotowaliśmy, że Twoje leki zmieniły się { $day }. Zapytamy, jak Ci z nimi idzie.
    }

# MEDS CHANGED with a day still to come. $reason: future.
# segments: 2
meds-changed-how =
    { $reason ->
        [future] Ten dzień jeszcze nie nadszedł. Napisz MEDS CHANGED w dniu zmiany albo z minioną datą, np. MEDS CHANGED 1/11.
       *[other] Napisz MEDS CHANGED i dzień zmiany, np. MEDS CHANGED 1/11.
    }

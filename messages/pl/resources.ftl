## TIPS with a topic ("TIPS sen") and pointers to information about medicines.
## Like tips.ftl, the tip replies are written without Polish letters on purpose, so
## they stay GSM-7 and cheap; the medicines pointer uses them (it is about health).

# TIPS with words we could not match to a topic: the topics, kindly, and that plain
# TIPS always works.
# segments: 3
tips-topics = Chetnie pomozemy. Napisz TIPS i temat, a podamy cos blisko Ciebie, np. TIPS sen. Mozesz zapytac o palenie, sen, jedzenie, ruch, alkohol lub pieniadze. Albo o zeby, badania, zdrowie psychiczne, wsparcie, prawa pacjenta, spolecznosc lub leki. Albo o pomoc dla kobiet, mniejszosci, LGBTQ+, starszych lub mlodych, niepelnosprawnych, opiekunow, wiary, uchodzcow, jezyka lub w ciazy.

# TIPS with a topic we know, but nothing on it reaches where they live yet.
# segments: 1
tips-topic-none = Przepraszamy, nie mamy jeszcze nic na ten temat w Twojej okolicy. Napisz TIPS po inna porade.

# After a side-effect report (the weekly check, or SIDE). A pointer to reputable
# public information, never advice: nothing should change without their GP,
# pharmacist or care team.
# segments: 3
side-medicines-info = O swoim leku i jego skutkach ubocznych przeczytasz na nhs.uk/medicines lub mind.org.uk (po angielsku). Zanim cokolwiek zmienisz, porozmawiaj z lekarzem, farmaceutą lub zespołem opieki.

## Tips from the resource directory. Names, offers and contacts come from the directory
## data file, which is GSM-7 and checked by tests (and, for now, in English).
## Polish: the frame text is written without Polish letters on purpose ("Porada",
## "sprawdzono", "Inna? Napisz TIPS albo TIPS i temat"), so a tip stays GSM-7 and cheap.

# One tip. $offer is one short sentence from the directory.
# $name: 50 gsm chars
# $offer: 90 gsm chars
# $contact: 40 gsm chars
# $checked: 8 gsm chars
# segments: 3
tip = Porada: { $name }. { $offer } { $contact } (sprawdzono { $checked }). Inna? Napisz TIPS albo TIPS i temat, np. TIPS sen.

# No tips available right now. Also written without Polish letters: one GSM-7 part.
# segments: 1
tips-none = Przepraszamy, teraz nie mamy dla Ciebie porad. Napisz TIPS innego dnia.

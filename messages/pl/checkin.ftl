## The daily check-in. At most three of these a day. Warm, short, never a lecture.
## Every question says the person can SKIP. Answers are in their own words.
## Polish: informal "Ty", no gendered past-tense verbs or adjectives (we do not know
## the person's gender). Keywords stay in English: the service only understands those.
## Questions invite a number, not "nie": the parser reads Polish "nie" as 9.

# Sleep question. Any form of hours works ("about 7", "six and a half").
# segments: 1
checkin-sleep = Ile mniej więcej godzin udało Ci się przespać tej nocy? Albo SKIP.

# Activity question. Any kind of moving counts: walking, housework, dancing.
# Polish asks for minutes only: "1 godzina" is read as 1 minute.
# segments: 1
checkin-activity = Ile minut ruchu dziś? Spacer i sprzątanie też się liczą. Albo SKIP.

# Eating question: portions of fruit and veg today.
# segments: 1
checkin-eating = Ile porcji owoców lub warzyw było dziś na Twoim talerzu? Albo SKIP.

# Asked once, to learn whether to ask about smoking at all. No judgement.
# segments: 1
checkin-smokes = Czy palisz, choćby czasem? Odpisz YES (tak) lub NO (nie). Albo SKIP.

# Asked of people who smoke. Curious, not scolding.
# segments: 1
checkin-cigarettes = Ile mniej więcej papierosów było dziś? Albo SKIP.

# Alcohol question: drinks yesterday. 0 is a fine answer.
# segments: 1
checkin-alcohol = Ile napojów z alkoholem wczoraj? Jeśli żadnego, napisz 0. Albo SKIP.

# Energy / how the body feels, 0 to 10.
# segments: 1
checkin-energy = Ile masz dziś energii, od 0 (brak) do 10 (pełnia sił)? Albo SKIP.

# Pain, 0 to 10. Asked as a scale, not yes/no, so "nie" is not the natural answer.
# segments: 1
checkin-pain = Ból w ciele dziś, od 0 (brak) do 10 (bardzo silny)? Albo SKIP.

# Closing line when today's activity is the most in four weeks.
# $value is a string ("30", "2.5"): "min" reads right with any number.
# $value: 4 gsm chars
# segments: 1
closing-best-activity-minutes = Dziękujemy. { $value } min ruchu to najwięcej od czterech tygodni. Brawo!

# Closing line when today's fruit and veg is the most in four weeks.
# $value is a string: the colon form avoids declining "porcja" by number.
# $value: 4 gsm chars
# segments: 1
closing-best-fruit-veg-portions = Dzięki! Porcje owoców i warzyw: { $value }, najwięcej od 4 tygodni. Pięknie!

# Closing line for a run of days with a check-in.
# $days is an integer (3 or more): plural by number (1 dzień, 2+ dni).
# $days: 3 gsm chars
# segments: 1
closing-streak =
    Dziękujemy. Odpowiadasz już { $days } { $days ->
        [one] dzień
       *[other] dni
    } z rzędu. Tak trzymaj!

# Closing line when the person has a goal and nothing else stands out.
# segments: 1
closing-goal = Dzięki za odpowiedzi. Każdy mały krok w stronę celu się liczy.

# Closing line when nothing else stands out. Still warm.
# segments: 1
closing-thanks = Dziękujemy za odpowiedzi. Do jutra!

# Po odpowiedzi, że dzień był trudny (LOW, samotność, pieniądze). Bez pochwał.
# segments: 1
closing-gentle = Bądź dziś dla siebie wyrozumiały(-a). Napiszemy jutro.

# The scheduled check-in's first question, with a greeting by name when they gave one
# (NAME). $named is yes or no; $name is their chosen name (any script).
# $name: 30 chars
# $question: 130 chars
# segments: 5
checkin-greeting =
    { $named ->
        [yes] Cześć, { $name }! { $question }
       *[no] { $question }
    }


## Whole-life topics a person may add to their check-in: mood, loneliness, money worries.
## Asked only if they chose them (ADD mood). Kind, plain, never clinical; never a crisis
## reply (crisis language in any answer is still answered first with the crisis numbers).

# Mood question: GOOD, OK or LOW. Asked only of people who added it.
# segments: 2
checkin-mood = Jaki był dziś Twój nastrój: DOBRY, ŚREDNI czy ZŁY? Albo SKIP.

# After a LOW mood. Warm, not alarmed; says where to talk, points to HELP.
# segments: 3
checkin-mood-low = Dziękujemy, że mówisz. Gorsze dni mijają. Rozmowa może pomóc: z zespołem opieki, z kimś zaufanym albo z Samaritans (116 123, za darmo, całą dobę). HELP: więcej numerów.

# Loneliness question, asked as connection (strengths-based). Reply yes or no.
# segments: 2
checkin-loneliness = Czy rozmawiałeś(-aś) dziś z kimś albo spędziłeś(-aś) z kimś trochę czasu, choćby krótko? Odpisz YES (tak) lub NO (nie). Albo SKIP.

# After NO to the loneliness question: local groups, never a lecture.
# segments: 2
checkin-loneliness-groups = Dziękujemy, że mówisz. Lokalne grupy i wspólne spacery to dobry sposób, by poznać ludzi. Napisz TIPS grupy po pomysły w okolicy.

# Money worries question. Reply yes or no.
# segments: 2
checkin-money = Czy martwiłeś(-aś) się dziś o pieniądze? Odpisz YES (tak) lub NO (nie). Albo SKIP.

# After YES to money worries: Citizens Advice, free and confidential.
# segments: 4
checkin-money-help = Dziękujemy, że nam mówisz. Kłopoty z pieniędzmi są częste i jest pomoc. Citizens Advice udziela bezpłatnych, poufnych porad o pieniądzach, długach i zasiłkach: 0800 144 8848 lub citizensadvice.org.uk. TIPS pieniądze: pomoc w okolicy.

# TOPICS on its own: which whole-life topics are on. Each of $mood, $loneliness,
# $money is "yes" or "no".
# $mood: 3 gsm chars
# $loneliness: 3 gsm chars
# $money: 3 gsm chars
# segments: 3
topics-current = Możesz dodać do pytań: nastrój { $mood ->
        [yes] (włączony)
       *[other] (wyłączony)
    }, samotność { $loneliness ->
        [yes] (włączona)
       *[other] (wyłączona)
    }, pieniądze { $money ->
        [yes] (włączone)
       *[other] (wyłączone)
    }. Napisz DODAJ nastrój lub USUN nastrój (albo samotność, pieniądze). Nadal najwyżej 3 pytania dziennie.

# After ADD <topic>. $topic is mood, loneliness or money.
# $topic: 10 gsm chars
# segments: 3
topics-added = Gotowe. Pytania o { $topic ->
        [mood] nastrój
        [loneliness] czas z innymi ludźmi
       *[money] pieniądze
    } będą czasem w Twoich pytaniach. Nadal najwyżej 3 pytania dziennie. Twój koordynator opieki nie widzi tych odpowiedzi. USUN { $topic ->
        [mood] nastrój
        [loneliness] samotność
       *[money] pieniądze
    } je wyłącza.

# After REMOVE <topic>.
# $topic: 10 gsm chars
# segments: 2
topics-removed = Gotowe. Nie będziemy już pytać o { $topic ->
        [mood] nastrój
        [loneliness] czas z innymi ludźmi
       *[money] pieniądze
    }. DODAJ { $topic ->
        [mood] nastrój
        [loneliness] samotność
       *[money] pieniądze
    } przywraca pytania.

# TOPICS with words we could not read.
# segments: 2
topics-how = Aby dodać temat do pytań, napisz DODAJ nastrój, DODAJ samotność albo DODAJ pieniądze. USUN nastrój go wyłącza.

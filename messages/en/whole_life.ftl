## Whole-life topics a person may add to their check-in: mood, loneliness, money worries.
## Asked only if they chose them (ADD mood). Kind, plain, never clinical; never a crisis
## reply (crisis language in any answer is still answered first with the crisis numbers).

# Mood question: GOOD, OK or LOW. Asked only of people who added it.
# segments: 1
checkin-mood = How has your mood been today: GOOD, OK or LOW? Any answer is fine, or SKIP.

# After a LOW mood. Warm, not alarmed; says where to talk, points to HELP.
# segments: 2
checkin-mood-low = Thank you for telling us. Low days happen and they do pass. Talking can help: your care team, someone you trust, or Samaritans free on 116 123, any time. Text HELP for more numbers.

# Loneliness question, asked as connection (strengths-based). Reply yes or no.
# segments: 1
checkin-loneliness = Have you had a chat or some time with someone today, even a short one? Reply YES or NO, or SKIP.

# After NO to the loneliness question: local groups, never a lecture.
# segments: 1
checkin-loneliness-groups = Thanks for saying. Local groups, walks and cafes can be a gentle way to meet people. Text TIPS groups for ideas near you.

# Money worries question. Reply yes or no.
# segments: 1
checkin-money = Have money worries been on your mind today? Reply YES or NO, or SKIP.

# After YES to money worries: Citizens Advice, free and confidential.
# segments: 2
checkin-money-help = Thank you for telling us. Money worries are common, and there is help. Citizens Advice is free and private. They can help with money, debt and benefits. Call 0800 144 8848 or see citizensadvice.org.uk. TIPS money finds local help.

# TOPICS on its own: which whole-life topics are on. Each of $mood, $loneliness,
# $money is "yes" or "no".
# $mood: 3 gsm chars
# $loneliness: 3 gsm chars
# $money: 3 gsm chars
# segments: 2
topics-current = You can add these to your check-in: mood is { $mood ->
        [yes] on
       *[other] off
    }, loneliness is { $loneliness ->
        [yes] on
       *[other] off
    }, money worries are { $money ->
        [yes] on
       *[other] off
    }. Text ADD mood or REMOVE mood (or loneliness, money). Still at most 3 questions a day.

# After ADD <topic>. $topic is mood, loneliness or money.
# $topic: 10 gsm chars
# segments: 2
topics-added = Done. Questions about { $topic ->
        [mood] your mood
        [loneliness] time with other people
       *[money] money worries
    } will now come up in your check-in now and then. Still at most 3 questions a day. Your care coordinator does not see these answers. REMOVE { $topic } stops them.

# After REMOVE <topic>.
# $topic: 10 gsm chars
# segments: 1
topics-removed = Done. We will not ask about { $topic ->
        [mood] your mood
        [loneliness] time with other people
       *[money] money worries
    } any more. ADD { $topic } brings it back.

# TOPICS with words we could not read.
# segments: 1
topics-how = To add a topic to your check-in, text ADD mood, ADD loneliness or ADD money. REMOVE mood takes one away.

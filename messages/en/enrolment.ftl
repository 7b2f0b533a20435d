## Joining and leaving. Plain, warm, short. GSM-7 characters only (straight quotes, no emoji).
## Each message says its budget as "segments: N": the most SMS parts it may cost.

# Sent after someone texts JOIN or START for the first time. Says what we do, how
# often, that we are not a crisis service, how to stop, and asks for YES (double opt-in).
# segments: 3
welcome =
    Hi, this is Companion. We send one short check-in a day, about sleep, moving, food and how your body feels, plus tips when you ask. Your answers stay private unless you choose to share them.
    We are not a crisis service. If your life is at risk call 999. For urgent help call NHS 111. Samaritans: 116 123. Or text SHOUT to 85258.
    Text STOP at any time to stop. Reply YES to start.

# Sent when an operator invites a number. Same promises as the welcome; nothing starts
# until the person replies YES.
# segments: 3
invitation =
    Hi, this is Companion. Your care team thought you might like us: one short check-in a day about sleep, moving, food and how your body feels. Your answers stay private unless you choose to share them.
    We are not a crisis service. If your life is at risk call 999. For urgent help call NHS 111. Samaritans: 116 123. Or text SHOUT to 85258.
    Reply YES to start, or STOP if you would rather not.

# After YES: they are in. Tells them what happens next and the two words that always work.
# segments: 2
activated =
    Thank you, you are all set. We will text you a short check-in each day. You can answer in your own words, and skip anything.
    Text HELP for help, or STOP to stop at any time.

# Someone who is signed up texts JOIN again.
# segments: 1
already-active = You are already signed up to Companion. Text HELP for help, or STOP to stop.

# Someone who stopped earlier texts START again, having said YES before.
# segments: 2
welcome-back =
    Welcome back to Companion. Your check-ins will start again. You can answer in your own words, and skip anything.
    Text HELP for help, or STOP to stop at any time.

# A person who has not yet said YES sends something else.
# segments: 1
confirm-reask = To start Companion, reply YES. If you would rather not, reply NO or STOP.

# The person replied NO to the welcome.
# segments: 1
declined = No problem, we will not text you. If you change your mind, text JOIN.

# A number that is not signed up texts something. Sent at most once a day.
# segments: 1
stranger = Hi, this is Companion, a free text service to help you look after your physical health. Text JOIN to find out more.


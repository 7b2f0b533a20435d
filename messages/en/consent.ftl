## Sharing with a named professional: only with consent, always the person's choice.
## Say plainly who will see what, and how to stop.

# After SHARE <code>: who is asking, what they would see, and how to answer.
# $coordinator: 40 gsm chars
# $team: 40 gsm chars
# segments: 5
share-ask =
    { $coordinator } ({ $team }) would like a weekly summary of your check-ins, measurements, side effects, goal and any crisis texts.
    Reply YES to share it all, or YES WITHOUT and what to leave out, for example YES WITHOUT SAFETY. Reply NO to not share.

# A coordinator asked from the portal (the person did not text SHARE).
# $coordinator: 40 gsm chars
# $team: 40 gsm chars
# segments: 5
share-request =
    { $coordinator }, care coordinator at { $team }, would like a weekly summary of your check-ins, measurements, side effects, goal and any crisis texts. Reply YES to share, NO to not share.
    Or reply YES WITHOUT and what to leave out, for example YES WITHOUT SAFETY.

# Sharing started: says in plain words who sees what, and how to stop.
# $coordinator: 40 gsm chars
# $team: 40 gsm chars
# segments: 5
share-given =
    Thank you. Each week { $coordinator } ({ $team }) will see a summary of:{ $checkins ->
        [yes] {"\u000A"}- your check-ins and measurements
       *[other] {""}
    }{ $side_effects ->
        [yes] {"\u000A"}- side effects
       *[other] {""}
    }{ $goals ->
        [yes] {"\u000A"}- your goal
       *[other] {""}
    }{ $safety ->
        [yes] {"\u000A"}- any crisis texts
       *[other] {""}
    }
    and nothing else. Text UNSHARE at any time to stop sharing at once.

# They said NO: respected, no pressure.
# $coordinator: 40 gsm chars
# segments: 2
share-declined = No problem, nothing will be shared with { $coordinator }. You can text SHARE and a code at any time if you change your mind.

# An answer we could not read, to the share question.
# segments: 1
share-reask = Sorry, I did not catch that. Reply YES to share, YES WITHOUT SAFETY to leave crisis texts out, or NO.

# SHARE with a code that does not exist, was used, or has expired.
# segments: 1
share-code-unknown = Sorry, that share code did not work. Please check it with your care team, then text SHARE and the code.

# SHARE with the coordinator they already share with.
# $coordinator: 40 gsm chars
# $team: 40 gsm chars
# segments: 3
share-already = You already share with { $coordinator } ({ $team }). Text UNSHARE to stop.

# SHARE while already sharing with someone else: one named professional at a time.
# $coordinator: 40 gsm chars
# $team: 40 gsm chars
# segments: 3
share-one-at-a-time = You share with { $coordinator } ({ $team }) at the moment. To share with someone else, text UNSHARE first, then SHARE and the new code.

# UNSHARE: stopped at once, and their summaries deleted.
# $coordinator: 40 gsm chars
# $team: 40 gsm chars
# segments: 3
unshare-done = Done. Nothing more will be shared with { $coordinator } ({ $team }), and the summaries they had are deleted. Text SHARE and a code to share again.

# UNSHARE when not sharing.
# segments: 1
unshare-nothing = You are not sharing anything with anyone at the moment.

# Every 90 days: do they still want to share? No answer in two weeks means sharing stops.
# $coordinator: 40 gsm chars
# $team: 40 gsm chars
# segments: 4
share-reconfirm =
    It has been 90 days since you chose to share with { $coordinator } ({ $team }). Would you like to keep sharing? Reply YES to keep sharing, or NO to stop.
    If we do not hear from you in 2 weeks, sharing stops.

# They said YES to keep sharing.
# $coordinator: 40 gsm chars
# $team: 40 gsm chars
# segments: 3
share-reconfirmed = Thank you. You will keep sharing with { $coordinator } ({ $team }). Text UNSHARE at any time to stop.

# No answer to the 90-day question: sharing has stopped.
# $coordinator: 40 gsm chars
# $team: 40 gsm chars
# segments: 3
share-lapsed = As we did not hear back, sharing with { $coordinator } ({ $team }) has stopped and their summaries are deleted. Text SHARE and a code to share again.

## Re-asks: said when we could not read an answer. Say kindly what we need, then ask
## again. $question is the question itself, rendered from its own message.
## $reason is a code: empty, no_number, vague, out_of_range, unknown_unit,
## missing_unit, time_of_day, incomplete, not_understood, ambiguous_contradictory,
## ambiguous_unsure, ambiguous_several_numbers, ambiguous_stone_or_pounds.

# Hours of sleep could not be read.
# $question: 100 gsm chars
# segments: 2
reask-hours =
    { $reason ->
        [ambiguous_contradictory] I got two different answers there.
        [ambiguous_several_numbers] I got more than one number there.
        [vague] A rough number is fine, like 7 or 6.5.
        [out_of_range] That number looks too big for one night.
       *[other] Sorry, I did not catch that. A number of hours is fine, like 7.
    } { $question }

# Minutes of activity could not be read.
# $question: 100 gsm chars
# segments: 2
reask-minutes =
    { $reason ->
        [ambiguous_several_numbers] I got more than one number there.
        [vague] A rough number is fine, like 20 minutes or 1 hour.
       *[other] Sorry, I did not catch that. Minutes or hours are fine, like 30 or 1 hour.
    } { $question }

# A count (portions, drinks) could not be read.
# $question: 100 gsm chars
# segments: 2
reask-count =
    { $reason ->
        [ambiguous_several_numbers] I got more than one number there.
        [vague] A rough number is fine, like 2 or 3.
       *[other] Sorry, I did not catch that. Just a number is fine, like 2.
    } { $question }

# A number of cigarettes could not be read.
# $question: 100 gsm chars
# segments: 2
reask-cigarettes =
    { $reason ->
        [vague] A rough number is fine, like 10, or half a pack.
       *[other] Sorry, I did not catch that. Just a number is fine, like 10.
    } { $question }

# A 0 to 10 score could not be read.
# $question: 100 gsm chars
# segments: 2
reask-score10 =
    { $reason ->
        [out_of_range] The scale goes from 0 to 10.
       *[other] Sorry, I did not catch that. A number from 0 to 10 is fine.
    } { $question }

# A yes or no could not be read, or was both.
# $question: 100 gsm chars
# segments: 2
reask-yes_no =
    { $reason ->
        [ambiguous_contradictory] I got a yes and a no there.
        [ambiguous_unsure] That is fine. If you can, just say YES or NO.
       *[other] Sorry, I did not catch that. A YES or NO is fine.
    } { $question }

# A 0 / 1 / 2 side-effect rating could not be read.
# $question: 80 gsm chars
# segments: 2
reask-scale012 =
    { $reason ->
        [ambiguous_contradictory] I got two different answers there.
        [out_of_range] Please use 0, 1 or 2.
       *[other] Sorry, I did not catch that. Reply 0 for none, 1 for a bit, 2 for a lot.
    } { $question }

# The weekly goal review answer could not be read.
# $question: 95 gsm chars
# segments: 2
reask-goal_review =
    { $reason ->
        [ambiguous_contradictory] I got two different answers there.
       *[other] Sorry, I did not catch that. DONE, PARTLY or NOT THIS WEEK are all fine.
    } { $question }

# A weight in a prompted weigh-in could not be read.
# $question: 100 gsm chars
# segments: 2
reask-weight =
    { $reason ->
        [missing_unit] Was that kg, stone or pounds? For example 84 kg or 13st 4lb.
        [ambiguous_stone_or_pounds] Was that stone and pounds? Reply like 13st 4lb, or in kg, like 85 kg.
        [out_of_range] That weight looks unusual. Could you check it?
       *[other] Sorry, I did not catch that. Kg, stone or pounds are fine, like 84 kg or 13st 4lb.
    } { $question }

# After the last re-ask: we let the question go without saving anything.
# segments: 1
moving-on = No problem, let us move on.

# SKIP when no question is open.
# segments: 1
skip-nothing-open = There is no question open right now. Text LOG to do a check-in, or MENU to see more.

# LOG while a check-in is already open: we ask the open question again next.
# segments: 1
log-already-open = You are in the middle of a check-in. Here is where we were:

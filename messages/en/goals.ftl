## Goals: small, positive, the person's own words. Every review answer is welcome.

# GOAL with nothing after it, and no goal yet.
# segments: 1
goal-how = Text GOAL and something small you would like to do, like: GOAL walk to the park twice this week.

# GOAL with nothing after it: their current goal, in their words.
# $goal: 80 chars
# segments: 4
goal-current = Your goal is: { $goal }. To change it, text GOAL and your new goal.

# A goal was set. Echoes their words back.
# $goal: 80 chars
# segments: 4
goal-saved = Your goal is: { $goal }. Lovely. We will ask how it went once a week.

# The weekly review question.
# segments: 1
goal-review-ask = How did your goal go this week? Reply DONE, PARTLY or NOT THIS WEEK. All answers are fine.

# Review answer: done.
# segments: 1
goal-review-done = Brilliant, well done! Keep it going, or text GOAL to set a new one.

# Review answer: partly.
# segments: 1
goal-review-partly = That is good going. Every step counts. Keep going this week.

# Review answer: not this week. Welcomed, never scolded.
# segments: 1
goal-review-not-this-week = That is OK, some weeks are like that. You can keep this goal, or text GOAL to set a smaller one.

## Goals: small, positive, the person's own words. Every review answer is welcome.
## Keywords (GOAL, DONE, PARTLY, NOT THIS WEEK) stay in English, with a Polish hint.

# GOAL with nothing after it, and no goal yet.
# segments: 2
goal-how = Napisz GOAL i coś małego, co chcesz zrobić, np.: GOAL spacer do parku dwa razy w tym tygodniu.

# GOAL with nothing after it: their current goal, in their words.
# $goal: 80 chars
# segments: 4
goal-current = Twój cel: { $goal }. Aby go zmienić, napisz GOAL i nowy cel.

# A goal was set. Echoes their words back.
# $goal: 80 chars
# segments: 4
goal-saved = Twój cel: { $goal }. Pięknie. Raz w tygodniu zapytamy, jak idzie.

# The weekly review question.
# segments: 2
goal-review-ask = Jak poszło z celem w tym tygodniu? Odpisz DONE (zrobione), PARTLY (częściowo) lub NOT THIS WEEK (nie). Każda odpowiedź jest dobra.

# Review answer: done.
# segments: 1
goal-review-done = Super, brawo! Tak trzymaj albo napisz GOAL, by ustawić nowy cel.

# Review answer: partly.
# segments: 1
goal-review-partly = Dobrze Ci idzie. Każdy krok się liczy. Działaj dalej w tym tygodniu.

# Review answer: not this week. Welcomed, never scolded.
# segments: 2
goal-review-not-this-week = Nic nie szkodzi, bywają takie tygodnie. Możesz zostać przy tym celu albo napisać GOAL i wybrać mniejszy.

## FEEDBACK: a person's words about the service, for the team that runs it. Never seen
## by their care coordinator. Thank them; say honestly who reads it and how often.

# FEEDBACK on its own: ask for their words (the next text is kept as feedback).
# segments: 1
feedback-ask = We would love to hear what you think. What works, what does not, what would help? Reply with your words.

# After their feedback is kept.
# segments: 2
feedback-thanks = Thank you for telling us. Your words go to the team that runs this service, not to your care coordinator. We read every message each week and use them to make this better. For help with your care, please talk to your care team.

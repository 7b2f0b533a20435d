## FEEDBACK: a person's words about the service, for the team that runs it. Never seen
## by their care coordinator. Thank them; say honestly who reads it and how often.

# FEEDBACK on its own: ask for their words (the next text is kept as feedback).
# segments: 2
feedback-ask = Chętnie poznamy Twoje zdanie. Co działa, co nie działa, co by pomogło? Odpisz własnymi słowami.

# After their feedback is kept.
# segments: 4
feedback-thanks = Dziękujemy! Twoje słowa trafiają do zespołu, który prowadzi ten serwis, nie do koordynatora opieki. Co tydzień czytamy każdą wiadomość i dzięki nim ulepszamy serwis. W sprawach opieki porozmawiaj ze swoim zespołem.

## Safety messages. These must always carry the UK crisis numbers from CLINICAL.md.

# Reply to HELP or INFO, in any state. Says what the service is, that it is not a
# crisis service, the crisis numbers, and how to stop.
# segments: 3
help =
    Companion helps you look after your physical health by text. It is not a crisis service.
    If your life is at risk now, call 999 or go to A&E. For urgent mental health help, call NHS 111 and choose the mental health option. To talk to someone, call Samaritans free on 116 123, or text SHOUT to 85258. All are open 24/7.
    Text STOP to stop messages.

# Sent when a message sounds like the person may be in crisis, whatever else is going on.
# Warm, not alarmed; the numbers first. The check-in carries on afterwards.
# segments: 3
crisis =
    Thank you for telling us. You deserve support right now.
    If your life is at risk, call 999 or go to A&E. For urgent mental health help, call NHS 111 and choose the mental health option. Samaritans are there 24/7, free on 116 123. Or text SHOUT to 85258.
    We are not a crisis service, but you are not on your own.

# Sent when a message mentions harm but says it will not happen ("I'm not going to
# hurt myself"): a gentle check, never an alarm.
# segments: 3
crisis-gentle =
    Thank you for telling us. If things ever feel like too much, help is there any time.
    If your life is at risk, call 999. For urgent mental health help, call NHS 111 and choose the mental health option. Samaritans are free on 116 123, 24/7. Or text SHOUT to 85258.

# Sent instead of the full crisis reply when crisis signposting already went to this
# number in the last hour: every crisis text is answered, more briefly the second time,
# and every number stays.
# segments: 2
crisis-again =
    We hear you, and you matter. If your life is at risk, call 999 or go to A&E. NHS 111, mental health option, 24/7. Samaritans free on 116 123. Or text SHOUT to 85258.

# Sent when a message says someone else may be in crisis ("my friend said she wants
# to die"): signposting for them, and for the sender, who may be worried or shaken.
# Warm, not alarmed; the numbers first. Not the sender's own crisis reply.
# segments: 3
crisis-someone-else =
    Thank you for telling us. It sounds like someone you care about is having a very hard time.
    If their life is at risk now, call 999. For urgent mental health help, call NHS 111 and choose the mental health option. Samaritans are free on 116 123, 24/7, for them and for you. Or text SHOUT to 85258.

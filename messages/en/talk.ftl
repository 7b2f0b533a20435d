## TALK: a person asks their named professional to get in touch (companion.sharing.talk).
## Honest about who reads it and when it will be answered, and never a crisis route:
## every reply repeats the crisis numbers (CLINICAL.md). $first_day and $last_day are
## 0 (Monday) to 6 (Sunday); $start and $end are 24-hour times such as 09:00.

# TALK noted: who will see it, their working hours, how soon to expect contact.
# $coordinator: 40 gsm chars
# $team: 40 gsm chars
# $start: 5 gsm chars
# $end: 5 gsm chars
# $within: 2 digits
# segments: 5
talk-asked =
    Thank you. We have asked { $coordinator } ({ $team }) to get in touch with you. They work { $first_day ->
        [1] Tuesday
        [2] Wednesday
        [3] Thursday
        [4] Friday
        [5] Saturday
        [6] Sunday
       *[0] Monday
    } to { $last_day ->
        [0] Monday
        [1] Tuesday
        [2] Wednesday
        [3] Thursday
        [5] Saturday
        [6] Sunday
       *[4] Friday
    }, { $start } to { $end }, and aim to contact you within { $within } working days.
    This is not a crisis service. If you need someone now, call NHS 111 and choose the mental health option, or Samaritans free on 116 123. If your life is at risk, call 999.

# TALK again while their request is still open: it is with them already, nothing is added.
# $coordinator: 40 gsm chars
# $team: 40 gsm chars
# $start: 5 gsm chars
# $end: 5 gsm chars
# $within: 2 digits
# segments: 5
talk-already-open =
    Your request is already with { $coordinator } ({ $team }). They work { $first_day ->
        [1] Tuesday
        [2] Wednesday
        [3] Thursday
        [4] Friday
        [5] Saturday
        [6] Sunday
       *[0] Monday
    } to { $last_day ->
        [0] Monday
        [1] Tuesday
        [2] Wednesday
        [3] Thursday
        [5] Saturday
        [6] Sunday
       *[4] Friday
    }, { $start } to { $end }, and aim to contact you within { $within } working days of your first text.
    If you need someone now, call NHS 111 and choose the mental health option, or Samaritans free on 116 123. If your life is at risk, call 999.

# After the crisis reply, when the same text also asked for a call: the request is noted
# too, with when it can be answered; the numbers above come first.
# $coordinator: 40 gsm chars
# $team: 40 gsm chars
# $start: 5 gsm chars
# $end: 5 gsm chars
# $within: 2 digits
# segments: 3
talk-after-crisis =
    We have also asked { $coordinator } ({ $team }) to get in touch. They can reply only in working hours, { $start } to { $end }, within { $within } working days. Please use the numbers above if you need someone now.

# The coordinator's reply from the portal: the kind words they chose, then their own
# short note if they wrote one, then who reads replies here and a number for now.
# $coordinator: 40 gsm chars
# $note: 300 chars
# segments: 14
talk-reply =
    { $template ->
        [call] { $coordinator } has read your message and will call you soon.
        [callback] { $coordinator } tried to call you. Please call your care team back when you can.
        [appointment] { $coordinator } will talk with you about this at your next appointment.
       *[other] { $coordinator } has read your message. Thank you for getting in touch.
    }{ $has_note ->
        [yes] {"\u000A"}{ $note }
       *[other] {""}
    }
    A computer reads texts to this number, not { $coordinator }. Text TALK to ask again. If you need someone now, call Samaritans free on 116 123.

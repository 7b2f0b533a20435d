## Supporters the person chooses: a family member, friend or peer who opted in.
## A supporter hears good news only, never health details unless the person chose.
## Messages to a supporter never say what Companion is for beyond everyday health.

# SUPPORTER with words we could not read: the forms it takes.
# segments: 3
supporter-how =
    To invite someone to cheer you on, text SUPPORTER, their first name and number, like SUPPORTER Sam 07700 900123.
    Text SUPPORTERS to see yours, or SUPPORTER REMOVE Sam to remove one.

# SUPPORTERS with nobody invited or joined.
# segments: 2
supporter-list-none = You have no supporters yet. To invite a friend or family member, text SUPPORTER, their first name and number.

# One line of SUPPORTERS: who, whether they said yes, and what they get.
# $name: 30 chars
# segments: 4
supporter-list-entry =
    { $name }: { $joined ->
        [yes] gets good news each week{ $activity ->
            [yes] , plus your active minutes
           *[other] {""}
        }{ $sleep ->
            [yes] , plus your sleep
           *[other] {""}
        }.
       *[other] invited, has not said yes yet.
    } Text SUPPORTER REMOVE { $name } to stop this.

# A SUPPORTER invite before the person told us their name: the invitation names them.
# segments: 2
supporter-need-name = First, tell me the name your supporter knows you by. Text NAME and your first name, like NAME Alex. Then text SUPPORTER again.

# The number after SUPPORTER could not be read as a phone number.
# segments: 2
supporter-number-unclear = Sorry, I could not read that phone number. Try like this: SUPPORTER Sam 07700 900123.

# Stands in for a supporter's name when the person gave none.
# $digits: 4 digits
# segments: 1
supporter-unnamed = the number ending { $digits }

# They tried to invite their own number.
# segments: 1
supporter-not-yourself = That is your own number. A supporter is someone else, like a friend or family member.

# That number is already invited or a supporter.
# segments: 1
supporter-already = That number is already on your list. Text SUPPORTERS to see it.

# At most three supporters at a time.
# segments: 2
supporter-too-many = You have three supporters already, which is the most we allow. To invite someone new, text SUPPORTER REMOVE and a name first.

# Too many invitations in one day.
# segments: 1
supporter-invite-limit = You have sent three invitations today. Please try again tomorrow.

# A number that asked us never to text it (STOP). Says no more than that.
# segments: 1
supporter-cannot-invite = Sorry, we cannot send an invitation to that number.

# The one invitation an invitee gets. $person is the name the person gave us.
# Must not name any illness: only everyday health.
# $person: 30 chars
# segments: 8
supporter-invitation =
    Hi, { $person } has asked Companion to invite you as a supporter. Companion is a text service that helps with everyday health.
    You would get one short text a week with good news about { $person }. It never has health details, unless { $person } chooses.
    Reply YES to join, or STOP. If you do not reply, we will not text you again.

# The person's invitation has gone.
# $name: 30 chars
# segments: 3
supporter-invited = Thank you. We have sent { $name } one invitation. They become your supporter only if they reply YES. You can text SUPPORTERS at any time.

# SUPPORTER REMOVE or SHARE with a name we do not have.
# segments: 1
supporter-not-found = Sorry, I could not find that supporter. Text SUPPORTERS to see their names.

# The person removed a supporter: nothing more goes to them, from now.
# $name: 30 chars
# segments: 3
supporter-removed = Done. { $name } will get nothing more from us, starting now. They are not sent a message about this.

# SUPPORTER SHARE without a category we know.
# segments: 2
supporter-share-how = You can choose to share your active minutes or your sleep. Text SUPPORTER SHARE, a name and ACTIVITY or SLEEP, like SUPPORTER SHARE Sam ACTIVITY.

# SUPPORTER SHARE naming nobody who has joined (or with several, no name).
# segments: 2
supporter-share-who = Who would you like to share with? Text SUPPORTER SHARE, the name of a supporter who said yes, then ACTIVITY or SLEEP.

# That category is already shared with them.
# $name: 30 chars
# segments: 3
supporter-share-already = { $name } already gets your { $category ->
        [sleep] sleep
       *[other] active minutes
    }. Text SUPPORTER UNSHARE { $name } to stop that.

# The question that confirms a category: exactly what the supporter would see.
# $name: 30 chars
# segments: 4
supporter-share-ask =
    Each week, { $name } would also see { $category ->
        [sleep] how many hours you slept on average
       *[other] how many minutes you were active in total
    }.
    Reply YES to share this with { $name }, or NO to keep it private.

# They said YES to sharing a category.
# $name: 30 chars
# segments: 4
supporter-shared = Thank you. { $name } will now also see { $category ->
        [sleep] your average sleep
       *[other] your active minutes
    } each week. Text SUPPORTER UNSHARE { $name } to stop at any time.

# They said NO to sharing a category.
# $name: 30 chars
# segments: 2
supporter-share-declined = OK, that stays private. { $name } gets good news only.

# SUPPORTER UNSHARE: back to encouragement only.
# $name: 30 chars
# segments: 2
supporter-unshared = Done. { $name } now gets good news only, with no health details.

# The invitee said NO.
# $person: 30 chars
# segments: 2
supporter-declined = No problem. We will not text you again about { $person }.

# The invitee said YES: what they get and how to stop.
# $person: 30 chars
# segments: 3
supporter-joined = Thank you for supporting { $person }. Each Sunday evening you may get a short text with good news. Text LEAVE or STOP at any time to stop.

# The person is told their supporter said yes.
# $name: 30 chars
# segments: 3
supporter-now-active = Good news: { $name } said yes. They will get good news each week, and no health details. Text SUPPORTERS to see what they get.

# The invitee wrote something other than YES or NO.
# segments: 1
supporter-invited-reask = To get weekly good news as a supporter, reply YES. If you would rather not, reply NO or STOP.

# A supporter wrote something: nobody reads these texts.
# segments: 2
supporter-about = Thank you. Nobody reads these texts, so we cannot pass them on. You get good news once a week. Text LEAVE or STOP to stop.

# The supporter texted LEAVE.
# segments: 1
supporter-left = Done. You will not get any more texts from us as a supporter.

# The person is told, kindly, that a supporter left.
# $name: 30 chars
# segments: 3
supporter-has-left = Just so you know, { $name } has chosen to stop getting supporter texts. You can text SUPPORTERS to see your list.

# The weekly good news to a supporter: only what went well, never a low number.
# $name: 30 chars
# $days: 1 digits
# $minutes: 4 digits
# $hours: 4 gsm chars
# segments: 5
supporter-weekly =
    Good news from Companion:{ $checked ->
        [yes] {" "}{ $name } checked in on { $days ->
            [one] 1 day
           *[other] { $days } days
        } this week.
       *[other] {""}
    }{ $goal ->
        [yes] {" "}{ $name } met their goal this week.
       *[other] {""}
    }{ $active ->
        [yes] {" "}They were active for { $minutes } minutes.
       *[other] {""}
    }{ $slept ->
        [yes] {" "}They slept about { $hours } hours a night.
       *[other] {""}
    }
    A kind word from you can help. Text LEAVE to stop these.

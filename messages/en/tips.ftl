## Tips from the resource directory. Names, offers and contacts come from the directory
## data file, which is GSM-7 and checked by tests.

# One tip. $offer is one short sentence from the directory.
# $name: 50 gsm chars
# $offer: 90 gsm chars
# $contact: 40 gsm chars
# $checked: 8 gsm chars
# segments: 3
tip = Tip: { $name }. { $offer } { $contact } (checked { $checked }). Text TIPS for another, or TIPS and a topic, like TIPS sleep.

# No tips available right now.
# segments: 1
tips-none = Sorry, we have no tips for you right now. Please try again another day.

"""Which intents outrank the usual reply: an open question's, or the joining replies. Pure.

Used by the decision that routes each text: `interrupts_flow` while a question is open,
`reply_before_joining` for a stranger or someone who has not said YES yet.
"""

from __future__ import annotations

from companion.engine.reading.intent import Intent, IntentKind

# Which intents outrank an open question: the person is talking about the service or
# asking for someone, not answering. A measurement is never among them: an open question
# may be asking for exactly that.
_INTERRUPTS = frozenset(
    {
        IntentKind.HELP_WANTED,
        IntentKind.STOP_WANTED,
        IntentKind.FEWER_MESSAGES,
        IntentKind.TALK_TO_PERSON,
        IntentKind.PRIVACY,
        IntentKind.WHO_IS_THIS,
    }
)
# These outrank only a text the question cannot read as its answer: "feeling really low
# today" to the sleep question deserves better than "Sorry, I did not catch that". Not a
# side effect: the weekly side-effects questions are about exactly that, and their re-ask
# ("none, a bit or a lot?") is the better reply there.
_INSTEAD_OF_A_REASK = frozenset(
    {
        IntentKind.HARD_TIME,
        IntentKind.MISSED_DOSE,
        IntentKind.MEDS_CHANGED,
    }
)


def interrupts_flow(intent: Intent | None, *, answered: bool = False) -> bool:
    """Whether this intent is answered even while a question is open.

    "STOP asking me so many questions" mid check-in is about the service, not an
    unreadable answer; a hard time or a missed dose told instead of an answer is heard
    rather than re-asked. Either way the question stays open for when
    they come back to it.

    Args:
        intent: What `read_intent` found (``None`` never interrupts).
        answered: Whether the open question read the text as its answer.

    Returns:
        True for a misspelt HELP, stopping, fewer messages, wanting a person, privacy
        and who-is-this; and, when the text is no answer, for a hard time, a missed
        dose or a changed medicine.
    """
    if intent is None:
        return False
    return intent.kind in _INTERRUPTS or (not answered and intent.kind in _INSTEAD_OF_A_REASK)


# Before joining, only these get an answer of their own (the rest keep the usual
# joining replies); each is a message id in messages/<locale>/understanding.ftl.
_BEFORE_JOINING = {
    IntentKind.HELP_WANTED: "help",
    IntentKind.PRIVACY: "before-joining-privacy",
    IntentKind.WHO_IS_THIS: "before-joining-who",
    IntentKind.TALK_TO_PERSON: "before-joining-who",
    IntentKind.STOP_WANTED: "before-joining-stop",
}


def reply_before_joining(intent: Intent | None) -> str | None:
    """The message id for a stranger or a person not yet joined, if their intent has one.

    For the enrolment decision: "what do you do with my data?" before YES deserves an
    answer, not "reply YES"; a stranger's "who is this" deserves one too (even if told
    how to join today). A misspelt HELP gets the HELP reply, with every crisis number.

    Args:
        intent: What `read_intent` found.

    Returns:
        A message id ("help", "before-joining-privacy", "before-joining-who",
        "before-joining-stop"), or ``None`` to answer as today.
    """
    return None if intent is None else _BEFORE_JOINING.get(intent.kind)


# Words of welcome that may stand beside a real answer ("yes thanks", "yes, feeling
# better"): they do not make a YES less clear.
_BESIDE_AN_ANSWER = frozenset({IntentKind.THANKS, IntentKind.GOOD_NEWS})


def outranks_consent_answer(intent: Intent | None) -> bool:
    """Whether a text says something other than a YES or NO to a waiting share question.

    Sharing health data needs a clear yes. "please stop texting me", "ok who is this" and
    "sure, but who sees it?" start with a yes word but ask for something else: they are
    answered for what they say, and the share question keeps waiting.

    Args:
        intent: What `read_intent` found.

    Returns:
        True for any intent except thanks and good news.
    """
    return intent is not None and intent.kind not in _BESIDE_AN_ANSWER

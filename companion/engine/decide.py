"""One decision per inbound text: what it means, in one documented order. Pure.

`decide(situation, text)` takes what is known about the sender and the text, read once
(`Text`), and returns a `Decision`: the status to move to, the replies, the records to
write, and at most one `Action` for the services to carry out. No I/O, no clock. The
services load the situation, call this, and apply the decision in one transaction.

The order is the safety case:

1. Carrier keywords: STOP always stops, HELP (or a misspelt HELP such as HLEP) always
   answers with the crisis numbers, START/JOIN joins or re-joins.
2. Crisis language: signposting in every state (stopped too), and nothing else.
3. A stopped person: nothing more until START.
4. Invited or pending: a clear YES or NO to the terms; a question (privacy, who is
   this) is answered; anything else is asked again.
5. A stranger: a question is answered; otherwise how to join, at most once a day.
6. An active person:
   a. a command typed exactly wins over an open question, except SIDE, SKIP and GOAL,
      which are everyday words in answers ("side hurts, 5"; "goal done");
   b. a share question still waiting takes a yes, no or maybe (unless a later question
      is open: a bare "no" then answers that one); then FEEDBACK sent on its own takes
      the next text that is not a command as the feedback; then a care note's question
      ("add this to your calendar?") takes a clear yes or no;
   c. the open question takes its answer (or SKIP, or is asked again);
   d. a command, a forgiven typo included (the words after LOG are read too);
   e. otherwise what the person's own words ask for (`reading/intent.py`), or a kind,
      honest fallback.
   A text that asks for something else ("please stop texting me", "who sees this?") is
   never read as a YES to joining or to sharing, and an intent about the service
   outranks an open question ("STOP asking me so many questions").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from companion.db.states import PersonStatus
from companion.engine.commands import Command, CommandName, find_command
from companion.engine.consent import ShareAnswer, read_share_answer
from companion.engine.flowspec import Step
from companion.engine.reading.answers import Reading, Understood, read_answer
from companion.engine.reading.intent import Intent, read_intent
from companion.engine.reading.intent_precedence import (
    interrupts_flow,
    outranks_consent_answer,
    reply_before_joining,
)
from companion.engine.reading.parsing import Ambiguous, Parsed, Unreadable, Value, parse_yes_no
from companion.engine.runner import Say, is_skip
from companion.safety.crisis import CrisisSignal, detect_crisis
from companion.sms.keywords import CarrierKeyword, carrier_keyword

# Questions before YES that are answered and then followed by the re-ask for YES.
_ANSWERED_THEN_REASKED = frozenset({"before-joining-who", "before-joining-privacy"})
# Commands whose keyword is also an everyday word in answers: the open question comes first.
_ANSWER_WORDS = frozenset({CommandName.SIDE, CommandName.SKIP, CommandName.GOAL})


class Text:
    """An inbound text, each reading of it made at most once, when first needed."""

    def __init__(self, body: str) -> None:
        self.body = body

    @cached_property
    def keyword(self) -> CarrierKeyword | None:
        """STOP, START or HELP, if the whole message is one."""
        return carrier_keyword(self.body)

    @cached_property
    def crisis(self) -> CrisisSignal | None:
        """Crisis language, if any."""
        return detect_crisis(self.body)

    @cached_property
    def command(self) -> Command | None:
        """The command the message starts with, if any."""
        return find_command(self.body)

    @cached_property
    def share(self) -> Value[ShareAnswer] | Unreadable | Ambiguous:
        """The message read as an answer to a share question."""
        return read_share_answer(self.body)

    @cached_property
    def yes_no(self) -> Parsed[bool]:
        """The message read as YES or NO to the terms."""
        return parse_yes_no(self.body)

    @property
    def misspelt_help(self) -> bool:
        """A misspelt HELP on its own ("HLEP"): answered as HELP, in every state."""
        command = self.command
        return command is not None and command.name is CommandName.HELP_TOPIC and not command.rest

    @cached_property
    def intent(self) -> Intent | None:
        """What the person's own words ask for, if the text is not a command."""
        return read_intent(self.body) if self.command is None else None

    @property
    def may_answer_share(self) -> bool:
        """Whether a waiting share question could take this text (worth loading it)."""
        return (
            self.command is None
            and not isinstance(self.share, Unreadable)
            and not outranks_consent_answer(self.intent)
        )


@dataclass(frozen=True)
class OpenQuestion:
    """The step an open (unexpired) conversation waits on, and when it was asked."""

    step: Step
    asked_at: datetime


@dataclass(frozen=True)
class Situation:
    """What is known about the sender when their text arrives."""

    status: PersonStatus | None  # None: a number we do not know
    has_accepted_terms: bool = False
    told_how_to_join_today: bool = False
    question: OpenQuestion | None = None
    share_asked_at: datetime | None = None  # a share question waits for yes/no since then
    feedback_asked_at: datetime | None = None  # FEEDBACK on its own waits for words since then
    note_asked_at: datetime | None = None  # a care note's question waits for yes/no since then


@dataclass(frozen=True)
class AnswerQuestion:
    """Give the text to the open conversation, read as `reading` (None: a say step)."""

    reading: Reading | None
    erase: bool = False  # the answer sets off the flow's "erase" effect (DELETE)


@dataclass(frozen=True)
class AnswerShare:
    """Record the person's answer to the share question waiting for it."""

    answer: ShareAnswer


@dataclass(frozen=True)
class RunCommand:
    """Carry out a command; `words` is what the words after LOG ask for, if anything."""

    command: Command
    words: Intent | None = None


@dataclass(frozen=True)
class Understand:
    """Answer what the person's own words ask for (None: a kind, honest fallback)."""

    intent: Intent | None


@dataclass(frozen=True)
class GiveFeedback:
    """Keep the text as the feedback FEEDBACK asked for."""

    words: str


@dataclass(frozen=True)
class AnswerNote:
    """The person's yes or no to adding a coordinator's note to their calendar."""

    yes: bool


Action = AnswerQuestion | AnswerShare | RunCommand | Understand | GiveFeedback | AnswerNote


@dataclass(frozen=True)
class Decision:
    """What one text does: the new status, replies, records, and at most one action."""

    status: PersonStatus | None
    replies: tuple[Say, ...] = ()
    accepts_terms: bool = False
    shown_terms: str | None = None  # the terms message shown (its wording is recorded)
    stops: bool = False  # cancel what is queued and end the open conversation
    tells_how_to_join: bool = False
    safety: CrisisSignal | None = None
    action: Action | None = None


def decide(situation: Situation, text: Text) -> Decision:
    """Decide what one inbound text does (the order is in the module docstring)."""
    status = situation.status
    if text.keyword is CarrierKeyword.STOP:
        return (
            Decision(status=None) if status is None else Decision(PersonStatus.STOPPED, stops=True)
        )
    if text.keyword is CarrierKeyword.HELP or text.misspelt_help:
        return Decision(status, replies=(Say("help"),))
    if text.keyword is CarrierKeyword.START:
        return _start(situation)
    # Crisis language is answered whoever sends it, even after STOP (like HELP): the
    # person wrote to us, and signposting is the one reply that must never be withheld.
    if text.crisis is not None:
        reply = Say(_signposting(text.crisis))
        return Decision(status, replies=(reply,), safety=text.crisis)
    if status is PersonStatus.STOPPED:
        return Decision(status)  # STOP is sacred: nothing else is sent until START
    before_joining = reply_before_joining(text.intent)
    if status in (PersonStatus.PENDING, PersonStatus.INVITED):
        if outranks_consent_answer(text.intent):
            # "please stop texting me", "ok who is this": never a YES to joining. A
            # question is answered, then the YES it waits for is asked for again.
            if before_joining is None or before_joining in _ANSWERED_THEN_REASKED:
                replies = (*(Say(m) for m in (before_joining,) if m), Say("confirm-reask"))
                return Decision(status, replies=replies)
            return Decision(status, replies=(Say(before_joining),))
        return _confirm(status, text.yes_no)
    if status is PersonStatus.ACTIVE:
        return _converse(situation, text)
    if before_joining is not None:
        return Decision(status, replies=(Say(before_joining),))  # "who is this?"
    if situation.told_how_to_join_today:
        return Decision(status)
    return Decision(status, replies=(Say("stranger"),), tells_how_to_join=True)


def _signposting(signal: CrisisSignal) -> str:
    """The crisis reply: a gentle check if denied, signposting for a friend if about them."""
    if signal.negated:
        return "crisis-gentle"
    return "crisis-someone-else" if signal.about_someone_else else "crisis"


def _start(situation: Situation) -> Decision:
    status = situation.status
    if status is PersonStatus.ACTIVE:
        return Decision(status, replies=(Say("already-active"),))
    if status in (PersonStatus.STOPPED, PersonStatus.DECLINED) and situation.has_accepted_terms:
        return Decision(PersonStatus.ACTIVE, replies=(Say("welcome-back"),))
    return Decision(PersonStatus.PENDING, replies=(Say("welcome"),), shown_terms="welcome")


def _confirm(status: PersonStatus, answer: Parsed[bool]) -> Decision:
    # Anything short of a clear yes or no ("no... well yes") is asked again, not guessed.
    if isinstance(answer, Value) and answer.value:
        return Decision(PersonStatus.ACTIVE, replies=(Say("activated"),), accepts_terms=True)
    if isinstance(answer, Value):
        return Decision(PersonStatus.DECLINED, replies=(Say("declined"),))
    return Decision(status, replies=(Say("confirm-reask"),))


def _converse(situation: Situation, text: Text) -> Decision:
    active, command, question = PersonStatus.ACTIVE, text.command, situation.question
    share = _share_answer(situation, text)
    if share is not None:
        return share
    waited = _waited_for(situation, text)
    if waited is not None:
        return Decision(active, action=waited)
    if question is not None:
        step = question.step
        reading = None if step.answer is None else read_answer(step.answer, text.body, step.choices)
        answers = isinstance(reading, Understood)
        if interrupts_flow(text.intent, answered=answers):  # "STOP asking me so many questions"
            return Decision(active, action=Understand(text.intent))
        wins = command is not None and command.exact and command.name not in _ANSWER_WORDS
        if not wins and (command is None or answers or is_skip(text.body)):
            erase = (
                isinstance(reading, Understood) and step.effects.get(str(reading.value)) == "erase"
            )
            return Decision(active, action=AnswerQuestion(reading, erase=erase))
    if command is not None:
        words = read_intent(command.rest) if command.name is CommandName.LOG else None
        return Decision(active, action=RunCommand(command, words))
    return Decision(active, action=Understand(text.intent))


def _erases(step: Step, reading: Reading | None) -> bool:
    """Whether this answer sets off the step's declared "erase" effect (DELETE ME)."""
    return isinstance(reading, Understood) and step.effects.get(str(reading.value)) == "erase"


def _waited_for(situation: Situation, text: Text) -> GiveFeedback | AnswerNote | None:
    """Words FEEDBACK waits for, or a yes/no to a care note, unless a later question is open.

    A command is never taken as either. Feedback is whatever the person writes next
    (it may well mention tips or texts); a care note needs a clear yes or no that asks
    for nothing else ("yes but who is this?" is answered for what it asks).
    """
    if situation.feedback_asked_at is None and situation.note_asked_at is None:
        return None
    if text.command is not None:
        return None
    question = situation.question

    def latest(asked: datetime | None) -> bool:
        return asked is not None and (question is None or question.asked_at <= asked)

    if latest(situation.feedback_asked_at) and text.body.strip():
        return GiveFeedback(text.body)
    if (
        latest(situation.note_asked_at)
        and isinstance(text.yes_no, Value)
        and not outranks_consent_answer(text.intent)
    ):
        return AnswerNote(text.yes_no.value)
    return None


def _share_answer(situation: Situation, text: Text) -> Decision | None:
    """A yes/no/maybe to a waiting share question, unless a later question is open."""
    waiting, question = situation.share_asked_at, situation.question
    if waiting is None or not text.may_answer_share:
        return None
    if question is not None and question.asked_at > waiting:
        return None  # a bare "no" belongs to the later question: sharing is never changed
    if isinstance(text.share, Value):
        return Decision(PersonStatus.ACTIVE, action=AnswerShare(text.share.value))
    return Decision(PersonStatus.ACTIVE, replies=(Say("share-reask"),))

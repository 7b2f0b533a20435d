"""Answering what a person wrote in their own words: heard, and one next step.

`answer` takes what `companion.engine.reading.intent.read_intent` found (or ``None``)
and returns what to say. Whatever maps onto a command goes through that command's
own handler, so a reading saved from a sentence is saved exactly as "WEIGHT 84" would
be. What changes state is either unambiguous or left for the person to confirm:

* **Saved at once** (the reply says what was saved and how to correct it): a
  measurement the command's parser reads as one clear value ("my weight is 13 stone");
  a side effect, as a note in their words (a note only adds, is private unless they
  chose to share, and is what SIDE would save); a reminder with a clear time and what
  ("remind me to take my meds at 9pm"), which REMIND OFF undoes; an appointment with
  a day, a time and a place, which only schedules one reminder.
* **Told how, not done**: stopping (STOP is the carrier's word and a sentence may mean
  something else: "stop asking about smoking"), fewer messages (PAUSE, TIME), a
  changed medicine (MEDS CHANGED starts six weeks of weigh-ins; "might change" and
  "next week" are not changes yet), a missed dose (nothing to record; a reminder may help).
* **Nothing to change**: privacy (the MY DATA answer), who is this, talking to a person,
  a hard time, good news, thanks, a health question (a tip on that topic, noted as sent).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from companion.context import ServiceContext
from companion.db.models import Person, TipSent
from companion.engine.commands import Command, CommandName
from companion.engine.reading.intent import Intent, IntentKind, MeasureKind
from companion.engine.runner import Say
from companion.engine.tip_topics import Topic, pick_on_topic
from companion.texting.commands import Request, run_command
from companion.texting.tips import person_borough

UNCLEAR = "understanding-unclear"
_MEASURE_COMMANDS = {
    MeasureKind.WEIGHT: CommandName.WEIGHT,
    MeasureKind.BP: CommandName.BP,
    MeasureKind.GLUCOSE: CommandName.SUGAR,
    MeasureKind.WAIST: CommandName.WAIST,
}
# Replies said as they are: nothing to look up, nothing to change.
_PLAIN = {
    IntentKind.HELP_WANTED: "help",
    IntentKind.STOP_WANTED: "understanding-stop",
    IntentKind.TALK_TO_PERSON: "understanding-talk",
    IntentKind.WHO_IS_THIS: "understanding-who",
    IntentKind.MISSED_DOSE: "understanding-missed-dose",
    IntentKind.MEDS_CHANGED: "understanding-meds-changed",
    IntentKind.HARD_TIME: "understanding-hard-time",
    IntentKind.GOOD_NEWS: "understanding-good-news",
    IntentKind.THANKS: "understanding-thanks",
}


async def answer(
    ctx: ServiceContext,
    session: AsyncSession,
    person: Person,
    intent: Intent | None,
    now: datetime,
) -> list[Say]:
    """Carry out what a free text asks, as far as it is clear, and say so.

    Args:
        ctx: The service context.
        session: The open transaction of the inbound message.
        person: The active person who wrote.
        intent: What `read_intent` found; ``None`` gets the kind "we may not understand"
            reply, honest that a computer reads these texts.
        now: The time of the message.

    Returns:
        What to say back, in order.
    """
    if intent is None:
        return [Say(UNCLEAR)]
    if intent.kind in _PLAIN:
        return [Say(_PLAIN[intent.kind])]

    async def command(name: CommandName, rest: str = "") -> list[Say]:
        return await run_command(Request(ctx, session, person, Command(name, rest), now))

    match intent.kind:
        case IntentKind.FEWER_MESSAGES if intent.at_night and ctx.quiet_hours is not None:
            quiet = ctx.quiet_hours
            window = {"from": quiet.start.strftime("%H:%M"), "to": quiet.end.strftime("%H:%M")}
            return [Say("understanding-fewer-night", args=window)]
        case IntentKind.KEYWORD if intent.command is not None:
            return await command(intent.command)
        case IntentKind.PRIVACY:
            return await command(CommandName.MY_DATA)
        case IntentKind.MEASUREMENT:
            says: list[Say] = []
            for found in intent.measurements:
                if found.kind is MeasureKind.HBA1C:
                    says.append(Say("understanding-hba1c"))
                else:
                    said = await command(_MEASURE_COMMANDS[found.kind], found.words)
                    says.extend(_with_correction(say) for say in said)
            return says
        case IntentKind.SIDE_EFFECT:
            said = await command(CommandName.SIDE, intent.words)
            hard = {"hard": "yes" if intent.hard_time else "no"}
            # Its reply already points to nhs.uk/medicines: no second pointer.
            return [
                Say("understanding-side-effect", args=hard)
                if say.message_id == "side-note-saved"
                else say
                for say in said
                if say.message_id != "side-medicines-info"
            ]
        case IntentKind.REMINDER:
            return await command(CommandName.REMIND, intent.words)
        case IntentKind.APPOINTMENT:
            return await command(CommandName.APPOINTMENT, intent.words)
        case IntentKind.HEALTH_TOPIC:
            return await _topic(ctx, session, person, intent.topic or "activity", now)
        case IntentKind.FEWER_MESSAGES:
            return [Say("understanding-fewer")]
    return [Say(UNCLEAR)]


def _with_correction(say: Say) -> Say:
    """A reading saved from a sentence: the same words, plus how to put it right."""
    if say.message_id.startswith("measure-") and say.message_id.endswith("-saved"):
        kind = say.message_id.removeprefix("measure-")
        return replace(say, message_id=f"understanding-{kind}")
    return say


async def _topic(
    ctx: ServiceContext, session: AsyncSession, person: Person, topic: str, now: datetime
) -> list[Say]:
    """One line on the topic, then a tip from the directory in that category."""
    sent = set(
        await session.scalars(select(TipSent.resource_id).where(TipSent.person_id == person.id))
    )
    tip = pick_on_topic(
        ctx.resources,
        Topic(topic, categories=frozenset({topic})),
        borough=person_borough(ctx, person) or None,
        already_sent=sent,
    )
    says = [Say("understanding-topic", args={"topic": topic})]
    if tip is not None:
        session.add(TipSent(person_id=person.id, resource_id=tip.id, sent_at=now))
        checked = tip.last_checked.strftime("%b %Y")
        args = {"name": tip.name, "offer": tip.offer, "contact": tip.contact, "checked": checked}
        says.append(Say("tip", args=args))
    return says


async def answer_log_words(
    ctx: ServiceContext, session: AsyncSession, person: Person, intent: Intent | None, now: datetime
) -> list[Say]:
    """What the words after LOG ask for ("LOG dry mouth and I keep putting on weight").

    The check-in starts as LOG says; the words are not thrown away: a side effect is
    noted, a reading saved, as if texted on their own. Words with no clear meaning
    ("LOG 7 hours") add nothing: the check-in asks its own questions.

    Args:
        ctx: The service context.
        session: The open transaction.
        person: The active person.
        intent: What `read_intent` found in the words after LOG.
        now: The time of the message.

    Returns:
        What to say before the check-in's first question (empty when nothing was found).
    """
    if intent is None or intent.kind is IntentKind.KEYWORD:
        return []
    return await answer(ctx, session, person, intent, now)

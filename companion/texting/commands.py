"""What each command does for an active person: read, change, and say so in one transaction.

The handlers for settings and for the calendar live beside this module
(`settings_commands`, `calendar_commands`); this one holds the rest and the table.
"""

from __future__ import annotations

from companion.db import observations
from companion.engine.commands import CommandName
from companion.engine.reading.answers import Understood, read_answer
from companion.engine.reading.parsing import StoneOrPounds, stone_or_pounds
from companion.engine.runner import Say
from companion.engine.week import my_week
from companion.scheduling import schedule
from companion.sharing import consent
from companion.texting import (
    calendar_commands,
    conversation,
    feedback,
    settings_commands,
    starter,
    whole_life,
)
from companion.texting.request import Handler, Request, reason_of
from companion.texting.tips import tip_says

__all__ = ["Request", "run_command"]

MAX_GOAL_CHARS = 80


async def run_command(request: Request) -> list[Say]:
    """Carry out a command and return what to say back."""
    return await _HANDLERS[request.command.name](request)


async def _log(r: Request) -> list[Say]:
    """LOG: a check-in now (or the open one's question again)."""
    return await _log_checkin(r)


async def _log_checkin(r: Request) -> list[Say]:
    row = await conversation.open_conversation(r.session, r.person.id)
    still_open = row is not None and not await conversation.end_if_expired(
        r.ctx, r.session, row, r.now
    )
    if row is not None and still_open and row.flow_id == conversation.CHECKIN:
        question = await conversation.current_question(r.ctx, r.session, row)
        return [Say("log-already-open"), *([question] if question else [])]
    return await starter.start_flow(r.ctx, r.session, r.person, conversation.CHECKIN, r.now)


async def _skip(r: Request) -> list[Say]:
    return [Say("skip-nothing-open")]


_MEASURES = {
    CommandName.WEIGHT: ("weight", "weight_kg"),
    CommandName.BP: ("bp", "bp"),
    CommandName.SUGAR: ("glucose", "glucose_mmol"),
    CommandName.WAIST: ("waist", "waist_cm"),
}


async def _measure(r: Request) -> list[Say]:
    kind, key = _MEASURES[r.command.name]
    if not r.command.rest:
        return [Say(f"measure-{kind}-how", args={"reason": "empty"})]
    result = read_answer(kind, r.command.rest, {})
    if kind == "weight" and (unsure := stone_or_pounds(r.command.rest)) is not None:
        return [Say("measure-weight-stone", args=_stone_args(unsure))]
    if not isinstance(result, Understood):
        return [Say(f"measure-{kind}-how", args=reason_of(result))]
    observations.record(r.session, r.ctx.keyring, r.person.id, key, result.value, r.now)
    if isinstance(result.value, dict):
        args = {k: str(v) for k, v in result.value.items()}
    else:
        args = {"value": str(result.value)}
    return [Say(f"measure-{kind}-saved", args=args)]


def _stone_args(unsure: StoneOrPounds) -> dict[str, str | int]:
    return {
        "stones": unsure.stones,
        "pounds": unsure.pounds,
        "written": unsure.written,
        "kg": f"{unsure.kg_as_written:.1f}",
    }


async def _side(r: Request) -> list[Say]:
    words = " ".join(r.command.rest.split())[:480]
    if not words:
        return [Say("side-note-how")]
    observations.record(r.session, r.ctx.keyring, r.person.id, "side_note", words, r.now)
    return [Say("side-note-saved"), Say("side-medicines-info")]


async def _goal(r: Request) -> list[Say]:
    words = " ".join(r.command.rest.split())[:MAX_GOAL_CHARS]
    current = await observations.current_goal(r.session, r.ctx.keyring, r.person.id)
    if not words:
        if current is None:
            return [Say("goal-how")]
        return [Say("goal-current", args={"goal": observations.goal_text(r.ctx.keyring, current)})]
    if current is not None:
        current.ended_at = r.now
        await r.session.flush()
    observations.new_goal(r.session, r.ctx.keyring, r.person.id, words, r.now)
    await schedule.ensure_weekly(r.session, r.person, "goal-review", r.now)
    return [Say("goal-saved", args={"goal": words})]


async def _tips(r: Request) -> list[Say]:
    return await tip_says(r.ctx, r.session, r.person, r.now, r.command.rest)


async def _my_week(r: Request) -> list[Say]:
    history = await observations.history(r.session, r.ctx.keyring, r.person.id, r.now)
    since = r.person.terms_accepted_at or r.person.created_at
    return list(my_week(history, joined=observations.london_day(since)))


_SECOND_PAGE = frozenset({"2", "two", "more", "next", "page 2"})


async def _menu(r: Request) -> list[Say]:
    """MENU, and its second page (MENU 2, MENU MORE, MORE)."""
    page = " ".join(r.command.rest.casefold().split())
    return [Say("menu-2" if page in _SECOND_PAGE else "menu")]


async def _help_topic(r: Request) -> list[Say]:
    """HELP REMIND: one command explained, pointing back to HELP for the crisis numbers;
    a misspelt HELP on its own ("HLEP") gets the HELP reply itself, every number in it."""
    if not r.command.rest:
        return [Say("help")]
    return [Say("help-command", args={"command": r.command.rest})]


async def _my_data(r: Request) -> list[Say]:
    return [Say("my-data")]


_HANDLERS: dict[CommandName, Handler] = {
    CommandName.LOG: _log,
    CommandName.SKIP: _skip,
    CommandName.WEIGHT: _measure,
    CommandName.BP: _measure,
    CommandName.SUGAR: _measure,
    CommandName.WAIST: _measure,
    CommandName.SIDE: _side,
    CommandName.MEDS_CHANGED: calendar_commands.meds_changed,
    CommandName.GOAL: _goal,
    CommandName.TIPS: _tips,
    CommandName.TIME: settings_commands.checkin_time,
    CommandName.PAUSE: settings_commands.pause,
    CommandName.RESUME: settings_commands.resume,
    CommandName.NAME: settings_commands.name,
    CommandName.LANGUAGE: settings_commands.language,
    CommandName.BOROUGH: settings_commands.set_borough,
    CommandName.MY_WEEK: _my_week,
    CommandName.MENU: _menu,
    CommandName.HELP_TOPIC: _help_topic,
    CommandName.REMIND: calendar_commands.remind,
    CommandName.APPOINTMENT: calendar_commands.appointment,
    CommandName.REMINDERS: calendar_commands.reminders,
    CommandName.QUIET: settings_commands.quiet,
    CommandName.MY_DATA: _my_data,
    CommandName.FEEDBACK: feedback.feedback,
    CommandName.TOPICS: whole_life.topics,
    CommandName.DELETE_ME: lambda r: starter.start_flow(
        r.ctx, r.session, r.person, "delete-me", r.now
    ),
    CommandName.SHARE: lambda r: consent.share(r.ctx, r.session, r.person, r.command.rest, r.now),
    CommandName.UNSHARE: lambda r: consent.unshare(r.ctx, r.session, r.person, r.now),
}

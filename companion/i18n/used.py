"""Message ids the code sends directly (flows declare their own): checked by check-content.

A test scans the package for `Say("...")` and `Reply("...")` so this list cannot drift.
"""

from __future__ import annotations

from companion.engine.closing import MORE_IS_BETTER
from companion.engine.runner import MOVING_ON
from companion.engine.supporters import SUPPORTER_MESSAGES

MEASURE_KINDS = ("weight", "bp", "glucose", "waist")

SENT_BY_CODE: frozenset[str] = frozenset(
    {
        # enrolment and safety
        "welcome", "invitation", "activated", "already-active", "welcome-back",
        "confirm-reask", "declined", "stranger", "help", "crisis", "crisis-gentle",
        "crisis-again", "crisis-someone-else", "replies-paused",
        # conversations and commands
        MOVING_ON, "checkin-greeting", "skip-nothing-open",
        "log-already-open",
        "closing-goal", "closing-streak", "closing-thanks", "closing-gentle",
        *(f"closing-best-{key.replace('_', '-')}" for key in MORE_IS_BETTER),
        *(f"measure-{kind}-{end}" for kind in MEASURE_KINDS for end in ("how", "saved")),
        "measure-weight-stone", "side-note-how", "side-note-saved", "meds-changed-saved",
        "meds-changed-how",
        "goal-how", "goal-current", "goal-saved", "tip", "tips-none",
        # TIPS <topic> and medicines information (messages/*/resources.ftl)
        "tips-topics", "tips-topic-none", "side-medicines-info",
        "time-how", "time-quiet", "time-saved", "pause-how", "pause-saved",
        "resume-saved", "resume-not-paused", "name-how", "name-saved",
        "language-how", "language-saved", "language-names",
        "borough-how", "borough-saved", "borough-outside-london",
        "menu", "menu-2", "help-command", "my-week", "my-week-new", "my-week-quiet",
        "quiet-saved", "quiet-current", "quiet-moved-checkin", "quiet-holds-reminders",
        "quiet-how", "my-week-goal",
        # reminders
        "reminder", "appointment-reminder", "remind-how", "remind-saved", "remind-off",
        "appt-how", "appt-saved", "appt-too-soon", "reminders-list", "reminders-line",
        "reminders-none", "reminder-removed", "reminder-not-found",
        # sharing with a coordinator
        "share-ask", "share-request", "share-given", "share-declined", "share-reask",
        "share-code-unknown", "share-already", "share-one-at-a-time", "unshare-done",
        "unshare-nothing", "share-reconfirm", "share-reconfirmed", "share-lapsed",
        *SUPPORTER_MESSAGES,  # supporters the person chooses
        # TALK: asking their named professional to get in touch (companion.sharing.talk)
        "talk-asked", "talk-already-open", "talk-after-crisis", "talk-reply",
        # the person's data
        "my-data", "privacy", "delete-me-done",
        # free text in the person's own words (companion.texting.understanding)
        "understanding-stop", "understanding-fewer", "understanding-fewer-night",
        "understanding-talk",
        "understanding-who", "understanding-hba1c", "understanding-side-effect",
        "understanding-missed-dose", "understanding-meds-changed", "understanding-topic",
        "understanding-hard-time", "understanding-good-news", "understanding-thanks",
        "understanding-unclear",
        *(f"understanding-{kind}-saved" for kind in MEASURE_KINDS),
        # before joining (companion.engine.reading.intent_precedence.reply_before_joining)
        "before-joining-privacy", "before-joining-who", "before-joining-stop",
        # FEEDBACK, whole-life topics (TOPICS), coordinators' care notes
        "feedback-ask", "feedback-thanks",
        "topics-current", "topics-added", "topics-removed", "topics-how",
        "note-medicine-ask", "note-appt-ask", "note-medicine-added", "note-appt-past",
        "note-declined",
    }
)  # fmt: skip

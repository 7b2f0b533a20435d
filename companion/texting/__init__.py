"""Texting: what happens when a person texts us, from the stored message to the queued reply.

Entry points: `inbound.handle_inbound` (one SMS, exactly once), `actions.situation_of`
and `actions.carry_out` (load what `engine.decide` needs, then do what it decided),
`commands.run_command`, `conversation.continue_flow`, `starter.start_flow` and
`starter.FlowStarter` (the one way a flow begins), `understanding.answer` (a reply to
a person's own words), `speech.queue_says` (what to say, rendered and sealed into the
outbox), `tips.next_tip`, `invitations.invite`, `feedback.feedback` / `keep` (FEEDBACK),
`whole_life.topics` (ADD mood, REMOVE money, TOPICS), `care_notes.answer` (the person's
YES or NO to a coordinator's note).
"""

__all__ = [
    "actions",
    "calendar_commands",
    "care_notes",
    "commands",
    "conversation",
    "feedback",
    "inbound",
    "invitations",
    "request",
    "settings_commands",
    "speech",
    "starter",
    "tips",
    "understanding",
    "whole_life",
]

"""Texting: what happens when a person texts us, from the stored message to the queued reply.

Entry points: `inbound.handle_inbound` (one SMS, exactly once), `router.route` (an
active person's message: an answer, a command, or neither), `commands.run_command`
(its handlers by theme in `settings_commands` and `calendar_commands`, each taking a
`request.Request`),
`conversation.start_flow` / `continue_flow`, `speech.queue_says` (what to say, rendered
and sealed into the outbox), `tips.next_tip`, `invitations.invite`.
"""

__all__ = [
    "calendar_commands",
    "commands",
    "conversation",
    "inbound",
    "invitations",
    "request",
    "router",
    "settings_commands",
    "speech",
    "tips",
]

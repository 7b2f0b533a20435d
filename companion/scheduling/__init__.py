"""Scheduling: when a check-in, weekly flow or reminder is due, and the sweeps that
start them.

Entry points: `schedule.on_activated` / `reschedule_checkin` / `add_reminder` (plan
a person's due items in London time), `sweep.sweep` (claim due items in batches and
start their flows), `periodic.Sweeps` (the APScheduler jobs that run every sweep),
`reminders.set_reminders` / `cancel_reminder` (the reminders a person set, numbered
as REMINDERS shows them).
"""

__all__ = ["periodic", "reminders", "schedule", "sweep"]

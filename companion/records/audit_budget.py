"""How often junk requests may write to the audit trail.

Every audit entry is a write that extends one chain, so unauthenticated junk (forged
forms, dead enrolment links, logins refused while throttled) written one row each
lets anyone slow the whole service: 100 a second slowed webhooks from 14 to 212 ms.
So each kind of junk (action, outcome and, for a real account, its id) is written at
most once a minute; the rest are only counted, in `companion_unaudited_requests`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

INTERVAL = timedelta(minutes=1)
_PRUNE_ABOVE = 10_000


@dataclass
class AuditBudget:
    """Remembers when each kind of junk was last written to the audit trail."""

    _last: dict[tuple[str, str, str], datetime] = field(default_factory=dict)

    def allow(self, action: str, outcome: str, subject: str | None, now: datetime) -> bool:
        """True if this junk should be audited now (and remember it); False to only count it."""
        key = (action, outcome, subject or "")
        last = self._last.get(key)
        if last is not None and now - last < INTERVAL:
            return False
        if len(self._last) > _PRUNE_ABOVE:
            self._last = {k: t for k, t in self._last.items() if now - t < INTERVAL}
        self._last[key] = now
        return True

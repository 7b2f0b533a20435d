"""Slowing down password guessing without letting anyone lock a coordinator out.

Two limits, both counting failed logins only:

* per account *and* address: three free tries, then a delay that doubles with each
  further failure (30 s, 1 min, 2 min, ...) up to 15 minutes. Tries during a delay
  are refused unchecked and do not lengthen it. Because the address is part of the
  key, someone guessing from elsewhere slows down only themselves: the coordinator,
  from their own address, can still log in.
* per address: at most 100 failures in any 15 minutes, whatever the accounts, so
  one address cannot spray guesses across many accounts.

A correct login clears its account-and-address count. State is in memory: a
restart forgets it (the passphrase and TOTP code remain the real barrier). Behind a
reverse proxy every request has the proxy's address, and the limits apply to all
requests together; the delay is still capped, so nobody is locked out for good.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from datetime import datetime, timedelta

FREE_FAILURES = 3
FIRST_DELAY = timedelta(seconds=30)
MAX_DELAY = timedelta(minutes=15)
ADDRESS_WINDOW = timedelta(minutes=15)
ADDRESS_MAX_FAILURES = 100
_FORGET_AFTER = timedelta(days=1)
_PRUNE_ABOVE = 10_000


@dataclass
class _Tally:
    failures: int = 0
    blocked_until: datetime | None = None
    last_failure: datetime | None = None


@dataclass
class LoginThrottle:
    """Counts failed logins; says how long a new try must wait."""

    _accounts: dict[tuple[str, str], _Tally] = field(default_factory=dict)
    _addresses: dict[str, deque[datetime]] = field(default_factory=dict)

    def wait(self, account: str, address: str, now: datetime) -> timedelta | None:
        """How long until this account may be tried from this address, or None if now."""
        waits: list[timedelta] = []
        tally = self._accounts.get((account, address))
        if tally is not None and tally.blocked_until is not None and tally.blocked_until > now:
            waits.append(tally.blocked_until - now)
        recent = self._recent(address, now)
        if len(recent) >= ADDRESS_MAX_FAILURES:
            waits.append(recent[0] + ADDRESS_WINDOW - now)
        return max(waits) if waits else None

    def failed(self, account: str, address: str, now: datetime) -> None:
        """Count a failed login and start or lengthen the delay."""
        self._prune(now)
        tally = self._accounts.setdefault((account, address), _Tally())
        tally.failures += 1
        tally.last_failure = now
        if tally.failures > FREE_FAILURES:
            tally.blocked_until = now + delay_after(tally.failures)
        self._recent(address, now).append(now)

    def succeeded(self, account: str, address: str) -> None:
        """A correct login: this account and address start afresh."""
        self._accounts.pop((account, address), None)

    def _recent(self, address: str, now: datetime) -> deque[datetime]:
        times = self._addresses.setdefault(address, deque())
        while times and times[0] + ADDRESS_WINDOW <= now:
            times.popleft()
        return times

    def _prune(self, now: datetime) -> None:
        """Forget quiet entries once there are many, so memory stays bounded."""
        if len(self._accounts) > _PRUNE_ABOVE:
            for key, tally in list(self._accounts.items()):
                if tally.last_failure is None or tally.last_failure + _FORGET_AFTER < now:
                    del self._accounts[key]
        if len(self._addresses) > _PRUNE_ABOVE:
            for address in list(self._addresses):
                if not self._recent(address, now):
                    del self._addresses[address]


def delay_after(failures: int) -> timedelta:
    """The wait after this many failures in a row: none, then doubling, capped."""
    if failures <= FREE_FAILURES:
        return timedelta(0)
    factor = 1 << min(failures - FREE_FAILURES - 1, 16)
    return min(FIRST_DELAY * factor, MAX_DELAY)

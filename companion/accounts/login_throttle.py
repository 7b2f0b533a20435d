"""Slowing down password guessing without letting anyone lock a coordinator out.

Four limits, all counting failed logins only:

* per account, across all addresses (in the database, `accounts.coordinators`): each
  try is counted *before* it is checked; the `ACCOUNT_MAX_FAILURES`th failure in a row
  locks the account for `ACCOUNT_LOCK`, during which tries are refused unchecked. So
  guesses from any number of addresses, processes or restarts get at most
  `ACCOUNT_MAX_FAILURES` checks per `ACCOUNT_LOCK` (10 an hour): the per-account budget.
* per device (OWASP "device cookies", `accounts.device_cookies`): a browser that logged
  in to the account before is exempt from the three other limits, so an attacker
  cannot lock the real coordinator out; its own failures lock that cookie alone after
  `DEVICE_MAX_FAILURES` in `DEVICE_WINDOW`.

* per account *and* address: three free tries, then a delay that doubles with each
  further failure (30 s, 1 min, 2 min, ...) up to 15 minutes. Tries during a delay
  are refused unchecked and do not lengthen it. Because the address is part of the
  key, someone guessing from elsewhere slows down only themselves: the coordinator,
  from their own address, can still log in.
* per address: at most 100 failures in any 15 minutes, whatever the accounts, so
  one address cannot spray guesses across many accounts.

A correct login clears its account-and-address count. The address and device state
is in memory: a restart forgets it (the account budget is in the database). Behind a
reverse proxy the address is the client's only if `COMPANION_TRUSTED_PROXIES` names the
proxy (`web.client_address`).
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
ACCOUNT_MAX_FAILURES = 10
ACCOUNT_LOCK = timedelta(hours=1)
DEVICE_MAX_FAILURES = 5
DEVICE_WINDOW = timedelta(hours=1)
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
    _devices: dict[str, deque[datetime]] = field(default_factory=dict)
    _locked: dict[str, datetime] = field(default_factory=dict)

    def wait(
        self, account: str, address: str, now: datetime, device: str | None = None
    ) -> timedelta | None:
        """How long until this account may be tried from this address, or None if now.

        Args:
            account: the normalised email address tried.
            address: the client's address.
            now: the time of the try.
            device: the nonce of a valid device cookie for this account, if the browser
                sent one: then only that cookie's own limit applies.
        """
        if device is not None:
            recent = _window(self._devices.setdefault(device, deque()), DEVICE_WINDOW, now)
            if len(recent) >= DEVICE_MAX_FAILURES:
                return recent[0] + DEVICE_WINDOW - now
            return None
        waits: list[timedelta] = []
        locked = self._locked.get(account)
        if locked is not None and locked > now:
            waits.append(locked - now)
        tally = self._accounts.get((account, address))
        if tally is not None and tally.blocked_until is not None and tally.blocked_until > now:
            waits.append(tally.blocked_until - now)
        recent = self._recent(address, now)
        if len(recent) >= ADDRESS_MAX_FAILURES:
            waits.append(recent[0] + ADDRESS_WINDOW - now)
        return max(waits) if waits else None

    def failed(self, account: str, address: str, now: datetime, device: str | None = None) -> None:
        """Count a failed login and start or lengthen the delay (or the device's count)."""
        self._prune(now)
        if device is not None:
            _window(self._devices.setdefault(device, deque()), DEVICE_WINDOW, now).append(now)
            return
        tally = self._accounts.setdefault((account, address), _Tally())
        tally.failures += 1
        tally.last_failure = now
        if tally.failures > FREE_FAILURES:
            tally.blocked_until = now + delay_after(tally.failures)
        self._recent(address, now).append(now)

    def account_locked(self, account: str, until: datetime) -> None:
        """The database said the account is locked: refuse tries here too until then,
        without asking it again (browsers with a device cookie are not affected)."""
        if len(self._locked) > _PRUNE_ABOVE:
            self._locked.clear()
        self._locked[account] = until

    def succeeded(self, account: str, address: str) -> None:
        """A correct login: this account and address start afresh."""
        self._accounts.pop((account, address), None)

    def _recent(self, address: str, now: datetime) -> deque[datetime]:
        return _window(self._addresses.setdefault(address, deque()), ADDRESS_WINDOW, now)

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
        if len(self._devices) > _PRUNE_ABOVE:
            for device, times in list(self._devices.items()):
                if not _window(times, DEVICE_WINDOW, now):
                    del self._devices[device]


def _window(times: deque[datetime], length: timedelta, now: datetime) -> deque[datetime]:
    """The failure times still inside the window (older ones are dropped)."""
    while times and times[0] + length <= now:
        times.popleft()
    return times


def delay_after(failures: int) -> timedelta:
    """The wait after this many failures in a row: none, then doubling, capped."""
    if failures <= FREE_FAILURES:
        return timedelta(0)
    factor = 1 << min(failures - FREE_FAILURES - 1, 16)
    return min(FIRST_DELAY * factor, MAX_DELAY)

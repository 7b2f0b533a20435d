"""Login throttling: per account and address, per address, per device, account locks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from companion.accounts.login_throttle import (
    ADDRESS_MAX_FAILURES,
    DEVICE_MAX_FAILURES,
    DEVICE_WINDOW,
    MAX_DELAY,
    LoginThrottle,
    delay_after,
)

NOW = datetime(2026, 6, 1, 10, 0, tzinfo=UTC)


def test_three_free_failures_then_doubling_capped_at_fifteen_minutes() -> None:
    """No delay for the first three; 30 s, 1 min, 2 min ... then never above 15 minutes."""
    assert [delay_after(n) for n in range(4)] == [timedelta(0)] * 4
    assert delay_after(4) == timedelta(seconds=30)
    assert delay_after(5) == timedelta(minutes=1)
    assert delay_after(8) == timedelta(minutes=8)
    assert delay_after(9) == MAX_DELAY
    assert delay_after(10_000) == MAX_DELAY


def test_an_attacker_elsewhere_does_not_lock_the_coordinator_out() -> None:
    """Failures from one address delay that address only; the coordinator's address is free."""
    throttle = LoginThrottle()
    for _ in range(50):
        throttle.failed("sam@nhs.example", "203.0.113.9", NOW)
    assert throttle.wait("sam@nhs.example", "203.0.113.9", NOW) == MAX_DELAY
    assert throttle.wait("sam@nhs.example", "198.51.100.7", NOW) is None


def test_waiting_out_the_delay_allows_a_try_and_success_clears_the_count() -> None:
    """After the delay a try is allowed; a success resets the count to the free tries."""
    throttle = LoginThrottle()
    for _ in range(5):
        throttle.failed("a", "ip", NOW)
    assert throttle.wait("a", "ip", NOW + timedelta(seconds=59)) is not None
    assert throttle.wait("a", "ip", NOW + timedelta(seconds=60)) is None
    throttle.succeeded("a", "ip")
    for _ in range(3):
        throttle.failed("a", "ip", NOW)
    assert throttle.wait("a", "ip", NOW) is None


def test_one_address_cannot_spray_many_accounts() -> None:
    """Failures across many accounts from one address hit the per-address limit."""
    throttle = LoginThrottle()
    for n in range(ADDRESS_MAX_FAILURES):
        throttle.failed(f"user{n}@x.example", "ip", NOW)
    assert throttle.wait("fresh@x.example", "ip", NOW) == timedelta(minutes=15)
    later = NOW + timedelta(minutes=15)
    assert throttle.wait("fresh@x.example", "ip", later) is None


def test_a_device_cookie_has_its_own_limit_and_skips_the_others() -> None:
    """With a device nonce only that device's failures count: 5 an hour, then a wait."""
    throttle = LoginThrottle()
    for n in range(ADDRESS_MAX_FAILURES):
        throttle.failed(f"user{n}@x.example", "ip", NOW)
    assert throttle.wait("sam@x.example", "ip", NOW) is not None  # the address is spent
    assert throttle.wait("sam@x.example", "ip", NOW, device="nonce") is None
    for _ in range(DEVICE_MAX_FAILURES):
        throttle.failed("sam@x.example", "ip", NOW, device="nonce")
    assert throttle.wait("sam@x.example", "ip", NOW, device="nonce") == DEVICE_WINDOW
    assert throttle.wait("sam@x.example", "ip", NOW + DEVICE_WINDOW, device="nonce") is None


def test_a_locked_account_waits_without_asking_the_database_again() -> None:
    """Once told the account is locked, tries without a device cookie wait until then."""
    throttle = LoginThrottle()
    until = NOW + timedelta(minutes=40)
    throttle.account_locked("sam@x.example", until)
    assert throttle.wait("sam@x.example", "elsewhere", NOW) == timedelta(minutes=40)
    assert throttle.wait("sam@x.example", "elsewhere", NOW, device="nonce") is None
    assert throttle.wait("sam@x.example", "elsewhere", until) is None

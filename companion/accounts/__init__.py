"""Accounts: the coordinators who read summaries, their enrolment, login and throttling.

Entry points: `coordinators.add_coordinator` / `complete_enrolment` / `logins.check_login`,
`login_throttle.LoginThrottle`, `device_cookies`, `life_cycle.disable` / `reset` /
`change_passphrase`, `public_keys.bind_unbound`, `passphrase_strength.weakness`.
"""

__all__ = [
    "coordinators",
    "device_cookies",
    "life_cycle",
    "login_throttle",
    "logins",
    "passphrase_strength",
    "public_keys",
]

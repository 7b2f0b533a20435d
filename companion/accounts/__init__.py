"""Accounts: the coordinators who read summaries, their enrolment, login and throttling.

Entry points: `coordinators.add_coordinator` / `complete_enrolment` / `logins.check_login`,
`login_throttle.LoginThrottle`.
"""

__all__ = ["coordinators", "login_throttle"]

"""Reading people's own words: numbers ("six and a half", "13st 4lb"), measurements,
yes/no, scales, settings (times, pauses, names, boroughs) and flow answers. Pure.

Entry points: `answers.read_answer` (a flow step's answer), `parsing.parse_*` (one
kind of value each), `settings.parse_*` (what a settings command says),
`quiet.read_quiet` / `settle_quiet` (QUIET 10pm-9am, joined to the service's night),
`numbers.read_numbers` (the number words under them all).
"""

__all__ = ["answers", "numbers", "parsing", "quiet", "settings"]

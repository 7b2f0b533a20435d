"""The pure core: no I/O, no clock (`now` is passed in). `enrolment.respond` decides what
a text does to a person's status; `runner` steps a flow; `flowspec` loads and validates
flows; `reading/` understands people's own words; `due`, `timing` and `rotation` plan
check-ins; `summary` builds the weekly summary; `limits` bounds replies."""

"""The pure core: no I/O, no clock (`now` is passed in). `decide` decides what a text
means, for any sender, in one documented order; `runner` steps a flow; `flowspec` loads
and validates flows; `reading/` understands people's own words; `due`, `timing` and
`rotation` plan check-ins; `summary` builds the weekly summary; `limits` bounds replies."""

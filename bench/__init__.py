"""Benchmarks: Companion against the limits of its own stack, measured side by side.

Run with `make bench` (not part of `make test`). Each script starts the real
`companion serve` as a separate process on 127.0.0.1, measures it next to a
baseline in the same run, prints a table and writes `bench/results/<name>.json`.
Method and results: docs/PERFORMANCE.md.
"""

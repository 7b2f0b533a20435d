# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck pytest bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Out of the box (no .env) `make run` is the simulator; a .env file decides otherwise.
run: $(STAMP)
	if [ -f .env ]; then $(BIN)/companion serve; else COMPANION_MODE=simulator $(BIN)/companion serve; fi

lint: $(STAMP)
	$(BIN)/ruff check companion tests bench
	$(BIN)/ruff format --check companion tests bench

typecheck: $(STAMP)
	$(BIN)/mypy companion bench

# Three workers, each with its own PostgreSQL database (many tests wait on subprocesses,
# so a third worker keeps two cores busy; worksteal balances the long tests); the
# PostgreSQL crash test restarts PostgreSQL, so it runs alone afterwards.
pytest: $(STAMP)
	$(BIN)/pytest -q -n 3 --dist worksteal -m 'not serial'
	$(BIN)/pytest -q -m serial

test: lint typecheck pytest

# Benchmarks (not part of `make test`): each starts `companion serve` on 127.0.0.1 and
# writes bench/results/*.json; method and results in docs/PERFORMANCE.md.
FANOUT_PEOPLE ?= 100000
bench: $(STAMP)
	$(BIN)/python -m bench.inbound
	$(BIN)/python -m bench.fanout --people $(FANOUT_PEOPLE)
	$(BIN)/python -m bench.memory
	$(BIN)/python -m bench.summaries

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache

# newsevents: `make demo` runs the pipeline on the embedded broker; `make test` runs every check.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test lint typecheck unit integration schemas prometheus clean

$(BIN)/newsevents: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

demo: $(BIN)/newsevents
	$(BIN)/newsevents dev --produce seeds/ --exit-when-done

# Debian's prometheus package brings promtool; tests that need it are told where it is.
prometheus:
	@command -v promtool >/dev/null 2>&1 || { \
	  if command -v apt-get >/dev/null 2>&1; then \
	    $(SUDO) apt-get install -y --no-install-recommends prometheus >/dev/null 2>&1 || \
	    { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y --no-install-recommends prometheus >/dev/null; }; \
	  else echo "promtool missing and no apt-get: prometheus-based tests will fail"; fi; }

lint: $(BIN)/newsevents
	$(BIN)/ruff check stream tests bench
	$(BIN)/ruff format --check stream tests bench

typecheck: $(BIN)/newsevents
	$(BIN)/mypy

schemas: $(BIN)/newsevents
	$(BIN)/newsevents schemas

unit: $(BIN)/newsevents
	$(BIN)/pytest -m "not integration"

integration: $(BIN)/newsevents
	$(BIN)/pytest -m integration

test: $(BIN)/newsevents prometheus lint typecheck
	$(BIN)/pytest

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache

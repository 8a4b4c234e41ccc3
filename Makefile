# newsevents: `make demo` runs the pipeline on the embedded broker; `make test` runs every check.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test test-slow lint typecheck unit integration schemas prometheus clean

$(BIN)/newsevents: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

demo: $(BIN)/newsevents
	$(BIN)/newsevents dev --produce seeds/ --exit-when-done

# Debian packages the tests use: prometheus (prometheus, promtool) and docker-compose (validates
# deploy/docker-compose.yml without a container engine).
APT_TOOLS := promtool:prometheus docker-compose:docker-compose
prometheus:
	@for pair in $(APT_TOOLS); do tool=$${pair%%:*}; pkg=$${pair##*:}; \
	  command -v $$tool >/dev/null 2>&1 && continue; \
	  if command -v apt-get >/dev/null 2>&1; then \
	    $(SUDO) apt-get install -y --no-install-recommends $$pkg >/dev/null 2>&1 || \
	    { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y --no-install-recommends $$pkg >/dev/null; }; \
	  else echo "$$tool missing and no apt-get: tests that need it will fail"; fi; done

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

# Every test, the slow SIGKILL crash tests included (about 2 minutes of the total).
test: $(BIN)/newsevents prometheus lint typecheck
	$(BIN)/pytest

test-slow: $(BIN)/newsevents prometheus
	$(BIN)/pytest -m slow

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache

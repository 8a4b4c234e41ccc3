# newsevents: `make demo` runs the pipeline on the embedded broker; `make test` runs every check.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test check test-slow lint typecheck unit integration schemas prometheus native pure clean constraints rules

# The tested set: every package at its version in constraints.txt (`make constraints` rewrites it).
$(BIN)/newsevents: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $@

# After a dependency change that the tests passed with: the venv's packages become the pins.
constraints: $(BIN)/newsevents
	{ sed -n '/^#/p' constraints.txt; $(BIN)/pip freeze --exclude-editable --all | grep -v '^pip=='; } \
	  > constraints.txt.new && mv constraints.txt.new constraints.txt

# The coder compiled with mypyc (about 20 s, needs a C compiler; see setup.py), rebuilt whenever a coder
# source changes. Without a compiler the same sources run as pure Python, 1.2-1.6x slower.
NATIVE := stream/extract/_native_sources.json
$(NATIVE): $(BIN)/newsevents setup.py $(wildcard stream/extract/*.py)
	@mkdir -p build && rm -f $@
	NEWSEVENTS_COMPILE=1 $(BIN)/python setup.py build_ext --inplace > build/native.log 2>&1 \
	  || { rm -f stream/extract/*.so $@; echo "compiled coder not built (build/native.log): pure Python"; }

native: $(NATIVE)

# Back to the pure-Python coder.
pure:
	rm -rf build stream/extract/*.so $(NATIVE)

demo: $(BIN)/newsevents $(NATIVE)
	$(BIN)/newsevents dev --produce seeds/ --exit-when-done

# Debian packages the tests use: prometheus (prometheus, promtool), docker-compose (validates
# deploy/docker-compose.yml without a container engine) and valgrind (bench/instructions.py).
APT_TOOLS := promtool:prometheus docker-compose:docker-compose valgrind:valgrind
prometheus:
	@for pair in $(APT_TOOLS); do tool=$${pair%%:*}; pkg=$${pair##*:}; \
	  command -v $$tool >/dev/null 2>&1 && continue; \
	  if command -v apt-get >/dev/null 2>&1; then \
	    $(SUDO) apt-get install -y --no-install-recommends $$pkg >/dev/null 2>&1 || \
	    { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y --no-install-recommends $$pkg >/dev/null; }; \
	  else echo "$$tool missing and no apt-get: tests that need it will fail"; fi; done

lint: $(BIN)/newsevents
	$(BIN)/ruff check stream tests bench setup.py
	$(BIN)/ruff format --check stream tests bench setup.py

typecheck: $(BIN)/newsevents
	$(BIN)/mypy

schemas: $(BIN)/newsevents
	$(BIN)/newsevents schemas

# The coder's rule data (stream/extract/rules/data/) rebuilt from the vendored PETRARCH2 dictionaries.
rules: $(BIN)/newsevents
	$(BIN)/python -m stream.extract.rules.convert

unit: $(BIN)/newsevents $(NATIVE)
	$(BIN)/pytest -m "not integration"

integration: $(BIN)/newsevents $(NATIVE)
	$(BIN)/pytest -m integration

# Every test, the slow SIGKILL crash tests included (about 2 minutes of the total).
# NEWSEVENTS_EXPECT_COMPILED: the tests then check that they ran the compiled coder.
test: $(BIN)/newsevents prometheus lint typecheck $(NATIVE)
	NEWSEVENTS_EXPECT_COMPILED=$$(test -f $(NATIVE) && echo 1 || echo 0) $(BIN)/pytest

# The quick check before a commit or push (about 25 s on 2 cores): lint, types and the unit tests, on
# the coder as it is (no compile step; a compiled coder older than its sources refuses to load), with no
# broker and no Debian tools: tests/integration and tests/deploy are `make test`'s.
check: $(BIN)/newsevents lint typecheck
	$(BIN)/pytest tests/unit -m "not integration and not slow"

test-slow: $(BIN)/newsevents prometheus $(NATIVE)
	$(BIN)/pytest -m slow

clean: pure
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache

# The two commands of the README:
#   make demo   set up and run `graphbuild ingest` on examples/ (no server needed)
#   make test   set up and run the whole test suite (starts its own database server)
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

# Neo4j's Cypher front end for the tests (tests/cypher_lint): the exact versions in its package-lock.json
CYPHER_LINT := tests/cypher_lint

.PHONY: demo test setup setup-dev cypher-lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(VENV)/.installed $@

setup: $(VENV)/.installed
setup-dev: $(VENV)/.installed-dev
	@# headless Chromium for the `graphbuild view` browser test (Debian's package; CI runs as root)
	@if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; \
	fi

$(CYPHER_LINT)/node_modules/.installed: $(CYPHER_LINT)/package.json $(CYPHER_LINT)/package-lock.json
	cd $(CYPHER_LINT) && npm ci --no-audit --no-fund --prefer-offline
	touch $@

cypher-lint: $(CYPHER_LINT)/node_modules/.installed

demo: setup
	$(BIN)/graphbuild ingest examples/ --out out/ --published-default 2024-03-12

test: setup-dev cypher-lint
	$(BIN)/python -m pytest -q -p no:cacheprovider -n auto

clean:
	rm -rf $(VENV) out .pytest_cache $(CYPHER_LINT)/node_modules

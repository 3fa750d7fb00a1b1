# gongwen: `make serve` publishes the bundled sample corpus; `make test` runs the whole suite.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 5000
HOST   ?= 127.0.0.1
STORE  ?= gongwen-data

.PHONY: serve test test-remote install install-test load bench clean

$(BIN)/gongwen: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e .
	@touch $@

$(VENV)/.test-extras: $(BIN)/gongwen
	$(BIN)/pip install -q -e '.[test]'
	@touch $@

install: $(BIN)/gongwen

install-test: $(VENV)/.test-extras

load: install
	$(BIN)/gongwen load --store $(STORE) --sample

serve: load
	$(BIN)/gongwen serve --store $(STORE) --host $(HOST) --port $(PORT)

test: install-test
	$(BIN)/pytest -q

# The store tests again against Debian's Virtuoso (installed here if missing; needs root, as CI has).
test-remote: install-test
	command -v virtuoso-t >/dev/null || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q virtuoso-opensource; }
	GONGWEN_TEST_VIRTUOSO=1 $(BIN)/pytest -q tests/store

bench: install-test
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) $(STORE)

# gongwen: `make serve` publishes the bundled sample corpus; `make test` runs the whole suite.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 5000
HOST   ?= 127.0.0.1
STORE  ?= gongwen-data

.PHONY: serve test install install-test load bench clean

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

bench: install-test
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) $(STORE)

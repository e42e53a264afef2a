# hyoka-search: `make run` serves the search service, `make test` runs the test suite.
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
PYTHON ?= python3
PROCESSES ?= 1

.PHONY: install index run test bench loadtest

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

index: install
	$(VENV)/bin/hyoka-search build

# Builds the index if it is missing or stale, then serves it (PROCESSES=N: N worker processes).
run: install
	$(VENV)/bin/hyoka-search serve --host=$(HOST) --port=$(PORT) --processes=$(PROCESSES)

test: install
	$(PY) -m pytest

# Benchmarks (not tests): tables printed and written to bench/results/. The peer (Datasette 0.65)
# installs itself into bench/.peer/ on first use. One line per script; add new ones below.
bench: install
	$(PY) -m bench.search_quality
	$(PY) -m bench.related_quality
	$(PY) -m bench.qa_quality --heldout
	$(PY) -m bench.loadtest
	$(PY) -m bench.latency
	$(PY) -m bench.scale
	$(PY) -m bench.processes
	$(PY) -m bench.timings
	$(PY) -m bench.safety

# 32 clients for 60 s against waitress on loopback while the index is rebuilt; writes bench/results/loadtest.*
loadtest: install
	$(PY) -m bench.loadtest

# The two commands a new user needs: `make run` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
# No offline switches here: every entry point sets config.OFFLINE_SWITCHES itself.

.PHONY: install run chat test test-deps lint format bench eval clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## make run: install, build the knowledge index, start the app on 127.0.0.1:7860
run: install
	$(PY) -m opdrachtassistent ingest
	$(PY) app.py

## make chat: the same interview in the terminal
chat: install
	$(PY) -m opdrachtassistent chat

## make test: install (incl. headless Chromium and axe-core), run every test
test: install test-deps
	$(PY) -m pytest

test-deps:
	bash scripts/install-test-deps.sh

lint: install
	$(VENV)/bin/ruff check src tests eval scripts app.py
	$(VENV)/bin/ruff format --check src tests eval scripts app.py
	$(VENV)/bin/mypy

format: install
	$(VENV)/bin/ruff format src tests eval scripts app.py
	$(VENV)/bin/ruff check --fix src tests eval scripts app.py

## make bench: turn latency, import and start-up time, retrieval speed (writes bench/latest.json)
bench: install
	$(PY) scripts/bench.py

## make eval: simulated administrators and notes against a naive baseline (writes BENCHMARKS.md)
eval: install
	$(PY) eval/run.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache

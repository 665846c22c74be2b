# Development tasks. `make setup` once, then `make check` (fast) or `make test` (everything).
# A fresh clone needs only python3 (3.11+), node (20.19+ / 22.12+), npm and make.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-builtin-rules

# --- tools -------------------------------------------------------------------------------
PYTHON ?= python3
UV_VERSION := 0.13.9
TOOLS := .tools
# The pinned uv lives in its own small venv; `make UV=uv ...` uses another one instead.
UV ?= $(TOOLS)/bin/uv
VENV := .venv
PY := $(VENV)/bin/python
RUFF := $(VENV)/bin/ruff
REDOCLY := node_modules/.bin/redocly

# Stamps: make re-runs an install only when its inputs change.
UV_STAMP := $(TOOLS)/uv-$(UV_VERSION).stamp
VENV_STAMP := $(VENV)/.synced.stamp
NODE_STAMP := node_modules/.installed.stamp

# --- inputs ------------------------------------------------------------------------------
# The OpenAPI document; tests read the same variable from the environment.
GUEST_RIDES_SPEC ?= openapi/guest-rides.yaml
SPEC := $(GUEST_RIDES_SPEC)
PYTEST_ARGS ?=
# Code held to the mypy settings in pyproject.toml (tests are not type-checked), the
# generated client and the examples that use it included.
TYPED_DIRS := $(wildcard mock_server scripts examples) generated/uber-guest-rides-client/uber_guest_rides_client \
  webhooks/uber_guest_rides_webhooks

export GUEST_RIDES_SPEC
# Bytecode of every Python process the tasks start (the test run starts dozens: sandboxes,
# inner suite runs, tools) goes to one cache in the work tree, never beside the sources. With
# PYTHONDONTWRITEBYTECODE (set on some machines to keep __pycache__ out of source trees) each
# of those processes would compile everything it imports again: about 70 s of CPU in make test.
export PYTHONPYCACHEPREFIX ?= $(CURDIR)/.cache/pycache
unexport PYTHONDONTWRITEBYTECODE
export UV_PYTHON_DOWNLOADS := never
export UV_NO_PROGRESS := 1
export REDOCLY_TELEMETRY := off
export REDOCLY_SUPPRESS_UPDATE_NOTICE := true
export NPM_CONFIG_UPDATE_NOTIFIER := false
export NPM_CONFIG_FUND := false
export NPM_CONFIG_AUDIT := false

.PHONY: help setup lint typecheck check check-generated regen test clean distclean

help:
	@echo "make setup      install uv, the Python env (.venv) and node_modules"
	@echo "make lint       redocly + openapi-spec-validator on $(SPEC); ruff check/format"
	@echo "make check      lint, type checks, generated/ drift check (fast, static)"
	@echo "make test       check, then the pytest suite"
	@echo "make regen      regenerate the Python client in generated/ from the document"
	@echo "make dist       dist/: bundled, dereferenced and 3.0 documents, HTML docs, TS types, Go client, Postman"
	@echo "make breaking   fail on breaking changes against the last release (or BASE=<git ref>)"
	@echo "make contract   the contract suite against BASE_URL, or against the local sandbox it starts"
	@echo "make soak       SOAK_RUNS (20) contract runs in a row on fresh local sandboxes: passes/N"
	@echo "make bench      local sandbox vs Prism vs bare Starlette (wrk); writes bench/RESULTS.md"
	@echo "make listen     receive, verify, check and print the webhooks of the sandbox on PORT"
	@echo "make clean      remove caches and reports; distclean also removes the envs"

# --- setup -------------------------------------------------------------------------------
setup: $(VENV_STAMP) $(NODE_STAMP)

$(UV_STAMP):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	touch $@

# Only the default UV depends on the pinned install; `make UV=uv` skips it.
ifeq ($(UV),$(TOOLS)/bin/uv)
$(VENV_STAMP): $(UV_STAMP)
endif
$(VENV_STAMP): pyproject.toml uv.lock
	$(UV) sync --frozen --all-groups --python $(PYTHON)
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# --- static checks -----------------------------------------------------------------------
lint: setup
	$(REDOCLY) lint $(SPEC)
	$(VENV)/bin/openapi-spec-validator --schema 3.1 $(SPEC)
	$(RUFF) check .
	$(RUFF) format --check .

typecheck: setup
	$(if $(TYPED_DIRS),$(PY) -m mypy $(TYPED_DIRS),@echo "typecheck: nothing to check yet")

# Drift check: regenerate the client into a temporary folder and fail, printing the diff,
# when generated/ differs. Always from openapi/guest-rides.yaml (not $$GUEST_RIDES_SPEC).
check-generated: setup
	$(PY) -m scripts.regen --check

# Rewrite generated/ (openapi-python-client and ruff as pinned in uv.lock; settings in
# openapi/client-config.yaml). Commit the result with the document change that caused it.
regen: setup
	$(PY) -m scripts.regen

check: lint typecheck check-generated

# --- tests -------------------------------------------------------------------------------
# The tests run in TEST_WORKERS pytest-xdist workers, a test file (or the whole contract
# suite) per unit of work: conftest.py says how they are handed out.
TEST_WORKERS ?= 2

test: setup check breaking dist
	$(PY) -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

# --- housekeeping ------------------------------------------------------------------------
clean:
	rm -rf .pytest_cache .ruff_cache .mypy_cache .hypothesis .cache reports dist
	find . -name __pycache__ -type d -not -path './node_modules/*' -not -path './$(VENV)/*' \
	  -not -path './$(TOOLS)/*' -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV) $(TOOLS) node_modules

# --- local sandbox ---------------------------------------------------------------------
PORT ?= 8000
MOCK_ARGS ?=
# As a CI service: `make mock-start mock-wait`, the tests, then `make mock-stop`.
MOCK_PID ?= .mock_server.pid
MOCK_LOG ?= .mock_server.log
MOCK_WAIT ?= 30
.PHONY: mock mock-start mock-wait mock-stop

mock: setup ## the local sandbox in the foreground on 127.0.0.1:$(PORT) (MOCK_ARGS: --strict --auto-drive --store sqlite:PATH ...)
	$(PY) -m mock_server --host 127.0.0.1 --port $(PORT) --spec $(SPEC) $(MOCK_ARGS)

# Registers a listener on a free loopback port as the development application's webhook URL
# at the sandbox on 127.0.0.1:$(PORT), then verifies, checks against the document and prints
# each event it receives. LISTEN_ARGS: --forward-to URL, --print-json, --client-id/--client-secret.
LISTEN_ARGS ?=
.PHONY: listen

listen: setup
	$(PY) -m uber_guest_rides_webhooks listen --sandbox http://127.0.0.1:$(PORT) --spec $(SPEC) $(LISTEN_ARGS)
mock-start: setup ## the local sandbox in the background (pid in $(MOCK_PID), output in $(MOCK_LOG))
	@if [ -f $(MOCK_PID) ] && kill -0 "$$(cat $(MOCK_PID))" 2>/dev/null; then \
	  echo "mock-start: already running (pid $$(cat $(MOCK_PID)))"; exit 1; fi
	$(PY) -m mock_server --host 127.0.0.1 --port $(PORT) --spec $(SPEC) $(MOCK_ARGS) \
	  >$(MOCK_LOG) 2>&1 & echo $$! >$(MOCK_PID)

mock-wait: ## until the sandbox on $(PORT) answers its health check (MOCK_WAIT seconds at most)
	$(PY) -m mock_server.wait http://127.0.0.1:$(PORT) --timeout $(MOCK_WAIT)

mock-stop: ## stop the sandbox mock-start started
	@if [ -f $(MOCK_PID) ]; then kill "$$(cat $(MOCK_PID))" 2>/dev/null || true; rm -f $(MOCK_PID); fi

# The local sandbox vs Prism vs a bare Starlette endpoint, side by side on loopback, with
# wrk (Debian's package, installed when missing); writes bench/RESULTS.md. Takes about 4
# minutes; never part of `make test`. BENCH_ARGS go to scripts/bench.py (--rounds, --duration).
BENCH_ARGS ?=
.PHONY: bench bench-deps

bench-deps:
	@if ! command -v wrk >/dev/null; then \
	  sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	  echo "bench-deps: apt-get install wrk"; \
	  $$sudo apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends wrk >/dev/null; \
	fi

bench: setup bench-deps
	$(PY) -m scripts.bench --write bench/RESULTS.md $(BENCH_ARGS)

# --- contract suite --------------------------------------------------------------------
# Without BASE_URL: starts the local sandbox (strict) on a free port, runs contract_tests/,
# stops it, prints cases and failures per operation. With BASE_URL (and UBER_TOKEN or
# UBER_CLIENT_ID/UBER_CLIENT_SECRET): that server. CONTRACT_ARGS go to scripts/contract.py.
# The fault proof (tests/test_contract_faults.py) is part of `make test`; `make soak` is not.
CONTRACT_ARGS ?=
SOAK_RUNS ?= 20
.PHONY: contract contract-st contract-faults soak

contract: setup
	$(PY) scripts/contract.py $(CONTRACT_ARGS)

contract-st: setup ## `st run` with schemathesis.toml, same target rules as `make contract`
	$(PY) scripts/contract.py st $(CONTRACT_ARGS)

contract-faults: setup ## the suite against each injected fault
	$(PY) -m pytest tests/test_contract_faults.py $(PYTEST_ARGS)

soak: setup ## SOAK_RUNS consecutive `make contract` runs, each on a fresh local sandbox
	$(PY) scripts/contract.py soak $(SOAK_RUNS) $(CONTRACT_ARGS)

# --- artifacts for other-language teams ------------------------------------------------
# dist/ is rebuilt when the document, scripts/dist.py, scripts/downconvert.py or a lock
# file changed (dist/manifest.json records what it was built from). Its checks need
# Debian's chromium (the docs render test), Go with golang.org/x/oauth2 (the Go client,
# built offline) and a JRE (openapi-generator): dist-deps installs whichever is missing.
BASE ?=
.PHONY: dist dist-deps breaking

dist-deps:
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium fonts-dejavu-core"; \
	command -v go >/dev/null || missing="$$missing golang-go"; \
	[ -d /usr/share/gocode/src/golang.org/x/oauth2 ] || missing="$$missing golang-golang-x-oauth2-dev"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	if [ -n "$$missing" ]; then \
	  sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	  echo "dist-deps: apt-get install$$missing"; \
	  $$sudo apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

dist: setup dist-deps
	$(PY) -m scripts.dist --if-stale

# Without BASE: against the last release (scripts/breaking.py says how releases are found).
breaking: setup
	$(PY) -m scripts.breaking $(if $(BASE),--base $(BASE))

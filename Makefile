# The course's commands. CI calls `make test` (see .ci/run).
#   make lab      set up (once) and open the course in JupyterLab
#   make test     set up (once), then lint, unit tests, nbval on every notebook, browser tests
#   make record   re-execute notebooks from chapters/*.py in a clean kernel (NB=02 for one)
#   make reset CH=02   restore a chapter in my-work/, keeping your version beside it
#   make student  write student/: the course without solutions
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)
PYTEST_NB := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg

# OpenBLAS chooses its kernels by CPU, and its AVX-512 kernels round some matrix products
# differently in the last digit from the AVX2 ones. The course prints and asserts exact values,
# so every command here (and the kernels it starts) uses one kernel family on x86-64.
ifeq ($(shell uname -m),x86_64)
export OPENBLAS_CORETYPE ?= Haswell
endif

.PHONY: setup lab test lint unit nbval browser record student reset status japanese bench clean-venv

setup: $(STAMP)

$(STAMP): requirements.txt pyproject.toml jupyter/overrides.json tests/browser/package-lock.json
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "Python >= 3.10 is needed, found " + sys.version)'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	mkdir -p $(VENV)/share/jupyter/lab/settings
	cp jupyter/overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
	npm ci --prefix tests/browser --no-audit --no-fund --silent  # axe-core (pinned) for the accessibility audit
	touch $(STAMP)

lab: $(STAMP)
	$(BIN)/python tools/workspace.py sync
	$(BIN)/jupyter lab --ServerApp.ip=127.0.0.1 --ServerApp.root_dir=my-work $(ROOT_FLAG) \
	    my-work/$$($(BIN)/python tools/workspace.py first)

test: lint unit nbval browser

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check helpers tests tools benchmarks

unit: $(STAMP)
	$(BIN)/pytest tests --ignore=tests/browser -q

nbval: $(STAMP)
	$(BIN)/pytest notebooks $(PYTEST_NB) -q

browser: $(STAMP)
	$(BIN)/pytest tests/browser -q

record: $(STAMP)
	$(BIN)/python tools/record.py $(NB)

student: $(STAMP)
	$(BIN)/python tools/student.py

reset: $(STAMP)
	$(BIN)/python tools/workspace.py reset $(CH)

status: $(STAMP)
	$(BIN)/python tools/workspace.py status

japanese: $(STAMP)
	cp jupyter/overrides.ja.json $(VENV)/share/jupyter/lab/settings/overrides.json

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_train.py
	$(BIN)/python benchmarks/bench_explorers.py

clean-venv:
	rm -rf $(VENV)

# The two set-up commands of the README: `make report` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

# A version check that runs before anything else: nbreport needs Python 3.11 or newer.
NEED_PY := import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)

.PHONY: report test bench clean python-version

report: $(VENV)/.installed
	sh scripts/install-system-deps.sh
	$(BIN)/nbreport build data/2023 --out out

test: $(VENV)/.installed
	sh scripts/install-system-deps.sh --with-office
	$(BIN)/python -m pytest -q

bench: $(VENV)/.installed
	sh scripts/install-system-deps.sh --with-bench
	$(BIN)/python bench/run.py

python-version:
	@$(PYTHON) -c '$(NEED_PY)' 2>/dev/null || { \
	  echo "nbreport needs Python 3.11 or newer, but $(PYTHON) is: $$($(PYTHON) --version 2>/dev/null || echo 'not a working Python')." >&2; \
	  echo "Install Python 3.11+ and run e.g.: make PYTHON=python3.11" >&2; exit 1; }
	@if [ -d $(VENV) ] && ! $(BIN)/python -c '$(NEED_PY)' 2>/dev/null; then \
	  echo "$(VENV) was made by another Python ($$($(BIN)/python --version 2>/dev/null || echo 'no longer installed'))." >&2; \
	  echo "Remove it and set up again: make clean && make $(MAKECMDGOALS)" >&2; exit 1; fi

$(VENV)/.installed: pyproject.toml | python-version
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]' --config-settings editable_mode=compat
	touch $@

clean:
	rm -rf $(VENV) out

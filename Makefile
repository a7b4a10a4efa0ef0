# The two set-up commands of the README: `make report` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: report test bench clean

report: $(VENV)/.installed
	sh scripts/install-system-deps.sh
	$(BIN)/nbreport build data/2023 --out out

test: $(VENV)/.installed
	sh scripts/install-system-deps.sh --with-office
	$(BIN)/python -m pytest -q

bench: $(VENV)/.installed
	$(BIN)/python bench/run.py

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]' --config-settings editable_mode=compat
	touch $@

clean:
	rm -rf $(VENV) out

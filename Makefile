# Quellenlage: `make demo` and `make test` are all a fresh machine needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test venv bench bench-corpus model schema clean

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	$(BIN)/quellenlage demo --out quellenlage-demo.html

test: $(STAMP)
	$(BIN)/python -m pytest -q

schema: $(STAMP)
	$(BIN)/quellenlage schema --out docs/schema/analysis.schema.json

clean:
	rm -rf $(VENV) quellenlage-demo.html .pytest_cache

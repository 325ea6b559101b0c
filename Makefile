# Quellenlage: `make demo` and `make test` are all a fresh machine needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint venv bench bench-corpus model line-model schema clean serve screenshot web-load
DATA ?= ../shared/data
HOST ?= 127.0.0.1
PORT ?= 8000

$(STAMP): requirements.txt requirements-corpus.txt requirements-dev.txt requirements-en.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements-en.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	$(BIN)/quellenlage demo --out quellenlage-demo.html

test: lint
	$(BIN)/python -m pytest -q

# ruff and mypy on the package (settings in pyproject.toml); `make test` fails on their errors.
lint: $(STAMP)
	$(BIN)/ruff check quellenlage
	$(BIN)/mypy

# The web app on http://$(HOST):$(PORT)/ (history in the user data folder; DB=… for another database).
serve: $(STAMP)
	$(BIN)/quellenlage serve --host $(HOST) --port $(PORT) $(if $(DB),--db $(DB))

# Headless-Chromium screenshots of the web app (needs Debian's chromium) and its load check.
screenshot: $(STAMP)
	$(BIN)/python benchmarks/web_check.py screenshot --out-dir screenshots

web-load: $(STAMP)
	$(BIN)/python benchmarks/web_check.py load --requests 200 --clients 8

# Not part of `make test`: they need ../shared/data and take long.
bench: $(STAMP)
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/quellenlage bench --data-dir $(DATA)
	$(BIN)/python benchmarks/pipeline_bench.py overhead --lang de
	$(BIN)/python benchmarks/pipeline_bench.py overhead --lang en

bench-corpus: $(STAMP)
	$(BIN)/python benchmarks/corpus_bench.py

model: $(STAMP)
	$(BIN)/pip install --quiet -r requirements-train.txt
	QL_DATA=$(DATA) QL_WORK=training/work OMP_NUM_THREADS=1 $(BIN)/python training/train.py

# The line-role model: silver labels from the HTML pages of $(DATA) (training/line_model.py).
line-model: $(STAMP)
	$(BIN)/python training/line_model.py --data $(DATA)
	$(BIN)/python training/line_model_eval.py ../shared/dev ../shared/examples

schema: $(STAMP)
	$(BIN)/quellenlage schema --out docs/schema/analysis.schema.json

clean:
	rm -rf $(VENV) quellenlage-demo.html .pytest_cache screenshots

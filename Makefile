# Two commands set everything up: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DB     ?= communique.duckdb

.PHONY: demo test lint clean install

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[web]'
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[web,test]'
	touch $@

install: $(VENV)/.installed

demo: $(VENV)/.installed
	$(BIN)/communique ingest samples/ --db $(DB)
	$(BIN)/communique stats --db $(DB)
	@echo
	@echo "Try next:"
	@echo "  $(BIN)/communique articles --db $(DB)"
	@echo "  $(BIN)/communique show ARTICLE_ID --db $(DB)"
	@echo "  $(BIN)/communique events --db $(DB) --source RUS"
	@echo "  $(BIN)/communique quotes --db $(DB) --speaker Rutte"
	@echo "  $(BIN)/communique serve --db $(DB)    # then open http://127.0.0.1:8000/"

test: $(VENV)/.installed-test
	$(BIN)/ruff check src tests
	$(BIN)/mypy src/communique
	$(BIN)/python -m pytest -q

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests
	$(BIN)/mypy src/communique

clean:
	rm -rf $(VENV) $(DB) $(DB).wal .pytest_cache

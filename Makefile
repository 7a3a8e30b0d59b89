# The README's two commands. Each does its own set-up on a fresh machine:
# virtual environment, Python packages, the pinned Neo4j release (through `kg`), migrations.
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: run test

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

## make run: start the local Neo4j, migrate, load seed/, serve GraphQL on 127.0.0.1:$${KG_PORT:-8000}
run: $(STAMP)
	$(VENV)/bin/kg run

## make test: the whole suite against the tests' own local Neo4j
test: $(STAMP)
	$(VENV)/bin/pytest -q

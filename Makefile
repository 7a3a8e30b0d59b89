# The README's two commands. Each does its own set-up on a fresh machine:
# virtual environment, the locked Python packages, the pinned Neo4j release (through `kg`), migrations.
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml requirements.lock | cksum | cut -d' ' -f1)

.PHONY: run test lock

# Exactly the versions and hashes of requirements.lock, then the project itself without
# resolving anything again (so no dependency moves to a new major version unnoticed).
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet --require-hashes -r requirements.lock
	$(VENV)/bin/pip install --quiet --no-deps -e .
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

## make run: start the local Neo4j, migrate, load seed/, serve GraphQL on 127.0.0.1:$${KG_PORT:-8000}
run: $(STAMP)
	$(VENV)/bin/kg run

## make test: the whole suite against the tests' own local Neo4j
test: $(STAMP)
	$(VENV)/bin/pytest -q

## make lock: after changing dependencies in pyproject.toml, pin them again (with hashes)
lock:
	$(PYTHON) -m venv $(VENV)-lock
	$(VENV)-lock/bin/pip install --quiet pip-tools
	$(VENV)-lock/bin/pip-compile --quiet --generate-hashes --no-emit-find-links --extra test --strip-extras \
		-o requirements.lock pyproject.toml

# The README's two commands. Each does its own set-up on a fresh machine:
# virtual environment, the locked Python packages, the web pages (npm ci + build into web/dist/),
# the pinned Neo4j release (through `kg`), migrations; the tests also Debian's chromium.
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml requirements.lock | cksum | cut -d' ' -f1)

.PHONY: run test lock web chromium

# Exactly the versions and hashes of requirements.lock, then the project itself without
# resolving anything again (so no dependency moves to a new major version unnoticed).
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet --require-hashes -r requirements.lock
	$(VENV)/bin/pip install --quiet --no-deps -e .
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

# The explorer (/) and GraphiQL (/graphql), built from web/ with the Node.js and npm of the machine:
# exactly the packages of web/package-lock.json (npm ci), bundled into web/dist/ (ignored by git),
# which the app serves itself, so the pages need no internet.
WEB_SOURCES := web/package.json web/package-lock.json web/build.mjs $(shell find web/src -type f 2>/dev/null)

web/node_modules/.package-lock.json: web/package.json web/package-lock.json
	@if ! command -v node >/dev/null || ! command -v npm >/dev/null; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "installing Debian's nodejs and npm to build the web pages"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; \
		else \
			echo "make: the web pages need Node.js and npm, which are missing: sudo apt-get install nodejs npm"; exit 1; \
		fi; \
	fi
	cd web && npm ci --no-audit --no-fund --loglevel=error
	touch $@

web/dist/.built: web/node_modules/.package-lock.json $(WEB_SOURCES)
	cd web && npm run --silent build
	touch $@

## make web: install and build the web pages (make run and make test do it)
web: web/dist/.built

# Browser tests drive Debian's chromium (Playwright's own browser download does not work here).
CHROMIUM ?= $(shell command -v chromium || command -v chromium-browser)
chromium:
	@if [ -z "$(CHROMIUM)" ]; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "installing Debian's chromium for the browser tests"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
		else \
			echo "make: chromium is missing, so the browser tests will be skipped: sudo apt-get install chromium"; \
		fi; \
	fi
	@# a Chinese font, so the screenshots under tests/artifacts/ are readable (the tests pass without one)
	@if command -v fc-list >/dev/null && [ -z "$$(fc-list :lang=zh 2>/dev/null)" ]; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-wqy-zenhei >/dev/null || true; \
		else \
			echo "make: no Chinese font, screenshots will show boxes: sudo apt-get install fonts-wqy-zenhei"; \
		fi; \
	fi

## make run: build the pages, start the local Neo4j, migrate, load seed/, serve on 127.0.0.1:$${KG_PORT:-8000}
run: $(STAMP) web
	$(VENV)/bin/kg run

## make test: the whole suite against the tests' own local Neo4j
test: $(STAMP) web chromium
	$(VENV)/bin/pytest -q

## make lock: after changing dependencies in pyproject.toml, pin them again (with hashes)
lock:
	$(PYTHON) -m venv $(VENV)-lock
	$(VENV)-lock/bin/pip install --quiet pip-tools
	$(VENV)-lock/bin/pip-compile --quiet --generate-hashes --no-emit-find-links --extra test --strip-extras \
		-o requirements.lock pyproject.toml

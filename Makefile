# Partssamarbeid developer commands. Everything installs from the project's own files.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
DEMO_PASSWORD ?= demo-passord
HOST ?= 127.0.0.1
PORT ?= 8000
export DEMO_PASSWORD
# DEBUG is off unless asked for (fail closed): development commands ask for it explicitly.
DEV := DEBUG=1

.DEFAULT_GOAL := help
.PHONY: help install install-dev catalogues run lint test e2e chromium ocr audit messages lock check-deploy clean vendor bench bench-import bench-writes

help: ## List the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed-base: requirements/base.txt | $(VENV)/bin/python
	$(PIP) install --quiet --require-hashes -r requirements/base.txt
	touch $@

$(VENV)/.installed-dev: requirements/dev.txt | $(VENV)/bin/python
	$(PIP) install --quiet --require-hashes -r requirements/dev.txt
	touch $@ $(VENV)/.installed-base

install: $(VENV)/.installed-base ## Create .venv and install the pinned runtime dependencies

install-dev: $(VENV)/.installed-dev ## Install runtime and test dependencies

messages: install ## Compile the translation catalogues (.po -> .mo)
	$(DEV) $(PY) manage.py compilemessages --ignore=.venv --verbosity 0

catalogues: install ## Update the .po catalogues from the marked strings (no source locations, so branches merge cleanly)
	$(DEV) $(PY) manage.py makemessages -l nb -l nn -l en --no-location --ignore=.venv --ignore=tests --ignore=node_modules

run: install messages ## Migrate a local SQLite database, load demo data, serve on http://127.0.0.1:8000
	$(DEV) $(PY) manage.py migrate --noinput
	$(DEV) $(PY) manage.py seed_demo
	$(DEV) $(PY) manage.py rebuild_search_index
	@echo ""
	@echo "  Partssamarbeid runs on http://$(HOST):$(PORT)/"
	@echo "  Demo logins (password: $(DEMO_PASSWORD)):"
	@echo "    admin        superuser, everything incl. /admin/"
	@echo "    hr.vaksdal   HR, edits Vaksdal (4628)"
	@echo "    hr.sarpsborg HR, edits Sarpsborg (3105)"
	@echo "    tv.vaksdal   union representative, reads Vaksdal"
	@echo "    ks.radgiver  KS adviser, reads all municipalities"
	@echo "  Imports are parsed by a background worker (manage.py db_worker), started alongside."
	@echo ""
	@$(DEV) $(PY) manage.py db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(DEV) $(PY) manage.py runserver $(HOST):$(PORT)

lint: install-dev ## Check the code with ruff (rules in pyproject.toml [tool.ruff.lint])
	$(VENV)/bin/ruff check .

test: install-dev messages ocr lint ## Install everything, lint, and run the test suite (without the browser tests)
	$(DEV) $(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest -m "not e2e"

E2E_RESULTS ?= $(CURDIR)/e2e-results
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

chromium: ## Install Debian's Chromium for the browser tests if it is missing
	@test -x /usr/bin/chromium || { $(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends chromium; }

OCR_PACKAGES := tesseract-ocr tesseract-ocr-nor fonts-dejavu-core

ocr: ## Install Debian's tesseract OCR with Norwegian (scanned PDFs; the tests' scans use DejaVu) if it is missing
	@{ command -v tesseract >/dev/null && tesseract --list-langs 2>/dev/null | grep -qx nor && test -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf; } || \
	  { $(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends $(OCR_PACKAGES); }

tests/e2e/node_modules/.package-lock.json: tests/e2e/package.json tests/e2e/package-lock.json
	cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error

e2e: install-dev messages chromium ocr tests/e2e/node_modules/.package-lock.json ## Browser tests in headless Chromium: journeys, axe-core (WCAG 2.1 AA), screenshots
	rm -rf $(E2E_RESULTS)
	E2E_RESULTS=$(E2E_RESULTS) $(PY) -m pytest tests/e2e -m e2e -p no:cacheprovider; status=$$?; \
	echo ""; echo "  Browser test results: $(E2E_RESULTS)/  (axe.json, screenshots/)"; exit $$status

audit: ## Check the pinned dependencies for known vulnerabilities (needs the vulnerability database online)
	test -x .venv-audit/bin/pip-audit || { $(PYTHON) -m venv .venv-audit && .venv-audit/bin/pip install --quiet pip-audit; }
	.venv-audit/bin/pip-audit --strict --disable-pip --require-hashes -r requirements/dev.txt

check-deploy: install ## Run Django's deployment checks with production-like settings
	DEBUG=0 SECRET_KEY=check-deploy-$$(date +%s)-not-a-real-secret-key-0123456789abcdef \
	ALLOWED_HOSTS=partssamarbeid.example.no $(PY) manage.py check --deploy --fail-level WARNING

lock: ## Re-pin requirements/*.txt from pyproject.toml (needs network to PyPI)
	$(PIP) install --quiet pip-tools
	$(VENV)/bin/pip-compile -q --generate-hashes --strip-extras --no-emit-index-url --no-emit-find-links --allow-unsafe -o requirements/base.txt pyproject.toml
	$(VENV)/bin/pip-compile -q --generate-hashes --strip-extras --no-emit-index-url --no-emit-find-links --allow-unsafe --extra dev -o requirements/dev.txt pyproject.toml

clean: ## Remove the virtualenv, caches and the local database
	rm -rf $(VENV) .venv-audit .pytest_cache .hypothesis staticfiles db.sqlite3 e2e-results tests/e2e/node_modules

vendor: ## Re-vendor front-end assets (Bootstrap) from the npm registry into static/vendor/
	./scripts/vendor_static.sh

bench-import: install-dev messages ocr ## Importer benchmark alone (PostgreSQL, worker running): upload to review of a 30-page PDF, the 50x500 review and its confirmation, OCR s/page
	$(PY) benchmarks/bench_import.py

bench-writes: install-dev messages ## The write path alone (PostgreSQL, 357 municipalities): meeting and item saves, p95 of 30 (target < 100 ms)
	BENCH_WRITES_ONLY=1 $(PY) benchmarks/bench_pages.py

bench: install-dev messages ocr ## Benchmarks on PostgreSQL: dashboard pages at 10 and 357 municipalities, importer, search; JSON on the last line (not in CI)
	$(PY) benchmarks/bench_pages.py
	$(PY) benchmarks/bench_search.py

# --- scale, load and deployment (docs/deploy.md) ----------------------------------------------
.PHONY: restore-check loadtest

restore-check: install ## Back up a scratch PostgreSQL database with pg_dump, restore it, compare every table
	$(PY) scripts/restore_check.py

loadtest: install messages ## Load test on loopback (gunicorn, PostgreSQL, national data, 100 users x 60 s; not in CI)
	PY=$(PY) ./loadtest/loadtest.sh

# make run   — set up, migrate and serve the site at http://127.0.0.1:8000/ (PORT=8001 for another)
# make serve — the production setup: nginx before gunicorn, DEBUG off, on PORT (8080)
# make test  — lint, checks and the whole test suite
# make bench — load benchmark against gunicorn (not part of make test)
# make lighthouse — Lighthouse mobile scores of the landing page, three checklists and a plan
#
# Python 3.13 is taken from `python3.13` on PATH; name another with PYTHON=...
# (with pyenv: PYENV_VERSION=3.13.0 make test).

PYTHON ?= python3.13
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
# Settings for running the test suite: production-like (DEBUG off), with a throwaway key
# and no HTTPS redirect, since the test client speaks plain HTTP.
TEST_ENV := DJANGO_DEBUG=false DJANGO_SECRET_KEY=test-only-not-secret DJANGO_SECURE_SSL_REDIRECT=false

.PHONY: run serve test lint bench lighthouse clean messages

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] < (3, 12))' 2>/dev/null || { \
	  echo "Python 3.13 is needed: '$(PYTHON)' is missing or too old."; \
	  echo "Install Python 3.13, or run: make $(MAKECMDGOALS) PYTHON=/path/to/python3.13"; \
	  echo "(with pyenv: PYENV_VERSION=3.13.0 make $(MAKECMDGOALS))"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: $(BIN)/python requirements.txt
	$(BIN)/pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(BIN)/pip install --quiet -r requirements-dev.txt
	@touch $@

# Compiled catalogues are build output, made from the committed .po files with Babel
# (pure Python: no gettext tools needed).
messages: $(VENV)/.runtime
	$(BIN)/pybabel -q compile --domain django --directory locale

run: messages
	DJANGO_DEBUG=true $(BIN)/python manage.py migrate --no-input
	@echo ""
	@echo "Opt-Out Guide is at http://127.0.0.1:$(PORT)/  (stop with Ctrl-C)"
	@echo "Editors: make an account with"
	@echo "  DJANGO_DEBUG=true $(BIN)/python manage.py createsuperuser"
	@echo "then sign in at http://127.0.0.1:$(PORT)/$(or $(DJANGO_ADMIN_PATH),admin/)"
	@echo ""
	DJANGO_DEBUG=true $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# nginx comes from the system (deploy/front.py says how to install it when it is missing);
# everything else from the venv. A secret key is made for the run when none is set.
serve: messages
	$(BIN)/python -m deploy.front --prepare

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint messages
	$(TEST_ENV) $(BIN)/python manage.py makemigrations --check --dry-run
	$(TEST_ENV) $(BIN)/python -m pytest

bench: $(VENV)/.dev
	$(BIN)/python bench/run.py

# Needs Chromium and npm (Lighthouse is installed from npm into .cache/ the first time).
lighthouse: $(VENV)/.dev messages
	$(BIN)/python bench/lighthouse.py

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache locale/*/LC_MESSAGES/*.mo

# pitchday: `make run` sets everything up and serves the demo; `make test` runs the whole suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
FLASK  := $(BIN)/flask --app pitchday
AXE    := tests/browser/vendor/axe.min.js
CATALOGS := $(wildcard pitchday/translations/*/*/LC_MESSAGES/messages.po)
COMPILED := $(CATALOGS:.po=.mo)
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: install run test lint translations db seed clean

install: $(STAMP) $(COMPILED)

$(STAMP): setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --quiet -e '.[dev]'
	touch $@

# Catalogs are compiled by the install step, never committed.
%.mo: %.po $(STAMP)
	$(BIN)/pybabel compile --use-fuzzy -i $< -o $@ --statistics

translations: $(COMPILED)

db: install
	$(FLASK) db upgrade

# The web server and the worker together; Ctrl-C stops both. The logins are printed last.
run: db
	@$(FLASK) seed-demo --if-empty > /dev/null
	@$(FLASK) dev --host $(HOST) --port $(PORT)

# axe-core for the browser tests' accessibility checks, from the npm registry (skipped where npm is missing).
$(AXE):
	@mkdir -p $(dir $@)
	@if command -v npm >/dev/null; then \
	  tmp=$$(mktemp -d) && (cd $$tmp && npm pack --silent axe-core@4 >/dev/null && tar xzf axe-core-*.tgz package/axe.min.js) \
	  && cp $$tmp/package/axe.min.js $@ && rm -rf $$tmp; \
	else echo "npm not found: accessibility checks will be skipped"; fi

lint: install
	$(BIN)/ruff check pitchday tests bench migrations/env.py wsgi.py

test: install lint $(AXE)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) $(COMPILED)

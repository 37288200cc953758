# The two commands a new user needs: `make demo` and `make test`. Everything else is what they call.
VENV ?= .venv
PY = $(VENV)/bin/python
STAMP = $(VENV)/.installed
# `make demo PORT=8100` serves on another port (frontdoor demo --port). An empty database is filled with a
# year of children's journeys (frontdoor load-demo's 300 children).
PORT ?= 8000

.PHONY: demo test install assets

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/frontdoor demo --port $(PORT) --year

test: $(STAMP)
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/lint-imports
	$(VENV)/bin/pytest

# GOV.UK Frontend's built files are kept in the package, so a plain `pip install .` serves styled pages
# with no Node.js. To upgrade: change the version in package.json, then `make assets` and commit.
GOVUK_DIST = src/frontdoor/static/govuk-frontend
assets:
	npm ci --no-audit --no-fund --silent
	rm -rf $(GOVUK_DIST) && mkdir -p $(GOVUK_DIST)/dist/govuk
	cp -r node_modules/govuk-frontend/dist/govuk/assets node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.css \
	  node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js $(GOVUK_DIST)/dist/govuk/
	cp node_modules/govuk-frontend/package.json $(GOVUK_DIST)/

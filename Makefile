# The two commands a new user needs: `make demo` and `make test`. Everything else is what they call.
VENV ?= .venv
PY = $(VENV)/bin/python
STAMP = $(VENV)/.installed

.PHONY: demo test install

$(STAMP): pyproject.toml package.json
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	npm ci --no-audit --no-fund --silent
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/frontdoor demo

test: $(STAMP)
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/lint-imports
	$(VENV)/bin/pytest

# Two entry points for a fresh machine (see README):
#   make map   - install incident-mapper in .venv and map the embedded founding case (offline)
#   make test  - install everything the tests need (incl. GDAL's ogrinfo) and run them
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: map test install install-test system-deps assets bench lint clean notebook

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

install: $(BIN)/python
	$(PIP) install --config-settings editable_mode=compat -e .

install-test: $(BIN)/python system-deps assets
	$(PIP) install --config-settings editable_mode=compat -e '.[test]'

# Debian packages the tests use: GDAL's command-line tools (does GDAL read every
# export?), Chromium (the browser tests; Playwright drives this binary, it never
# downloads one) and npm (the map's JavaScript packages).
system-deps:
	@missing=""; \
	command -v ogrinfo >/dev/null 2>&1 || missing="$$missing gdal-bin"; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing npm"; \
	if [ -n "$$missing" ]; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  echo "apt-get install$$missing"; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

# The map's JavaScript and CSS (web/package.json, pinned): served to the browser
# tests instead of CDNs, and inlined by `mapper map --self-contained`.
assets: web/node_modules/.package-lock.json

web/node_modules/.package-lock.json: web/package.json web/package-lock.json
	npm ci --prefix web --ignore-scripts --no-audit --no-fund --loglevel=error

map: install
	$(BIN)/mapper map

test: install-test
	$(BIN)/python -m pytest -q

bench: install-test
	$(PIP) install --config-settings editable_mode=compat -e '.[test,bench]'
	$(BIN)/python benchmarks/bench_map.py
	$(BIN)/python benchmarks/bench_map_scale.py

# JupyterLab (the `notebook` extra) in .venv, opening the walkthrough of the founding case.
notebook: $(BIN)/python
	$(PIP) install --config-settings editable_mode=compat -e '.[notebook]'
	$(BIN)/jupyter lab notebooks/explore.ipynb

lint: install-test
	$(BIN)/ruff check mapper tests benchmarks notebooks

clean:
	rm -rf $(VENV) build *.egg-info

# Two entry points for a fresh machine (see README):
#   make map   - install incident-mapper in .venv and map the embedded founding case (offline)
#   make test  - install everything the tests need (incl. GDAL's ogrinfo) and run them
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: map test install install-test system-deps bench lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

install: $(BIN)/python
	$(PIP) install --config-settings editable_mode=compat -e .

install-test: $(BIN)/python system-deps
	$(PIP) install --config-settings editable_mode=compat -e '.[test]'

# GDAL's command-line tools, used by the tests to check that GDAL reads every export.
system-deps:
	@command -v ogrinfo >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq gdal-bin >/dev/null; }

map: install
	$(BIN)/mapper map

test: install-test
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python benchmarks/bench_map.py

lint: install-test
	$(BIN)/ruff check mapper tests benchmarks

clean:
	rm -rf $(VENV) build *.egg-info

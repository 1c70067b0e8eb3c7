# Two entry points for a fresh clone (see README): `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= data/tracker.duckdb
PORT ?= 8501

.PHONY: demo test setup browser dictionaries lint bench bench-scale fuzz clean

$(STAMP): pyproject.toml constraints.txt
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

## demo: set up, ingest the bundled corpus in data/ and start the dashboard
demo: $(STAMP) dictionaries
	$(BIN)/tracker ingest data/ --db $(DB)
	@echo "Dashboard: http://localhost:$(PORT)  (Ctrl-C to stop)"
	TRACKER_DB=$(DB) $(BIN)/streamlit run dashboard.py --server.headless true \
		--server.port $(PORT) --browser.gatherUsageStats false

## browser: Debian's Chromium for the end-to-end test (never `playwright install`)
browser:
	@test -x /usr/bin/chromium || { \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }

## dictionaries: Debian's FreeDict German-English dictionaries (a quantity's words across
## languages; without them that bridge is off and everything else works)
dictionaries:
	@test -f /usr/share/dictd/freedict-deu-eng.index -a -f /usr/share/dictd/freedict-eng-deu.index || { \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq dict-freedict-deu-eng \
			dict-freedict-eng-deu >/dev/null; }

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks dashboard.py

## test: set up (venv, Chromium, the dictionaries) and run the whole test suite
test: $(STAMP) browser dictionaries lint
	$(BIN)/python -m pytest

## bench: extraction vs quantulum3, then the table of every issue #14 target (the scale figures
## from the last `make bench-scale`, n/a when it has not run)
bench: $(STAMP)
	$(BIN)/pip install --quiet -c constraints.txt -e '.[bench]'
	@mkdir -p benchmarks/out
	$(BIN)/python benchmarks/bench_extract.py | tee benchmarks/out/extract.txt
	$(BIN)/python benchmarks/bench_scale.py --only targets

## bench-scale: ingest throughput, speed-up, peak memory, Parquet load, dashboard (AppTest and
## Chromium) at scale, then every issue #14 target against its figure (30-60 minutes on 2
## cores; results in benchmarks/out/scale.md and scale.json, see docs/scale.md)
bench-scale: $(STAMP) browser
	$(BIN)/python benchmarks/bench_scale.py

fuzz: $(STAMP)
	$(BIN)/pip install --quiet -c constraints.txt -e '.[fuzz]'
	$(BIN)/python tests/fuzz/fuzz_extract.py -max_total_time=$${FUZZ_SECONDS:-60}

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache

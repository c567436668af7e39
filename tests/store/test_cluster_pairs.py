"""The labelled pairs of event reports (tests/data/cluster_pairs): well formed, and the
clustering's pairwise precision and recall on them above pinned minimums."""
from __future__ import annotations

import importlib.util
import json
from collections import Counter
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("bench_cluster_pairs",
                                               REPO / "bench" / "cluster_pairs.py")
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)

MIN_PRECISION = 0.95
MIN_RECALL = 0.85


@pytest.fixture(scope="module")
def pairs():
    return bench.load_pairs()


def test_the_pairs_are_well_formed(pairs, shared):
    assert len(pairs) >= 150
    labels = Counter(p["same"] for p in pairs)
    assert labels[True] >= 40 and labels[False] >= 100
    rows = {r["id"]: r for r in bench.load_articles(pairs, shared / "data" / "corpus" / "realnews"
                                                   / "articles.jsonl")}
    for p in pairs:
        for side in (p["a"], p["b"]):
            assert side["snippet"] in rows[side["article"]]["text"], side
    kinds = Counter(p["kind"] for p in pairs)
    assert {"rewrite", "near-miss: another day", "near-miss: another act",
            "near-miss: the next day"} <= set(kinds)
    # every rewrite comes from another publisher than its original
    for p in pairs:
        if p["same"]:
            assert rows[p["a"]["article"]]["source"] != rows[p["b"]["article"]]["source"]
    assert len({json.dumps(p, sort_keys=True) for p in pairs}) == len(pairs)


def test_pairwise_precision_and_recall_stay_above_the_minimums(pairs, coder, shared, tmp_path):
    rows = bench.load_articles(pairs)
    bench.code_into_store(rows, tmp_path / "pairs.db", seed=1)
    from newsevents.store import Store

    with Store(tmp_path / "pairs.db") as store:
        result = bench.score(store, pairs)
    assert result["all"]["precision"] >= MIN_PRECISION, result["errors"]
    assert result["all"]["recall"] >= MIN_RECALL, result["errors"]

"""What a worker holds does not grow with the input. --workers: a forked worker codes at most
``workers × WORKER_ARTICLES`` articles (its pool's), then fresh ones go on (spaCy's strings,
caches, its heap start again). --cluster: a partition is parsed a ``TASK_CHARS`` piece at a
time. No model needed: stand-in coders say which process coded what, and in which pieces."""
from __future__ import annotations

import multiprocessing as mp
import os
from collections import defaultdict

import pytest

from newsevents import pipeline
from newsevents.models import Article

forked = pytest.mark.skipif("fork" not in mp.get_all_start_methods() or os.name == "nt",
                            reason="workers are replaced only when forked")


class _PidCoder:
    """Codes each article as the id of the process that coded it."""

    def code_results(self, articles, batch_size=32, all_modalities=False):
        for art in articles:
            yield art, [os.getpid()]


def _coded_by(monkeypatch, n: int) -> list[tuple[str, int]]:
    monkeypatch.setattr(pipeline.Coder, "get", staticmethod(lambda *a, **k: _PidCoder()))
    arts = [Article(id=str(i), text="x" * 300) for i in range(n)]
    out = [(art.id, pid) for art, [pid] in pipeline.code_parallel(arts, workers=2, batch_size=4)]
    assert [a for a, _ in out] == [a.id for a in arts]  # in input order
    assert os.getpid() not in {pid for _, pid in out}
    return out


@forked
def test_a_worker_codes_only_its_pools_articles(monkeypatch) -> None:
    monkeypatch.delenv("NEWSEVENTS_WORKER_ARTICLES", raising=False)
    monkeypatch.setattr(pipeline, "WORKER_ARTICLES", 5)  # a pool of 2 workers: 10 articles
    by_pid: dict[int, set[int]] = defaultdict(set)
    for i, (_, pid) in enumerate(_coded_by(monkeypatch, 43)):
        by_pid[pid].add(i // 10)  # the pool the article belonged to
    assert all(len(pools) == 1 for pools in by_pid.values()), dict(by_pid)
    assert len(by_pid) >= 5  # 43 articles: five pools, none sharing a worker


@forked
def test_workers_kept_for_the_whole_run_when_told(monkeypatch) -> None:
    monkeypatch.setenv("NEWSEVENTS_WORKER_ARTICLES", "0")
    assert pipeline.worker_articles() == 0
    assert len({pid for _, pid in _coded_by(monkeypatch, 43)}) <= 2


def test_a_partition_is_parsed_in_pieces_of_bounded_size(monkeypatch) -> None:
    from newsevents import scale

    pieces: list[int] = []

    class _Pieces:
        def code_results(self, articles, batch_size=32, all_modalities=False):
            arts = list(articles)
            pieces.append(sum(len(a.text) for a in arts))
            for art in arts:
                yield art, []

    monkeypatch.setattr(scale, "worker_coder", lambda *a, **k: _Pieces())
    arts = [Article(id=str(i), text="x" * 9_000) for i in range(32)]  # 288,000 characters
    coded = scale.code_partition(arts, None, 32)
    assert [a.id for a, _ in coded] == [a.id for a in arts]
    assert len(pieces) > 1 and max(pieces) <= pipeline.TASK_CHARS + 9_000


@forked
@pytest.mark.parametrize("isolate", [False, True])
def test_one_isolated_worker_codes_outside_this_process(monkeypatch, isolate) -> None:
    """``isolate`` (``watch``): one worker codes in a forked process, so what coding gathers
    goes with it; without it, one worker is this process."""
    monkeypatch.setattr(pipeline.Coder, "get", staticmethod(lambda *a, **k: _PidCoder()))
    arts = [Article(id=str(i), text="x" * 300) for i in range(7)]
    got = list(pipeline.code_parallel(arts, workers=1, batch_size=4, isolate=isolate))
    assert [a.id for a, _ in got] == [a.id for a in arts]
    pids = {pid for _, [pid] in got}
    assert (os.getpid() in pids) is not isolate and len(pids) == 1

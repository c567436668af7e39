"""Concurrency and crashes with the real ``newsevents code`` CLI (real model) in
subprocesses, on SQLite and PostgreSQL (``db_url``: tests/conftest.py).

* two coding processes writing different articles into one database at once;
* ``kill -9`` midway through a run, then the same command again: every article
  coded once, the events identical (same ``event_id``s, same records) to a clean run;
* reads (``Store.iter_events``) in a loop while a coding run writes.
"""
from __future__ import annotations

import json
import re
import signal
import time
from collections import Counter

import pytest

from newsevents.store import Store

from .helpers import articles, run_cli, start_cli, write_jsonl

pytestmark = pytest.mark.slow

N_KILL = 40
_SUMMARY = re.compile(r"newsevents: (\d+) articles coded, (\d+) events"
                      r"(?:, (\d+) unchanged articles skipped)?")


def _summary(stderr: str) -> tuple[int, int, int]:
    m = _SUMMARY.search(stderr)
    assert m, stderr
    return int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)


def _events(url: str) -> dict[str, dict]:
    with Store(url) as s:
        recs = list(s.iter_events())
    out = {r["event_id"]: r for r in recs}
    assert len(out) == len(recs), "an event_id is stored twice"
    return out


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """The 40 articles of the kill test, coded by one clean run into SQLite:
    (jsonl path, {event_id: record})."""
    tmp = tmp_path_factory.mktemp("reference")
    src = write_jsonl(tmp / "k.jsonl", articles("k", N_KILL))
    db = "sqlite:///" + (tmp / "clean.db").as_posix()
    r = run_cli("code", str(src), "--db", db, "--batch-size", "2")
    assert r.returncode == 0, r.stderr
    n_articles, n_events, _ = _summary(r.stderr)
    evs = _events(db)
    assert n_articles == N_KILL and n_events == len(evs) and len(evs) >= N_KILL
    assert {e["article_id"] for e in evs.values()} == {a["id"] for a in articles("k", N_KILL)}
    return src, evs


def test_two_code_processes_into_one_database(db_url, tmp_path):
    a = write_jsonl(tmp_path / "a.jsonl", articles("a", 12))
    b = write_jsonl(tmp_path / "b.jsonl", articles("b", 12, start=12))
    # Both start on an empty database: creating the schema races too.
    procs = [start_cli("code", str(f), "--db", db_url, "--batch-size", "1") for f in (a, b)]
    results = [p.communicate(timeout=240) for p in procs]
    for p, (_, err) in zip(procs, results):
        assert p.returncode == 0, err
    coded = [_summary(err) for _, err in results]
    assert [c[0] for c in coded] == [12, 12]
    evs = _events(db_url)
    assert len(evs) == sum(c[1] for c in coded)
    assert {e["article_id"] for e in evs.values()} == (
        {x["id"] for x in articles("a", 12)} | {x["id"] for x in articles("b", 12, start=12)})
    with Store(db_url) as s:
        assert s.count_articles() == 24
    # and `newsevents export --db URL` reads them back, on either backend
    r = run_cli("export", "--db", db_url)
    assert r.returncode == 0, r.stderr
    exported = [json.loads(line) for line in r.stdout.splitlines()]
    assert {e["event_id"]: e for e in exported} == evs


def test_kill_9_midway_then_the_same_command_again(db_url, reference):
    src, clean = reference
    args = ("code", str(src), "--db", db_url, "--batch-size", "2")
    with Store(db_url) as s:
        proc = start_cli(*args)
        try:
            deadline = time.monotonic() + 120
            while s.count_articles() < 4:
                assert proc.poll() is None, f"the run ended before it was killed: {proc.stderr.read()}"
                assert time.monotonic() < deadline, "no article stored after 120 s"
                time.sleep(0.02)
            proc.send_signal(signal.SIGKILL)
        finally:
            proc.kill()
            proc.communicate(timeout=60)
        assert proc.returncode == -signal.SIGKILL
        stored = s.count_articles()
        assert 4 <= stored < N_KILL, f"killed too late: {stored} of {N_KILL} articles stored"
        # whatever was stored is whole: each stored article has all its events
        partial = _events(db_url)
        per_article = Counter(e["article_id"] for e in clean.values())
        got = Counter(e["article_id"] for e in partial.values())
        assert all(got[a] == per_article[a] for a in got)
        # (cluster ids aside: a partial store clusters only the reports it holds)
        assert {k: {**partial[k], "cluster_id": None} for k in partial} == \
            {k: {**clean[k], "cluster_id": None} for k in partial}

    r = run_cli(*args)
    assert r.returncode == 0, r.stderr
    n_coded, _, n_skipped = _summary(r.stderr)
    assert n_skipped == stored and n_coded + n_skipped == N_KILL  # each article coded once
    final = _events(db_url)
    assert final.keys() == clean.keys()
    assert final == clean
    with Store(db_url) as s:
        assert s.count_articles() == N_KILL


def test_reads_while_a_coding_run_writes(db_url, reference):
    src, clean = reference
    per_article = Counter(e["article_id"] for e in clean.values())
    seen: list[int] = []
    with Store(db_url) as s:
        proc = start_cli("code", str(src), "--db", db_url, "--batch-size", "1")
        try:
            while True:
                done = proc.poll() is not None
                recs = list(s.iter_events())
                ids = [r["event_id"] for r in recs]
                assert len(ids) == len(set(ids))
                n = len(recs)
                assert not seen or n >= seen[-1], f"event count went down: {seen[-1]} -> {n}"
                # each batch is atomic: an article is seen with all its events or none
                got = Counter(r["article_id"] for r in recs)
                assert all(got[a] == per_article[a] for a in got), got
                assert s.count_events() >= n
                seen.append(n)
                if done:
                    break
        finally:
            if proc.poll() is None:
                proc.kill()
            _, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
    assert seen[-1] == len(clean)
    assert len(set(seen)) >= 3, f"no intermediate state observed: {sorted(set(seen))}"
    assert _events(db_url) == clean

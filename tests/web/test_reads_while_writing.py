"""The API serves reads while a coding run writes to the same SQLite database.

A real uvicorn server reads a copy of the fixture database while another *process* (as a
``newsevents code`` run would be) saves batches of articles and events into it with
``Store.save``. Meanwhile ``GET /api/events`` and ``GET /api/stats`` are requested in a
loop over HTTP: every answer must be a 200 without an error envelope, the totals must
never go down, and once the writer is done they must be exactly the fixture plus what was
written (the query cache must notice the other process's commits).
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx

from newsevents.web import create_app

from .conftest import run_server

BATCHES = 30
ARTICLES_PER_BATCH = 3
TIME_LIMIT_S = 25.0
MAX_REQUESTS = 3000

# Runs in its own process: copies the fixture corpus under new article ids and saves it
# batch by batch, printing "saved <articles> <events>" after each commit.
WRITER = r"""
import dataclasses, sys, time
sys.path.insert(0, sys.argv[1])
from conftest import build_corpus
from newsevents.store import Store

db, batches, per_batch = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
corpus = [(a, evs) for a, evs in build_corpus() if evs]
store = Store(db)
print("ready", flush=True)
sys.stdin.readline()  # go
n_articles = n_events = 0
for b in range(batches):
    batch = []
    for k in range(per_batch):
        art, evs = corpus[(b * per_batch + k) % len(corpus)]
        new_id = f"written-{b:03d}-{k}"
        batch.append((dataclasses.replace(art, id=new_id),
                      [dataclasses.replace(e, article_id=new_id) for e in evs]))
        n_events += len(evs)
    store.save(batch)
    n_articles += len(batch)
    print("saved", n_articles, n_events, flush=True)
    time.sleep(0.05)
store.close()
print("done", flush=True)
"""


def _ok(r: httpx.Response) -> dict:
    assert r.status_code == 200, f"{r.request.url}: {r.status_code} {r.text[:500]}"
    body = r.json()
    assert "error" not in body, body
    return body


def test_reads_while_a_coding_run_writes(base_db, tmp_path):
    db = tmp_path / "events.db"
    shutil.copy(base_db, db)
    for suffix in ("-wal", "-shm"):
        side = Path(str(base_db) + suffix)
        if side.exists():
            shutil.copy(side, Path(str(db) + suffix))

    with run_server(create_app(str(db), token=None)) as url, \
            httpx.Client(base_url=url, timeout=30) as http:
        before_stats = _ok(http.get("/api/stats"))
        before_total = _ok(http.get("/api/events", params={"limit": 1}))["total"]
        assert before_total == before_stats["events"] > 0

        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(Path(__file__).parent), str(db),
             str(BATCHES), str(ARTICLES_PER_BATCH)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            assert writer.stdout.readline().strip() == "ready", writer.stderr.read()
            writer.stdin.write("go\n")
            writer.stdin.flush()

            started = time.monotonic()
            requests = 0
            reads_while_writing = 0
            last = {"events_total": before_total, "stats_events": before_stats["events"],
                    "stats_articles": before_stats["articles"]}
            seen_totals = {before_total}
            params = [{"limit": 20}, {"limit": 5, "offset": 10, "sort": "-date"},
                      {"country": "RUS", "limit": 10}, {"q": "kyiv", "limit": 10}]
            while True:
                alive = writer.poll() is None
                assert time.monotonic() - started < TIME_LIMIT_S, "the reads took too long"
                assert requests < MAX_REQUESTS
                p = params[requests % len(params)]
                page = _ok(http.get("/api/events", params=p))
                requests += 1
                assert len(page["items"]) <= p["limit"]
                if p == params[0]:
                    assert page["total"] >= last["events_total"], (page["total"], last)
                    last["events_total"] = page["total"]
                    seen_totals.add(page["total"])
                stats = _ok(http.get("/api/stats"))
                requests += 1
                for key in ("events", "articles"):
                    assert stats[key] >= last[f"stats_{key}"], (key, stats[key], last)
                    last[f"stats_{key}"] = stats[key]
                assert sum(stats["by_plover_type"].values()) == stats["events"]
                if alive:
                    reads_while_writing += 2
                else:
                    break
            out, err = writer.communicate(timeout=30)
        finally:
            if writer.poll() is None:
                writer.kill()
                writer.wait()
        assert writer.returncode == 0, err
        lines = out.split("\n")
        assert lines[-2] == "done", out
        _, n_articles, n_events = lines[-3].split()

        final_stats = _ok(http.get("/api/stats"))
        final_total = _ok(http.get("/api/events", params={"limit": 1}))["total"]
        assert final_total == final_stats["events"] == before_total + int(n_events)
        assert final_stats["articles"] == before_stats["articles"] + int(n_articles)
        assert final_total >= last["events_total"]
        # the reads did overlap the writes: several intermediate totals were served
        assert reads_while_writing >= 10, reads_while_writing
        assert len(seen_totals) >= 3, sorted(seen_totals)
        art = _ok(http.get(f"/api/articles/written-{BATCHES - 1:03d}-0"))
        assert art["events"]

        print("\nreads while writing:", json.dumps({
            "requests": requests + 4, "during_writes": reads_while_writing,
            "distinct_event_totals_seen": len(seen_totals), "batches_written": BATCHES,
            "articles_written": int(n_articles), "events_written": int(n_events),
            "seconds": round(time.monotonic() - started, 2)}))

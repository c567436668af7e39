#!/usr/bin/env python
"""A news day at scale: N articles coded into SQLite with ``--workers 2``, then on a Dask cluster.

    .venv/bin/python bench/day.py                    # N = 10,000
    .venv/bin/python bench/day.py -n 2000 --json day-2000.json
    .venv/bin/python bench/day.py -n 2000 --no-cluster --no-baseline

The stream is built from the real corpora in ``../shared/data/corpus`` (realnews, then re3d,
repeated in turn until N), each article with a new id (``day-000123-<original id>``) so that no
two are the same article. Phases, each a fresh process tree (start-up and model load included):

  w2  newsevents code STREAM --db day.db --workers 2
  d2  newsevents code STREAM --db day-cluster.db --cluster local:2   (same event_ids: checked)
  w1  newsevents code FIRST-M --db day-one.db                       (the one-worker baseline)

With ``--jsonl`` each phase writes JSON Lines (``-o``) instead: the coding without the store,
whose saves (and their event clustering) run in the parent process.

Reported: articles/hour, events/hour, peak RSS (VmHWM) of the parent and of each worker over
the run (``--workers`` replaces its workers by fresh ones every ``workers x WORKER_ARTICLES``
articles: every worker process is listed), CPU time of the whole tree (user + sys: the projection on 2 free cores, which the
machine's other load does not skew), the peak of their summed PSS (shared pages counted once: "memory in all"), RSS
(parent, largest worker) sampled at each tenth of the run (flat = it does not grow with N), the projected
time for 100,000 articles (at the measured rate, start-up excluded), and the scaling efficiency
(rate with 2 workers / (2 x rate with 1), ``w1`` measured on the stream's first M articles; on a
shared machine the CPU-time ratio, one worker's CPU per article / the phase's, is the steadier one).
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from procmem import children, pss_kb, status_kb  # noqa: E402

REPO = HERE.parent
CORPORA = REPO.parent / "shared" / "data" / "corpus"
SOURCES = (CORPORA / "realnews" / "articles.jsonl", CORPORA / "re3d" / "documents.jsonl")
FIELDS = ("title", "text", "published", "url", "source")
PY = sys.executable
NEWSEVENTS = [PY, "-c", "from newsevents.cli import main; main()"]
# this checkout's code, in every process of the tree (Dask's spawned workers too), whatever
# the interpreter has installed (a worktree measures itself, not the main checkout)
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO / "src"), os.environ.get("PYTHONPATH")]))}
DAY = 100_000


def build_stream(path: Path, n: int, sources=SOURCES) -> int:
    """Write N articles (JSON Lines) cycling over the corpora, each with a new id; returns words."""
    records = []
    for src in sources:
        for line in src.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                if rec.get("text"):
                    records.append(rec)
    if not records:
        raise SystemExit(f"no articles in {', '.join(map(str, sources))}")
    words = 0
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            rec = records[i % len(records)]
            out = {"id": f"day-{i:06d}-{rec.get('id', 'x')}", **{k: rec[k] for k in FIELDS if rec.get(k)}}
            words += len(out["text"].split())
            fh.write(json.dumps(out, ensure_ascii=False) + "\n")
    return words


# -- memory of a process tree, from /proc ----------------------------------------------------

def _tree(pid: int) -> list[int]:
    todo, seen = [pid], []
    while todo:
        p = todo.pop()
        if p not in seen:
            seen.append(p)
            todo += children(p)
    return seen


def run_phase(name: str, cmd: list[str]) -> dict:
    """Run ``cmd``; wall time, exit status, peak RSS (MB) per process, RSS over time."""
    peaks: dict[int, int] = {}
    pss_peak = [0]
    timeline: list[tuple[float, float, float]] = []  # (seconds, parent MB, largest child MB)
    ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    load = os.getloadavg()[0]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=str(REPO),
                            env=ENV)
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            parent, child, pss = 0.0, 0.0, 0
            for p in _tree(proc.pid):
                pss += pss_kb(p)
                st = status_kb(p)
                if st.get("VmHWM"):
                    peaks[p] = max(peaks.get(p, 0), st["VmHWM"])
                mb = st.get("VmRSS", 0) / 1024
                if p == proc.pid:
                    parent = mb
                else:
                    child = max(child, mb)
            pss_peak[0] = max(pss_peak[0], pss)
            timeline.append((time.perf_counter() - t0, parent, child))
            done.wait(0.5)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - t0
    ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (ru1.ru_utime + ru1.ru_stime) - (ru0.ru_utime + ru0.ru_stime)  # the whole waited-for tree
    done.set()
    th.join()
    if proc.returncode not in (0, 1):
        print(f"!! phase {name} failed ({proc.returncode}): {err[-2000:]}", file=sys.stderr)
    parent_peak = peaks.pop(proc.pid, 0) / 1024
    return {"phase": name, "cmd": " ".join(cmd), "wall_s": round(wall, 1), "cpu_s": round(cpu, 1),
            "status": proc.returncode,
            "parent_peak_mb": round(parent_peak, 1),
            "worker_peaks_mb": sorted((round(kb / 1024, 1) for kb in peaks.values()), reverse=True),
            # --workers: a worker is replaced by a fresh one every few thousand articles
            "worker_processes": len(peaks),
            "total_pss_peak_mb": round(pss_peak[0] / 1024, 1), "rss_by_tenth": _tenths(timeline), "load_before": load, "load_after": os.getloadavg()[0],
            "stderr_tail": err.strip().splitlines()[-1:] if err else []}


def _tenths(timeline: list[tuple[float, float, float]]) -> list[tuple[float, float]]:
    """(parent MB, largest worker MB) at 10 %, 20 % ... 100 % of the run."""
    if not timeline:
        return []
    out = []
    for k in range(1, 11):
        _, parent, child = timeline[min(len(timeline) - 1, len(timeline) * k // 10)]
        out.append((round(parent), round(child)))
    return out


def _db_counts(path: Path) -> tuple[int, int, list[str]]:
    with sqlite3.connect(path) as conn:
        arts = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        ids = [r[0] for r in conn.execute("SELECT event_id FROM events ORDER BY event_id")]
    return arts, len(ids), ids


def _jsonl_counts(out: Path, res: dict) -> tuple[int, int, list[str]]:
    """``--jsonl``: (articles coded, events, sorted event_ids) of a JSON Lines output (a file,
    or the Dask run's folder of part files); the articles from the run's closing line."""
    files = sorted(out.glob("part-*.jsonl")) if out.is_dir() else [out] if out.exists() else []
    ids = sorted(json.loads(line)["event_id"] for f in files
                 for line in f.open(encoding="utf-8") if line.strip())
    tail = " ".join(res.get("stderr_tail") or [])
    coded = next((int(w.replace(",", "")) for w, nxt in zip(tail.split(), tail.split()[1:])
                  if nxt.startswith("article") and w.replace(",", "").isdigit()), 0)
    return coded, len(ids), ids


def _first_lines(src: Path, dst: Path, m: int) -> None:
    with open(src, encoding="utf-8") as fh, open(dst, "w", encoding="utf-8") as out:
        for i, line in enumerate(fh):
            if i >= m:
                break
            out.write(line)


def _rates(res: dict, articles: int, events: int) -> None:
    """Rates over the phase's whole wall time (start-up included: at N in the thousands it is a
    few per cent), and the CPU cost per article (what the machine's other load leaves alone)."""
    rate = articles / res["wall_s"]
    res.update(articles=articles, events=events,
               articles_per_hour=round(rate * 3600),
               events_per_hour=round(events / res["wall_s"] * 3600),
               articles_per_s=round(rate, 2),
               projected_day_h=round(DAY / rate / 3600, 2),
               # on 2 cores of its own (no other load): CPU seconds per article x 100,000 / 2
               projected_day_h_2_free_cores=round(res["cpu_s"] / articles * DAY / 2 / 3600, 2),
               cpu_ms_per_article=round(res["cpu_s"] / articles * 1000))


def startup_seconds(work: Path) -> float:
    """Wall time of coding one sentence (process, imports, model load)."""
    one = work / "one.txt"
    one.write_text("Russia condemned the missile attack on Kyiv on Monday.\n", encoding="utf-8")
    t0 = time.perf_counter()
    subprocess.run(NEWSEVENTS + ["code", str(one)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   cwd=str(REPO), env=ENV, check=False)
    return time.perf_counter() - t0


def profile(stream: Path, n: int, work: Path) -> dict[str, float]:
    """CPU seconds (``time.process_time``, no profiler overhead) of each stage of coding the
    stream's first ``n`` articles into SQLite in this process, batch by batch as
    ``Coder._code_batch`` does: case restoration, spaCy's parse, event coding, the save."""
    from newsevents.nlp.casing import restore_case
    from newsevents.pipeline import Coder
    from newsevents.read import read_inputs
    from newsevents.store import Store

    first = work / "profile.jsonl"
    _first_lines(stream, first, n)
    coder = Coder.get(None)
    db = work / "profile.db"
    db.unlink(missing_ok=True)
    arts = [a for a in read_inputs([str(first)]) if hasattr(a, "text")]
    spent = dict.fromkeys(("case restoration", "spaCy parse", "event coding", "SQLite save"), 0.0)
    clock = time.process_time
    with Store(db) as store:
        for i in range(0, len(arts), 32):
            batch = arts[i:i + 32]
            t0 = clock()
            texts = [restore_case(a.text, coder.coder.actors, coder.coder.gazetteer) for a in batch]
            t1 = clock()
            docs = list(coder.nlp.pipe(texts, batch_size=len(texts)))
            t2 = clock()
            coded = [(a, coder.coder.code_doc(a, d)) for a, d in zip(batch, docs)]
            t3 = clock()
            store.save(coded)
            t4 = clock()
            for key, dt in zip(spent, (t1 - t0, t2 - t1, t3 - t2, t4 - t3)):
                spent[key] += dt
    total = sum(spent.values())
    out = {f"{k} share": round(v / total, 3) for k, v in spent.items()}
    return out | {"cpu_s": round(total, 1), "articles": len(arts), "cpu_ms_per_article": round(total / len(arts) * 1000)}


def memory_course(stream: Path, n: int, every: int = 500) -> list[dict]:
    """Code the stream's first ``n`` articles in this process; every ``every`` articles, its RSS,
    the sizes of the coder's bounded caches and of spaCy's string store (what could grow)."""
    from newsevents.models import Article
    from newsevents.nlp import dates
    from newsevents.pipeline import Coder
    from newsevents.resolve import dictionary

    coder = Coder.get(None)

    def articles():  # read as coded: the course is the coder's, not a list of the stream's
        with open(stream, encoding="utf-8") as fh:
            for line in itertools.islice(fh, n):
                r = json.loads(line)
                yield Article(id=r["id"], text=r["text"], title=r.get("title"), published=r.get("published"))

    out = []
    for i, _ in enumerate(coder.code_articles(articles(), batch_size=32), 1):
        if i % every == 0 or i == n:
            caches = {name: f.cache_info().currsize for mod in (dictionary, dates)
                      for name, f in vars(mod).items() if hasattr(f, "cache_info")}
            row = {"articles": i, "rss_mb": status_kb(os.getpid()).get("VmRSS", 0) // 1024,
                   "strings": len(coder.nlp.vocab.strings), "caches": caches}
            print(json.dumps(row), flush=True)
            out.append(row)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", "--articles", type=int, default=10_000, help="Articles in the stream (default 10,000).")
    ap.add_argument("--workdir", help="Where to write the stream and databases (default: a temporary folder).")
    ap.add_argument("--no-cluster", action="store_true", help="Skip the Dask phase.")
    ap.add_argument("--no-baseline", action="store_true", help="Skip the one-worker baseline.")
    ap.add_argument("--baseline-articles", type=int, default=1000, metavar="M",
                    help="Articles of the one-worker baseline (the stream's first M; default 1,000).")
    ap.add_argument("--profile", type=int, default=0, metavar="K",
                    help="Only time the stages of coding the stream's first K articles, in this process.")
    ap.add_argument("--memory", type=int, default=0, metavar="K",
                    help="Only code the stream's first K articles in this process, printing its RSS and "
                         "cache sizes every 500 articles.")
    ap.add_argument("--jsonl", action="store_true",
                    help="Code into JSON Lines files instead of SQLite: the coding alone, without the "
                         "store (whose saves, event clustering included, run in the parent process).")
    ap.add_argument("--json", metavar="FILE", help="Also write every figure to FILE.")
    args = ap.parse_args(argv)

    work = Path(args.workdir or tempfile.mkdtemp(prefix="newsevents-day-"))
    work.mkdir(parents=True, exist_ok=True)
    stream = work / "stream.jsonl"
    words = build_stream(stream, args.articles)
    print(f"stream: {args.articles:,} articles, {words:,} words -> {stream}", flush=True)
    if args.memory:
        rows = memory_course(stream, args.memory)
        if args.json:
            Path(args.json).write_text(json.dumps(rows, indent=2), encoding="utf-8")
        return 0
    if args.profile:
        shares = profile(stream, args.profile, work)
        print(json.dumps(shares, indent=2))
        if args.json:
            Path(args.json).write_text(json.dumps(shares, indent=2), encoding="utf-8")
        return 0
    startup = startup_seconds(work)
    print(f"start-up (one sentence end to end): {startup:.1f} s", flush=True)
    results: dict = {"articles": args.articles, "words": words, "startup_s": round(startup, 1), "phases": {}}

    phases = [("w2", ["--workers", "2"], "day.db", stream)]
    if not args.no_cluster:
        phases.append(("d2", ["--cluster", "local:2"], "day-cluster.db", stream))
    if not args.no_baseline:
        first = work / "first.jsonl"
        _first_lines(stream, first, min(args.baseline_articles, args.articles))
        phases.append(("w1", [], "day-one.db", first))
    ids: dict[str, list[str]] = {}
    for name, extra, db_name, src in phases:
        db = work / db_name
        db.unlink(missing_ok=True)
        out = work / (db.stem + (".jsonl" if name != "d2" else "-parts"))
        target = ["--db", str(db)] if not args.jsonl else ["-o", str(out), "--format", "jsonl"]
        res = run_phase(name, NEWSEVENTS + ["code", str(src), *target, *extra])
        arts, n_events, ids[name] = _jsonl_counts(out, res) if args.jsonl else _db_counts(db)
        _rates(res, arts, n_events)
        results["phases"][name] = res
        print(json.dumps({k: v for k, v in res.items() if k != "cmd"}), flush=True)
    _summary(results, ids)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


def _peaks(res: dict) -> str:
    """The workers' peak RSS: each one's, or the range over many (replaced workers)."""
    peaks = res["worker_peaks_mb"]
    if len(peaks) <= 4:
        return f"{peaks} MB"
    return f"{min(peaks):.0f}-{max(peaks):.0f} MB ({len(peaks)} worker processes over the run)"


def _summary(results: dict, ids: dict[str, list[str]]) -> None:
    ph = results["phases"]
    w2 = ph["w2"]
    print(f"\n--workers 2: {w2['articles']:,} articles in {w2['wall_s']:.0f} s: "
          f"{w2['articles_per_hour']:,} articles/h, {w2['events_per_hour']:,} events/h; "
          f"peak RSS parent {w2['parent_peak_mb']:.0f} MB, workers {_peaks(w2)}, "
          f"all together (PSS) {w2['total_pss_peak_mb']:.0f} MB; "
          f"projected 100,000 articles: {w2['projected_day_h']:.2f} h at this load, "
          f"{w2['projected_day_h_2_free_cores']:.2f} h on 2 free cores ({w2['cpu_ms_per_article']} ms CPU "
          f"per article; load average {w2['load_before']:.1f} -> {w2['load_after']:.1f})")
    if "d2" in ph:
        d2 = ph["d2"]
        same = ids["d2"] == ids["w2"]
        results["cluster_same_event_ids"] = same
        print(f"--cluster local:2: {d2['wall_s']:.0f} s, {d2['articles_per_hour']:,} articles/h, "
              f"same event_ids as --workers 2: {same}; peak RSS client {d2['parent_peak_mb']:.0f} MB, "
              f"others {d2['worker_peaks_mb']} MB")
    if "w1" in ph:
        one = ph["w1"]
        for name in ("w2", "d2"):
            if name in ph:
                eff = ph[name]["articles_per_s"] / (2 * one["articles_per_s"])
                cpu_eff = one["cpu_ms_per_article"] / ph[name]["cpu_ms_per_article"]
                results[f"efficiency_{name}"] = round(eff, 2)
                results[f"cpu_efficiency_{name}"] = round(cpu_eff, 2)
                print(f"scaling efficiency {name}: {eff:.2f} on wall time ({ph[name]['articles_per_s']}/s vs "
                      f"2 x {one['articles_per_s']}/s for one worker on the first {one['articles']:,} articles; "
                      f"load {one['load_before']:.1f} vs {ph[name]['load_before']:.1f}), {cpu_eff:.2f} on CPU "
                      f"time ({one['cpu_ms_per_article']} vs {ph[name]['cpu_ms_per_article']} ms per article)")

if __name__ == "__main__":
    sys.exit(main())

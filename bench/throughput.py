#!/usr/bin/env python
"""Throughput benchmark of ``newsevents code`` on a real corpus (see bench/README.md).

    .venv/bin/python bench/throughput.py            # every phase, a table on stdout
    .venv/bin/python bench/throughput.py --quick    # skip the cluster phase and repeats
    .venv/bin/python bench/throughput.py --json results.json

Each phase runs in a fresh process (start-up, imports and model load included in its wall
time), with the peak RSS of every process of the phase sampled from /proc (VmHWM):

  a  spaCy parsing alone: same model (newsevents' loader), same reader, same batches
  b  newsevents code CORPUS -o events.jsonl
  c  newsevents code CORPUS --db bench.db          (a fresh SQLite file)
  c2 the same command again, nothing changed        (incremental: content hashes)
  w2 newsevents code CORPUS -o events2.jsonl --workers 2
  d2 newsevents code CORPUS --cluster local:2 -o DIR --format parquet   (with Dask)
  s  newsevents code ONE-SENTENCE.txt               (start-up: process, imports, model)

a, b, c and w2 run in turn --repeat times (default 3); each ratio (b/a, c/a, b/w2) is the median
of the rounds' own ratios, on wall times, on CPU times (user + sys of the phase's processes:
without the time spent waiting for a core), and "net" (minus each phase's start-up).
The event_ids of b, c, w2 and d2 must be identical (checked).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from procmem import children, status_kb  # noqa: E402
from throughput_corpus import build_corpus  # noqa: E402

PY = sys.executable
ROUND_PHASES = ("a", "b", "c", "w2")  # run in turn, --repeat times
NEWSEVENTS = [PY, "-m", "newsevents.cli"]
ONE_SENTENCE = "Russia condemned the missile attack on Kyiv on Monday.\n"


# -- the parse-only phase (runs in its own process) ------------------------------------------

def parse_only(corpus: str, batch_size: int, model: str | None) -> None:
    """Phase a: what the pipeline would cost if coding were free."""
    t0 = time.perf_counter()
    import gc

    from newsevents.nlp.loader import load_model
    from newsevents.pipeline import MAX_PARSE_CHARS
    from newsevents.read import read_inputs

    # the same treatment of the garbage collector as newsevents.pipeline.Coder: no collections
    # while loading, then the loaded model frozen out of the collector's sight — else the
    # baseline pays for collections the pipeline does not, and the ratios flatter the coder
    gc.disable()
    nlp = load_model(model)
    gc.enable()
    gc.freeze()
    t_load = time.perf_counter() - t0
    n = words = tokens = 0
    batch: list[str] = []

    def run(texts: list[str]) -> int:
        short = [t for t in texts if len(t) <= MAX_PARSE_CHARS]
        ntok = sum(len(d) for d in nlp.pipe(short, batch_size=len(short) or 1))
        for t in texts:
            if len(t) > MAX_PARSE_CHARS:
                ntok += sum(len(d) for d in nlp.pipe(t.split("\n\n"), batch_size=16))
        return ntok

    for art in read_inputs([corpus]):
        if hasattr(art, "text"):
            batch.append(art.text)
            n += 1
            words += len(art.text.split())
            if len(batch) >= batch_size:
                tokens += run(batch)
                batch = []
    if batch:
        tokens += run(batch)
    print(json.dumps({"startup_s": t_load, "articles": n, "words": words, "tokens": tokens}))


# -- measuring a phase -----------------------------------------------------------------------

def run_phase(name: str, cmd: list[str], *, stdin: str | None = None, env: dict | None = None) -> dict:
    """Run ``cmd``; wall time, exit status, peak RSS (MB) of each process of its tree, load average."""
    load_before = os.getloadavg()[0]
    peaks: dict[int, int] = {}
    ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **(env or {})}, cwd=str(REPO))
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            todo, seen = [proc.pid], set()
            while todo:
                p = todo.pop()
                if p in seen:
                    continue
                seen.add(p)
                kb = status_kb(p).get("VmHWM", 0)
                if kb:
                    peaks[p] = max(peaks.get(p, 0), kb)
                todo += children(p)
            done.wait(0.05)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    out, err = proc.communicate(stdin)
    wall = time.perf_counter() - t0
    ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (ru1.ru_utime + ru1.ru_stime) - (ru0.ru_utime + ru0.ru_stime)  # the waited-for process tree
    done.set()
    th.join()
    rss = sorted((kb / 1024 for kb in peaks.values()), reverse=True)
    res = {"phase": name, "cmd": " ".join(cmd), "wall_s": wall, "cpu_s": cpu, "status": proc.returncode,
           "peak_rss_mb": rss, "load_before": load_before, "load_after": os.getloadavg()[0],
           "stdout": out, "stderr": err.strip().splitlines()[-1:] if err else []}
    if proc.returncode != 0:
        print(f"!! phase {name} failed ({proc.returncode}): {err[-2000:]}", file=sys.stderr)
    return res


def _ids_jsonl(path: Path) -> list[str]:
    with open(path, encoding="utf-8") as fh:
        return sorted(json.loads(line)["event_id"] for line in fh if line.strip())


def _ids_db(path: Path) -> list[str]:
    from newsevents.store import Store

    with Store(str(path)) as store:
        return sorted(r["event_id"] for r in store.iter_events())


def _ids_parquet(folder: Path) -> list[str]:
    import pyarrow.dataset as ds

    return sorted(ds.dataset(str(folder), format="parquet").to_table(columns=["event_id"])
                  .column("event_id").to_pylist())


# -- the benchmark ---------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--phase", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", help=argparse.SUPPRESS)
    ap.add_argument("--workdir", help="Where to write the corpus and outputs (default: a temporary folder).")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--model", default=None)
    ap.add_argument("--quick", action="store_true", help="No Dask phase, one start-up sample.")
    ap.add_argument("--no-cluster", action="store_true", help="Skip the Dask phase.")
    ap.add_argument("--startup-runs", type=int, default=3)
    ap.add_argument("--repeat", type=int, default=3, metavar="N",
                    help="Rounds of a, b, c (run in turn, so each round sees the same machine load); "
                         "ratios are the median of the rounds' own ratios (default 3).")
    ap.add_argument("--json", metavar="FILE", help="Also write every figure to FILE.")
    args = ap.parse_args(argv)
    if args.phase == "parse":
        parse_only(args.corpus, args.batch_size, args.model)
        return 0

    work = Path(args.workdir or tempfile.mkdtemp(prefix="newsevents-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / "corpus.jsonl"
    n_articles, n_words = build_corpus(corpus)
    one = work / "one.txt"
    one.write_text(ONE_SENTENCE, encoding="utf-8")
    for p in ("events.jsonl", "events2.jsonl", "bench.db", "parts"):
        q = work / p
        shutil.rmtree(q) if q.is_dir() else q.unlink(missing_ok=True)
    model = ["--model", args.model] if args.model else []
    bs = ["--batch-size", str(args.batch_size)]
    env = {"PYTHONHASHSEED": "0"}
    print(f"corpus: {n_articles} articles, {n_words} words ({corpus}); cores: {os.cpu_count()}; "
          f"load before: {os.getloadavg()}", flush=True)

    r: dict[str, dict] = {}
    phases = [
        ("a", [PY, __file__, "--phase", "parse", "--corpus", str(corpus), "--batch-size", str(args.batch_size)]
         + model),
        ("b", NEWSEVENTS + ["code", str(corpus), "-o", str(work / "events.jsonl")] + bs + model),
        ("c", NEWSEVENTS + ["code", str(corpus), "--db", str(work / "bench.db")] + bs + model),
        ("c2", NEWSEVENTS + ["code", str(corpus), "--db", str(work / "bench.db")] + bs + model),
        ("w2", NEWSEVENTS + ["code", str(corpus), "-o", str(work / "events2.jsonl"), "--workers", "2"] + bs + model),
    ]
    cluster = not (args.quick or args.no_cluster)
    if cluster:
        try:
            import distributed  # noqa: F401
        except ImportError:
            print("(no Dask: the cluster phase is skipped; pip install 'newsevents[dask]')")
            cluster = False
    if cluster:
        phases.append(("d2", NEWSEVENTS + ["code", str(corpus), "--cluster", "local:2", "-o", str(work / "parts"),
                                           "--format", "parquet"] + bs + model))
    def run(name: str, cmd: list[str]) -> dict:
        x = run_phase(name, cmd, env=env)
        print(f"  {name}: {x['wall_s']:.2f} s (load {x['load_before']:.2f}→{x['load_after']:.2f}) "
              f"{' '.join(x['stderr'])}", flush=True)
        return x

    rounds: list[dict[str, dict]] = []
    for _ in range(max(1, args.repeat)):  # a, b, c, w2 in turn: each round's ratios compare like with like
        (work / "bench.db").unlink(missing_ok=True)
        rounds.append({name: run(name, cmd) for name, cmd in phases if name in ROUND_PHASES})
    for name in ROUND_PHASES:
        runs_of = sorted((rd[name] for rd in rounds), key=lambda x: x["wall_s"])
        r[name] = {**runs_of[len(runs_of) // 2], "all_s": [rd[name]["wall_s"] for rd in rounds]}
    for name, cmd in phases:
        if name not in ROUND_PHASES:
            r[name] = run(name, cmd)
    r["a"].update(json.loads(r["a"]["stdout"].strip().splitlines()[-1]))
    runs = [run_phase("s", NEWSEVENTS + ["code", str(one)] + model, env=env)
            for _ in range(1 if args.quick else args.startup_runs)]
    startup = statistics.median(x["wall_s"] for x in runs)
    r["s"] = {**runs[0], "wall_s": startup, "all_s": [x["wall_s"] for x in runs],
              "peak_rss_mb": max((x["peak_rss_mb"] for x in runs), key=lambda v: v[:1])}
    print(f"  s: {', '.join(f'{x:.2f}' for x in r['s']['all_s'])} s", flush=True)

    # the same events everywhere
    ids_b = _ids_jsonl(work / "events.jsonl")
    same = {"c": _ids_db(work / "bench.db") == ids_b, "w2": _ids_jsonl(work / "events2.jsonl") == ids_b}
    if cluster:
        same["d2"] = _ids_parquet(work / "parts") == ids_b

    def rate(x: dict) -> tuple[float, float]:
        return n_articles / x["wall_s"], n_words / x["wall_s"]

    a_net = r["a"]["wall_s"] - r["a"]["startup_s"]
    rows = []
    for key, label in (("a", "a  spaCy parse only"), ("b", "b  code → JSON Lines"), ("c", "c  code → SQLite"),
                       ("c2", "c2 rerun, unchanged (SQLite)"), ("w2", "w2 code → JSONL, --workers 2"),
                       ("d2", "d2 --cluster local:2 → Parquet"), ("s", "s  one sentence, end to end")):
        if key not in r:
            continue
        x = r[key]
        aps, wps = rate(x)
        rss = x["peak_rss_mb"]
        rows.append((label, f"{x['wall_s']:.2f}", f"{x.get('cpu_s', 0):.2f}", f"{aps:.1f}" if key != "s" else "-",
                     f"{wps:,.0f}" if key != "s" else "-", f"{rss[0]:.0f}" if rss else "?", str(len(rss)),
                     f"{x['load_before']:.2f}/{x['load_after']:.2f}"))
    print()
    print("| phase | wall s | CPU s | articles/s | words/s | peak RSS MB (largest process) | processes | load before/after |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    b, c = r["b"]["wall_s"], r["c"]["wall_s"]
    s = r["s"]["wall_s"]

    def per_round(num: str, den: str = "a", key: str = "wall_s") -> list[float]:
        """Each round's own num/den."""
        return [rd[num][key] / rd[den][key] for rd in rounds]

    def ratio(num: str, key: str = "wall_s", den: str = "a") -> float:
        """The median over the rounds of each round's own num/den."""
        return statistics.median(per_round(num, den, key))

    fig = {
        "b/a": ratio("b"), "c/a": ratio("c"),
        "b/a per round": per_round("b"),
        "c/a per round": per_round("c"),
        "b/a on CPU time": ratio("b", "cpu_s"),
        "b/a on CPU time per round": per_round("b", key="cpu_s"),
        "c/a on CPU time": ratio("c", "cpu_s"),
        "c/a on CPU time per round": per_round("c", key="cpu_s"),
        "b/a net of start-up": (b - s) / a_net, "c/a net of start-up": (c - s) / a_net,
        "workers 2 speed-up (b / w2)": ratio("b", den="w2"),
        "workers 2 speed-up per round": per_round("b", "w2"),
        "workers 2 speed-up net of start-up": (b - s) / (r["w2"]["wall_s"] - s),
        "workers 2 CPU time / one worker's (w2/b; 1 = no cost of the second worker)": ratio("w2", "cpu_s", "b"),
        "incremental rerun / first run (c2/c)": r["c2"]["wall_s"] / c,
        "incremental on CPU time": r["c2"]["cpu_s"] / r["c"]["cpu_s"],
        "start-up, one sentence (s, median)": s,
        "a: start-up (import + model)": r["a"]["startup_s"],
        "peak RSS MB per worker process (w2)": r["w2"]["peak_rss_mb"],
        "identical event_ids vs b": same,
        "events": len(ids_b),
    }
    if cluster:
        fig["cluster local:2 speed-up vs b"] = b / r["d2"]["wall_s"]
        fig["peak RSS MB per process (d2)"] = r["d2"]["peak_rss_mb"]
    print()
    for k, v in fig.items():
        if isinstance(v, float):
            v = f"{v:.3f}"
        elif isinstance(v, list):
            v = ", ".join(f"{x:.3f}" if isinstance(x, float) and x < 10 else f"{x:.0f}" for x in v)
        print(f"- {k}: {v}")
    print(f"- load average after: {os.getloadavg()}")
    if args.json:
        Path(args.json).write_text(json.dumps({"corpus": {"articles": n_articles, "words": n_words},
                                               "phases": {k: {kk: vv for kk, vv in v.items() if kk != "stdout"}
                                                          for k, v in r.items()},
                                               "figures": fig}, indent=1, default=str))
    return 0 if all(same.values()) else 1


if __name__ == "__main__":
    sys.exit(main())

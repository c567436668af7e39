"""What event clustering adds to saving coded articles into SQLite.

Re-saves the events of a database made by ``newsevents code CORPUS --db SOURCE.db`` into
fresh SQLite files, in batches of 32 articles as ``code`` saves them, once with clustering
(``Store.save`` as shipped) and once with ``clusters.recluster`` replaced by a no-op,
alternating for ``--repeat`` rounds; prints the CPU time (process time) of each and the
ratio. Coding is left out: this is the store's share only (compare it with the CPU time of
the whole ``code --db`` run).

    python bench/throughput_corpus.py /tmp/corpus.jsonl
    newsevents code /tmp/corpus.jsonl --db /tmp/source.db
    python bench/cluster_cost.py /tmp/source.db
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any


def _batches(source: Path, size: int = 32) -> list[list[tuple[Any, list[dict]]]]:
    from newsevents.store import Store

    with Store(source) as store:
        by_article: dict[str, list[dict]] = {}
        for rec in store.iter_events():
            by_article.setdefault(rec["article_id"], []).append({**rec, "cluster_id": None})
        arts = {aid: store.get_article(aid) for aid in by_article}
    from newsevents.models import Article

    items = [(Article(id=aid, text=a["text"], title=a["title"], published=a["published"],
                      url=a["url"], source=a["source"]), by_article[aid])
             for aid, a in sorted(arts.items()) if a is not None]
    return [items[i: i + size] for i in range(0, len(items), size)]


def _save_all(batches, path: Path, clustering: bool) -> float:
    import newsevents.store.db as db
    from newsevents.store import Store

    real = db.event_clusters.recluster
    if not clustering:
        db.event_clusters.recluster = lambda *args, **kw: None  # type: ignore[assignment]
    try:
        with Store(path) as store:
            start = time.process_time()
            for batch in batches:
                store.save(batch)
            return time.process_time() - start
    finally:
        db.event_clusters.recluster = real  # type: ignore[assignment]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("source", help="A database made by `newsevents code CORPUS --db`.")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    batches = _batches(Path(args.source))
    n_events = sum(len(evs) for b in batches for _, evs in b)
    times: dict[bool, list[float]] = {True: [], False: []}
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.repeat):
            for clustering in (False, True):
                path = Path(tmp) / f"{clustering}-{i}.db"
                times[clustering].append(_save_all(batches, path, clustering))
    without, with_ = statistics.median(times[False]), statistics.median(times[True])
    print(f"{sum(len(b) for b in batches)} articles, {n_events} events, {len(batches)} batches")
    print(f"save without clustering: {without:.3f} s CPU (median of {args.repeat}: "
          f"{', '.join(f'{t:.3f}' for t in times[False])})")
    print(f"save with clustering:    {with_:.3f} s CPU ({', '.join(f'{t:.3f}' for t in times[True])})")
    print(f"clustering adds {with_ - without:.3f} s CPU ({with_ / without:.2f}x the save)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

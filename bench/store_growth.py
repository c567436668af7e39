#!/usr/bin/env python
"""What the store costs as a day grows: coded events saved into a fresh SQLite file, N articles.

    .venv/bin/python -m newsevents.cli code ../shared/data/corpus/realnews/articles.jsonl -o rn.jsonl
    .venv/bin/python bench/store_growth.py rn.jsonl -n 6000                # copies: the same events
    .venv/bin/python bench/store_growth.py rn.jsonl -n 6000 --distinct     # copies: other events

The coded articles are saved in turn, again and again up to N, each copy with a new article id
and new event ids, in batches of 32 (as ``newsevents code --db`` saves): no spaCy, no coding,
only ``Store.save`` with its event clustering, in this process. Every 1,000 articles it prints
the process's RSS, the CPU time of the last 1,000 saves and the largest cluster so far.

By default a copy tells the same events as the original (the ``bench/day.py`` stream: each
repeat of the corpus adds one more report to every cluster); ``--distinct`` moves each copy's
event dates by three years a repeat, so that copies are other events (a day of new news).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
ARTICLES = HERE.parent.parent / "shared" / "data" / "corpus" / "realnews" / "articles.jsonl"


def rss_mb() -> int:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) // 1024
    return 0


def load(coded: Path, articles: Path) -> tuple[dict[str, dict], dict[str, list[dict]]]:
    """The articles (by id) and their coded events."""
    arts = {r["id"]: r for r in map(json.loads, articles.read_text(encoding="utf-8").splitlines()) if r}
    events: dict[str, list[dict]] = defaultdict(list)
    with open(coded, encoding="utf-8") as fh:
        for line in fh:
            ev = json.loads(line)
            events[ev["article_id"]].append(ev)
    return arts, events


def copy_of(i: int, rec: dict, evs: list[dict], repeat: int, distinct: bool):
    """The i-th article of the stream: a copy of ``rec`` and its events under new ids."""
    from newsevents.models import Article

    aid = f"day-{i:06d}-{rec['id']}"
    art = Article(id=aid, text=rec["text"], title=rec.get("title"), published=rec.get("published"),
                  url=rec.get("url"), source=rec.get("source"))
    out = []
    for ev in evs:
        ev = {**ev, "article_id": aid, "event_id": f"{aid}-{ev['event_id']}"}
        if distinct and ev.get("date"):
            ev["date"] = f"{int(ev['date'][:4]) + 3 * repeat:04d}{ev['date'][4:]}"
        out.append(ev)
    return art, out


def largest_cluster(db: str) -> int:
    import sqlite3

    with sqlite3.connect(db) as con:
        return con.execute("SELECT COALESCE(MAX(reports), 0) FROM clusters").fetchone()[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("coded", type=Path, help="Events of the articles (JSON Lines, `newsevents code -o`).")
    ap.add_argument("-n", "--articles", type=int, default=6000, help="Articles saved (default 6,000).")
    ap.add_argument("--distinct", action="store_true", help="Copies tell other events (dates moved).")
    ap.add_argument("--articles-file", type=Path, default=ARTICLES, help="The coded articles' texts.")
    args = ap.parse_args()
    from newsevents.store import Store

    arts, events = load(args.coded, args.articles_file)
    ids = [i for i in arts if i in events]
    if not ids:
        raise SystemExit(f"no events of {args.articles_file} in {args.coded}")
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "growth.db")
        store = Store(f"sqlite:///{db}")
        print("articles  RSS MB  CPU s per 1,000  largest cluster")
        pending, cpu = [], time.process_time()
        for i in range(args.articles):
            pending.append(copy_of(i, arts[ids[i % len(ids)]], events[ids[i % len(ids)]], i // len(ids),
                                   args.distinct))
            if len(pending) == 32 or i + 1 == args.articles:
                store.save(pending)
                pending = []
            if (i + 1) % 1000 == 0:
                now = time.process_time()
                print(f"{i + 1:8,}  {rss_mb():6}  {now - cpu:15.1f}  {largest_cluster(db):15}", flush=True)
                cpu = now
        store.close()


if __name__ == "__main__":
    main()

#!/usr/bin/env python
"""Coding time alone, in one process: parse the benchmark corpus once, then code it ROUNDS
times (``time.process_time``; round 0 is what a fresh ``newsevents code`` pays, with cold caches).

    PYTHONPATH=src .venv/bin/python bench/coding_time.py [ROUNDS]

To compare two versions, run it alternately with ``PYTHONPATH`` at each one's ``src``.
"""
from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput_corpus import build_corpus  # noqa: E402


def main(rounds: int = 3) -> None:
    from newsevents.models import Article
    from newsevents.pipeline import Coder, _rarer_young_collections
    from newsevents.read.clean import clean_article

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        build_corpus(path)
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    coder = Coder.get()
    arts = [clean_article(Article(id=r["id"], text=r["text"], title=r.get("title"), published=r.get("published")))
            for r in records]
    t0 = time.process_time()
    docs = []
    for i in range(0, len(arts), 32):
        parsed = coder._parse_batch(arts[i:i + 32])
        docs += [parsed[id(a)] for a in arts[i:i + 32]]
    print(f"parse {time.process_time() - t0:.2f} s", flush=True)
    for r in range(rounds):
        t = time.process_time()
        with _rarer_young_collections():
            n = sum(len(coder.coder.code_doc(a, d)) for a, d in zip(arts, docs))
        print(f"round {r}: coding {time.process_time() - t:.2f} s, {n} events", flush=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)

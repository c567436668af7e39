#!/usr/bin/env python
"""A/B of the coder alone (no parsing) between two source trees, in fresh processes.

    python bench/coder_ab.py --a /tmp/old/src --b src [--articles 150] [--rounds 3]

Each round runs one process per tree, alternating (a, b, a, b, ...). A process loads the
model, parses the first N real-news articles of ../shared once, then times
``EventCoder.code_doc`` over them (CPU time of the process, ``time.process_time``) in a first
pass (cold per-document caches, as in ``newsevents code``) and two more passes; it prints the
passes' CPU seconds and the number of events (which must agree between the trees).
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"

CHILD = r"""
import json, sys, time
from pathlib import Path
from newsevents.models import Article
from newsevents.pipeline import Coder
n = int(sys.argv[1])
rows = [json.loads(l) for l in Path(sys.argv[2]).read_text(encoding="utf-8").splitlines() if l.strip()][:n]
coder = Coder.get()
arts = [Article(id=str(r.get("id", i)), text=r["text"], title=r.get("title"), published=r.get("published"))
        for i, r in enumerate(rows)]
docs = list(coder.nlp.pipe([a.text for a in arts], batch_size=32))
passes, events = [], 0
for _ in range(3):
    t0 = time.process_time()
    events = sum(len(coder.coder.code_doc(a, d)) for a, d in zip(arts, docs))
    passes.append(time.process_time() - t0)
print(json.dumps({"passes": passes, "events": events}))
"""


def run(src: str, n: int, corpus: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, str(n), str(corpus)], env={"PYTHONPATH": src, "PATH": "/usr/bin:/bin"},
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--a", required=True, help="the first tree's src folder")
    ap.add_argument("--b", required=True, help="the second tree's src folder")
    ap.add_argument("--articles", type=int, default=150)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--corpus", default=str(SHARED / "data/corpus/realnews/articles.jsonl"))
    args = ap.parse_args()
    res: dict[str, list[dict]] = {"a": [], "b": []}
    for r in range(args.rounds):
        for name in ("a", "b"):
            got = run(getattr(args, name), args.articles, Path(args.corpus))
            res[name].append(got)
            print(f"round {r + 1} {name}: first pass {got['passes'][0]:.2f} s, later {min(got['passes'][1:]):.2f} s, "
                  f"{got['events']} events", flush=True)
    for name in ("a", "b"):
        first = statistics.median(g["passes"][0] for g in res[name])
        later = statistics.median(min(g["passes"][1:]) for g in res[name])
        print(f"{name}: median first pass {first:.2f} s, later passes {later:.2f} s CPU")
    if {g["events"] for g in res["a"]} != {g["events"] for g in res["b"]}:
        print("the trees' event counts differ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

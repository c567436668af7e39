"""Coding time against article length: 4× the words must take at most 5× the time.

    .venv/bin/python bench/length.py                       # 10,000 and 40,000 words, 3 rounds
    .venv/bin/python bench/length.py --words 20000 --rounds 1 --json length.json

One long article is made of the real-news corpus's articles (``../shared/data/corpus/
realnews/articles.jsonl``) put one after another until it has N words, and another of 4N
words the same way (the first N words are the same). Both are coded by the same ``Coder``
in this process (the model loaded once, before timing), in turn, ``--rounds`` times; the
figure is the median over the rounds of time(4N) / time(N), each round's two runs made
under the same machine load. A coder whose time grows with the square of the length (as
``Discourse.add`` did: 40,000 words took 25 s, 80,000 words 122 s) gives about 16; a linear
one about 4. Exit status 1 when the median ratio is over 5.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
LIMIT = 5.0


def long_text(words: int) -> str:
    """Real-news articles one after another (paragraphs kept) up to ``words`` words."""
    path = SHARED / "data" / "corpus" / "realnews" / "articles.jsonl"
    paras: list[str] = []
    n = 0
    while n < words:
        for line in path.read_text(encoding="utf-8").splitlines():
            text = json.loads(line)["text"]
            for para in text.split("\n\n"):
                take = para.split()[: words - n]
                if not take:
                    continue
                paras.append(" ".join(take))
                n += len(take)
                if n >= words:
                    return "\n\n".join(paras)
    return "\n\n".join(paras)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--words", type=int, default=10_000, help="words of the short article (the long one: 4×)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--json", metavar="FILE", help="write the figures as JSON")
    args = ap.parse_args(argv)
    from newsevents.models import Article
    from newsevents.pipeline import Coder

    coder = Coder.get(None)
    coder.code_article(Article(id="warm", text="Israel attacked Gaza on Monday.", published="2021-02-05"))
    short, long = long_text(args.words), long_text(4 * args.words)
    rounds = []
    for r in range(args.rounds):
        times = []
        for name, text in (("short", short), ("long", long)):
            t0 = time.perf_counter()
            events = coder.code_article(Article(id=f"{name}-{r}", text=text, published="2021-02-05"))
            times.append(time.perf_counter() - t0)
        rounds.append({"short_s": round(times[0], 2), "long_s": round(times[1], 2),
                       "ratio": round(times[1] / times[0], 2), "long_events": len(events)})
        print(f"round {r + 1}: {args.words:,} words {times[0]:.1f} s, {4 * args.words:,} words {times[1]:.1f} s, "
              f"ratio {times[1] / times[0]:.2f}", flush=True)
    ratio = statistics.median(x["ratio"] for x in rounds)
    verdict = "linear" if ratio <= LIMIT else "SUPERLINEAR"
    print(f"4x the words: {ratio:.2f}x the time (median of {len(rounds)}; limit {LIMIT:g}): {verdict}")
    if args.json:
        Path(args.json).write_text(json.dumps({"words": args.words, "rounds": rounds, "median_ratio": ratio,
                                               "limit": LIMIT}, indent=1) + "\n", encoding="utf-8")
    return 0 if ratio <= LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())

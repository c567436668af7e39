"""A watch over many polls: the memory of the watch process when each poll is coded in a
forked worker (what ``watch`` does) against coding in the watch process itself
(``--in-process``: what it did before).

Each poll first adds K new articles (real texts from ``../shared/data/corpus``, as .txt files
of a watched folder), then polls once; after each poll the watch process's resident size
(VmRSS, from /proc) and the number of strings in its spaCy string store are printed. Without
``--variant`` both variants run, each in a fresh process, one after the other:

    .venv/bin/python bench/watch_memory.py --polls 10 --per-poll 40
    .venv/bin/python bench/watch_memory.py --variant in-process --polls 5 --per-poll 20
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from procmem import status_kb  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "corpus" / "realnews" / "articles.jsonl"
VARIANTS = ("forked", "in-process")


def _texts() -> list[str]:
    out = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        if line.strip() and (text := json.loads(line).get("text")):
            out.append(text)
    return out


def run_variant(variant: str, polls: int, per_poll: int) -> list[dict[str, float]]:
    """Poll a folder ``polls`` times in this process, adding ``per_poll`` articles before each."""
    import os

    from newsevents import pipeline
    from newsevents.store import Store
    from newsevents.watch import Watcher, WatchOptions

    if variant == "in-process":
        forked = pipeline.code_parallel

        def in_process(*args, **kw):
            kw["isolate"] = False
            return forked(*args, **kw)

        pipeline.code_parallel = in_process  # type: ignore[assignment]
    texts = _texts()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        inbox = Path(tmp) / "inbox"
        inbox.mkdir()
        with Store(f"sqlite:///{tmp}/watch.db") as store:
            watcher = Watcher([str(inbox)], store, WatchOptions(interval=0, workers=1))
            for poll in range(1, polls + 1):
                for k in range(per_poll):
                    n = (poll - 1) * per_poll + k
                    (inbox / f"a{n:05d}.txt").write_text(texts[n % len(texts)], encoding="utf-8")
                report = watcher.poll(poll)
                nlp = pipeline.Coder.get(None).nlp
                rows.append({"poll": poll, "coded": report.coded, "events": report.events,
                             "rss_mb": status_kb(os.getpid()).get("VmRSS", 0) / 1024,
                             "strings": len(nlp.vocab.strings)})
                print(json.dumps({"variant": variant, **rows[-1]}), flush=True)
            watcher.close()
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--polls", type=int, default=10, help="Polls to run (default 10).")
    ap.add_argument("--per-poll", type=int, default=40, help="New articles before each poll (default 40).")
    ap.add_argument("--variant", choices=VARIANTS, help="Run only this variant, in this process.")
    args = ap.parse_args()
    if args.variant:
        run_variant(args.variant, args.polls, args.per_poll)
        return
    for variant in VARIANTS:
        out = subprocess.run([sys.executable, __file__, "--variant", variant, "--polls", str(args.polls),
                              "--per-poll", str(args.per_poll)], capture_output=True, text=True, check=True)
        rows = [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]
        first, last = rows[0], rows[-1]
        print(f"{variant:>10}: RSS after poll 1 {first['rss_mb']:.0f} MB, after poll {last['poll']} "
              f"{last['rss_mb']:.0f} MB; spaCy strings {first['strings']:,} -> {last['strings']:,}; "
              f"{sum(r['coded'] for r in rows)} articles, {sum(r['events'] for r in rows)} events")
        print("            RSS by poll (MB): " + ", ".join(f"{r['rss_mb']:.0f}" for r in rows))


if __name__ == "__main__":
    main()

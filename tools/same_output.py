"""Code every text in ../shared with this tree and write (or compare) the events.

A refactor must not change what the coder says. This tool codes the seed article, the
real-news and re3d corpora, the CASE dev half and every gold sentence (PLOVER, ConfliBERT
classes and spans, PETRARCH's records) and writes one JSON line per article with its events,
leaving out only what schema "2" added (``trace``, ``cluster_id``, ``schema_version``).

    python tools/same_output.py --write /tmp/before.jsonl        # on the old tree
    python tools/same_output.py --compare /tmp/before.jsonl      # on the new tree: exit 1 on any difference

Use ``PYTHONPATH=src`` (or the tree's own venv) so that the tree under test is imported.
``--limit N`` takes the first N articles of each set (a quick check while working).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Iterator

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
IGNORED = ("trace", "cluster_id", "schema_version")


def _jsonl(path: Path, prefix: str) -> Iterator[dict]:
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if line.strip():
            rec = json.loads(line)
            rec["id"] = f"{prefix}:{rec.get('id', i)}"
            yield rec


def _sentences(prefix: str, texts: list[str]) -> Iterator[dict]:
    for i, text in enumerate(texts):
        yield {"id": f"{prefix}:{i}", "text": text, "published": "2021-02-05"}


def sets(shared: Path) -> dict[str, list[dict]]:
    """Every text of ../shared as article dicts, by set name."""
    from newsevents.evaluate import ner, pentaclass, petrarch, plover
    from newsevents.read.text import parse_text_page

    gold = shared / "data" / "gold"
    seed = parse_text_page((shared / "examples" / "seed-article.txt").read_text(encoding="utf-8"), id="seed",
                           origin="seed-article.txt")
    out: dict[str, list[dict]] = {
        "seed": [{"id": "seed", "text": seed.text, "title": seed.title, "published": seed.published}],
        "realnews": list(_jsonl(shared / "data/corpus/realnews/articles.jsonl", "realnews")),
        "re3d": list(_jsonl(shared / "data/corpus/re3d/documents.jsonl", "re3d")),
        "plover": list(_sentences("plover", [it.text for it in plover.read_plover(gold / "PLOVER_GSR_CAMEO.txt")])),
        "pentaclass": list(_sentences("penta", [it.text for it in pentaclass.read_tsv(
            gold / "conflibert/cameo_class.train.tsv")])),
        "ner": list(_sentences("ner", [ner.rebuild(s.tokens)[0] for s in ner.read_conll(
            gold / "conflibert/cameo_ner.train.txt")])),
        "petrarch": list(_sentences("petr", [r.text for r in petrarch.read_records(
            gold / "petrarch/PETR.UnitTest.records.xml")])),
    }
    case = (gold / "case2021/dev.tsv").read_text(encoding="utf-8").splitlines()[1:]
    out["case"] = list(_sentences("case", [line.split("\t")[1] for line in case if line.strip()]))
    return out


def code_all(limit: int | None) -> Iterator[dict]:
    """One record per article: its id and its events without the schema-2 fields."""
    from newsevents.models import Article
    from newsevents.pipeline import Coder

    coder = Coder.get(None)
    for name, recs in sets(SHARED).items():
        arts = [Article(id=r["id"], text=r["text"], title=r.get("title"), published=r.get("published"),
                        url=r.get("url"), source=r.get("source")) for r in recs[:limit]]
        print(f"{name}: {len(arts)} articles", file=sys.stderr, flush=True)
        for art, events in coder.code_articles(arts):
            evs = [{k: v for k, v in e.to_dict().items() if k not in IGNORED} for e in events]
            yield {"id": art.id, "events": evs}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--write", metavar="FILE", help="write this tree's events to FILE")
    g.add_argument("--compare", metavar="FILE", help="compare this tree's events with FILE")
    ap.add_argument("--limit", type=int, default=None, help="first N articles of each set")
    args = ap.parse_args(argv)
    if args.write:
        with open(args.write, "w", encoding="utf-8") as f:
            for rec in code_all(args.limit):
                f.write(json.dumps(rec, ensure_ascii=False, sort_keys=True) + "\n")
        return 0
    before = {}
    with open(args.compare, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            before[rec["id"]] = rec["events"]
    differ = same = 0
    for rec in code_all(args.limit):
        old = before.get(rec["id"])
        if old is None:
            continue
        if old == json.loads(json.dumps(rec["events"], ensure_ascii=False, sort_keys=True)):
            same += 1
            continue
        differ += 1
        if differ <= 10:
            print(f"DIFFERS {rec['id']}: {len(old)} events before, {len(rec['events'])} now", file=sys.stderr)
            olds = {json.dumps(e, sort_keys=True) for e in old}
            news = {json.dumps(e, sort_keys=True) for e in rec["events"]}
            for e in sorted(olds - news)[:3]:
                print(f"  - {e[:400]}", file=sys.stderr)
            for e in sorted(news - olds)[:3]:
                print(f"  + {e[:400]}", file=sys.stderr)
    print(f"{same} articles identical, {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())

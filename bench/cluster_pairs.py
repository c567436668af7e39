"""Score event clustering on the labelled pairs of tests/data/cluster_pairs/.

Each pair names two event reports -- (article, a snippet of its sentence, a CAMEO root or
null for any) -- and says whether they tell of the same real-world event. The originals
are real articles of ../shared/data/corpus/realnews; the rewrites and near-misses are in
tests/data/cluster_pairs/rewrites.jsonl (README there). Every article is coded by the real
coder and saved into a fresh SQLite store (in a shuffled order, in small batches: the
incremental path), and a pair is predicted "same" when a report of one side shares its
cluster_id with a report of the other.

    python bench/cluster_pairs.py                 # precision, recall, the errors explained
    python bench/cluster_pairs.py --json out.json # the figures as JSON too

"Uncoded" pairs are those where the coder produced no event for a side (with that root):
they count as predicted "different" in the headline figures, and are also left out in the
"coded pairs only" figures, which measure the clustering alone.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data" / "cluster_pairs"
CORPUS = REPO.parent / "shared" / "data" / "corpus" / "realnews" / "articles.jsonl"


def load_pairs(path: Path = DATA / "pairs.jsonl") -> list[dict[str, Any]]:
    """The labelled pairs."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def load_articles(pairs: list[dict[str, Any]], corpus: Path = CORPUS) -> list[dict[str, Any]]:
    """The articles the pairs name: rewrites from the repository, originals from the corpus."""
    wanted = {side["article"] for p in pairs for side in (p["a"], p["b"])}
    rows = [json.loads(line) for line in (DATA / "rewrites.jsonl").read_text("utf-8").splitlines()]
    with open(corpus, encoding="utf-8") as fh:
        rows += [r for line in fh if (r := json.loads(line))["id"] in wanted]
    found = {r["id"] for r in rows}
    missing = wanted - found
    if missing:
        raise SystemExit(f"articles not found: {sorted(missing)} (is {corpus} there?)")
    return [r for r in rows if r["id"] in wanted]


def code_into_store(rows: list[dict[str, Any]], db: Path, seed: int = 0) -> None:
    """Code the articles and save them in a shuffled order, a few at a time."""
    from newsevents.models import Article
    from newsevents.pipeline import Coder
    from newsevents.store import Store

    coder = Coder.get(None)
    order = rows[:]
    random.Random(seed).shuffle(order)
    with Store(db) as store:
        batch = []
        for r in order:
            art = Article(id=r["id"], text=r["text"], title=r.get("title"), published=r["published"],
                          url=r.get("url"), source=r.get("source"))
            batch.append((art, coder.code_article(art)))
            if len(batch) == 5:
                store.save(batch)
                batch = []
        if batch:
            store.save(batch)


def reports(store, side: dict[str, Any]) -> list[dict[str, Any]]:
    """The stored events of one side of a pair: those of its sentence with the side's CAMEO
    root, or all of the sentence's events when the coder gave none that root."""
    found = [r for r in store.iter_events(article_id=side["article"])
             if side["snippet"] in r["sentence"]]
    rooted = [r for r in found if r["cameo"][:2] == side.get("root")]
    return rooted or found


def _why_apart(a: list[dict], b: list[dict]) -> str:
    from newsevents.store.clusters import Report, failed_rule
    from newsevents.store.records import record_to_row

    reasons = Counter(failed_rule(Report.from_row(record_to_row(x)), Report.from_row(record_to_row(y)))
                      for x in a for y in b)
    return ", ".join(f"{k or 'linked only through others'}×{n}" for k, n in reasons.most_common())


def _brief(recs: list[dict]) -> str:
    return "; ".join(sorted({f"{r['cameo']} {(r['source'] or {}).get('code')}->"
                             f"{(r['target'] or {}).get('code')} {r['date']}/{r['date_precision']}"
                             for r in recs}))


def score(store, pairs: list[dict[str, Any]]) -> dict[str, Any]:
    """Confusion counts, precision and recall (all pairs; coded pairs only), and the errors."""
    counts: Counter[str] = Counter()
    coded: Counter[str] = Counter()
    errors = []
    for p in pairs:
        a, b = reports(store, p["a"]), reports(store, p["b"])
        if not a or not b:
            counts["fn" if p["same"] else "tn"] += 1
            counts["uncoded"] += 1
            if p["same"]:
                side = "a" if not a else "b"
                errors.append({"pair": p, "kind": "uncoded", "why": f"no event coded for side {side}"})
            continue
        predicted = bool({r["cluster_id"] for r in a} & {r["cluster_id"] for r in b})
        cell = {(True, True): "tp", (False, True): "fp", (True, False): "fn", (False, False): "tn"}[
            (p["same"], predicted)]
        counts[cell] += 1
        coded[cell] += 1
        if cell in ("fp", "fn"):
            why = _why_apart(a, b) if cell == "fn" else "every rule held"
            errors.append({"pair": p, "kind": cell, "why": why,
                           "a": _brief(a), "b": _brief(b)})
    return {"all": _figures(counts), "coded": _figures(coded), "uncoded": counts["uncoded"],
            "pairs": len(pairs), "same": sum(p["same"] for p in pairs), "errors": errors}


def _figures(c: Counter[str]) -> dict[str, Any]:
    tp, fp, fn, tn = c["tp"], c["fp"], c["fn"], c["tn"]
    return {"tp": tp, "fp": fp, "fn": fn, "tn": tn,
            "precision": round(tp / (tp + fp), 4) if tp + fp else None,
            "recall": round(tp / (tp + fn), 4) if tp + fn else None}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", metavar="FILE", help="Also write the figures and errors as JSON.")
    ap.add_argument("--seed", type=int, default=0, help="Shuffle of the saving order.")
    args = ap.parse_args(argv)
    pairs = load_pairs()
    rows = load_articles(pairs)
    with tempfile.TemporaryDirectory() as tmp:
        from newsevents.store import Store

        db = Path(tmp) / "pairs.db"
        code_into_store(rows, db, seed=args.seed)
        with Store(db) as store:
            result = score(store, pairs)
    n_same = result["same"]
    print(f"{result['pairs']} pairs ({n_same} same event, {result['pairs'] - n_same} different), "
          f"{len(rows)} articles; {result['uncoded']} pairs with a side the coder left uncoded")
    for name in ("all", "coded"):
        f = result[name]
        label = "all pairs       " if name == "all" else "coded pairs only"
        print(f"{label}: precision {f['precision']}  recall {f['recall']}  "
              f"(tp {f['tp']} fp {f['fp']} fn {f['fn']} tn {f['tn']})")
    for e in result["errors"]:
        p = e["pair"]
        print(f"- {e['kind']}: {p['event']} [{p['kind']}] {p['a']['article']} ~ {p['b']['article']}: "
              f"{e['why']}" + (f"\n    a: {e['a']}\n    b: {e['b']}" if "a" in e else ""))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1, ensure_ascii=False, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())

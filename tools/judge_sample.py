"""The judged real-news check (issue #20, "Measure").

Draw events at random, with a fixed seed, from a ``newsevents code`` JSONL output of the
realnews corpus (``../shared/data/corpus/realnews/articles.jsonl``), half from Wikinews
articles (ids ``wikinews-…``) and half from the State Department releases, into a "to judge"
file; then, once a person has filled each ``verdict`` / ``wrong`` / ``reason``, report the
figures.

    # draw 60 events (30 + 30) with seed 20
    python tools/judge_sample.py sample CODED.jsonl --articles ARTICLES.jsonl -o to-judge.jsonl
    # pick the 10 articles to read for recall (5 + 5, same seed)
    python tools/judge_sample.py articles --articles ARTICLES.jsonl
    # the figures of a judged file (and of the main-events file for recall)
    python tools/judge_sample.py report tests/data/realnews_judged.jsonl \
        --main-events tests/data/realnews_main_events.jsonl

Verdicts: ``right`` (type, source, target, date and place all acceptable to a careful human
coder), ``partly`` (the event is real and its type right, but an actor, the date or the place is
wrong), ``wrong`` (no such event, or the wrong type). ``wrong`` lists the parts that are wrong:
``type``, ``source``, ``target``, ``date``, ``place``.

Lines whose JSON object has a ``"header"`` key are metadata (seed, commit), not events.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any, Iterable

DEFAULT_SEED = 20
DEFAULT_N = 60
PARTS = ("type", "source", "target", "date", "place")


def is_wikinews(article_id: str) -> bool:
    return article_id.startswith("wikinews-")


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def records(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows that are events (not header lines)."""
    return [r for r in rows if "header" not in r]


def _actor(a: dict[str, Any] | None) -> dict[str, Any] | None:
    if not a:
        return None
    return {"text": a.get("text"), "code": a.get("code")}


def to_judge(ev: dict[str, Any], article: dict[str, Any] | None) -> dict[str, Any]:
    """One coded event → one "to judge" row (verdict, reason and wrong left empty)."""
    plover = ev.get("plover") or {}
    loc = ev.get("location") or None
    trig = ev.get("trigger") or {}
    return {
        "article_id": ev["article_id"],
        "event_id": ev.get("event_id"),
        "sentence_index": ev.get("sentence_index"),
        "sentence": ev.get("sentence"),
        "trigger": {"text": trig.get("text"), "start": trig.get("start"), "end": trig.get("end")},
        "cameo": ev.get("cameo"),
        "plover": plover.get("type") if isinstance(plover, dict) else None,
        "source": _actor(ev.get("source")),
        "target": _actor(ev.get("target")),
        "date": ev.get("date"),
        "date_precision": ev.get("date_precision"),
        "location": {"name": loc.get("name"), "country": loc.get("country")} if loc else None,
        "modality": ev.get("modality"),
        "negated": ev.get("negated"),
        "published": (article or {}).get("published"),
        "title": (article or {}).get("title"),
        "verdict": "",
        "wrong": [],
        "reason": "",
    }


def draw(events: list[dict[str, Any]], n: int, seed: int) -> list[dict[str, Any]]:
    """n events: n//2 from Wikinews articles, the rest from the others, each half drawn with
    ``random.Random(seed).sample`` over the events in file order."""
    wiki = [e for e in events if is_wikinews(e["article_id"])]
    other = [e for e in events if not is_wikinews(e["article_id"])]
    rng = random.Random(seed)
    n_wiki = min(n // 2, len(wiki))
    n_other = min(n - n_wiki, len(other))
    picked = rng.sample(wiki, n_wiki) + rng.sample(other, n_other)
    return picked


def draw_articles(articles: list[dict[str, Any]], n: int, seed: int) -> list[dict[str, Any]]:
    """n articles to read for recall: n//2 Wikinews, the rest State Department (same seed)."""
    wiki = [a for a in articles if is_wikinews(a["id"])]
    other = [a for a in articles if not is_wikinews(a["id"])]
    rng = random.Random(seed)
    return rng.sample(wiki, n // 2) + rng.sample(other, n - n // 2)


def _git_commit() -> str | None:
    import subprocess

    try:
        return subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True,
                              check=True, cwd=Path(__file__).resolve().parent).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


# ---------------------------------------------------------------- report

def precision_figures(judged: list[dict[str, Any]]) -> dict[str, Any]:
    n = len(judged)
    verdicts = Counter(j["verdict"] for j in judged)
    wrong_type = sum(1 for j in judged if "type" in (j.get("wrong") or []))
    named = [j for j in judged if j.get("place_named")]
    place_ok = sum(1 for j in named if "place" not in (j.get("wrong") or []))
    parts = Counter(p for j in judged for p in (j.get("wrong") or []))
    return {
        "n": n,
        "right": verdicts["right"],
        "partly": verdicts["partly"],
        "wrong": verdicts["wrong"],
        "wrong_type": wrong_type,
        "place_named": len(named),
        "place_right": place_ok,
        "parts": dict(parts),
    }


def recall_figures(main: list[dict[str, Any]]) -> dict[str, Any]:
    found = Counter(m["found"] for m in main)
    return {"n": len(main), "right": found["right"], "partly": found["partly"], "not_found": found["no"],
            "articles": len({m["article_id"] for m in main})}


def _pct(a: int, b: int) -> str:
    return f"{a}/{b} = {100.0 * a / b:.1f} %" if b else f"{a}/0"


def report(judged_path: str, main_path: str | None, out=sys.stdout) -> None:
    judged = records(read_jsonl(judged_path))
    unjudged = [j for j in judged if j.get("verdict") not in ("right", "partly", "wrong")]
    if unjudged:
        print(f"warning: {len(unjudged)} events have no verdict", file=out)
    for label, subset in (("all", judged),
                          ("Wikinews", [j for j in judged if is_wikinews(j["article_id"])]),
                          ("State Dept", [j for j in judged if not is_wikinews(j["article_id"])])):
        f = precision_figures(subset)
        print(f"[{label}] {f['n']} judged events", file=out)
        print(f"  strict precision (right / all):   {_pct(f['right'], f['n'])}", file=out)
        print(f"  partly:                           {_pct(f['partly'], f['n'])}", file=out)
        print(f"  right + partly:                   {_pct(f['right'] + f['partly'], f['n'])}", file=out)
        print(f"  wrong:                            {_pct(f['wrong'], f['n'])}", file=out)
        print(f"  wrong type of event:              {_pct(f['wrong_type'], f['n'])}", file=out)
        print(f"  place country right (sentence names a place): "
              f"{_pct(f['place_right'], f['place_named'])}", file=out)
        print("  parts judged wrong: " + ", ".join(f"{p} {f['parts'].get(p, 0)}" for p in PARTS), file=out)
    if main_path:
        main = records(read_jsonl(main_path))
        r = recall_figures(main)
        print(f"[recall] {r['n']} main events in {r['articles']} articles read", file=out)
        print(f"  found fully right:                {_pct(r['right'], r['n'])}", file=out)
        print(f"  found at least partly (recall):   {_pct(r['right'] + r['partly'], r['n'])}", file=out)
        print(f"  not found:                        {_pct(r['not_found'], r['n'])}", file=out)


# ---------------------------------------------------------------- command line

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample", help="draw events to judge from a `newsevents code` JSONL output")
    s.add_argument("coded")
    s.add_argument("--articles", help="the corpus JSONL (for titles and publication dates)")
    s.add_argument("--seed", type=int, default=DEFAULT_SEED)
    s.add_argument("--n", type=int, default=DEFAULT_N)
    s.add_argument("-o", "--out")
    a = sub.add_parser("articles", help="the articles to read for recall")
    a.add_argument("--articles", required=True)
    a.add_argument("--seed", type=int, default=DEFAULT_SEED)
    a.add_argument("--n", type=int, default=10)
    r = sub.add_parser("report", help="figures of a judged file")
    r.add_argument("judged")
    r.add_argument("--main-events")
    args = ap.parse_args(argv)

    if args.cmd == "sample":
        events = read_jsonl(args.coded)
        arts = {a["id"]: a for a in read_jsonl(args.articles)} if args.articles else {}
        picked = draw(events, args.n, args.seed)
        out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
        header = {"header": True, "seed": args.seed, "n": args.n, "commit": _git_commit(),
                  "coded_from": "../shared/data/corpus/realnews/articles.jsonl"}
        out.write(json.dumps(header, ensure_ascii=False) + "\n")
        for ev in picked:
            out.write(json.dumps(to_judge(ev, arts.get(ev["article_id"])), ensure_ascii=False) + "\n")
        if out is not sys.stdout:
            out.close()
        return 0
    if args.cmd == "articles":
        for art in draw_articles(read_jsonl(args.articles), args.n, args.seed):
            print(art["id"], art.get("published"), art.get("title"), sep="\t")
        return 0
    report(args.judged, args.main_events)
    return 0


if __name__ == "__main__":
    sys.exit(main())

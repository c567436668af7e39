#!/usr/bin/env python
"""The judged places check (issue #20, part 4): of coded events whose sentence names a place,
how many get the right country.

Draw events at random, with a fixed seed, from a ``newsevents code`` JSONL output of the realnews
corpus, keeping those whose sentence names a place (a GPE, LOC or FAC entity of the project's
spaCy model that is no nationality word); write them with the coded place of a first ("before")
and a second ("after") output; a person fills ``countries`` (the countries the event's place may
rightly have; null for no place, when the sentence names none of the event's own) and ``reason``;
then report the figures.

    python tools/judge_places.py sample BEFORE.jsonl AFTER.jsonl -o to-judge.jsonl [--seed 21 --n 40]
    python tools/judge_places.py report tests/data/realnews_places_judged.jsonl
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def _events(path: str) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def key(ev: dict[str, Any]) -> tuple:
    """An event's identity across two codings: article, sentence text, trigger."""
    t = ev.get("trigger") or {}
    return (ev["article_id"], ev["sentence"], t.get("text"), t.get("start"))


def names_a_place(nlp: Any, gaz: Any, sentence: str) -> bool:
    doc = nlp(sentence)
    return any(e.label_ in ("GPE", "LOC", "FAC") and not gaz.demonym(e.text) for e in doc.ents)


def sample(before: str, after: str, n: int, seed: int) -> list[dict[str, Any]]:
    """n events of ``before`` whose sentence names a place, half from Wikinews, half from the
    other articles, in the order of ``random.Random(seed).shuffle``; with both codings' place."""
    from newsevents.nlp.loader import load_model
    from newsevents.nlp.places import Gazetteer

    nlp, gaz = load_model(), Gazetteer.default()
    evs = _events(before)
    rng = random.Random(seed)
    rng.shuffle(evs)
    by_key = {key(e): e for e in _events(after)}
    picked: list[dict[str, Any]] = []
    for wiki in (True, False):
        half = n // 2 if wiki else n - n // 2
        seen: set[tuple] = set()
        for e in evs:
            if len([p for p in picked if p["article_id"].startswith("wikinews-") == wiki]) >= half:
                break
            if e["article_id"].startswith("wikinews-") != wiki or key(e) in seen:
                continue
            seen.add(key(e))
            if not names_a_place(nlp, gaz, e["sentence"]):
                continue
            a = by_key.get(key(e))
            picked.append({"article_id": e["article_id"], "sentence": e["sentence"], "trigger": e["trigger"],
                           "cameo": e["cameo"], "before": _where(e), "after": _where(a) if a else "not emitted",
                           "countries": [], "reason": ""})
    return picked


def _where(ev: dict[str, Any]) -> dict[str, Any] | None:
    loc = ev.get("location")
    return {"name": loc.get("name"), "country": loc.get("country")} if loc else None


def _country(where: Any) -> str | None:
    return where.get("country") if isinstance(where, dict) else None


def report(path: str, out: Any = sys.stdout) -> dict[str, int]:
    """right: the coded country is one of ``countries`` (null counts where null is listed);
    "needing a country": the events whose list has no null, and how many of them are right."""
    rows = [r for r in _events(path) if "header" not in r]
    need = [r for r in rows if None not in r["countries"]]
    fig = {"n": len(rows), "needing a country": len(need)}
    for side in ("before", "after"):
        fig[f"{side} right"] = sum(1 for r in rows if _country(r[side]) in r["countries"])
        fig[f"{side} right, of those needing a country"] = sum(1 for r in need if _country(r[side]) in r["countries"])
        fig[f"{side} with a country"] = sum(1 for r in rows if _country(r[side]))
        fig[f"{side} wrong country"] = sum(1 for r in rows if _country(r[side]) and _country(r[side]) not in r["countries"])
    for k, v in fig.items():
        base = len(need) if k.endswith("needing a country") and k != "needing a country" else len(rows)
        print(f"{k}: {v}" + (f" ({100 * v / base:.0f} %)" if k != "n" and base else ""), file=out)
    return fig


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("before")
    s.add_argument("after")
    s.add_argument("-o", "--out", required=True)
    s.add_argument("--seed", type=int, default=21)
    s.add_argument("--n", type=int, default=40)
    r = sub.add_parser("report")
    r.add_argument("judged")
    args = ap.parse_args(argv)
    if args.cmd == "report":
        report(args.judged)
        return 0
    rows = sample(args.before, args.after, args.n, args.seed)
    with open(args.out, "w", encoding="utf-8") as fh:
        fh.write(json.dumps({"header": True, "seed": args.seed, "n": args.n, "before": args.before,
                             "after": args.after}) + "\n")
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {args.out}: {len(rows)} events", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The judged places check (issue #20, part 4): 40 events drawn with a fixed seed from the coded
realnews corpus among those whose sentence names a place (``tools/judge_places.py sample``), each
judged by hand: the countries its place may rightly have (``countries``; null = no place, for an
event whose sentence names no place of its own), with the place coded before (main) and after
(the places work) the larger gazetteer.

The slow test re-codes the judged articles with the current coder: every event whose "after"
place was judged right must still be produced with a right country.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
JUDGED = REPO / "tests" / "data" / "realnews_places_judged.jsonl"
CORPUS = Path("data") / "corpus" / "realnews" / "articles.jsonl"


def _rows() -> tuple[dict, list[dict]]:
    rows = [json.loads(line) for line in JUDGED.read_text(encoding="utf-8").splitlines() if line.strip()]
    return next(r for r in rows if "header" in r), [r for r in rows if "header" not in r]


def _country(where) -> str | None:
    return where.get("country") if isinstance(where, dict) else None


def _right(where, row: dict) -> bool:
    return where != "not emitted" and _country(where) in row["countries"]


def test_judged_file_is_complete():
    header, rows = _rows()
    assert header["seed"] == 21 and header["n"] == 40 and len(rows) == 40
    assert sum(1 for r in rows if r["article_id"].startswith("wikinews-")) == 20
    for r in rows:
        assert r["countries"] and all(c is None or (len(c) == 3 and c.isupper()) for c in r["countries"]), r
        assert r["reason"].strip(), r
        s, t = r["trigger"]["start"], r["trigger"]["end"]
        assert r["sentence"][s:t] == r["trigger"]["text"], r


def test_after_is_no_worse_than_before():
    _, rows = _rows()
    before = sum(_right(r["before"], r) for r in rows)
    after = sum(_right(r["after"], r) for r in rows)
    assert after >= before


@pytest.mark.slow
def test_right_places_stay_right(shared, coder):
    from eval_helpers import realnews_articles

    _, rows = _rows()
    keep = [r for r in rows if _right(r["after"], r)]
    wanted = {r["article_id"] for r in keep}
    articles = realnews_articles(shared / CORPUS, wanted)
    coded = {a.id: [e.to_dict() for e in evs] for a, evs in coder.code_articles(articles)}
    lost = []
    for r in keep:
        here = [e for e in coded[r["article_id"]] if e["sentence"] == r["sentence"]
                and (e.get("trigger") or {}).get("start") == r["trigger"]["start"]]
        if not here:
            continue  # (the event itself is the coder's business, not the places')
        if not any(_country(e.get("location")) in r["countries"] for e in here):
            lost.append((r, [_country(e.get("location")) for e in here]))
    assert not lost, "places judged right are now wrong:\n" + "\n".join(
        f"  {r['article_id']} {r['sentence'][:80]!r} {r['trigger']['text']!r}: {r['countries']} now {now}"
        for r, now in lost)

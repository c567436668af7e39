"""Which judged real-news events (issue #20) come out with other actors now.

Re-code the articles of the judged files with the current coder, then list, for every judged
event whose (CAMEO, source, target) pairs at the same sentence and trigger differ between two
codings, what went and what came, with the verdict and the parts judged wrong — the input for
counting by hand how many source/target errors are fixed and how many right ones broke.

    # code the judged articles with this checkout (one JSONL of events, with traces)
    python tools/judged_actor_changes.py code -o NOW.jsonl
    # the same with another checkout (e.g. the branch point), then compare
    PYTHONPATH=/path/to/other/src python tools/judged_actor_changes.py code -o BEFORE.jsonl
    python tools/judged_actor_changes.py diff BEFORE.jsonl NOW.jsonl
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
JUDGED = [REPO / "tests" / "data" / "realnews_judged.jsonl", REPO / "tests" / "data" / "realnews_judged_after.jsonl",
          REPO / "tests" / "data" / "realnews_judged_third.jsonl"]
CORPUS = REPO.parent / "shared" / "data" / "corpus" / "realnews" / "articles.jsonl"


def _judged() -> list[tuple[str, int, dict[str, Any]]]:
    out = []
    for path in JUDGED:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            row = json.loads(line) if line.strip() else {}
            if row and "header" not in row:
                out.append((path.stem, n, row))
    return out


def code(out: str) -> None:
    """Code every judged article into ``out`` (events with their traces)."""
    from newsevents.pipeline import Coder
    from newsevents.read.jsonl import article_from_object

    wanted = {j["article_id"] for _, _, j in _judged()}
    with open(CORPUS, encoding="utf-8") as fh:
        articles = [article_from_object(obj, f"articles.jsonl:{n}") for n, obj in
                    ((n, json.loads(line)) for n, line in enumerate(fh, 1)) if obj.get("id") in wanted]
    with open(out, "w", encoding="utf-8") as w:
        for _, events in Coder.get(None).code_articles(articles):
            for ev in events:
                w.write(json.dumps(dict(ev.to_dict(), trace=ev.trace)) + "\n")


def _pairs(events: list[dict[str, Any]], j: dict[str, Any]) -> list[tuple]:
    def who(a: dict[str, Any] | None) -> tuple:
        return (a["text"], a.get("code")) if a else (None, None)

    here = [e for e in events if e["article_id"] == j["article_id"] and e["sentence"] == j["sentence"]
            and e["trigger"]["text"] == j["trigger"]["text"] and e["trigger"]["start"] == j["trigger"]["start"]]
    return sorted({(e["cameo"], *who(e["source"]), *who(e["target"])) for e in here}, key=str)


def diff(before: str, now: str, out=sys.stdout) -> int:
    """Print the judged events whose pairs differ; return how many."""
    b = [json.loads(line) for line in open(before, encoding="utf-8")]
    n = [json.loads(line) for line in open(now, encoding="utf-8")]
    count = 0
    for name, row, j in _judged():
        was, is_ = _pairs(b, j), _pairs(n, j)
        if was == is_:
            continue
        count += 1
        print(f"{name}#{row} {j['verdict']} wrong={j['wrong']} {j['trigger']['text']!r}: {j['sentence'][:110]}", file=out)
        for p in was:
            if p not in is_:
                print("   -", p, file=out)
        for p in is_:
            if p not in was:
                print("   +", p, file=out)
    print(f"{count} judged events with other actors", file=out)
    return count


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("code", help="code the judged articles")
    c.add_argument("-o", "--out", required=True)
    d = sub.add_parser("diff", help="compare two codings at the judged events")
    d.add_argument("before")
    d.add_argument("now")
    args = ap.parse_args(argv)
    if args.cmd == "code":
        code(args.out)
    else:
        diff(args.before, args.now)
    return 0


if __name__ == "__main__":
    sys.exit(main())

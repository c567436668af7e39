"""``newsevents eval``: score the coder on gold sets in their own formats.

One module per gold format (``plover``, ``ner``, ``pentaclass``, ``petrarch``, ``case``) turns its
file into items, codes them in batches and scores them with the common ``scoring`` helpers.
``evaluate()`` returns the results; ``run_eval()`` prints them (and writes a Markdown report)
and returns the command's exit status: 0 whatever the figures, 2 on usage or data errors.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Sequence, TextIO

from .scoring import SetResult, fmt, md_escape, md_table, text_table

SETS = ("plover", "ner", "pentaclass", "petrarch", "case")
SET_FILES = {
    "plover": "PLOVER_GSR_CAMEO.txt",
    "ner": "conflibert/cameo_ner.train.txt",
    "pentaclass": "conflibert/cameo_class.train.tsv",
    "petrarch": "petrarch/PETR.UnitTest.records.xml",
    "case": "case2021/dev.tsv",
}
WORST_ERRORS = 40  # per set in the report


class EvalError(Exception):
    """A usage or data error: no gold folder, a missing or unreadable gold file."""


def default_gold_dir() -> Path | None:
    """``../shared/data/gold`` beside the repository (or beside the working directory)."""
    import newsevents

    candidates = []
    try:
        candidates.append(Path(newsevents.__file__).resolve().parents[3] / "shared" / "data" / "gold")
    except IndexError:
        pass
    candidates.append(Path.cwd() / ".." / "shared" / "data" / "gold")
    for c in candidates:
        if c.is_dir():
            return c.resolve()
    return None


def resolve_sets(sets: Sequence[str] | None) -> list[str]:
    chosen = list(sets or ["all"])
    if "all" in chosen:
        return list(SETS)
    unknown = [s for s in chosen if s not in SETS]
    if unknown:
        raise EvalError(f"unknown gold set(s): {', '.join(unknown)} (choose from {', '.join(SETS)}, all)")
    return list(dict.fromkeys(chosen))


def find_gold(gold_dir: str | Path | None) -> Path:
    if gold_dir is None:
        found = default_gold_dir()
        if found is None:
            raise EvalError("no gold folder found at ../shared/data/gold; pass --gold DIR")
        return found
    path = Path(gold_dir)
    if not path.is_dir():
        raise EvalError(f"gold folder {path} does not exist; pass --gold DIR")
    return path


def evaluate(gold_dir: str | Path | None = None, sets: Sequence[str] | None = None, limit: int | None = None,
             model: str | None = None, batch_size: int = 64) -> list[SetResult]:
    """Score the coder on each chosen gold set; raises ``EvalError`` on usage/data errors."""
    gold = find_gold(gold_dir)
    names = resolve_sets(sets)
    missing = [f"{n}: {gold / SET_FILES[n]}" for n in names if not (gold / SET_FILES[n]).is_file()]
    if missing:
        raise EvalError("gold file(s) missing — " + "; ".join(missing))
    from ..pipeline import Coder
    from . import case, ner, pentaclass, petrarch, plover

    coder = Coder.get(model)
    results = []
    for name in names:
        try:
            if name == "plover":
                res = plover.run(gold, coder, limit, batch_size)
            elif name == "ner":
                res = ner.run(gold, coder, limit, batch_size)
            elif name == "pentaclass":
                res = pentaclass.run(gold, coder, limit, batch_size)
            elif name == "case":
                res = case.run(gold, coder, limit, batch_size)
            else:
                res = petrarch.run(gold, None, limit, batch_size, model=model)
        except (ValueError, KeyError, OSError, UnicodeDecodeError) as exc:
            raise EvalError(f"{name}: cannot read {gold / SET_FILES[name]}: {exc}") from exc
        except Exception as exc:  # xml.etree.ElementTree.ParseError and friends
            if type(exc).__name__ == "ParseError":
                raise EvalError(f"{name}: cannot parse {gold / SET_FILES[name]}: {exc}") from exc
            raise
        results.append(res)
    return results


def run_eval(gold_dir: str | None = None, sets: Sequence[str] | None = None, report: str | None = None,
             limit: int | None = None, model: str | None = None, out: TextIO | None = None) -> int:
    """The ``eval`` command: print per-set tables and a summary, optionally write a report."""
    out = out or sys.stdout
    t0 = time.perf_counter()
    from ..errors import NewsEventsError

    try:
        results = evaluate(gold_dir, sets, limit, model)
    except (EvalError, NewsEventsError) as exc:  # no gold, bad gold file, no model, bad dictionary
        print(f"newsevents: error: {exc}", file=sys.stderr)
        return 2
    elapsed = time.perf_counter() - t0
    print_results(results, out, elapsed, limit)
    if report:
        try:
            Path(report).write_text(markdown_report(results, elapsed, limit), encoding="utf-8")
        except OSError as exc:
            print(f"newsevents: error: cannot write the report {report}: {exc}", file=sys.stderr)
            return 2
        print(f"report written to {report}", file=out)
    return 0


# -- printing ------------------------------------------------------------------------------

def print_results(results: Sequence[SetResult], out: TextIO, elapsed: float, limit: int | None = None) -> None:
    for res in results:
        print(f"\n== {res.title} — {res.n_items} items, {res.seconds:.1f}s", file=out)
        for note in res.notes:
            print(f"  ({note})", file=out)
        for table in res.tables:
            print(f"  {table.title}:", file=out)
            print(text_table(table.headers, table.rows, indent="    "), file=out)
    print("\n== Summary" + (f" (first {limit} items of each set)" if limit else ""), file=out)
    rows = []
    for res in results:
        for key in res.headline:
            rows.append([res.name, key, res.figures.get(key, 0.0), res.n_items])
    print(text_table(["set", "figure", "value", "items"], rows), file=out)
    print(f"  {sum(r.n_items for r in results)} items scored in {elapsed:.1f}s", file=out)


def markdown_report(results: Sequence[SetResult], elapsed: float, limit: int | None = None,
                    worst: int = WORST_ERRORS) -> str:
    lines = ["# newsevents evaluation report", ""]
    lines.append(f"{sum(r.n_items for r in results)} items scored in {elapsed:.1f}s"
                 + (f" (first {limit} items of each set)." if limit else "."))
    lines += ["", "## Summary", ""]
    lines.append(md_table(["set", "figure", "value", "items"],
                          [[r.name, k, r.figures.get(k, 0.0), r.n_items] for r in results for k in r.headline]))
    for res in results:
        lines += ["", f"## {res.title}", "", f"{res.n_items} items, {res.seconds:.1f}s."]
        for note in res.notes:
            lines += ["", f"_{md_escape(note)}_"]
        for table in res.tables:
            lines += ["", f"### {table.title}", "", md_table(table.headers, table.rows)]
        if res.confusion is not None:
            lines += ["", "### Confusion (rows: gold, columns: produced; NONE = no event)", "",
                      res.confusion.markdown()]
            top = res.confusion.top_confusions(10)
            if top:
                lines += ["", "Most frequent confusions: " + ", ".join(f"{g}→{p} ({n})" for g, p, n in top) + "."]
        patterns = res.pattern_counts()
        if patterns:
            lines += ["", "### Error patterns (automatic diagnosis)", "",
                      md_table(["pattern", "count"], [[p, n] for p, n in patterns[:25]])]
        if res.errors:
            ranked = sorted(res.errors, key=lambda e: -e.weight)[:worst]
            lines += ["", f"### Worst errors ({len(ranked)} of {len(res.errors)})", ""]
            lines.append(md_table(["id", "sentence", "expected", "produced", "rule", "diagnosis"],
                                  [[e.item_id, e.sentence, e.expected, e.produced, e.rule or "—", e.pattern]
                                   for e in ranked]))
    return "\n".join(lines) + "\n"


__all__ = ["SETS", "EvalError", "default_gold_dir", "evaluate", "run_eval", "markdown_report", "print_results", "fmt"]

"""The accuracy gate: every eval figure must stay at or above its pinned minimum.

The minimums live in ``tests/evaluate/eval_baseline.json`` (``{"minimums": {"set.figure": x}}``),
pinned at the measured figure minus a margin, rounded down to two decimals. ``tests/evaluate/
test_gate.py`` runs the full eval and fails on any figure below its minimum; when the coder
improves, re-pin with::

    python -m newsevents.evaluate.gate --update tests/evaluate/eval_baseline.json
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path
from typing import Mapping, Sequence

from .scoring import SetResult

MARGIN = 0.02  # aggregate figures: accuracy, micro/macro F1, coverage ...
CLASS_MARGIN = 0.05  # per-class figures ("f1.ASSAULT"): small classes move more
EPS = 1e-9


def flatten(results: Sequence[SetResult]) -> dict[str, float]:
    """``{"plover.type_accuracy": 0.41, ...}`` for every figure of every set."""
    return {f"{r.name}.{k}": float(v) for r in results for k, v in r.figures.items()}


def margin_for(key: str) -> float:
    """Per-class figures (``plover.f1.ASSAULT``, ``pentaclass.f1.3``) get the wider margin."""
    figure = key.split(".", 1)[-1]
    return CLASS_MARGIN if figure.startswith("f1.") else MARGIN


def pin(value: float, margin: float) -> float:
    """The minimum for a measured ``value``: minus ``margin``, rounded down to 2 decimals, ≥ 0."""
    return max(0.0, math.floor((value - margin) * 100 + EPS) / 100)


def minimums_from(figures: Mapping[str, float]) -> dict[str, float]:
    return {k: pin(v, margin_for(k)) for k, v in sorted(figures.items())}


def check(figures: Mapping[str, float], minimums: Mapping[str, float]) -> list[str]:
    """One message per figure below its minimum (or missing); empty when the gate passes."""
    failures = []
    for key, minimum in sorted(minimums.items()):
        if key not in figures:
            failures.append(f"{key}: not measured any more (minimum {minimum:.2f})")
        elif figures[key] < minimum - EPS:
            failures.append(f"{key}: {figures[key]:.3f} < pinned minimum {minimum:.2f}")
    return failures


def load_baseline(path: str | Path) -> dict:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data.get("minimums"), dict):
        raise ValueError(f"{path}: no 'minimums' object")
    return data


def write_baseline(path: str | Path, figures: Mapping[str, float], note: str = "") -> dict:
    data = {
        "_comment": ("Accuracy gate for `newsevents eval` (full gold sets, no --limit). Each minimum is the "
                     f"measured figure minus {MARGIN} ({CLASS_MARGIN} for per-class F1), rounded down to 2 "
                     "decimals. Re-pin after an improvement: "
                     "python -m newsevents.evaluate.gate --update tests/evaluate/eval_baseline.json"),
        "note": note,
        "measured": {k: round(v, 4) for k, v in sorted(figures.items())},
        "minimums": minimums_from(figures),
    }
    Path(path).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return data


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m newsevents.evaluate.gate", description=__doc__.split("\n")[0])
    ap.add_argument("baseline", help="the baseline JSON (tests/evaluate/eval_baseline.json)")
    ap.add_argument("--gold", default=None, help="folder of gold sets (default: ../shared/data/gold)")
    ap.add_argument("--model", default=None)
    ap.add_argument("--update", action="store_true", help="re-pin the minimums from this run")
    ap.add_argument("--note", default="", help="with --update: a note stored in the file")
    args = ap.parse_args(argv)
    from . import EvalError, evaluate

    try:
        results = evaluate(args.gold, ["all"], None, args.model)
    except EvalError as exc:
        print(f"gate: error: {exc}", file=sys.stderr)
        return 2
    figures = flatten(results)
    if args.update:
        write_baseline(args.baseline, figures, args.note)
        print(f"gate: {len(figures)} minimums pinned in {args.baseline}")
        return 0
    failures = check(figures, load_baseline(args.baseline)["minimums"])
    for f in failures:
        print(f"gate: FAIL {f}", file=sys.stderr)
    print(f"gate: {'FAILED' if failures else 'passed'} ({len(figures)} figures)")
    return 1 if failures else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

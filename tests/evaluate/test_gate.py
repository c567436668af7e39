"""The accuracy gate: the full eval must stay at or above the minimums pinned in eval_baseline.json.

The arithmetic of pinning and checking is tested on its own (no model); the gate itself runs
every gold set in ../shared/data/gold (about a minute on two cores) and skips when it is absent.
Re-pin after an improvement::

    python -m newsevents.evaluate.gate --update tests/evaluate/eval_baseline.json
"""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from newsevents.evaluate import default_gold_dir, run_eval
from newsevents.evaluate.gate import (
    check,
    flatten,
    load_baseline,
    margin_for,
    minimums_from,
    pin,
    write_baseline,
)
from newsevents.evaluate.scoring import SetResult

BASELINE = Path(__file__).resolve().parent / "eval_baseline.json"


def test_pin_subtracts_margin_and_rounds_down():
    assert pin(0.413, 0.02) == 0.39
    assert pin(0.4199, 0.02) == 0.39
    assert pin(0.42, 0.02) == 0.40
    assert pin(0.01, 0.02) == 0.0
    assert margin_for("plover.f1.ASSAULT") > margin_for("plover.type_accuracy")
    assert margin_for("pentaclass.f1.3") > margin_for("pentaclass.macro_f1")


def test_check_reports_drops_and_missing_figures():
    mins = minimums_from({"a.x": 0.50, "a.f1.K": 0.50})
    assert mins == {"a.x": 0.48, "a.f1.K": 0.45}
    assert check({"a.x": 0.48, "a.f1.K": 0.46}, mins) == []
    fails = check({"a.x": 0.47}, mins)
    assert len(fails) == 2 and "a.f1.K: not measured" in fails[0] and "a.x: 0.470 < pinned minimum 0.48" in fails[1]


def test_flatten_and_baseline_roundtrip(tmp_path):
    res = [SetResult("s", "S", 3, figures={"acc": 0.5}), SetResult("t", "T", 1, figures={"f1": 1.0})]
    figs = flatten(res)
    assert figs == {"s.acc": 0.5, "t.f1": 1.0}
    path = tmp_path / "b.json"
    write_baseline(path, figs, "note")
    data = load_baseline(path)
    assert data["minimums"] == {"s.acc": 0.48, "t.f1": 0.98} and data["measured"]["s.acc"] == 0.5


def test_eval_usage_errors_exit_2(tmp_path, capsys):
    assert run_eval(gold_dir=str(tmp_path / "nowhere"), sets=["all"], out=io.StringIO()) == 2
    assert "pass --gold DIR" in capsys.readouterr().err
    assert run_eval(gold_dir=str(tmp_path), sets=["plover"], out=io.StringIO()) == 2  # the file is missing
    assert "missing" in capsys.readouterr().err


def test_baseline_file_is_well_formed():
    data = load_baseline(BASELINE)
    mins = data["minimums"]
    assert mins and all(0.0 <= v <= 1.0 for v in mins.values())
    for key in ("plover.type_accuracy", "ner.all.actor.f1", "pentaclass.macro_f1", "petrarch.exact_records"):
        assert key in mins


@pytest.mark.slow
def test_accuracy_gate():
    gold = default_gold_dir()
    if gold is None:
        pytest.skip("../shared/data/gold is not here")
    pytest.importorskip("spacy")
    from newsevents.errors import ModelError
    from newsevents.evaluate import evaluate

    try:
        results = evaluate(gold, ["all"])
    except ModelError as exc:  # no spaCy model installed
        pytest.skip(f"the spaCy model cannot be loaded: {exc}")
    figures = flatten(results)
    failures = check(figures, load_baseline(BASELINE)["minimums"])
    assert not failures, "accuracy fell below the pinned minimums:\n" + "\n".join(failures)

"""The common arithmetic: confusion tables, P/R/F1, macro-F1, token coverage, best event."""
from __future__ import annotations

import pytest
from eval_helpers import event

from newsevents.evaluate.scoring import (
    NONE,
    PRF,
    Confusion,
    actor_spans,
    best_event,
    md_table,
    text_table,
    tokens_covered,
)


def test_prf_arithmetic():
    p = PRF(tp=3, fp=1, fn=2)
    assert p.precision == pytest.approx(0.75)
    assert p.recall == pytest.approx(0.6)
    assert p.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert p.support == 5
    assert PRF().precision == PRF().recall == PRF().f1 == 0.0


def test_prf_add_sets():
    p = PRF()
    p.add_sets({1, 2, 3}, {2, 3, 4, 5})
    p.add_sets(set(), {9})
    assert (p.tp, p.fp, p.fn) == (2, 3, 1)


def test_confusion_accuracy_prf_macro():
    c = Confusion(["A", "B", "C"])
    for gold, pred in [("A", "A"), ("A", "B"), ("B", "B"), ("B", None), ("C", "A")]:
        c.add(gold, pred)
    assert c.total == 5 and c.correct == 2
    assert c.accuracy == pytest.approx(0.4)
    assert c.coverage == pytest.approx(0.8)
    a = c.prf("A")  # tp 1, fp 1 (C→A), fn 1 (A→B)
    assert (a.tp, a.fp, a.fn) == (1, 1, 1)
    b = c.prf("B")  # tp 1, fp 1 (A→B), fn 1 (B→NONE)
    assert (b.tp, b.fp, b.fn) == (1, 1, 1)
    assert c.prf("C").f1 == 0.0
    assert c.macro_f1(["A", "B", "C"]) == pytest.approx((0.5 + 0.5 + 0.0) / 3)
    assert c.counts[("B", NONE)] == 1
    assert c.top_confusions(1)[0][2] == 1


def test_confusion_markdown_has_none_column_and_bold_diagonal():
    c = Confusion()
    c.add("X", "X")
    c.add("X", None)
    md = c.markdown()
    assert "| NONE |" in md.splitlines()[0]
    assert "| X | **1** | 1 |" in md


def test_tokens_covered_by_character_spans():
    offsets = [(0, 5), (6, 11), (12, 15), (16, 20)]  # "Iraqi troops hit ISIS"
    assert tokens_covered(offsets, [(0, 11)]) == {0, 1}
    assert tokens_covered(offsets, [(7, 8)]) == {1}
    assert tokens_covered(offsets, [(11, 12)]) == set()  # only the space between
    assert tokens_covered(offsets, []) == set()


def test_actor_spans_are_moved_to_text_offsets():
    text = "First sentence. Iraqi troops hit ISIS."
    ev = event("Iraqi troops hit ISIS.", "190", ("Iraqi troops", "IRQMIL"), ("ISIS", "IMGMUSISI"), trigger="hit")
    assert actor_spans(text, [ev], "source") == [(16, 28)]
    assert actor_spans(text, [ev], "target") == [(33, 37)]


def test_best_event_is_most_confident_first_on_ties():
    s = "A met B."
    e1, e2, e3 = event(s, "010", confidence=0.6), event(s, "042", confidence=0.6), event(s, "190", confidence=0.4)
    assert best_event([e1, e2, e3]) is e1
    assert best_event([e3, e2]) is e2
    assert best_event([e1, e2, e3], lambda e: e.plover is not None) is e2
    assert best_event([]) is None


def test_tables_render():
    assert "0.500" in text_table(["a", "b"], [["x", 0.5]])
    assert md_table(["a"], [["x|y"]]).splitlines()[-1] == "| x\\|y |"

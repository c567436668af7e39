"""PentaClass: the TSV reader, CAMEO → class, and scoring with no-event items."""
from __future__ import annotations

import pytest
from eval_helpers import event

from newsevents.evaluate.pentaclass import cameo_class, parse_tsv, score


@pytest.mark.parametrize("code,label", [("010", "0"), ("0233", "0"), ("036", "1"), ("057", "1"), ("061", "2"),
                                        ("0874", "2"), ("090", "3"), ("138", "3"), ("141", "4"), ("204", "4"),
                                        ("", None), ("---", None), ("210", None)])
def test_cameo_class(code, label):
    assert cameo_class(code) == label


def test_parse_tsv_crlf_and_bad_label():
    items = parse_tsv(["Troops fired on protesters.\t4\r", "", "They met.\t1"], "f")
    assert [(i.text, i.label) for i in items] == [("Troops fired on protesters.", "4"), ("They met.", "1")]
    with pytest.raises(ValueError, match="f:2"):
        parse_tsv(["a\t1", "b\t7"], "f")


def test_score_accuracy_macro_and_coverage():
    items = parse_tsv(["A said.\t0", "A hit B.\t4", "A met B.\t1", "Nothing.\t2"], "f")
    evs = [[event("A said.", "010")], [event("A hit B.", "190", confidence=0.4), event("A hit B.", "042", confidence=0.8)],
           [event("A met B.", "042")], []]
    res = score(items, evs)
    f = res.figures
    assert f["accuracy"] == pytest.approx(0.5)  # class 4 taken by the more confident 042
    assert f["coverage"] == pytest.approx(0.75)
    # F1: class 0 = 1, class 1 = P 1/2 R 1 = 2/3, classes 2, 3, 4 = 0
    assert f["macro_f1"] == pytest.approx((1 + 2 / 3) / 5)
    assert {e.pattern for e in res.errors} == {"no event", "class 4 coded as 1 (CAMEO 04)"}


def test_the_golds_own_grouping_puts_cameo_16_in_class_3():
    from newsevents.evaluate.pentaclass import _GOLD_CLASSES

    assert [cameo_class(c, _GOLD_CLASSES) for c in ("013", "120", "145", "162", "173", "190")] == \
        ["0", "3", "4", "3", "4", "4"]
    assert cameo_class("162") == "4"  # the grouping stays the headline figure

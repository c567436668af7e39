"""The demo's printed summary, on hand-made records."""
from newsevents.summary import summarize


def _rec(cameo, ptype, src, tgt, conf):
    actor = lambda name, code: {"name": name, "text": name, "code": code} if name else None  # noqa: E731
    return {"cameo": cameo, "plover": {"type": ptype} if ptype else None, "source": actor(*src),
            "target": actor(*tgt), "confidence": conf, "sentence": "s", "date": None, "location": None}


def test_counts_pairs_and_examples():
    recs = [
        _rec("040", "CONSULT", ("Russia", "RUS"), ("Hamas", "PSEREB"), 0.7),
        _rec("040", "CONSULT", ("Russia", "RUS"), ("Hamas", "PSEREB"), 0.6),
        _rec("190", "ASSAULT", ("Near Aleppo", None), (None, None), 0.9),
        _rec("010", None, ("Russia", "RUS"), (None, None), 0.5),
    ]
    s = summarize(recs)
    assert s["events"] == 4
    assert dict(s["by_type"])["CONSULT"] == 2
    assert "CAMEO 01 (no PLOVER type)" in dict(s["by_type"])
    assert s["pairs"][0] == (("Russia", "Hamas"), 2)
    assert [r["confidence"] for r in s["examples"]] == [0.7, 0.6]  # uncoded actors are no examples

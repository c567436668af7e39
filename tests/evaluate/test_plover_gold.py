"""PLOVER gold: the markup parser, record reading and the scorer, on hand-made records."""
from __future__ import annotations

import json

import pytest
from eval_helpers import event

from newsevents.evaluate.plover import (
    align_spans,
    country_key,
    normalize_type,
    parse_markup,
    read_plover,
    record_to_item,
    score,
)


def test_markup_simple_tags_and_compound_role():
    plain, spans = parse_markup("Senior (SRC/TAR: Hungarian) and (SRC/TAR: Romanian) officials (EVT: agreed) today.")
    assert plain == "Senior Hungarian and Romanian officials agreed today."
    assert [(s.tag, s.text) for s in spans] == [("SRC/TAR", "Hungarian"), ("SRC/TAR", "Romanian"), ("EVT", "agreed")]
    for s in spans:
        assert plain[s.start:s.end] == s.text
    assert spans[0].has("SRC") and spans[0].has("TAR") and not spans[2].has("SRC")


def test_markup_keeps_plain_parentheses():
    plain, spans = parse_markup("The (SRC: Asia-Pacific Economic Cooperation) (APEC) forum (EVT: agreed).")
    assert plain == "The Asia-Pacific Economic Cooperation (APEC) forum agreed."
    assert spans[0].text == "Asia-Pacific Economic Cooperation"


def test_markup_nested_brace_closed_and_unclosed_tags():
    plain, spans = parse_markup("The (SRC: UN) (EVT: has sent} troops (LOC:to (TAR: Bosnia)) and (EVT: stayed")
    assert plain == "The UN has sent troops to Bosnia and stayed"
    got = {(s.tag, s.text) for s in spans}
    assert got == {("SRC", "UN"), ("EVT", "has sent"), ("LOC", "to Bosnia"), ("TAR", "Bosnia"), ("EVT", "stayed")}
    for s in spans:
        assert plain[s.start:s.end] == s.text


def test_align_spans_when_markup_text_differs():
    plain, spans = parse_markup("(SRC: Isreal) will (EVT: evacuate) (TAR: Gaza) settlements.")
    text = "Under the plan, Israel will evacuate Gaza settlements."
    moved = align_spans(plain, text, spans)
    assert [(s.tag, text[s.start:s.end]) for s in moved] == [("EVT", "evacuate"), ("TAR", "Gaza")]  # typo span lost


def test_type_and_country_normalisation():
    assert normalize_type("DEMAND") == "REQUEST"
    assert normalize_type("disapprove") == normalize_type("INVESTIGATE") == "ACCUSE"
    assert normalize_type("FIGHT") == "ASSAULT" and normalize_type("AGREE") == "AGREE"
    assert country_key("USAGOV") == "USA" and country_key("JAP") == "JPN" and country_key("IGOUNO") == "IGO"


RECORDS = [
    {"id": "DOC", "event": "DOCUMENT", "eventText": "documentation"},
    {"id": "R1", "date": "2000-01-01", "event": "FIGHT", "text": "Israeli troops attacked Hamas.",
     "source": [{"actorText": "Israeli troops", "code": "ISRMIL"}], "target": [{"actorText": "Hamas", "code": "PSEREB"}],
     "context": "military, Terrorism", "textInfo": {"markup": "(SRC: Israeli troops) (EVT: attacked) (TAR: Hamas)."}},
    {"id": "R2", "date": "2000-01-01", "event": "DEMAND", "text": "Russia asked Japan for talks.",
     "source": [{"actorText": "Russia", "code": "RUS"}], "target": "", "context": "",
     "textInfo": "(SRC: Russia) (EVT: asked) Japan for talks."},
]


def test_read_plover_skips_document_and_tolerates_odd_fields(tmp_path):
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(RECORDS), encoding="utf-8")
    items = read_plover(path)
    assert [i.id for i in items] == ["R1", "R2"]
    r1, r2 = items
    assert r1.type == "ASSAULT" and r1.raw_type == "FIGHT" and r1.date == "2000-01-01"
    assert [a.country for a in r1.sources] == ["ISR"] and [a.country for a in r1.targets] == ["PSE"]
    assert r1.context == ["military", "terrorism"]
    assert [s.text for s in r1.spans_of("TAR")] == ["Hamas"]
    assert r2.type == "REQUEST" and r2.targets == [] and r2.context == []
    assert [s.text for s in r2.spans_of("SRC")] == ["Russia"]  # textInfo given as the markup string


def test_score_type_source_target_and_coverage():
    r1, r2 = (record_to_item(r) for r in RECORDS[1:])
    s1 = r1.text
    e_right = event(s1, "190", ("Israeli troops", "ISRMIL"), ("Hamas", "PSEREB"), 0.8, "attacked")
    e_untyped = event(s1, "010", ("Israeli troops", "ISRMIL"), None, 0.9, "attacked")  # no PLOVER type: ignored
    res = score([r1, r2], [[e_untyped, e_right], []])
    f = res.figures
    assert f["type_accuracy"] == pytest.approx(0.5)
    assert f["coverage"] == pytest.approx(0.5)
    assert f["source_country_accuracy"] == pytest.approx(0.5)  # R2 has a source and no event
    assert f["target_country_accuracy"] == pytest.approx(1.0)  # only R1 has a target
    assert f["source_span_overlap"] == pytest.approx(0.5)
    assert f["context_match"] == pytest.approx(1.0)  # 190 → military
    assert f["f1.ASSAULT"] == pytest.approx(1.0) and f["f1.REQUEST"] == 0.0
    assert [e.item_id for e in res.errors] == ["R2"]
    assert res.errors[0].pattern.startswith("no event")


def test_score_wrong_type_and_wrong_country():
    r1 = record_to_item(RECORDS[1])
    ev = event(r1.text, "112", ("Hamas", "PSEREB"), ("Israeli troops", "ISRMIL"), 0.7, "attacked")  # ACCUSE, swapped
    res = score([r1], [[ev]])
    assert res.figures["type_accuracy"] == 0.0
    assert res.figures["source_country_accuracy"] == 0.0
    assert res.errors[0].pattern == "type ASSAULT coded as ACCUSE"
    assert res.confusion.counts[("ASSAULT", "ACCUSE")] == 1

"""PETRARCH unit-test records: the XML reader (options, skips, no-event records) and comparison."""
from __future__ import annotations

from eval_helpers import event

from newsevents.evaluate.petrarch import compare, diagnose, parse_records, produced_codings, score

XML = """<Validation><Environment><Verbfile>v.txt</Verbfile></Environment>
<Sentences>
<!-- a comment <Stop> -->
<Sentence date="19950101" id="A-1" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>
Arnor is about to restore full diplomatic
ties with Gondor.
</Text>
<Parse>(ROOT (S (NP (NNP Arnor)) (VP (VBZ is) (ADJP (JJ about) (S (VP (TO to) (VP (VB restore)
(NP (JJ full) (JJ diplomatic) (NNS ties)) (PP (IN with) (NP (NNP Gondor)))))))) (. .)))</Parse>
</Sentence>
<Config option="require_dyad" value="false"></Config>
<Sentence date = "19950102" id ="A-2" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="---" eventcode="023"></EventCoding>
<Text>Arnor appealed.</Text>
</Sentence>
<Config option="require_dyad" value="TRUE"></Config>
<Sentence date="19950101" id="A-3" category="PARSING" sentence="true">
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing happened.</Text>
</Sentence>
<Sentence date="19950101" id="A-4" category="AGENTS" sentence="false">
<EventCoding sourcecode="ARNELI" targetcode="GONELI" eventcode="064"></EventCoding>
<Text>Not implemented.</Text>
</Sentence>
<Sentence date="19950101" id="A-5" category="ERROR" sentence="true">
<EventCoding error="bad_input_parse"></EventCoding>
<Text>Broken parse.</Text>
</Sentence>
<Sentence date="19950101" id="A-6" category="ERROR" sentence="true">
<EventCoding error="storydiscard"></EventCoding>
<Text>A typhoon.</Text>
</Sentence>
<Sentence date="19950101" id="A-7" category="ACTOR" sentence="true">
<EventCoding sourcecode='"INJURY TOLL"' targetcode="OSG" eventcode="223"></EventCoding>
<Text>The injury toll rose.</Text>
</Sentence>
</Sentences></Validation>"""


def test_parse_records_options_skips_and_expectations():
    recs = {r.id: r for r in parse_records(XML)}
    a1 = recs["A-1"]
    assert a1.text == "Arnor is about to restore full diplomatic ties with Gondor."
    assert a1.date == "1995-01-01" and a1.expected == [("ARN", "GON", "064")] and a1.require_dyad
    assert recs["A-2"].require_dyad is False and recs["A-2"].date == "1995-01-02"
    assert recs["A-3"].require_dyad is True and recs["A-3"].expected == [] and not recs["A-3"].skip
    assert "sentence" in recs["A-4"].skip
    assert "bad_input_parse" in recs["A-5"].skip
    assert recs["A-6"].expected == [] and not recs["A-6"].skip and recs["A-6"].expect_note == "error=storydiscard"
    assert "new_actor_length" in recs["A-7"].skip


def test_produced_codings_require_dyad_dedupe_and_compound_codes():
    s = "Arnor met Gondor."
    evs = [event(s, "041", ("Arnor", "ARN"), ("Gondor", "GON")), event(s, "041", ("Arnor", "ARN"), ("Gondor", "GON")),
           event(s, "023", ("Arnor", "ARN"), None)]
    assert produced_codings(evs, True) == [("ARN", "GON", "041")]
    assert produced_codings(evs, False) == [("ARN", "GON", "041"), ("ARN", "---", "023")]
    shire = event("Shire met Gondor.", "041", ("Shire", "FRO/BIL"), ("Gondor", "GON"))
    assert produced_codings([shire], True) == [("FRO", "GON", "041"), ("BIL", "GON", "041")]


def test_compare_and_diagnose():
    exp = [("ARN", "GON", "064")]
    assert compare(exp, [("ARN", "GON", "064")]) == (True, 1, 1, 1)
    assert compare(exp, [("ARN", "GON", "064"), ("ARN", "GON", "010")]) == (False, 1, 1, 2)
    assert compare([], []) == (True, 0, 0, 0)
    assert diagnose(exp, [("ARN", "GON", "061")], 1) == "right actors, wrong CAMEO code (same root)"
    assert diagnose(exp, [("GON", "ARN", "064")], 1) == "source and target swapped"
    assert diagnose(exp, [], 1).startswith("events produced but dropped")
    assert diagnose([], [("ARN", "GON", "064")], 1) == "event produced where none is expected"


def test_score_counts_exact_records_and_no_event_records():
    recs = parse_records(XML)
    by_id = {r.id: r for r in recs}
    s1 = by_id["A-1"].text
    events = {"A-1": [event(s1, "064", ("Arnor", "ARN"), ("Gondor", "GON"), trigger="restore")],
              "A-2": [event("Arnor appealed.", "023", ("Arnor", "ARN"), None)],
              "A-3": [], "A-6": [event("A typhoon.", "010", ("A typhoon", "XYZ"), ("A typhoon", "XYZ"))]}
    res = score(recs, [events.get(r.id, []) for r in recs])
    assert res.n_items == 4  # skipped
    assert res.figures["exact_records"] == 0.75
    assert res.figures["no_event_records_right"] == 0.5
    assert res.figures["coding_recall"] == 1.0 and res.figures["coding_precision"] == 2 / 3
    assert [e.item_id for e in res.errors] == ["A-6"]
    assert "3 skipped" in res.notes[0]


def test_a_record_is_read_as_its_parse_tree_has_it():
    """PETRARCH codes the parse tree: a name the text joins with "_" is two words there."""
    xml = """<Validation><Sentences><Sentence date="19990809" id="C-20" category="COMPOUND">
<EventCoding sourcecode="ITH" targetcode="DOL" eventcode="160"></EventCoding>
<Text>Ithilen warned of the Prince of Dol_Amroth.</Text>
<Parse>(ROOT (S (NP (NNP Ithilen)) (VP (VBD warned) (PP (IN of) (NP (NP (DT the) (NNP Prince))
(PP (IN of) (NP (NNP Dol) (NNP Amroth))))))))</Parse>
</Sentence></Sentences></Validation>"""
    assert parse_records(xml)[0].text == "Ithilen warned of the Prince of Dol Amroth."
    # (a tree that keeps the underscore keeps it in the text too)
    assert parse_records(xml.replace("(NNP Dol) (NNP Amroth)", "(NNP Dol_Amroth)"))[0].text.endswith("Dol_Amroth.")


def test_a_record_whose_parse_has_other_words_is_read_as_the_parse():
    xml = """<Validation><Sentences><Sentence date="19950106" id="AGENT-12" category="AGENT">
<EventCoding sourcecode="CALLEG" targetcode="OSGMIL" eventcode="122"></EventCoding>
<Text>The Calenardhon government condemned an attack by Osgiliath soldiers</Text>
<Parse>(ROOT (S (NP (DT The) (JJ Calenardhon) (NN Congresses)) (VP (VBD condemned) (NP (DT an) (NN attack))
(PP (IN by) (NP (NNP Osgiliath) (NNS soldiers) (-LRB- -LRB-) (NNP OSG) (-RRB- -RRB-)))) (. .)))</Parse>
</Sentence><Sentence date="19950106" id="P-12" category="PATTERN">
<EventCoding sourcecode="HOB" targetcode="MOR" eventcode="024"></EventCoding>
<Text>Gollum allowed that Mordor isn't nice.</Text>
<Parse>(ROOT (S (NP (NNP Gollum)) (VP (VBD allowed) (SBAR (IN that) (S (NP (NNP Mordor))
(VP (VBZ is) (RB n't) (ADJP (JJ nice)))))) (. .)))</Parse>
</Sentence></Sentences></Validation>"""
    recs = parse_records(xml)
    assert recs[0].text == "The Calenardhon Congresses condemned an attack by Osgiliath soldiers (OSG)."
    assert recs[1].text == "Gollum allowed that Mordor isn't nice."  # the same words: the text as written

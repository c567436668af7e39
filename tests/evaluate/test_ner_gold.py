"""CoNLL actor spans: the reader, the sentence rebuild and token-level scoring."""
from __future__ import annotations

import pytest
from eval_helpers import event

from newsevents.evaluate.ner import parse_conll, predicted_roles, rebuild, score

CONLL = """Iraqi\tB-S
troops\tI-S
attacked\tO
ISIS\tB-T
.\tO

Leaders B-R
met O
"""


def test_parse_conll_tabs_spaces_and_blank_lines():
    sents = parse_conll(CONLL.splitlines(), "x")
    assert len(sents) == 2
    assert sents[0].tokens == ["Iraqi", "troops", "attacked", "ISIS", "."]
    assert sents[0].tags == ["B-S", "I-S", "O", "B-T", "O"]
    assert sents[0].roles() == {"source": {0, 1}, "target": {3}, "actor": {0, 1, 3}}
    assert sents[1].roles() == {"source": {0}, "target": {0}, "actor": {0}}  # R = both


def test_parse_conll_rejects_a_line_without_tag():
    with pytest.raises(ValueError, match="x:2"):
        parse_conll(["a O", "lonely", ""], "x")


@pytest.mark.parametrize("tokens, text", [
    (["Iraqi", "troops", "attacked", "ISIS", "."], "Iraqi troops attacked ISIS."),
    (["Japan", "’", "s", "government", "(", "MOFA", ")", "said", "U", ".", "S", ".", "-", "backed", "forces", "left", ","],
     "Japan’s government (MOFA) said U.S.-backed forces left,"),
    (["Russia", "'s", "envoy", "paid", "$", "5", "million"], "Russia's envoy paid $5 million"),
    (["deported", "2", ",", "374", "of", "them", "for", "$", "1", ".", "5", "billion", "in", "2015", ",", "30", "said"],
     "deported 2,374 of them for $1.5 billion in 2015, 30 said"),
])
def test_rebuild_glues_the_tokens_back_into_text_and_keeps_their_offsets(tokens, text):
    built, offsets = rebuild(tokens)
    assert built == text
    assert [built[s:e] for s, e in offsets] == tokens


def test_predicted_roles_from_event_spans():
    text, offsets = rebuild(["Iraqi", "troops", "attacked", "ISIS", "."])
    ev = event(text, "190", ("Iraqi troops", "IRQMIL"), ("ISIS", "IMG"), trigger="attacked")
    assert predicted_roles(text, offsets, [ev]) == {"source": {0, 1}, "target": {3}, "actor": {0, 1, 3}}


def test_a_compound_actor_of_one_action_is_one_span_with_its_joining_words():
    text, offsets = rebuild(["The", "US", "and", "China", "signed", "a", "deal", "and", "Iran", "left", "."])
    one = [event(text, "057", (a, "X"), None, trigger="signed") for a in ("The US", "China")]
    assert predicted_roles(text, offsets, one)["source"] == {0, 1, 2, 3}
    # (not across actions, nor over other words)
    two = [event(text, "057", ("China", "X"), None, trigger="signed"), event(text, "040", ("Iran", "X"), None, trigger="left")]
    assert predicted_roles(text, offsets, two)["source"] == {3, 8}


def test_score_all_events_and_most_confident():
    sents = parse_conll(CONLL.splitlines(), "x")
    text, _ = rebuild(sents[0].tokens)
    good = event(text, "190", ("Iraqi troops", "IRQMIL"), ("ISIS", "IMG"), 0.6, "attacked")
    half = event(text, "190", ("troops", "IRQMIL"), None, 0.9, "ISIS")  # another action (its own trigger)
    res = score(sents, [[good, half], []])
    f = res.figures
    assert f["all.source.precision"] == 1.0 and f["all.source.recall"] == pytest.approx(2 / 3)  # R token missed
    assert f["top.source.recall"] == pytest.approx(1 / 3)  # only "troops" from the most confident
    assert f["top.target.recall"] == 0.0
    assert f["coverage"] == pytest.approx(0.5)
    assert [e.pattern for e in res.errors] == ["no event"]


def test_most_confident_action_keeps_all_its_records():
    """A compound or mutual action is several records with one trigger: all count as the top action."""
    sents = parse_conll(CONLL.splitlines(), "x")
    text, _ = rebuild(sents[0].tokens)
    one = event(text, "190", ("Iraqi", "IRQ"), ("ISIS", "IMG"), 0.9, "attacked")
    two = event(text, "190", ("troops", "IRQMIL"), ("ISIS", "IMG"), 0.9, "attacked")
    other = event(text, "190", ("ISIS", "IMG"), None, 0.5, "ISIS")
    f = score(sents[:1], [[one, two, other]]).figures
    assert f["top.source.recall"] == 1.0 and f["top.source.precision"] == 1.0
    assert f["top.target.recall"] == 1.0

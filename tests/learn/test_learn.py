"""The event classifier (``newsevents.learn``): numpy inference = scikit-learn, the packaged
model, and the policy the coder applies."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from newsevents.learn import policy
from newsevents.learn.classifier import EventClassifier, Prediction
from newsevents.learn.features import char_wb_ngrams, word_ngrams
from newsevents.learn.weights import MISSING, weights_path
from newsevents.models import Actor, Event

# The weights do not ship with the package (NOTICE.md, section 7): `make train` builds them.
needs_weights = pytest.mark.skipif(weights_path() is None, reason=f"no learned weights: {MISSING}")

SENTENCES = [
    ("Iraqi troops launched an assault on the last ISIS bastion on Thursday.", 4, "190"),
    ("Rebels killed three soldiers in an ambush near the border.", 4, "190"),
    ("Police fired tear gas at protesters who rallied outside parliament.", 4, "140"),
    ("The minister said the talks were constructive.", 0, "010"),
    ("The president urged both sides to show restraint.", 0, "020"),
    ("The spokesman said the government would comment later.", 0, "010"),
    ("France and Germany agreed to cooperate on energy.", 1, "030"),
    ("The two leaders met in Paris to discuss trade.", 1, "040"),
    ("Japan sent humanitarian aid to the flood victims.", 2, "070"),
    ("The army released the prisoners it had held since May.", 2, "084"),
    ("The opposition accused the government of corruption.", 3, "110"),
    ("Moscow rejected the proposal for a ceasefire.", 3, "120"),
    ("The militia threatened to attack the capital.", 3, "130"),
    ("Ministers demanded the immediate release of the hostages.", 3, "100"),
]


def _event(cameo: str, conf: float, sentence: str = "x", source: Actor | None = None) -> dict:
    from newsevents.ontology.plover import to_plover

    return Event(article_id="a", sentence_index=0, sentence=sentence, cameo=cameo,
                 trigger={"text": "said", "start": 0, "end": 4}, source=source,
                 plover=to_plover(cameo), confidence=conf, rule="SAY [010]")


def _items():
    from newsevents.training.data import Item

    items = []
    for i, (s, penta, fine) in enumerate(SENTENCES):
        evs = [_event(fine if i % 3 else "010", 0.6, s).to_dict()] if i % 4 else []
        items.append(Item(f"t{i}", "plover" if i % 2 else "pentaclass", s, penta, fine if i % 2 else None, events=evs))
    return items


def test_analyzers_match_sklearn():
    text_mod = pytest.importorskip("sklearn.feature_extraction.text")
    s = "  Iraqi troops’ assault, on 3  ISIS-held towns!\tA b "
    w = text_mod.TfidfVectorizer(analyzer="word", ngram_range=(1, 2)).build_analyzer()
    c = text_mod.TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5)).build_analyzer()
    assert word_ngrams(s, (1, 2)) == w(s)
    assert char_wb_ngrams(s, (2, 5)) == c(s)


def test_numpy_inference_equals_sklearn(tmp_path: Path):
    pytest.importorskip("sklearn")
    from newsevents.training import train as T

    items = _items()
    cfg = T.Config(min_df=1)
    fitted = T.fit(items, cfg)
    out = tmp_path / "m.npz"
    T.export(fitted, out)
    clf = EventClassifier.load(out)
    texts = [it.text for it in items] + ["Protesters clashed with police in the capital."]
    events = [it.events for it in items] + [[]]
    X = T.transform(fitted.vecs, texts, events, cfg)
    # the same feature rows
    dense = np.zeros(X.shape)
    for i, (idx, val) in enumerate(clf.rows(texts, events)):
        dense[i, idx] = val
    np.testing.assert_allclose(dense, X.toarray(), atol=1e-12)
    # the same probabilities (coefficients are stored as float32) and the same predictions
    pp, fp = clf.predict_proba(texts, events)
    np.testing.assert_allclose(pp, fitted.penta.predict_proba(X), atol=1e-5)
    np.testing.assert_allclose(fp, fitted.fine.predict_proba(X), atol=1e-5)
    assert [p.pentaclass for p in clf.predict(texts, events)] == fitted.penta.predict(X).tolist()
    from newsevents.training.train import Fitted  # noqa: F401  (the sklearn-side assembly agrees too)
    skl = T.predict(fitted, [type(items[0])("x", "pentaclass", t, None, None, events=e) for t, e in zip(texts, events)])
    assert [(p.pentaclass, p.code) for p in skl] == [(p.pentaclass, p.code) for p in clf.predict(texts, events)]


@needs_weights
def test_packaged_model_loads_and_predicts():
    EventClassifier.default.cache_clear()
    clf = EventClassifier.default()
    assert EventClassifier.default() is clf
    preds = clf.predict(["Rebels killed three soldiers in an ambush near the border.",
                         "France and Germany agreed to cooperate on energy."],
                        [[_event("190", 0.8).to_dict()], [_event("030", 0.7).to_dict()]])
    assert [p.pentaclass for p in preds] == [4, 1]
    assert preds[0].root in ("18", "19", "20") and preds[0].plover == "ASSAULT"
    assert preds[1].root == "03" and preds[1].plover == "AGREE"
    assert all(0.2 <= p.proba <= 1.0 for p in preds)
    with pytest.raises(ValueError):
        clf.predict(["a", "b"], [[]])


def _pred(code: str, penta: int, proba: float, root_proba: float = 0.9) -> Prediction:
    from newsevents.ontology.plover import to_plover

    return Prediction(root=code[:2], pentaclass=penta, plover=(to_plover(code) or {}).get("type"),
                      proba=proba, code=code, root_proba=root_proba)


def test_policy_relabels_most_confident_event_only_when_confident():
    evs = [_event("010", 0.6), _event("043", 0.4)]
    out = policy.apply(evs, "x", _pred("190", 4, 0.95), relabel_threshold=0.8)
    assert [e.cameo for e in out] == ["190", "043"]
    assert out[0].plover["type"] == "ASSAULT" and out[0].rule.startswith("model:root=19 p=0.95")
    assert evs[0].cameo == "010"  # the input is not changed
    assert [e.cameo for e in policy.apply(evs, "x", _pred("190", 4, 0.7), relabel_threshold=0.8)] == ["010", "043"]
    # same PentaClass: left alone unless root relabelling is on
    assert policy.apply(evs, "x", _pred("020", 0, 0.99), relabel_threshold=0.5, root_threshold=None)[0].cameo == "010"
    assert policy.apply(evs, "x", _pred("020", 0, 0.99), relabel_threshold=0.5, root_threshold=0.8)[0].cameo == "020"
    # the RETREAT class relabels to 084
    assert policy.apply(evs, "x", _pred("084", 2, 0.9), relabel_threshold=0.8)[0].plover["type"] == "RETREAT"


def test_policy_keeps_a_sanction_the_classifier_puts_in_the_golds_class_3():
    """The PentaClass gold labels sanctions (CAMEO 16) class 3: the classifier agrees, so an
    expulsion is not relabelled an accusation."""
    evs = [_event("161", 0.6)]
    assert policy.apply(evs, "x", _pred("110", 3, 0.97), relabel_threshold=0.7)[0].cameo == "161"
    assert policy.apply(evs, "x", _pred("040", 1, 0.97), relabel_threshold=0.7)[0].cameo == "040"


def test_policy_fills_in_an_event_when_the_coder_has_none():
    src = Actor(text="Rebels", start=0, end=6, code="REB")
    assert policy.apply([], "Rebels attacked.", _pred("190", 4, 0.9), fill_threshold=None) == []
    out = policy.apply([], "Rebels attacked.", _pred("190", 4, 0.9), fill_threshold=0.5, actors=[src],
                       article_id="a1", sentence_index=2)
    assert len(out) == 1
    ev = out[0]
    assert (ev.cameo, ev.source, ev.target, ev.article_id, ev.sentence_index) == ("190", src, None, "a1", 2)
    assert ev.confidence == pytest.approx(0.63) and ev.rule.startswith("model:root=19")
    assert ev.to_dict()["plover"]["type"] == "ASSAULT"
    assert policy.apply([], "x", _pred("190", 4, 0.4), fill_threshold=0.5) == []


def test_event_from_dict_round_trips():
    ev = _event("190", 0.8, source=Actor(text="Rebels", start=0, end=6, code="REB", members=["X"]))
    assert policy.event_from_dict(ev.to_dict()).to_dict() == ev.to_dict()


def _reference_tfidf(grams: list[str], index: dict[str, int], idf: list[float]) -> dict[int, float]:
    """The plain computation the vectorizer's per-word columns must reproduce bit for bit."""
    import math
    from collections import Counter

    counts = Counter(g for g in grams if g in index)
    row = {index[g]: (1.0 + math.log(c)) * idf[index[g]] for g, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in row.values()))
    return {k: v / norm for k, v in row.items()} if norm > 0 else row


@needs_weights
def test_rows_equal_the_plain_computation_exactly():
    clf = EventClassifier.default()
    v = clf.vectorizer
    texts = [s for s, _, _ in SENTENCES] + ["  Iraqi troops’ assault, on 3  ISIS-held towns!\tA b ",
                                            "ΟΔΟΣ Σ talks talks talks", ""]
    for text in texts * 2:  # the second time from the per-word memory
        idx, val = v.row(text, None)
        ww, wc, _ = v.weights
        expected = [(v.offsets[0] + k, ww * x) for k, x in
                    _reference_tfidf(word_ngrams(text, v.word_ngrams), v.word_index, v.word_idf).items()]
        expected += [(v.offsets[1] + k, wc * x) for k, x in
                     _reference_tfidf(char_wb_ngrams(text, v.char_ngrams), v.char_index, v.char_idf).items()]
        assert list(zip(idx, val)) == expected

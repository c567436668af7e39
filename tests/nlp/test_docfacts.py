"""``nlp.docfacts`` gives exactly what spaCy computes on each call."""
from __future__ import annotations

from newsevents.nlp.docfacts import facts

TEXT = ("Russia condemned the missile attack on Kyiv on Monday. The United Nations met in Geneva\n"
        "on 5 March 2021 with officials from Iraq and Syria. Nothing happened.  Then Joe Biden "
        "visited Paris, France.")


def test_same_as_spacy(nlp):
    doc = nlp(TEXT)
    f = facts(doc)
    assert f.text == doc.text
    spans = [*doc.sents, doc[:], doc[3:9], doc[0:0], doc[len(doc) - 2:]]
    for span in spans:
        assert [(e.start, e.end, e.label_) for e in f.sentence_ents(span)] == \
               [(e.start, e.end, e.label_) for e in span.ents]
        assert f.span_text(span) == span.text
    for tok in doc:
        assert (f.sentence_of(tok).start, f.sentence_of(tok).end) == (tok.sent.start, tok.sent.end)


def test_kept_for_the_last_document_only(nlp):
    a, b = nlp("Russia attacked Ukraine."), nlp("France met Germany.")
    assert facts(a) is facts(a)
    fb = facts(b)
    assert fb.doc is b and facts(a).doc is a

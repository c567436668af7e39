"""Helpers for the stage tests: a sentence parsed by the real model, and its stage context."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def parse(coder):
    """parse(text) -> (ctx, sent): the first sentence of ``text`` with the context the coder
    gives its stages (its noun phrases mentioned in order, as ``EventCoder`` does)."""
    from newsevents.coding.stages.record import Context, Resolution
    from newsevents.models import Article
    from newsevents.resolve.actors import ActorResolver

    events = coder.coder

    def _parse(text: str):
        article = Article(id="t", text=text, published="2021-02-05")
        sent = next(iter(coder.nlp(text).sents))
        resolver = ActorResolver(events.actors, article.published)
        for tok in sent:
            if tok.pos_ in ("PROPN", "NOUN", "PRON") and tok.dep_ not in ("compound", "amod", "poss", "nmod"):
                resolver.resolve(tok, 0)
        return Context(article, 0, sent, Resolution(resolver), events.verbs, events.gazetteer), sent

    return _parse


@pytest.fixture(scope="session")
def clause(parse):
    """clause(text, word) -> (clause, ctx): the candidate act of ``word``, framed as the coder frames
    the sentence's acts, with its sources found."""
    from newsevents.coding import clauses
    from newsevents.coding.stages import roles, triggers
    from newsevents.coding.stages.phrases import between_first
    from newsevents.coding.stages.record import Clause

    def _clause(text: str, word: str):
        ctx, sent = parse(text)
        cands = list(triggers.candidates(sent, ctx.verbs))
        triggers.apply_frames(cands, set().union(*(c.match.consumed for c in cands)))
        cand = next((c for c in cands if c.verb.text == word), None)
        assert cand is not None, f"{word!r} is no candidate act in {text!r}"
        tok = cand.verb
        subj, own = clauses.subject_of(tok)
        agent = cand.match.source or subj
        acted = cand.match.code if cand.frame in ("option", "threat") and cand.match.code else cand.code
        c = Clause(cand, agent=agent, own=own, acted=acted, parties=between_first(agent, tok))
        roles.find_sources(c, ctx)
        return c, ctx

    return _clause

"""Verbs read in the sense the sentence uses: rules of the "veto" and "recode" stages (issue #20,
twelfth judged sample).

- Rhetorical questions: "asked why the governor did not close the schools", "asked how the mayor
  could ignore the flooding" challenge someone (111), they request nothing (020).
- Praise of a body's independence: "commended the independence and integrity of the court" is
  praise (051); the symbolic act (017) is celebrating an independence (day, anniversary).
- Arrivals with no place that hosts them: "police arrived and arrested him", "she arrived at her
  rally" meet no one (no 040); "arrived in Cairo" still visits its host.
- Texts described by a participle the parse took for a past tense: "the resolutions adopted this
  session" tell no act of adopting (nor a signed agreement, 057).

Each rule is registered by name (``coding/stages/__init__.py`` orders them); the words they look
for are word classes in ``lang/en/words/``.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...lang import words
from .. import clauses
from ..verbs import VerbDictionary
from . import rule

if TYPE_CHECKING:
    from .triggers import Trigger

CHALLENGE_WORDS = words("challenge_question_words")
CELEBRATION_VERBS = words("celebration_verbs")
ADOPTED_TEXT_VERBS = words("adopted_text_verbs")
ARRIVAL_VERBS = words("arrival_verbs")
HOST_PREPS = ("in", "to", "into")  # ("arrived in Cairo": the place hosts the one who arrives)
SITTING_SPANS = words("sitting_span_nouns")
SPAN_DEICTICS = words("span_deictic_words")
QUESTION_MODALS = words("challenge_modal_words")
ASK = "ask"
APPEAL = "02"  # CAMEO: make an appeal or request
CRITICIZE = "111"  # CAMEO: criticize or denounce
SYMBOLIC_ACT = "017"  # CAMEO: engage in symbolic act
PRAISE = "051"  # CAMEO: praise or endorse
INDEPENDENCE = "independence"
OBJECTS = ("dobj", "conj", "appos")
SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")


# -- stage "veto" ---------------------------------------------------------------------------

@rule("veto", "text-adopted-description")
def text_adopted_description(tok: Any, verbs: VerbDictionary) -> bool | None:
    """"backed most of the resolutions adopted this session", "the bills passed last year include
    ...": a participle of adopting right after the text it describes, which the parse took for a
    past tense with no subject (or with a span of time for its object), tells no act (but "the
    council adopted a resolution" does)."""
    if tok.lemma_.lower() not in ADOPTED_TEXT_VERBS or tok.tag_ not in ("VBD", "VBN") or tok.i == 0:
        return None
    if any(_dated_span(c) for c in tok.children if c.dep_ == "dobj"):
        return True  # ("more than half of the resolutions adopted this session": the parse's object is a date)
    if tok.dep_ not in ("advcl", "acl", "relcl", "conj") or tok.head.i == tok.i:
        return None
    if any(c.dep_ in SUBJECTS or c.dep_ in ("aux", "auxpass") for c in tok.children):
        return None
    before = tok.doc[tok.i - 1]
    return (before.pos_ in ("NOUN", "PROPN") and before.tag_ in ("NNS", "NNPS", "NN")) or None


def _dated_span(noun: Any) -> bool:
    """"this session", "last year": a span of time made a date, no text adopted."""
    return noun.lemma_.lower() in SITTING_SPANS and any(
        c.dep_ in ("det", "amod") and c.lower_ in SPAN_DEICTICS for c in noun.children)


# -- stage "act" ----------------------------------------------------------------------------

@rule("act", "arrival-without-host")
def arrival_without_host(t: Trigger, verbs: VerbDictionary) -> Trigger | None:
    """"police arrived and arrested the man", "she arrived at her rally", "was arriving by plane":
    an arrival with no place that hosts it meets no one, no consultation (the dictionary's 040)
    (but "arrived in Cairo on Monday" visits its host, and "arrived for talks" codes by pattern)."""
    if t.m is None or t.m.score != 0 or t.tok.lemma_.lower() not in ARRIVAL_VERBS:
        return None
    if any(c.dep_ == "prep" and c.lower_ in HOST_PREPS for c in t.tok.children):
        return None
    t.dropped = True
    return t


# -- stage "recode" -------------------------------------------------------------------------

@rule("recode", "challenge-question")
def challenge_question(t: Trigger, verbs: VerbDictionary) -> str | None:
    """"repeatedly asked why Biden did not implement the policies", "asked how the mayor could
    ignore the flooding": a question that challenges someone for what he failed or dared to do is
    criticism (111), no request (020) (but "asked why the talks were delayed", "asked the
    minister to resign" request)."""
    verb = t.tok
    if not t.code.startswith(APPEAL) or verb.lemma_.lower() != ASK or clauses.is_negated(verb):
        return None
    if not any(_challenging(c) for c in verb.children if c.dep_ == "ccomp"):
        return None
    if t.m is not None:
        t.m.rule = f"{t.m.rule} challenging question [{CRITICIZE}]"
    return CRITICIZE


def _challenging(clause: Any) -> bool:
    """A why-clause that is negated ("why X did not act") or a how-clause with a modal of
    possibility ("how X could ignore it"), whose subject is someone."""
    word = next((c.lower_ for c in clause.children if c.dep_ == "advmod" and c.tag_ == "WRB"), None)
    if word not in CHALLENGE_WORDS or not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return False
    if word == "why":
        return clauses.is_negated(clause)
    return any(c.dep_ == "aux" and c.lower_ in QUESTION_MODALS for c in clause.children)


@rule("recode", "praised-independence")
def praised_independence(t: Trigger, verbs: VerbDictionary) -> str | None:
    """"commended the independence and professionalism of the staff", "praised the independence of
    the judiciary": praising a body's independence is praise (051); the dictionary's symbolic act
    (017) stays for celebrating an independence ("celebrated its independence", "congratulated
    them on 10 years of independence", "marked Independence Day")."""
    verb = t.tok
    if t.code != SYMBOLIC_ACT or verb.lemma_.lower() in CELEBRATION_VERBS:
        return None
    if not any(_object_independence(w, verb) for w in verb.subtree if w.lower_ == INDEPENDENCE):
        return None
    if t.m is not None:
        t.m.rule = f"{t.m.rule} praised quality [{PRAISE}]"
    return PRAISE


def _object_independence(noun: Any, verb: Any) -> bool:
    """"independence" as the verb's object (or a conjunct of it), no day's name."""
    if any(c.dep_ == "compound" for c in noun.children) or noun.head.lower_ == "day":
        return False
    tok = noun
    while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "dobj" and tok.head.i == verb.i

"""Word sense from context: which violent verbs tell a political event.

Three named rules, each a class of sentences the verb dictionary reads as violence:

- ``disaster``: "A tsunami killed 222 people", "floods hit parts of Japan": a violent event
  that no known actor did, in a sentence whose cause is a disaster or an accident
  (``lang/en/words/disaster_causes.txt``) and that names no violence
  (``violence_signs.txt``), is no political event.
- ``unattributed-harm``: "Four children have died after being poisoned", "a storage bunker
  exploded": a death or an explosion with no doer, in a sentence that names no violence, is
  no political event (but "three civilians were killed" says that someone killed them).
- ``measure``: "sanctions target ten officials" (no event: the sanctions are coded where they
  are imposed), "Labour MPs attacked the Chancellor's budget" (a criticism, 111): a measure,
  a policy or a statement (``measure_nouns.txt``) is no weapon and no battlefield.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..lang import words
from ..models import Event
from ..nlp.docfacts import facts
from ..ontology.plover import to_plover
from . import clauses

VIOLENT_ROOTS = ("18", "19", "20")
# harm told without a doer that says nothing of one ("died", "exploded"; but "were killed" says
# someone killed them)
HARM_VERBS = frozenset({"die", "perish", "burn", "explode", "collapse"})
CRITICISM = "111"  # CAMEO: criticize or denounce


CONTEXT = 40  # tokens either side of the sentence that count as its context (a split sentence, a lead)


def _lemmas(sent: Any) -> set[str]:
    """Noun and verb lemmas of the sentence and the words around it."""
    doc = sent.doc
    window = doc[max(0, sent.start - CONTEXT):min(len(doc), sent.end + CONTEXT)]
    return {t.lemma_.lower() for t in window if t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ")}


def _undone(ev: Event) -> bool:
    """Violence that no known actor did."""
    return ev.cameo[:2] in VIOLENT_ROOTS and not (ev.source and ev.source.code)


def _trigger(ev: Event, sent: Any) -> Any | None:
    start = sent.start_char + ev.trigger["start"]
    return next((t for t in facts(sent.doc).sentence_tokens(sent) if t.idx == start), None)


def _measure(tok: Any | None) -> bool:
    return tok is not None and tok.lemma_.lower() in words("measure_nouns")


def _aimed_with_measure(verb: Any) -> bool:
    """"sanctions target officials", "fresh sanctions ..., targeting 10 officials"."""
    subj, _ = clauses.subject_of(verb)
    return _measure(subj) or (verb.dep_ in ("acl", "advcl") and (_measure(verb.head)
                                                                 or _measure(clauses.object_of(verb.head))))


def accidental(events: list[Event], sent: Any) -> list[Event]:
    """``events`` after the three sense rules of this module."""
    if not any(ev.cameo[:2] in VIOLENT_ROOTS for ev in events):
        return events
    lemmas = _lemmas(sent)
    violent = bool(lemmas & words("violence_signs")) or any(
        ev.source is not None and ev.source.sector in ("MIL", "REB", "UAF", "INS", "COP", "SPY") for ev in events)
    out = []
    for ev in events:
        tok = _trigger(ev, sent) if ev.cameo[:2] in VIOLENT_ROOTS else None
        if _undone(ev) and not violent and (lemmas & words("disaster_causes")
                                            or (tok is not None and tok.lemma_.lower() in HARM_VERBS)):
            continue  # disaster / unattributed-harm
        if tok is not None and tok.pos_ == "VERB" and _aimed_with_measure(tok):
            continue  # measure: the sanctions are the event, coded where they are imposed
        if tok is not None and tok.pos_ == "VERB" and _measure(clauses.object_of(tok)) and not violent:
            ev = replace(ev, cameo=CRITICISM, plover=to_plover(CRITICISM, None), rule=f"{ev.rule} (measure: {CRITICISM})")
        out.append(ev)
    return out

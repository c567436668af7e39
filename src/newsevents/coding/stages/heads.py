"""The phrases that may name an act's target, best first (what the target rules try)."""
from __future__ import annotations

from typing import Any

from .. import clauses
from ..verbs import VerbMatch
from .phrases import is_vehicle, returned_to
from .vocab import (
    ADDRESSEE_ROOTS,
    ENABLING_VERBS,
    RETURN_PROPERTY,
    TARGET_PREPS,
    TRANSFER_ROOTS,
    TRAVELS,
)

Preps = list[tuple[str, Any]]


def target_heads(verb: Any, m: VerbMatch, code: str, obj: Any, preps: Preps) -> list[Any]:
    """The phrases that may name the target, best first: the pattern's target, whom a thing is
    returned to, the indirect object, the object (after the phrases of a receiver when a thing is
    given), the one summoned, the act's agent, the pattern's phrases, the verb's phrases, the
    infinitive's object and phrases; then the subjects of the clauses it addresses."""
    named = _given_thing(code, obj, m)
    # "summoned the envoy to complain about ...": the one summoned is the one complained to
    vehicle = clauses.object_of(verb.head) if (verb.dep_ in ("advcl", "xcomp") and is_vehicle(verb.head)) else None
    # "returned a pendant engraved with ... to Russian authorities": the one given it back
    returned = returned_to(verb) if code == RETURN_PROPERTY else None
    heads = [x for x in (m.target, returned, *_datives(verb, obj), *([] if named else [obj]), vehicle,
                         *_agentive(verb, obj, preps), *_pattern_preps(verb, m, preps), *_ordered_preps(verb, obj, preps),
                         *_inner_objects(verb, m), *_framed_objects(verb, m), *([obj] if named else []))
             if x is not None and x.ent_type_ not in ("DATE", "TIME")]  # (not "on Monday in Niger")
    return heads + _clause_subjects(verb, code, obj)


def _pattern_preps(verb: Any, m: VerbMatch, preps: Preps) -> list[Any]:
    """The phrases the pattern took in; "believed linked to Al-Qaeda": the phrase of the
    pattern's last word, when not the verb's own."""
    found = [pobj for p, pobj in preps if any(c.i in m.consumed for c in (pobj.head,))]
    if m.anchor is not None and m.anchor.i != verb.i and m.anchor.pos_ in ("VERB", "ADJ"):
        found += [x for c in m.anchor.children if c.dep_ == "prep" for x in c.children if x.dep_ == "pobj"]
    return found


def _ordered_preps(verb: Any, obj: Any, preps: Preps) -> list[Any]:
    """The verb's phrases by TARGET_PREPS, its own phrases first (a visitor's "from" is where
    they come from, not whom they visit: "soldiers visiting from Fort Sill")."""
    ordered = [p for prep in TARGET_PREPS for (name, p) in preps if name == prep
               and not (prep == "from" and verb.lemma_.lower() in TRAVELS and obj is None and p.head.head.i == verb.i)]
    ordered.sort(key=lambda p: 0 if p.head.head.i == verb.i else 1)
    return ordered


def _inner_objects(verb: Any, m: VerbMatch) -> list[Any]:
    """"plans to visit Syria": the infinitive's object when the pattern took in the infinitive."""
    return [object_of_xcomp for c in verb.children if c.dep_ == "xcomp" and c.i in m.consumed
            for object_of_xcomp in (clauses.object_of(c),) if object_of_xcomp is not None]


def _framed_objects(verb: Any, m: VerbMatch) -> list[Any]:
    """"promised to continue military aid to Mozambique": what the infinitive is done to."""
    return [x for c in verb.children if c.dep_ == "xcomp" and c.i not in m.consumed
            for x in (clauses.object_of(c), *(p for name, p in clauses.prepositional_objects(c)
                                              if name in TARGET_PREPS)) if x is not None]


def _agentive(verb: Any, obj: Any, preps: Preps) -> list[Any]:
    """"condemned the attack by Osgiliath soldiers", "welcomed the visit by Xi": the act's agent
    (also when parsed onto an active verb, right after its object: "denied charges by the Chamber")."""
    return [p for name, p in preps if name == "by" and obj is not None and (
        p.head.head.i == obj.i or (p.head.head.i == verb.i and p.head.i == obj.right_edge.i + 1
                                   and not clauses.is_passive(verb)))]


def _datives(verb: Any, obj: Any) -> list[Any]:
    """"gave Tanzania a grant": the indirect object is the recipient."""
    return [c for c in verb.children if c.dep_ in ("dative", "iobj") and c.pos_ != "ADP" and c is not obj]


def _given_thing(code: str, obj: Any, m: VerbMatch) -> bool:
    """In acts of giving, an object the pattern names or the giver owns is what is given, so the
    phrases that name who receives it come first: "sent troops to Bosnia", "offered its troops to Lebanon"."""
    return code[:2] in TRANSFER_ROOTS and obj is not None and (
        any(t.i in m.consumed for t in obj.subtree)
        or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in obj.children))


def _clause_subjects(verb: Any, code: str, obj: Any) -> list[Any]:
    """"demanded that the US cancel ...": the one addressed; "allowed the opposition leader to
    hold a rally", "helped Syria rebuild its army": the one let or helped; "supported two million
    girls going to school": the object the parse made a subject."""
    if code[:2] in ADDRESSEE_ROOTS or verb.lemma_.lower() in ENABLING_VERBS:
        return [s for c in verb.children if c.dep_ in ("ccomp", "xcomp")
                for s in (clauses.subject_of(c)[0],) if s is not None and s.i > verb.i]
    if obj is None:
        return [s for c in verb.children if c.dep_ == "ccomp" and c.tag_ in ("VB", "VBG")
                and not any(x.dep_ == "mark" for x in c.children)
                for s in (clauses.subject_of(c)[0],) if s is not None and s.left_edge.i == verb.i + 1]
    return []

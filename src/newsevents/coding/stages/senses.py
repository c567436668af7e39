"""Verb senses that are not the CAMEO act: rules of the "veto", "act" and "recode" stages for
verbs whose dictionary default is a political act but whose object or complement says they are
used in an ordinary sense ("was admitted to a hospital", "the group is linked to al-Qaeda",
"rescuers ended their work", "claimed she has the army's support").

Each rule is registered by name (``coding/stages/__init__.py`` orders them); the words they
look for are word classes in ``lang/en/words/``.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ...lang import words
from .. import clauses
from ..verbs import NO_EVENT, VerbDictionary
from . import rule
from .vocab import CLAIM_VERBS

if TYPE_CHECKING:
    from .triggers import Trigger

ADMISSION_PLACES = words("admission_place_nouns")
ACKNOWLEDGING_VERBS = words("acknowledging_verbs")
ASSOCIATION_VERBS = words("association_verbs")
OWN_WORK_NOUNS = words("own_work_nouns")
DEGREE_ADVERBS = words("degree_adverbs")
STATE_CLAIM_VERBS = words("state_claim_verbs")
OWN_PRONOUNS = ("i", "we", "he", "she", "they")
HYPOTHETICAL = ("would", "could", "might")
ADMIT_VERBS = ("admit", "readmit", "re-admit")
ACCUSE = "112"  # CAMEO: accuse (of crime, of involvement)
STATEMENT = "010"  # CAMEO: make statement
ACKNOWLEDGE = "015"  # CAMEO: acknowledge or claim responsibility
STRIKE_ROOT = "143"  # CAMEO: conduct strike or boycott
OWNERS = ("poss",)


def _pobj(prep: Any) -> Any | None:
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def _preps(tok: Any, word: str) -> list[Any]:
    return [c for c in tok.children if c.dep_ == "prep" and c.lower_ == word]


# -- stage "veto" ---------------------------------------------------------------------------

@rule("veto", "admitted-to-place")
def admitted_to_place(tok: Any, verbs: VerbDictionary) -> bool | None:
    """"was admitted to a hospital", "until being admitted to Yale", "admitted to the bar": an
    admission to a place of care, study or membership acknowledges nothing (but "admitted to
    taking the money", "admitted to the killings" acknowledge, 015)."""
    if tok.lemma_.lower() not in ADMIT_VERBS:
        return None
    said = any(c.dep_ in ("ccomp", "dobj") for c in tok.children)  # ("admitted to the judge that ...")
    for prep in _preps(tok, "to"):
        obj = _pobj(prep)
        if obj is None or obj.tag_ == "VBG":
            continue
        if obj.lemma_.lower() in ADMISSION_PLACES or (obj.pos_ == "PROPN" and not said):
            return True
    return None


@rule("veto", "association-description")
def association_description(tok: Any, verbs: VerbDictionary) -> bool | None:
    """"the group is linked to al-Qaeda", "officials connected to the trials", "firms tied to the
    military": a tie described, no act of anyone (but "the report linked the bombing to the militia"
    alleges one, rule "alleged-tie")."""
    if tok.lemma_.lower() not in ASSOCIATION_VERBS or tok.tag_ != "VBN":
        return None
    if any(c.dep_ == "agent" for c in tok.children):
        return None
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children) or tok.dep_ in ("acl", "amod")
    return passive or None


@rule("veto", "graded-participle")
def graded_participle(tok: Any, verbs: VerbDictionary) -> bool | None:
    """"tackling today's most pressing global challenges", "a more threatening posture": a
    participle graded by an adverb of degree just before it is an adjective, no act (the parse
    may take "most pressing challenges" for a verb and its object)."""
    if tok.tag_ not in ("VBG", "VBN") or tok.i == 0 or any(c.dep_ == "aux" for c in tok.children):
        return None  # (but "is more deeply engaging with ...": a verb with its auxiliary acts)
    prev = tok.doc[tok.i - 1]
    return (prev.lower_ in DEGREE_ADVERBS and prev.head.i == tok.i and prev.dep_ == "advmod") or None


REGARDING_VERBS = words("regarding_verbs")
SELF_DESCRIBING_VERBS = words("self_describing_verbs")
JUDGING_BODY_NOUNS = words("judging_body_nouns")
HEARING_OBJECT_NOUNS = words("hearing_object_nouns")
REFLEXIVE_ENDINGS = ("self", "selves")


def _complement(tok: Any) -> Any | None:
    """What the verb says its object or subject is: "considered the founding father" (oprd),
    "regarded as a reformer", "describes himself as a centrist" ("as" with its noun)."""
    for c in tok.children:
        if c.dep_ in ("oprd", "attr") and c.pos_ in ("NOUN", "PROPN", "ADJ"):
            return c
        if c.dep_ == "prep" and c.lower_ == "as":
            obj = _pobj(c)
            if obj is not None and obj.pos_ in ("NOUN", "PROPN", "ADJ"):
                return obj
    return None


@rule("veto", "regarded-as")
def regarded_as(tok: Any, verbs: VerbDictionary) -> bool | None:
    """"Mugabe was considered the founding father of Zimbabwe", "she is widely regarded as a
    reformer", "he was seen as the likely successor": how someone is held by nobody named is a
    description, no act (but "was considered by the committee", "was described as a terrorist by
    the ministry": a named judge acts; "the bill was considered": no role given)."""
    if tok.lemma_.lower() not in REGARDING_VERBS or tok.tag_ != "VBN":
        return None
    if not any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children) and tok.dep_ not in ("acl", "amod"):
        return None
    if any(c.dep_ == "agent" for c in tok.children):
        return None
    return _complement(tok) is not None or None


@rule("veto", "self-description")
def self_description(tok: Any, verbs: VerbDictionary) -> bool | None:
    """"he describes himself as a centrist Democrat", "the party calls itself a movement", "she
    styles herself an independent": what one says one is describes oneself, no statement of an
    event (but "described the attack as brutal": another thing described)."""
    if tok.lemma_.lower() not in SELF_DESCRIBING_VERBS:
        return None
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is None or obj.tag_ != "PRP" or not obj.lower_.endswith(REFLEXIVE_ENDINGS):
        return None
    return _complement(tok) is not None or _complement(obj) is not None or None


@rule("veto", "court-hearing")
def court_hearing(tok: Any, verbs: VerbDictionary) -> bool | None:
    """"the court heard arguments from the two sides", "the tribunal will hear the appeal", "judges
    heard testimony from the witnesses": a court hearing a case is its procedure, no consultation
    (040); the parties' appeal and the court's ruling are the events."""
    if tok.lemma_.lower() != "hear":
        return None
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if subj is None or obj is None or obj.lemma_.lower() not in HEARING_OBJECT_NOUNS:
        return None
    return subj.lemma_.lower() in JUDGING_BODY_NOUNS or None


# -- stage "act" ----------------------------------------------------------------------------

@rule("act", "alleged-tie")
def alleged_tie(t: Trigger, verbs: VerbDictionary) -> Trigger | None:
    """"the campaign connected the slogan to the senator", "investigators linked the bombing to the
    militia": tying something to someone alleges their part in it (112), no cooperation (060)."""
    tok, m = t.tok, t.m
    if m is None or tok.lemma_.lower() not in ASSOCIATION_VERBS or m.score > 0 or clauses.is_passive(tok):
        return None
    obj = clauses.object_of(tok)  # ("connected the slogan to the senator": the parse may hang "to" on the object)
    if obj is None or not (_preps(tok, "to") or _preps(obj, "to")):
        return None
    t.m = replace(m, code=ACCUSE, alt="", rule=f"{m.rule} + tie alleged [{ACCUSE}]")
    return t


@rule("act", "own-work-ended")
def own_work_ended(t: Trigger, verbs: VerbDictionary) -> Trigger | None:
    """"rescuers ended their work on Sunday", "the team completed its search": one's own task
    finished is no strike (143) (but "dock workers stopped work" strike)."""
    m = t.m
    if m is None or m.code != STRIKE_ROOT:
        return None
    obj = clauses.object_of(t.tok)
    if obj is None or obj.lemma_.lower() not in OWN_WORK_NOUNS or not any(c.dep_ in OWNERS for c in obj.children):
        return None
    t.dropped = True
    return t


RELATIVE_WORDS = ("who", "that", "which", "whom")


def shows_its_noun(verb: Any) -> bool:
    """"the courage he demonstrated during the war": a relative clause whose own subject is named
    and whose object is the noun it describes shows that noun (but "the protesters who
    demonstrated in the capital" protest)."""
    if verb.dep_ != "relcl" or any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.lower_ not in RELATIVE_WORDS and verb.head.pos_ == "NOUN"


# -- stage "recode" (helpers of "own-act") --------------------------------------------------

def _is_act(verb: Any, verbs: VerbDictionary) -> bool:
    m = verbs.match(verb)
    return m is not None and bool(m.code) and m.code != NO_EVENT


def claim_about_self(verb: Any, verbs: VerbDictionary) -> str | None:
    """"claimed to be in daily contact with the president": a claim about oneself that names no
    act of one's own is a statement (010), no allegation (11x); "claimed to have shot down a
    helicopter" claims responsibility (015). None when the verb claims no infinitive of its own."""
    if verb.lemma_.lower() not in CLAIM_VERBS or verb.lemma_.lower() in ACKNOWLEDGING_VERBS:
        return None
    for clause in verb.children:
        if clause.dep_ == "xcomp" and clause.pos_ in ("VERB", "AUX") \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            return ACKNOWLEDGE if _is_act(clause, verbs) else STATEMENT
    return None


def _deed(clause: Any, verbs: VerbDictionary) -> bool:
    """The claimed clause tells a deed of its subject's: an act of the dictionary, or a verb that is
    no state ("made the decision alone"), not a hypothetical ("would be okay")."""
    if _is_act(clause, verbs) or any(c.dep_ == "conj" and _is_act(c, verbs) for c in clause.children):
        return True
    if clause.lemma_.lower() in STATE_CLAIM_VERBS or any(c.lower_ in HYPOTHETICAL for c in clause.children):
        return False
    subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.lower_ in OWN_PRONOUNS


def own_claim_code(verb: Any, verbs: VerbDictionary) -> str:
    """The code of a claim about one's own doing: 015 when the claimed clause is a deed of one's own
    ("claimed that they had attacked the airport", "claimed she made the decision alone") or the verb
    acknowledges ("admitted he was wrong"), else 010 ("claimed they have public support", "claimed
    he would be okay", "claimed nobody lost their insurance")."""
    if verb.lemma_.lower() in ACKNOWLEDGING_VERBS:
        return ACKNOWLEDGE
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        if _deed(clause, verbs):
            return ACKNOWLEDGE
    return STATEMENT

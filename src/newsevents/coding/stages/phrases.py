"""Token-level tests the stages share: weapons, purposes, addressees, "each other", the
clauses a verb's act is charged with or done for."""
from __future__ import annotations

from typing import Any

from ...resolve.actors import collective_of, mention_tokens
from .. import clauses, framing, nominal
from ..verbs import VerbMatch
from .vocab import (
    _PURPOSE_NOUNS,
    AID,
    CLAIM_VERBS,
    DONORS,
    FORCE_NOUNS,
    MOODS,
    PURPOSE_VEHICLES,
    RETURN_VERBS,
    WEAPON_NOUNS,
)


def mood_match(tok: Any) -> VerbMatch | None:
    """A copula whose adjective says how its subject sees something ("is skeptical of", "is
    optimistic about"): CAMEO's pessimistic (012) or optimistic (013) comment, on what it is about."""
    if tok.lemma_ != "be":
        return None
    adj = next((c for c in tok.children if c.dep_ == "acomp" and c.lower_ in MOODS), None)
    if adj is None:
        return None
    code = MOODS[adj.lower_]
    return VerbMatch(code, "", f"BE {adj.text.upper()} [{code}]", 1, anchor=adj, consumed={adj.i})


def donor_match(tok: Any) -> VerbMatch | None:
    """A copula that names its subject a donor ("remains the largest donor of humanitarian
    assistance to Iraq"): aid given (070), to whom the donor's phrase says."""
    if tok.lemma_ not in ("be", "remain"):
        return None
    attr = next((c for c in tok.children if c.dep_ == "attr"), None)
    if attr is not None and attr.lower_ == "one":  # "is one of the largest bilateral donors"
        attr = next((x for c in attr.children if c.dep_ == "prep" and c.lower_ == "of"
                     for x in c.children if x.dep_ == "pobj"), attr)
    if attr is None or attr.lemma_.lower() not in DONORS:
        return None
    to = [x for t in attr.subtree if t.dep_ == "prep" and t.lower_ in ("to", "in", "for")
          for x in t.children if x.dep_ == "pobj"]
    return VerbMatch(AID, "", f"{tok.lemma_.upper()} {attr.lemma_.upper()} [{AID}]", 1, anchor=attr,
                     consumed={attr.i}, target=to[0] if to else None)


def about_of(word: Any) -> Any | None:
    """What a word of feeling is about: its about/of/over/at/on/in phrase, or the subject of its
    that-clause; also one the parse hung on the verb ("expressed optimism | at a deal")."""
    after_verb = [c for c in word.head.children if c.i > word.i] if word.dep_ in ("dobj", "acomp") else []
    for c in [*word.children, *after_verb]:
        if c.dep_ == "prep" and c.lower_ in ("about", "of", "over", "at", "on", "in", "regarding"):
            pobj = next((x for x in c.children if x.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None and pobj.pos_ == "VERB":  # "about bringing the standoff to an end"
                pobj = clauses.object_of(pobj)
            if pobj is not None and pobj.pos_ in ("NOUN", "PROPN", "PRON") and pobj.ent_type_ not in ("DATE", "TIME"):
                return pobj
        if c.dep_ == "ccomp" or (c.dep_ == "acl" and any(x.dep_ == "mark" and x.lower_ == "that" for x in c.children)):
            return clauses.subject_of(c)[0] or clauses.object_of(c)
    return None


def own_forces(obj: Any) -> bool:
    """Forces with no other side's name on them ("peacekeepers", "its troops", "300 troops",
    "the batch of 200 peacekeepers"), which a withdrawal, a deployment or a mobilisation moves."""
    obj = collective_of(obj) or obj
    return obj.lemma_.lower() in FORCE_NOUNS and not any(
        c.dep_ in ("amod", "compound", "nmod", "poss") and c.ent_type_ in ("NORP", "GPE", "ORG") for c in obj.children)


def returned_to(verb: Any) -> Any | None:
    """Whom a thing is given back to (the head of the "to" phrase), if ``verb`` returns a thing:
    "returned prehistoric fossils to the Chinese government", "a sarcophagus was returned to
    Egypt". Giving back a thing (not going back somewhere) is the return of property (0842),
    whatever the thing is."""
    if verb.lemma_.lower() not in RETURN_VERBS:
        return None
    obj = clauses.object_of(verb)
    if obj is None or obj.pos_ not in ("NOUN", "ADJ") or obj.ent_type_ in ("PERSON", "NORP", "GPE", "ORG"):
        return None  # (the tagger may take the thing for an adjective: "a silver pendant")
    # (the parse may hang "to ..." on the object's words: "a silver pendant | to Russian authorities";
    # but not inside a clause of its own, "skulls that date back to A.D. 640", unless it names
    # a country or a body: "skulls that date back to A.D. 640 to Peru")
    inner = {t.i for c in obj.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
    tos = [c for c in verb.children if c.dep_ == "prep"] + [
        t for t in obj.subtree if t.dep_ == "prep" and (t.i not in inner or any(
            x.ent_type_ in ("GPE", "ORG", "NORP") for x in t.subtree))]
    return next((x for p in tos if p.lower_ == "to" for x in p.children
                 if x.dep_ == "pobj" and x.ent_type_ not in ("DATE", "TIME")), None)


def verb_taken_for_noun(tok: Any) -> bool:
    """A verb the tagger took for a noun (or an interjection): "EU and UN hand over supplies to
    ...", "The United States thanks Kenya for ...", a root with a subject of its own; "US sanctions Iran over ...", a plural root noun
    between two names (the first its subject, the second its object)."""
    if tok.pos_ not in ("NOUN", "INTJ") or tok.dep_ != "ROOT":
        return False
    if any(c.dep_ == "nsubj" for c in tok.children):
        return True
    return tok.tag_ == "NNS" and clauses.headline_subject(tok) is not None and any(
        c.dep_ == "appos" and c.pos_ == "PROPN" and c.i == tok.i + 1 for c in tok.children)


def deep_heads(obj: Any) -> list[Any]:
    """Noun phrases inside the object's own clauses and phrases, in text order (not the object)."""
    own = {t.i for t in mention_tokens(obj)}
    return [t for t in obj.subtree if t.i not in own and t.pos_ in ("NOUN", "PROPN")
            and t.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass", "poss", "appos", "conj")]


def condition_subjects(verb: Any) -> list[Any]:
    """Subjects of the "if"/"unless" clauses within the clause of the verb and the verbs that
    frame it ("threatened to stop talks to reduce arms if the US goes ahead"), nearest first."""
    top = verb
    for _ in range(3):
        if top.dep_ not in ("xcomp", "ccomp", "conj") or top.head.i == top.i:
            break
        top = top.head
    clauses_ = [t for t in top.subtree if t.dep_ == "advcl"
                and any(x.dep_ == "mark" and x.lower_ in ("if", "unless") for x in t.children)]
    clauses_.sort(key=lambda t: abs(t.i - verb.i))
    return [x for c in clauses_ for x in c.children if x.dep_ in ("nsubj", "nsubjpass")]


def is_vehicle(verb: Any) -> bool:
    """A verb done for the sake of its purpose clause: "summoned the envoy to complain", and a
    call made to someone ("called Morrison to congratulate him"), not a call on them to act."""
    lemma = verb.lemma_.lower()
    if lemma == "call":  # ("called on Israel to ..." has no object: an appeal)
        return any(c.dep_ == "dobj" for c in verb.children)
    return lemma in PURPOSE_VEHICLES


def is_infinitive(tok: Any) -> bool:
    """A "to" infinitive hung on a verb ("... to protest", "... to complain")."""
    return tok.dep_ in ("advcl", "xcomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in tok.children)


def purpose_heads(verb: Any) -> list[Any]:
    """The noun phrases of the act's purpose, in text order: its infinitive clause ("to protest
    Sweden's decision", "to demand reforms from the government") and its "against"/"over" or
    "in protest at" phrase; "by" phrases inside are kept ("violations by security forces")."""
    parts = []
    for c in verb.children:
        if is_infinitive(c):
            parts.append(c)
        elif c.dep_ == "prep" and c.lower_ in ("against", "over"):
            parts.append(c)
        elif c.dep_ == "prep" and any(x.dep_ == "pobj" and x.lemma_.lower() in _PURPOSE_NOUNS for x in c.children):
            parts.append(c)
    # (not in a clause of its own time or condition: "to keep trading after the UK leaves the EU")
    aside = {t.i for part in parts for c in part.subtree if c.dep_ == "advcl" and c.i != part.i for t in c.subtree}
    return sorted((t for part in parts for t in part.subtree
                   if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("dobj", "pobj", "poss", "nsubj", "conj") and t.i not in aside),
                  key=lambda t: t.i)


def weapon_of(agent: Any | None, verb: Any) -> Any | None:
    """The weapon or blast that did a violent act no one is named for: the subject ("a roadside
    bomb killed ..."), the passive's agent ("killed by an improvised explosive device"), or the
    blast it was done in ("was killed in a car bomb explosion")."""
    if agent is None:
        agent = next((x for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"
                      for x in c.children if x.dep_ == "pobj"), None)
    return agent if agent is not None and agent.lemma_.lower() in WEAPON_NOUNS else None


def fired_by(weapon: Any) -> list[Any]:
    """Who a weapon was "fired by", "launched by", "planted by": the agents of its participles."""
    return [x for c in weapon.children if c.dep_ == "acl"
            for a in c.children if a.dep_ == "agent" for x in a.children if x.dep_ == "pobj"]


def each_other(verb: Any) -> bool:
    """The act is done to "each other" or "one another": by each of its subjects to the others."""
    obj = clauses.object_of(verb)
    pobjs = [x for c in verb.children if c.dep_ == "prep" for x in c.children if x.dep_ == "pobj"]
    return any(x is not None and x.lower_ in ("other", "another") and x.i > 0
               and x.doc[x.i - 1].lower_ in ("each", "one") for x in (obj, *pobjs))


def in_charge(tok: Any) -> bool:
    """A verb of what someone is accused of ("accused Gulen of attempting to overthrow the
    government by creating ..."), not of what the guilty did ("guilty of violating")."""
    while tok.dep_ in ("xcomp", "pcomp", "conj") or (tok.dep_ == "pobj" and tok.head.dep_ == "prep"):
        if tok.dep_ == "pcomp" and tok.head.lower_ in ("of", "for"):
            return tok.head.head.lower_ not in nominal.CULPABLE
        tok = tok.head.head if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" else tok.head
    return False


def between_first(agent: Any | None, verb: Any) -> Any | None:
    """The first party of "between A and B" on a noun subject or on its verb ("clashes between
    A and B erupted", "fighting broke out between A and B")."""
    if agent is None or agent.pos_ != "NOUN":
        return None
    for c in (*agent.children, *verb.children):
        if c.dep_ == "prep" and c.lower_ == "between":
            return next((x for x in c.children if x.dep_ == "pobj"), None)
    return None


def addressees_of(verb: Any) -> list[Any]:
    """Whom a verb of saying or demanding addresses: "told Iraq", "issued a reminder to Iraq",
    "called on Iraq to ..."."""
    to = ("to", "on", "upon") if framing.appeals(verb) else ("to",)
    return [x for c in verb.children if c.dep_ in ("dobj", "dative", "iobj", "prep") and (c.dep_ != "prep" or c.lower_ in to)
            for x in ([c] if c.pos_ != "ADP" and c.dep_ != "prep" else [p for p in c.children if p.dep_ == "pobj"])]


def demander_of(verb: Any) -> Any | None:
    """The verb whose subject demands the framed act of the act's subject: "said" in "Russia
    said Sudan must return ..." and "said the US must be ready to mediate"; "ordered" in "Kenya
    ordered Uganda to withdraw"."""
    if verb.dep_ == "conj" and verb.head.dep_ in ("xcomp", "ccomp"):  # "urged Ethiopia to open up ... and ensure ..."
        verb = verb.head
    clause = verb.head if verb.dep_ == "xcomp" else verb
    if framing.demanded(clause):
        return clause.head
    # "Washington demanded that Hamas renounce ...", "insisted that the government grant ..."
    if verb.dep_ == "ccomp" and verb.head.lemma_ in framing.DEMAND_FRAMES and any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return verb.head
    noun = framing.demand_noun(verb)
    if noun is not None:  # "reiterated its demand that Israel ease ...": who made the demand
        return noun.head.head if noun.dep_ == "pobj" else noun.head
    if verb.dep_ == "xcomp" and ((verb.head.lemma_ in framing.DEMAND_FRAMES and any(
            c.dep_ == "dobj" for c in verb.head.children)) or framing.appeals(verb.head)):
        return verb.head
    if verb.dep_ == "advcl" and framing.frame_of(verb) == ("appeal", verb.head):  # "called for Israel to withdraw"
        return verb.head
    # (the frame word itself: "urged them to move swiftly to implement ...", "to end ..., restore ... and release ...")
    found = framing.frame_of(verb)
    if found is not None and found[0] == "appeal" and found[1].pos_ in ("VERB", "AUX"):  # (an invitation's too)
        return found[1]
    return None


def claims_own_act(verb: Any) -> bool:
    """"The Houthis claimed that they had attacked the airport": claiming one's own act is
    claiming responsibility (015), not an allegation against someone (11x)."""
    if verb.lemma_.lower() not in CLAIM_VERBS:
        return False
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.pos_ == "PRON" and subj.lower_ not in ("it", "this", "that"):
            return True
    return False


def reports_an_event(verb: Any, coded: set[int]) -> bool:
    """A statement verb whose reported clause holds an event of its own.

    Both "X said [Y attacked Z]" and "[Y attacked Z], X said" (the saying hangs off the event).
    """
    if verb.dep_ in ("parataxis", "ccomp", "advcl") and verb.head.i in coded and verb.lemma_ in clauses.REPORTING:
        return True
    for clause in clauses.reporting_clauses(verb) or [c for c in verb.children if c.dep_ == "ccomp"]:
        if any(t.i in coded for t in clause.subtree):
            return True
    return False

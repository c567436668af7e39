"""Events named by nouns: "announced a suspension of aid", "ordered the release of prisoners",
"riots erupted".

A statement or an order whose object is an act ("suspension", "withdrawal", "release") is
coded as that act, matched against the verb dictionary's patterns for the verb the noun
names; the speaker is its source, the noun's phrases ("of aid to Pakistan") its object.
So is an act that is the subject of a verb saying it happens ("Palestinian riots continued",
"fighting broke out"): who it is of ("Palestinian") is its source; and an act someone is
"responsible for" or "guilty of": they are its source.
"""
from __future__ import annotations

from ..lang import words
from ..nlp.types import Token
from . import clauses

# act nouns → the verb they name (lemmas; only nouns whose verb has CAMEO patterns)
NOUN_VERBS = {
    "suspension": "suspend", "withdrawal": "withdraw", "release": "release", "expulsion": "expel",
    "deployment": "deploy", "imposition": "impose", "cancellation": "cancel", "resumption": "resume",
    "closure": "close", "extension": "extend", "lifting": "lift", "removal": "remove",
    "evacuation": "evacuate", "reduction": "reduce", "halt": "halt", "end": "end", "ban": "ban",
    "boycott": "boycott", "blockade": "blockade", "severance": "sever", "restoration": "restore",
    "recognition": "recognize", "rejection": "reject", "approval": "approve", "delivery": "deliver",
    "investigation": "investigate", "inquiry": "investigate", "probe": "investigate",
}
# verbs whose object act is what happens: statements, decisions, orders
# and verbs of its course: "speeded up the withdrawal", "completed the evacuation"
CARRIERS = words("act_announcing_verbs")  # (and "carried out / conducted an evacuation")


def act_object(verb: Token) -> tuple[Token, str] | None:
    """(the act noun, the verb it names) when ``verb`` announces or orders an act by its noun."""
    if verb.lemma_.lower() not in CARRIERS:
        return None
    obj = clauses.object_of(verb)
    if obj is None or obj.pos_ != "NOUN":
        return None
    lemma = NOUN_VERBS.get(obj.lemma_.lower())
    return (obj, lemma) if lemma else None


# acts that happen or that someone answers for, as the verb they name ("riots erupted",
# "fighting continued", "the cartel is responsible for mass killings")
ACT_NOUNS = {"protest": "demonstrate", "demonstration": "demonstrate", "march": "march", "riot": "riot",
             "clash": "clash", "fighting": "fight", "attack": "attack", "shelling": "shell", "bombing": "bomb",
             "killing": "kill", "murder": "murder", "massacre": "massacre", "abduction": "abduct",
             "kidnapping": "kidnap", "beheading": "behead", "assassination": "assassinate", "torture": "torture"}
# "X were guilty of violating the ceasefire", "X is responsible for mass killings": X did it
CULPABLE = {"guilty", "responsible", "culpable"}
# verbs saying an act happens, with the particle or object some need ("broke out", "took place")
OCCURRENCES = {"erupt": None, "continue": None, "spread": None, "flare": None, "rage": None, "escalate": None,
               "intensify": None, "resume": None, "persist": None, "occur": None, "happen": None, "begin": None,
               "start": None, "spill": None, "break": "out", "take": "place", "go": "on"}


def act_subject(verb: Token) -> tuple[Token, str] | None:
    """(the act noun, the verb it names) when ``verb`` says the act its subject names happens."""
    lemma = verb.lemma_.lower()
    if lemma not in OCCURRENCES:
        return None
    needed = OCCURRENCES[lemma]
    if needed and not any(c.lower_ == needed and c.dep_ in ("prt", "dobj", "advmod", "prep") for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
    named = ACT_NOUNS.get(subj.lemma_.lower()) if subj is not None else None
    return (subj, named) if subj is not None and named else None


def culpable_act(verb: Token) -> tuple[Token, str] | None:
    """(the act noun, the verb it names) when ``verb`` says its subject is "responsible for" or
    "guilty of" an act: "Los Zetas has been responsible for mass killings and beheadings"."""
    adj = next((c for c in verb.children if c.dep_ == "acomp" and c.lower_ in CULPABLE), None)
    act = next((x for p in adj.children if p.dep_ == "prep" and p.lower_ in ("for", "of")
                for x in p.children if x.dep_ == "pobj" and x.pos_ == "NOUN"), None) if adj is not None else None
    named = ACT_NOUNS.get(act.lemma_.lower()) if act is not None else None
    return (act, named) if act is not None and named else None

"""Framing verbs: "is ready to withdraw", "refused to meet", "demanded that X release ...".

CAMEO codes the frame, not the framed action: an offer to provide aid is an intent to
provide aid (033), a refusal to meet rejects a meeting (125), a demand for a withdrawal
is a demand (1056). ``frame_of`` finds the frame a verb sits in; ``reframe`` maps the
framed action's code to the frame's code. The tables follow the parallel structure of
the CAMEO codebook (03x intents, 10x demands and 12x rejections mirror 04–08).
"""
from __future__ import annotations

from typing import Any

from .clauses import OPINION_VERBS, REPORTING as _REPORTING

# words that frame an action as an intention, a refusal or a demand
INTENT_FRAMES = {
    "ready", "willing", "prepared", "eager", "keen", "offer", "promise", "pledge", "vow",
    "agree", "intend", "plan", "propose", "expect", "want", "wish", "hope", "seek", "swear", "determined",
}
# adjectives whose "to" takes the act intended: "is committed to resuming talks"
COMMITTED = {"committed", "dedicated"}
THREAT_FRAMES = {"threaten"}
# verbs of getting ready: "the army prepared to resume shelling" readies force (CAMEO 15,
# PLOVER MOBILIZE: "moves that fall short of the actual use of force"); saying one is
# "prepared to" act ("is prepared to fight") stays an intent
POSTURE_FRAMES = {"prepare", "gear", "mass", "muster"}
POSTURE_CODE = "150"
# words whose framed act is the event itself: "decided to ease sanctions" eases them (CAMEO
# codes the decision as the act decided on)
DECISION_FRAMES = {"decide", "vote"}
# words whose framed act is only an option weighed: "is considering giving money to ..." (014)
CONSIDER_FRAMES = {"consider", "mull", "contemplate", "weigh"}
CONSIDER_CODE = "014"
FUTURE_AUX = {"will", "would", "shall", "'ll", "wo"}
POSSIBLE_AUX = {"may", "might", "could"}
# "stayed home to protest ...": an act done to protest is a protest (CAMEO 140)
PROTEST_PURPOSES = {"protest", "demonstrate"}
PROTEST_CODE = "140"
CONDITIONS = {"if", "unless"}
REFUSAL_FRAMES = {"refuse", "decline", "reject", "unwilling", "unprepared", "reluctant", "fail"}
DEMAND_FRAMES = {"demand", "insist", "order", "press", "push", "require", "force", "pressure", "pressurize"}
DEMAND_MODALS = {"must", "should"}
DEMAND_CODE = "100"  # CAMEO: make a demand, not specified
DEMAND_VERBS = {"demand", "insist", "press"}  # verbs that demand by themselves ("called for", "pushed for" only appeal)
# "urged Iran to release the sailors": an appeal (02x) for what a demand would demand (10x)
APPEAL_FRAMES = {"urge", "ask", "appeal", "encourage", "implore", "beg", "exhort", "invite"}

# root of the framed action → the frame's code
_INTENT = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035", "14": "133",
           "15": "138", "16": "131", "17": "131", "18": "138", "19": "138", "20": "138"}
_REFUSAL = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124"}
_DEMAND = {"03": "100", "04": "106", "05": "102", "06": "101", "07": "103", "08": "105"}
_SPECIFIC = {  # more specific codes where CAMEO has them
    ("intent", "071"): "0331", ("intent", "072"): "0332", ("intent", "073"): "0333",
    ("intent", "074"): "0334", ("intent", "0874"): "0356", ("intent", "0871"): "0356",
    ("intent", "0841"): "0353", ("intent", "081"): "0351", ("intent", "045"): "039",
    ("intent", "046"): "036", ("refusal", "0841"): "1243", ("refusal", "0874"): "1246",
    # refusing to yield (124x) what 08x would give: sanctions eased, dissent, persons, embargoes, access, arms
    **{("refusal", c): "1241" for c in ("081", "0811", "0812", "0813", "0814")}, ("refusal", "082"): "1242",
    ("refusal", "084"): "1243", ("refusal", "0842"): "1243", ("refusal", "085"): "1244", ("refusal", "086"): "1245",
    **{("refusal", c): "1246" for c in ("087", "0871", "0872", "0873")},
    ("refusal", "046"): "125", ("demand", "0841"): "1053", ("demand", "0874"): "1056", ("demand", "0871"): "1056",
    ("demand", "071"): "1031", ("demand", "072"): "1032", ("demand", "073"): "1033",
    ("threat", "161"): "1313", ("threat", "162"): "1311", ("threat", "163"): "1312", ("threat", "164"): "134",
    ("threat", "165"): "135", ("threat", "166"): "136",
}


def frame_of(verb: Any) -> tuple[str, Any] | None:
    """("intent" | "no-intent" | "threat" | "refusal" | "demand" | "appeal" | "decision" | "option" |
    "posture" | "protest", the frame's token) when ``verb`` is framed."""
    purpose = protest_purpose(verb)
    if purpose is not None:
        return "protest", purpose
    tok = verb
    if tok.dep_ == "conj" and tok.head.dep_ == "xcomp":  # "agreed to lay down their weapons and join ..."
        tok = tok.head
    if tok.dep_ == "advcl" and tok.head.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        tok = tok.head  # "is willing to send resources to help Colombia": the purpose is as framed as the act
    if tok.dep_ == "advcl" and _infinitive_right_after(tok):
        # "have sworn to fight", "vowed to retaliate": an infinitive the parse took for a purpose
        # clause, right after a verb that takes one; a complement all the same
        for kind, words in (("refusal", REFUSAL_FRAMES), ("threat", THREAT_FRAMES), ("intent", INTENT_FRAMES)):
            if tok.head.lemma_.lower() in words:
                return _negated(kind, tok.head), tok.head
    if tok.dep_ == "advcl" and tok.head.lemma_.lower() in ("call", "appeal", "push") \
            and any(c.dep_ == "mark" and c.lower_ == "for" for c in tok.children):
        return "appeal", tok.head  # "called on Friday for Britain to stay in the single market"
    if tok.dep_ == "xcomp" and demanded(tok.head):  # "said the US must be ready to mediate": a demand
        return "demand", tok.head.head
    if tok.dep_ == "xcomp" or (tok.dep_ == "ccomp" and tok.head.lemma_ in DEMAND_FRAMES):
        head = tok.head
        word = head.lemma_.lower()
        if head.pos_ == "ADJ" or word in ("be",):
            word = head.lower_
        if tok.dep_ == "xcomp" and appeals(head):
            return "appeal", head
        if head.pos_ == "VERB" and word in POSTURE_FRAMES:
            return "posture", head
        for kind, words in (("refusal", REFUSAL_FRAMES), ("demand", DEMAND_FRAMES), ("threat", THREAT_FRAMES),
                            ("intent", INTENT_FRAMES), ("decision", DECISION_FRAMES), ("option", CONSIDER_FRAMES)):
            if word in words:
                return _negated(kind, head), head
    if tok.dep_ == "xcomp" and tok.head.pos_ == "ADJ":
        adj = tok.head
        for kind, words in (("refusal", REFUSAL_FRAMES), ("intent", INTENT_FRAMES)):
            if adj.lower_ in words:
                return _negated(kind, adj), adj
    if tok.dep_ == "pcomp" and tok.head.lower_ == "to" and tok.head.head.lower_ in COMMITTED:
        return _negated("intent", tok.head.head), tok.head.head
    if demanded(verb):
        return "demand", verb.head
    noun = demand_noun(verb)
    if noun is not None:
        return "demand", noun
    # "X will provide aid", "they would boycott ...", "... unless Y": a main statement about the
    # future is an intent (03x) or, for a hostile act, a threat (13x)
    # (but "analysts believe Iran will retaliate" is the analysts' guess, not Iran's threat)
    main = verb.dep_ == "ROOT" or (verb.dep_ in ("ccomp", "parataxis") and verb.head.lemma_ in _REPORTING
                                   and verb.head.lemma_ not in OPINION_VERBS)
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if main and (auxes & FUTURE_AUX or (auxes & POSSIBLE_AUX and _conditional(verb))):
        # ("may halt its mediation if ...": what one may do on a condition is promised or threatened)
        return _negated("intent", verb), verb
    if main and auxes & {"can", "ca"} and _has_negation(verb):  # "it cannot accept more refugees"
        return "refusal", verb
    return None


def protest_purpose(verb: Any) -> Any | None:
    """"shunned work to protest at ...", "closed their shops to protest ...": the protest an act
    is done for (the act is the protest)."""
    return next((c for c in verb.children if c.dep_ == "advcl" and c.lemma_.lower() in PROTEST_PURPOSES
                 and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)


def _conditional(verb: Any) -> bool:
    """"... if cooperation founders", "unless Iraq complies": a clause that sets a condition."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONS for m in c.children)
               for c in verb.children)


def _infinitive_right_after(tok: Any) -> bool:
    """"sworn | to fight": a to-infinitive beginning right after the verb it hangs on."""
    to = next((c for c in tok.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    return to is not None and to.i == tok.head.i + 1 and tok.i == to.i + 1


def appeals(verb: Any) -> bool:
    """An appealing verb whose infinitive says what is asked for: "urged Iran to ...", "called on
    Israel to ..." (not "called Erdogan to apologize": a call made to someone)."""
    lemma = verb.lemma_.lower()
    if lemma == "call":  # ("On Monday, X called Erdogan to apologize": no call on anyone)
        return any(c.dep_ in ("prep", "prt") and c.lower_ in ("on", "upon") and c.i > verb.i for c in verb.children)
    return lemma in APPEAL_FRAMES


def demanded(clause: Any) -> bool:
    """"Russia said Sudan must return ...": a clause reported with "must"/"should" is a demand
    (but "A and B agree that it should be resolved" agrees)."""
    return (clause.dep_ == "ccomp" and clause.head.lemma_ in _REPORTING | DEMAND_FRAMES
            and any(c.dep_ == "aux" and c.lower_ in DEMAND_MODALS for c in clause.children))


def demand_noun(clause: Any) -> Any | None:
    """The noun whose that-clause spells out a demand, if any: "its demand that Israel ease ...",
    "a stern reminder to Iraq that it must cooperate"."""
    head = clause.head
    if (clause.dep_ in ("acl", "ccomp") and head.pos_ == "NOUN"
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
            and (head.lemma_ in ("demand", "insistence")
                 or any(c.dep_ == "aux" and c.lower_ in DEMAND_MODALS for c in clause.children))):
        return head
    return None


def _has_negation(tok: Any) -> bool:
    """"will not lift", and of an adjective its copula's: "is not willing to"."""
    return any(c.dep_ == "neg" for c in tok.children) or (
        tok.dep_ == "acomp" and any(c.dep_ == "neg" for c in tok.head.children))


def _negated(kind: str, verb: Any) -> str:
    """"will not lift the ban", "won't release them": a negated intention ("no-intent") is a
    refusal (12x) of what it would have given; ``reframe`` leaves hostile acts alone."""
    return "no-intent" if kind == "intent" and _has_negation(verb) else kind


def as_demand(verb: Any, code: str) -> str:
    """"demanded elections": a demanding verb makes the dictionary's appeal (02x) the parallel
    demand (10x: CAMEO's 10 mirrors 02 code for code); so does pushing someone ("pushed Uganda
    to withdraw"), where pushing for something ("pushed for reforms") only appeals."""
    lemma = verb.lemma_.lower()
    if code[:2] == "02" and (lemma in DEMAND_VERBS or (lemma == "push" and any(c.dep_ == "dobj" for c in verb.children))):
        return "10" + code[2:]
    return code


def reframe(kind: str, code: str) -> str | None:
    """The frame's CAMEO code for a framed action's code (None: leave the code alone)."""
    if not ("01" <= code[:2] <= "20") or len(code) > 4:
        return None  # not a CAMEO code (a user dictionary's own): nothing to map
    if kind == "decision":
        return code if code[:2] not in ("01", "02") else None
    if kind == "option":  # "is considering sending aid": a policy option considered, whatever the act
        return CONSIDER_CODE
    if kind == "protest":  # (not a violent act, a statement or a protest already)
        return PROTEST_CODE if code[:2] not in ("01", "14", "18", "19", "20") else None
    if kind == "posture":  # readying force is a show of it; readying anything else an intent
        return POSTURE_CODE if code[:2] in ("18", "19", "20") else reframe("intent", code)
    if kind == "no-intent":  # "will not attack" is no rejection: only what cooperates is refused
        return reframe("refusal", code) if "03" <= code[:2] <= "08" else None
    if kind == "threat":  # "threatened to cut aid / to attack" (13x); "threatened to stop talks": a threat too
        return _SPECIFIC.get(("threat", code)) or (_INTENT.get(code[:2]) if code[:2] >= "14" else "130")
    if kind == "intent" and code[:2] in ("01", "02", "03", "09", "10", "11", "12", "13"):
        return None
    if kind == "intent" and code[:2] >= "14":  # "will cut aid", "may halt its mediation if ...": a threat
        return reframe("threat", code)
    if kind == "refusal" and code[:2] in ("12",):
        return None
    if kind == "appeal":  # CAMEO's 02 mirrors its 10 code for code: the demand's code, as an appeal
        demand = code if code[:2] == "10" else reframe("demand", code)
        return "02" + demand[2:] if demand and demand[:2] == "10" else None
    if kind == "demand" and code[:2] in ("02", "10"):
        return None
    specific = _SPECIFIC.get((kind, code))
    if specific:
        return specific
    table = {"intent": _INTENT, "refusal": _REFUSAL, "demand": _DEMAND}[kind]
    return table.get(code[:2], {"intent": "030", "refusal": "120", "demand": DEMAND_CODE}[kind])

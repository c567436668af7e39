"""Framing verbs: "is ready to withdraw", "refused to meet", "demanded that X release ...".

CAMEO codes the frame, not the framed action: an offer to provide aid is an intent to
provide aid (033), a refusal to meet rejects a meeting (125), a demand for a withdrawal
is a demand (1056). ``frame_of`` finds the frame a verb sits in; ``reframe`` maps the
framed action's code to the frame's code. The tables follow the parallel structure of
the CAMEO codebook (03x intents, 10x demands and 12x rejections mirror 04–08).
"""
from __future__ import annotations

from ..lang import words
from ..nlp.types import Token
from .clauses import (
    DECISION_NOUNS,
    INTENT_NOUNS,
    OPINION_VERBS,
    REFUSAL_NOUNS,
    finite_after_infinitive,
    future_carrier,
    intention_noun,
    shares_auxiliaries,
    trip_announced,
)
from .clauses import REPORTING as _REPORTING

# words that frame an action as an intention, a refusal or a demand
INTENT_FRAMES = words("intent_verbs") | words("readiness_adjectives") | {"swear"}
# adjectives whose "to" takes the act intended: "is committed to resuming talks"
COMMITTED = words("commitment_adjectives")
THREAT_FRAMES = {"threaten"}
# verbs of getting ready: "the army prepared to resume shelling" readies force (CAMEO 15,
# PLOVER MOBILIZE: "moves that fall short of the actual use of force"); saying one is
# "prepared to" act ("is prepared to fight") stays an intent
POSTURE_FRAMES = words("posture_verbs")
POSTURE_CODE = "150"
# words whose framed act is the event itself: "decided to ease sanctions" eases them (CAMEO
# codes the decision as the act decided on)
DECISION_FRAMES = words("decision_verbs")
# words whose framed act is only an option weighed: "is considering giving money to ..." (014)
CONSIDER_FRAMES = words("deliberation_verbs")
CONSIDER_CODE = "014"
FUTURE_AUX = words("future_auxiliaries") | {"would"}

POSSIBLE_AUX = words("possibility_modals")
# "stayed home to protest ...": an act done to protest is a protest (CAMEO 140)
PROTEST_PURPOSES = words("protest_verbs")
PROTEST_CODE = "140"
CONDITIONS = words("condition_conjunctions")
REFUSAL_FRAMES = words("refusal_verbs") | words("reluctance_adjectives")
DEMAND_FRAMES = words("pressing_verbs") | {"demand", "insist"}
DEMAND_MODALS = words("obligation_modals")
# "said the laws should be changed": advice, an appeal (02x), not a demand
ADVICE_MODALS = words("advice_modals")
# "we must get it done": what the speaker's own side must do is no demand of anyone
FIRST_PERSON = words("first_person_pronouns")
DEMAND_CODE = "100"  # CAMEO: make a demand, not specified
DEMAND_VERBS = {"demand", "insist", "press"}  # verbs that demand by themselves ("called for", "pushed for" only appeal)
# "urged Iran to release the sailors": an appeal (02x) for what a demand would demand (10x)
APPEAL_FRAMES = words("urging_verbs") | words("pleading_verbs")

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


def frame_of(verb: Token) -> tuple[str, Token] | None:
    """("intent" | "no-intent" | "threat" | "refusal" | "demand" | "appeal" | "decision" | "option" |
    "posture" | "protest", the frame's token) when ``verb`` is framed: the first of the frame
    rules (``_FRAME_RULES``, in order) that finds a frame."""
    purpose = protest_purpose(verb)
    if purpose is not None:
        return "protest", purpose
    tok = _framed_clause(verb)
    for rule in _FRAME_RULES:
        found = rule(verb, tok)
        if found is not None:
            return found
    return None


def _framed_clause(verb: Token) -> Token:
    """The clause a frame governs: "agreed to lay down their weapons and join ...": the first
    infinitive; "is willing to send resources to help Colombia": the purpose is as framed as the act."""
    tok = verb
    top = _conjunct_top(tok)
    # ("agreed to lay down their weapons and join ..."; of an appeal, a longer list: "urged them to
    # end the violence, restore ... and release ...")
    if top is not tok and (top.dep_ == "xcomp" or _purpose_of_infinitive(top)) \
            and ((tok.head.i == top.i and top.dep_ == "xcomp") or _asking_governor(top)):
        tok = top
    if _purpose_of_infinitive(tok):
        tok = tok.head
    return tok


def _asking_governor(clause: Token) -> bool:
    """The infinitive ``clause`` (or the one whose purpose it is) is asked for by an appeal or a
    demand: "urged Rohan | to end ...", "pressed Rohan to act | to end ..."."""
    governor = clause.head if clause.dep_ == "xcomp" else clause.head.head
    return appeals(governor) or governor.lemma_.lower() in DEMAND_FRAMES


def _purpose_of_infinitive(tok: Token) -> bool:
    """"is willing to send resources | to help Colombia": an infinitive's own purpose."""
    return tok.dep_ == "advcl" and tok.head.dep_ == "xcomp" and _infinitive(tok)


def _conjunct_top(verb: Token) -> Token:
    """The first of the bare verbs coordinated with ``verb`` ("to end the violence, restore
    democracy, and release those detained": "end", for "restore" and "release"); a verb with a
    tense or a subject of its own is the main clause's next act (``finite_after_infinitive``)."""
    tok = verb
    for _ in range(_CONJUNCT_DEPTH):
        if _stray_conjunct(tok):  # ("urged the militia to lay down its arms, leave the town ...")
            return _listed_with(tok)
        # (a bare verb after a comma the parse left unattached is the list's next item: "to end the curfew, reopen ...")
        listed = tok.dep_ == "conj" or (tok.dep_ == "dep" and tok.tag_ == "VB" and tok.head.tag_ == "VB")
        if not listed or tok.head.i == tok.i or finite_after_infinitive(tok) or tok.tag_ in ("VBD", "VBZ") \
                or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            break
        tok = tok.head
    return tok


_CONJUNCT_DEPTH = 6


def _frame_by_words(word: str, head: Token, kinds: tuple[tuple[str, frozenset[str] | set[str]], ...]
                    ) -> tuple[str, Token] | None:
    """The first (kind, words) whose words hold ``word``: the kind (negated if ``head`` is) and ``head``."""
    for kind, members in kinds:
        if word in members:
            return _negated(kind, head), head
    return None


def _rule_sworn_to(verb: Token, tok: Token) -> tuple[str, Token] | None:
    """"have sworn to fight", "vowed to retaliate": an infinitive the parse took for a purpose
    clause, right after a verb that takes one; a complement all the same."""
    if tok.dep_ == "advcl" and _infinitive_right_after(tok):
        return _frame_by_words(tok.head.lemma_.lower(), tok.head, _SWORN_KINDS)
    return None


def _rule_called_for(verb: Token, tok: Token) -> tuple[str, Token] | None:
    """"called on Friday for Britain to stay in the single market": an appeal; so is an infinitive
    the parse hung on an appeal that names its addressee as a purpose: "calls on the regime | to
    respect the vote", "urged Gondor | to free the crew"."""
    if tok.dep_ == "advcl" and tok.head.lemma_.lower() in ("call", "appeal", "push") \
            and any(c.dep_ == "mark" and c.lower_ == "for" for c in tok.children):
        return "appeal", tok.head
    if tok.dep_ == "advcl" and _infinitive(tok) and appeals(tok.head) and _addressed(tok.head, tok) \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in tok.children):
        return "appeal", tok.head
    return None


def _infinitive(tok: Token) -> bool:
    """A to-infinitive: "to respect"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _addressed(verb: Token, asked: Token) -> bool:
    """An appeal that names whom it asks before what it asks: "urged Gondor | to free ...", "called
    on the regime | to respect ..." (not "To resolve the dispute, they invited the envoys")."""
    return any((c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("on", "upon"))) and verb.i < c.i < asked.i
               for c in verb.children)


def _rule_demanded_infinitive(verb: Token, tok: Token) -> tuple[str, Token] | None:
    """"said the US must be ready to mediate": a demand."""
    if tok.dep_ == "xcomp" and demanded(tok.head):
        return obligation(tok.head), tok.head.head
    return None


def _rule_complement(verb: Token, tok: Token) -> tuple[str, Token] | None:
    """The word an infinitive or a demanded that-clause complements: "urged Iran to release"
    (appeal), "the army prepared to resume shelling" (posture), "refused to meet", "demanded
    that X withdraw", "threatened to cut", "agreed to provide", "decided to ease", "is
    considering sending"."""
    if not (tok.dep_ == "xcomp" or (tok.dep_ == "ccomp" and tok.head.lemma_ in DEMAND_FRAMES)):
        return None
    head = tok.head
    word = head.lemma_.lower()
    if head.pos_ == "ADJ" or word == "be":
        word = head.lower_
    if tok.dep_ == "xcomp" and appeals(head):
        return "appeal", head
    if head.pos_ == "VERB" and word in POSTURE_FRAMES:
        return "posture", head
    return _frame_by_words(word, head, _COMPLEMENT_KINDS)


def _rule_adjective(verb: Token, tok: Token) -> tuple[str, Token] | None:
    """"is ready to withdraw", "unwilling to negotiate": the adjective's frame."""
    if tok.dep_ == "xcomp" and tok.head.pos_ == "ADJ":
        return _frame_by_words(tok.head.lower_, tok.head, _ADJECTIVE_KINDS)
    return None


def _rule_committed(verb: Token, tok: Token) -> tuple[str, Token] | None:
    """"is committed to resuming talks": an intent."""
    if tok.dep_ == "pcomp" and tok.head.lower_ == "to" and tok.head.head.lower_ in COMMITTED:
        return _negated("intent", tok.head.head), tok.head.head
    return None


def _rule_looked_forward(verb: Token, tok: Token) -> tuple[str, Token] | None:
    """"looks forward to welcoming the minister", "look forward to cooperating with Germany": what
    one looks forward to doing is intended, not done (an intent, as "is committed to")."""
    if tok.dep_ != "pcomp" or tok.head.lower_ != "to":
        return None
    head = tok.head.head
    if head.lower_ == "forward" and head.head.lemma_.lower() == "look":
        head = head.head
    if head.lemma_.lower() == "look" and any(c.lower_ == "forward" for c in head.children) or head.lower_ == "forward":
        return _negated("intent", head), head
    return None


def _rule_demanded(verb: Token, tok: Token) -> tuple[str, Token] | None:
    """"Russia said Sudan must return ...": a demand; "said the law should be changed", "we
    believe the conference should act": an appeal; "said we must get it done": an intent."""
    clause = _conjunct_top(verb)  # ("said Gondor must withdraw and stop ...": "stop" too)
    return (obligation(clause), clause.head) if demanded(clause) else None


def _rule_demand_noun(verb: Token, tok: Token) -> tuple[str, Token] | None:
    """"its demand that Israel ease ...": a demand."""
    noun = demand_noun(verb)
    return ("demand", noun) if noun is not None else None


def _rule_intention_noun(verb: Token, tok: Token) -> tuple[str, Token] | None:
    """"stated her intention to endorse a rival" (an intent), "has no intention to attend" (none),
    "its refusal to meet" (a refusal), "confirmed his decision to withdraw" (the act decided)."""
    noun = intention_noun(tok)
    if noun is None:
        return None
    if _aux_negated(noun.head) or _has_negation(tok):
        # ("had not announced any plans to withdraw": nothing said; "reiterated its pledge not to
        # allow ...": the pledge, coded by its verb)
        return None
    found = _frame_by_words(noun.lemma_.lower(), noun, _NOUN_KINDS)
    if found is not None and found[0] == "intent" and any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return "no-intent", noun
    return found


def _aux_negated(verb: Token) -> bool:
    """"did not announce", and "had not, as of yesterday, announced" (the parse hangs "not" on the auxiliary)."""
    return _has_negation(verb) or any(a.dep_ == "aux" and _has_negation(a) for a in verb.children)


def _rule_future(verb: Token, tok: Token) -> tuple[str, Token] | None:
    """"X will provide aid", "they would boycott ...", "may halt its mediation if ...": a main
    statement about the future is an intent (03x) or, for a hostile act, a threat (13x) (but
    "analysts believe Iran will retaliate" is the analysts' guess, not Iran's threat); "it
    cannot accept more refugees": a refusal; "will continue to provide aid": the future of the
    verb of going on is its infinitive's (``clauses.future_carrier``); "will meet and discuss":
    the bare verb coordinated with a future verb is as future as it."""
    carrier = frame = future_carrier(verb)
    if carrier is verb and verb.dep_ == "conj" and shares_auxiliaries(verb):
        carrier = verb.head  # (but the frame is its own: the verb it is coordinated with is an act of its own)
    main = carrier.dep_ == "ROOT" or (carrier.dep_ in ("ccomp", "parataxis") and carrier.head.lemma_ in _REPORTING
                                      and carrier.head.lemma_ not in OPINION_VERBS)
    if not main:
        return None
    auxes = {c.lower_ for c in carrier.children if c.dep_ == "aux"}
    if auxes & FUTURE_AUX or (auxes & POSSIBLE_AUX and _conditional(carrier)) or trip_announced(carrier):
        return _negated("intent", carrier), frame
    if auxes & {"can", "ca"} and _has_negation(carrier):
        return "refusal", frame
    return None


_SWORN_KINDS = (("refusal", REFUSAL_FRAMES), ("threat", THREAT_FRAMES), ("intent", INTENT_FRAMES))
_COMPLEMENT_KINDS = (("refusal", REFUSAL_FRAMES), ("demand", DEMAND_FRAMES), ("threat", THREAT_FRAMES),
                     ("intent", INTENT_FRAMES), ("decision", DECISION_FRAMES), ("option", CONSIDER_FRAMES))
_ADJECTIVE_KINDS = (("refusal", REFUSAL_FRAMES), ("intent", INTENT_FRAMES))
_NOUN_KINDS = (("refusal", REFUSAL_NOUNS), ("intent", INTENT_NOUNS), ("decision", DECISION_NOUNS))
# The frame rules of ``frame_of``, in the order they are tried.
_FRAME_RULES = (_rule_sworn_to, _rule_called_for, _rule_demanded_infinitive, _rule_complement, _rule_adjective,
                _rule_committed, _rule_looked_forward, _rule_demanded, _rule_demand_noun, _rule_intention_noun,
                _rule_future)


# the frames whose content is asked of others: what they are asked to do is not done
ASKING_KINDS = ("appeal", "demand", "invitation")
# verbs that invite someone to meet: "invited the minister to visit Oslo"
INVITING = words("inviting_verbs")
# joining is no meeting one is invited to: "invited France to join the accords" (an appeal)
JOINING = words("joining_verbs")
MEETING_ROOT = "04"


def invitation(kind: str, word: Token, code: str, act: Token | None = None) -> str:
    """The kind of a frame once its framed act is known: an appeal to meet made by inviting
    ("invited both sides to hold talks", "invited the minister to visit Oslo") is an
    "invitation", the inviter's intent to meet them (036, flagged intended); any other appeal
    stays one ("invited states to join the pact": 02x, though the dictionary's "join" meets)."""
    if kind == "appeal" and word.lemma_.lower() in INVITING and code[:2] == MEETING_ROOT \
            and (act is None or act.lemma_.lower() not in JOINING):
        return "invitation"
    return kind


# the links inside an appeal's content: its infinitives, their objects and what those govern
_CONTENT_LINKS = frozenset(("xcomp", "conj", "dep", "advcl", "acl", "pcomp", "dobj", "pobj", "prep", "attr"))
_CONTENT_DEPTH = 12
# verbs whose "for" names what is asked: "called for joint action to press the junta to ..."
ASKING_FOR = words("asking_for_verbs")


def appealed_content(verb: Token) -> Token | None:
    """The word of appeal or demand whose content ``verb`` is part of, below the act the appeal
    names (which ``frame_of`` frames): what others are asked to do beyond it is no act of theirs,
    nor of the one who asks. "urges the Taliban to uphold its commitment to protect civilians"
    ("protect": "urges"), "called on Rohan to take action to urge the junta to end the violence"
    ("urge", "end": "called"), "urge the parties to listen and commit to cooperating"
    ("cooperating": "urge"). None for the act named itself ("urged Iran to release the crew")
    and for what is told as done ("called on Gondor to free those it detained")."""
    tok = verb
    for _ in range(_CONTENT_DEPTH):
        if tok.pos_ in ("VERB", "AUX"):
            framed = frame_of(tok)
            if framed is not None and framed[0] in ASKING_KINDS and framed[1].i != tok.i:
                if tok.i != verb.i:
                    return framed[1]
                tok = framed[1]  # (the act asked for: is the asking itself asked for?)
                continue
        if _stray_conjunct(tok):
            return tok.head  # ("called on Rohan to take action ..., release those detained, and ...")
        if not _content_link(tok):
            return None
        if tok.dep_ == "prep" and tok.lower_ == "for" and tok.head.lemma_.lower() in ASKING_FOR and tok.i != verb.i:
            return tok.head  # ("called for joint action to press the junta to end the violence")
        tok = tok.head
    return None


def _stray_conjunct(tok: Token) -> bool:
    """A bare verb the parse coordinated with (or hung on) an appeal that has a tense ("urged the
    militia to lay down its arms, leave the town and return ..."; "called on Rohan to take action
    ..., release those detained, and restore ..."): no act of the one who urged (who would have
    "left"), but one more thing asked for, as the appeal's infinitive before it is."""
    head = tok.head
    return tok.dep_ in ("conj", "advcl", "dep") and tok.tag_ == "VB" and head.tag_ in ("VBD", "VBZ", "VBP") \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in tok.children) \
        and _asked_of_others(head, _asked_clause(head, tok))


def _asked_of_others(verb: Token, asked: Token | None) -> bool:
    """``asked`` is what the appeal or demand ``verb`` asks for ("urged Rohan | to lay down ...",
    "called for Rohan | to urge ...")."""
    if asked is None:
        return False
    if appeals(verb) or verb.lemma_.lower() in DEMAND_FRAMES:
        return True
    found = _rule_called_for(asked, asked)
    return found is not None and found[1].i == verb.i


def _asked_clause(verb: Token, before: Token) -> Token | None:
    """The infinitive an appeal asks for, before ``before``: "urged Rohan | to lay down ...",
    "called for Rohan | to urge ..."."""
    return next((c for c in verb.children if c.i < before.i and (
        c.dep_ == "xcomp" or (c.dep_ == "advcl" and _infinitive(c)))), None)


def _listed_with(stray: Token) -> Token:
    """The infinitive a stray conjunct (``_stray_conjunct``) is listed with: the last one before it
    in the appeal's infinitive ("to lay down its arms, | leave ...": "lay"; "to take action to urge
    the junta to end the violence, | release ...": "end")."""
    asked = _asked_clause(stray.head, stray)
    assert asked is not None  # (``_stray_conjunct`` found it)
    listed = [t for t in asked.subtree if t.i < stray.i and t.pos_ == "VERB" and t.tag_ == "VB" and _infinitive(t)]
    return listed[-1] if listed else asked


def _content_link(tok: Token) -> bool:
    """``tok`` belongs to the clause above it as part of what that clause names: an infinitive, a
    bare or -ing verb, a noun that one of those governs (not a verb with a tense of its own, nor a
    participle that tells what was done: "those it detained", "the forces attacking the town")."""
    if tok.dep_ not in _CONTENT_LINKS or tok.head.i == tok.i:
        return False
    if tok.pos_ not in ("VERB", "AUX"):
        return True
    if tok.dep_ == "acl":
        return _infinitive(tok)
    if tok.dep_ == "advcl" and tok.tag_ == "VBG":  # ("ordered the agency to restrict access, blocking ...": what it did)
        return False
    return tok.tag_ in ("VB", "VBG") or _infinitive(tok)


def protest_purpose(verb: Token) -> Token | None:
    """"shunned work to protest at ...", "closed their shops to protest ...": the protest an act
    is done for (the act is the protest)."""
    return next((c for c in verb.children if c.dep_ == "advcl" and c.lemma_.lower() in PROTEST_PURPOSES
                 and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)


def _conditional(verb: Token) -> bool:
    """"... if cooperation founders", "unless Iraq complies": a clause that sets a condition."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONS for m in c.children)
               for c in verb.children)


def _infinitive_right_after(tok: Token) -> bool:
    """"sworn | to fight": a to-infinitive beginning right after the verb it hangs on."""
    to = next((c for c in tok.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    return to is not None and to.i == tok.head.i + 1 and tok.i == to.i + 1


def appeals(verb: Token) -> bool:
    """An appealing verb whose infinitive says what is asked for: "urged Iran to ...", "called on
    Israel to ..." (not "called Erdogan to apologize": a call made to someone)."""
    lemma = verb.lemma_.lower()
    if lemma == "call":  # ("On Monday, X called Erdogan to apologize": no call on anyone; "called for action to press ...")
        return any(c.dep_ in ("prep", "prt") and c.lower_ in ("on", "upon", "for") and c.i > verb.i for c in verb.children)
    return lemma in APPEAL_FRAMES


def demanded(clause: Token) -> bool:
    """"Russia said Sudan must return ...": a clause reported with "must"/"should" is a demand
    (but "A and B agree that it should be resolved" agrees)."""
    return (clause.dep_ == "ccomp" and clause.head.lemma_ in _REPORTING | DEMAND_FRAMES
            and any(c.dep_ == "aux" and c.lower_ in DEMAND_MODALS for c in clause.children))


def obligation(clause: Token) -> str:
    """What a clause reported with "must"/"should" (``demanded``) is: "demand" ("Russia said
    Sudan must return ...", "insisted that Iraq should ..."); "appeal" for advice or a view
    ("said the laws should be changed", "we believe the conference must act"); "intent" for
    what the speaker's own side must do ("said we must get it done")."""
    head = clause.head
    if head.lemma_ in DEMAND_FRAMES:
        return "demand"
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.lower_ in FIRST_PERSON and subject.pos_ == "PRON":  # (not "the US")
        return "intent"
    modals = {c.lower_ for c in clause.children if c.dep_ == "aux"}
    if modals & ADVICE_MODALS or head.lemma_.lower() in OPINION_VERBS:
        return "appeal"
    return "demand"


def demand_noun(clause: Token) -> Token | None:
    """The noun whose that-clause spells out a demand, if any: "its demand that Israel ease ...",
    "a stern reminder to Iraq that it must cooperate"."""
    head = clause.head
    if (clause.dep_ in ("acl", "ccomp") and head.pos_ == "NOUN"
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
            and (head.lemma_ in ("demand", "insistence")
                 or any(c.dep_ == "aux" and c.lower_ in DEMAND_MODALS for c in clause.children))):
        return head
    return None


def _has_negation(tok: Token) -> bool:
    """"will not lift", and of an adjective its copula's: "is not willing to"."""
    return any(c.dep_ == "neg" for c in tok.children) or (
        tok.dep_ == "acomp" and any(c.dep_ == "neg" for c in tok.head.children))


def _negated(kind: str, verb: Token) -> str:
    """"will not lift the ban", "won't release them": a negated intention ("no-intent") is a
    refusal (12x) of what it would have given; ``reframe`` leaves hostile acts alone."""
    return "no-intent" if kind == "intent" and _has_negation(verb) else kind


def as_demand(verb: Token, code: str) -> str:
    """"demanded elections": a demanding verb makes the dictionary's appeal (02x) the parallel
    demand (10x: CAMEO's 10 mirrors 02 code for code); so does pushing someone ("pushed Uganda
    to withdraw"), where pushing for something ("pushed for reforms") only appeals."""
    lemma = verb.lemma_.lower()
    if code[:2] == "02" and (lemma in DEMAND_VERBS or (lemma == "push" and any(c.dep_ == "dobj" for c in verb.children))):
        return "10" + code[2:]
    return code


def reframe(kind: str, code: str) -> str | None:
    """The frame's CAMEO code for a framed action's code (None: leave the code alone): the
    kind's own rule in ``_REFRAMERS``, else the parallel code (``_parallel``)."""
    if not ("01" <= code[:2] <= "20") or len(code) > 4:
        return None  # not a CAMEO code (a user dictionary's own): nothing to map
    rule = _REFRAMERS.get(kind)
    return rule(code) if rule is not None else _parallel(kind, code)


def _reframe_decision(code: str) -> str | None:
    """"decided to ease sanctions": the act decided on (but not a statement or an appeal)."""
    return code if code[:2] not in ("01", "02") else None


def _reframe_option(code: str) -> str | None:
    """"is considering sending aid": a policy option considered, whatever the act."""
    return CONSIDER_CODE


def _reframe_protest(code: str) -> str | None:
    """"closed their shops to protest": a protest (not a violent act, a statement or a protest already)."""
    return PROTEST_CODE if code[:2] not in ("01", "14", "18", "19", "20") else None


def _reframe_posture(code: str) -> str | None:
    """"prepared to resume shelling": readying force is a show of it; readying anything else an intent."""
    return POSTURE_CODE if code[:2] in ("18", "19", "20") else reframe("intent", code)


def _reframe_no_intent(code: str) -> str | None:
    """"will not attack" is no rejection: only what cooperates is refused ("will not lift the ban")."""
    return reframe("refusal", code) if "03" <= code[:2] <= "08" else None


def _reframe_threat(code: str) -> str | None:
    """"threatened to cut aid / to attack" (13x); "threatened to stop talks": a threat too."""
    return _SPECIFIC.get(("threat", code)) or (_INTENT.get(code[:2]) if code[:2] >= "14" else "130")


def _reframe_intent(code: str) -> str | None:
    """"will provide aid" (03x); "will cut aid", "may halt its mediation if ...": a threat."""
    if code[:2] in ("01", "02", "03", "09", "10", "11", "12", "13"):
        return None
    if code[:2] >= "14":
        return reframe("threat", code)
    return _parallel("intent", code)


def _reframe_refusal(code: str) -> str | None:
    """"refused to meet" (12x); a rejection refused is left alone."""
    return None if code[:2] == "12" else _parallel("refusal", code)


def _reframe_appeal(code: str) -> str | None:
    """"urged Iran to release": CAMEO's 02 mirrors its 10 code for code: the demand's code, as an appeal."""
    if code[:2] == "02":  # ("called on Rohan to urge the junta ...": the appeal asked for is the asker's appeal)
        return code
    demand = code if code[:2] == "10" else reframe("demand", code)
    return "02" + demand[2:] if demand and demand[:2] == "10" else None


def _reframe_invitation(code: str) -> str | None:
    """"invited both sides to hold talks", "invited the minister to visit Oslo": the inviter's intent
    to meet (036: "offer ... to meet, visit, or engage in talks")."""
    return _INTENT[MEETING_ROOT]


def _reframe_demand(code: str) -> str | None:
    """"demanded that X withdraw" (10x); an appeal or a demand already is left alone."""
    return None if code[:2] in ("02", "10") else _parallel("demand", code)


def _parallel(kind: str, code: str) -> str | None:
    """The code parallel to ``code`` in the kind's table (a more specific one where CAMEO has it)."""
    specific = _SPECIFIC.get((kind, code))
    if specific:
        return specific
    table = {"intent": _INTENT, "refusal": _REFUSAL, "demand": _DEMAND}[kind]
    return table.get(code[:2], {"intent": "030", "refusal": "120", "demand": DEMAND_CODE}[kind])


# frame kind → its reframing rule (a kind not listed takes the parallel code)
_REFRAMERS = {
    "decision": _reframe_decision, "option": _reframe_option, "protest": _reframe_protest,
    "posture": _reframe_posture, "no-intent": _reframe_no_intent, "threat": _reframe_threat,
    "intent": _reframe_intent, "refusal": _reframe_refusal, "appeal": _reframe_appeal, "demand": _reframe_demand,
    "invitation": _reframe_invitation,
}

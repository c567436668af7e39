"""Reading a clause off the dependency parse: who is its subject, what is its object,
is it negated, is it asserted or only intended, hypothetical or reported.

These functions look only at the parse (spaCy tokens); they know nothing of actors or codes.
"""
from __future__ import annotations

from typing import Any

from ..lang import words
from ..nlp.casing import is_title_case
from ..nlp.types import Token

REPORTING = words("reporting_verbs")
# opinions: what they say will happen is a guess, not anyone's intention
OPINION_VERBS = words("opinion_verbs")
INTENT_GOVERNORS = words("intent_verbs") | words("intent_governors")
INTENT_ADJECTIVES = words("readiness_adjectives") | words("likelihood_adjectives")
NEGATING_GOVERNORS = words("refusal_verbs") | words("avoidance_verbs")
DENIAL_VERBS = words("denial_verbs")
MODAL_HYPOTHETICAL = words("possibility_modals") | words("obligation_modals") | {"can", "would"}
MODAL_FUTURE = words("future_auxiliaries")
CONDITIONAL_MARKS = words("condition_conjunctions") | {"whether", "lest"}
PURPOSE_DEPS = {"advcl", "acl", "xcomp", "relcl"}
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "csubjpass")
# nouns whose to-infinitive is what their owner means, refuses or decides to do ("her intention to endorse")
INTENT_NOUNS = words("intent_nouns")
REFUSAL_NOUNS = words("refusal_nouns")
DECISION_NOUNS = words("decision_nouns")
INTENT_STATING_VERBS = words("intent_stating_verbs")
CREDITING_VERBS = words("crediting_verbs")
# who tell someone else to act: "urged Israel to halt" (Israel halts)
TELLING_VERBS = words("pressing_verbs") | words("urging_verbs") | words("causing_verbs")


# Participles that say what their subject itself holds or does ("Israel is opposed to French
# mediation", "Serb forces were engaged in ethnic cleansing"): without a by-phrase the subject
# is the actor, not the one acted on.
STATIVE_PARTICIPLES = words("stative_participles")


def is_passive(verb: Token) -> bool:
    if verb.lower_ in STATIVE_PARTICIPLES and not any(c.dep_ == "agent" for c in verb.children):
        return False
    if misparsed_main_verb(verb):
        return False
    return any(c.dep_ in ("nsubjpass", "auxpass", "csubjpass") for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ == "acl"
    ) or headline_passive(verb) or _shares_passive(verb)


def _shares_passive(verb: Token) -> bool:
    """A participle coordinated with a passive, sharing its auxiliary: "was tortured and killed"."""
    return verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head.tag_ == "VBN" \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "dobj") for c in verb.children) \
        and any(c.dep_ == "auxpass" for c in verb.head.children)


def headline_passive(verb: Token) -> bool:
    """A headline's passive without its auxiliary, which the parse takes for an active verb with
    a plain "by" phrase: "Refugees given shelter by Turkey" (a past tense the tagger took for a
    participle has no "by": "The group released 19 hostages")."""
    return verb.tag_ == "VBN" and verb.dep_ == "ROOT" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children) \
        and any(c.dep_ == "prep" and c.lower_ == "by" for c in verb.children)


def headline_participle(verb: Token) -> bool:
    """The participle a verbless headline hangs on its noun: "Two Israeli soldiers wounded by
    Hamas gunmen", "Three killed in attack" (no other verb in the sentence: no description of
    a noun of some main clause)."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.head.dep_ != "ROOT" or verb.head.pos_ not in ("NOUN", "PROPN", "NUM"):
        return False
    own = {t.i for t in verb.subtree}
    return not any(t.pos_ in ("VERB", "AUX") and t.i not in own for t in verb.sent)


def _agent_phrase(verb: Token) -> Token | None:
    """The by-phrase of a passive (a headline's too, which the parse hangs as a plain "by")."""
    return next((c for c in verb.children if c.dep_ == "agent"
                 or (c.dep_ == "prep" and c.lower_ == "by" and headline_passive(verb))), None)


def finite_after_infinitive(verb: Token) -> bool:
    """"urged the embassy to reconsider and spoke with the minister": a verb with a tense of its
    own (past, or present with -s: "engage" may be either) that the parser coordinated to an
    infinitive is no part of it: it is the main clause's second act (not framed by "urged", done
    by the one who urged)."""
    return verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBZ") and verb.head.tag_ == "VB" \
        and verb.head.dep_ == "xcomp"


def subject_of(verb: Token) -> tuple[Token | None, bool]:
    """The grammatical agent of ``verb`` and whether it came from the clause itself.

    Passive clauses give the by-phrase's object; clauses without a subject of their own
    (coordinated verbs, infinitives, "by expressing ...") take their governor's: the walk
    goes up at most six clauses.
    """
    seen = 0
    tok: Token | None = verb
    via_conj = via_xcomp = via_purpose = False
    while tok is not None and seen < 6:
        seen += 1
        if is_passive(tok):
            return _passive_subject(tok, verb, via_conj, via_xcomp)
        subj = _own_subject(tok)
        if subj is not None:
            if subj.tag_ in ("WDT", "WP") and tok.dep_ == "relcl":
                return tok.head, False
            return subj, tok.i == verb.i
        if tok.dep_ == "relcl":
            return tok.head, False
        if misparsed_main_verb(tok):  # "Doctors from two aid groups donated ...": the sentence's noun
            return tok.sent.root, tok.i == verb.i
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.lemma_.lower() in DOCUMENT_NOUNS:
            tok = published_by(tok)  # "put out a report accusing the army of ...": its author's words
            continue
        applies, owner = _owner_of_act(tok, via_purpose)
        if applies:
            if owner is None or owner.pos_ not in ("VERB", "AUX"):
                return owner, False
            tok, via_conj = owner, True  # (the verb stating the intention: its subject's)
            continue
        if tok.dep_ not in _GOVERNED_DEPS and not _gerund_object(tok):
            return None, False
        if finite_after_infinitive(tok):  # the main clause's second act: its subject's
            tok, via_conj = tok.head.head, True
            continue
        obj = _told_to(tok)
        if obj is not None:
            return obj, False
        if tok.dep_ == "advcl" and tok.tag_ == "VBN":
            return None, False
        via_conj, via_xcomp = tok.dep_ == "conj", tok.dep_ == "xcomp"
        via_purpose = via_purpose or tok.dep_ == "advcl"
        tok = _governor(tok)
    return None, False


def intention_noun(verb: Token) -> Token | None:
    """The noun of intention, refusal or decision whose to-infinitive ``verb`` is: "stated her
    intention | to endorse a rival", "announced a plan | to expel the envoy", "its refusal | to meet"."""
    head = verb.head
    if verb.dep_ != "acl" or head.pos_ != "NOUN" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    lemma = head.lemma_.lower()
    if not (lemma in INTENT_NOUNS or lemma in REFUSAL_NOUNS or lemma in DECISION_NOUNS):
        return None
    # (only an intention someone states or holds: not one criticized, welcomed or cited, "condemned
    # Putin's decision to recognize ...", "declined his offer to resign": the verb's own act is the event)
    return head if head.dep_ == "dobj" and head.head.lemma_.lower() in INTENT_STATING_VERBS else None


def intention_owner(noun: Token) -> Token | None:
    """Whose intention ``noun`` (stated by its verb) is: a possessor named ("reaffirmed the
    United States' readiness to"); else the stating verb, whose subject owns it ("X stated her
    intention", "X announced a plan to", "X has no intention to"); none for another's plan with
    no possessor ("announced the Gondorian plan to ...")."""
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is not None:  # ("X stated her intention": her own, X's)
        return noun.head if poss.tag_ == "PRP$" else poss
    if any(c.dep_ == "compound" or (c.dep_ == "amod" and c.ent_type_) for c in noun.children):
        return None
    return noun.head


_GOVERNED_DEPS = frozenset(("conj", "xcomp", "advcl", "pcomp", "ccomp", "acomp"))


def _passive_subject(tok: Token, verb: Token, via_conj: bool, via_xcomp: bool) -> tuple[Token | None, bool]:
    """The agent of a passive clause ``tok`` reached from ``verb``: its by-phrase's object;
    "was indicted ... and will resign": the one indicted; "Gollum was seen to break into ...",
    "the rebels were reported (by local media) to have seized ...": the one seen or reported does
    the act, whoever reported it."""
    if (via_conj and not is_passive(verb)) or (via_xcomp and tok.lemma_.lower() in RAISING_PASSIVES):
        return next((c for c in tok.children if c.dep_ == "nsubjpass"), None), False
    agent = _agent_phrase(tok)
    if agent is not None:
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
        return pobj, tok.i == verb.i
    return None, False


def _own_subject(tok: Token) -> Token | None:
    """The clause's own subject: the first of ``_SUBJECT_FINDERS`` that finds one; "The Red
    Cross operating in Iraq said ...": where the parser made the participle the subject, its subject."""
    subj = None
    for finder in _SUBJECT_FINDERS:
        subj = finder(tok)
        if subj is not None:
            break
    if subj is not None and subj.tag_ == "VBG" and subj.dep_ == "nsubj":
        subj = next((c for c in subj.children if c.dep_ == "nsubj"), subj)
    return subj


def _dependent_subject(tok: Token) -> Token | None:
    """The subject the parse gives ("Russia said"); "Near Ar Raqqah, three strikes engaged ...":
    a fronted phrase is no subject (a stative participle's "nsubjpass" is its subject)."""
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "csubj", "nsubjpass")]
    if not subjects:
        return None
    if len(subjects) >= 2 and (fronted(subjects[0], subjects[1]) or describes_next(subjects[0], subjects[1])):
        return subjects[1]
    return subjects[0]


def _auxiliary_subject(tok: Token) -> Token | None:
    """A parse that hangs the subject on the auxiliary ("has [Russia] ... said"): the last one."""
    subj = None
    for aux in (c for c in tok.children if c.dep_ in ("aux", "auxpass")):
        subj = next((c for c in aux.children if c.dep_ in ("nsubj", "csubj")), subj)
    return subj


def _acronym_subject(tok: Token) -> Token | None:
    """"USAID had announced ...": an acronym the tagger took for an adverb."""
    return next((c for c in tok.children if c.i < tok.i and c.dep_ in ("advmod", "npadvmod", "dep")
                 and len(c.text) >= 2 and c.text.isalpha() and c.text.isupper()), None)


def _told_to(tok: Token) -> Token | None:
    """Whom an infinitive's governor tells to act: "urged Israel to halt" → Israel; "called on
    Israel to halt": Israel halts ("called Erdogan to apologize": he did)."""
    if tok.dep_ != "xcomp":
        return None
    head = tok.head
    obj = next((c for c in head.children if c.dep_ == "dobj"), None)
    if head.lemma_ == "call":
        on = next((c for c in head.children if c.dep_ in ("prep", "prt") and c.lower_ in ("on", "upon")
                   and c.i > head.i), None)
        # (the parse may make "on" a particle and Israel the object: "call on more countries to")
        obj = None if on is None else obj if on.dep_ == "prt" else next(
            (x for x in on.children if x.dep_ == "pobj"), None)
    return obj if obj is not None and head.lemma_ in TELLING_VERBS else None


def _owner_of_act(tok: Token, via_purpose: bool) -> tuple[bool, Token | None]:
    """(True, whose act it is) for the infinitive of a stated intention ("stated her intention to
    endorse": the intention's owner, or the verb whose subject owns it; not a purpose clause further
    down, "its commitment to work | to prevent ...") and for what one is credited or blamed for
    ("commended Bahrain for voting": Bahrain); (False, None) for any other clause."""
    if intention_noun(tok) is not None and not via_purpose:
        return True, intention_owner(tok.head)
    credited = _credited_for(tok)
    return (True, credited) if credited is not None else (False, None)


def _gerund_object(tok: Token) -> bool:
    """A gerund the parse made the object of a verb's preposition, as it would a "pcomp": "joined
    141 countries in | voting for the resolution"."""
    return tok.dep_ == "pobj" and tok.tag_ == "VBG" and tok.head.dep_ == "prep" \
        and tok.head.head.pos_ in ("VERB", "AUX")


def _credited_for(tok: Token) -> Token | None:
    """The one credited or blamed for the act a "for" gerund names does it: "commended Bahrain for
    voting ..." (Bahrain votes), "arrested activists for blocking the road" (the activists)."""
    if not (tok.dep_ == "pcomp" or _gerund_object(tok)) or tok.tag_ != "VBG" or tok.head.lower_ != "for":
        return None
    verb = tok.head.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in CREDITING_VERBS:
        return None
    return next((c for c in verb.children if c.dep_ == "dobj"), None)


def _governor(tok: Token) -> Token:
    """The clause whose subject a subjectless clause takes: its head ("by expressing": the
    preposition's verb; an adjective's verb); "Taliban fighters overran a base, officials said,
    killing 17 soldiers": the participle goes on from what was said, not from the saying."""
    head = tok.head
    if tok.dep_ == "pcomp" or _gerund_object(tok):
        head = head.head
    if tok.dep_ == "advcl" and tok.tag_ == "VBG" and head.lemma_.lower() in REPORTING:
        said = next((c for c in head.children if c.dep_ == "ccomp" and c.i < tok.i), None)
        head = said if said is not None else head
    if head.pos_ == "ADJ" and head.dep_ in ("acomp", "xcomp", "amod"):
        head = head.head
    return out_of_quotation(tok, head)


QUOTE_MARKS = frozenset(('"', "\u201c", "\u201d", "''", "``"))


def quotation_of(tok: Token) -> tuple[int, int] | None:
    """The (opening, closing) marks of the quotation ``tok`` is inside, as token indices (a
    quotation left open runs to the end of the sentence); None outside any."""
    sent = tok.sent
    marks = [t.i for t in sent if t.text in QUOTE_MARKS]
    if len(marks) % 2:
        marks.append(sent.end)
    return next(((a, b) for a, b in zip(marks[::2], marks[1::2]) if a < tok.i < b), None)


def out_of_quotation(tok: Token, head: Token) -> Token:
    """A clause outside a quotation the parse hung on a word inside it is governed by what frames
    the quotation, not by the quoted words: 'X said, "They need to stand by us", while addressing
    the press' (X addressed it, not "they"): the first word above the quotation, or the reporting
    verb the parse made a dependent of the quoted clause ('"We will win," X said, adding ...')."""
    span = quotation_of(head) if head.i != tok.i else None
    if span is None or span[0] < tok.i < span[1]:
        return head
    top = head
    while span[0] < top.i < span[1] and top.head.i != top.i:
        top = top.head
    if not span[0] < top.i < span[1]:
        return top
    framing = next((c for c in top.children if not span[0] < c.i < span[1] and c.i != tok.i
                    and c.pos_ == "VERB" and c.lemma_.lower() in REPORTING), None)
    return framing if framing is not None else head


BACKGROUND_MARKS = words("background_conjunctions")
ATTRIBUTIVE_PARTICIPLES = words("attributive_participles")
TIME_PREPS = BACKGROUND_MARKS | words("time_prepositions")
# verbs whose passive participle still takes an object ("refugees given shelter", "a town denied aid")
DOUBLE_OBJECT_VERBS = words("double_object_verbs")
# passives whose subject does the infinitive's act ("were seen to break in", "is reported to have
# fled"), unlike "was urged / forced to ...", where someone else acts on the subject
RAISING_PASSIVES = words("raising_verbs")
# what speaks for its author: "a report accusing ...", "a letter threatening ..."
DOCUMENT_NOUNS = words("document_nouns")


def fronted(first: Token, second: Token) -> bool:
    """A comma, and no "and", ends the first phrase before the second begins, and the second
    runs up to their verb: "Near Ar Raqqah, three strikes engaged ..." (not the list "Lions,
    tigers, and Gondor", nor "Members of X, a body linked to Y, investigated ...")."""
    end = max((t.i for t in first.subtree if not t.is_punct), default=first.i)  # (the parse may hang the comma on it)
    start = min(t.i for t in second.subtree)
    last = max((t.i for t in second.subtree if not t.is_punct), default=start)
    between = first.doc[end + 1:start]
    return (end < start and any(t.text == "," for t in between) and not any(t.dep_ == "cc" for t in between)
            and not any(t.text == "," for t in first.doc[last + 1:second.head.i]))


def describes_next(first: Token, second: Token) -> bool:
    """A bare common noun the parse made a subject of its own right before a name it describes:
    "The rebel | Free Syrian Army threatened ..." (not a described role that names no one else:
    "the official news agency WFNA said" is the agency's)."""
    return first.pos_ == "NOUN" and second.pos_ == "PROPN" and all(c.dep_ == "det" for c in first.children) \
        and first.i + 1 == min(t.i for t in second.subtree)


def misparsed_main_verb(verb: Token) -> bool:
    """A past-tense verb the parse hung on a noun as if it described it, under a sentence whose
    root is that noun phrase: "Doctors from two aid groups donated and delivered ...", "The
    Iraqi air force carried out three air strikes". A describing participle is never in the
    past tense (VBD), nor coordinated with one, nor (but for verbs of giving: "students given
    grants") takes a direct object."""
    if verb.dep_ != "acl":
        return False
    past = verb.tag_ == "VBD" or (verb.tag_ == "VBN" and (
        any(c.dep_ == "conj" and c.tag_ == "VBD" for c in verb.children)
        or (verb.lemma_.lower() not in DOUBLE_OBJECT_VERBS and any(c.dep_ == "dobj" for c in verb.children))))
    return past and verb.sent.root.pos_ in ("NOUN", "PROPN") and verb.sent.root.i < verb.i


def published_by(content: Token) -> Token | None:
    """The verb that puts out the document whose content ``content`` (an "-ing" participle) is:
    "put out" in "put out a report accusing the army", "approved" in "approved a resolution
    criticizing ...", "sent" in "sent a letter threatening to ..."; None when there is none."""
    if content.dep_ != "acl" or content.tag_ != "VBG" or content.head.lemma_.lower() not in DOCUMENT_NOUNS:
        return None
    noun = content.head
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    for _ in range(2):  # "voted in favor of a resolution condemning ...": up the phrase to its verb
        if verb.pos_ in ("VERB", "AUX") or verb.dep_ != "pobj" or verb.head.dep_ != "prep":
            break
        verb = verb.head.head
    return verb if verb.i != noun.i and verb.pos_ in ("VERB", "AUX") else None


def in_background(verb: Token) -> bool:
    """The verb is in (or under) an "after"/"since"/"before" clause ("... after crowds trashed
    its embassy", "since the army took power") or a relative clause that describes someone
    ("the Taliban faction that controls Afghanistan", "de Klerk, who is trying to ...")."""
    tok = verb
    for _ in range(8):
        if tok.dep_ == "relcl" or (tok.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS for c in tok.children)):
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def standing_description(verb: Token) -> bool:
    """The verb is (or is the infinitive or conjunct of) a relative clause in the simple present,
    which tells what someone or something is or does as a rule, not an act: "Hamas, which
    controls Gaza", "our partnership, which ranges from trade to ...", "the war, in which the
    Houthis seek to seize Marib" (not "Smith, who says he was beaten": what is said may be an act;
    nor "which attacked", "which has sent": a past act)."""
    tok = verb
    for _ in range(4):
        if tok.dep_ == "relcl":
            return tok.tag_ in ("VBZ", "VBP") and tok.lemma_.lower() not in REPORTING and not any(
                c.dep_ in ("aux", "auxpass") for c in tok.children)
        if tok.dep_ not in ("xcomp", "conj") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


# verbs whose that-clause is a view argued: "argued that the law violates the charter"
ARGUING_VERBS = words("contention_verbs") | OPINION_VERBS
REASON_MARKS = words("reason_conjunctions")


def argued_state(verb: Token) -> bool:
    """A verb in the simple present inside a reported argument describes how things stand, it
    tells no act: "argued that the bill hurts workers", "we believe the plan violates the
    charter", "argued this was different because now the party controlling the Senate matches
    the President's party" (a reason given under a verb of saying)."""
    if verb.tag_ not in ("VBZ", "VBP") or verb.lemma_.lower() in REPORTING or any(
            c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    head = verb.head
    if verb.dep_ == "ccomp":
        return head.lemma_.lower() in ARGUING_VERBS
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in REASON_MARKS for c in verb.children):
        return False
    tok = head
    for _ in range(4):
        if tok.lemma_.lower() in REPORTING:
            return True
        if tok.dep_ not in ("ccomp", "conj", "xcomp") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


DEMONSTRATIVES = words("demonstrative_pronouns")
OCCASION_NOUNS = words("occasion_nouns")
TEXT_NOUNS = words("text_nouns")


def thing_as_agent(verb: Token) -> Token | None:
    """The agent of ``verb`` when it is a thing, not an actor: a bare demonstrative ("This
    includes $38 million in new assistance to support ...") or an occasion, bond or means ("The
    ceremony highlighted ...", "These resources will enable us to ..."); not "those who fled", nor
    a thing coordinated with an actor; a text, "The Budget provides $2 billion", "The Request
    supports ...", even under its name: "the Treaty of Edoras bans ...")."""
    subj, _ = subject_of(verb)
    if subj is None or any(c.dep_ == "conj" for c in subj.children) or sum(
            1 for c in subj.head.children if c.dep_ in SUBJECT_DEPS) > 1:  # ("Efforts: the EDRI will ...": the EDRI)
        return None
    if subj.lower_ in DEMONSTRATIVES and subj.tag_ == "DT" and not any(True for _ in subj.children):
        return subj
    word = {subj.lemma_.lower(), subj.lower_}
    if word & TEXT_NOUNS and subj.pos_ in ("NOUN", "PROPN"):  # ("The Budget provides ...", "the Treaty of X bans ...")
        return subj
    # (an occasion or a programme capitalised as a title: "The Partnership promotes ..."; but not
    # under a name, which stands for whoever runs it: "the President's Emergency Plan for ... used funds")
    titled = subj.pos_ == "PROPN" and not any(c.dep_ in ("compound", "poss", "nmod") for c in subj.children)
    return subj if (subj.pos_ == "NOUN" or titled) and word & OCCASION_NOUNS else None


def modifier_participle(verb: Token) -> bool:
    """A participle before the noun it modifies describes the noun: "these increased resources",
    "the proposed talks", "a US-led coalition"."""
    return verb.dep_ == "amod" and verb.tag_ in ("VBN", "VBD", "VBG") and verb.i < verb.head.i


MEANS_NOUNS = words("means_nouns")


def purpose_of_means(verb: Token) -> bool:
    """A "to"-infinitive that says what a thing given or used is for: "supplies and equipment to
    defend against Russia's aggression", "new tools to fight corruption" (the act is the giving,
    if any; "troops to fight ISIS" are people, who may)."""
    if verb.dep_ not in ("acl", "relcl") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
            or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return False
    return verb.head.lemma_.lower() in MEANS_NOUNS or verb.head.lower_ in MEANS_NOUNS


WH_WORDS = words("question_words")
PLURAL_PRONOUNS = words("plural_pronouns")


def lone_topic(verb: Token) -> bool:
    """One speaker told, in the past, a topic in a question clause, with no one: "He discussed
    how he became the nominee", "she explained why she ran" (an interview; not "discussed with
    Rohan how ...", "Rohan and Gondor discussed how ...", "They discussed how ...", nor "will
    discuss how ...", "met ... to discuss how ...": the meeting's partners)."""
    if verb.tag_ != "VBD" or any(c.dep_ in ("dobj", "dative") or (c.dep_ == "prep" and c.lower_ in ("with", "to"))
                                 for c in verb.children):
        return False
    subj, _ = subject_of(verb)
    if subj is None or subj.tag_ in ("NNS", "NNPS") or subj.lower_ in PLURAL_PRONOUNS \
            or any(c.dep_ == "conj" for c in subj.children):
        return False
    return any(c.dep_ == "ccomp" and any(w.lower_ in WH_WORDS and w.i < c.i for w in c.subtree)
               for c in verb.children)


TOPIC_PREPOSITIONS = words("topic_prepositions")


def gerund_of_noun(verb: Token) -> bool:
    """An "-ing" form in a phrase that completes a noun names what the noun is about, not an act:
    "Morocco's role in promoting regional stability", "our partnership in supporting Somalia",
    "the importance of the alliance to promoting peace" (not "invests by supporting ...", whose
    phrase goes with a verb)."""
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or verb.head.lower_ not in TOPIC_PREPOSITIONS:
        return False
    return verb.head.head.pos_ in ("NOUN", "PROPN")


TOPIC_VERBS = words("topic_verbs")
TOPIC_PATH = ("conj", "pcomp", "pobj", "prep", "appos", "dobj", "xcomp", "ccomp")


def discussed_gerund(verb: Token) -> bool:
    """An "-ing" form that is what a talk is about: "discussed strengthening security cooperation
    and expanding trade", "to discuss a range of issues, including combating the climate crisis"
    (a topic of the talk, no act; not "discussed trade and agreed to ...", a finite act)."""
    if verb.tag_ != "VBG":
        return False
    tok = verb
    for _ in range(8):
        head = tok.head
        if head.i == tok.i or tok.dep_ not in TOPIC_PATH:
            return False
        if head.pos_ == "VERB" and head.lemma_.lower() in TOPIC_VERBS:
            return tok.dep_ != "conj"
        if head.pos_ in ("VERB", "AUX") and head.tag_ != "VBG":
            return False
        tok = head
    return False


HEADING_ENDS = (":", ";")


def heading_gerund(verb: Token) -> bool:
    """A capitalised "-ing" form that begins a heading or a list item, with no subject of its own
    and no finite verb before the colon, semicolon or end that closes it: "Promoting
    Accountability: The Department has designated ...", "... the six lines of effort: (1) Getting
    Shots in Arms; (2) Addressing Information Gaps" (not "Speaking to reporters, he said ...")."""
    if verb.tag_ != "VBG" or not verb.text[:1].isupper() or verb.dep_ in SUBJECT_DEPS \
            or any(c.dep_ in SUBJECT_DEPS or c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    sent = verb.sent
    before = next((t for t in reversed(sent[:verb.i - sent.start]) if not _list_marker(t)), None)
    if before is not None and before.text not in HEADING_ENDS:
        return False
    for t in sent[verb.i - sent.start + 1:]:
        if t.text in HEADING_ENDS:
            return True
        if t.text == "," or t.tag_ in ("VBD", "VBZ", "VBP", "MD"):
            return False
    return True


def _list_marker(tok: Token) -> bool:
    """"(3)", "3.", "b)", "-", a bullet, "and": what numbers or marks a list item."""
    text = tok.text
    return tok.tag_ == "LS" or tok.dep_ == "cc" or tok.is_punct and text not in HEADING_ENDS or (
        text.isdigit() and len(text) <= 3) or (len(text) == 1 and text.isalpha() and text.islower())


def headline_subject(verb: Token) -> Token | None:
    """The subject a headline's parse hung on its verb as a compound ("US envoy visits Kyiv",
    "US sanctions Iran"): the phrase right before the verb."""
    return next((c for c in verb.children if c.dep_ in ("compound", "nmod") and c.i == verb.i - 1
                 and c.pos_ in ("NOUN", "PROPN")), None)


def stranded_subject(verb: Token) -> Token | None:
    """The subject a parse joined to a fronted phrase as one more conjunct ("With the signing of
    the MOU, the government and the SPLM have agreed ..."): the noun phrase between the phrase's
    comma and the main verb, when its head hangs before that comma."""
    if verb.dep_ != "ROOT":
        return None
    first = min([verb.i] + [c.i for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i])
    sent = verb.sent
    comma = next((k for k in range(first - 1, sent.start, -1) if verb.doc[k].text == ","), None)
    if comma is None or comma + 1 >= first:
        return None
    span = range(comma + 1, first)
    heads = [verb.doc[k] for k in span if verb.doc[k].head.i not in span]
    if len(heads) != 1 or heads[0].pos_ not in ("NOUN", "PROPN") or heads[0].dep_ not in ("conj", "appos"):
        return None
    return heads[0] if heads[0].head.i < comma else None


def appositive_subject(verb: Token) -> Token | None:
    """The subject a parse made an appositive of the phrase before it, leaving its finite verb
    without one: "... troops from Syria, Defence Minister Sergei Shoigu said on Monday"."""
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i == 0:
        return None
    tok = verb.doc[verb.i - 1]
    while tok.dep_ != "appos" and tok.head.i != tok.i and tok.head.i < verb.i:
        tok = tok.head
    return tok if tok.dep_ == "appos" and max(t.i for t in tok.subtree) == verb.i - 1 else None


# Where a clause's own subject is found, in the order tried (``_own_subject``).
_SUBJECT_FINDERS = (_dependent_subject, _auxiliary_subject, headline_subject, stranded_subject,
                    appositive_subject, _acronym_subject)


def attributive_participle(tok: Token) -> Token | None:
    """The person a participle describes where the parse made them its object: "met visiting
    Chinese Premier Li Keqiang", "rallied against visiting Secretary of State Mike Pompeo"
    (whom they met or rallied against, not whom anyone visited)."""
    if tok.tag_ != "VBG" or tok.lower_ not in ATTRIBUTIVE_PARTICIPLES or tok.i + 1 >= len(tok.doc) \
            or any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in tok.children) \
            or tok.dep_ not in ("pcomp", "amod", "xcomp", "dobj", "advcl", "acl", "conj") \
            or not (tok.i and tok.doc[tok.i - 1].pos_ in ("VERB", "ADP", "DET", "CCONJ")):
        return None
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    return obj if obj is not None and obj.ent_type_ == "PERSON" and obj.i - tok.i <= 6 else None


def object_of(verb: Token) -> Token | None:
    """The direct object (or the passive subject, which is the thing acted on)."""
    if is_passive(verb):
        subj = next((c for c in verb.children if c.dep_ == "nsubjpass"
                     or (c.dep_ == "nsubj" and headline_passive(verb))), None)
        if subj is None and headline_participle(verb):  # "Two soldiers wounded by ...": the soldiers
            subj = verb.head
        if subj is None and verb.dep_ == "conj":  # "Iran attacked ships and was punished": their shared subject
            subj = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return subj
    for dep in ("dobj", "dative", "obj", "iobj"):
        objs = [c for c in verb.children if c.dep_ == dep]
        if objs:  # ("meet his counterpart Italian President Mattarella": the parse's two objects, the name)
            return next((c for c in objs if c.pos_ != "ADJ"), objs[0])
    counted = _up_to_count(verb)
    if counted is not None:  # "kidnapped up to 16 advisers", parsed as a particle's phrase
        return counted
    if verb.pos_ == "NOUN" and verb.dep_ == "ROOT":  # a headline's verb taken for a noun: "US sanctions Iran"
        return next((c for c in verb.children if c.dep_ == "appos" and c.i > verb.i), None)
    return None


def _up_to_count(verb: Token) -> Token | None:
    """The counted noun of "up to N ..." when the parser hung it on a particle "up"."""
    return next((x for c in verb.children if c.dep_ == "prt" and c.lower_ == "up"
                 for p in c.children if p.dep_ == "prep" and p.lower_ == "to"
                 for x in p.children if x.dep_ == "pobj" and any(n.dep_ == "nummod" for n in x.children)), None)


def prepositional_objects(verb: Token) -> list[tuple[str, Token]]:
    """(preposition, object) pairs of the verb, then of its object's phrase, left to right.

    "held a meeting with X", "launched an offensive against X", "suspension of aid to X":
    phrases on the object (two levels down) name the target as often as the verb's own.
    """
    out: list[tuple[str, Token]] = []
    for owner in _phrase_owners(verb):
        for c in owner.children:
            if c.dep_ in ("prep", "dative") and (c.i > verb.i or owner is not verb):
                pobj = _preposition_object(c)
                if pobj is not None:
                    out.append((c.lower_, pobj))
    return out


def _phrase_owners(verb: Token) -> list[Token]:
    """The words whose prepositional phrases ``prepositional_objects`` reads, in order: the
    verb, its object (a passive's subject: "sanctions against Iran were lifted") and that
    object's phrases' objects; last the verb's own phrases' objects ("called for sanctions
    against Nigeria"; not of a time: "imposed a curfew after clashes between Hindu and Muslim gangs")."""
    obj = object_of(verb)
    owners = [verb]
    if obj is not None:
        owners.append(obj)
        for c in obj.children:
            if c.dep_ == "prep":
                owners.extend(x for x in c.children if x.dep_ == "pobj")
    owners.extend(x for c in verb.children if c.dep_ == "prep" and c.i > verb.i and c.lower_ not in TIME_PREPS
                  for x in c.children if x.dep_ == "pobj")
    return owners


def _preposition_object(prep: Token) -> Token | None:
    """The object of a preposition: its own, a person an attributive participle describes
    ("against visiting Secretary of State Mike Pompeo"), or the object a coordinated
    preposition shares ("travel curbs to and from North Korea")."""
    pobj = next((x for x in prep.children if x.dep_ == "pobj"), None) \
        or next((a for x in prep.children if x.dep_ == "pcomp" and (a := attributive_participle(x)) is not None), None)
    if pobj is None:
        pobj = next((x for p in prep.children if p.dep_ == "conj" and p.pos_ == "ADP"
                     for x in p.children if x.dep_ == "pobj"), None)
    return pobj


def _has_negation(verb: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") for c in verb.children)


def denied_clause(verb: Token) -> bool:
    """The that-clause of a denial or of a negated report: "denied that its troops had shelled
    the village", "did not say he had ordered it", "never said the army bombed it" (but "did
    not deny that ...": the act stands)."""
    if verb.dep_ != "ccomp" or verb.head.i == verb.i:
        return False
    head = verb.head
    if head.lemma_.lower() in DENIAL_VERBS:
        return not _has_negation(head)
    return head.lemma_.lower() in REPORTING and _has_negation(head)


def shares_negation(verb: Token) -> bool:
    """A bare verb coordinated under a negated auxiliary shares the negation: "did not concede
    or admit defeat", "will not meet or call him" (not "did not attend and criticized them", whose
    own tense makes it a clause of its own, nor "did not arrest them but dispersed them")."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ != "VB" or head.i == verb.i or not _has_negation(head):
        return False
    if not any(c.dep_ == "aux" for c in head.children) or any(c.dep_ in ("nsubj", "nsubjpass", "aux")
                                                             for c in verb.children):
        return False
    cc = [c for c in head.children if c.dep_ == "cc" and head.i < c.i < verb.i]
    return not cc or cc[-1].lower_ != "but"


def _no_intention(verb: Token) -> bool:
    """"has no intention to attack", "did not announce a plan to withdraw": an intention denied."""
    noun = intention_noun(verb)
    return noun is not None and (any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)
                                 or _has_negation(noun.head)
                                 or any(a.dep_ == "aux" and _has_negation(a) for a in noun.head.children))


def is_negated(verb: Token) -> bool:
    """"did not meet", "never met", "refused to meet", "denied that they met", "did not concede
    or admit it"."""
    if _has_negation(verb) or denied_clause(verb) or shares_negation(verb) or _no_intention(verb):
        return True
    tok = verb
    for _ in range(3):
        if tok.dep_ in ("xcomp",) and tok.head.lemma_ in NEGATING_GOVERNORS:
            return True
        if tok.dep_ in ("xcomp", "conj") and tok.head.i != tok.i:
            tok = tok.head
            if tok.dep_ != "conj" and any(c.dep_ == "neg" for c in tok.children) and verb.dep_ == "xcomp":
                return True
            continue
        break
    return False


def modality_of(verb: Token) -> str:
    """asserted | intended | hypothetical | reported, from auxiliaries and governing words:
    the clause's own marks first (``_own_modality``), then whether it is a condition or a question
    ("asked whether Rohan was arming rebels to attack Gondor": hypothetical), then up its governors
    (``_governed_modality``)."""
    return ("hypothetical" if wished_for(verb) else None) or _own_modality(verb) \
        or ("hypothetical" if in_condition(verb) else None) or _governed_modality(verb) or "asserted"


WISHING_VERBS = words("wishing_verbs")


def wished_for(verb: Token) -> bool:
    """What someone hopes, wishes, expects or wants another to do has not happened: "hopes that
    Rohan will come back and engage", "wants foreign troops to leave", "expects Gondor to comply"
    (not "hopes to meet", "wants to meet": the wisher's own intent)."""
    tok = verb
    for _ in range(4):
        if tok.dep_ != "conj" or tok.head.i == tok.i:
            break
        tok = tok.head
    head = tok.head
    if head.i == tok.i or not {head.lemma_.lower(), head.lower_} & WISHING_VERBS:
        return False
    if tok.dep_ == "ccomp":
        return True
    return tok.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in head.children)


def _own_modality(verb: Token) -> str | None:
    """"could meet" hypothetical; "will meet", "is going to meet" intended ("analysts believe
    Iran will retaliate": a guess, hypothetical); "if they meet" hypothetical."""
    if unrealised_clause(verb):
        return "hypothetical"
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxes & MODAL_HYPOTHETICAL:
        return "hypothetical"
    if auxes & MODAL_FUTURE or _going_to(verb) or (verb.dep_ == "ROOT" and trip_announced(verb)):
        return "hypothetical" if verb.dep_ == "ccomp" and verb.head.lemma_ in OPINION_VERBS else "intended"
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in verb.children):
        return "hypothetical"
    return None


def _governed_modality(verb: Token) -> str | None:
    """What the clauses above ``verb`` (up to four) make of it (``_clause_modality``); "ready
    to meet": an intent adjective on the way up makes it intended."""
    tok = verb
    if finite_after_infinitive(tok):  # the main clause's second act: what is above the main verb
        tok = tok.head.head
    for _ in range(4):
        head = tok.head
        if head.i == tok.i:
            break
        found = _clause_modality(tok, head)
        if found is not None:
            return found
        if tok.dep_ not in ("xcomp", "conj", "ccomp", "acomp"):
            break
        if shares_auxiliaries(tok):  # "will continue to provide aid", "will meet and discuss"
            found = _own_modality(head)
            if found is not None:
                return found
        tok = head
        if tok.pos_ == "ADJ" and tok.lower_ in INTENT_ADJECTIVES:
            return "intended"
    return None


TRIP_VERBS = words("trip_verbs")
_PRESENT_BE = frozenset(("is", "are", "am", "'s", "'re"))


def trip_announced(verb: Token) -> bool:
    """"Secretary X travels to Rome May 3-5", "is traveling to Riga this month": a trip told in
    the present with its dates is announced: an intent to meet, not a meeting held (a headline's
    "US envoy visits Kyiv", with no dates, tells the visit)."""
    if verb.lemma_.lower() not in TRIP_VERBS:
        return False
    present = verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lower_ in _PRESENT_BE for c in verb.children))
    return present and any(t.ent_type_ == "DATE" and t.lower_ not in _NOW for t in verb.subtree)


_NOW = frozenset(("today", "yesterday", "tonight", "now"))


def shares_auxiliaries(tok: Token) -> bool:
    """The clause ``tok`` is told under its head's auxiliaries: an infinitive ("will continue to
    provide", "could try to meet") or a bare verb coordinated with its head, with no subject or
    auxiliary of its own ("will meet and discuss"; not "met and will discuss", nor "Rohan will
    attack and Gondor defends")."""
    if tok.dep_ == "xcomp":
        return tok.head.pos_ in ("VERB", "AUX")
    # (a "to" of its own is the parse's: "will continue to explore ... and to discuss" hangs "discuss" on "continue")
    return tok.dep_ == "conj" and tok.tag_ == "VB" and tok.head.pos_ == "VERB" and not any(
        c.dep_ in SUBJECT_DEPS or (c.dep_ in ("aux", "auxpass") and c.lower_ != "to") for c in tok.children)


# verbs whose future is their infinitive's: "will continue to provide aid", "will work to expand"
FUTURE_CARRIERS = words("continuation_verbs") | words("effort_verbs")


def future_carrier(verb: Token) -> Token:
    """The verb whose auxiliaries tell ``verb``'s future: the verb itself, or the verb of going on
    or of effort whose infinitive it is ("will continue to provide aid": "continue"; "will work to
    strengthen": "work"; but "will help Rohan rebuild": "rebuild", an act of its own)."""
    tok = verb
    for _ in range(3):
        infinitive = tok.dep_ == "xcomp" or (tok.dep_ == "advcl" and any(  # ("work | to strengthen": a purpose)
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children))
        if not infinitive or tok.head.lemma_.lower() not in FUTURE_CARRIERS:
            break
        tok = tok.head
    return tok


def _clause_modality(tok: Token, head: Token) -> str | None:
    """The modality a governing word gives the clause ``tok`` under it: "plans to meet" intended,
    "could try to meet" hypothetical, "arrived ... to discuss" (a purpose clause) intended, "sued
    ... to block" (the purpose of an act told as done) and "would attack ... to take" (of an act
    that did not happen) hypothetical,
    "... if they meet" hypothetical, "said [they met]" reported."""
    if tok.dep_ in ("advcl", "ccomp", "xcomp", "relcl", "acl") and called_needed(head):
        return "hypothetical"
    if tok.dep_ == "xcomp":
        if head.lemma_ in INTENT_GOVERNORS or head.lower_ in INTENT_ADJECTIVES or head.lower_ in WISHING_VERBS:
            return "intended"
        if any(c.dep_ == "aux" and c.lower_ in MODAL_HYPOTHETICAL for c in head.children):
            return "hypothetical"
    if tok.dep_ in ("acl", "advcl", "relcl") and any(c.lower_ == "to" and c.dep_ == "aux" for c in tok.children):
        # (the purpose of what did not happen did not either: "would attack the town to take it")
        hypothetical = purpose_of_done_act(tok, head) or (head.pos_ in ("VERB", "AUX")
                                                          and modality_of(head) == "hypothetical")
        return "hypothetical" if hypothetical else "intended"
    if (tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in tok.children)) \
            or unrealised_clause(tok):
        return "hypothetical"
    if tok.dep_ == "ccomp" and head.lemma_ in REPORTING:
        return "reported"
    return None


TRAVEL_VERBS = words("travel_verbs")
TALK_VERBS = words("talk_verbs")
STEP_VERBS = words("step_verbs")


def purpose_of_done_act(tok: Token, head: Token) -> bool:
    """A purpose clause of an act told as done, which says what the act was for, not a further
    act: "sued the prosecutor to block the release", "designated them for conspiring with the
    regime to undermine its institutions", "deployed troops to deter an invasion" (not a plan:
    "will travel to Berlin to meet", "travelled to Paris to meet his counterpart", whose purpose
    is the trip's own act; "spoke with her to congratulate her": what a talk was for was said in it;
    "took steps to impose": the step's act)."""
    if tok.dep_ != "advcl" or head.pos_ != "VERB" or head.lemma_.lower() in TRAVEL_VERBS | TALK_VERBS | STEP_VERBS | REPORTING:
        return False
    if any(c.dep_ in ("aux", "auxpass") and (c.lower_ in MODAL_FUTURE or c.lower_ in MODAL_HYPOTHETICAL)
           for c in head.children):
        return False
    return head.tag_ in ("VBD", "VBN") or (head.tag_ == "VBG" and head.dep_ == "pcomp")


PURPOSE_CONJUNCTIONS = words("purpose_conjunctions")
PENDING_CONJUNCTIONS = words("pending_conjunctions")
PRESENT_TAGS = ("VBZ", "VBP")


def unrealised_clause(tok: Token) -> bool:
    """A purpose clause ("so that every voter will be granted a ballot", "in order that the border
    is protected", "lest they arrest him") or a time clause in the present tense, which tells what
    is still to come ("until it hears arguments", "before the council votes"; not "until it heard
    arguments", "before he left"): what it tells has not happened."""
    if tok.dep_ not in ("advcl", "acl"):
        return False
    marks = [c for c in tok.children if c.dep_ == "mark" and c.i < tok.i]
    if not marks:
        return False
    lead = " ".join(t.lower_ for t in tok.doc[max(marks[0].i - 2, tok.sent.start):marks[-1].i + 1])
    if any(lead == p or lead.endswith(" " + p) for p in PURPOSE_CONJUNCTIONS):
        return True
    present = tok.tag_ in PRESENT_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in PRESENT_TAGS for c in tok.children)
    return present and any(m.lower_ in PENDING_CONJUNCTIONS for m in marks)


def in_condition(verb: Token) -> bool:
    """The act is the condition itself, not what is promised or threatened on it: "if the House
    votes to impeach him", "asked whether they would back the bill", "wondered how Gondor could
    arm the rebels" (its own clause, or one it is the infinitive, purpose or conjunct of, is
    marked "if", "unless", "whether", or is a question asked)."""
    tok = verb
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in tok.children) or asked_question(tok):
            return True
        if tok.dep_ not in ("xcomp", "conj", "advcl") or tok.head.i == tok.i or (tok.dep_ == "advcl" and not any(
                c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)):
            return False
        tok = tok.head
    return False


QUESTION_VERBS = words("question_verbs")


def asked_question(clause: Token) -> bool:
    """The clause is a question put by a verb of asking: "wondered how Gondor could arm the
    rebels", "asked why Rohan would close the pass" (a question word opens it)."""
    return clause.dep_ == "ccomp" and clause.head.lemma_.lower() in QUESTION_VERBS and any(
        w.lower_ in WH_WORDS and w.i < clause.i and w.dep_ in ("advmod", "mark", "dobj", "nsubj")
        for w in clause.children)


CAUSE_NAME_NOUNS = words("cause_name_nouns")


NAME_ENTITIES = ("ORG", "FAC", "LAW", "EVENT", "WORK_OF_ART")  # the names a verb may be a word of


def inside_name(verb: Token) -> bool:
    """A capitalised verb inside the name of a body, a law, an event or a work, after its first
    word: "the Committee to Protect Reporters said ...", "under the order “Blocking Property of ...”",
    "the Office to Monitor and Combat Trafficking" (a word of the name, no act; not a sentence's
    first word, nor a title-case headline's verb: "Gondor Foreign Ministry Affirms Its Commitment",
    which the entity recogniser may run on into)."""
    return verb.i > verb.sent.start and verb.text[:1].isupper() and verb.ent_type_ in NAME_ENTITIES \
        and verb.ent_iob_ == "I" and not is_title_case(verb.sent.text)


def name_infinitive(verb: Token) -> bool:
    """A "to"-infinitive right after the capitalised noun of a name, which names the body's cause,
    no act: "the Global Coalition to Counter Piracy met ...", "the Campaign to Ban Mines said ..."
    (not "sent the Coalition's troops to fight", an infinitive the verb governs: xcomp); or any
    capitalised verb inside such a name (``inside_name``)."""
    if inside_name(verb):
        return True
    if verb.dep_ not in ("acl", "relcl", "advcl") or verb.i < 2 or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return False
    to, name = verb.doc[verb.i - 1], verb.doc[verb.i - 2]
    return to.lower_ == "to" and to.head.i == verb.i and name.pos_ == "PROPN" and name.text[:1].isupper() \
        and name.lower_ in CAUSE_NAME_NOUNS


NECESSITY_WORDS = words("necessity_words")


def called_needed(head: Token) -> bool:
    """"It is time (for X to ...)", "it remains vitally important (that ...)": an empty "it" said to
    be a need, so that the clause under it tells what should be done, not what was (not "it was
    the first time ...")."""
    said = [head] if head.dep_ in ("acomp", "attr") else [c for c in head.children if c.dep_ in ("acomp", "attr")]
    copula = head.head if head.dep_ in ("acomp", "attr") else head
    return copula.lemma_.lower() in ("be", "remain") and any(
        c.dep_ == "nsubj" and c.lower_ == "it" for c in copula.children) and any(
        w.lemma_.lower() in NECESSITY_WORDS and not any(d.dep_ == "det" for d in w.children) for w in said)


def _going_to(verb: Token) -> bool:
    head = verb.head
    return verb.dep_ == "xcomp" and head.lower_ == "going" and any(c.lower_ in ("is", "are", "am", "'s", "'re") for c in head.children)


def reporting_clauses(verb: Token) -> list[Token]:
    """The clauses a reporting verb reports ("said [that Y attacked Z]")."""
    if verb.lemma_ not in REPORTING:
        return []
    return [c for c in verb.children if c.dep_ in ("ccomp", "parataxis") or (c.dep_ == "xcomp" and c.pos_ == "VERB")]


def habitual(verb: Token) -> str | None:
    """How the verb tells a habit or acts of no particular time, not a discrete act: "perfect",
    the present perfect with an adverb of frequency, of an earlier time or of a series ("police
    have often detained activists", "have repeatedly shelled the town"); "undated", the present
    perfect told at an earlier time it does not name ("the rebels have attacked journalists
    previously", "have expressed interest in the past"); "frequency", another tense with an adverb of frequency ("the two
    governments regularly discuss ...", "often spoke over his time"); else None (not "repeatedly
    fired on Monday"; nor a plan, "will continue to meet regularly"). A conjunct with no subject or
    adverb of its own, in the same tense, shares its first verb's ("often detained and beat them";
    not "... and we supplied ...", "has repeatedly rejected ... and blames ...")."""
    tok = verb
    if verb.dep_ == "conj" and verb.tag_ == verb.head.tag_ and \
            not any(c.dep_ in SUBJECT_DEPS + ("advmod", "npadvmod") for c in verb.children):
        tok = verb.head
    if tok.tag_ == "VB":
        return None
    adverbs = {c.lower_ for c in tok.children if c.dep_ == "advmod"}
    perfect = tok.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" and c.tag_ in ("VBZ", "VBP") for c in tok.children)
    if perfect and (adverbs & words("undated_past_adverbs") or undated_past_phrase(tok)):
        return "undated"
    if perfect and adverbs & (words("habitual_adverbs") | words("earlier_adverbs")):
        return "perfect"
    return "frequency" if adverbs & words("habitual_adverbs") else None


def undated_past_phrase(verb: Token) -> bool:
    """"have expressed interest in the past", "has done so in years past": an earlier time that
    names no time (not "in the past week", "in the past two years": a span, nor "in the past of
    the city")."""
    for p in verb.children:
        if p.dep_ != "prep" or p.lower_ not in ("in", "over"):
            continue
        for g in p.children:
            if g.dep_ == "pobj" and g.lower_ == "past" and not any(
                    c.dep_ in ("amod", "nummod", "prep", "compound") for c in g.children):
                return True
            if g.dep_ == "pobj" and g.lemma_.lower() == "year" and any(c.lower_ == "past" for c in g.children) \
                    and not any(c.dep_ in ("nummod", "det") for c in g.children):
                return True
    return False


TALLY_SIZE = 20  # people counted at least this large over a span are a running tally, not one act
TOLL_SIZE = 100  # victims of force counted over a span: fewer tell strikes one can follow


def _present_perfect(verb: Token) -> bool:
    """"has called", "have been arrested" (a present "have" with the participle)."""
    return verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" and c.tag_ in ("VBZ", "VBP") for c in verb.children)


def since_span(verb: Token) -> bool:
    """The verb's clause runs over a span up to now: "since the protests began", "since May",
    "for years", "over the past decade", "in the last few years", "in recent months", "to date" (not
    "since Monday", "since yesterday": a few days; nor "in March", "in the first year")."""
    for c in verb.children:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in c.children):
            return True
        if c.dep_ == "prep" and c.lower_ == "to" and any(g.dep_ == "pobj" and g.lower_ == "date" for g in c.children):
            return True
        if c.dep_ != "prep" or c.lower_ not in SPAN_PREPOSITIONS:
            continue
        objs = [g for g in c.children if g.dep_ == "pobj"]
        if c.lower_ == "since" and objs and not any(
                g.lower_ in words("weekdays") or g.lower_ in ("yesterday", "today", "tonight") for g in objs):
            return True
        long = [g for g in objs if g.lemma_.lower() in words("long_span_nouns") or g.lower_ in words("long_span_nouns")]
        if long and (c.lower_ in ("for", "over") or any(
                m.dep_ == "amod" and m.lower_ in words("up_to_now_modifiers") for g in long for m in g.children)):
            return True
    return False


SPAN_PREPOSITIONS = ("since", "for", "over", "in", "during", "throughout")


def recent_mark(sent: Any) -> bool:
    """The sentence names a day or a time of day ("on Monday", "yesterday", "this morning"),
    which tells one act, not a span's (a ``Span`` or a token's ``.sent``)."""
    return any(t.ent_type_ == "TIME" or t.lower_ in words("weekdays") or t.lower_ in ("yesterday", "today", "tonight")
               for t in sent)


def _counted(tok: Token, size: int = TALLY_SIZE) -> bool:
    """A large count of people: "More than 1000 people", "Dozens", "thousands of protesters" (not
    a sum of money, "more than $300 million": a total of aid to date is told as aid given)."""
    for t in tok.subtree:
        if t.ent_type_ == "MONEY" or t.lower_ in ("$", "€", "£"):
            return False
        if t.ent_type_ in ("DATE", "TIME", "PERCENT", "QUANTITY"):
            continue
        if t.lower_ in words("tally_count_nouns") and t.tag_ in ("NNS", "CD"):
            return True
        digits = t.text.replace(",", "")
        if t.tag_ == "CD" and digits.isdigit() and int(digits) >= size:
            return True
    return False


def standing(verb: Token, force: bool = False) -> str | None:
    """How a verb tells a state held up to now, not a discrete act: "position", an adverb of
    constancy in the present perfect, simple present or past ("the United States has steadfastly
    called for accountability since that day", "has long opposed the plan", "Gondor always backs
    Rohan's candidates"); "tally", a subject counted large over a span up to now, the subject of a
    passive or of a verb with no object ("More than 500 people have been arrested since the
    protests began", "Over the past month, 400 protesters were arrested"; victims of ``force`` only
    from ``TOLL_SIZE``), or the many who hold a stance ("over 220 members favored impeachment");
    "trend", an actor's acts summed up in the present perfect over a span up to now ("Iran has
    increased cooperation with Oman in the last few years"; the role rule keeps it for relations
    only); else None (not "has called for talks", "300 people were arrested on Monday", nor an
    actor's acts counted, "the military has detained 300 protesters since the coup", nor "will
    always stand with"). A bare conjunct shares its first verb's, as in ``habitual``."""
    tok = verb
    if verb.dep_ == "conj" and verb.tag_ == verb.head.tag_ and \
            not any(c.dep_ in SUBJECT_DEPS + ("advmod", "npadvmod") for c in verb.children):
        tok = verb.head
    if _constant(tok):
        return "position"
    if stance_tally(tok):
        return "tally"
    if not (_present_perfect(tok) or _simple_past(tok)):
        return None
    counted = [c for c in tok.children if c.dep_ == "nsubjpass"
               or (c.dep_ == "nsubj" and not any(o.dep_ in ("dobj", "dative") for o in tok.children))]
    if any(t.ent_type_ == "MONEY" for c in counted for t in c.subtree):
        return None  # (money given, with a second object: "provided $20 billion in ... assistance to 120 countries")
    if any(_counted(c, TOLL_SIZE if force else TALLY_SIZE) for c in counted) and since_span(tok) \
            and not recent_mark(tok.sent):
        return "tally"
    if _present_perfect(tok) and since_span(tok) and not recent_mark(tok.sent):
        return "trend"
    return None


def _simple_past(verb: Token) -> bool:
    """"arrested", "were arrested" (a past tense with no "have" and no modal)."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return (verb.tag_ == "VBD" and not auxes) or (verb.tag_ == "VBN" and bool(auxes) and all(
        c.dep_ == "auxpass" and c.tag_ == "VBD" for c in auxes))


def _constant(verb: Token) -> bool:
    """An adverb of constancy on a verb with a tense of its own, not a plan: "has always claimed",
    "always backs", "consistently opposed" (not "will always stand with", "as long as")."""
    if verb.tag_ not in ("VBZ", "VBP", "VBD", "VBN") or any(
            c.dep_ in ("aux", "auxpass") and (c.tag_ == "MD" or c.lower_ == "to") for c in verb.children):
        return False
    if verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    return any(c.dep_ == "advmod" and c.lower_ in words("constancy_adverbs")
               and (c.i == 0 or c.doc[c.i - 1].lower_ != "as") for c in verb.children)


def stance_tally(verb: Token) -> bool:
    """Many people, counted or a share of a body, who hold a stance (``stance_verbs``): "over 220
    members of the House favored some form of impeachment", "a majority of senators support the
    bill", "most voters opposed it" (a tally of positions; not states, "40 countries supported the
    resolution", which vote)."""
    if verb.lemma_.lower() not in words("stance_verbs"):
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or {subj.lemma_.lower(), subj.lower_} & words("state_group_nouns") or subj.ent_type_ in ("GPE", "NORP", "ORG"):
        return False
    if subj.lower_ in words("share_words") or subj.lemma_.lower() in words("share_words"):
        members = [g for p in subj.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
        return bool(members) and not any({g.lemma_.lower(), g.lower_} & words("state_group_nouns") for g in members)
    return subj.tag_ in ("NNS", "NNPS") and (_counted(subj) or any(
        c.dep_ in ("amod", "det") and c.lower_ in words("share_words") for c in subj.children))


def arrangement_described(verb: Token) -> Token | None:
    """The subject of ``verb`` when the verb tells, in the simple present, what an arrangement,
    forum, permit or grouping does as a rule (``arrangement_nouns``): "Led by experts, the dialogues
    encourage data sharing, disseminate best practices", "The Alliance offers a model of
    cooperation", "The licence authorizes the export of services"; None for an actor, another
    tense, or what it says ("The Alliance said ...", "The Alliance offered aid on Monday")."""
    tok = verb
    while tok.dep_ == "conj" and tok.head.tag_ in ("VBZ", "VBP") and \
            not any(c.dep_ in SUBJECT_DEPS for c in tok.children):
        tok = tok.head
    if tok.tag_ not in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass", "neg") for c in tok.children) \
            or verb.lemma_.lower() in words("reporting_verbs") | words("contention_verbs"):
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ not in ("NOUN", "PROPN") or any(c.dep_ == "conj" for c in subj.children):
        return None
    return subj if {subj.lemma_.lower(), subj.lower_} & words("arrangement_nouns") else None

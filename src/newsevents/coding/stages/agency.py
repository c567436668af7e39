"""Stage "role", rule "thing-source": a thing is not a doer.

A document, law, order, programme, strategy, pandemic, crisis, report, poll or an abstract noun
does nothing itself: a sentence whose subject is one ("The survey found ...", "Today's actions
reaffirm our commitment", "the pandemic and the damage it caused") describes, it tells no event.
The thing may be named by the subject itself, by the noun a relative clause describes ("data that
helped ..."), or stand behind an "it"/"they" subject: what the parse makes that pronoun's
antecedent (the subject of the clause it depends on, else the main subject of the sentence
before; a person or several cannot be "it", so the object of that clause is taken instead: "He
launched the plan. It will help ..."). The words are data (``thing_subject_nouns`` and the
classes of texts, documents, programmes and occasions it names).

Left alone: a thing an actor owns or a dictionary codes ("Gondor's sanctions target ...", "the
UN report accused ...": the actor's act), an organisation no word list calls a thing ("the
Ministry helps ...", "NATO offers ..."), a weapon or an attack ("a bomb killed five", "the war
killed 300": the act itself, its doer unknown; nor force told of an "it"/"they", too grave to
drop on the parse's guess), a reversed code ("the plan faces criticism") and
a demand made of the thing ("Gondor demanded that the plan be withdrawn": the speaker's).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...lang import words
from ...nlp.docfacts import facts
from .. import clauses
from . import rule
from .record import Clause, Context
from .vocab import VIOLENT_ROOTS

if TYPE_CHECKING:
    from .roles import Roles

# what names a thing, never a doer
THING_NOUNS = (words("thing_subject_nouns") | words("text_nouns") | words("document_nouns")
               | words("legal_instrument_nouns") | words("proposal_nouns") | words("occasion_nouns"))
NEUTER_PRONOUNS = words("neuter_pronouns")
PLURAL_PRONOUNS = words("plural_pronouns")
# people named by their post, whom "it" cannot stand for ("The president launched the plan. It ...")
PEOPLE_BY_POST = words("post_nouns") | words("envoy_titles")
STAND_INS = NEUTER_PRONOUNS | PLURAL_PRONOUNS  # ("it", "they": what may stand for a thing)
ACTOR_ENTITIES = ("PERSON", "GPE", "NORP", "ORG")
SUBJECTS = ("nsubj", "nsubjpass")
OWNER_PREPOSITIONS = ("of", "by", "from", "between")
COPULAS = words("copula_verbs")
SENTENCES_BACK = 3  # how many sentences a chain of "it ... it ..." is followed back


@rule("role", "thing-source")
def thing_source(c: Clause, ctx: Context) -> Roles | None:
    """A thing is no doer: "The survey found that most voters back the plan", "Today's actions
    reaffirm our commitment", "the pandemic and the damage it caused", "The Guidance was issued in
    May. It sets three goals" (no parties left: no event); not "Gondor's sanctions target ...",
    "the UN report accused ...", "NATO offers ...", "a bomb killed five"."""
    from .roles import Roles  # noqa: F811  (roles.py imports this module to register the rule)

    agent = c.agent
    if agent is None or c.cand.reverse or c.cand.frame in ("demand", "appeal", "invitation") \
            or any(t.startswith("role:headline-passive") for t in c.trace):
        return None
    stand_in = agent.lower_ in STAND_INS and agent.pos_ == "PRON"
    if stand_in and c.cand.code[:2] in VIOLENT_ROOTS + ("17",):
        return None  # (force told of an "it" is too grave to drop on the parse's guess: "It also killed five")
    thing = antecedent(agent, ctx) if stand_in else agent
    if thing is None or not names_thing(thing, ctx, agent if stand_in else None) or known_actor(thing, ctx) \
            or (thing is agent and agent.dep_ == "dobj"):  # ("signed an order that will ban ...": the signer's)
        return None
    return Roles([], [], False, "thing")


def names_thing(head: Any, ctx: Context, pron: Any | None = None) -> bool:
    """The noun phrase headed by ``head`` names a thing no actor owns: "The survey", "Today's
    actions", "The Pathfinder Health Program", "Articles I, II and III of the Treaty", "the
    pandemic and the damage" (not "the Ministry", "Gondor's sanctions", "the report by Human
    Rights Watch", "the plan and Gondor")."""
    return all(_thing(x, ctx) for x in [head, *_conjuncts(head, pron)])


def _conjuncts(head: Any, pron: Any | None) -> list[Any]:
    """The phrases coordinated with ``head``, but not one that holds the pronoun that stands for
    it ("the pandemic and the cracks it exposed": the pandemic alone)."""
    return [c for c in head.children if c.dep_ == "conj"
            and (pron is None or not any(t.i == pron.i for t in c.subtree))]


def _nominal(tok: Any) -> bool:
    """A noun, or a noun the tagger took for an adjective ("The pandemic and the damage it caused
    hurt ...": "pandemic"/JJ as a subject)."""
    return tok.pos_ in ("NOUN", "PROPN") or (tok.pos_ == "ADJ" and tok.dep_ in SUBJECTS + ("conj", "dobj", "pobj"))


def _thing(head: Any, ctx: Context) -> bool:
    if not _nominal(head) or head.ent_type_ in ACTOR_ENTITIES[:3]:
        return False
    said = {head.lemma_.lower(), head.lower_}
    if head.pos_ == "PROPN":  # (a capitalised plural: "Articles")
        said.add(head.lower_.removesuffix("s"))
    return bool(said & THING_NOUNS) and not owned(head, ctx)


def known_actor(head: Any, ctx: Context) -> bool:
    """A dictionary names the phrase itself as an organisation ("The World Food Programme" →
    IGOUNOWFP), not only by a sector its words give ("---NGO") or the story's country that an
    unknown name is given ("The Digital Economy Series")."""
    si = ctx.si if facts(head.doc).sentence_of(head).start == ctx.sent.start else ctx.si - 1
    return any(a.code and len(a.code) > 3 and not a.code.startswith("---")
               for a in ctx.actors.resolve(head, si, strict=True))


def owned(head: Any, ctx: Context) -> bool:
    """An actor owns the thing: a possessive or an actor's name or role before it ("Gondor's
    sanctions", "its new regime", "the ministry's report", "the U.S. strategy", "the government
    statement"), or an "of"/"by"/"from"/"between" phrase that names one ("the report by Human
    Rights Watch", "This report, produced by the ILO"); not a date or a thing ("Today's actions", "the summit's theme"), nor the words
    of its own name ("The Digital Economy Series")."""
    for c in head.children:
        if c.dep_ == "poss" and c.ent_type_ not in ("DATE", "TIME") and c.lemma_.lower() not in THING_NOUNS:
            return True
        if c.dep_ in ("compound", "nmod", "amod") and _names_actor(c, head, ctx):
            return True
        if c.dep_ == "prep" and c.lower_ in OWNER_PREPOSITIONS and _names_owner(c):
            return True
        if c.dep_ == "acl" and c.tag_ == "VBN" and any(  # ("This report, produced by the ILO, ...")
                x.dep_ == "agent" and _names_owner(x) for x in c.children):
            return True
    return False


def _names_owner(prep: Any) -> bool:
    """The object of ``prep`` names an actor ("by Human Rights Watch")."""
    return any(t.ent_type_ in ACTOR_ENTITIES for x in prep.children if x.dep_ == "pobj" for t in x.subtree)


def _names_actor(word: Any, head: Any, ctx: Context) -> bool:
    """A word before the head names an actor: an entity of its own ("U.S."), a name possessing it
    ("United States’ Actions") or a role ("government")."""
    if {word.lemma_.lower(), word.lower_} & THING_NOUNS:
        return False  # (a thing the tagger took for a name: "the COVID-19 pandemic")
    if word.ent_type_ in ACTOR_ENTITIES and word.ent_type_ != head.ent_type_:
        return True
    if word.pos_ == "PROPN" and head.pos_ == "PROPN":  # (a word of the thing's own name: "The Pathfinder
        return word.dep_ == "nmod"  # Health Program"; but a possessor: "United States’ Actions")
    return ctx.actors.role_of([word]) is not None


def antecedent(pron: Any, ctx: Context) -> Any | None:
    """What the parse makes an "it"/"they" subject stand for: the subject of the clause it depends
    on ("Gondor said it would ...": Gondor), the noun before the one its relative clause describes
    ("the pandemic and the damage it caused": the pandemic), else the main subject of the sentence
    before, followed back through "it ... it ..."; where that is a person (who cannot be "it"), the
    object of that clause ("He launched the plan. It will help ...": the plan). None for an
    expletive ("It was my pleasure to ...") or when nothing fits."""
    if pron.dep_ not in SUBJECTS or pron.head.lemma_.lower() in COPULAS:
        return None
    low = pron.lower_
    tok = pron.head
    for _ in range(10):
        if tok.head.i == tok.i:
            break
        parent = tok.head
        if parent.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("relcl", "acl"):
            first = parent
            while first.dep_ == "conj" and _nominal(first.head):
                first = first.head
            if first.i != parent.i:
                return _fitting(first, low, pron)
        elif parent.pos_ in ("VERB", "AUX"):
            if parent.lemma_.lower() in clauses.REPORTING:
                return None  # ("The statement said it would ...": its author, whom the resolver knows best)
            subj = next((x for x in parent.children if x.dep_ in SUBJECTS), None)
            if subj is not None and subj.lower_ != low:
                return _or_object(subj, parent, low)
        tok = parent
    if any(x.dep_ in SUBJECTS and x.lower_ != low and x.i != pron.i for x in tok.children):
        return None  # (a subject of its own before: the sentence tells who)
    return _earlier_subject(pron, ctx)


def _earlier_subject(pron: Any, ctx: Context) -> Any | None:
    """The main subject of the sentence before (or its object, where the subject is a person),
    followed back through sentences whose main subject is the same pronoun."""
    if ctx.si < 0:
        return None
    doc, low = pron.doc, pron.lower_
    start = ctx.sent.start
    for _ in range(SENTENCES_BACK):
        if start <= 0:
            return None
        sent = doc.sentence_of(doc[start - 1])
        root = doc[sent.root.i]
        subj = next((x for x in root.children if x.dep_ in SUBJECTS), None)
        if subj is None:
            return None
        if subj.lower_ != low:
            return _or_object(subj, root, low)
        start = sent.start
    return None


def _object(verb: Any) -> Any | None:
    return next((x for x in verb.children if x.dep_ == "dobj"), None)


def _fitting(tok: Any | None, low: str, pron: Any | None = None) -> Any | None:
    """``tok`` if "it" (one thing, no person: not "Smith", "the president") or "they" (a plural, or
    several coordinated: "Smith and Sato") can stand for it."""
    if tok is None or not _nominal(tok):
        return None
    several = bool(_conjuncts(tok, pron))
    if low in PLURAL_PRONOUNS:
        return tok if several or tok.tag_ in ("NNS", "NNPS") else None
    if tok.ent_type_ == "PERSON" or tok.lemma_.lower() in PEOPLE_BY_POST or several or tok.tag_ in ("NNS", "NNPS"):
        return None
    return tok


def _or_object(subj: Any, verb: Any, low: str) -> Any | None:
    """The subject if the pronoun can stand for it; for "it", where it cannot (a person, several),
    the object ("He launched the plan. It ...", "Japan and Kenya signed the pact. It ...": what
    they made); "they" where the subject is one person is the person and someone else ("Smith met
    Sato. They discussed ..."): no thing."""
    found = _fitting(subj, low)
    if found is not None or low in PLURAL_PRONOUNS:
        return found
    return _fitting(_object(verb), low)

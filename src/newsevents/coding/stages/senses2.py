"""Verbs read in the sense the sentence uses, and descriptions of the people a measure covers:
rules of the "veto" and "recode" stages (issue #20, eleventh judged sample).

- Idioms and contents that are no act: "in the week leading up to the summit" (no one leads),
  "argued against re-entering the accord" (the act is the arguing, not an entering).
- Journalism: "was contacted for comment", "were reported by local media to have visited ..."
  (the reporter does nothing political; the one reported does the reported act).
- Descriptions of whom a measure covers: "a policy that applies to Nicaraguans believed to be
  responsible for ...", "targeted individuals ... who support the regime, facilitate its
  repression and violate the rule of law" (a present relative clause the parse split).
- Opinion and claims: "agreed with the governor's call to end ..." (019, not 030), "claimed 790
  soldiers had been killed" (010, a claimed figure, not an accusation 11x).

Each rule is registered by name (``coding/stages/__init__.py`` orders them); the words they look
for are word classes in ``lang/en/words/``.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...lang import words
from .. import clauses
from ..verbs import VerbDictionary
from . import rule
from .vocab import OPINION_NOUNS

if TYPE_CHECKING:
    from .triggers import Trigger

LEAD_UP_SPANS = words("lead_up_span_nouns")
PRESS_CONTACT_VERBS = words("press_contact_verbs")
PRESS_REQUESTS = words("press_request_nouns")
HEARSAY_PASSIVES = words("hearsay_passive_verbs")
POSITION_VERBS = words("position_taking_verbs") | words("stance_verbs")
AGREED_VIEWS = words("agreed_view_nouns") | OPINION_NOUNS
DEBATE_STANCES = words("debate_stance_verbs")
CLAIMED_FIGURES = words("claimed_figure_nouns") | words("tally_count_nouns")
RELATIVE_PRONOUNS = ("who", "that", "which")
RELATIVE_OWNERS = ("which", "whom")  # ("the leaders of which", "many of whom")
POSITION_PREPS = ("against", "for", "to", "on")
AGREED_ON = ("to", "on", "with", "upon")
PRESENT = ("VBP", "VBZ")
SANCTION_CODES = ("16", "172")  # CAMEO: reduce relations, sanction; impose administrative sanctions
STATEMENT = "010"  # CAMEO: make statement
AGREE_VIEW = "019"  # CAMEO: express accord
INTENT_TO_COOPERATE = "030"
CLAIM = "claim"


def _has(tok: Any, dep: str, lower: str | None = None) -> bool:
    return any(c.dep_ == dep and (lower is None or c.lower_ == lower) for c in tok.children)


def _infinitive(tok: Any) -> Any | None:
    """The to-infinitive the verb governs ("reported to have visited", "believed to be")."""
    return next((c for c in tok.children if c.dep_ == "xcomp" and _has(c, "aux", "to")), None)


def _participle(tok: Any) -> bool:
    """A past participle, or one the tagger took for a past tense where it describes a noun
    ("officials thought to have ordered ...")."""
    return tok.tag_ == "VBN" or (tok.tag_ == "VBD" and tok.dep_ == "acl")


# -- stage "veto" ---------------------------------------------------------------------------

@rule("veto", "lead-up-span")
def lead_up_span(tok: Any, verbs: VerbDictionary) -> bool | None:
    """"in the week leading up to the summit", "the days leading to the vote": a span of time that
    leads up to an occasion is a date, nobody leads anything (but "he will lead the delegation to
    the summit" leads)."""
    if tok.lemma_.lower() != "lead" or tok.tag_ != "VBG":
        return None
    if not any(c.lower_ in ("up", "to") for c in tok.children):
        return None
    spans = [tok.head] if tok.dep_ in ("acl", "relcl") else []
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    if before is not None and before.pos_ == "NOUN":
        spans.append(before)
    spans += [c for c in tok.children if c.dep_ == "nsubj"]
    return any(s.lemma_.lower() in LEAD_UP_SPANS or s.lower_ in LEAD_UP_SPANS for s in spans) or None


@rule("veto", "press-contact")
def press_contact(tok: Any, verbs: VerbDictionary) -> bool | None:
    """"was contacted for comment", "were each contacted for this story", "Reuters reached the
    ministry for an interview": getting in touch for a story is journalism, no consultation (040)
    (but "contacted his counterpart on Monday" consults)."""
    if tok.lemma_.lower() not in PRESS_CONTACT_VERBS:
        return None
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"):
        obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
        if obj is not None and obj.lemma_.lower() in PRESS_REQUESTS:
            return True
    return None


@rule("veto", "hearsay-passive")
def hearsay_passive(tok: Any, verbs: VerbDictionary) -> bool | None:
    """"politicians were reported by local media to have visited the hospital", "Nicaraguans
    believed to be responsible for undermining democracy", "the minister is said to have resigned":
    what is reported or believed of someone is no act of the reporter; the infinitive tells the one
    reported of (the veto keeps "reported" from coding the visit as its own 036)."""
    if tok.lemma_.lower() not in HEARSAY_PASSIVES or not _participle(tok) or _infinitive(tok) is None:
        return None
    passive = clauses.is_passive(tok) or not any(c.dep_ in ("aux", "auxpass") for c in tok.children)
    return passive or None


@rule("veto", "believed-of-described")
def believed_of_described(tok: Any, verbs: VerbDictionary) -> bool | None:
    """"visa restrictions cover individuals believed to have attacked journalists", "officials
    alleged to have taken bribes": what a participle says is believed of the people it describes
    is their description, no act told (but "the rebels were reported to have seized the town": a
    finite passive tells the act, of its subject)."""
    if tok.dep_ != "xcomp" or not _has(tok, "aux", "to"):
        return None
    gov = tok.head
    return (gov.lemma_.lower() in HEARSAY_PASSIVES and _participle(gov) and not any(
        c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in gov.children)) or None


@rule("veto", "covered-description")
def covered_description(tok: Any, verbs: VerbDictionary) -> bool | None:
    """"imposed sanctions on a network whose leaders have provided support for the militia",
    "restricted the visas of officials who have undermined democracy", "sanctioned companies
    brokering the sale of oil": a relative clause or participle that describes whom a sanction
    covers is their description, no act of the one who sanctions (nor a discrete act of theirs);
    (but "the police arrested the men who attacked the embassy": no sanction)."""
    clause = tok
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ == "acl" and _has(clause, "aux", "to"):
        return None  # (an aim, not a description: "in relation to a plot to kill the ambassador")
    described = clause.head if clause.dep_ in ("relcl", "acl") else _antecedent(clause)
    if described is None or described.i == clause.i:
        return None
    measure = _governing_verb(described)
    if measure is None:
        return None
    m = verbs.match(measure)
    return (m is not None and m.code.startswith(SANCTION_CODES)) or None


def _antecedent(verb: Any) -> Any | None:
    """The noun a relative clause the parse took for a main clause describes: "..., the leaders of
    which have provided ...", "..., many of whom fled ..." (the noun before the subject)."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or not any(w.lower_ in RELATIVE_OWNERS and w.i > subj.i for w in subj.subtree):
        return None
    before = [w for w in verb.doc[max(subj.left_edge.i - 3, 0):subj.left_edge.i] if w.pos_ in ("NOUN", "PROPN")]
    return before[-1] if before else None


def _governing_verb(noun: Any) -> Any | None:
    """The verb whose object (or the object of whose preposition) the noun phrase is, through its
    conjuncts and "of" phrases ("imposed sanctions on members of a network")."""
    tok = noun
    for _ in range(6):
        if tok.dep_ in ("conj", "appos", "compound", "pobj", "prep", "nmod", "poss") and tok.head.i != tok.i:
            tok = tok.head
        elif tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ == "VERB":
            return tok.head
        else:
            return tok if tok.pos_ == "VERB" and tok.i != noun.i else None
    return None


@rule("veto", "relative-conjunct")
def relative_conjunct(tok: Any, verbs: VerbDictionary) -> bool | None:
    """"OFAC targeted individuals ... who support the regime, facilitate its repression and violate
    the rule of law": a bare present verb the parse coordinated with the past main verb belongs to
    the present relative clause before it, which describes the people targeted (no act of the one
    who targets, as "standing-description" says of the relative clause itself)."""
    if tok.dep_ not in ("conj", "xcomp") or tok.tag_ not in ("VB", "VBP") or any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children):
        return None
    top = tok
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    if top.dep_ == "xcomp" and top.tag_ in ("VB", "VBP") and not _has(top, "aux"):
        main = top.head  # (a bare verb the parse made the complement of the past main verb)
    elif top.i != tok.i:
        main = top
    else:
        return None
    if main.tag_ not in ("VBD", "VBN") or any(c.dep_ == "aux" for c in main.children):
        return None
    return any(_present_relative(w) for w in tok.doc[main.i + 1:tok.i]) or None


def _present_relative(verb: Any) -> bool:
    """A relative clause in the simple present with a relative pronoun for its subject ("who
    support the regime")."""
    return verb.dep_ == "relcl" and verb.tag_ in PRESENT and any(
        c.dep_ == "nsubj" and c.lower_ in RELATIVE_PRONOUNS for c in verb.children)


@rule("veto", "argued-course")
def argued_course(tok: Any, verbs: VerbDictionary) -> bool | None:
    """"argued against re-entering the Paris accord", "warned against sending troops", "opposed
    rejoining the deal", "favored prosecuting banks": the course argued for or against is no act
    of the one who argues (the arguing is)."""
    if tok.tag_ != "VBG" or tok.dep_ not in ("pcomp", "dobj", "xcomp", "pobj"):
        return None
    gov = tok.head
    if gov.dep_ == "prep" and gov.lower_ in POSITION_PREPS and tok.dep_ in ("pcomp", "pobj"):
        gov = gov.head
    elif tok.dep_ in ("pcomp", "pobj"):
        return None
    return (gov.pos_ == "VERB" and gov.lemma_.lower() in POSITION_VERBS) or None


@rule("veto", "content-of-agreed-call")
def content_of_agreed_call(tok: Any, verbs: VerbDictionary) -> bool | None:
    """"agreed with the governor's call to end the war on drugs": the infinitive the parse hangs on
    "agreed" is the content of the call agreed with, no act of the one who agrees (who states
    accord, 019)."""
    if tok.dep_ != "xcomp" or not _has(tok, "aux", "to") or tok.head.lemma_.lower() != "agree":
        return None
    view = _view_agreed_with(tok.head)
    return (view is not None and view.i < tok.i) or None


def _view_agreed_with(verb: Any) -> Any | None:
    """The view, call or remark "agree with" names ("agreed with Pierce's call")."""
    return next((o for p in verb.children if p.dep_ == "prep" and p.lower_ == "with"
                 for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() in AGREED_VIEWS), None)


# -- stage "recode" -------------------------------------------------------------------------

@rule("recode", "agreed-view")
def agreed_view(t: Trigger, verbs: VerbDictionary) -> str | None:
    """"agreed with the governor's call to end ...", "agreed with her remarks", "La Riva agreed and
    favored prosecuting banks": accord with a view, or agreeing in a debate beside one's stance,
    is a statement of accord (019), no intent to cooperate (030) (but "agreed to release",
    "agreed with Rohan to set up a commission")."""
    verb = t.tok
    if t.code != INTENT_TO_COOPERATE or verb.lemma_.lower() != "agree" or clauses.is_negated(verb):
        return None
    view = _view_agreed_with(verb)  # (an infinitive after the view is the view's: "call to end ...")
    if any(c.dep_ in ("xcomp", "ccomp", "dobj") and (view is None or c.i < view.i) for c in verb.children):
        return None
    if view is None and not _bare_beside_stance(verb):
        return None
    if t.m is not None:
        t.m.rule = f"{t.m.rule} accord with a view [{AGREE_VIEW}]"
    return AGREE_VIEW


def _bare_beside_stance(verb: Any) -> bool:
    """"agreed and favored prosecuting banks": a bare "agreed" coordinated with a verb of stance."""
    if any(c.dep_ == "prep" and c.lower_ in AGREED_ON for c in verb.children):
        return False  # ("agreed to it", "agreed on a deal", "agreed with Rohan")
    return any(c.dep_ == "conj" and c.lemma_.lower() in DEBATE_STANCES for c in verb.children)


@rule("recode", "claimed-figure")
def claimed_figure(t: Trigger, verbs: VerbDictionary) -> str | None:
    """"Armenia claimed 790 Azerbaijani soldiers had been killed", "the ministry claimed that 200
    rebels died", "claimed the death toll had risen to 50": a claimed figure is a statement (010), no accusation (11x) (but "claimed that Rohan troops had shelled the village"
    accuses, "claimed responsibility" acknowledges)."""
    verb = t.tok
    if t.code[:2] != "11" or verb.lemma_.lower() != CLAIM:
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
    if clause is None or not _figure(clause):
        return None
    if t.m is not None:
        t.m.rule = f"{t.m.rule} claimed figure [{STATEMENT}]"
    return STATEMENT


def _figure(clause: Any) -> bool:
    """The claimed clause tells a figure: its subject is counted ("790 soldiers had been killed",
    "hundreds died") or a tally ("the death toll rose to 50"); nobody is accused in it."""
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or _has(clause, "agent"):
        return False
    return subj.lemma_.lower() in CLAIMED_FIGURES or any(c.dep_ == "nummod" for c in subj.children)

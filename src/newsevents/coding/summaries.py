"""Summaries, legal effects and kinds: clauses that name acts but tell no discrete one.

Token-level tests that the role rules of ``stages/nonacts.py`` (and the noun events) ask:

- ``long_summary``: acts summed up over a long span up to now, in the perfect: "for decades the
  army has killed, raped and tortured ...", "has detained critics for years", "over the past
  decade", "in recent years", "since 2015" (a year at least ``LONG_MONTHS`` before publication);
  not "since April", "since Monday", "since the protests began" (a span whose length the text
  does not give: the role rule "habitual" judges those), nor a total of money (aid given).
- ``legal_effect``: what a document, a measure or an arrangement permits, told in the present:
  "GL 25 authorizes the exportation of services", "the state of emergency appears to allow him
  to pull funding", "This allows for sanctions to be imposed"; the permitting verb and the
  clause it permits ("to pull funding") are no act.
- ``spread_continuation``: an act going on over a place no one names: "unrest continued
  elsewhere in the US", "protests continued across the country" (not "on Monday").
- ``example_of_kind``: an act listed as the example of a practice: "fundraising schemes such as
  theft, extortion and kidnapping for ransom".
- ``governors``: the verbs whose clause a non-finite clause with no subject of its own
  elaborates ("has long been the largest donor, providing more than a quarter of the funds";
  "offers a model of cooperation to improve ..."), so that it shares their description.
"""
from __future__ import annotations

import re
from typing import Any

from ..lang import ordered, words
from . import clauses

LONG_MONTHS = 12  # a span up to now at least this long sums acts up
SUMMARY_UNITS = words("long_summary_units")
UP_TO_NOW = words("up_to_now_modifiers")
SPAN_PREPOSITIONS = ("for", "over", "in", "during", "throughout")
PERMISSION_VERBS = words("permission_verbs")
PERMITTING_THINGS = (words("thing_subject_nouns") | words("text_nouns") | words("document_nouns")
                     | words("legal_instrument_nouns") | words("proposal_nouns") | words("arrangement_nouns")
                     | words("programme_nouns") | words("legal_effect_nouns"))
DEMONSTRATIVES = words("demonstrative_pronouns")
SEEMING_VERBS = ("appear", "seem")  # ("appears to allow": the permitting verb under them)
SPREAD_ADVERBS = words("spread_place_adverbs")
SPREAD_NOUNS = words("spread_place_nouns")
SPREAD_PREPOSITIONS = ("across", "throughout", "around")
PERSISTENCE_VERBS = words("persistence_verbs")
KIND_NOUNS = words("example_kind_nouns")
MONTHS = words("months")
_YEAR = re.compile(r"^(?:FY)?((?:19|20)\d\d)$")


# -- the perfect over a long span ---------------------------------------------------------

def _perfect(verb: Any) -> bool:
    """"has killed", "have been detained", "has been shelling", "had fought", "we've come" (a "have"
    auxiliary)."""
    return any(c.dep_ == "aux" and (c.lemma_.lower() == "have" or c.lower_ in ("'ve", "’ve"))
               and c.tag_ in ("VBZ", "VBP", "VBD") for c in verb.children)


def _clause_preps(verb: Any) -> list[Any]:
    """The prepositions of the verb's own clause: on the verb, and inside its noun phrases (a parse
    may hang "in the last seven years" on an object's noun), not inside another verb's clause."""
    out: list[Any] = []
    todo = list(verb.children)
    while todo:
        t = todo.pop()
        if t.pos_ in ("VERB", "AUX") or (t.dep_ in ("relcl", "acl", "advcl", "ccomp", "xcomp", "conj") and t.head.i == verb.i):
            continue
        if t.dep_ == "prep":
            out.append(t)
        todo.extend(t.children)
    return out


def _unit(tok: Any) -> bool:
    return tok.lemma_.lower() in SUMMARY_UNITS or tok.lower_.removesuffix("s") in SUMMARY_UNITS


def _long_phrase(prep: Any, published: str | None) -> bool:
    """A preposition that spans a long time up to now: "for decades", "for many years", "over
    the past decade", "in recent years", "since 2015" (not "for two days", "in March", "since
    April", "since Monday")."""
    objs = [g for g in prep.children if g.dep_ == "pobj"]
    low = prep.lower_
    if low == "since":
        return any(_long_ago(g, published) for g in objs)
    if low not in SPAN_PREPOSITIONS:
        return False
    for g in objs:
        if not _unit(g):
            continue
        mods = {m.lower_ for m in g.children if m.dep_ in ("amod", "det", "nummod")}
        if low in ("for", "throughout") and g.tag_ == "NNS":
            return True  # ("for decades", "for many years", "for 20 years")
        if mods & UP_TO_NOW:
            return True  # ("over the past decade", "in recent years", "during the last two years")
    return False


def _long_ago(head: Any, published: str | None) -> bool:
    """The phrase under "since" names a year at least ``LONG_MONTHS`` before publication ("since
    2015", "since the 2019 coup", "since August 2017"; not "since April", "since the coup")."""
    if not published or len(published) < 7 or not published[:4].isdigit() or not published[5:7].isdigit():
        return False
    year = month = None
    for t in head.subtree:
        m = _YEAR.match(t.text)
        if m is not None:
            year = int(m.group(1))
        elif t.lower_ in MONTHS and t.is_title:
            month = ordered("months").index(t.lower_) + 1
    if year is None:
        return False
    months = (int(published[:4]) - year) * 12 + int(published[5:7]) - (month or 12)
    return months >= LONG_MONTHS


def _since_clause(verb: Any, published: str | None) -> bool:
    """"Since protests began in 2019, police have arrested thousands": a since-clause dated long ago."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in c.children)
               and _long_ago(c, published) for c in verb.children)


def long_span(verb: Any, published: str | None) -> bool:
    """The verb's clause runs over a long span up to now: a span phrase of its own clause (also one
    the parse hung on a noun of it: "The regime for years has ...") or its since-clause, or the
    span noun a parse hung the verb on ("for decades the army has killed": "killed" under
    "decades")."""
    # (a "since" only on the verb itself: "through an agreement in effect since 2003" dates the agreement)
    if any(_long_phrase(p, published) for p in _clause_preps(verb) if p.lower_ != "since" or p.head.i == verb.i) \
            or _since_clause(verb, published):
        return True
    head = verb.head
    return verb.dep_ in ("relcl", "acl") and head.dep_ == "pobj" and _long_phrase(head.head, published)


def long_summary(verb: Any, published: str | None) -> bool:
    """Acts summed up in the perfect over a long span up to now ("for decades the army has
    killed ...", "has detained critics for years", "Since 2015 the militia has attacked villages");
    a bare conjunct shares its first verb's ("has killed, raped, and ..."); not a total of money
    ("Since 2015, Gondor has provided $300 million": aid given), a copula's state ("have been
    victims of rape for years"), nor a sentence that names a day."""
    tok = verb
    while tok.dep_ == "conj" and tok.head.i != tok.i and not any(c.dep_ in clauses.SUBJECT_DEPS for c in tok.children):
        tok = tok.head
    if not _perfect(tok) or tok.lemma_.lower() == "be" or clauses.recent_mark(tok.sent):
        return False  # (a copula tells a state: "have been victims of rape for years", the noun rules' to judge)
    if any(t.ent_type_ == "MONEY" or t.lower_ in ("$", "€", "£") for t in verb.subtree):
        return False
    return long_span(tok, published) or (tok.i != verb.i and long_span(verb, published))


# -- legal effects ------------------------------------------------------------------------

def _thing_words(noun: Any) -> set[str]:
    """The words that name a subject: its head, and the noun of its "of" phrase ("state of
    emergency"), with a capitalised plural's singular ("Articles")."""
    said = {noun.lemma_.lower(), noun.lower_, noun.lower_.removesuffix("s")}
    said |= {g.lemma_.lower() for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
             for g in p.children if g.dep_ == "pobj"}
    return said


def permitting_thing(verb: Any) -> bool:
    """``verb`` permits, in the present (or under "appears to", a modal), and its subject is a
    thing: a document, measure, power or arrangement, owned or not ("Gondor's state of emergency",
    "The licence", "GL 25" named by a text noun), or a bare "this"/"that" (not "Gondor allows ...",
    "the authorities allowed ...": an actor's act)."""
    if verb.lemma_.lower() not in PERMISSION_VERBS:
        return False
    tensed = verb.head if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in SEEMING_VERBS else verb
    modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)
    if tensed.tag_ not in ("VBZ", "VBP") and not modal:
        return False
    if tensed is verb and any(c.dep_ in ("aux", "auxpass") and c.tag_ != "MD" for c in verb.children):
        return False  # ("has allowed", "is allowed": another tense, or the one permitted)
    subj = next((c for c in tensed.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    if subj.lower_ in DEMONSTRATIVES and subj.tag_ == "DT":
        return True
    return subj.pos_ in ("NOUN", "PROPN") and subj.ent_type_ not in ("PERSON", "NORP", "GPE") \
        and bool(_thing_words(subj) & PERMITTING_THINGS)


def legal_effect(verb: Any) -> str | None:
    """"permits" for a thing's verb of permitting ("the licence authorizes the export of
    services"), "permitted" for the clause it permits ("allows him to pull funding", "allows for
    sanctions to be imposed", "enables the Treasury to impose sanctions"), else None."""
    if permitting_thing(verb):
        return "permits"
    tok = verb
    for _ in range(4):
        if tok.dep_ == "conj":
            tok = tok.head
            continue
        permitted = tok.dep_ in ("xcomp", "ccomp") or (tok.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ == "for" for m in tok.children))
        if not permitted:
            return None
        return "permitted" if permitting_thing(tok.head) else None
    return None


# -- acts going on over a place no one names ----------------------------------------------

def spread_continuation(verb: Any) -> bool:
    """An act named by the subject goes on, over a place no one names: "unrest continued
    elsewhere in the US", "protests continued across the country", "violence persists nationwide"
    (not "continued in the capital", nor "continued across the country on Monday")."""
    if verb.lemma_.lower() not in PERSISTENCE_VERBS or clauses.recent_mark(verb.sent):
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN") for c in verb.children):
        return False
    if any(c.dep_ == "advmod" and c.lower_ in SPREAD_ADVERBS for c in verb.children):
        return True
    return any(p.dep_ == "prep" and p.lower_ in SPREAD_PREPOSITIONS and any(
        g.dep_ == "pobj" and g.lemma_.lower() in SPREAD_NOUNS and any(d.lower_ == "the" for d in g.children)
        for g in p.children) for p in verb.children)


# -- acts listed as examples of a kind ----------------------------------------------------

def _generic(noun: Any) -> bool:
    """A noun with no definite determiner, possessor or number: "theft", "kidnapping for ransom"."""
    return not any(c.dep_ in ("det", "poss", "nummod") and c.lower_ not in ("a", "an") for c in noun.children) \
        and noun.ent_type_ not in ("DATE", "EVENT")


def example_of_kind(tok: Any) -> bool:
    """The word is listed as an example of a practice (``example_kind_nouns``): "fundraising
    schemes such as theft, extortion and kidnapping for ransom", "tactics like bombing markets"
    (not "attacks such as the metro attack in April 2017": one named act)."""
    head = tok
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    if head.dep_ not in ("pobj", "pcomp") or not _generic(tok) or not _generic(head):
        return False
    prep = head.head
    marked = prep.lower_ == "like" or (prep.lower_ == "as" and any(
        c.lower_ == "such" for c in (*prep.children, prep.doc[max(prep.i - 1, 0)])))
    kind = prep.head if prep.dep_ == "prep" else None
    if kind is not None and kind.lower_ == "such":  # ("schemes such as": "such" may carry the phrase)
        kind = kind.head
    return marked and kind is not None and kind.pos_ == "NOUN" and kind.lemma_.lower() in KIND_NOUNS


# -- what a non-finite clause elaborates --------------------------------------------------

def governors(verb: Any) -> list[Any]:
    """The verbs whose clause ``verb``'s elaborates, nearest first: a participle adjunct with no
    subject ("has long been the largest donor, providing ..."), a "to"-infinitive with none, on
    the verb or on its object ("offers a model of cooperation to improve the lives ..."), a gerund
    of means or of a role ("by supporting ...", "played a role in protecting ..."), and a bare
    conjunct of any ("..., killing 2,100 and detaining thousands")."""
    out: list[Any] = []
    tok = verb
    for _ in range(6):
        if any(c.dep_ in clauses.SUBJECT_DEPS for c in tok.children) or tok.head.i == tok.i:
            break
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        if tok.dep_ == "conj" or (tok.dep_ == "advcl" and (tok.tag_ == "VBG" or infinitive)) \
                or (tok.dep_ == "xcomp" and infinitive):
            tok = tok.head
        elif tok.dep_ == "pcomp" and tok.tag_ == "VBG" and tok.head.dep_ == "prep":
            # ("has proven itself a partner by supporting ...", "played a role in protecting ...")
            held = tok.head.head
            tok = held.head if held.dep_ in ("dobj", "attr") else held
        elif tok.dep_ == "acl" and infinitive and tok.head.dep_ in ("dobj", "attr", "pobj"):
            noun = tok.head
            while noun.dep_ == "pobj" and noun.head.dep_ == "prep":  # ("a model of innovation ... to improve")
                noun = noun.head.head
            if noun.dep_ not in ("dobj", "attr"):
                break
            tok = noun.head
        else:
            break
        if tok.pos_ in ("VERB", "AUX"):
            out.append(tok)
    return out

"""Stage "role", rule "quoted-view": what a quotation says is the speaker's view, not an act.

Inside a quotation framed by a verb of saying ('X said, "..."', '"...", X tweeted'), a main verb
in the simple present with a subject other than the speaker's own "I"/"we" says how the speaker
sees things ('"It undermines the old principle ...", the company said', '"The ruling threatens
thousands of jobs," the union claimed'): no act of that subject. So is an infinitive under a
verb of aiming that the speaker says of someone else ('"The governor wants to cancel the vote and
argue about taxes for years," the senator tweeted', 'said the president is trying to silence the
press'): the speaker's characterisation of those aims. The speaker's own words keep their event
(the saying, '"We condemn the attack"'), and so do acts reported in the past ('He said, "Police
arrested 40 people"'), dated ones, and protest, coercion and force (``present-reported``).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...lang import words
from .. import clauses
from . import rule
from .record import Clause, Context
from .tense import (
    FIRST_PERSON,
    GOING_ON_VERBS,
    REPORTED_CODES,
    STATEMENT_VERBS,
    SUBJECTS,
    _simple_present,
    dated,
)

if TYPE_CHECKING:
    from .roles import Roles

FRAMING_VERBS = clauses.REPORTING | words("quote_frame_verbs")
AIM_VERBS = words("characterised_aim_verbs")
SAID_CODES = ("01", "02", "03")  # (a statement, an appeal, an intent quoted: the speaker's own, "India grieves ...")
CLIMB_DEPS = ("conj", "xcomp")  # (how a verb hangs on the one it shares a subject with)


@rule("role", "quoted-view")
def quoted_view(c: Clause, ctx: Context) -> Roles | None:
    """'"It undermines the principle ...", the company said' and '"The governor wants to cancel the
    vote and argue about taxes," the senator tweeted': the speaker's view, no event; not '"We
    condemn the attack," he said', nor 'He said, "Police arrested 40 people on Monday"'."""
    from .roles import Roles  # noqa: F811  (roles.py imports this module to register the rule)

    code, verb = c.cand.code, c.verb
    if not code or code.startswith(REPORTED_CODES):
        return None
    if characterised_aim(verb) or (quoted_present(verb) and not code.startswith(SAID_CODES) and not dated(verb)):
        return Roles([], [], False, "quoted")
    return None


def framing_verb(verb: Any) -> Any | None:
    """The verb of saying outside the quotation ``verb`` is in ('X said, "..."', '"...", X
    tweeted'); None when ``verb`` is in no quotation or no verb of saying frames it."""
    span = clauses.quotation_of(verb)
    if span is None:
        return None
    top = verb
    while span[0] < top.i < span[1] and top.head.i != top.i:
        top = top.head
    if not span[0] < top.i < span[1]:
        return top if top.lemma_.lower() in FRAMING_VERBS else None
    return next((x for x in top.children if not span[0] < x.i < span[1] and x.pos_ in ("VERB", "AUX")
                 and x.lemma_.lower() in FRAMING_VERBS), None)


def _subject(verb: Any) -> Any | None:
    """The verb's own subject, or the subject of the verb it is a conjunct or an infinitive of."""
    tok = verb
    for _ in range(6):
        subj = next((x for x in tok.children if x.dep_ in SUBJECTS), None)
        if subj is not None or tok.dep_ not in CLIMB_DEPS or tok.head.i == tok.i:
            return subj
        tok = tok.head
    return None


def _speakers_own(subj: Any | None) -> bool:
    """"I", "we": the speaker's own words (or no subject to judge)."""
    return subj is None or (subj.lower_ in FIRST_PERSON and subj.pos_ == "PRON")


def quoted_present(verb: Any) -> bool:
    """A verb of action in the simple present inside a framed quotation, said of someone or
    something other than the speaker: '"It undermines the principle ...," the company said'."""
    if verb.lemma_.lower() in STATEMENT_VERBS | GOING_ON_VERBS or framing_verb(verb) is None:
        return False
    tensed = verb
    while not any(x.dep_ in SUBJECTS for x in tensed.children) and tensed.dep_ == "conj" \
            and tensed.head.i != tensed.i:
        tensed = tensed.head
    return _simple_present(tensed) and tensed.dep_ in ("ROOT", "ccomp", "conj") \
        and not _speakers_own(_subject(verb))


def characterised_aim(verb: Any) -> bool:
    """An infinitive (or its conjunct) under a verb of aiming that a speaker says of someone else,
    in a quotation or a reported clause: '"X wants to cancel the vote and argue ...," Y tweeted',
    'Y said X is trying to silence the press' (not '"We want to help," Y said', nor 'Y said he wants
    to sue': a pronoun in a reported clause is most often the speaker)."""
    tok = verb
    for _ in range(4):
        if tok.dep_ not in CLIMB_DEPS or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.lemma_.lower() in AIM_VERBS and tok.pos_ in ("VERB", "AUX"):
            break
    else:
        return False
    subj = _subject(tok)
    quoted = framing_verb(tok) is not None
    if _speakers_own(subj) or (not quoted and subj is not None and subj.pos_ == "PRON"):
        return False
    if any(x.dep_ in ("aux", "auxpass") and x.lower_ in ("will", "would") for x in tok.children):
        return False
    return quoted or (tok.dep_ == "ccomp" and tok.head.lemma_.lower() in FRAMING_VERBS)

"""Stage "source", rule "agreeing-conjunct": a present verb coordinated with a reported clause
that cannot agree with that clause's subject is the speaker's second act.

"We trust the tribunal is weighing the circumstances and hope that it will act": the parse
coordinates "hope" with "weighing", but "hope" cannot agree with "the tribunal" (it would be
"hopes"); it agrees with "We", whose verb ("trust") has the same form: we hope. The same for
"The ministry says the rebels are regrouping and urges calm" (the ministry urges). A verb that
agrees with the reported subject ("said the army is advancing and controls the road"), one in
the past (where the form tells nothing) or one with a subject of its own is left alone.
"""
from __future__ import annotations

from typing import Any

from ...lang import words
from ...models import Actor
from . import rule
from .record import Clause, Context

PLURAL_FORM_PRONOUNS = words("plural_pronouns") | words("first_person_pronouns") | {"you"}
SINGULAR_AUXILIARIES = frozenset(("is", "has", "was", "'s", "does"))
PLURAL_AUXILIARIES = frozenset(("are", "have", "were", "'re", "'ve", "do"))


@rule("source", "agreeing-conjunct")
def agreeing_conjunct(c: Clause, ctx: Context) -> list[Actor | None] | None:
    """A present verb the parse coordinated with a reported clause whose subject it cannot agree
    with is done by the reporting verb's subject, whose verb has its form: "We trust the tribunal
    is weighing it and hope ..." (we hope), "The ministry says the rebels are regrouping and urges
    calm" (the ministry)."""
    from .roles import agents_of  # (roles.py imports this module to register the rule)

    verb = c.verb
    inner = verb.head
    while inner.dep_ == "conj" and inner.head.i != inner.i:  # ("is taking ... and unfolding events and hope")
        inner = inner.head
    # (the tagger may call the plural present a base form: "is advancing and urge residents")
    if verb.dep_ != "conj" or verb.tag_ not in ("VBP", "VBZ", "VB") or inner.dep_ != "ccomp" \
            or inner.tag_ == "VB" or any(x.tag_ == "MD" or x.lower_ == "to" for x in inner.children) \
            or any(x.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for x in verb.children):
        return None
    main = inner.head
    said_by = next((x for x in main.children if x.dep_ == "nsubj"), None)
    reported = next((x for x in inner.children if x.dep_ in ("nsubj", "nsubjpass")), None)
    form = _form_number(verb)
    if main.pos_ not in ("VERB", "AUX") or _form_number(main) != form or main.tag_ not in ("VBP", "VBZ") \
            or said_by is None or reported is None \
            or _number(reported, inner) in (None, form) or _number(said_by, main) != form:
        return None
    # (a speaker the article does not name, "We" with no publisher: no one, not the reported subject)
    found: list[Actor | None] = list(agents_of(said_by, main, ctx.actors, ctx.si, said_by.pos_ == "NOUN"))
    return found or [None]


def _form_number(verb: Any) -> str:
    """The number a present verb's form agrees with: "hopes" one, "hope" several (or I, you)."""
    return "one" if verb.tag_ == "VBZ" else "several"


def _number(subject: Any, verb: Any) -> str | None:
    """Whether a subject is one or several, by its word or by its verb's auxiliary; None when
    neither tells ("the staff", a coordination is several)."""
    if any(x.dep_ == "conj" for x in subject.children):
        return "several"
    if subject.tag_ == "PRP":
        return "several" if subject.lower_ in PLURAL_FORM_PRONOUNS else "one"
    if subject.tag_ in ("NNS", "NNPS"):
        return "several"
    aux = {x.lower_ for x in verb.children if x.dep_ in ("aux", "auxpass")}
    if verb.tag_ in ("VBZ", "VBP"):
        aux.add(verb.lower_)
    if aux & SINGULAR_AUXILIARIES or verb.tag_ == "VBZ":
        return "one"
    if aux & PLURAL_AUXILIARIES:
        return "several"
    return "one" if subject.tag_ in ("NN", "NNP") else None


__all__ = ["agreeing_conjunct"]

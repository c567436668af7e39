"""Stages "veto" and "role": summaries, legal effects and kinds are no acts.

A sentence may name acts without telling one that happened at a time: it sums up years of them
("for decades the army has killed, raped and committed atrocities", rule "long-summary"), tells
what a text permits ("GL 25 authorizes the exportation of services", "the state of emergency
appears to allow him to pull funding", rule "legal-effect"), sums up an act going on over places
no one names ("unrest continued elsewhere in the US", rule "spread-continuation"), elaborates a
standing description with a participle or an infinitive ("has long been the largest donor,
providing more than a quarter of the funds", "The Alliance offers a model of cooperation ... to
improve the lives of ...", rule "described-governor"), or lists an act as the example of a practice
("fundraising schemes such as extortion and kidnapping for ransom", veto "example-of-kind"), or
tells who comes along with a person ("the Secretary will be joined by the Acting Director", rule
"accompaniment") or what a past trip was for ("the President traveled to South Dakota to take part
in a celebration", rule "trip-purpose": the trip is told, its purpose no act of its own). Each
leaves no parties (no event). The tests are token-level, in ``coding/summaries.py``.

Kept: a short or a day's span ("Since Monday, police have arrested 40 people", "since April"),
a total of money given ("Since 2015, Gondor has provided $300 million": aid given), an actor's
own permission ("Gondor allowed the inspectors to visit"), an act going on in a named place or on
a named day, one act named as an example ("attacks such as the metro bombing in April 2017"), a body
joined by members ("the coalition was joined by Australia": they join it), the trip itself and the
purpose of a trip still to come ("will travel to Rome to meet the Pope": an intent).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...lang import words
from .. import clauses, summaries
from . import rule
from .record import Clause, Context
from .vocab import VIOLENT_ROOTS

if TYPE_CHECKING:
    from ..verbs import VerbDictionary
    from .roles import Roles

FORCE_ROOTS = VIOLENT_ROOTS + ("17",)
PERSON_WORDS = words("person_pronouns") | words("post_nouns") | words("envoy_titles")
TRIP_VERBS = words("travel_verbs") | words("bare_destination_verbs")


@rule("veto", "example-of-kind")
def example_of_kind(tok: Any, verbs: VerbDictionary) -> bool | None:
    """"ISIS branches rely on fundraising schemes such as theft, extortion and kidnapping for
    ransom": an act listed as an example of a practice is a kind, no act."""
    return summaries.example_of_kind(tok) or None


def _left_none(c: Clause) -> bool:
    """An earlier role rule already left the clause no parties (its own name stays in the trace)."""
    return not c.sources and not c.targets


def _no_parties(how: str) -> Roles:
    from .roles import Roles  # noqa: F811  (roles.py imports this module to register its rules)

    return Roles([], [], False, how)


@rule("role", "long-summary")
def long_summary(c: Clause, ctx: Context) -> Roles | None:
    """Acts summed up in the perfect over a long span up to now are no discrete act: "for decades
    the army has killed, raped and committed atrocities", "the regime has detained critics for
    years", "Since 2019 the militia has attacked villages", and a participle or infinitive that
    elaborates such a clause ("Since the 2019 coup the junta has perpetuated violence, killing more
    than 2,100"); not "since Monday", "since April", nor a total of aid ("has provided $300 million
    since 2015")."""
    published = ctx.article.published
    if ctx.si < 0 or _left_none(c) or not any(
            summaries.long_summary(v, published) for v in (c.verb, *summaries.governors(c.verb))):
        return None
    return _no_parties("summary")


@rule("role", "legal-effect")
def legal_effect(c: Clause, ctx: Context) -> Roles | None:
    """What a document, a measure or an arrangement permits, told in the present, is its legal
    effect, no act; nor is what it permits: "GL 25 authorizes the exportation of services", "the
    state of emergency appears to allow him to pull funding", "This allows for sanctions to be
    imposed" (not "Gondor allowed the inspectors to visit": an actor's act)."""
    how = None if _left_none(c) else summaries.legal_effect(c.verb)
    return _no_parties(how) if how is not None and not c.cand.reverse else None


@rule("role", "spread-continuation")
def spread_continuation(c: Clause, ctx: Context) -> Roles | None:
    """An act going on over places no one names sums up what goes on, no discrete act: "unrest
    continued elsewhere in the US", "protests continued across the country" (not "continued in
    the capital on Monday")."""
    if ctx.si <= 0 or _left_none(c) or not summaries.spread_continuation(c.verb):
        return None
    return _no_parties("spread")


@rule("role", "described-governor")
def described_governor(c: Clause, ctx: Context) -> Roles | None:
    """A participle or an infinitive with no subject of its own shares the description of the
    clause it elaborates: "has long been the largest donor to the fund, providing more than a
    quarter of its budget" (a standing), "The Alliance offers a model of cooperation ... to improve
    the lives of its citizens" (what an arrangement does); not force told of a standing ("has
    always opposed the rebels, attacking their bases")."""
    for gov in ([] if _left_none(c) else summaries.governors(c.verb)):
        held = clauses.standing(gov)
        if held == "tally" or (held == "position" and c.cand.code[:2] not in FORCE_ROOTS):
            return _no_parties("standing")
        if ctx.si >= 0 and clauses.arrangement_described(gov) is not None:
            return _no_parties("arrangement")
        if summaries.legal_effect(gov) is not None:
            return _no_parties("permitted")
    return None


def _a_person(tok: Any) -> bool:
    """A person by name, pronoun or post: "Secretary Blinken", "she", "the minister"."""
    return tok.ent_type_ == "PERSON" or tok.lower_ in PERSON_WORDS or tok.lemma_.lower() in PERSON_WORDS \
        or any(c.ent_type_ == "PERSON" and c.dep_ in ("compound", "appos", "flat") for c in tok.children)


@rule("role", "accompaniment")
def accompaniment(c: Clause, ctx: Context) -> Roles | None:
    """A person joined or accompanied by another, in the passive, tells who comes along, no act:
    "During the ceremony, the Secretary will be joined by the Acting Director", "She was
    accompanied by her deputy" (not "the coalition was joined by Australia": a body joined by its
    members, nor "the minister joined the talks")."""
    verb = c.verb
    if _left_none(c) or verb.lemma_.lower() not in words("accompanying_verbs") or \
            not any(t.dep_ == "auxpass" for t in verb.children) or not any(t.dep_ == "agent" for t in verb.children):
        return None
    subj = next((t for t in verb.children if t.dep_ == "nsubjpass"), None)
    return _no_parties("accompaniment") if subj is not None and _a_person(subj) else None


def _past(verb: Any) -> bool:
    """"traveled", "has traveled" (a past tense or the present perfect; no modal, no present)."""
    auxes = [t for t in verb.children if t.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBD":
        return not auxes
    return verb.tag_ == "VBN" and bool(auxes) and all(t.lemma_.lower() in ("have", "be") and t.tag_ != "MD" for t in auxes)


@rule("role", "trip-purpose")
def trip_purpose(c: Clause, ctx: Context) -> Roles | None:
    """The purpose of a trip already made, a "to"-infinitive with no subject of its own, is no act
    of its own (the trip is told): "the President traveled to South Dakota to take part in a
    celebration", "the envoy flew to Rohan to discuss the border"; not a trip still to come ("will
    travel to Rome to meet the Pope", "travels to Riga to meet": an intent), nor people who came
    together for a purpose ("have come together to send a message")."""
    verb = c.verb
    if _left_none(c) or verb.dep_ not in ("advcl", "xcomp") or any(t.dep_ in clauses.SUBJECT_DEPS for t in verb.children) \
            or not any(t.dep_ == "aux" and t.lower_ == "to" for t in verb.children):
        return None
    trip = verb.head
    return _no_parties("purpose") if trip.lemma_.lower() in TRIP_VERBS and _past(trip) and _destination(trip) else None


def _destination(trip: Any) -> bool:
    """The trip goes somewhere: "traveled to South Dakota", "visited California" (not "have come
    together to send a message": a gathering)."""
    return any(t.dep_ == "dobj" or (t.dep_ == "prep" and t.lower_ in ("to", "into")) for t in trip.children)

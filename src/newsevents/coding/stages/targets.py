"""Stage "target": whom an act is done to, as an ordered cascade of named rules.

``find_targets`` builds a ``TargetQuery`` (the verb's object, its phrases, what the act
moves or uses, the phrases that may name the target) and asks the rules of ``ORDER["target"]``
in turn; the first that finds someone decides, and its name goes into the event's trace.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from ...lang import words
from ...models import Actor
from ...nlp.places import Gazetteer
from ...nlp.types import Strict
from ...resolve.actors import all_conjuncts, collective_of, mention_tokens
from .. import clauses
from ..noun_events import act_of, default_acts
from ..verbs import VerbMatch
from . import owners, rule, rules
from .heads import target_heads
from .mentions import (
    is_named,
    is_partner,
    named_beside,
    same_actor,
    same_span,
    thing_of,
    unresolved,
)
from .phrases import about_of, condition_subjects, deep_heads, own_forces, purpose_heads, weapon_of
from .record import Context
from .vocab import (
    ACT_CARRIERS,
    AGREEMENT_ROOTS,
    CEASEFIRE_VIOLATION,
    COMMENT_MOODS,
    FREEING_VERBS,
    LIGHT_VERBS,
    MOVING_ROOTS,
    ONE_WAY,
    OWNED_ACTS,
    PLACE_TARGET_ROOTS,
    PURPOSE_TARGET_ROOTS,
    RESIGNATION,
    SYMMETRIC_ROOTS,
    TOPIC_VERBS,
    TRANSFER_ROOTS,
    TRAVELS,
    VIOLENT_ROOTS,
    WEAPON_NOUNS,
    WITHDRAWALS,
)

Found = tuple[list[Actor], bool]  # the targets, and whether they were named outright
PROTEST_ROOT = "14"
COERCION_ROOTS = ("17", "18", "19", "20")
CLAUSE_TARGET_ROOTS = ("05", "09", "11", "12")  # (praise, inquiry, disapproval, rejection: at whom the clause names)
OWN_THINGS = words("stance_nouns") | words("ideal_nouns") | words("means_nouns")
THINGS = OWN_THINGS | words("measure_nouns") | words("problem_nouns") | words("text_nouns") \
    | words("law_part_nouns") | words("imposed_nouns")  # (never a party, uncoded)
ISSUES = words("issue_nouns")  # (never a party, whoever they name)
BUILDINGS = words("building_nouns")  # (a building's name may hold another name: "the Memorial to ...")
REACTIONS = words("reception_nouns")  # (acts that answer another: "Rohan's condemnation of ...")
COUNTERPARTS = words("counterpart_nouns")  # (people met in their office, of the country met in)
GATHERINGS = words("gathering_nouns")  # (a gathering held or attended: never a party, whoever it is named for)
VISIT_CODES = ("042", "043")  # (a visit made, a visit hosted)
STATE_SECTORS = ("GOV", "MIL", "LEG", "JUD", "ELI")  # (whom a state's government receives)
LEGAL_CODES = ("111", "112", "115")  # (accusations of crime, legal action: on whom a case is brought)
ARREST_ROOT = "17"  # (coercion: arrests, detentions, bans)
CRIMINAL = "CRM"  # the sector of one charged or held for a crime
INTENT_TO_MEET = "036"  # ("will discuss ...": a planned consultation)
POSSESSIVE_MARKS = ("'", "’", "'s", "’s")  # (a possessive mark set apart from its name)
UNKNOWN_COUNTRY = "---"  # (the code's country part when no country is known: "---PPL")
MEETING_ROOT = "04"  # (consultations: meetings, talks, visits)  # coercion (arrests, detentions) and violence


@dataclass
class TargetQuery:
    """What the target rules look at: the act, its sources, its object and phrases."""

    verb: Any
    m: VerbMatch
    code: str  # the act's code (a threatened act's when threatened)
    threat: bool
    src: list[Actor]  # the known sources
    obj: Any | None
    preps: list[tuple[str, Any]]
    moved: set[int]  # what the act moves or uses, never whom it is aimed at
    topic: set[int] = field(default_factory=set)  # what a talk is about, never a party to it
    party: set[int] = field(default_factory=set)  # the sources' own party on a trip, never a target
    ctx: Context | None = None  # the sentence's (to tell a party from the sources' own things)

    @cached_property
    def heads(self) -> list[Any]:
        """The phrases that may name the target, best first (not what is moved)."""
        return [h for h in target_heads(self.verb, self.m, self.code, self.obj, self.preps)
                if h.i not in self.moved and h.i not in self.topic]

    @cached_property
    def acted_on(self) -> Any | None:
        """What is acted on: the object, or a phrase the pattern took in ("cordoned off the roads")."""
        if self.obj is not None:
            return self.obj if self.obj.i not in self.topic and self.obj.i not in self.party else None
        return next((p for _, p in self.preps if p.i in self.m.consumed or p.head.i in self.m.consumed), None)

    def ok(self, actors: list[Actor]) -> list[Actor]:
        """Actors that are not the sources nor inside their words (one of two subjects may be the
        others' target: "A and B may spur reconciliation between C and B": A's with B)."""
        src = self.src
        return [a for a in actors if not any(s.start <= a.start and a.end <= s.end for s in src)  # (nor words
                # of a source's own phrase: "the Office of Inspector General opened ...")
                and (len(src) >= 2 or not any(same_actor(a, s) for s in src)) and not self.sources_own(a)]

    def sources_own(self, actor: Actor) -> bool:
        """A thing of the sources' own country, not a party: "Gondor's envoy reaffirmed Gondor's
        commitment to ...", "the minister stressed continued Gondorian support" (a phrase whose
        head is a thing, a country only its modifier; not an act noun, whose owner is another
        rule's: "condemned Rohan's attack"; nor people: "Gondorian forces")."""
        ctx = self.ctx
        if ctx is None:
            return False
        # (a country's name no dictionary coded here is still that country: "the United States")
        country = actor.country or (None if actor.code else ctx.gazetteer.country_code(actor.name or actor.text))
        if not country or not any(s.country == country for s in self.src):
            return False
        span = ctx.sent.char_span(actor.start, actor.end, alignment_mode="expand")
        root = span.root if span is not None and len(span) else None
        # (or the country only owns the thing the phrase hangs on: "reaffirmed the United
        # States' commitment to ...", "stressed U.S. support for ...")
        if _headed_by(root, OWN_THINGS):
            return True
        # (or a country's name only owns the thing the phrase hangs on: "reaffirmed the United
        # States' commitment to ...", "stressed U.S. support for ..."; not an organ of it, whose
        # commitment one may thank: "thanked the State Department for its commitment")
        if root is None or span is None or root.ent_type_ not in ("GPE", "NORP"):
            return False
        owner_of = root.head if root.dep_ in ("poss", "compound", "nmod", "amod") else None
        return _headed_by(owner_of, OWN_THINGS) or _headed_by(_owned_after(span), OWN_THINGS)

    def first(self, ctx: Context, levels: tuple[Strict, ...], candidates: list[Any]) -> list[Actor]:
        """The first of ``candidates`` that resolves, at each strictness of ``levels`` in turn."""
        return next((found for strict in levels for h in candidates
                     if (found := self.ok(ctx.actors.resolve_conjuncts(h, ctx.si, strict=strict)))), [])

    def role(self, ctx: Context, head: Any) -> Actor:
        """``head`` kept unresolved, with the role its words give."""
        return unresolved(head, ctx.actors.role_of(mention_tokens(head)))


def _owned_after(span: Any) -> Any | None:
    """The noun a possessive mark after ``span`` gives it, whatever the parse: "the United
    States’ strong commitment" (commitment, though "States" was parsed as the verb's object)."""
    doc, i = span.doc, span.end
    if i >= len(doc) or doc[i].text not in POSSESSIVE_MARKS:
        return None
    i += 1
    while i < len(doc) and doc[i].pos_ in ("ADJ", "ADV"):
        i += 1
    return doc[i] if i < len(doc) else None


def _headed_by(root: Any | None, things: frozenset[str] | set[str]) -> bool:
    """The phrase's head is one of ``things``, a noun or, with a headline's capitals, a name
    ("Gondor Affirms Gondorian Commitment to ...")."""
    return root is not None and root.pos_ in ("NOUN", "PROPN") \
        and (root.lemma_.lower() in things or root.lower_ in things)


def query(verb: Any, m: VerbMatch, code: str, ctx: Context, src: list[Actor], threat: bool) -> TargetQuery:
    """The verb's object and phrases as the target rules see them."""
    obj = clauses.object_of(verb)
    preps = clauses.prepositional_objects(verb)
    # "donated and delivered goods to X", "attacked and killed 12 fighters": a giving or a
    # violent verb shares the next verb's object (but "arrived and arrested 12 people" does not)
    if obj is None and not preps and code[:2] in TRANSFER_ROOTS + VIOLENT_ROOTS + ("17",):
        shared = next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and not any(
            x.dep_ in ("nsubj", "nsubjpass") for x in c.children)), None)
        if shared is not None:
            obj, preps = clauses.object_of(shared), clauses.prepositional_objects(shared)
    # forces moved by their own side ("withdrew peacekeepers from Sinai", "is deploying 300
    # troops to Mali"): what is moved, never whom the act is aimed at
    # (but soldiers freed are captives: "freed 280 child soldiers")
    moved = {t.i for t in obj.subtree if t.i <= obj.i} if obj is not None and code[:2] in MOVING_ROOTS \
        and verb.lemma_.lower() not in FREEING_VERBS and own_forces(obj) else set()
    if obj is not None and _weapon_used(verb, code, obj, ctx):  # (never for no object)
        weapons = [obj, *all_conjuncts(obj)]
        moved |= {t.i for t in weapons}
        preps = preps + [(c.lower_, x) for w in weapons[1:] for c in w.children if c.dep_ == "prep"
                         for x in c.children if x.dep_ == "pobj"]
    party = _companions(verb, obj, preps, {a.country for a in src if a.country}, ctx.gazetteer)
    topic = _topic_words(obj) if obj is not None and _topic(verb, code) else set()
    return TargetQuery(verb, m, code, threat, src, obj, preps, moved | party, topic, party, ctx)


def _companions(verb: Any, obj: Any | None, preps: list[tuple[str, Any]], home: set[str],
                gazetteer: Gazetteer) -> set[int]:
    """The words of the actor's own party on a trip, never whom the trip is to: "will travel to
    Gondor with an interagency delegation", "will lead a delegation to Rohan" (not a party another
    country's name says is someone else's: "led the Rohirric delegation" when the leader is Gondor's)."""
    lemma = verb.lemma_.lower()
    party = [p for name, p in preps if name == "with" and p.head.head.i == verb.i and lemma in TRAVELS]
    if obj is not None and lemma in words("trip_leading_verbs") and not clauses.is_passive(verb):
        party.append(obj)  # (not "the Gondorian delegation was led by ...": the leader is the subject's)
    # (the party's own words, not where it goes: "lead a delegation to Rohan and Gondor")
    return {t.i for p in party if p.lemma_.lower() in words("companion_nouns") and not _from_elsewhere(p, home, gazetteer)
            for t in p.subtree if t.i <= p.i}


def _from_elsewhere(party: Any, home: set[str], gazetteer: Gazetteer) -> bool:
    """A party said to be of or from someone: "with a delegation from Rohan", or named for another
    country than the sources' ("the Rohirric delegation")."""
    if any(c.dep_ == "prep" and c.lower_ in ("of", "from") for c in party.children):
        return True
    named = {gazetteer.country_code(c.text) for c in party.children
             if c.i < party.i and c.dep_ in ("amod", "compound", "nmod") and c.ent_type_ in ("GPE", "NORP")}
    return bool(home) and any(code is not None and code not in home for code in named)


def _topic(verb: Any, code: str) -> bool:
    """A consultation's object is what is talked about, never the party talked with: "met
    Gondor's envoy to discuss Rohan's attack on Gondor" (whom it is discussed "with" still is)."""
    return (code[:2] == "04" or code == INTENT_TO_MEET) and verb.lemma_.lower() in TOPIC_VERBS


def _topic_words(obj: Any) -> set[int]:
    """The words of what is talked about, but not a "with" phrase the parser hung on it:
    "discuss developments with Rohan's officials" is still discussed with them."""
    partner = {t.i for p in obj.subtree if p.dep_ == "prep" and p.lower_ == "with" for t in p.subtree}
    return {t.i for t in obj.subtree} - partner


def _weapon_used(verb: Any, code: str, obj: Any | None, ctx: Context) -> bool:
    """The object of a violent act is the weapon used or the attacker's own thing, not what it is
    aimed at: "launched artillery and rocket fire against the camps", "used tanks against
    protesters", "detonated his explosives-laden vehicle near an army base"."""
    if obj is None or code[:2] not in VIOLENT_ROOTS + ("17",):
        return False
    if obj.lemma_.lower() in WEAPON_NOUNS:
        return True
    return (any(c.dep_ == "poss" and c.lower_ in words("possessive_pronouns") for c in obj.children)
            and verb.lemma_.lower() not in ACT_CARRIERS | LIGHT_VERBS  # (not "mounted its invasion of X")
            and ctx.actors.role_of(mention_tokens(obj)) is None)  # (nor people: "attacked their fighters")


# -- the rules, in the order ORDER["target"] declares ---------------------------------------

@rule("target", "mood-about")
def mood_about(q: TargetQuery, ctx: Context) -> Found | None:
    """What a pessimistic or optimistic comment is about: "skeptical of the government's
    ability", "expressed optimism at a bipartisan deal", "pessimistic that the Olympics will go ahead"."""
    if q.code not in COMMENT_MOODS or q.m.anchor is None:
        return None
    about = about_of(q.m.anchor)
    if about is None or any(same_span(about, s) for s in q.src):
        return None
    found = q.ok(ctx.actors.resolve_conjuncts(about, ctx.si, strict="near"))
    if found or about.pos_ != "PRON":  # ("confident that we will ...": no one new)
        return found or [q.role(ctx, about)], False
    return None


@rule("target", "act-owner")
def act_owner(q: TargetQuery, ctx: Context) -> Found | None:
    """The doer of the act that is acted on, as the act noun's own phrase names it: "condemned
    Rohan's attack on Gondor" (Rohan), "opposed the Gondorian withdrawal", "criticised the
    decision by Rohan", "protested against Mordor's invasion" (not what the act is about:
    "sanctioned Rohan over Mordor's crackdown" is aimed at Rohan)."""
    acts = [q.acted_on] if q.acted_on is not None else [
        p for name, p in q.preps if name in ("against", "over") and p.head.head.i == q.verb.i]
    for act in acts:
        if act is None or act.i in q.moved or act.lemma_.lower() not in OWNED_ACTS:
            continue
        found = q.first(ctx, (True,), doers_of(act))
        if found and (act_of(act, default_acts()) is not None or act.lemma_.lower() in REACTIONS):
            # ("Rohan's attack": the attack is an event of its own, the noun coder's; "lauded
            # Rohan's condemnation of ...": a reaction to another act, whose doer is praised or
            # blamed for it, not what it reacts to; the doer's words only)
            return found, False
        if found:  # (the words are the act's own phrase when they hold the doer: "Rohan's decision")
            whole = unresolved(act, appos=False)
            end = _act_phrase_end(act, whole)
            return [replace(a, text=whole.text[:end - whole.start], start=whole.start, end=end)
                    if whole.start <= a.start and a.end <= end else a for a in found], False
    return None


def _act_phrase_end(act: Any, whole: Actor) -> int:
    """Where an act's phrase ends: before an "of" phrase that says what it does ("the decision
    of rescinding the status", "the decision to close"), after one that names what it is of
    ("violations of human rights")."""
    doing = [c for c in act.children if c.dep_ == "prep" and c.lower_ == "of"
             and any(x.dep_ == "pcomp" or x.pos_ == "VERB" for x in c.children)]
    if not doing:
        return whole.end
    first = min(doing, key=lambda c: c.i)
    before = [t for t in act.subtree if t.i < first.i and not t.is_punct]
    last = max(before, key=lambda t: t.i) if before else act
    return min(whole.end, last.idx + len(last.text) - act.sent.start_char)


def doers_of(act: Any) -> list[Any]:
    """The words of an act noun's phrase that name who does it: its possessor (not a pronoun:
    "its decision" is the subject's own), a name or nationality before it, its "by" phrase."""
    before = [c for c in act.children if c.i < act.i and (
        (c.dep_ == "poss" and c.pos_ != "PRON")
        or (c.dep_ in ("amod", "compound", "nmod") and c.pos_ in ("PROPN", "ADJ") and c.ent_type_ in ("GPE", "NORP", "ORG")))]
    by = [x for c in act.children if c.dep_ == "prep" and c.lower_ == "by" for x in c.children if x.dep_ == "pobj"]
    return before + by


def _named_phrase(q: TargetQuery, ctx: Context, strict: Strict, candidates: list[Any]) -> Found | None:
    for h in candidates:
        if h is None:
            continue
        found = q.ok(ctx.actors.resolve_conjuncts(h, ctx.si, strict=strict))
        if found:  # (with the named ones beside them no dictionary knows: "a kidnapped Peace
            # Corps volunteer and a Japanese citizen")
            return found + named_beside([h, *all_conjuncts(h)], found + q.src, ctx.actors, ctx.si), strict is True
    return None


@rule("target", "phrase")
def phrase(q: TargetQuery, ctx: Context) -> Found | None:
    """A phrase of the verb that names a known actor itself, best first: "met Angela Merkel",
    "sent troops to Bosnia", "gave Tanzania a grant"."""
    return _named_phrase(q, ctx, True, q.heads)


@rule("target", "phrase-near")
def phrase_near(q: TargetQuery, ctx: Context) -> Found | None:
    """A phrase of the verb whose words near its head name a known actor ("the Chinese
    ambassador in Berlin")."""
    return _named_phrase(q, ctx, "near", q.heads)


@rule("target", "people-in-place")
def people_in_place(q: TargetQuery, ctx: Context) -> Found | None:
    """People named by their role and located by a place phrase, of that place's country: "met
    with civil society leaders in Gondor" (GONCVL), "praised the courage of journalists in Rohan"
    (the journalists, not the place: a place after a person noun only locates them); not one a
    country of their own already names ("the Rohirric ambassador in Gondor")."""
    for h in [*q.heads, *_of_people(q.acted_on)]:
        if h.pos_ != "NOUN" or _has_country_word(h):
            continue
        role = ctx.actors.role_of(mention_tokens(h)) if ctx.actors.role_of([h]) else None  # (people, not
        # things their modifiers give a role: "military installations in Gondor")
        country = _located_in(h, ctx)
        if role is None or country is None:
            continue
        found = q.ok([replace(unresolved(h, appos=False), sector=role, country=country, code=country + role)])
        if found:
            return found, False
    return None


@rule("target", "counterparts-in-place")
def counterparts_in_place(q: TargetQuery, ctx: Context) -> Found | None:
    """People met in their office where the meeting is held, named by no country of their own,
    are that country's government (or whatever their role words say): "In Gondor, the envoy will
    meet with government counterparts" (GONGOV), "will travel to Rohan to meet with officials",
    "begins her trip in Edoras, where she will meet with leaders" (not at home: the sources' own
    country's officials are no one new)."""
    if not (q.code[:2] == MEETING_ROOT or q.code == INTENT_TO_MEET):
        return None
    for h in q.heads:
        owned = any(c.dep_ == "poss" and c.pos_ != "PRON" for c in h.children)  # ("his counterparts" are still the hosts)
        if h.pos_ != "NOUN" or h.lemma_.lower() not in COUNTERPARTS or owned or any(
                c.i < h.i and c.dep_ in ("amod", "compound", "nmod") and c.ent_type_ in ("GPE", "NORP") for c in h.children) \
                or any(c.dep_ == "prep" and c.lower_ in ("of", "from", "in", "at") for c in h.children):
            continue
        country = _meeting_country(q, ctx)
        if country is None:
            return None
        role = ctx.actors.role_of(mention_tokens(h)) or "GOV"
        found = q.ok([replace(unresolved(h, appos=False), sector=role, country=country, code=country + role)])
        if found:
            return found, False
    return None


def _meeting_country(q: TargetQuery, ctx: Context) -> str | None:
    """The country of where the act is done, as the clause or the clauses it hangs on say: its
    in/at phrase ("In Gondor, ... will meet"), a trip's destination ("will travel to Rohan to
    meet"), the place a "where" clause tells of ("in Edoras, where she will meet"); not one of
    the sources' own."""
    home = {s.country for s in q.src if s.country}
    node = q.verb
    for _ in range(3):
        places = [x for c in node.children if c.dep_ == "prep" and (
            c.lower_ in ("in", "at") or (c.lower_ in ("to", "into") and node.lemma_.lower() in TRAVELS))
            for x in c.children if x.dep_ == "pobj"]
        if node.dep_ == "relcl" and any(c.lower_ == "where" for c in node.children):
            places.append(node.head)
        for x in places:
            country = _place_country(x, ctx)
            if country is not None:
                return None if country in home else country
        if node.dep_ not in ("xcomp", "advcl", "conj", "relcl") or node.head is node:
            break
        node = node.head
    return None


def _place_country(tok: Any, ctx: Context) -> str | None:
    """The country of a place phrase, as ``place_actor`` finds it, or of a name the parser gave
    no entity type that the gazetteer knows as a place ("In Accra, ...")."""
    country = next((a.country for a in place_actor(tok, ctx.gazetteer) if a.country), None)
    if country is None and tok.pos_ == "PROPN" and not tok.ent_type_:
        place = ctx.gazetteer.lookup(unresolved(tok, appos=False).name or tok.text)
        country = place.country if place is not None else None
    return country


def _located_in(h: Any, ctx: Context) -> str | None:
    """The country of the place a phrase's own place phrase names ("journalists in Rohan": ROH)."""
    return next((a.country for c in h.children if c.dep_ == "prep" and c.lower_ in words("locating_prepositions")
                 for x in c.children if x.dep_ == "pobj" for a in place_actor(x, ctx.gazetteer) if a.country), None)


def _of_people(obj: Any | None) -> list[Any]:
    """The people an object's "of" phrase names: "the courage of journalists in Rohan"."""
    if obj is None:
        return []
    return [x for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for x in c.children if x.dep_ == "pobj"]


def _has_country_word(h: Any) -> bool:
    """The phrase names whose they are before its head ("the Rohirric envoy", "Gondor's activists",
    "our diplomatic mission")."""
    return any(c.i < h.i and (c.dep_ == "poss" or (c.dep_ in ("amod", "compound", "nmod") and c.ent_type_ in ("GPE", "NORP")))
               for c in h.children)


@rule("target", "phrase-loose")
def phrase_loose(q: TargetQuery, ctx: Context) -> Found | None:
    """The pattern's last word or a phrase of the verb naming a known actor anywhere in it
    ("believed linked to Al-Qaeda"); not a word of the subject's phrase ("missiles fired by the
    military struck ...")."""
    m, verb = q.m, q.verb
    anchor = m.anchor if m.anchor is None or (m.anchor.i not in q.moved and m.anchor.i > verb.i) else None
    return _named_phrase(q, ctx, False, [anchor, *q.heads])


@rule("target", "purpose")
def purpose(q: TargetQuery, ctx: Context) -> Found | None:
    """A protest's or an attack's purpose: "went on hunger strike to protest the president's
    decision", "blocked roads in protest against the government"."""
    if q.code[:2] not in PURPOSE_TARGET_ROOTS:
        return None
    return _found(q.first(ctx, (True, "near"), purpose_heads(q.verb)))


@rule("target", "protest-site")
def protest_site(q: TargetQuery, ctx: Context) -> Found | None:
    """The institution a crowd protests at, whose seat it surrounds or gathers outside: "gathered
    outside the parliament" (the legislature), "surrounded the police headquarters, chanting
    slogans" (the police; also for the acts of the clauses under it); not a bare place ("rallied
    in Gondor")."""
    if q.code[:2] != PROTEST_ROOT:
        return None
    for verb in _protest_clauses(q.verb):
        sites = [_site(p) for c in verb.children if c.dep_ == "prep" for p in c.children
                 if p.dep_ == "pobj" and (c.lower_ in words("protest_site_prepositions") or _site(p) is not p)]
        obj = clauses.object_of(verb) if verb.lemma_.lower() in words("besieging_verbs") else None
        for site in [*sites, obj]:
            if site is None or site.pos_ not in ("NOUN", "PROPN") or site.ent_type_ in ("GPE", "LOC"):
                continue  # (a seat, not a place: "rallied around Gondor")
            found = _seat(q, ctx, site)
            if found:
                return found, False
    return None


def _seat(q: TargetQuery, ctx: Context, site: Any) -> list[Actor]:
    """Who sits at a site protested at, the words of the site's phrase: "the police headquarters
    in Lagos" (NGACOP); one its role words give, of the protesters' country, when no dictionary
    names it ("the city's main police complex")."""
    whole = unresolved(site, appos=False)
    for strict in (True, "near", False):
        found = [a for a in q.ok(ctx.actors.resolve_conjuncts(site, ctx.si, strict=strict)) if a.code]
        if found:
            return [replace(a, text=whole.text, start=whole.start, end=whole.end)
                    if whole.start <= a.start and a.end <= whole.end else a for a in found]
    role = ctx.actors.role_of(mention_tokens(site))
    home = next((s.country for s in q.src if s.country), None)
    return [replace(whole, sector=role, country=home, code=(home or "---") + role)] if role else []


def _protest_clauses(verb: Any) -> list[Any]:
    """The protest's verb and the verbs it is told under ("gathered around X, blocking the exits
    as they chanted slogans": chanted, blocking, gathered)."""
    out = [verb]
    node = verb
    while node.dep_ in ("advcl", "conj", "xcomp") and node.head is not node and len(out) < 4:
        node = node.head
        out.append(node)
    return out


def _site(pobj: Any) -> Any:
    """The seat of "in front of the ministry": the ministry (a site's own noun otherwise)."""
    if pobj.lower_ in words("protest_site_prepositions") and pobj.head.lower_ == "in":
        return next((x for c in pobj.children if c.dep_ == "prep" and c.lower_ == "of"
                     for x in c.children if x.dep_ == "pobj"), pobj)
    return pobj


def _found(actors: list[Actor]) -> Found | None:
    return (actors, False) if actors else None


@rule("target", "that-clause")
def that_clause(q: TargetQuery, ctx: Context) -> Found | None:
    """Whom praise, an inquiry, regret or rejection of what a that-clause says is aimed at: the
    one its subject names, or the doers its act noun names: "regrets that restrictions imposed
    by the Gondorian authorities will prevent observers" (GONGOV), "welcomed that Rohan has freed
    the journalists" (ROH), "will investigate whether the Rohirric minister used ..." (ROHGOV)."""
    if q.code[:2] not in CLAUSE_TARGET_ROOTS or q.obj is not None:
        return None
    for clause in (c for c in q.verb.children if c.dep_ == "ccomp" and c.i > q.verb.i and any(
            x.dep_ == "mark" and x.lower_ in ("that", "whether", "if") for x in c.children)):  # (not
        # "claimed the papers were"; an inquiry's: "will investigate whether the minister used ...")
        subj, _ = clauses.subject_of(clause)
        if subj is None or subj.tag_ == "WDT":
            continue
        doers = [x for a in subj.children if a.dep_ == "acl" and a.tag_ == "VBN"
                 for c in a.children if c.dep_ == "agent" for x in c.children if x.dep_ == "pobj"]
        # (not the sources' own country: "affirmed that the United States will ...")
        found = [a for a in q.first(ctx, (True, "near"), [subj, *doers_of(subj), *doers])
                 if not any(s.country and s.country == a.country for s in q.src)]
        if found:
            return found, False
    return None


@rule("target", "threat-condition")
def threat_condition(q: TargetQuery, ctx: Context) -> Found | None:
    """The one a threat's condition names: "threatened to attack if Hamas runs"."""
    return _found(q.first(ctx, (True, "near"), condition_subjects(q.verb))) if q.threat else None


@rule("target", "inside-object")
def inside_object(q: TargetQuery, ctx: Context) -> Found | None:
    """A known actor deeper in what is acted on: "cordoned off the roads leading into Mordor",
    "expressed hopes that Osgiliath could be drawn in"."""
    if q.acted_on is None:
        return None
    return _found(q.first(ctx, (True,), [h for h in deep_heads(q.acted_on) if not _talked_about(h, q.acted_on)]))


def _talked_about(tok: Any, top: Any) -> bool:
    """Whether ``tok`` is inside what a talk hung on ``top`` is about ("spoke with his
    counterpart to discuss the fighting in Gondor": Gondor is no one spoken with)."""
    node = tok
    while node.i != top.i and node.head is not node:
        if (node.dep_ == "dobj" and node.head.lemma_.lower() in TOPIC_VERBS) \
                or (node.head.pos_ == "NOUN" and node.head.lemma_.lower() in ISSUES):  # ("the issue of X")
            return True
        node = node.head
    return False


@rule("target", "agreement-purpose")
def agreement_purpose(q: TargetQuery, ctx: Context) -> Found | None:
    """Whom an agreement is for: "signed an accord to supply Gondor with wheat"."""
    if q.acted_on is None or q.code[:2] not in AGREEMENT_ROOTS:
        return None
    return _found(q.first(ctx, (True,), purpose_heads(q.verb)))


@rule("target", "thing-attacked")
def thing_attacked(q: TargetQuery, ctx: Context) -> Found | None:
    """What an attack is aimed at though it names no actor, of the country where it was hit if
    known: "attacked the Catumbela air base", "tortured an inmate to death in western Iran" (IRN);
    only beside a known attacker or a weapon (not "carried out an attack", "fired four shell bombs at")."""
    verb, obj, src = q.verb, q.obj, q.src
    if not (src or weapon_of(q.m.source or clauses.subject_of(verb)[0], verb) is not None) \
            or q.code[:2] not in VIOLENT_ROOTS or q.code == CEASEFIRE_VIOLATION or obj is None \
            or obj.pos_ not in ("NOUN", "PROPN") or verb.lemma_.lower() in LIGHT_VERBS | ACT_CARRIERS \
            or obj.lemma_.lower() in WEAPON_NOUNS or obj.i in q.moved or any(same_span(obj, s) for s in src):
        return None
    hit = q.role(ctx, obj)
    where = next((a.country for name, p in q.preps if name == "in"
                  for a in ctx.actors.resolve_conjuncts(p, ctx.si, strict="near") if a.country), None)
    if where is not None:
        hit = replace(hit, country=where, code=where + (hit.sector or ""))
    return [hit], False


@rule("target", "person-acted-on")
def person_acted_on(q: TargetQuery, ctx: Context) -> Found | None:
    """A person named as what is acted on, whom no dictionary knows: "the journalist Moussa
    Tchangari was arrested in Niger" (before where it happened)."""
    obj = q.obj
    if obj is None or obj.i in q.moved or obj.i in q.topic or any(same_span(obj, s) for s in q.src):
        return None
    if _names_person(obj):
        return [q.role(ctx, obj)], False
    return _accused(q, ctx, obj)


def _accused(q: TargetQuery, ctx: Context, obj: Any) -> Found | None:
    """One charged, arrested or tried, named by their standing in the case: "prosecutors charged
    the suspect with murder" (a criminal, of the country whose state acts on them: the
    prosecutors', when known)."""
    if q.code[:3] not in LEGAL_CODES and q.code[:2] != ARREST_ROOT \
            or obj.lemma_.lower() not in words("accused_nouns"):
        return None
    home = next((s.country for s in q.src if s.country and s.sector in STATE_SECTORS + ("COP",)), None) \
        or _located_in(obj, ctx)  # ("a suspect in Gondor has been charged")
    person = q.role(ctx, obj)
    return [replace(person, sector=CRIMINAL, country=home, code=(home or "---") + CRIMINAL)], False


def _names_person(obj: Any) -> bool:
    """The phrase is a person by name: its head, or a name set beside it ("the journalist
    Moussa Tchangari"); not a thing of someone's ("President Vorn's unjustified war")."""
    return obj.ent_type_ == "PERSON" or any(
        c.ent_type_ == "PERSON" and c.dep_ in ("compound", "appos", "flat") for c in obj.children)


@rule("target", "people-acted-on")
def people_acted_on(q: TargetQuery, ctx: Context) -> Found | None:
    """People no dictionary knows, arrested, detained or harmed: "a total of 649 individuals
    were arrested", "police detained dozens of students", "imposed visa restrictions on 48
    individuals" (a group named by a plural noun; an act of coercion or violence on them is an
    event even when no one is named for it)."""
    for obj in [q.obj, *(p for name, p in q.preps if name in ("on", "against"))]:
        if obj is not None and obj.lemma_.lower() not in THINGS:  # (not "imposed visa restrictions | on ...")
            return _people(q, ctx, obj)
    return None


def _people(q: TargetQuery, ctx: Context, obj: Any) -> Found | None:
    if obj.i in q.moved or q.code[:2] not in COERCION_ROOTS or any(same_span(obj, s) for s in q.src):
        return None
    group = collective_of(obj) or obj
    if group.lemma_.lower() in words("quantity_nouns"):  # ("a total of 649 individuals")
        group = next((x for c in group.children if c.dep_ == "prep" and c.lower_ == "of"
                      for x in c.children if x.dep_ == "pobj"), group)
    if group.tag_ not in ("NNS", "NNPS") or group.lemma_.lower() in WEAPON_NOUNS:
        return None
    return [q.role(ctx, obj)], False


@rule("target", "place-as-host")
def place_as_host(q: TargetQuery, ctx: Context) -> Found | None:
    """Where it happened: "arrived in Moscow", "lifted the curfew in Montenegro", "In Colombia,
    the ELN declared a ceasefire", "resigned as president of Indonesia" (but "A and B met in
    Cairo": each other; and never where a protest was held: "protested in Pachuca" is no
    protest against Pachuca)."""
    code, verb = q.code, q.verb
    if (code[:2] in SYMMETRIC_ROOTS and len(q.src) >= 2) or code[:2] == PROTEST_ROOT:
        return None
    names: tuple[str, ...] = ("in", "to", "at") if code[:2] in PLACE_TARGET_ROOTS else ("in",)
    if code in WITHDRAWALS:  # "is willing to withdraw its troops from Abyei"
        names += ("from",)
    if code == RESIGNATION:  # "resigned as president of Indonesia"
        names += ("of",)
    # (but a place left, or held by force, is acted on though uncoded: "withdraw from the
    # territory of Kashmir", "imposed a curfew in parts of Kashmir")
    bound = code in WITHDRAWALS or code == RESIGNATION or code[:2] in COERCION_ROOTS
    fronted = [x for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" and c.i < verb.i
               for x in c.children if x.dep_ == "pobj"]
    for h in [p for name, p in q.preps if name in names and p.i not in q.topic] + fronted:
        found = q.ok(ctx.actors.resolve_conjuncts(h, ctx.si, strict="near")) or place_actor(h, ctx.gazetteer)
        if not bound:  # (a region or a place no country codes is only where a talk, aid or a
            found = [a for a in found if a.code]  # suit is: "invested in Africa", "filed in Yellowstone County")
        if found:
            return found, False
    return None


@rule("target", "of-phrase")
def of_phrase(q: TargetQuery, ctx: Context) -> Found | None:
    """The verb's own "of" phrase, when it names a known actor: "warned of the Prince of Dol
    Amroth", "spoke of Iran" (not "accused X of ...": X is the object, found before)."""
    return _found(q.first(ctx, (True,), [p for name, p in q.preps if name == "of" and p.head.head.i == q.verb.i]))


@rule("target", "partner-of-previous-verb")
def partner_of_previous_verb(q: TargetQuery, ctx: Context) -> Found | None:
    """A joint act done next with the one just met, talked to, or named by the verb it is
    coordinated with: "met his Jordanian counterpart and signed a trade deal"."""
    verb = q.verb
    if q.code[:2] not in SYMMETRIC_ROOTS or verb.dep_ != "conj" or verb.head.pos_ != "VERB":
        return None
    first_verb = verb.head
    before = ctx.verbs.match(first_verb)
    # (not where a trip before it goes: "will travel to Gondor and Rohan ... and join the
    # meeting in Edoras" joins no one there)
    if before is None or (before.code or "")[:2] not in SYMMETRIC_ROOTS or first_verb.lemma_.lower() in TRAVELS:
        return None
    partners = [clauses.object_of(first_verb), *(p for name, p in clauses.prepositional_objects(first_verb)
                                                 if name in ("with", "to"))]
    return _found(q.first(ctx, (True, "near"), [h for h in partners if h is not None]))


@rule("target", "partner-of-governing-verb")
def partner_of_governing_verb(q: TargetQuery, ctx: Context) -> Found | None:
    """What one meets or works with someone to do is done with them: "spoke with Foreign Minister
    Faramir to discuss Gondor's recovery", "will work with Congress to advance these efforts" (not
    with what the infinitive names: the recovery); "will meet business leaders to discuss ...": the ones met."""
    verb = q.verb
    if q.code[:2] not in SYMMETRIC_ROOTS or q.code[:3] in ONE_WAY or verb.dep_ not in ("xcomp", "advcl") \
            or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) or verb.head.pos_ != "VERB":
        return None
    partners = [p for name, p in clauses.prepositional_objects(verb.head) if name == "with"]
    met, obj = ctx.verbs.match(verb.head), clauses.object_of(verb.head)  # ("will meet business leaders to ...")
    if met is not None and (met.code or "")[:2] in SYMMETRIC_ROOTS and obj is not None:
        partners.append(obj)
    return _found(q.first(ctx, (True, "near"), partners))


@rule("target", "unknown-name")
def unknown_name(q: TargetQuery, ctx: Context) -> Found | None:
    """A named target no dictionary knows, kept uncoded as sources are: "lift the ban on the
    LTTE", "lift the ban on doing business with ZTE"."""
    deep = [h for h in deep_heads(q.acted_on) if not _talked_about(h, q.acted_on)] if q.acted_on is not None else []
    for h in q.heads + deep:
        if is_named(h) and not _in_thing_name(h) and not any(same_span(h, s) or s.text == h.text for s in q.src):
            return [q.role(ctx, h)], False
    return None


def _in_thing_name(tok: Any) -> bool:
    """A word of a thing's or a gathering's name: "the Immigration and Nationality Act" (not
    "Nationality"), "join the Trade and Technology Council meeting" (not "Technology")."""
    node = tok
    while node.dep_ in ("compound", "conj", "amod", "nmod") and node.head is not node:
        node = node.head
    return node.i != tok.i and node.lemma_.lower() in THINGS | GATHERINGS


@rule("target", "group-given-to")
def group_given_to(q: TargetQuery, ctx: Context) -> Found | None:
    """A group it is given or said to: "provided assistance to about 550 households",
    "expressed condolences to the families of the victims"."""
    verb = q.verb
    own = {verb.i} | ({q.obj.i} if q.obj is not None else set())  # (not a phrase nested deeper:
    # "held talks regarding our responses to atrocities")
    for h in [p for name, p in q.preps if name == "to" and p.head.head.i in own] \
            + [c for c in verb.children if c.dep_ in ("dative", "iobj")]:
        if h.tag_ in ("NNS", "NNPS") and h.i not in q.m.consumed and not any(same_span(h, s) for s in q.src):
            return [q.role(ctx, h)], False
    return None


RULES = rules("target")


def find_targets(verb: Any, m: VerbMatch, code: str, ctx: Context, sources: list[Actor | None],
                 threat: bool = False) -> tuple[list[Actor], bool, str | None]:
    """The event's targets, whether they were named outright, and the rule that found them
    (None when none did); ``code`` is the act's, ``threat`` whether it is threatened."""
    q = query(verb, m, code, ctx, [a for a in sources if a is not None], threat)
    for r in RULES:
        hit = r.fn(q, ctx)
        if hit is None:
            continue
        found, strong = hit
        found = [_of_sources_country(a, q, ctx) for a in found if not _uncoded_thing(a, q, ctx)
                 and not _issue(a, ctx) and not _gathering(a, ctx) and not _source_itself(a, q, ctx)
                 and not _name_fragment(a, ctx) and not _named_site(a, q, ctx) and not _meeting_venue(a, q, ctx)
                 and not q.sources_own(a) and not owners.is_medium(a, ctx)]
        if found:
            return [owners.without_medium(_own_phrase(a, ctx), ctx) for a in visited_governments(found, q, ctx)], \
                strong, r.label
    return [], False, None


def _own_phrase(actor: Actor, ctx: Context) -> Actor:
    """The target's words cut to its own phrase when they run on into a sibling phrase of the
    verb: "conveyed his wishes to Gondor | for a safe and secure Summer Games" (a title-like run
    of names read past the phrase's end)."""
    span = ctx.sent.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None or len(span) < 2:
        return actor
    tops = [t for t in span if not (span.start <= t.head.i < span.end) or t.head is t]
    if len(tops) < 2:
        return actor
    first = tops[0]  # (a name, not a title whose own "for"/"to" the parser hung elsewhere:
    # "Secretary for Relations with States Archbishop Gallagher")
    if first.pos_ not in ("PROPN", "NOUN") or not first.ent_type_ or first.i != span.start + sum(
            1 for t in span if t.i < first.i and t.head.i == first.i):
        return actor
    last = max(t.i for t in first.subtree if t.i < span.end)
    end = last + 1
    if end >= span.end or span.doc[end].dep_ != "prep" or span.doc[end].head.i == first.i:
        return actor
    cut = ctx.sent.doc[last].idx + len(ctx.sent.doc[last].text) - ctx.sent.start_char
    return replace(actor, text=actor.text[:cut - actor.start], end=cut)


def visited_governments(found: list[Actor], q: TargetQuery, ctx: Context) -> list[Actor]:
    """A country or town one travels to or visits is where; who is visited is its state's
    government: "will travel to Gondor and Rohan" (GONGOV, ROHGOV), "visited Minas Tirith"; one
    government for a town and its country ("to Edoras, Rohan"); not a trip at home ("the
    Gondorian envoy travelled to Osgiliath")."""
    if not (q.code in VISIT_CODES or ((q.code[:2] in PLACE_TARGET_ROOTS or q.code == INTENT_TO_MEET)
                                      and q.verb.lemma_.lower() in TRAVELS)):
        return found
    out: list[Actor] = []
    for a in found:
        if _visited_place(a, q, ctx):
            a = replace(a, sector="GOV", code=f"{a.country}GOV")
            if any(b.code == a.code for b in out):
                continue
        out.append(a)
    return out


def _visited_place(actor: Actor, q: TargetQuery, ctx: Context) -> bool:
    """The actor is a place coded by its country alone, not a source's own country, visited by
    someone who may be received by its government (not "1.4 million American citizens visit
    Gondor yearly")."""
    if not actor.country or actor.code != actor.country or any(s.country == actor.country for s in q.src) \
            or any(s.sector is not None and s.sector not in STATE_SECTORS for s in q.src):
        return False
    span = ctx.sent.char_span(actor.start, actor.end, alignment_mode="expand")
    root = span.root if span is not None and len(span) else None
    return root is not None and root.ent_type_ in ("GPE", "LOC", "FAC") and _destination(root, q.verb)


def _destination(tok: Any, verb: Any) -> bool:
    """The place is where the trip goes: the verb's object or its to/in/at phrase ("visit Rohan",
    "travel to Edoras, Rohan and Gondor"), or its trip's ("returned from travel to Rohan"), not a
    place named elsewhere ("arrives at a time of stress driven by Mordor's attack")."""
    node = tok
    while node.dep_ in ("conj", "appos", "compound") and node.head is not node:
        node = node.head
    if node.dep_ == "dobj":
        return node.head.i == verb.i
    if node.dep_ != "pobj" or node.head.lower_ not in ("to", "in", "at", "into"):
        return False
    host = node.head.head  # (the verb, or its trip: "returned from travel to Rohan", "concluded their visit to Rohan")
    return host.i == verb.i or (host.lemma_.lower() in TRAVELS and verb.i in (host.head.i, host.head.head.i))


def _uncoded_thing(actor: Actor, q: TargetQuery, ctx: Context) -> bool:
    """A phrase no actor codes whose head is a thing, not a party: "impose other export
    controls", "the convention handled its internal business" (but what an attack hits stays:
    "shelled the power plant")."""
    if actor.code or actor.country or q.code[:2] in VIOLENT_ROOTS:
        return False
    span = ctx.sent.char_span(actor.start, actor.end, alignment_mode="expand")
    root = span.root if span is not None and len(span) else None
    return _headed_by(root, THINGS)


def _issue(actor: Actor, ctx: Context) -> bool:
    """A phrase whose head is what is talked about, whoever it names: "proposed a solution to the
    issue of reforming the Gondorian Senate" (no act on the Senate); not one's own: "encouraged
    progress on Gondor's reform agenda" (Gondor's)."""
    span = ctx.sent.char_span(actor.start, actor.end, alignment_mode="expand")
    root = span.root if span is not None and len(span) else None
    return root is not None and root.pos_ == "NOUN" and root.lemma_.lower() in ISSUES \
        and not any(c.dep_ == "poss" for c in root.children)


def _root(actor: Actor, ctx: Context) -> Any | None:
    """The head word of the actor's words in the sentence."""
    span = ctx.sent.char_span(actor.start, actor.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _gathering(actor: Actor, ctx: Context) -> bool:
    """A gathering held or attended, whoever it is named for: "will attend the Gondor Security
    Ministerial", "will host a virtual summit" (its host or participants are the parties)."""
    root = _root(actor, ctx)
    return root is not None and any(  # (or the name set beside it: "the Action Plan (GAP) Ministerial Meeting")
        h.pos_ in ("NOUN", "PROPN") and (h.lemma_.lower() in GATHERINGS or h.lower_ in GATHERINGS)
        for h in (root, *(c for c in root.children if c.dep_ == "appos")))


def _name_fragment(actor: Actor, ctx: Context) -> bool:
    """Words inside the name of a building or monument, which name no party: "met at the
    Memorial to the Fallen Riders of Rohan" (not the Riders)."""
    root = _root(actor, ctx)
    if root is None:
        return False
    prep = root.head if root.dep_ == "pobj" and root.head.lower_ in ("to", "of", "for") else None
    # (the building's noun the phrase hangs on, or, misparsed, the word just before it)
    return prep is not None and any(n.is_title and n.lemma_.lower() in BUILDINGS and n.i < prep.i
                                    for n in (prep.head, prep.doc[prep.i - 1]))


def _meeting_venue(actor: Actor, q: TargetQuery, ctx: Context) -> bool:
    """Where a meeting or talk is held, told by a verb that is no trip, is no party to it:
    "leaders met in Niamey", "will hold talks in Doha" ("arrived in Moscow", "will travel to
    Rohan" are trips, whose destination receives them)."""
    if not (q.code[:2] == MEETING_ROOT or q.code == INTENT_TO_MEET) or q.verb.lemma_.lower() in TRAVELS:
        return False
    node = _root(actor, ctx)
    if node is None or node.ent_type_ not in ("GPE", "LOC", "FAC", "") or (actor.code or "") != (actor.country or "") \
            or (not node.ent_type_ and not actor.code):
        return False  # (a place, coded by its country alone or not at all, or a name the parser left
        # untyped that only the gazetteer codes, "In Accra, ..."; not a party the parse hung on it)
    while node.dep_ in ("conj", "appos", "compound") and node.head is not node:
        node = node.head
    if node.dep_ != "pobj" or node.head.lower_ not in ("in", "at"):
        return False
    host = node.head.head  # (the verb, or what it holds: "held talks in Doha")
    return host.i == q.verb.i or (host.head.i == q.verb.i and host.dep_ == "dobj")


def _named_site(actor: Actor, q: TargetQuery, ctx: Context) -> bool:
    """A building or monument named in full, where something is done, not who it is done to:
    "met at the Monument to the Fallen Riders of Rohan" (but what an attack hits stays: "shelled
    the Cathedral of Saint Elbereth")."""
    if q.code[:2] in VIOLENT_ROOTS + COERCION_ROOTS:
        return False
    span = ctx.sent.char_span(actor.start, actor.end, alignment_mode="expand")
    words_ = [t for t in span if t.pos_ != "DET"] if span is not None else []
    # (its first word the building's, a name following it: "Monument to ...", "Museum of ...")
    return len(words_) >= 2 and words_[0].is_title and words_[0].lemma_.lower() in BUILDINGS \
        and words_[1].lower_ in ("to", "of", "for")


def _of_sources_country(actor: Actor, q: TargetQuery, ctx: Context) -> Actor:
    """People of no known country that the phrase says are the source's own: "apologised to the
    people of his country", "thanked their nation's doctors" (the source's country, when it has one)."""
    home = {s.country for s in q.src if s.country}
    if actor.country or not (actor.code or "").startswith(UNKNOWN_COUNTRY) or len(home) != 1:
        return actor
    span = ctx.sent.char_span(actor.start, actor.end, alignment_mode="expand")
    owned = span is not None and any(
        t.lemma_.lower() in words("state_nouns") and any(
            c.dep_ == "poss" and c.lower_ in words("possessive_pronouns") for c in t.children)
        for t in span)
    if not owned:
        return actor
    country, sector = next(iter(home)), (actor.code or "")[len(UNKNOWN_COUNTRY):]
    return replace(actor, country=country, code=country + sector)


def _source_itself(actor: Actor, q: TargetQuery, ctx: Context) -> bool:
    """The source again under its other name, set beside it: "Deputy Minister for Northern
    Affairs, Jane K. Doe, will travel to Rohan" (the title and the name are one person)."""
    root = _root(actor, ctx)
    if root is None:
        return False
    for s in q.src:
        other = _root(s, ctx)
        if other is not None and "PERSON" in (root.ent_type_, other.ent_type_) and (
                (root.dep_ == "appos" and root.head.i == other.i)
                                  or (other.dep_ == "appos" and other.head.i == root.i)):
            return True
    return False


def hit_whole(verb: Any, code: str, targets: list[Actor]) -> list[Actor]:
    """In an attack, an actor named inside the thing hit stands for it: the target's words are
    the whole thing's ("attacked a checkpoint on the outskirts of Kabul", "ambushed a military
    vehicle in Rakhine State"), its code the actor's."""
    obj = clauses.object_of(verb)
    # (not the act itself, "launched air and artillery strikes on X", "began their assault on X";
    # nor a ceasefire broken)
    if code[:2] not in VIOLENT_ROOTS or code == CEASEFIRE_VIOLATION or obj is None or obj.pos_ != "NOUN" \
            or clauses.is_passive(verb) \
            or verb.lemma_.lower() in ACT_CARRIERS | LIGHT_VERBS \
            or any(t.lemma_.lower() in WEAPON_NOUNS for t in (obj, *all_conjuncts(obj))):
        return targets
    whole = thing_of(obj)
    return [replace(a, text=whole.text, start=whole.start, end=whole.end)
            if whole.start <= a.start and a.end <= whole.end and (a.start, a.end) != (whole.start, whole.end)
            and not is_partner(a, verb) else a  # (not the one fought with: "exchanged fire with X")
            for a in targets]


def place_actor(head: Any, gazetteer: Gazetteer) -> list[Actor]:
    """A named place no actor dictionary knows, coded by its country when the gazetteer
    knows it ("a ceasefire in Tripoli" → LBY), else kept uncoded ("in Maungtaw district");
    [] when the phrase names no place."""
    named = collective_of(head) or head
    while named.pos_ == "NOUN" and named.ent_type_ not in ("GPE", "LOC", "FAC"):
        # "in parts of Kashmir", "from the disputed territory of Kashmir", "the province of Idlib"
        of = next((x for c in named.children if c.dep_ == "prep" and c.lower_ == "of"
                   for x in c.children if x.dep_ == "pobj"), None)
        if of is None:
            break
        named = of
    if named.ent_type_ not in ("GPE", "LOC", "FAC") or not any(t.pos_ == "PROPN" for t in named.subtree):
        return []
    actor = unresolved(head, appos=False)
    place = gazetteer.lookup(unresolved(named, appos=False).name or named.text)
    if place is not None and place.country is not None:
        return [replace(actor, country=place.country, code=place.country)]
    # (a country's own place, kept uncoded; not a sea or a range: "war games in the Mediterranean")
    return [actor] if named.ent_type_ in ("GPE", "LOC") else []

"""Stages "source" and "role": who does an act.

Stage "source" (first rule wins) finds the act's sources before its targets are known;
stage "role" (each rule that applies, in order) revises who acts on whom once they are:
a speaker who demands the act, a reversed code, an agent no one names; and it leaves no parties
(so no event, and a speaker's statement of it is coded instead) to a career step or background
clause dated years before the article ("background-career"), to a habit, a position held up to
now, a running tally or relations summed up over years ("habitual"), to what an arrangement does as
a rule ("arrangement-described"), to a bare aim ("bare-aim"), to joining others as one of a kind
("joined-as-kind"), to what an action verb in the simple present describes (tense.py,
"present-description"), and to summaries, legal effects and what elaborates a description
(nonacts.py: "long-summary", "legal-effect", "spread-continuation", "described-governor", "accompaniment", "trip-purpose").
The source is the doer of the clause's own act: not one who only reports it ("reporter-not-doer"),
not the platform it was posted on ("platform-poster"), not the owner of what it protests
("protested-owner"); police announcing an arrest made it ("announcing-authority").
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any, NamedTuple

from ...lang import words
from ...models import Actor
from ...nlp.dates import TimeRef, resolve_time
from ...nlp.docfacts import spacy_token
from ...resolve.actors import all_conjuncts, mention_tokens
from .. import clauses, framing
from . import agency, conjuncts, nonacts, quotes, rule, rules, tense  # noqa: F401  (they register role and source rules)
from .mentions import armed_force, nameable, named_beside, one_row_each, same_actor, unresolved
from .phrases import addressees_of, demander_of, fired_by, weapon_of
from .record import Clause, Context, Resolution
from .targets import doers_of, place_actor
from .vocab import (
    ACTED_ON_ROOTS,
    BARE_INTENT_VERBS,
    EXPULSIONS,
    JOINED_BODIES,
    MISSIONS,
    OWNED_ACTS,
    STATE_ACT_ROOTS,
    VIOLENT_ROOTS,
)


class Roles(NamedTuple):
    """Who acts on whom, as a role rule revises it; ``how`` names the case in the trace."""

    sources: list[Actor | None]
    targets: list[Actor]
    strong: bool
    how: str | None = None


# -- stage "source" -------------------------------------------------------------------------

@rule("source", "main-verb-conjunct")
def main_verb_conjunct(c: Clause, ctx: Context) -> list[Actor | None] | None:
    """A past verb the parse coordinated with the present verb of a "that" clause is the main
    verb's second act, done by its subject: "Blinken reiterated concerns that Russia has the
    capacity to invade and emphasized the need for de-escalation" (Blinken, not Russia)."""
    verb = c.verb
    inner = verb.head
    # (also a report after a past verb of what the speaker noted: "He noted that each of Mordor's
    # launches violated the resolutions and reiterated the need to respond": he reiterated)
    tags = ("VBZ", "VBP", "VBD") if verb.lemma_.lower() in clauses.REPORTING else ("VBZ", "VBP")
    if verb.dep_ != "conj" or verb.tag_ != "VBD" or inner.tag_ not in tags \
            or inner.dep_ not in ("acl", "ccomp") or not any(x.dep_ == "mark" for x in inner.children) \
            or any(x.dep_ in ("nsubj", "nsubjpass") for x in verb.children):
        return None
    main = inner.head if inner.dep_ == "ccomp" else inner.head.head
    if main.pos_ != "VERB" or main.tag_ != "VBD" or (inner.tag_ == "VBD" and main.lemma_.lower() not in clauses.REPORTING):
        return None
    agent, _ = clauses.subject_of(main)
    found: list[Actor | None] = list(agents_of(agent, main, ctx.actors, ctx.si, False))
    return found or None


@rule("source", "clause-conjunct")
def clause_conjunct(c: Clause, ctx: Context) -> list[Actor | None] | None:
    """A plain verb the parse coordinated with the participle of a noun's "that" clause cannot
    share its auxiliaries ("have been closed and urge"): it is the main clause's second act, done
    by its subject: "We are troubled by reports that offices have been closed and urge respect for
    the press" (we urge, not the offices; not a reported clause that goes on: "said that the
    offices had been searched and remain closed")."""
    verb, inner = c.verb, c.verb.head
    auxes = [x for x in inner.children if x.dep_ in ("aux", "auxpass")]
    if verb.dep_ != "conj" or verb.tag_ not in ("VB", "VBP", "VBZ") or inner.tag_ != "VBN" or not auxes \
            or any(x.tag_ == "MD" or x.lower_ == "to" for x in auxes) or inner.dep_ != "acl" \
            or not any(x.dep_ == "mark" for x in inner.children) \
            or any(x.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for x in verb.children):
        return None
    main = inner.head
    while main.pos_ not in ("VERB", "AUX") and main.head.i != main.i:
        main = main.head
    if main.pos_ not in ("VERB", "AUX"):
        return None
    # (its grammatical subject, the one troubled: "We are troubled by reports ...")
    agent = next((x for x in main.children if x.dep_ in ("nsubj", "nsubjpass")), None) or clauses.subject_of(main)[0]
    found: list[Actor | None] = list(agents_of(agent, main, ctx.actors, ctx.si, False))
    return found or None


@rule("source", "reporter-not-doer")
def reporter_not_doer(c: Clause, ctx: Context) -> list[Actor | None] | None:
    """Whoever reports the act with a bare participle is not its doer, though the parse makes it
    the act's subject: "with officials reporting at the time 40 soldiers killed" (no one named
    killed them; not "officials citing threats closed the road": a finite act, the participle's own object)."""
    agent, verb = c.agent, c.verb
    if agent is None or agent.head.i != verb.i or agent.dep_ != "nsubj":
        return None
    # (the reported act is a bare participle, "40 soldiers killed", or the participle says nothing else)
    bare = verb.tag_ == "VBN" and not any(y.dep_ in ("aux", "auxpass") for y in verb.children)
    for x in agent.children:
        if x.dep_ == "acl" and x.tag_ == "VBG" and x.i < verb.i and x.lemma_.lower() in clauses.REPORTING \
                and (bare or not any(y.dep_ in ("dobj", "ccomp", "xcomp", "attr", "oprd") for y in x.children)):
            return []
    return None


@rule("source", "platform-poster")
def platform_poster(c: Clause, ctx: Context) -> list[Actor | None] | None:
    """A platform the parse joins to the name after it is where the act was posted, not part of its
    doer: "on Twitter Smith accused ..." (Smith), "via Telegram Gondor's army said ..."."""
    agent = c.agent
    if agent is None or agent.head.i != c.verb.i:
        return None
    platform = next((x for x in agent.children if x.dep_ == "compound" and x.i > 0
                     and x.lower_ in words("platform_names") and x.nbor(-1).lower_ in ("on", "via")), None)
    if platform is None:
        return None
    at = platform.idx - c.verb.sent.start_char  # (actors' offsets are the sentence's)
    cut = at + len(platform.text) + len(platform.whitespace_)
    found: list[Actor | None] = []
    for a in agents_of(agent, c.verb, ctx.actors, ctx.si, False):
        if a.start <= at < a.end and cut < a.end:
            name = a.name[len(platform.text):].strip() if a.name and a.name.startswith(platform.text + " ") else a.name
            a = replace(a, text=a.text[cut - a.start:], start=cut, name=name,
                        members=[name if name and m == a.name else m for m in a.members])
        found.append(a)
    return found or None


@rule("source", "subject")
def subject(c: Clause, ctx: Context) -> list[Actor | None] | None:
    """The actors the clause's subject (or the pattern's source) names: "Russia sent troops";
    a name no dictionary knows is kept ("The Government Accountability Office said ..."), and a
    noun the pattern needs ("Musicians lifted their boycott")."""
    m, agent = c.match, c.agent
    if agent is not None and _named_by_where(agent, ctx):
        return None
    keep_noun = m.score >= 1 and c.own and agent is not None and agent.pos_ == "NOUN" and agent.i not in m.consumed
    found: list[Actor | None] = list(agents_of(agent, c.verb, ctx.actors, ctx.si, keep_noun))
    return found or None


def _named_by_where(agent: Any, ctx: Context) -> bool:
    """An act noun whose only names are where it happened, a town or city before it: "a Kabul car
    bombing killed five" (no source; the bombing's doer is not Kabul), unlike "a Russian missile
    strike", "Rohan's attack" (its doers)."""
    if agent.pos_ != "NOUN" or agent.lemma_.lower() not in OWNED_ACTS:
        return False
    before = [t for t in agent.subtree if t.i < agent.i]
    named = [t for t in before if t.ent_type_ or t.pos_ == "PROPN"]
    if not named or any(t.dep_ == "poss" or t.ent_type_ in ("NORP", "ORG", "PERSON") for t in named) \
            or any(c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by") for c in agent.children):
        return False
    names = {" ".join(t.text for t in named)} | {t.text for t in named}
    return all(ctx.gazetteer.kind(n) == "P" for n in names if ctx.gazetteer.kind(n) is not None) \
        and any(ctx.gazetteer.kind(n) == "P" for n in names)


@rule("source", "between-parties")
def between_parties(c: Clause, ctx: Context) -> list[Actor | None] | None:
    """The parties of a "between" phrase when the subject is the act itself: "fighting broke
    out between A and B"."""
    if c.parties is None or c.agent is None or c.agent.i not in c.match.consumed:
        return None
    found: list[Actor | None] = list(ctx.actors.resolve_conjuncts(c.parties, ctx.si))
    return found or None


@rule("source", "act-participle")
def act_participle(c: Clause, ctx: Context) -> list[Actor | None] | None:
    """What an act noun does in the participle after it is done by the act's doers, as its own
    words name them: "recent Rohan attacks targeting civilian sites" (Rohan), "Gondor's strikes
    hitting the city" (not a town it happened in: "the Edoras bombings killing ...")."""
    verb = c.verb
    act = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or act.pos_ != "NOUN" or act.lemma_.lower() not in OWNED_ACTS \
            or _named_by_where(act, ctx):
        return None
    found: list[Actor | None] = [a for h in doers_of(act) for a in ctx.actors.resolve_conjuncts(h, ctx.si, strict=True)]
    return found or None


# -- stage "role" ---------------------------------------------------------------------------

@rule("role", "speaker-demands")
def speaker_demands(c: Clause, ctx: Context) -> Roles | None:
    """A demanded or appealed act is the speaker's demand of its subject: "Russia said Sudan
    must return the helicopter", "reminded Iraq that it must ..." (the one addressed); a meeting
    one is invited to is the inviter's, with the one invited ("invited Chile to hold talks")."""
    demander = demander_of(c.verb) if c.cand.frame in framing.ASKING_KINDS else None
    if demander is None:
        return None
    speaker, _ = clauses.subject_of(demander)
    said_by = agents_of(speaker, demander, ctx.actors, ctx.si, speaker is not None and speaker.pos_ == "NOUN") \
        if speaker is not None or demander.dep_ != "acl" else _caller_of(demander.head, ctx)
    if not said_by:
        return None
    demanded_of = [a for a in c.sources if a is not None and not any(same_actor(a, b) for b in said_by)]
    if not demanded_of:  # "reminded Iraq that it must ...": the one addressed
        demanded_of = [a for h in addressees_of(demander) for a in ctx.actors.resolve_conjuncts(h, ctx.si)]
    return Roles(list(said_by), demanded_of, True)


def _caller_of(call: Any, ctx: Context) -> list[Actor]:
    """Who asks in a participle after a noun: the one the noun names ("Rohan's officials asking
    Gondor to ..."); for a call, the subject of the verb it is the object of ("Rohan's king joined
    the calls asking Gondor to ...": the king), else the call's own doers."""
    named = agents_of(call, call, ctx.actors, ctx.si, False) if call.lemma_.lower() not in OWNED_ACTS else []
    if named:
        return named
    if call.dep_ == "dobj" and call.head.pos_ == "VERB":
        agent, _ = clauses.subject_of(call.head)
        found = agents_of(agent, call.head, ctx.actors, ctx.si, False)
        if found:
            return found
    return [a for h in doers_of(call) for a in ctx.actors.resolve_conjuncts(h, ctx.si, strict=True)]


@rule("role", "reverse")
def reverse(c: Clause, ctx: Context) -> Roles | None:
    """A code the dictionary gives the other way round: "X faces criticism" (someone unnamed
    criticises X)."""
    if not c.cand.reverse:
        return None
    return Roles([None], [a for a in c.sources if a is not None], c.strong)


@rule("role", "headline-passive")
def headline_passive(c: Clause, ctx: Context) -> Roles | None:
    """A headline leaves out a passive's auxiliary: "Mayor of Lyon stabbed on stage", "Opposition
    leader shot dead", "Gondor says rebel leader's son killed": the subject of the bare past verb
    is the one acted on, who acted is unnamed (for an arrest or a charge, the state it was made
    in: "Rohan journalist detained in Edoras")."""
    verb, agent, code = c.verb, c.agent, c.cand.code
    if ctx.si != -1 or agent is None or agent.dep_ != "nsubj" or agent.head.i != verb.i \
            or not code.startswith(ACTED_ON_ROOTS) or not bare_past(verb) or _aimed_at_someone(verb, ctx):
        return None
    done_to = [a for a in c.sources if a is not None]
    if not done_to:
        return None
    state = [a for a in state_where(verb, ctx, "in") if not any(same_actor(a, t) for t in done_to)] \
        if code[:2] in STATE_ACT_ROOTS else []
    sources: list[Actor | None] = list(state) or [None]
    return Roles(sources, done_to, True, "state" if state else "unknown")


def _aimed_at_someone(verb: Any, ctx: Context) -> bool:
    """An aimed phrase that names whom the act is aimed at makes the verb active: "Police fired
    on protesters" (not "Mayor stabbed on stage")."""
    aimed = [x for p in verb.children if p.dep_ == "prep" and p.lower_ in words("aimed_prepositions")
             for x in p.children if x.dep_ == "pobj"]
    return any(ctx.actors.resolve(x, ctx.si, strict=True) or ctx.actors.role_of(mention_tokens(x)) for x in aimed)


def bare_past(verb: Any) -> bool:
    """A headline's past verb with no auxiliary, object or complement, not one with a "with"
    (mutual: "Rebels clashed with troops") or of a verb that takes no object (``intransitive_act_verbs``):
    "Wiranto stabbed", "Trump says Baghdadi's son killed" (the clause a headline's "says" reports)."""
    if verb.tag_ not in ("VBD", "VBN") or verb.lemma_.lower() in words("intransitive_act_verbs") \
            or clauses.is_passive(verb):
        return False
    if verb.dep_ not in ("ROOT", "ccomp", "conj") or (verb.dep_ == "ccomp" and verb.head.tag_ != "VBZ"):
        return False
    return not any(x.dep_ in ("aux", "auxpass", "neg", "dobj", "dative", "attr", "oprd", "ccomp", "xcomp")
                   or (x.dep_ == "prep" and x.lower_ == "with") for x in verb.children)


@rule("role", "announcing-authority")
def announcing_authority(c: Clause, ctx: Context) -> Roles | None:
    """Police or authorities who announce a passive arrest, charge or investigation with no agent
    made it themselves: "Police said two men were arrested", "authorities in A and B announced
    that 30 suspects were detained" (their side); not a ministry, agency or paper reporting
    another's act, nor one done in another country ("police said he was arrested in Spain")."""
    verb, code = c.verb, c.cand.code
    if c.sources or not c.targets or c.agent is not None or not clauses.is_passive(verb) \
            or code[:2] not in STATE_ACT_ROOTS:
        return None
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    says = clause.head
    if clause.dep_ != "ccomp" or says.lemma_.lower() not in clauses.REPORTING:
        return None
    speaker, _ = clauses.subject_of(says)
    if speaker is None or speaker.pos_ == "PRON":
        return None
    announcers = agents_of(speaker, says, ctx.actors, ctx.si, True)
    # (police by their word or by their code: "the National Crime Agency said ...")
    if speaker.lemma_.lower() not in words("enforcing_announcer_nouns") \
            and not any(a.code and "COP" in a.code[3:] for a in announcers):
        return None
    where = state_where(verb, ctx, "in")
    if not announcers or any(same_actor(a, t) for a in announcers for t in c.targets) \
            or (where and not any(a.country == where[0].country for a in announcers)):
        return None
    return Roles(list(announcers), c.targets, c.strong, speaker.lemma_.lower())


@rule("role", "unnamed-agent")
def unnamed_agent(c: Clause, ctx: Context) -> Roles | None:
    """The one acted on is known, who acted is not: "three civilians were killed", "a roadside
    bomb killed three soldiers" (an unidentified armed force, or the weapon's named user: "killed
    in a Taliban attack"), "was arrested in Lebanon" (the state), "two inspectors have been
    expelled from North Korea" (the state they leave)."""
    verb, agent, code = c.verb, c.agent, c.cand.code
    weapon = weapon_of(agent, verb) if code[:2] in VIOLENT_ROOTS + ("17",) else None
    unnamed = clauses.is_passive(verb) if agent is None else (code[:2] in VIOLENT_ROOTS or weapon is not None)
    if c.sources or not c.targets or not unnamed:
        return None
    state, targets = _state_of(c, ctx)
    owner = (([] if _named_by_where(weapon, ctx) else ctx.actors.resolve(weapon, ctx.si, strict="near"))
             or [a for x in fired_by(weapon) for a in ctx.actors.resolve(x, ctx.si)]) if weapon is not None else []
    sources: list[Actor | None]
    if owner:
        sources, how = list(owner), "weapon-owner"
    elif weapon is not None:
        sources, how = [armed_force(weapon)], "armed-force"
    elif state:
        sources, how = list(state), "state"
    else:
        sources, how = [None], "unknown"
    return Roles(sources, targets, c.strong, how)


@rule("role", "protested-owner")
def protested_owner(c: Clause, ctx: Context) -> Roles | None:
    """Whose plan or deal an act is aimed at is never its doer: "X appointed him minister, resigning
    in protest at X's trade deal" (the one appointed resigned: the governing verb's object, or no
    one named), "quit in protest against Y's policy" (not Y)."""
    verb = c.verb
    in_protest = any(p.dep_ == "prep" and p.lower_ == "in" and x.lemma_.lower() == "protest"
                     for p in verb.children for x in p.children)
    if not (c.cand.code.startswith("14") or in_protest):  # ("held talks at Putin's residence": his)
        return None
    owners = [a for tok in _aimed_owners(verb) for a in ctx.actors.resolve(tok, ctx.si)]
    owner_words = {tok.text for tok in _aimed_owners(verb)}

    def owns(a: Actor) -> bool:
        return any(same_actor(a, o) for o in owners) or bool(a.text.split() and a.text.split()[-1] in owner_words)

    kept = [a for a in c.sources if a is None or not owns(a)]
    if not owner_words or len(kept) == len(c.sources):
        return None
    obj = clauses.object_of(verb.head) if verb.dep_ == "advcl" and verb.tag_ == "VBG" else None
    doers = [a for a in agents_of(obj, verb.head, ctx.actors, ctx.si, False) if not owns(a)] \
        if obj is not None and (obj.pos_ == "PRON" or obj.ent_type_ == "PERSON") else []
    how = "object" if doers else "others" if any(a is not None for a in kept) else "unknown"
    doers += [a for a in kept if a is not None]
    sources: list[Actor | None] = list(doers) if doers else [None]
    return Roles(sources, c.targets, c.strong, how)


def _aimed_owners(verb: Any) -> list[Any]:
    """The named possessors of what a verb's aimed phrase names ("in protest at X's deal", "against
    Y's policy"): X, Y (not "his", "their")."""
    aimed = words("aimed_prepositions") | {"to", "over"}
    heads = [x for p in verb.children if p.dep_ == "prep" for x in p.children if x.dep_ == "pobj"]
    heads += [x for h in list(heads) for p in h.children if p.dep_ == "prep" and p.lower_ in aimed
              for x in p.children if x.dep_ == "pobj"]
    return [o for h in heads if h.head.lower_ in aimed for o in h.children
            if o.dep_ == "poss" and o.tag_ != "PRP$" and o.pos_ == "PROPN"]


@rule("role", "background-career")
def background_career(c: Clause, ctx: Context) -> Roles | None:
    """A step of a career, or an act of a past-perfect or relative background clause, that its
    clause dates years before the article is background, no act of its story: "She won a seat in
    the state assembly in 1983", "Smith, who had fought the rebels in 2009, said ..." (no parties
    left: no event)."""
    verb = c.verb
    # (not force told in the background: "JFK, who had been assassinated in 1963", an act itself)
    if verb.lemma_.lower() not in words("career_verbs") and \
            (c.cand.code[:2] in VIOLENT_ROOTS + ("17",) or not _background_clause(verb)):
        return None
    return Roles([], [], False, "background") if years_before(ctx, verb) >= BACKGROUND_YEARS else None


@rule("role", "habitual")
def habitual(c: Clause, ctx: Context) -> Roles | None:
    """A habit or acts of no particular time are no discrete act: "police have often detained
    activists", "the rebels have attacked journalists previously", "the two governments regularly
    discuss trade" (no parties left: no event; a speaker's statement of it is coded instead). Acts
    and statements told in the present perfect at an earlier time that is not named ("have
    expressed interest in term limits in the past", "has previously said"; the kind "undated" of
    ``clauses.habitual``) are background of the story, no discrete act either. A
    habit of force told in the past or present ("soldiers routinely beat up detainees") is a report
    of abuse, which is coded; so is a statement made again ("has repeatedly rejected the
    accusations": the stance stated, as the "standing-claim" sense rule judges it). A position held
    up to now ("has steadfastly called for accountability since that day", "Gondor always backs
    Rohan's candidates", "position"; not force), a running tally ("More than 500 people have been
    arrested since the protests began", "over 220 members favored impeachment", "tally") and
    relations summed up over a span up to now ("Iran has increased cooperation with Oman in the
    last few years", "trend"; not arrests or force counted, nor aid: a total of aid is aid given)
    are no discrete act either."""
    held = clauses.standing(c.verb, force=c.cand.code[:2] in VIOLENT_ROOTS + ("17",))
    if held == "tally" or (held == "position" and c.cand.code[:2] not in VIOLENT_ROOTS + ("17",)) \
            or (held == "trend" and c.cand.code[:2] in RELATION_ROOTS):
        return Roles([], [], False, held)
    kind = clauses.habitual(c.verb)
    if kind == "undated":  # (statements too: "have expressed interest in term limits in the past")
        return Roles([], [], False, "habit")
    if kind is None or c.cand.code[:2] in STATEMENT_ROOTS or \
            (kind == "frequency" and c.cand.code[:2] in VIOLENT_ROOTS + ("17",)):
        return None
    return Roles([], [], False, "habit")


@rule("role", "arrangement-described")
def arrangement_described(c: Clause, ctx: Context) -> Roles | None:
    """What an arrangement, forum, permit or grouping does, told in the simple present, is what it
    does as a rule, no discrete act: "the dialogues encourage data sharing", "The Alliance offers a
    model of cooperation", "The licence authorizes the export of services" (no parties left: no
    event; a title's present tells a past act, and "The Alliance said ..." a statement)."""
    if ctx.si < 0 or clauses.arrangement_described(c.verb) is None:
        return None
    return Roles([], [], False, "arrangement")


@rule("role", "bare-aim")
def bare_aim(c: Clause, ctx: Context) -> Roles | None:
    """A verb of only meaning to do something (``bare_intent_verbs``), coded by its block's default
    as an intent to cooperate, with the clause it aims at: "Beijing is seeking to make China less
    dependent", "the plan aims to prevent court packing", "the Taliban wants foreign forces to
    leave" (no parties left: its aim is the clause's own act, coded intended if it is one; not
    "sought asylum", "seek talks": patterns; nor an aim to cooperate, "want to work with Gondor")."""
    verb = c.verb
    if c.cand.code != INTENT_TO_COOPERATE or c.match.score > 0 or verb.lemma_.lower() not in BARE_INTENT_VERBS:
        return None
    aimed = [x for x in verb.children if x.dep_ in ("xcomp", "ccomp") and x.pos_ in ("VERB", "AUX")]
    if not aimed or any(_cooperating(x) for x in aimed):
        return None
    return Roles([], [], False, "aim")


def _cooperating(clause: Any) -> bool:
    """The aimed clause is itself to cooperate, an intent to cooperate indeed: "want to work with
    Gondor", "aim to cooperate on supply chains", "seek to strengthen our relationship with Rohan"
    (a verb of cooperating, or a partner "with" the verb or its object)."""
    if clause.lemma_.lower() in words("cooperating_verbs"):
        return True
    heads = [clause] + [x for x in clause.children if x.dep_ in ("dobj", "attr")]
    return any(p.dep_ == "prep" and p.lower_ == "with" for h in heads for p in h.children)


@rule("role", "joined-as-kind")
def joined_as_kind(c: Clause, ctx: Context) -> Roles | None:
    """Joining others "as" a kind they all are, a plural, tells what the subject now is among
    them, no act: "emerged as a contender, joining Senators A, B and C as potential candidates",
    "Gondor joined Rohan as the only countries to abstain" (not joining a body or talks: "joined
    the alliance as observers", "Finland joined NATO as its 31st member")."""
    verb = c.verb
    if verb.lemma_.lower() not in words("joining_verbs"):
        return None
    joined = clauses.object_of(verb)
    # (the parse may hang the "as" phrase on the last of those joined: "joining A, B, and C as ...")
    holders = [verb] + ([joined] + list(all_conjuncts(joined)) if joined is not None else [])
    kinds = [g for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ == "as"
             for g in p.children if g.dep_ == "pobj"]
    if not any(k.tag_ in ("NNS", "NNPS") for k in kinds) or joined is None or joined.pos_ != "PROPN" \
            or joined.ent_type_ in ("ORG", "FAC", "EVENT") or joined.lemma_.lower() in JOINED_BODIES:
        return None
    return Roles([], [], False, "kind")


def _background_clause(verb: Any) -> bool:
    """The verb is in the past perfect ("had fought") or in a relative or after/since clause."""
    return clauses.in_background(verb) or any(
        x.dep_ == "aux" and x.lower_ in ("had", "'d") for x in verb.children) and verb.tag_ == "VBN"


def years_before(ctx: Context, verb: Any) -> int:
    """How many calendar years before the article's publication the verb's own clause dates its
    act ("in 1983" in an article of 2021: 38); 0 when the clause gives no date of its own."""
    published = ctx.article.published
    t = resolve_time(ctx.sent, published, spacy_token(verb)) if published else None
    if t is None or not t.date or t.precision not in ("day", "month", "year") or not published \
            or _names_a_thing(ctx.sent, t):
        return 0
    try:
        return int(published[:4]) - int(t.date[:4])
    except ValueError:
        return 0


def _names_a_thing(sent: Any, t: TimeRef) -> bool:
    """The date is part of a thing's name, not the act's: "managed the response to the 2014
    coup", "the 2016 election" (but "in the 2019 academic year" is a date)."""
    span = sent.char_span(t.start, t.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.dep_ in ("compound", "amod", "nummod", "nmod", "poss") and root.head.pos_ in ("NOUN", "PROPN") \
        and root.head.ent_type_ not in ("DATE", "TIME")


STATEMENT_ROOTS = ("01", "02")  # statements and appeals
RELATION_ROOTS = ("03", "04", "05", "06")  # intents, consultations, diplomatic and material cooperation
INTENT_TO_COOPERATE = "030"  # what a bare verb of aiming is coded by its block's default
BACKGROUND_YEARS = 2  # a clause dated this many calendar years before the article tells background


def _state_of(c: Clause, ctx: Context) -> tuple[list[Actor], list[Actor]]:
    """The state a passive act with no agent is done by ("was arrested in Lebanon", "expelled from
    North Korea": the state they leave, not one of those expelled), and the targets left."""
    verb, code, targets = c.verb, c.cand.code, c.targets
    if c.agent is not None:
        return [], targets
    state = [a for a in state_where(verb, ctx, "in") if not any(same_actor(a, t) for t in targets)] \
        if code[:2] in STATE_ACT_ROOTS else []
    if code.startswith(EXPULSIONS):
        state = state_where(verb, ctx, "from")
        if state:
            targets = [t for t in targets if not same_actor(t, state[0])] or sent_off(verb, ctx)
    return state, targets


SOURCE_RULES = rules("source")
ROLE_RULES = rules("role")


def find_sources(c: Clause, ctx: Context) -> None:
    """Fill ``c.sources`` by the first source rule that finds any (and trace it)."""
    for r in SOURCE_RULES:
        found = r.fn(c, ctx)
        if found is not None:
            c.sources = found
            c.trace.append(r.label)
            return


def revise_roles(c: Clause, ctx: Context) -> None:
    """Apply every role rule that applies, in order (and trace each)."""
    for r in ROLE_RULES:
        found = r.fn(c, ctx)
        if found is not None:
            c.sources, c.targets, c.strong = found.sources, found.targets, found.strong
            c.trace.append(f"{r.label}({found.how})" if found.how else r.label)


# -- helpers --------------------------------------------------------------------------------

def agents_of(agent: Any | None, verb: Any, resolver: Resolution, si: int, keep_noun: bool) -> list[Actor]:
    """The actors a verb's agent names; a name no dictionary knows is kept unresolved ("The
    Government Accountability Office said ..."), with its role if any, and so is a noun when
    ``keep_noun`` ("Musicians lifted their boycott")."""
    if agent is None:
        return []
    # a parse may give a coordinated subject as several subjects ("Lions, tigers, and Gondor")
    agents = [agent] + [c for c in verb.children if c.dep_ == agent.dep_ and c.i != agent.i and agent.head.i == verb.i
                        and not clauses.fronted(c, agent) and not clauses.describes_next(c, agent)]
    found: list[Actor] = []
    for a in agents:
        found += resolver.resolve_conjuncts(a, si) or resolver.resolve_conjuncts(a, si, strict="near")
    if not found and (nameable(agent) or keep_noun):
        found = [unresolved(agent, resolver.role_of(mention_tokens(agent)))]
    elif found:  # "India and MERCOSUR agreed ...": a coordinated name no dictionary knows is kept too
        found = named_beside([agent], found, resolver, si) + found + named_beside(all_conjuncts(agent), found, resolver, si)
        found = one_row_each(found, agent.sent)
    clause = agent.head
    if not found and agent.pos_ == "PRON" and clause.dep_ == "ccomp" and clause.head.lemma_ in clauses.REPORTING:
        # "The agency said it is skeptical ...", "McConnell says he is pessimistic": a pronoun no
        # earlier actor explains is the speaker
        speaker, _ = clauses.subject_of(clause.head)
        if speaker is not None and speaker.pos_ != "PRON":
            return agents_of(speaker, clause.head, resolver, si, speaker.pos_ == "NOUN")
    return found


def sent_off(verb: Any, ctx: Context) -> list[Actor]:
    """Who a passive expulsion sends off, the whole phrase ("two inspectors for the UN agency"),
    coded by any actor in it."""
    head = clauses.object_of(verb)
    if head is None:
        return []
    whole = unresolved(head)
    found = ctx.actors.resolve_conjuncts(head, ctx.si, strict=False)
    return [replace(a, text=whole.text, start=whole.start, end=whole.end) for a in found[:1]] or [whole]


def state_where(verb: Any, ctx: Context, prep: str) -> list[Actor]:
    """The country a passive act with no agent was done in ("was arrested in Lebanon") or,
    ``prep="from"``, sent from, as its source: arrests, charges, investigations and expulsions
    are the state's."""
    for name, pobj in clauses.prepositional_objects(verb):  # (also "under investigation in Italy")
        found = [a for a in ctx.actors.resolve(pobj, ctx.si, strict=True) if a.country and a.code == a.country]
        if name == prep and found:
            return found[:1]
    return []


def mission_place(actor: Actor, verb: Any, ctx: Context) -> Actor:
    """Forces sent to a mission are sent to where it serves: "deploying 300 troops to the UN
    peacekeeping mission in Mali" → Mali, "contribute more to peacekeeping operations in Syria"."""
    span = verb.sent.char_span(actor.start, actor.end, alignment_mode="expand")
    root = span.root if span is not None and len(span) else None
    if root is None or root.lemma_.lower() not in MISSIONS:
        return actor
    where = [x for c in root.children if c.dep_ == "prep" and c.lower_ == "in" for x in c.children if x.dep_ == "pobj"]
    found = [a for h in where
             for a in (ctx.actors.resolve_conjuncts(h, ctx.si, strict="near") or place_actor(h, ctx.gazetteer))]
    return found[0] if found else actor

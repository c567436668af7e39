"""Stage "pair": who acts on whom in each event of a clause, and the events themselves.

After the roles, a clause's sources and targets become pairs: each with the other when the act
is mutual ("A and B met"), the target doing the pattern's second code back when it is paired
("LEFT [032:033]"), else each source on each target. The events carry the clause's trace plus
the pairing rules (``pair:joint-exercise``, ``pair:mutual``, ``pair:directed``, ``pair:second-code``).
"""
from __future__ import annotations

import itertools
from typing import Any, NamedTuple

from ...lang import words
from ...models import Actor, Event
from ...ontology.plover import to_plover
from ...resolve.actors import RECIPROCAL_HEADS
from .. import clauses, framing, nominal
from ..verbs import VerbMatch
from .mentions import (
    can_act,
    is_located,
    is_partner,
    of_the_others_country,
    one_row_each,
    same_actor,
    target_words,
    verbatim,
)
from .owners import in_pair_name
from .phrases import claims_own_act, each_other, is_infinitive, is_vehicle
from .record import Clause, Context
from .vocab import (
    CEASEFIRE_VIOLATION,
    DOMESTIC_ROOTS,
    JOINT_EXERCISE,
    ONE_WAY,
    SHOW_OF_FORCE,
    SYMMETRIC_ROOTS,
    TOPIC_VERBS,
    TRAVELS,
    VISITS,
)

Pair = tuple[Actor | None, Actor | None]
MEETINGS = words("meeting_nouns")
PARTY_OBJECT_VERBS = words("party_object_verbs")
TALKS = words("talk_verbs")  # (whose object is what is said, not done together, unless a meeting)
BONDS = words("bond_nouns")  # (the subjects' bond, which a one-way act of both is done to each other through)
WIDE_SCOPES = words("wide_scope_adjectives")  # ("global cooperation": wider than theirs)
CO_HOSTING = words("co_hosting_verbs")  # (whose subjects are one side: "A and B will co-host a summit")


class Pairing(NamedTuple):
    """The clause's (source, target) pairs; whether the act is mutual; the code the target does
    back when the pattern is paired."""

    pairs: list[Pair]
    mutual: bool
    paired: str | None


def joint_exercise(c: Clause) -> None:
    """"French and Egyptian warships launched war games": exercises held together are military
    cooperation (062), each with the other."""
    cand, m = c.cand, c.match
    if cand.code == SHOW_OF_FORCE and not c.targets and len({a.country for a in c.sources if a and a.country}) >= 2:
        cand.code, m.rule = JOINT_EXERCISE, f"{m.rule} together [{JOINT_EXERCISE}]"
        c.trace.append("pair:joint-exercise")


def _symmetric(c: Clause) -> bool:
    """An act each party does to the other: a symmetric root ("met", "agreed"), not a one-way act
    in it ("welcomed the agreement"); a ceasefire violated by both; an act the dictionary codes
    both ways ("[164:164]"); one done to "each other"; an act intended or refused together."""
    cand, m = c.cand, c.match
    done = m.code if cand.frame in ("intent", "refusal") and m.code else cand.code
    return (done[:2] in SYMMETRIC_ROOTS and (done[:3] not in ONE_WAY or shared_bond(c.verb))) \
        or cand.code in (CEASEFIRE_VIOLATION, m.alt) or each_other(c.verb)


def shared_bond(verb: Any) -> bool:
    """The verb's object is the subjects' bond with each other (``bond_nouns``): "A and B
    affirmed the strong A-B relationship", "celebrated the strength of their partnership" (a
    one-way act each does to the other; not a bond with someone else's: "praised Rohan's
    alliance with Gondor", nor one named with a third party or wider than theirs: "their
    partnership with Rohan", "the importance of global cooperation")."""
    obj = clauses.object_of(verb)
    if obj is None:
        return False
    # (through "the strength | depth | importance of": the bond it is of)
    inner = next((x for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                  for x in p.children if x.dep_ == "pobj"), None)
    bond = obj if obj.lemma_.lower() in BONDS else inner if inner is not None and inner.lemma_.lower() in BONDS else None
    if bond is None:
        return False
    return not any((c.dep_ == "poss" and c.lower_ not in ("their", "our"))
                   or (c.dep_ == "prep" and c.lower_ == "with")
                   or (c.dep_ == "amod" and c.lower_ in WIDE_SCOPES) for c in bond.children)


def pairing(c: Clause, ctx: Context) -> Pairing:
    """Who acts on whom in each event of the clause."""
    cand, m, sources = c.cand, c.match, c.sources
    between = _gerund_parties(c, ctx)
    if between:  # "Fighting between the army and rebels continued": each against the other
        return Pairing(list(itertools.permutations(between, 2)), True, None)
    symmetric = _symmetric(c)
    if len(sources) >= 2 and (c.parties is not None or m.among):
        # "clashes between A and B continued", "fighting broke out between A and B": what is
        # between two parties is each's against the other (not against where it happened);
        # so is what a pattern says a compound subject does ("% HAVE * [191]")
        symmetric, c.targets = True, []
    # (one party named twice is one target: "spoke with the Foreign Minister of Rohan, Ann Vale")
    c.targets = one_row_each(c.targets, ctx.sent)
    if len(sources) >= 2 and _co_hosts(c):  # (hosts' guests only: not the gathering, nor where it is)
        c.targets = [t for t in c.targets if can_act(t, ctx.sent, ctx.actors) and t.code and not is_located(t, ctx.sent)
                     and not any(s is not None and same_actor(t, s) for s in sources)]
    targets = c.targets
    mutual = len(sources) >= 2 and symmetric and _each_with_the_other(c, ctx) and not _one_person(sources, ctx) \
        and not _co_hosts(c)
    pairs: list[Pair]
    if mutual:  # "A and B met", "Israeli and Palestinian negotiators met": each with the other
        pairs = [(s, t) for s, t in itertools.permutations(sources, 2) if s is not None and t is not None]
    else:
        tgts: list[Actor | None] = list(targets) or [None]
        pairs = [(s, t) for s in sources for t in tgts
                 if not (s is not None and t is not None and len(targets) > 1
                         and (same_actor(s, t) or _own_side_of_pair(s, t, ctx)))]
    pair_code = m.alt if m.code == cand.code else cand.code if cand.frame == "intent" and m.alt == m.code else None
    paired = pair_code if pair_code and not cand.reverse and not mutual and not _one_sided(c, pair_code) \
        and _pairs_back(c, ctx, targets) else None
    return Pairing(pairs, mutual, paired)


def _own_side_of_pair(s: Actor, t: Actor, ctx: Context) -> bool:
    """The source's own country as one of the two a thing between them is named for: "A and B
    emphasized the partnership between Gondor and Rohan" (Gondor's A with Rohan, Rohan's B with
    Gondor; owners.pair_name)."""
    return bool(s.country) and t.country == s.country and len(t.code or "") >= 3 and (t.code or "")[3:] in ("", "GOV") \
        and in_pair_name(t, ctx)


def _co_hosts(c: Clause) -> bool:
    """Several subjects of a gathering they hold for others are one side, not parties to each
    other: "Gondor and Rohan will jointly host a summit", "A and B co-chaired the conference"
    (each hosts; the guests, when named, are the targets)."""
    return c.verb.lemma_.lower() in CO_HOSTING


def _gerund_parties(c: Clause, ctx: Context) -> list[Actor]:
    """The targets a gerund act with no doer names in its own "between" phrase are its parties:
    "Fighting between the army and rebels continued" (the army and the rebels fought each other,
    not someone unnamed the two of them)."""
    verb = c.verb
    if verb.tag_ != "VBG" or any(s is not None for s in c.sources) or len(c.targets) < 2:
        return []
    prep = next((p for p in verb.children if p.dep_ == "prep" and p.lower_ == "between"), None)
    if prep is None:
        return []
    lo = prep.idx - ctx.sent.start_char
    hi = max(t.idx + len(t.text) for t in prep.subtree) - ctx.sent.start_char
    parties = [t for t in c.targets if lo <= t.start and t.end <= hi]
    return parties if len(parties) >= 2 else []


def _one_sided(c: Clause, pair_code: str) -> bool:
    """A talk, meeting or pledge one party holds with another it names as its object or partner
    ("Rohan's envoy met with Gondor's king", "spoke by phone with the Gondorian minister") is the
    subject's act on the other, not also the other's back: the second code is the same verbal
    act, so the sentence says who did it (material acts done with a partner stay both ways:
    "exchanged fire with")."""
    if pair_code != c.cand.code or pair_code[:2] >= "06":
        return False
    verb = c.verb
    # ("met with X to discuss ...": the infinitive's partner is the governing verb's)
    governing = verb.head if verb.dep_ in ("xcomp", "advcl") and verb.head.pos_ == "VERB" else None
    if c.targets and all(t.start > verb.idx - verb.sent.start_char and not _party_object(t, verb) for t in c.targets) \
            and any(v is not None and v.lemma_.lower() in TALKS | TOPIC_VERBS and not _holds_meeting(v)
                    for v in (verb, governing)):
        return True  # (a talk verb's own: "spoke today with X", "discussed it with X", whatever the parse)
    return any(_talked_with(t, verb, governing) for t in c.targets)


def _party_object(actor: Actor, verb: Any) -> bool:
    """The actor is the direct object of a verb whose object takes part as much: "will meet
    Angela Merkel for talks" (each one's)."""
    top = _phrase_top(actor, verb.sent)
    return top is not None and top.dep_ == "dobj" and top.head.i == verb.i and verb.lemma_.lower() in PARTY_OBJECT_VERBS


def _talked_with(actor: Actor, verb: Any, governing: Any | None) -> bool:
    """The actor is the one the verb (or the talk it is the purpose of) is held with: its "with"
    phrase ("spoke today with the Gondorian minister", "with the heads of government from Rohan
    and Gondor"), a meeting's ("will travel to Edoras for meetings with the king to discuss",
    "will hold meetings with Rohan's envoy to discuss"), or the one a talk verb before it is
    done to ("called the king to discuss")."""
    top = _phrase_top(actor, verb.sent)
    if top is None:
        return False
    if governing is not None and top.dep_ == "dobj" and top.head.i == governing.i \
            and governing.lemma_.lower() in TALKS:
        return True
    if top.dep_ != "pobj" or top.head.lower_ != "with":
        return False
    host = top.head.head  # (what the "with" phrase hangs on)
    for v in (verb, governing):
        if v is None:
            continue
        if host.i == v.i or (host.i == getattr(clauses.object_of(v), "i", None)):
            if not _holds_meeting(v) or v is governing:
                return True
    if host.pos_ == "NOUN" and host.lemma_.lower() in MEETINGS:
        near = {verb.head.i} if verb.dep_ in ("acl", "relcl", "advcl", "xcomp") else set()
        return host.i in near or host.head.i in near or (host.dep_ == "pobj" and host.head.head.i in near)
    return False


def _phrase_top(actor: Actor, sent: Any) -> Any | None:
    """The top of the phrase an actor is named in: up through conjuncts, appositions, names and
    "of"/"from" phrases ("Foreign Ministers from Costa Rica and Panama": Ministers)."""
    span = sent.char_span(actor.start, actor.end, alignment_mode="expand")
    node = span.root if span is not None and len(span) else None
    while node is not None and node.head is not node:
        if node.dep_ in ("conj", "appos", "compound", "flat", "nmod"):
            node = node.head
        elif node.dep_ == "pobj" and node.head.lower_ in ("of", "from") and node.head.head.pos_ in ("NOUN", "PROPN"):
            node = node.head.head
        else:
            break
    return node


def _one_person(sources: list[Actor | None], ctx: Context) -> bool:
    """Two sources that are one person, a title and the name set beside it: "Deputy Minister
    for Northern Affairs, Jane K. Doe, will travel to Rohan" (no act of each with the other)."""
    known = [s for s in sources if s is not None]
    roots = [_root(s, ctx.sent) for s in known]
    return len(roots) == 2 and roots[0] is not None and roots[1] is not None and any(
        a.dep_ == "appos" and a.head.i == b.i
        and ("PERSON" in (a.ent_type_, b.ent_type_) or bool(known[0].code and known[0].code == known[1].code))
        for a, b in ((roots[0], roots[1]), (roots[1], roots[0])))  # (or a name and its acronym: "the IAEA (IAEA)")


def _root(actor: Actor, sent: Any) -> Any | None:
    span = sent.char_span(actor.start, actor.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _holds_meeting(verb: Any) -> bool:
    """The verb's object is what is done together, each one's ("held talks with X", "will sign a
    ceasefire with X"), not what is talked about ("discussed trade with X", "spoke with X about
    the attack", "discussed the negotiations with X": the subject's)."""
    obj, lemma = clauses.object_of(verb), verb.lemma_.lower()
    return obj is not None and lemma not in TOPIC_VERBS and (obj.lemma_.lower() in MEETINGS or lemma not in TALKS)


def _each_with_the_other(c: Clause, ctx: Context) -> bool:
    """A symmetric act of several sources is each's with the other when it names no other target,
    or only the subjects themselves ("Mexico and the United Kingdom signed an agreement to keep
    trading after the UK leaves the EU") or where they did it ("Putin and Erdogan met at Sochi"), or, for two parties, a thing no one
    acts with ("Japan and the United States held a bilateral Dialogue")."""
    sources, targets = c.sources, c.targets
    reciprocal = c.agent is not None and c.agent.lower_ in RECIPROCAL_HEADS
    return not targets or (reciprocal and not c.strong) or all(
        any(s is not None and same_actor(t, s) for s in sources) or is_located(t, ctx.sent)
        or (not can_act(t, ctx.sent, ctx.actors) and len(sources) == 2 and sources[0] is not None
            and sources[1] is not None and sources[0].code != sources[1].code)
        for t in targets)


def _pairs_back(c: Clause, ctx: Context, targets: list[Actor]) -> bool:
    """A paired pattern ("LEFT [032:033]", "TALKS [046:046]"): the target does the second code to
    the source; a place is a party to a coming, "arrived in Gondor", not to an act done there
    ("declared a ceasefire in Tripoli"); a material act is paired only with a partner
    ("exchanged fire with", not "missiles struck an area near the Golan Heights"); a mutual act
    intended is intended by both ("will hold talks with Tusk" [046:046]); only an actor acts back,
    not a thing an actor only qualifies ("to discuss Ukraine's economic recovery")."""
    verb, code = c.verb, c.cand.code
    if c.match.alt and c.match.alt.startswith(VISITS) and not all(_visits_or_hosts(t, ctx.sent) for t in targets):
        return False
    return all(can_act(t, ctx.sent, ctx.actors) for t in targets) and (code[:2] < "06" or any(is_partner(t, verb) for t in targets) or each_other(verb)) \
        and not (any(is_located(t, ctx.sent) for t in targets)
                 and (clauses.object_of(verb) is not None or verb.lemma_.lower() not in TRAVELS)) \
        and not clauses.is_passive(verb)


POPULATION_SECTORS = ("CVL", "PPL", "REF")  # (people hosted or visited, who neither host nor pay a visit)


def _visits_or_hosts(actor: Actor, sent: Any) -> bool:
    """The one visited or hosted can do the visit's code back: a party a dictionary knows, not a
    population ("Costa Rica hosts 450,000 Nicaraguans", "hosting Rohingya refugees", "visited
    victims of trafficking": no visit of theirs), nor a place or site no dictionary knows
    ("visited Kenosha", "visited the Temple Museum": no host named)."""
    if not actor.code or (actor.sector or "") in POPULATION_SECTORS or actor.code[3:6] in POPULATION_SECTORS:
        return False
    span = sent.char_span(actor.start, actor.end, alignment_mode="expand")
    root = span.root if span is not None and len(span) else None
    # (a people named by a nationality or counted: "more than 450,000 Nicaraguans", "tens of thousands of refugees")
    return root is None or not (root.tag_ in ("NNS", "NNPS") and (
        root.ent_type_ == "NORP" or any(x.dep_ in ("nummod", "quantmod") or x.like_num for x in root.subtree)))


def events_of(c: Clause, ctx: Context) -> list[Event]:
    """The events of a clause whose roles are known: one per pair, and the paired code back."""
    joint_exercise(c)
    pr = pairing(c, ctx)
    cand, m, verb, sent = c.cand, c.match, c.verb, ctx.sent
    negated = clauses.is_negated(verb) and cand.frame != "refusal"
    modality = "asserted" if cand.frame in ("demand", "appeal", "refusal", "posture") \
        or framing.protest_purpose(verb.head) is verb else "intended" if (cand.frame == "intent" \
        and framing.demanded(verb)) or cand.frame == "invitation" else clauses.modality_of(verb)  # (a protest "to protest" is; "we must act": intended)
    trig_start = verb.idx - sent.start_char
    sentence = verbatim(ctx.article, sent)
    for a in (*c.sources, *c.targets):
        if a is not None:
            a.text = sentence[a.start:a.end]
    trigger = {"text": sentence[trig_start:trig_start + len(verb.text)], "start": trig_start,
               "end": trig_start + len(verb.text)}
    prominence = prominence_of(verb, cand.code)
    trace = [f"verb:{m.rule}", *cand.trace, *c.trace]
    out = []
    for a, b, code, shift, how in _directed(c, pr, trig_start):
        ev = Event(article_id=ctx.article.id, sentence_index=ctx.si, sentence=sentence, cameo=code, trigger=dict(trigger),
                   source=a, target=b, plover=to_plover(code, verb.lemma_.lower()), negated=negated,
                   modality=modality, rule=m.rule)
        ev.confidence = confidence(m, a, b, modality, c.strong, prominence + shift)
        ev.trace = [*trace, how]
        out.append(ev)
    return out


def _directed(c: Clause, pr: Pairing, trig_start: int) -> list[tuple[Actor | None, Actor | None, str, float, str]]:
    """Each pair as (source, target, code, confidence shift, pairing rule)."""
    code, verb = c.cand.code, c.verb
    out = []
    for src, tgt in pr.pairs:
        # (each of two subjects acting together is a party of its own, even where the
        # dictionary codes both alike: "the European Parliament and the EU Council failed to agree")
        if src is not None and tgt is not None and not pr.mutual and same_actor(src, tgt):
            tgt = None
        if code[:2] in DOMESTIC_ROOTS:
            src, tgt = of_the_others_country(src, tgt), of_the_others_country(tgt, src)
        # (the one acted on is named without the description beside it; in full, as subjects are,
        # where it acts back or is the subject: "met Angela Merkel, the German chancellor",
        # "Victoire Ingabire, leader of the party, was arrested")
        full = pr.mutual or pr.paired or tgt is None or tgt.start < trig_start
        out.append((src, tgt if full or tgt is None else target_words(tgt, verb), code, 0.0,
                    "pair:mutual" if pr.mutual else "pair:directed"))
        if pr.paired and src is not None and tgt is not None:
            out.append((tgt, src, pr.paired, -0.05, "pair:second-code"))  # ranks just below the event it pairs with
    return out


def confidence(m: VerbMatch, src: Actor | None, tgt: Actor | None, modality: str, strong: bool,
                prominence: float = 0.0) -> float:
    c = prominence + 0.35 + min(m.score, 3) * 0.1 + (0.05 if strong else 0.0)
    if src is not None and src.code:
        c += 0.1
    if tgt is not None and tgt.code:
        c += 0.1
    if modality != "asserted":  # (what may happen, at most half as sure as what was said)
        c -= 0.2 if modality == "hypothetical" else 0.1
    return max(0.05, min(0.95, c))


def prominence_of(verb: Any, code: str) -> float:
    """Main-clause events (and what a report reports) outrank side remarks and statements."""
    tok, bonus = verb, 0.1
    for _ in range(6):
        if tok.dep_ == "ROOT" or clauses.misparsed_main_verb(tok) or clauses.headline_participle(tok):
            break
        if tok.dep_ == "conj":
            tok = tok.head
            continue
        if tok.dep_ == "pcomp" and tok.head.head.lower_ in nominal.CULPABLE:  # "were guilty of violating ...": the act
            tok = tok.head.head.head
            continue
        if tok.dep_ == "xcomp":  # "staged a rally to demand ...": the infinitive is not the main act
            bonus = min(bonus, 0.0)
            tok = tok.head
            continue
        if tok.dep_ in ("ccomp", "parataxis") and tok.head.lemma_ in clauses.REPORTING:
            tok = tok.head
            continue
        if clauses.published_by(tok) is not None:  # "a report accusing the army": what the report says
            tok = clauses.published_by(tok)
            continue
        bonus = -0.2  # relative clauses, adverbial clauses, participles: background to the main act
        break
    if code[:2] in ("01", "02") and code != "015":  # (claiming responsibility is the event of record)
        bonus -= 0.1
    if verb.dep_ == "ccomp" and claims_own_act(verb.head):
        bonus -= 0.1  # "the Houthis claimed that they had attacked the airport": the claim outranks the act
    obj = clauses.object_of(verb)
    if obj is not None and any(clauses.published_by(c) is verb for c in obj.children):
        bonus -= 0.15  # "put out a report accusing ...": the accusation is the act
    if is_vehicle(verb) and any(is_infinitive(c) for c in verb.children):
        bonus -= 0.15  # "summoned the envoy to complain": the purpose is the act
    elif verb.dep_ in ("advcl", "xcomp") and is_vehicle(verb.head):
        bonus = max(bonus, 0.1)
    return bonus

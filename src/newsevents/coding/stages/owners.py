"""Target rules on whose a thing is: the owner of what an attitude is about, the other party of a
thing named for two, and the medium something is said on (never a party).

``thing-owner``: welcoming, backing, accepting, rejecting or criticising a report, a proposal, a
plan or someone's efforts is aimed at whoever made or holds it ("rejected Pelosi's suggestion":
Pelosi; "welcomed the issuance of a report by a committee of the ILO": the ILO).
``pair-name``: a partnership, dialogue or talks named for two countries, one of them the
source's own, has the other as party ("will lead the delegation to the U.S.-South Africa
Strategic Dialogue": South Africa's government).
``is_medium`` / ``without_medium``: a platform one posts on is where it was said ("lashed out at
the mayor on Twitter": the mayor, not Twitter).
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ...lang import words
from ...models import Actor
from ...resolve.actors import all_conjuncts
from . import rule
from .record import Context

if TYPE_CHECKING:  # (targets.py imports this module to register its rules)
    from .targets import Found, TargetQuery

OWNED_THINGS = words("owned_thing_nouns") | words("document_nouns") | words("opinion_nouns") \
    | words("appeal_nouns") | words("proposal_nouns") | words("ideal_nouns")  # (not support or a commitment
# given to another: "reaffirmed the Quad's support for ASEAN" is aimed at ASEAN)
CARRIERS = words("owned_thing_carriers")  # ("the issuance of X's report": X's)
PAIR_THINGS = words("pair_relation_nouns") | words("gathering_nouns")
PLATFORMS = words("platform_names")
STATE_BODIES = words("state_nouns") | words("institution_nouns")
ATTITUDE_ROOTS = ("05", "08", "11", "12")  # (praise and backing, yielding, disapproval, rejection)
SIGNING = "057"  # (an agreement signed is with a party, not its drafter's: "signed Conyers's bill into law")
OWNER_PREPS = ("by", "from")  # ("a report by the ILO", "an offer from Rohan")
THING_PREPS = ("of", "for", "to", "with", "against", "over", "on", "about")  # (where the thing hangs on the verb)
NAME_MODIFIERS = ("GPE", "NORP", "ORG", "PERSON")
MEDIUM_PREPS = ("on", "via", "through", "over")
STATE_SECTORS = ("GOV", "MIL", "LEG", "JUD", "ELI")
PAIR_SEPARATORS = re.compile(r"\s*[-–—]\s*")
THIRD_PERSON = ("his", "her")  # (one person's; "their"/"its" are the sources' own as often as not)
MAX_DEPTH = 3
MAX_CLIMB = 4
NAME_DEPS = ("compound", "nmod", "amod", "dep")  # (how a pair's name hangs on its noun)


# -- thing-owner ----------------------------------------------------------------------------

@rule("target", "thing-owner")
def thing_owner(q: TargetQuery, ctx: Context) -> Found | None:
    """The one whose report, proposal, plan or efforts an attitude is about: "rejected Pelosi's
    suggestion" (Pelosi), "welcomed the plan announced by the Rohirric government" (ROHGOV),
    "welcomes the issuance of a report by a committee of the ILO", "commended the efforts of the
    Gondorian government", "welcome the progress of the process facilitated by A, B and C"."""
    if q.code[:2] not in ATTITUDE_ROOTS or q.code == SIGNING:
        return None
    start = _things(q)
    seen: set[int] = set()
    frontier = [t for s in start if s is not None for t in (s, *all_conjuncts(s))]
    for _ in range(MAX_DEPTH):
        deeper: list[Any] = []
        for thing in frontier:
            if thing.i in seen or thing.i in q.moved or thing.i in q.topic or thing.pos_ not in ("NOUN", "PROPN"):
                continue
            seen.add(thing.i)
            lemma = thing.lemma_.lower()
            if lemma in OWNED_THINGS:
                found = [a for a in q.first(ctx, (True, "near"), owners_of(thing)) if _coded(a) and not _own_body(a, q, ctx)]
                if found:
                    return [_as_thing(a, thing, ctx) for a in found], False
            if lemma in OWNED_THINGS | CARRIERS:  # (the thing it is of: "the progress of the process ...")
                deeper += [x for x in _of_objects(thing) for x in (x, *all_conjuncts(x))]
        frontier = deeper
    return None


def _as_thing(actor: Actor, thing: Any, ctx: Context) -> Actor:
    """An owner named inside the thing's own phrase stands for that phrase, as coders mark it
    ("rejected Pelosi's suggestion": the target "Pelosi's suggestion", coded as Pelosi)."""
    base = ctx.sent.start_char
    start, end = thing.left_edge.idx - base, thing.idx + len(thing.text) - base
    if not start <= actor.start < actor.end <= end:
        return actor
    return replace(actor, text=ctx.sent.text[start:end], start=start, end=end)


def _things(q: TargetQuery) -> list[Any]:
    """Where the thing may be: what is acted on ("rejected the plan"), else the verb's phrases
    ("objected to the plan"); with a carrier acted on, the "of" phrase the parse hung on the verb
    ("welcomes the issuance today of a report"); never a phrase beside a party acted on ("thanked
    the minister for Rohan's support": the minister)."""
    verb, obj = q.verb, q.acted_on
    if obj is None:
        return [p for name, p in q.preps if name in THING_PREPS and p.head.head.i == verb.i]
    if obj.lemma_.lower() in CARRIERS | OWNED_THINGS:
        return [obj] + [p for name, p in q.preps if name == "of" and p.head.head.i == verb.i]
    return [obj]


def _own_body(actor: Actor, q: TargetQuery, ctx: Context) -> bool:
    """A body the context gives the sources' own country, its words naming none: "The United States
    welcomes Government Reform in Yemen" (not the U.S. government)."""
    span = ctx.sent.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None or not len(span) or not any(s.country and s.country == actor.country for s in q.src):
        return False
    return span.root.lemma_.lower() in STATE_BODIES and not any(
        t.ent_type_ in ("GPE", "NORP") and t.lemma_.lower() not in STATE_BODIES for t in span)  # (a headline's
    # "Government" may be tagged a place)


def _coded(actor: Actor) -> bool:
    """A party of a known country or a known body ("---GOV" is no one known)."""
    return bool(actor.code) and not (actor.code or "").startswith("---")


def owners_of(thing: Any) -> list[Any]:
    """The words of a thing's phrase that name whose it is: its possessor ("Pelosi's suggestion",
    a third-person pronoun: "her proposal"), a name before it ("the ILO report", "the Rohirric
    plan"), its by/from phrase ("a report by the ILO", "an offer from Rohan"), the agent of a
    participle on it ("the process facilitated by Gondor"), or an "of" phrase naming a party
    ("the efforts of the Rohirric government")."""
    out = [c for c in thing.children if c.i < thing.i and (
        (c.dep_ == "poss" and (c.pos_ != "PRON" or c.lower_ in THIRD_PERSON))
        or (c.dep_ in ("amod", "compound", "nmod") and c.pos_ in ("PROPN", "ADJ") and c.ent_type_ in NAME_MODIFIERS))]
    makers = [x for c in thing.children if c.dep_ == "prep" and c.lower_ in OWNER_PREPS
              for x in c.children if x.dep_ == "pobj"]
    makers += [x for a in thing.children if a.dep_ == "acl" and a.tag_ == "VBN"
               for c in a.children if c.dep_ == "agent" for x in c.children if x.dep_ == "pobj"]
    # (and the body a maker belongs to: "a report by a committee of the ILO")
    out += [y for x in makers for y in (x, *_of_objects(x))]
    out += [x for x in _of_objects(thing) if x.lemma_.lower() not in OWNED_THINGS | CARRIERS and _named(x)]
    return out


def _named(tok: Any) -> bool:
    """An "of" phrase that names its party, before its head or in its own "of" phrase ("the efforts
    of the Rohirric government", "the leadership of President X", "of the government of Rohan");
    not people its role words and a place give ("the courage of union leaders in Rohan": another
    rule's), nor a kind of people ("the efforts of humanitarian actors")."""
    heads = [tok, *all_conjuncts(tok)]  # ("the statement of ECOWAS and the African Union")
    words_ = [t for h in heads for t in h.subtree if t.i <= h.i] + [y for x in _of_objects(tok) for y in x.subtree]
    return any(t.ent_type_ in NAME_MODIFIERS for t in words_)


def _of_objects(thing: Any) -> list[Any]:
    """The noun of a thing's own "of" phrase ("the report of the commission": commission)."""
    return [x for c in thing.children if c.dep_ == "prep" and c.lower_ == "of"
            for x in c.children if x.dep_ == "pobj"]


# -- pair-name ------------------------------------------------------------------------------

@rule("target", "pair-name")
def pair_name(q: TargetQuery, ctx: Context) -> Found | None:
    """The other party of a partnership, dialogue or talks named for two countries, one of them the
    sources' own: "will lead the U.S. delegation to the U.S.-South Africa Strategic Dialogue"
    (ZAFGOV for a U.S. official), "emphasized the partnership between the United States and
    Denmark" (Denmark; for two sources of the two countries, each has the other: pairs.py)."""
    home = {s.country for s in q.src if s.country}
    if not home:
        return None
    for noun in _pair_candidates(q, ctx):
        named = _named_pair(noun, ctx)
        countries = {a.country for a in named}
        if len(countries) != 2 or not home <= countries:
            continue  # (not a pair that leaves out one of the sources: "Egypt and Jordan urged talks between
            # Israel and Jordan" is Egypt's with both)
        if countries <= home:
            return None  # (both sides are the sources: each has the other, pairs.py; co-hosts are one side)
        state = any(s.sector in STATE_SECTORS for s in q.src if s.sector)
        return [_as_party(a, state) for a in named if a.country not in home], False
    return None


def _pair_candidates(q: TargetQuery, ctx: Context) -> list[Any]:
    """The things named for two that the act is about, up to the first party named outright
    ("will welcome Minister X to Washington for the U.S.-India Dialogue": X, found by "phrase")."""
    out: list[Any] = []
    for noun in [q.acted_on, *q.heads] if q.acted_on is not None else list(q.heads):
        if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
            continue
        if noun.lemma_.lower() in PAIR_THINGS:
            out.append(noun)
        elif noun.ent_type_ in NAME_MODIFIERS or ctx.actors.role_of([noun]) is not None:
            break
    return out


def _as_party(actor: Actor, state: bool) -> Actor:
    """A country named as a party, its government when the sources speak for a state."""
    if state and actor.country and actor.code and len(actor.code) == 3:  # (a bare country: "KSV" for Kosovo)
        return replace(actor, sector="GOV", code=actor.code + "GOV")
    return actor


def _named_pair(noun: Any, ctx: Context) -> list[Actor]:
    """The two countries a thing is named for: its "between A and B" phrase, or the hyphenated
    name before it ("the U.S.-Denmark partnership", "the fifth U.S.-Algerian Strategic Dialogue")."""
    between = [x for c in noun.children if c.dep_ == "prep" and c.lower_ == "between"
               for p in c.children if p.dep_ == "pobj" for x in (p, *all_conjuncts(p))]
    out = [a for x in between if x.ent_type_ in ("GPE", "NORP")
           for a in ctx.actors.resolve_conjuncts(x, ctx.si, strict=True)[:1]
           if a.country and a.code and len(a.code) == 3]  # (bare countries, the dictionary's letters: "KSV")
    return out if len(out) == 2 else _hyphen_pair(noun, ctx)  # ("the U.S.-Denmark partnership")


def _hyphen_pair(noun: Any, ctx: Context) -> list[Actor]:
    """The countries of a hyphenated name before the noun ("U.S.-South Africa"), each with its own
    words' offsets in the sentence."""
    mods = sorted((t for c in noun.children if c.i < noun.i and c.dep_ in ("compound", "nmod", "amod")
                   for t in c.subtree), key=lambda t: t.i)
    mods = [t for t in mods if t.pos_ in ("PROPN", "ADJ", "PUNCT") and t.dep_ != "det"]
    if not mods or not any(PAIR_SEPARATORS.search(t.text) for t in mods) and not any(t.text in "-–—" for t in mods):
        return []
    sent = ctx.sent
    base = mods[0].idx
    text = sent.doc.text[base:mods[-1].idx + len(mods[-1].text)]
    pieces = PAIR_SEPARATORS.split(text)
    if len(pieces) != 2:
        return []
    left, right = pieces[0].split(), pieces[1].split()
    first = next((" ".join(left[i:]) for i in range(len(left)) if _country(" ".join(left[i:]), ctx)), None)
    second = next((" ".join(right[:i]) for i in range(len(right), 0, -1) if _country(" ".join(right[:i]), ctx)), None)
    if first is None or second is None:
        return []
    out: list[Actor] = []
    starts = (pieces[0].rstrip().rindex(first), text.index(pieces[1], len(pieces[0])) + pieces[1].index(second))
    for name, at in zip((first, second), starts):
        country = _country(name, ctx)
        start = base + at - sent.start_char
        out.append(Actor(text=name, start=start, end=start + len(name), name=name, country=country, code=country))
    return out if len({a.country for a in out}) == 2 else []


def _country(name: str, ctx: Context) -> str | None:
    """The country a name or nationality word names ("U.S.", "South Africa", "Algerian")."""
    return ctx.gazetteer.country_code(name) if name and name[0].isupper() else None


def in_pair_name(actor: Actor, ctx: Context) -> bool:
    """The actor is one of the two countries a thing between them is named for ("the partnership
    between the United States and Denmark", "the U.S.-Denmark partnership")."""
    span = ctx.sent.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    node = span.root
    for _ in range(MAX_CLIMB):
        head = node.head
        if head is node:
            return False
        if node.dep_ == "pobj" and head.lower_ == "between":
            return head.head.lemma_.lower() in PAIR_THINGS
        if head.lemma_.lower() in PAIR_THINGS:
            return node.dep_ in NAME_DEPS
        if node.dep_ not in NAME_DEPS + ("conj", "appos"):
            return False
        node = head  # (through the words between: "strong U.S.-France cooperation")
    return False


# -- the medium -----------------------------------------------------------------------------

def is_medium(actor: Actor, ctx: Context) -> bool:
    """A platform something is said on, never a party: "lashed out ... on Twitter", "said via
    Telegram"."""
    span = ctx.sent.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    return root.lower_ in PLATFORMS and root.dep_ == "pobj" and root.head.lower_ in MEDIUM_PREPS


def without_medium(actor: Actor, ctx: Context) -> Actor:
    """The target's words without the platform phrase the parse hung on them: "the mayor Muriel
    Bowser | on Twitter"."""
    span = ctx.sent.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None or len(span) < 3:
        return actor
    cut = next((t for t in span if t.dep_ == "prep" and t.lower_ in MEDIUM_PREPS and t.i > span.start
                and any(x.dep_ == "pobj" and x.lower_ in PLATFORMS for x in t.children)), None)
    if cut is None:
        return actor
    last = ctx.sent.doc[cut.i - 1]
    end = last.idx + len(last.text) - ctx.sent.start_char
    if end <= actor.start or end >= actor.end:
        return actor
    return replace(actor, text=actor.text[:end - actor.start], end=end)

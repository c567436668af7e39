"""Actor mentions as the stages build them: the words of an unresolved mention, the thing an
act is done to, and the tests of sameness and place that the rules share."""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from ...models import Actor, Article, Place
from ...nlp.docfacts import facts
from ...resolve.actors import MEETING_HEADS, Entity, collective_of, mention_tokens, place_qualifier
from .. import clauses
from .record import Resolution
from .vocab import BARE_GROUPS, INSTITUTIONS


def unresolved(head: Any, sector: str | None = None, appos: bool = True) -> Actor:
    """An actor mention that no dictionary resolves: its span, its name if it is a name, and
    the role its words give ("the official news agency WFNA" → ---GOV, country unknown);
    ``appos=False`` leaves out what is set beside it ("Hodeidah, a major flashpoint")."""
    toks = mention_tokens(head)
    if not appos:
        beside = {t.i for c in head.children if c.dep_ == "appos" for t in c.subtree}
        toks = [t for t in toks if t.i not in beside]
        while len(toks) > 1 and toks[-1].is_punct:  # a punctuation head alone stays its own span
            toks.pop()
    doc = facts(head.doc)
    sent = doc.sentence_of(head)
    start = toks[0].idx - sent.start_char
    end = toks[-1].idx + len(toks[-1].text) - sent.start_char
    text = doc.span_text(sent)[start:end]
    named = [t for t in toks if t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "PERSON")]
    name = " ".join(t.text for t in toks if t.i >= named[0].i and t.i <= head.i) if named else None
    return Actor(text=text, start=start, end=end, name=name or None, sector=sector,
                 code=("---" + sector) if sector else None)


def thing_of(obj: Any) -> Actor:
    """The thing an act is done to, with all its phrases ("a checkpoint on the outskirts of Kabul")."""
    whole = unresolved(obj, appos=False)
    after = [t for c in obj.children if c.dep_ == "prep" and c.i > obj.i for t in c.subtree if not t.is_punct]
    if not after:
        return whole
    doc = facts(obj.doc)
    sent = doc.sentence_of(obj)
    last = max(after, key=lambda t: t.i)
    end = max(whole.end, last.idx + len(last.text) - sent.start_char)
    return replace(whole, text=doc.span_text(sent)[whole.start:end], end=end)


def same_actor(a: Actor, b: Actor) -> bool:
    return bool(a.name and a.name == b.name and a.code == b.code)


def one_row_each(found: list[Actor], sent: Any) -> list[Actor]:
    """Each person or body once, though the resolver found a mention inside another's: a name
    inside its title ("The Vice President, Mike Pence" and "Mike Pence"; "Special Envoy Lee
    Kim" and "Lee Kim"), a title set beside a name ("Ann Vale, Gondor's governor" and "Gondor's
    governor") or the same actor twice ("the Rohan Forces (RF)" and "RF"). The whole phrase is
    kept, or the inner one where only it gives a country; not the members of a list the
    outer phrase swallowed ("the United Kingdom, Canada" and "Canada": two countries)."""
    out = list(found)
    for outer in found:
        for inner in found:
            if inner is outer or inner not in out or outer not in out or not _nested(inner, outer) \
                    or not _one_party(inner, outer, sent):
                continue
            keep, drop = (inner, outer) if inner.country and not outer.country else (outer, inner)
            out.remove(drop)
            if keep is inner:  # (the whole phrase, with the inner mention's code)
                out[out.index(inner)] = replace(inner, text=outer.text, start=outer.start, end=outer.end)
    return out


def _nested(inner: Actor, outer: Actor) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end and (inner.start, inner.end) != (outer.start, outer.end)


def _one_party(inner: Actor, outer: Actor, sent: Any) -> bool:
    """The two mentions name one party: the same code, the same head word, or a person's name
    and a title set beside each other."""
    if inner.code and inner.code == outer.code:
        return True
    a = sent.char_span(inner.start, inner.end, alignment_mode="expand")
    b = sent.char_span(outer.start, outer.end, alignment_mode="expand")
    if a is None or b is None or not len(a) or not len(b):
        return False
    x, y = a.root, b.root
    if x.i == y.i:
        return True
    beside = (x.dep_ == "appos" and x.head.i == y.i) or (y.dep_ == "appos" and y.head.i == x.i)
    return beside and "PERSON" in (x.ent_type_, y.ent_type_) and "GPE" not in (x.ent_type_, y.ent_type_)


def same_span(head: Any, actor: Actor) -> bool:
    start = head.idx - head.sent.start_char
    return actor.start <= start < actor.end


def is_named(head: Any) -> bool:
    """A phrase headed by a name ("ZTE", "the Tamil Tigers"), not a common noun."""
    return head.pos_ == "PROPN" and head.ent_type_ in ("ORG", "PERSON", "NORP", "GPE", "")


def nameable(head: Any) -> bool:
    """A subject worth keeping though no dictionary knows it: a name, an acronym ("ICE returned
    ..."), or an institution; not a country that only says where a place is ("mayor of Lyon,
    France stabbed")."""
    if place_qualifier(head):
        return False
    if head.pos_ == "PROPN" or head.lemma_.lower() in INSTITUTIONS or (
            len(head.text) >= 2 and head.text.isalpha() and head.text.isupper() and not facts(head.doc).text.isupper()):
        return True
    return any(t.ent_type_ in ("ORG", "PERSON", "NORP", "GPE") for t in head.subtree if t.i <= head.i)


def named_beside(phrases: list[Any], found: list[Actor], resolver: Resolution, si: int) -> list[Actor]:
    """Those of ``phrases`` that name a party no dictionary knows and no actor in ``found``
    covers, kept unresolved with their role (not a known party left out on purpose: "talks
    between Israel and Syria spur reconciliation between Lebanon and Syria")."""
    return [unresolved(c, resolver.role_of(mention_tokens(c))) for c in phrases
            if nameable(c) and not any(same_span(c, a) for a in found) and not resolver.resolve(c, si)]


def is_located(actor: Actor | None, sent: Any) -> bool:
    """An actor named only as where something happened ("in Tripoli", "at the border")."""
    if actor is None:
        return False
    span = sent.char_span(actor.start, actor.end, alignment_mode="expand")
    root = span.root if span is not None and len(span) else None
    return root is not None and root.dep_ == "pobj" and root.head.lower_ in ("in", "at")


def can_act(actor: Actor, sent: Any, resolver: Resolution) -> bool:
    """The phrase names someone who can act, not a thing an actor only qualifies: "Hamas",
    "Russian officials", "a bunch of Orcs", "Gondor"; not "Ukraine's economic recovery", "U.S.
    support", "a bilateral Dialogue"."""
    span = sent.char_span(actor.start, actor.end, alignment_mode="expand")
    root = span.root if span is not None and len(span) else None
    if root is None:
        return True
    if root.lemma_.lower() in MEETING_HEADS:
        return False
    # (a people's adjective qualifies a person: "his Jordanian counterpart"; a possessor a thing)
    return root.pos_ != "NOUN" or collective_of(root) is not None or resolver.role_of(mention_tokens(root)) is not None \
        or any(c.dep_ == "amod" and c.ent_type_ == "NORP" for c in root.children)


def is_partner(actor: Actor | None, verb: Any) -> bool:
    """An actor named as the one the act is done with ("exchanged fire with Israel", "clashes
    between A and B"), in a phrase of the verb or of its object."""
    if actor is None:
        return False
    span = verb.sent.char_span(actor.start, actor.end, alignment_mode="expand")
    root = span.root if span is not None and len(span) else None
    while root is not None and root.dep_ == "conj":
        root = root.head
    return root is not None and root.dep_ == "pobj" and root.head.lower_ in ("with", "between") \
        and root.head.head.i in {verb.i, *(o.i for o in (clauses.object_of(verb),) if o is not None)}


def target_words(actor: Actor, verb: Any) -> Actor:
    """The words of the one acted on: a name without the description set beside it ("will release
    Odin Sanchez, a former Colombian Congressman", "threatened to shell Haifa, Israel's third
    largest city"; its code still has what the description says), one its nationality names
    without where it is ("summoned the Chinese ambassador in Berlin"), and a group with the
    clause that says who they are ("supplies to people who had fled to the Golan Heights",
    "expelled 20 workers employed by the UNHCR")."""
    sent = verb.sent
    span = sent.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None or not len(span):
        return actor
    root = span.root
    where = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "in" and span.start < c.i < span.end), None)
    if where is not None and root.pos_ == "NOUN" and any(
            c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE") and c.i < root.i for c in root.children):
        # ("the Chinese ambassador in Berlin", "Russian authorities in Moscow": who, not where)
        end = _end_of(verb.doc[where.i - 1], sent)
        return replace(actor, text=actor.text[:end - actor.start], end=end)
    if root.pos_ != "PROPN":
        return _group_with_clause(actor, span, verb)
    return _name_without_description(actor, span, verb)


def _end_of(tok: Any, sent: Any) -> int:
    """The sentence offset just after ``tok``."""
    return int(tok.idx + len(tok.text) - sent.start_char)


def _group_with_clause(actor: Actor, span: Any, verb: Any) -> Actor:
    """A bare "people", "those" is only who its clause says ("aid to people who had fled ..."); so
    are "workers employed by the UNHCR", "people affected by the flooding"."""
    sent, doc = verb.sent, verb.doc
    last = doc[span.end - 1]
    who = next((c for c in last.children if c.dep_ == "relcl" and c.i > last.i), None) \
        if last.lower_ in BARE_GROUPS and not any(x.dep_ in ("amod", "compound", "nummod") for x in last.children) \
        and span.end < len(doc) and doc[span.end].lower_ in ("who", "whom") else None
    who = who or next((c for c in last.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.i == span.end
                       and any(x.dep_ == "agent" for x in c.children)), None)
    if who is None:
        return actor
    end = _end_of(doc[max(t.i for t in who.subtree)], sent)
    return replace(actor, text=sent.text[actor.start:end], end=end)


def _name_without_description(actor: Actor, span: Any, verb: Any) -> Actor:
    """A name without the description set beside it: "Odin Sanchez, a former Colombian Congressman"."""
    root, doc = span.root, verb.doc
    appos = next((c for c in root.children if c.dep_ == "appos" and root.i < c.i < span.end
                  and (c.pos_ != "PROPN" or any(x.dep_ in ("det", "poss") for x in c.children))), None)
    if appos is None:
        return actor
    last = min(t.i for t in appos.subtree) - 1
    while last > root.i and doc[last].is_punct:
        last -= 1
    end = _end_of(doc[last], verb.sent)
    return replace(actor, text=actor.text[:end - actor.start], end=end) if end < actor.end else actor


def entity_of(a: Actor) -> Entity:
    return Entity(a.name, a.country, a.sector, a.code, members=list(a.members))


def armed_force(weapon: Any) -> Actor:
    """An unidentified armed force (CAMEO ``UAF``) named by its weapon ("a car bomb explosion",
    not what follows it); its country is where it struck, when that is known."""
    actor = unresolved(weapon)
    end = weapon.idx + len(weapon.text) - weapon.sent.start_char
    return replace(actor, text=actor.text[:end - actor.start], end=end, sector="UAF", code="---UAF")


def where_it_struck(actor: Actor | None, place: Place | None) -> Actor | None:
    """An armed force no one names ("gunmen", "a roadside bomb") is of the country where it struck."""
    if actor is None or actor.country or actor.sector != "UAF" or place is None or not place.country:
        return actor
    return replace(actor, country=place.country, code=place.country + "UAF")


def of_the_others_country(actor: Actor | None, other: Actor | None) -> Actor | None:
    """A role no country is known for ("rebels", "a judge") in a domestic kind of act with an
    actor of a known country is taken to be of that country: "Islamic fundamentalists demanded
    the resignation of the Algerian president" (DZAMUS), "Judge Alejandro Rivera opened
    investigations against 28 Chilean officials" (CHLJUD)."""
    if actor is None or other is None or not other.country or not (actor.code or "").startswith("---"):
        return actor
    return replace(actor, country=other.country, code=other.country + (actor.code or "")[3:])


def verbatim(article: Article, sent: Any) -> str:
    """The sentence as the article wrote it (the parse may have seen restored capitals)."""
    doc = facts(sent.doc)
    if len(doc.text) == len(article.text):
        return article.text[sent.start_char:sent.end_char]
    return doc.span_text(sent)

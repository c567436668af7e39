"""Article pass "perpetrator": the attacker an article names is the doer of the violent acts it
tells without one.

A story of an attack names its attacker once, by an act ("Usman Khan stabbed two people") or by
an apposition ("the gunman, Brenton Tarrant", "Khan, the attacker"), and tells the rest without
a doer ("Two people were killed in the attack", "The victims were stabbed"). Such an agentless
violent act (CAMEO 18, 19, 20, coded by ``role:unnamed-agent`` or with no source) takes the
attacker named in its own paragraph (before or after it) or, when its paragraph names none,
the attacker of the last paragraph that named one, at most ``MAX_PARAGRAPHS`` before. An act
done *to* the attacker ("Khan was shot by police") is a response, not a new attacker. Where
the article names several attackers (two sides of a war, a list of wanted men), no act takes
any: which one did it is not said. An act on the attacker or the attacker's own soldiers, of
another day, in a sentence naming another person or body, or a death told by "died" keeps its
unknown doer. The trace says ``scene:perpetrator``.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from ...lang import words
from ...models import Actor, Event
from ...ontology import classes
from ...resolve.actors import ActorResolver

ATTACKER_NOUNS = words("attacker_nouns")
DYING_VERBS = words("dying_verbs")
VIOLENT = classes.codes("violent")
MAX_PARAGRAPHS = 3  # how many paragraphs on an attacker named before still did an agentless act
_UNNAMED = "role:unnamed-agent"
_STATE = ("GOV", "MIL", "COP")
_OTHERS = ("PERSON", "ORG")  # a sentence naming one of these, not the attacker, tells of another actor
_DETERMINERS = frozenset(("a", "an", "the", "one", "two", "three", "his", "her", "their", "its"))
GENERIC = "<generic attacker>"


def perpetrator_scene(events: list[Event], paragraphs: list[int], doc: Any, resolver: ActorResolver) -> None:
    """Give the agentless violent acts of ``events`` the attacker their story names (in place)."""
    agentless = [ev for ev in events if _agentless(ev)]
    if not agentless:
        return
    named = [*_attacks(events), *_appositions(doc, resolver)]
    named = _without_responses(named, events)
    by_para: dict[int, dict[str, Actor]] = {}
    days: dict[int, set[str | None]] = {}  # the days a paragraph's attacks were dated to
    if _one({_key(a): a for _, a in named}) is None:
        return  # several attackers: which one did an act told without a doer is not said
    for si, actor in named:
        if 0 <= si < len(paragraphs):
            by_para.setdefault(paragraphs[si], {}).setdefault(_key(actor), actor)
    for ev in _dated_attacks(events):
        if 0 <= ev.sentence_index < len(paragraphs):
            days.setdefault(paragraphs[ev.sentence_index], set()).add(ev.date)
    sents = list(doc.sents)
    for ev in agentless:
        if not 0 <= ev.sentence_index < min(len(paragraphs), len(sents)):
            continue
        own_day = ev.date if {"when:clause", "when:noun"} & set(ev.trace) else None  # (not one carried or the publication's)
        doer = _attacker_for(paragraphs[ev.sentence_index], by_para, days, own_day)
        sent = sents[ev.sentence_index]
        if doer is None or _own_side(doer, ev.target) or _names_another(sent, doer) or _dying(ev, sent):
            continue
        # (not written in this sentence: no mention, so no text and empty offsets, as the event
        # record asks sentence[start:end] == text; name, code and members say who: a group the
        # dictionary has no name for keeps its mention as its name, "Militants of the Front")
        name = doer.name if doer.name and doer.name[:1].isupper() else doer.text
        ev.source = replace(doer, text="", start=0, end=0, name=name, members=list(doer.members))
        ev.trace.append("scene:perpetrator")


def _attacker_for(para: int, by_para: dict[int, dict[str, Actor]], days: dict[int, set[str | None]],
                  day: str | None) -> Actor | None:
    """The one attacker of the paragraph, or of the nearest earlier one that named any, when the
    act is of a day the attacker's acts were (another day is another incident)."""
    for p in range(para, para - MAX_PARAGRAPHS - 1, -1):
        found = by_para.get(p)
        if found:
            if day is not None and day not in days.get(p, {day}):
                return None
            return _one(found)
    return None


def _dated_attacks(events: list[Event]) -> list[Event]:
    """The violent acts with a doer, whose day sets their incident's."""
    return [ev for ev in events if ev.source is not None and ev.cameo.startswith(VIOLENT) and not _agentless(ev)]


def _one(found: dict[str, Actor]) -> Actor | None:
    """The one attacker of a paragraph's: a named one stands for "the gunman" told beside it."""
    named = {k: a for k, a in found.items() if k != GENERIC}
    if len(named) == 1:
        return next(iter(named.values()))
    if not named:
        return found.get(GENERIC)
    return None


def _agentless(ev: Event) -> bool:
    """A violent act told without its doer ("two people were killed", "the attack killed 51")."""
    if not ev.cameo.startswith(VIOLENT) or ev.negated:
        return False
    return ev.source is None or any(t.startswith(_UNNAMED) and "weapon-owner" not in t for t in ev.trace)


def _attacks(events: list[Event]) -> list[tuple[int, Actor]]:
    """The named doers of the violent acts the article tells with a doer ("Khan stabbed two
    people"; not "a man", "police", "ongoing violence", nor an act on no one: "he described the
    attacks")."""
    return [(ev.sentence_index, ev.source) for ev in events
            if ev.source is not None and ev.cameo.startswith(VIOLENT) and not ev.negated
            and ev.modality == "asserted" and not _agentless(ev) and _named(ev.source)
            and ev.target is not None and (ev.source.code or _key(ev.source) == GENERIC)]


def _dying(ev: Event, sent: Any) -> bool:
    """A death told by "died": of illness as often as of violence."""
    at = sent.start_char + int(ev.trigger.get("start") or 0)
    return any(t.idx == at and t.lemma_.lower() in DYING_VERBS for t in sent)


def _named(actor: Actor) -> bool:
    """An actor the text calls by a name ("Usman Khan", "the Assad regime") or as the attacker."""
    return _key(actor) == GENERIC or any(w[:1].isupper() and w.lower() not in _DETERMINERS
                                         for w in actor.text.split())


def _own_side(doer: Actor, target: Actor | None) -> bool:
    """The act's target is the attacker, the attacker's own soldiers ("790 Azerbaijani soldiers"),
    or of the country of an attacker that is a state's force (who fights for its own side)."""
    if target is None:
        return False
    if _key(target) == _key(doer):
        return True
    country = doer.country or (doer.code or "")[:3]
    own = bool(country) and target.country == country
    return own and (target.sector == "MIL" or doer.sector in _STATE)


def _names_another(sent: Any, doer: Actor) -> bool:
    """The act's sentence names a person or body that is not the attacker ("Hitta was among the
    group responsible for the attack"): another actor is set."""
    mine = {w.lower().strip(".,'’s") for w in f"{doer.text} {doer.name or ''}".split()}
    return any(ent.label_ in _OTHERS and not {t.lower_.strip(".,'’s") for t in ent} & mine for ent in sent.ents)


def _appositions(doc: Any, resolver: ActorResolver) -> list[tuple[int, Actor]]:
    """People an apposition calls the attacker ("the gunman, Brenton Tarrant", "Khan, the attacker",
    "the suspect Stefan W.")."""
    out: list[tuple[int, Actor]] = []
    for si, sent in enumerate(doc.sents):
        for tok in sent:
            if tok.pos_ != "NOUN" or tok.lemma_.lower() not in ATTACKER_NOUNS:
                continue
            name = _name_of(tok)
            if name is None:
                continue
            found = resolver.resolve(name, si, strict=False)
            if len(found) == 1:
                out.append((si, found[0]))
    return out


def _name_of(noun: Any) -> Any | None:
    """The name an attacker noun is set beside, in apposition either way or as a title."""
    if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
        return noun.head
    for child in noun.children:
        if child.dep_ in ("appos", "npadvmod") and child.pos_ == "PROPN":
            return child
    if noun.dep_ == "compound" and noun.head.pos_ == "PROPN":
        return noun.head
    return None


def _without_responses(named: list[tuple[int, Actor]], events: list[Event]) -> list[tuple[int, Actor]]:
    """Less the doers of acts done to an attacker ("Khan was shot dead by police")."""
    attackers = {_key(a) for _, a in named}
    responders = {_key(ev.source) for ev in events
                  if ev.source is not None and ev.target is not None and _key(ev.target) in attackers
                  and ev.cameo.startswith(VIOLENT)} - {GENERIC}
    return [(si, a) for si, a in named if _key(a) not in responders]


def _key(actor: Actor) -> str:
    """Who an actor is: its name, or one generic attacker for "a gunman", "the attacker"."""
    text = actor.text.lower().split()
    if text and text[-1].rstrip(".,") in ATTACKER_NOUNS | {n + "s" for n in ATTACKER_NOUNS} | {"gunmen"} \
            and all(w in _DETERMINERS for w in text[:-1]):
        return GENERIC
    return (actor.name or actor.text).lower() + "|" + (actor.code or "")

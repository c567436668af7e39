"""Word sense from context: which violent verbs tell a political event.

Named rules, each a class of sentences the verb dictionary reads as the wrong kind of
conflict:

- ``disaster``: "A tsunami killed 222 people", "floods hit parts of Japan": a violent event
  that no known actor did, in a sentence whose cause is a disaster or an accident
  (``lang/en/words/disaster_causes.txt``) and that names no violence
  (``violence_signs.txt``), is no political event.
- ``struck-by-disaster``: "an explosion ripped through a warehouse", "a plant explosion that
  devastated the town", "relief in earthquake hit areas": a violent verb whose own subject is a
  disaster or an accident (and names no violence: not "a bomb explosion"), or that a disaster
  word right before it makes a description ("quake-hit"), is no political event, whoever the
  sentence's parse made its source.
- ``unattributed-harm``: "Four children have died after being poisoned", "a storage bunker
  exploded": a death or an explosion with no doer, in a sentence that names no violence, is
  no political event (but "three civilians were killed" says that someone killed them).
- ``measure``: "sanctions target ten officials" (no event: the sanctions are coded where they
  are imposed), "Labour MPs attacked the Chancellor's budget" (a criticism, 111): a measure,
  a policy or a statement (``measure_nouns.txt``) is no weapon and no battlefield.
- ``political-attack``: "Labour MPs attacked the Chancellor", "I attack Michael Howard
  politically": a verb of fighting between political actors (government, legislators,
  parties, opposition, no armed side), or said to be done politically or verbally
  (``figurative_adverbs.txt``), with no violence named nearby is criticism (111).
- ``armed-clash``: "Rioters fought with law enforcement officials": a verb of fighting that the
  dictionary read as a dispute (11x) is violence (190) when a side is armed or rioting.
- ``arrest-verb``: "police and military arrested six members of parliament": a verb that only
  arrests (``arrest_verbs.txt``) tells an arrest (173), though a pattern of its dictionary block
  written for another verb ("&MILITARY *", for "troops took") read it as taking ground (192).
- ``taken-ground``: "Rebels seized the town", "troops captured Kabul airport": a verb of seizing
  (``seizing_verbs.txt``) whose object is ground (``ground_nouns.txt``, or a place's name) takes
  territory (192), not property (171) or a person (173).
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..lang import words
from ..models import Event
from ..nlp.docfacts import facts
from ..ontology.plover import to_plover
from . import clauses

VIOLENT_ROOTS = ("18", "19", "20")
# harm told without a doer that says nothing of one ("died", "exploded"; but "were killed" says
# someone killed them)
HARM_VERBS = words("harm_verbs")
CRITICISM = "111"  # CAMEO: criticize or denounce
FIGHTING = "190"  # CAMEO: use conventional military force
ARMED = ("MIL", "REB", "UAF", "INS", "COP", "SPY")  # sectors that carry arms
POLITICAL = ("GOV", "LEG", "PTY", "OPP", "ELI", "JUD")
SEIZED = ("171", "1711", "173", "181")  # what the dictionary makes of seizing: property, a person
OCCUPY = "192"  # CAMEO: occupy territory
ARREST = "173"  # CAMEO: arrest, detain
FIGHT_VERBS = "PHYSICAL_CONFLICT"  # the dictionary's block of attack, fight, clash, hit, strike ...


CONTEXT = 40  # tokens either side of the sentence that count as its context (a split sentence, a lead)


def _lemmas(sent: Any) -> set[str]:
    """Noun and verb lemmas of the sentence and the words around it."""
    toks = facts(sent.doc).tokens
    window = toks[max(0, sent.start - CONTEXT):min(len(toks), sent.end + CONTEXT)]
    return {t.lemma_.lower() for t in window if t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ")}


def _undone(ev: Event) -> bool:
    """Violence that no known actor did."""
    return ev.cameo[:2] in VIOLENT_ROOTS and not (ev.source and ev.source.code)


def _trigger(ev: Event, sent: Any) -> Any | None:
    start = sent.start_char + ev.trigger["start"]
    return next((t for t in facts(sent.doc).sentence_tokens(sent) if t.idx == start), None)


def _measure(tok: Any | None) -> bool:
    return tok is not None and tok.lemma_.lower() in words("measure_nouns")


def _aimed_with_measure(verb: Any) -> bool:
    """"sanctions target officials", "fresh sanctions ..., targeting 10 officials"."""
    subj, _ = clauses.subject_of(verb)
    return _measure(subj) or (verb.dep_ in ("acl", "advcl") and (_measure(verb.head)
                                                                 or _measure(clauses.object_of(verb.head))))


def _armed(ev: Event) -> bool:
    return any(a is not None and (a.sector in ARMED or "riot" in (a.text or "").lower()) for a in (ev.source, ev.target))


def _political(ev: Event) -> bool:
    sides = [a for a in (ev.source, ev.target) if a is not None]
    return bool(sides) and all(a.sector in POLITICAL or (a.sector is None and a.code is None) for a in sides) \
        and any(a.sector in POLITICAL for a in sides)


def _figurative(tok: Any | None) -> bool:
    """"attack him politically", "verbally attacked": a figure of speech."""
    return tok is not None and any(c.dep_ == "advmod" and c.lower_ in words("figurative_adverbs") for c in tok.children)


def _struck_by_disaster(ev: Event, tok: Any | None) -> bool:
    """"An explosion ripped through ...", "an explosion that devastated ...", "Earthquakes hit areas"
    (but not "an explosion killed five soldiers": armed men struck)."""
    if tok is None or ev.cameo[:2] not in VIOLENT_ROOTS:
        return False
    causes = words("disaster_causes")
    before = tok.doc[tok.i - 1] if tok.i > tok.sent.start else None
    if before is not None and before.text == "-" and tok.i - 2 >= tok.sent.start:
        before = tok.doc[tok.i - 2]
    if before is not None and before.pos_ == "NOUN" and before.lemma_.lower() in causes and before.head.i != tok.i:
        return True  # ("earthquake hit areas", "flood-hit villages": a description of the place)
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.lower_ in ("that", "which") and tok.dep_ == "relcl":
        subj = tok.head
    if subj is None or subj.lemma_.lower() not in causes or (ev.target is not None and ev.target.sector in ARMED):
        return False
    return not any(t.lemma_.lower() in words("violence_signs") for t in subj.subtree)


def _recode(ev: Event, code: str, why: str) -> Event:
    return replace(ev, cameo=code, plover=to_plover(code, None), rule=f"{ev.rule} ({why}: {code})",
                   trace=[*ev.trace, f"sense:{why}"])


def armed_or_political(events: list[Event], sent: Any) -> list[Event]:
    """The ``political-attack`` and ``armed-clash`` rules on the events of a sentence."""
    fights = [ev for ev in events if ev.rule.startswith(FIGHT_VERBS)]
    if not fights:
        return events
    violent = bool(_lemmas(sent) & (words("violence_signs") - words("fight_verbs")))
    out = []
    for ev in events:
        if ev.rule.startswith(FIGHT_VERBS) and ev.cameo[:2] in VIOLENT_ROOTS and not violent \
                and not _armed(ev) and (_political(ev) or _figurative(_trigger(ev, sent))):
            ev = _recode(ev, CRITICISM, "political-attack")
        elif ev.rule.startswith(FIGHT_VERBS) and ev.cameo[:2] == "11" and _armed(ev):
            ev = _recode(ev, FIGHTING, "armed-clash")
        out.append(ev)
    return out


def taken_ground(events: list[Event], sent: Any) -> list[Event]:
    """The ``taken-ground`` and ``arrest-verb`` rules on the events of a sentence."""
    out = []
    for ev in events:
        tok = _trigger(ev, sent) if ev.cameo in SEIZED or ev.cameo[:2] == "19" else None
        lemma = tok.lemma_.lower() if tok is not None else ""
        if tok is not None and ev.cameo in SEIZED and lemma in words("seizing_verbs") \
                and _ground(clauses.object_of(tok)):
            ev = _recode(ev, OCCUPY, "taken-ground")
        elif ev.cameo[:2] == "19" and lemma in words("arrest_verbs"):
            ev = _recode(ev, ARREST, "arrest-verb")
        out.append(ev)
    return out


def _ground(obj: Any | None) -> bool:
    """"the town", "a strategic air base", "Kabul": ground that forces take."""
    return obj is not None and (obj.lemma_.lower() in words("ground_nouns") or obj.ent_type_ in ("GPE", "LOC", "FAC"))


def accidental(events: list[Event], sent: Any) -> list[Event]:
    """``events`` after the sense rules of this module."""
    events = taken_ground(armed_or_political(events, sent), sent)
    if not any(ev.cameo[:2] in VIOLENT_ROOTS for ev in events):
        return events
    events = [ev for ev in events if not _struck_by_disaster(ev, _trigger(ev, sent))]  # struck-by-disaster
    lemmas = _lemmas(sent)
    violent = bool(lemmas & words("violence_signs")) or any(_armed(ev) for ev in events)
    out = []
    for ev in events:
        tok = _trigger(ev, sent) if ev.cameo[:2] in VIOLENT_ROOTS else None
        if _undone(ev) and not violent and (lemmas & words("disaster_causes")
                                            or (tok is not None and tok.lemma_.lower() in HARM_VERBS)):
            continue  # disaster / unattributed-harm
        if tok is not None and tok.pos_ == "VERB" and _aimed_with_measure(tok):
            continue  # measure: the sanctions are the event, coded where they are imposed
        if tok is not None and tok.pos_ == "VERB" and _measure(clauses.object_of(tok)) and not violent:
            ev = _recode(ev, CRITICISM, "measure")
        out.append(ev)
    return out

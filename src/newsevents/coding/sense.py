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
  exploded", "the mayor was found dead": a death or an explosion with no doer, in a sentence that names no violence, is
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
- ``met-goal``: "cooperation to meet the global challenges", "the deadline was not met", "the plan
  was met with protests": meeting a goal, a need or a deadline (``goal_nouns.txt``), or being met
  with a reception (``reception_nouns.txt``), is no meeting (04x); a call, demand, intent or refusal
  framing it ("called on X to meet its commitments", 026) stands as the general one (020).
- ``dismissal``: "fired the prosecutor", "the minister was sacked", "dismissed from his post": a verb
  that removes someone from a post (``dismissal_verbs.txt``) whose object is a person (a name or a
  post, ``post_nouns.txt``) is no assault and no rejection (no CAMEO event); "fired on protesters",
  "fired rockets", "dismissed the claims" stay.
- ``electoral-defeat``: "defeat Trump in November", "beat the incumbent", "the bill was defeated",
  "defeat the pandemic": defeating in a contest (``contest_nouns.txt``), a measure or an illness
  (``illness_nouns.txt``), by no armed side, is no assault.
- ``natural-death``: "died in hospital", "died after a long illness", "X died. He was aged 84": a
  death with no doer whose own clause names an illness, age or hospital (``illness_nouns.txt``) and
  no wound (``injury_nouns.txt``) or weapon, or whose sentence names no violence while the words
  around it name an illness and no wound, is no violence (whatever else the words around it name);
  so is "died of his injuries in hospital" where the words around it tell an accident
  (``accident_nouns.txt``: a road collision, a crash) and nothing around it names a weapon or an attack.
- ``fought-problem``: "combat COVID-19", "fight corruption", "counter disinformation", "fight for
  workers' rights": fighting (``combating_verbs.txt``) a problem (``problem_nouns.txt``), an illness or a
  disaster, or fighting for a cause where no violence is named and no side is armed, is no violence.
- ``published``: "released a summary of the call", "released its annual report": releasing a
  document or a publication (``document_nouns.txt``, ``publication_nouns.txt``) is publishing it, no
  release of persons or property (084) and no event by itself.
- ``failed``: "failed to capture the town", "have failed on all fronts": failing is no refusal (12x)
  (but failing to agree, meet, cooperate or give, "failed to reach agreement", is).
- ``view-stated``: "argued that the law is unfair", "contends that the vote was rigged": a verb of
  disagreement (``contention_verbs.txt``) with only a that-clause, told as the main act of its
  clause, states a view (010); "argued with the minister", "criticized X, arguing ..." stay 11x.
- ``removed-thing``: "removed various items", "work to remove trade barriers": removing
  (``removal_verbs.txt``) what resolves to no actor expels no one (174, also as a framed act).
- ``helped-act``: "helped broker a deal", "has helped bring smugglers to justice", "helped to host the
  exercise": helping (``helping_verbs.txt``) with a verb of its own and no one helped tells a part in
  that verb's act (coded by that verb, if it is one), no aid (07x); "helps Gondor rebuild", "will help
  Rohan defend its border", "helped with the inquiry" stay aid, "committed to helping achieve peace" an intent.
- ``punished-doers``: "the arrests and sentencings of peaceful protesters", "sentenced 500 protesters",
  "journalists, organizers and peaceful protesters": people named by a protest (``noun_events.tsv``
  agents) whom the sentence punishes (``punishment_words.txt``) or only lists among other people are
  actors, no protest (but "police fired tear gas at protesters": a protest met with force).
- ``stance-gerund``: "favored expanding trade with Gondor", "opposed ending the programme", "we support
  allowing observers in": what someone takes a side on (``stance_verbs.txt``) doing is a position
  (the stance verb's own event), no act of its own.
- ``matter-described``: "the facts and circumstances surrounding the murder", "information leading to the
  arrest of ...": an "-ing" participle that describes a matter of knowledge (``matter_nouns.txt``) tells
  what the matter is about, no act (no encircling, no arrest).
- ``measure`` also takes "targeted ... with sanctions", "These designations target ...": targeting
  (``targeting_verbs.txt``) in a sentence of sanctions (``sanction_words.txt``) with no weapon in its
  clause, or with no violence in its clause and no armed side, is no assault.

Descriptions, plans and positions (``described``), sentences that describe, plan or argue and
report no discrete act:

- ``ranking``: "has long been the largest donor to the fund", "was the first president to refuse
  to do so": a standing among others after "be" (a superlative, ``ranking_words.txt``, or an
  adverb of how things stand, ``standing_adverbs.txt``) is no act.
- ``condition``: "is generally less affected by violence", "harassment of reporters continues
  with impunity": violence named as a condition (``condition_participles.txt``) or going on in the
  simple present (``persistence_verbs.txt``) is no event; a title's present and the past stay.
- ``role``: "serves as coordinator for all attacks", "is responsible for numerous attacks": acts of
  a kind (a plural with no definite determiner) in a role after "be" or "as" are no event.
- ``involvement``: "is reportedly involved in looting": no comment, and the conduct described in
  the present is no act.
- ``cumulative-toll``: "Around 20,000 people were killed in the war", "have been killed since the
  fighting began": a number of victims over a conflict or years (``conflict_span_nouns.txt``) or
  since a time is no discrete act (a sentence that names a day or an hour tells one).
- ``programme-plan``: "will also seek to close the gap by increasing access to training", "will
  invest in building an evidence base": future or aimed (``aspiration_verbs.txt``) work on an
  abstract object (``programme_object_nouns.txt``, ideals, goals, problems) with no actor acted
  upon is no event; trips and talks planned (036) and acts on a named actor stay intents.
- ``position``: "the group wants foreign troops to leave": what one wants others to do, in the
  present, is a standing position.
- ``poll-trend``: "improved his standing among older voters" (``standing_nouns.txt``).
- ``founding-purpose``: "co-founded the party to oppose military rule" (``founding_verbs.txt``).
- ``taken-to-care``: "was flown to a hospital", "was evacuated to a hospital", "flew him to the Medical
  Center" (``care_place_nouns.txt``, ``care_place_modifiers.txt``): medical transport, no visit and no aid.
- ``thing-described``: "The Water Program helps local authorities identify outbreaks", "Articles IV
  and V of the Accord play key roles in preventing ...", "The Guidance defines three objectives: ...
  expand prosperity", "it truly highlights the importance of ...": what a programme, fund, text or
  document (``programme_nouns.txt``, ``text_nouns.txt``, a thing as agent) or "it" does in the simple
  present, up through infinitives, objects and phrases, is what it does as a rule (a named actor's
  present, the past and what is reported stay).
- ``standing-claim``: "has always claimed it has public support" (``standing_claim_adverbs.txt``).
- ``law-purpose``: "an amendment to allow the authorities to extradite anyone"
  (``proposal_nouns.txt``, ``legal_instrument_nouns.txt``): what a rule would allow is hypothetical.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ..lang import words
from ..models import Event
from ..nlp.docfacts import facts
from ..ontology.plover import to_plover
from . import clauses, noun_events

VIOLENT_ROOTS = ("18", "19", "20")
# harm told without a doer that says nothing of one ("died", "exploded"; but "were killed" says
# someone killed them)
HARM_VERBS = words("harm_verbs")
FINDING_VERBS = words("finding_verbs")  # ("was found dead": a death told without a doer)
DEATH_STATES = words("death_states")
CRITICISM = "111"  # CAMEO: criticize or denounce
STATEMENT = "010"  # CAMEO: make statement
FIGHTING = "190"  # CAMEO: use conventional military force
ARMED = ("MIL", "REB", "UAF", "INS", "COP", "SPY")  # sectors that carry arms
POLITICAL = ("GOV", "LEG", "PTY", "OPP", "ELI", "JUD")
SEIZED = ("171", "1711", "173", "181")  # what the dictionary makes of seizing: property, a person
RELEASE = "084"  # CAMEO: return, release (persons, property)
EXPULSION = "174"  # CAMEO: expel or deport individuals
THREAT_OF_FORCE = "138"  # CAMEO: threaten with military force ("will fight" framed by "will")
OCCUPY = "192"  # CAMEO: occupy territory
ARREST = "173"  # CAMEO: arrest, detain
AID_ROOT = "07"  # CAMEO: provide aid
# the framed act's own code in a rule ("REACH * &TREATY [032] framed by 'failed' [120]")
FRAMED_CODE = re.compile(r"\[(\d+)\] framed by")
COOPERATIVE_ROOTS = ("03", "04", "05", "06", "07", "08")  # agree, consult, cooperate, aid, yield
FRAMING_ROOTS = ("02", "03", "10", "12")  # appeal, intent, demand, refusal: what a frame makes of a framed act
MEET_VERBS = "MEET_PEOPLE"  # the dictionary's block of meet, meet with
FIGHT_VERBS = "PHYSICAL_CONFLICT"  # the dictionary's block of attack, fight, clash, hit, strike ...


CONTEXT = 40  # tokens either side of the sentence that count as its context (a split sentence, a lead)


def _lemmas(sent: Any) -> set[str]:
    """Noun and verb lemmas of the sentence and the words around it, but for who reports ("police
    said": a reporter names no violence)."""
    toks = facts(sent.doc).tokens
    window = toks[max(0, sent.start - CONTEXT):min(len(toks), sent.end + CONTEXT)]
    return {t.lemma_.lower() for t in window if t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ") and not _reporter(t)}


def _reporter(tok: Any) -> bool:
    """The subject of a verb of reporting ("police said", "officials reported")."""
    return tok.dep_ == "nsubj" and tok.head.lemma_.lower() in clauses.REPORTING


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


def _code(actor: Any) -> str | None:
    return actor.code if actor is not None else None


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


def _said(tok: Any) -> set[str]:
    """Lemmas and lower-case forms of a token ("SDGs" has no lemma the list could name)."""
    return {tok.lemma_.lower(), tok.lower_}


def _clause_lemmas(tok: Any, but_object: bool = False) -> set[str]:
    """Lemmas of a verb's own clause: its subtree, its subject's, and the noun a participle
    or relative clause describes ("missiles targeting troops", "attack planning that targeted ...");
    ``but_object``: not the words of its object ("the suppliers of Russia's war effort": whom, not with what)."""
    toks = list(tok.subtree)
    subj, _ = clauses.subject_of(tok)
    if subj is not None:
        toks += list(subj.subtree)
    if tok.dep_ in ("acl", "relcl"):
        toks += [tok.head, *(c for c in tok.head.children if c.dep_ in ("compound", "amod"))]
    obj = clauses.object_of(tok) if but_object else None
    if obj is not None:
        toks = [t for t in toks if not (obj.left_edge.i <= t.i <= obj.right_edge.i)]
    return {t.lemma_.lower() for t in toks}


def _sentence_lemmas(sent: Any) -> set[str]:
    return {t.lemma_.lower() for t in sent}


def _met_goal(ev: Event, tok: Any) -> bool:
    """"to meet the global challenges", "meet one of the greatest challenges", "the deadline was
    not met", "the plan was met with protests": no meeting."""
    if not (ev.cameo[:2] == "04" or ev.rule.startswith(MEET_VERBS)) or tok.lemma_.lower() != "meet":
        return False  # (a meeting framed as demanded or intended is the dictionary's meeting still)
    obj = clauses.object_of(tok)
    if obj is not None and obj.pos_ in ("NUM", "PRON"):  # "one of the challenges": what it is one of
        obj = next((g for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                    for g in p.children if g.dep_ == "pobj"), obj)
    if obj is not None and _said(obj) & words("goal_nouns"):
        return True
    return clauses.is_passive(tok) and any(g.lemma_.lower() in words("reception_nouns") for p in tok.children
                                           if p.dep_ == "prep" and p.lower_ == "with" for g in p.children)


def _removed_from_post(ev: Event, tok: Any) -> bool:
    """"fired the prosecutor", "was dismissed from being a minister", "have the prosecutor fired"."""
    if tok.lemma_.lower() not in words("dismissal_verbs") or ev.cameo[:2] not in (*VIOLENT_ROOTS, "12"):
        return False
    one = clauses.object_of(tok)
    if one is None and tok.dep_ in ("ccomp", "xcomp") and tok.head.lemma_.lower() in ("have", "get"):
        # "to have a prosecutor fired": the small clause's subject, or the causative's object
        one = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None) or clauses.object_of(tok.head)
    return one is not None and (one.ent_type_ == "PERSON" or bool(_said(one) & words("post_nouns")))


def _contest_won(ev: Event, tok: Any, sent: Any) -> bool:
    """"defeat Trump in November", "beat the incumbent", "defeat the bill", "defeat COVID-19"."""
    if ev.cameo[:2] not in VIOLENT_ROOTS or tok.lemma_.lower() not in words("winning_verbs") or _armed(ev):
        return False
    obj = clauses.object_of(tok)
    if obj is not None and _said(obj) & (words("illness_nouns") | words("measure_nouns")):
        return True
    signs = words("violence_signs") - {tok.lemma_.lower()}
    if _clause_lemmas(tok) & signs:
        return False  # ("defeated the rebels in fierce fighting before the vote")
    lemmas = _sentence_lemmas(sent)
    return bool(lemmas & words("contest_nouns")) or (_political(ev) and not lemmas & signs)


def _natural_death(ev: Event, tok: Any, sent: Any) -> bool:
    """"died in hospital", "died after a long battle with cancer", "families of all who died"
    (but "died of his wounds in hospital", "died in the attack")."""
    if not _undone(ev) or tok.lemma_.lower() not in words("dying_verbs"):
        return False
    own = {t.lemma_.lower() for t in tok.subtree}
    if own & words("injury_nouns") and _accident_injuries(own, sent):
        return True
    if own & (words("injury_nouns") | words("weapon_nouns")):
        return False
    if own & words("illness_nouns"):
        return True
    if _sentence_lemmas(sent) & (words("violence_signs") | words("victim_nouns") | words("injury_nouns")):
        return False
    around = _lemmas(sent)  # "X died. He was aged 84.": the illness or age told next to the death
    return bool(around & words("illness_nouns")) and not around & words("injury_nouns")


def _accident_injuries(own: set[str], sent: Any) -> bool:
    """"He died of his injuries in hospital" after a road collision told around it: injuries of an
    accident (``accident_nouns.txt``), where neither the clause, its sentence nor the words around it
    name a weapon or an attack (``assault_nouns.txt``; around it, as a noun) (but "died of his injuries after the bombing", "shot in the crash")."""
    signs = words("violence_signs") | words("weapon_nouns")
    if own & signs or _sentence_lemmas(sent) & signs:
        return False
    toks = facts(sent.doc).tokens  # (around it, a weapon or an attack named; "struck by a car" is no sign)
    window = toks[max(0, sent.start - CONTEXT):min(len(toks), sent.end + CONTEXT)]
    named = {t.lemma_.lower() for t in window if t.pos_ in ("NOUN", "PROPN")}
    return bool(_lemmas(sent) & words("accident_nouns")) and not named & (words("weapon_nouns") | words("assault_nouns"))


def _force_or_its_threat(ev: Event) -> bool:
    """Violence, or violence a frame made a threat of ("will continue to target": 138)."""
    return ev.cameo[:2] in VIOLENT_ROOTS or ev.cameo == THREAT_OF_FORCE


def _aimed_without_force(ev: Event, tok: Any, sent: Any) -> bool:
    """"target the network with sanctions", "Targeting Russian state-owned enterprises" (but
    "missiles targeting troops", "an attack targeting civilians")."""
    if not _force_or_its_threat(ev) or tok.lemma_.lower() not in words("targeting_verbs"):
        return False
    clause = _clause_lemmas(tok, but_object=True)
    if clause & (words("weapon_nouns") | words("injury_nouns")):
        return False
    if _sentence_lemmas(sent) & words("sanction_words"):
        return True
    return not clause & words("violence_signs") and not _armed(ev)


def _fought_problem(ev: Event, tok: Any, sent: Any) -> bool:
    """"combat COVID-19", "fight corruption", "counter disinformation", "fight for workers"
    (but "troops fought the rebels", "fight against the invasion")."""
    if not _force_or_its_threat(ev) or tok.lemma_.lower() not in words("combating_verbs"):
        return False
    against = [g for p in tok.children if p.dep_ == "prep" and p.lower_ == "against"
               for g in p.children if g.dep_ == "pobj"]
    fought = clauses.object_of(tok) or next(iter(against), None)
    if fought is not None:
        return bool(_said(fought) & (words("problem_nouns") | words("illness_nouns") | words("disaster_causes")))
    for_cause = any(p.dep_ == "prep" and p.lower_ == "for" for p in tok.children)
    return for_cause and not _armed(ev) \
        and not _sentence_lemmas(sent) & (words("violence_signs") - words("fight_verbs") - words("combating_verbs"))


def _released_thing(tok: Any) -> Any:
    """What a verb of releasing releases: its object; for a pronoun, the object of the verb it is
    joined to ("obtained the letters and released them": the letters); in a headline whose parse hung
    the object as an apposition ("U.S. releases Section 353 List"), that noun."""
    obj = clauses.object_of(tok)
    if obj is not None and obj.pos_ == "PRON" and tok.dep_ == "conj":
        return clauses.object_of(tok.head) or obj
    if obj is None:
        return next((c for c in tok.children if c.dep_ == "appos" and c.i > tok.i), None)
    return obj


def _published(ev: Event, tok: Any) -> bool:
    """"released a summary of the call", "released its first public report", "released the list",
    "obtained the letters and released them" (but "released the prisoners", "was released from
    jail", "arrested 20 protesters and released them")."""
    if not ev.cameo.startswith(RELEASE) or tok.lemma_.lower() != "release":
        return False
    obj = _released_thing(tok)
    return obj is not None and bool(_said(obj) & (words("document_nouns") | words("publication_nouns")))


def _failed(ev: Event, tok: Any) -> bool:
    """"have failed on all fronts", "failed to win any seats", "failed to capture the town": failing
    is no refusal (12x), what failed did not happen; but failing to agree, meet, cooperate or give
    ("failed to reach agreement", framed from 03x-08x) is the refusal CAMEO codes."""
    if ev.cameo[:2] != "12":
        return False
    if tok.lemma_.lower() == "fail":
        return True
    framed = FRAMED_CODE.search(ev.rule)
    return tok.dep_ == "xcomp" and tok.head.lemma_.lower() == "fail" \
        and not (framed is not None and framed.group(1)[:2] in COOPERATIVE_ROOTS)


def _removed_thing(ev: Event, tok: Any) -> bool:
    """"removed various items from the flat", "remove trade barriers", "after removing his
    microphone": removing what is no actor expels no one (but "removed the governor", "the
    legislators were removed": 174 stays)."""
    framed = FRAMED_CODE.search(ev.rule)
    act = framed.group(1) if framed is not None else ev.cameo
    return act.startswith(EXPULSION) and tok.lemma_.lower() in words("removal_verbs") and _code(ev.target) is None


def _helped_act(ev: Event, tok: Any) -> bool:
    """"helped broker a deal", "helped to host the exercise", "will help catalyze investment": a part
    in the complement's act, no aid (but "helps Panama attract investment", "help the people of Gondor
    to rebuild": whoever the help is for is helped; "helped with the inquiry"; "spent $2 billion on
    helping to resettle refugees": money spent on help is aid; and a help a frame
    made an intent, "is committed to helping achieve peace" (03x), stays that intent)."""
    if ev.cameo[:2] != AID_ROOT or tok.lemma_.lower() not in words("helping_verbs") \
            or any(c.dep_ in ("dobj", "dative", "iobj") for c in tok.children):
        return False
    if tok.dep_ == "pcomp" and tok.head.head.lemma_.lower() in words("spending_verbs"):
        return False  # ("spent 23 billion euros on helping to integrate refugees": money's help is aid)
    return any(c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB" and not any(
        g.dep_ in clauses.SUBJECT_DEPS for g in c.children) for c in tok.children)


def _view_stated(ev: Event, tok: Any) -> bool:
    """"argued that the law is unfair", "contends that the vote was free": a view stated, with no
    one argued with (but "argued with the minister", "argued against the plan", and "criticized
    the plan, arguing that ...": the argument of another act keeps that act's sense)."""
    if ev.cameo[:2] != "11" or tok.lemma_.lower() not in words("contention_verbs") \
            or tok.dep_ in ("advcl", "conj", "xcomp"):
        return False
    return any(c.dep_ == "ccomp" for c in tok.children) and not any(
        c.dep_ in ("dobj", "dative") or (c.dep_ == "prep" and c.lower_ in ("with", "against")) for c in tok.children)


MET_WITH_FORCE = "(noun:met-with-force)"  # the noun-event rule of people met with force
LIST_OF_KINDS = 3  # kinds of people listed that make an enumeration ("between police and protesters" is two sides)


def _governor_of_noun(tok: Any) -> Any:
    """The word a noun's phrase hangs on, past lists and counts: "the arrests of journalists and
    protesters" → arrests; "sentenced hundreds of protesters" → sentenced."""
    for _ in range(6):
        if tok.dep_ == "conj":
            tok = tok.head
        elif tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.i != tok.head.i:
            gov = tok.head.head
            if gov.lemma_.lower() not in words("collective_nouns"):
                return gov
            tok = gov
        else:
            break
    return tok.head if tok.dep_ in ("dobj", "nsubjpass") else tok


def _punished_doers(ev: Event, tok: Any) -> bool:
    """"the arrests of peaceful protesters", "sentenced 500 protesters", "journalists, organizers
    and peaceful protesters": those punished or listed, no protest (but "fired tear gas at protesters",
    "clashes between police and protesters", "detained protesters during a protest": a protest told)."""
    act = noun_events.act_of(tok, noun_events.default_acts())
    if MET_WITH_FORCE not in ev.rule or act is None or not act.agent \
            or _sentence_lemmas(tok.sent) & (words("crowd_act_nouns") | words("protest_verbs")):
        return False  # ("detained protesters during a protest": the protest is told)
    head = tok
    while head.dep_ == "conj" and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head
    if sum(1 for t in head.subtree if t.dep_ == "conj" and t.pos_ in ("NOUN", "PROPN")) >= LIST_OF_KINDS - 1:
        return True  # (a list of kinds of people, "journalists, organizers and protesters": actors, not acts)
    gov = _governor_of_noun(tok)
    return gov.i != tok.i and (gov.lemma_.lower() in words("punishment_words") or gov.lower_ in words("punishment_words"))


def _stance_gerund(tok: Any) -> bool:
    """"favored expanding trade", "opposed ending the programme": a policy favored, no act."""
    return tok.tag_ == "VBG" and tok.dep_ in ("xcomp", "dobj", "ccomp") and tok.head.pos_ == "VERB" \
        and not any(c.dep_ in clauses.SUBJECT_DEPS for c in tok.children) \
        and bool(_said(tok.head) & words("stance_verbs"))


def _matter_described(tok: Any) -> bool:
    """"the facts surrounding the murder", "information leading to the arrest of X": what a matter
    is about, no act."""
    return tok.tag_ == "VBG" and tok.dep_ == "acl" and bool(_said(tok.head) & words("matter_nouns"))


def _other_sense(ev: Event, tok: Any, sent: Any) -> bool:
    """The verb in another sense than the dictionary's: a goal met, a post lost, a contest won, a
    natural death, a target of sanctions, a problem fought, a document released, a failure, a
    thing removed."""
    return _met_goal(ev, tok) or _removed_from_post(ev, tok) or _contest_won(ev, tok, sent) \
        or _natural_death(ev, tok, sent) or _aimed_without_force(ev, tok, sent) \
        or _fought_problem(ev, tok, sent) or _published(ev, tok) or _failed(ev, tok) or _removed_thing(ev, tok)


def _no_act_of_its_own(ev: Event, tok: Any) -> bool:
    """The word tells a part in another act, a person, a position or a matter, no act: the
    ``helped-act``, ``punished-doers``, ``stance-gerund`` and ``matter-described`` rules."""
    return _helped_act(ev, tok) or _punished_doers(ev, tok) or _stance_gerund(tok) or _matter_described(tok)


def verb_sense(events: list[Event], sent: Any) -> list[Event]:
    """The ``met-goal``, ``view-stated``, ``dismissal``, ``electoral-defeat``, ``natural-death``, ``fought-problem``,
    ``published``, ``failed``, ``removed-thing``, ``helped-act``, ``punished-doers``, ``stance-gerund``, ``matter-described`` and ``measure`` (targeting) rules: events whose verb the sentence uses in another sense."""
    out = []
    for ev in events:
        tok = _trigger(ev, sent)
        if tok is not None and _met_goal(ev, tok) and ev.cameo[:2] in FRAMING_ROOTS:
            # "call on the government to meet its commitments": the call stands, of no meeting
            # (once: not beside the same call framing another act of the sentence)
            if not any(o is not ev and o.cameo[:2] == ev.cameo[:2] and _code(o.source) == _code(ev.source)
                       for o in events):
                out.append(_recode(ev, ev.cameo[:2] + "0", "met-goal"))
            continue
        if tok is not None and _view_stated(ev, tok):
            out.append(_recode(ev, STATEMENT, "view-stated"))
            continue
        if tok is not None and (_other_sense(ev, tok, sent) or _no_act_of_its_own(ev, tok)):
            continue
        out.append(ev)
    return out


# ---------------------------------------------------------------------------------------------
# Descriptions, plans and positions: sentences that describe, plan or argue, and report no act.

TITLE_INDEX = -1  # the sentence_index of a title's events (a headline's present tells a past act)
DEFINITE = ("the", "this", "that", "these", "those")
PLAN_ROOTS = ("03", "05", "06", "07", "08", "13", "15", "16", "17", "18", "19", "20")
PLANNED_MEETING = ("036", "039")  # intents to meet or to mediate stay intents (a trip, talks)
PRESENT = ("VBZ", "VBP")
HOSTILE_ROOTS = ("13", "15", "16", "17", "18", "19", "20")


def _present(verb: Any) -> bool:
    """The simple present or present perfect: "continues", "is affected", "has long been"."""
    return verb.tag_ in PRESENT or any(c.dep_ in ("aux", "auxpass") and c.tag_ in PRESENT for c in verb.children)


def _as_a_rule(verb: Any) -> bool:
    """"has long been", "is generally less affected": an adverb of how things stand."""
    return any(c.dep_ == "advmod" and c.lower_ in words("standing_adverbs") for c in verb.children)


def _ranked(noun: Any) -> bool:
    """"the largest donor", "the first president", "the most generous contributor"."""
    return any(t.i < noun.i and (t.tag_ in ("JJS", "RBS") or t.lower_ in words("ranking_words"))
               for t in noun.subtree)


def _ranking(tok: Any) -> bool:
    """"The kingdom has long been the largest donor to the fund" (070), "was the first president to
    refuse to do so" (120): a standing among others, no act (but "was elected the first president")."""
    if tok.lemma_.lower() == "be":
        attr = next((c for c in tok.children if c.dep_ == "attr"), None)
        return _as_a_rule(tok) or (attr is not None and _ranked(attr))
    head = tok
    for _ in range(3):
        if _describes_its_noun(head) and head.head.dep_ == "attr" and head.head.head.lemma_.lower() == "be":
            return _ranked(head.head)
        if head.dep_ not in ("xcomp", "conj") or head.head.i == head.i:
            return False
        head = head.head
    return False


def _describes_its_noun(clause: Any) -> bool:
    """"the first president to refuse", "the only country that sent troops": a clause whose subject
    is the noun it hangs on (not "the deadliest attack since 2005, when bombers killed 52 people")."""
    if clause.dep_ not in ("acl", "relcl"):
        return False
    return any((c.dep_ == "aux" and c.lower_ == "to") or (c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP"))
               for c in clause.children)


def _first_conjunct(tok: Any) -> Any:
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _condition(ev: Event, tok: Any) -> bool:
    """"The port is generally less affected by violence than the north", "harassment of reporters
    continues with impunity": violence named as a standing condition, no act (but "Violence
    continued through the evening": the past tells what happened)."""
    if tok.pos_ not in ("NOUN", "PROPN") or ev.sentence_index == TITLE_INDEX:
        return False
    noun = _first_conjunct(tok)
    if noun.dep_ == "pobj" and noun.head.lower_ == "by":
        part = noun.head.head
        return _said(part) & words("condition_participles") != set() and (
            _present(part) or _present(part.head) or _as_a_rule(part)
            or any(c.dep_ == "advmod" and c.tag_ == "RBR" for c in part.children))
    verb = noun.head  # (conduct towards a kind of people, "violence against journalists continues"; but
    # "protests continue in the capital", "fierce fighting continues to rage": acts going on)
    return noun.dep_ == "nsubj" and verb.tag_ in PRESENT and verb.lemma_.lower() in words("persistence_verbs") \
        and _towards_a_kind(noun)


def _towards_a_kind(noun: Any) -> bool:
    """"harassment of reporters", "violence and pressure against journalists": conduct towards a
    kind of people (a plural with no definite determiner), not one act."""
    return any(p.dep_ == "prep" and p.lower_ in ("of", "against", "on", "towards", "toward") and any(
        g.dep_ == "pobj" and _generic(g) for g in p.children) for p in noun.subtree)


def _generic(noun: Any) -> bool:
    """"all attacks", "numerous attacks", "attacks": acts as a kind, none in particular."""
    return noun.tag_ in ("NNS", "NNPS") and not any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE) for c in noun.children)


def _role(ev: Event, tok: Any) -> bool:
    """"serves as the coordinator for all attacks by the group", "is the group's liaison for all
    attacks": a post someone holds over acts of a kind, no act (but "claimed the attack"; and "is
    responsible for mass killings" tells the killings)."""
    if tok.lemma_.lower() == "be":  # ("is the coordinator for attacks" coded on "is")
        nouns = [g for c in tok.children if c.dep_ == "attr" for p in c.children
                 if p.dep_ == "prep" and p.lower_ == "for" for g in p.children if g.dep_ == "pobj"]
        return any(_generic(g) for g in nouns)
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ != "pobj" or tok.head.lower_ != "for" or not _generic(tok):
        return False  # (not "was one of several rallies")
    holder = tok.head.head
    if holder.dep_ == "attr":
        return holder.head.lemma_.lower() == "be"
    return holder.dep_ == "pobj" and holder.head.lower_ == "as" \
        and holder.head.head.lemma_.lower() in words("role_verbs")  # (not "as a result of attacks")


def _involvement(tok: Any) -> bool:
    """"The militia is reportedly involved in looting": being involved tells a part in acts as a
    rule, no comment (012) and no act of its own; what it is involved in, told in the present, is
    a description of conduct (but "was involved in the attack", "have been involved in suppressing
    the protests" tell those acts)."""
    if tok.lemma_.lower() == "involve" and tok.tag_ == "VBN":  # (but "was involved in the fighting": that fighting)
        acts = [g for p in tok.children if p.dep_ == "prep" and p.lower_ == "in" for g in p.children
                if g.dep_ in ("pcomp", "pobj")]
        return bool(acts) and _present(tok) and not any(_told_act(g) for g in acts)
    act = _first_conjunct(tok)
    if act.dep_ not in ("pcomp", "pobj") or act.head.lower_ != "in" or _told_act(act):
        return False  # ("have been involved in suppressing the protests": those protests, an act)
    part = act.head.head
    return part.lemma_.lower() == "involve" and part.tag_ == "VBN" and _present(part)


def _told_act(act: Any) -> bool:
    """"the fighting", "suppressing the protests": a definite act, or one on a definite object."""
    thing = clauses.object_of(act) if act.pos_ == "VERB" else act
    return thing is not None and any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE)
                                     for c in thing.children)


TOLL_SIZE = 100  # victims counted over a span: fewer tell strikes one can follow ("killed eight leaders since July")


def _number_in(tok: Any) -> bool:
    """A toll of at least ``TOLL_SIZE``: "Around 20,000 people", "thousands of civilians"."""
    for t in tok.subtree:
        if t.ent_type_ in ("DATE", "TIME"):
            continue
        if t.lemma_.lower() in ("hundred", "thousand", "million") and t.tag_ in ("NNS", "CD"):
            return True
        digits = t.text.replace(",", "")
        if t.tag_ == "CD" and digits.isdigit() and int(digits) >= TOLL_SIZE:
            return True
    return False


def _victims_counted(verb: Any) -> bool:
    """A number of victims: "Around 20,000 people were killed", "killed more than 1,700 people"."""
    return any(c.dep_ in ("nsubjpass", "dobj") and c.pos_ in ("NOUN", "PROPN", "NUM") and _number_in(c)
               for c in verb.children)


def _over_a_span(verb: Any) -> bool:
    """"in the war", "during the conflict", "over the years", "since the coup", "since 2015"."""
    span = words("conflict_span_nouns")
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "since":
            return True
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in c.children):
            return True
        if c.dep_ == "prep" and c.lower_ in ("in", "during", "throughout", "over") and any(
                g.dep_ == "pobj" and _said(g) & span for g in c.children):
            return True
    return False


def _cumulative_toll(ev: Event, tok: Any) -> bool:
    """"Around 20,000 people were killed in the war", "more than 4,000 civilians have been killed
    since the fighting began": a toll counted over a conflict or years, no discrete act (but "12
    soldiers were killed in fighting on Monday": the day tells one)."""
    if ev.cameo[:2] not in VIOLENT_ROOTS or tok.pos_ != "VERB":
        return False
    if any(t.ent_type_ == "TIME" or t.lower_ in words("weekdays") or t.lower_ in ("yesterday", "today", "tonight")
           for t in tok.sent):
        return False
    return _victims_counted(tok) and _over_a_span(tok)


def _aimed_at(tok: Any) -> bool:
    """The act is aimed at or planned, not done: under "will", "shall" or a verb of aiming ("will also seek to close", "the programme aims to increase", "we work to ensure")."""
    head = tok
    for _ in range(6):
        if any(c.dep_ == "aux" and c.lower_ in words("future_auxiliaries") for c in head.children) \
                or (head.i != tok.i and head.lemma_.lower() in words("aspiration_verbs")):
            return True
        if head.dep_ not in ("xcomp", "conj", "pcomp", "prep", "advcl", "ccomp") or head.head.i == head.i:
            return False
        head = head.head
    return False


def _worked_on(tok: Any) -> Any | None:
    """What a programme works on: the object, or the object of "in building ...", past "a series of"."""
    obj = clauses.object_of(tok)
    if obj is None:  # ("invest in building an evidence base")
        inner = next((g for p in tok.children if p.dep_ == "prep" and p.lower_ in ("in", "on")
                      for g in p.children if g.dep_ in ("pcomp", "pobj")), None)
        obj = (clauses.object_of(inner) or inner) if inner is not None and inner.pos_ == "VERB" else inner
    for _ in range(2):
        if obj is not None and obj.lemma_.lower() in words("series_nouns"):
            obj = next((g for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                        for g in p.children if g.dep_ == "pobj"), obj)
    return obj


def _abstract(obj: Any, hostile: bool) -> bool:
    """A gap, access, an evidence base, an ideal, a goal or a problem: no one acted upon (for a
    hostile act only the first kind: "will continue imposing severe costs" is a threat)."""
    kinds = words("programme_object_nouns")
    if not hostile:
        kinds = kinds | words("ideal_nouns") | words("goal_nouns") | words("problem_nouns")
    return bool(_said(obj) & kinds) or any(
        c.dep_ in ("compound", "amod") and _said(c) & words("programme_object_nouns") for c in obj.children)


def _programme_plan(ev: Event, tok: Any) -> bool:
    """"The agency will also seek to close the gap by increasing access to training" (138), "will
    support a series of processes that aim to ...", "will also invest in building an evidence base"
    (150): an agency's programme work on abstract goals, no event (but "will provide aid to Gondor",
    "will impose sanctions on the general": an actor acted upon; "will travel to Rohan": a trip)."""
    if ev.cameo[:2] not in PLAN_ROOTS or ev.cameo.startswith(PLANNED_MEETING) or _code(ev.target) is not None:
        return False
    if tok.pos_ != "VERB" or not _aimed_at(tok):
        return False
    obj = _worked_on(tok)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN") or _someones(obj):
        return False
    return _abstract(obj, ev.cameo[:2] in HOSTILE_ROOTS)


def _someones(obj: Any) -> bool:
    """"expand entrepreneurs' access", "support Ukraine's capacity": someone else's, who is acted
    upon (not "our capacity", "its resilience")."""
    return any(c.dep_ == "poss" and c.lower_ not in words("first_person_pronouns") and c.lower_ not in ("its",)
               for c in obj.children)


def _position(tok: Any) -> bool:
    """"The movement wants foreign troops to leave and the government shut out": what one wants
    others to do, told in the present, is a standing position (no intent of its own)."""
    if tok.lemma_.lower() != "want" or tok.tag_ not in PRESENT:
        return False
    return any(c.dep_ in ("ccomp", "xcomp") and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
               for c in tok.children) or (
        any(c.dep_ == "dobj" for c in tok.children) and any(c.dep_ == "xcomp" for c in tok.children))


def _poll_trend(tok: Any) -> bool:
    """"The senator improved his standing among older voters": a poll trend, no act."""
    obj = clauses.object_of(tok)
    return obj is not None and bool(_said(obj) & words("standing_nouns")) and any(c.dep_ == "poss" for c in obj.children)


def _founding_purpose(tok: Any) -> bool:
    """"She co-founded the party to oppose military rule": what an organisation was founded for is
    its aim, no act."""
    if tok.dep_ not in ("xcomp", "advcl") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) \
            or any(c.dep_ in clauses.SUBJECT_DEPS or (c.dep_ == "mark" and c.lower_ == "for") for c in tok.children):
        return False  # (but "establish the conditions for Haitians to vote": theirs to do)
    head = tok.head.lemma_.lower()
    return head in words("founding_verbs") or head.removeprefix("co-") in words("founding_verbs")


def _care_place(place: Any) -> bool:
    """"a hospital", "Walter Reed National Military Medical Center", "the hospital's intensive care
    unit": a place of medical care (its head, or a word naming it, ``care_place_nouns.txt``,
    ``care_place_modifiers.txt``)."""
    if _said(place) & words("care_place_nouns"):
        return True
    names = [c for c in place.children if c.dep_ in ("compound", "amod", "poss")]
    return any(_said(c) & (words("care_place_nouns") | words("care_place_modifiers")) for c in names)


def _taken_to_care(ev: Event, tok: Any) -> bool:
    """"The wounded mayor was flown to a hospital", "was evacuated to a hospital in Auckland",
    "Marine One flew the president to the Medical Center": medical care or transport, no visit
    (036/04x) and no aid (07x)."""
    if not (ev.cameo[:2] in ("04", "07") or ev.cameo.startswith("036")):
        return False
    places = []
    for p in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("to", "into")):
        objs = [g for g in p.children if g.dep_ == "pobj"]
        # (the parse may leave "to" bare and take the place for the verb's object: "flying Trump to
        # Walter Reed ... Medical Center")
        places += objs or [g for g in tok.children if g.dep_ == "dobj" and g.i > p.i]
    return any(_care_place(g) for g in places)


FINITE = ("VBD", "VBZ", "VBP", "MD")
ACTOR_ENTITIES = ("ORG", "GPE", "PERSON", "NORP")
THING_PATH = ("xcomp", "ccomp", "conj", "pcomp", "prep", "pobj", "dobj", "acl", "appos", "advcl", "attr")


def _finite(verb: Any) -> bool:
    """A verb with a tense of its own: "helps", "helped", "has helped" (not "identify", "to attend")."""
    return verb.tag_ in FINITE or any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE for c in verb.children)


def _clause_verb(tok: Any) -> Any | None:
    """The finite verb whose clause ``tok`` is part of, up through infinitives, objects and
    phrases ("helps authorities identify", "play key roles in preventing", "defines three
    objectives: protect ..."); None past a reported or a relative clause ("says that ...")."""
    head = tok
    for _ in range(10):
        enabled = head.dep_ == "ccomp" and head.head.lemma_.lower() in words("enabling_verbs")
        if head.pos_ in ("VERB", "AUX") and _finite(head) and not enabled:
            return head  # (the bare verb after "helps": "helps authorities identify")
        if head.dep_ not in THING_PATH or head.head.i == head.i or (head.dep_ == "ccomp" and not enabled):
            return None  # ("the report says police killed ...": what is said may be an act)
        if head.dep_ == "acl" and not any(c.dep_ in ("aux", "mark") and c.lower_ in ("to", "for") for c in head.children):
            return None  # (a participle describing its noun: "officials involved in suppressing dissent")
        head = head.head
    return None


def _thing_words(subj: Any) -> set[str]:
    """The words that name a subject: "The Water Program", "Articles IV and V" (a numbered part)."""
    said = {subj.lemma_.lower(), subj.lower_}
    if subj.pos_ == "PROPN":
        said |= {w for c in subj.children if c.dep_ == "compound" and c.i == subj.left_edge.i
                 for w in (c.lemma_.lower(), c.lower_.removesuffix("s"))}  # (a capitalised plural: "Articles")
    return said


def _simple_present(verb: Any) -> bool:
    """"helps", "play" (not "has helped", "will help", "is helping")."""
    return verb.tag_ in PRESENT and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _thing_described(ev: Event, tok: Any) -> bool:
    """"The Water Program helps local authorities identify outbreaks" (070), "Articles IV and V of
    the Accord play key roles in preventing the spread of weapons" (120), "The Guidance defines
    three objectives: ... expand prosperity" (060), "it truly highlights the importance of ..."
    (010): what a programme, fund, text or document does, told in the simple present, is what it
    does as a rule, no event (but "The agency helps ...", "Gondor provides ...": an actor's act;
    "The Fund gave $5 million on Monday": the past tells one)."""
    if ev.sentence_index == TITLE_INDEX or tok.pos_ != "VERB":
        return False  # (an act a noun names is told: "it is indicative of the widening crackdown on the media")
    verb = _clause_verb(tok)
    if verb is None or not _simple_present(verb):
        return False
    subj, _ = clauses.subject_of(verb)
    if subj is None or any(c.dep_ == "conj" and c.ent_type_ in ACTOR_ENTITIES for c in subj.children):
        return False  # ("The Fund and Gondor provide ...": an actor among them)
    if subj.lower_ == "it":  # (a situation or a programme; but "It says ...": what is said, and "Ukraine,
        # as it defends itself", "the Duma stated that it plans to ...": an actor's act going on)
        return _first_conjunct(verb).dep_ == "ROOT" \
            and verb.lemma_.lower() not in words("reporting_verbs") | words("contention_verbs")
    if subj.pos_ not in ("NOUN", "PROPN"):
        return False
    return bool(_thing_words(subj) & (words("programme_nouns") | words("text_nouns"))) \
        or clauses.thing_as_agent(verb) is not None


def _standing_claim(tok: Any) -> bool:
    """"The government has always claimed it has public support", "has long argued that ...":
    a claim made as a rule is a standing position, no discrete statement (but "claimed on
    Monday", "repeatedly said on Monday": past acts)."""
    if tok.lemma_.lower() not in words("reporting_verbs") | words("contention_verbs") | {"maintain"}:
        return False
    return _present(tok) and any(c.dep_ == "advmod" and c.lower_ in words("standing_claim_adverbs")
                                 for c in tok.children)


def _law_purpose(tok: Any) -> bool:
    """"proposed an amendment to allow the authorities to extradite anyone": what a law or a
    proposal would allow others to do is hypothetical, no act nor intent of theirs."""
    head = tok
    for _ in range(3):
        if head.dep_ not in ("xcomp", "ccomp", "conj") or head.head.i == head.i:
            return False
        head = head.head
        if head.lemma_.lower() in words("enabling_verbs"):
            break
    else:
        return False
    if head.dep_ != "acl" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children):
        return False
    noun = {head.head.lemma_.lower(), head.head.lower_}
    return bool(noun & (words("legal_instrument_nouns") | words("text_nouns") | words("proposal_nouns")))


def _described(ev: Event, tok: Any) -> str | None:
    """The name of the description rule that finds ``ev`` no act, or None."""
    checks = (("ranking", lambda: _ranking(tok)), ("condition", lambda: _condition(ev, tok)),
              ("role", lambda: _role(ev, tok)), ("involvement", lambda: _involvement(tok)),
              ("cumulative-toll", lambda: _cumulative_toll(ev, tok)),
              ("programme-plan", lambda: _programme_plan(ev, tok)), ("position", lambda: _position(tok)),
              ("poll-trend", lambda: _poll_trend(tok)), ("founding-purpose", lambda: _founding_purpose(tok)),
              ("taken-to-care", lambda: _taken_to_care(ev, tok)),
              ("thing-described", lambda: _thing_described(ev, tok)), ("standing-claim", lambda: _standing_claim(tok)),
              ("law-purpose", lambda: _law_purpose(tok)))
    return next((name for name, check in checks if check()), None)


def described(events: list[Event], sent: Any) -> list[Event]:
    """``events`` without those a description rule finds no act: the ``ranking``, ``condition``,
    ``role``, ``involvement``, ``cumulative-toll``, ``programme-plan``, ``position``, ``poll-trend``,
    ``founding-purpose``, ``taken-to-care``, ``thing-described``, ``standing-claim`` and
    ``law-purpose`` rules."""
    out = []
    for ev in events:
        tok = _trigger(ev, sent)
        if tok is None or _described(ev, tok) is None:
            out.append(ev)
    return out


def _harm_told(tok: Any) -> bool:
    """A verb that tells harm without saying anyone did it: "died", "exploded", "was found dead"."""
    lemma = tok.lemma_.lower()
    return lemma in HARM_VERBS or (lemma in FINDING_VERBS and any(c.lemma_.lower() in DEATH_STATES for c in tok.children))


def accidental(events: list[Event], sent: Any) -> list[Event]:
    """``events`` after the sense rules of this module."""
    events = taken_ground(armed_or_political(verb_sense(described(events, sent), sent), sent), sent)
    if not any(ev.cameo[:2] in VIOLENT_ROOTS for ev in events):
        return events
    events = [ev for ev in events if not _struck_by_disaster(ev, _trigger(ev, sent))]  # struck-by-disaster
    lemmas = _lemmas(sent)
    violent = bool(lemmas & words("violence_signs")) or any(_armed(ev) for ev in events)
    out = []
    for ev in events:
        tok = _trigger(ev, sent) if ev.cameo[:2] in VIOLENT_ROOTS else None
        if _undone(ev) and not violent and (lemmas & words("disaster_causes")
                                            or (tok is not None and _harm_told(tok))):
            continue  # disaster / unattributed-harm
        if tok is not None and tok.pos_ == "VERB" and _aimed_with_measure(tok):
            continue  # measure: the sanctions are the event, coded where they are imposed
        if tok is not None and tok.pos_ == "VERB" and _measure(clauses.object_of(tok)) and not violent:
            ev = _recode(ev, CRITICISM, "measure")
        out.append(ev)
    return out

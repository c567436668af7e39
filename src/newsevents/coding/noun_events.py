"""Events named by nouns: "staged rallies", "carried out air strikes", "protests erupted",
"clashes between police and protesters", "protesters".

The verb coder reads acts from verbs. News names many acts by nouns instead, with a light
verb that carries them ("staged", "held", "took part in", "carried out") or a verb that says
they happened ("erupted", "were reported"). ``NounEvents`` finds those nouns
(``data/noun_events.tsv``), decides by named rules how the sentence presents them (each
rule quotes its example), and builds the event: its doer from the carrying verb's subject or
from the noun's own phrase ("police firing", "Israeli air strikes", "a protest by
students"), its target from the noun's phrase ("air strikes on Gaza", "a protest against
the government", "clashes between A and B"). A political act with no named doer (violence,
arrest, protest) is still an event, with an unknown source.

It adds to what the verbs found and never codes an act twice: a noun that a verb's pattern
already took in, or a sentence whose verbs already coded the same kind of act, gets nothing.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Collection

from ..errors import DictionaryError
from ..lang import words
from ..models import Actor, Article, Event, Place
from ..nlp.dates import resolve_time
from ..nlp.docfacts import facts
from ..nlp.places import Gazetteer, resolve_place
from ..nlp.types import Strict
from ..ontology.plover import to_plover
from ..resolve.actors import ActorResolver, all_conjuncts, mention_tokens
from . import clauses, summaries

DATA = Path(__file__).resolve().parents[1] / "data" / "noun_events.tsv"

# verbs that carry an act named by their object: "staged a rally", "carried out air strikes"
CARRIERS = words("noun_event_carrier_verbs")
# verbs saying that the act their subject names happened: "protests erupted", "raids were reported"
OCCURRENCES = words("occurrence_verbs")
# verbs saying what an act did: "clashes left 12 people injured", "the air strike killed five"
RESULTS = words("act_result_verbs")
# verbs of people taking part: "gathered in a protest", "took to the streets in protest"
GATHERING = words("taking_part_verbs")
# prepositions that name what the act is aimed at, and what it is done with others
AIMED = words("aimed_prepositions")
PARTY_PREPS = ("with", "between")
FORCE_ROOTS = ("17", "18", "19", "20")  # coercion and violence
REACTED_ROOTS = ("14", *FORCE_ROOTS)  # what "condemned the ..." tells happened: dissent, force
ACTED_ON_ROOTS = ("17", "18")  # acts whose of-phrase names whom they were done to ("the abduction of")
BROKEN_UP = ("175", "18", "19", "20")  # force that breaks up a protest that was held (not a ban, 172)
ARMED = ("MIL", "REB", "INS", "UAF")  # armed sides, whose marches are advances (police protests are protests)
UNDERGONE = ("173", "181", "186")  # acts whose possessive names who underwent them ("his arrest", "her abduction")
IN_VERB = "in"  # a circumstance preposition only where it hangs on a verb ("died in a crackdown")


@dataclass(frozen=True)
class NounAct:
    """One line of ``noun_events.tsv``."""

    words: tuple[str, ...]  # lemmas, the noun last ("air", "strike")
    code: str
    agent: bool  # the noun names the doers ("protesters")
    needs_doer: bool  # ("act!") only with its doer named in its own phrase
    blocked: frozenset[str]  # modifiers that make it no act ("heart attack")


@dataclass
class Found:
    """How a sentence presents a noun act: the rule's name, the doer's and the target's
    phrases (tokens), and the verb it hangs on (for the date, modality and negation)."""

    rule: str
    doers: list[Any]
    targets: list[Any]
    verb: Any | None


def load(path: Path = DATA) -> dict[str, list[NounAct]]:
    """The noun acts by the noun's lemma, longest phrase first; malformed lines raise."""
    out: dict[str, list[NounAct]] = {}
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        cols = line.split("\t")
        if len(cols) < 3 or not cols[1].isdigit() or cols[2] not in ("act", "act!", "agent"):
            raise DictionaryError(str(path), n, "expected 'phrase<TAB>CAMEO<TAB>act|act!|agent[<TAB>modifiers]'")
        words = tuple(cols[0].lower().split())
        blocked = frozenset(cols[3].split()) if len(cols) > 3 else frozenset()
        act = NounAct(words, cols[1], cols[2] == "agent", cols[2] == "act!", blocked)
        out.setdefault(words[-1], []).append(act)
    for acts in out.values():
        acts.sort(key=lambda a: -len(a.words))
    return out


@lru_cache(maxsize=1)
def default_acts() -> dict[str, list[NounAct]]:
    return load()


def act_of(tok: Any, acts: dict[str, list[NounAct]]) -> NounAct | None:
    """The act a noun token names, if any ("air strikes" → 195; "heart attack" → None)."""
    if tok.pos_ not in ("NOUN", "PROPN") or (tok.ent_type_ in ("DATE", "TIME") and tok.lower_ in words("months")):
        return None  # ("every March"; but "8 p.m. Protesters", which a parse may tag as one time)
    lemma = tok.lemma_.lower()
    if tok.pos_ == "PROPN":  # a capitalised noun the tagger took for a name ("8 p.m. Protesters in ...")
        if tok.ent_type_ not in ("", "DATE", "TIME") or any(c.dep_ == "compound" and c.pos_ == "PROPN"
                                                            for c in tok.children):
            return None
        lemma = next((f for f in (tok.lower_, tok.lower_[:-1], tok.lower_[:-2]) if f in acts), lemma)
    mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i]
    before = [c.lemma_.lower() for c in sorted(mods, key=lambda c: c.i)]
    for act in acts.get(lemma, ()):
        if len(act.words) > 1 and tuple(before[-(len(act.words) - 1):]) != act.words[:-1]:
            continue
        if len(act.words) == 1 and any(m in act.blocked for m in before):
            return None
        return act
    return None


def names_dissent(span: Any, acts: dict[str, list[NounAct]] | None = None) -> bool:
    """Whether a sentence names people protesting or a protest as its subject's doing
    ("Bahraini protesters have staged rallies ... in the lead-up to the Grand Prix"): a protest
    at a sports event is a political event, whatever the story's sport words say."""
    acts = acts if acts is not None else default_acts()
    for tok in span:
        act = act_of(tok, acts)
        if act is not None and act.code[:2] == "14" and (act.agent and tok.dep_ in ("nsubj", "nsubjpass")
                                                          or not act.agent and tok.dep_ in ("dobj", "nsubj")):
            return True
    return False


# -- how the sentence presents the act: named rules, tried in order -----------------------

def _pobjs(tok: Any, names: Collection[str]) -> list[Any]:
    return [x for p in tok.children if p.dep_ == "prep" and p.lower_ in names
            for x in p.children if x.dep_ == "pobj"]


def _own_doers(noun: Any) -> list[Any]:
    """The doer named in the noun's own phrase: "a protest by students", "Israel's strikes",
    "a mine planted by militants", "a rally held by students", "a mine, which had been planted
    by the insurgents"."""
    out = []
    for head in _phrase_heads(noun):
        done_by = [x for c in head.children if c.dep_ in ("acl", "relcl") and c.tag_ == "VBN"
                   for a in c.children if a.dep_ == "agent" for x in a.children if x.dep_ == "pobj"]
        out += _pobjs(head, ("by",)) + [c for c in head.children if c.dep_ == "poss"] + done_by
    return [t for t in out if t.ent_type_ not in ("DATE", "TIME")]  # ("Friday's violence")


def _phrase_heads(noun: Any) -> list[Any]:
    """The noun, and the noun that holds it in its of-phrase ("incidents of sexual assault on
    women by men", ``act_container_nouns.txt``): the phrases that tell the act's doer and target."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() in words("act_container_nouns"):
        return [noun, prep.head]
    return [noun]


def _targets_of(noun: Any) -> list[Any]:
    """"air strikes on Gaza", "a protest against the government", "mob violence aimed at the
    minority", "a raid targeting militants"."""
    out = []
    for head in _phrase_heads(noun):
        aimed = [c for c in head.children if c.dep_ == "acl" and c.lemma_.lower() in words("aiming_verbs")]
        out += _pobjs(head, AIMED) + [x for c in aimed for x in _pobjs(c, AIMED) + [d for d in c.children
                                                                                 if d.dep_ == "dobj"]]
    return [t for t in out if t.ent_type_ not in ("DATE", "TIME")]  # ("on Monday" is when, not whom)


def carried(noun: Any) -> Found | None:
    """"Bahraini protesters have staged rallies", "Egyptian forces conducted artillery
    bombardment", "carried out air strikes on Idlib": the carrying verb's subject does it."""
    verb = noun.head
    if noun.dep_ not in ("dobj", "attr") or verb.pos_ not in ("VERB", "AUX") or not _verb_in(verb, CARRIERS):
        return None
    subj, _ = clauses.subject_of(verb)
    return Found("noun:carried", [subj] if subj is not None else [], _targets_of(noun) or _pobjs(verb, AIMED), verb)


def sparked(noun: Any) -> Found | None:
    """"The verdict sparked protests across the country", "the killing triggered riots": an act
    that something set off happened; those who did it are not the subject."""
    held = _phrase_heads(noun)[-1]  # ("inspired months of protests")
    verb = held.head
    if held.dep_ != "dobj" or verb.pos_ != "VERB" or not _verb_in(verb, words("sparking_verbs")):
        return None
    if verb.lemma_.lower() == "set" and not any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children):
        return None  # ("set off", not "set up")
    return Found("noun:sparked", _own_doers(noun), _targets_of(noun), verb)


def taken_part(noun: Any) -> Found | None:
    """"Thousands of workers took part in a strike", "participated in a march",
    "people gathered in a peaceful protest": those who took part do it."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("in", "into"):
        return None
    verb = prep.head.head if prep.head.lower_ == "part" else prep.head
    if verb.pos_ != "VERB" or not _verb_in(verb, GATHERING):
        return None
    subj, _ = clauses.subject_of(verb)
    return Found("noun:taken-part", [subj] if subj is not None else [], _targets_of(noun), verb)


def happened(noun: Any) -> Found | None:
    """"Violent protests erupted in Colombia", "four air raids were reported on Wadi al
    Jarah", "clashes broke out between police and protesters", "a wave of protests that has
    rocked the capital": the act's own phrase names its doer and target, if any."""
    verb = noun.head
    told = next((r for r in noun.children if r.dep_ == "relcl" and _occurs(r) and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("that", "which") for c in r.children)), None)
    if told is not None and not _not_asserted(told):  # ("a string of protests that have rocked the city")
        return Found("noun:happened", _own_doers(noun), _targets_of(noun), None)
    if noun.dep_ not in ("nsubj", "nsubjpass") or not _occurs(verb):
        return None
    return Found("noun:happened", _own_doers(noun), _targets_of(noun) or _pobjs(verb, AIMED), verb)


def _occurs(verb: Any) -> bool:
    """"erupted", "were reported", "killed five", "went off"."""
    return _verb_in(verb, OCCURRENCES | RESULTS) or (verb.lemma_.lower() == "go" and any(
        c.dep_ == "prt" and c.lower_ == "off" for c in verb.children))


def _verb_in(verb: Any, lemmas: frozenset[str]) -> bool:
    """Whether the verb is one of ``lemmas``, also where the lemmatiser got its form wrong
    ("staged" → "stag"): the form less a regular ending ("stage")."""
    if verb.lemma_.lower() in lemmas or verb.lower_ in lemmas:
        return True
    form = verb.lower_
    bases = [form[:-len(e)] for e in ("d", "ed", "s", "es", "ing") if form.endswith(e) and len(form) > len(e) + 2]
    return any(b in lemmas or b + "e" in lemmas for b in bases)


def reacted_to(noun: Any) -> Found | None:
    """"The United States condemns the attack on a police station in Kabul", "denounced the
    house arrest of the opposition leader": an act of force or dissent reacted to happened; its
    target is whom it was on or of."""
    verb = noun.head
    if noun.dep_ != "dobj" or not _verb_in(verb, words("reaction_verbs")) or _generic(noun):
        return None
    return Found("noun:reacted-to", _own_doers(noun), _targets_of(noun) or _pobjs(noun, ("of",)), None)


def _generic(noun: Any) -> bool:
    """A mass noun with no determiner names a kind of act, not one that happened: "denounced
    violence", "signs condemning police violence" (but "condemned the violence", "condemned
    attacks on police")."""
    return noun.tag_ == "NN" and not any(c.dep_ in ("det", "poss", "nummod") for c in noun.children)


def during(noun: Any) -> Found | None:
    """"Police detain protesters during a protest against the jailing of Navalny": an act
    named as the time of another happened too."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("during", "amid", "amidst"):
        return None
    return Found("noun:during", _own_doers(noun), _targets_of(noun), prep.head if prep.head.pos_ == "VERB" else None)


def doers_named(noun: Any) -> Found | None:
    """"Protesters threw stones at the police", "hundreds of demonstrators took part": people
    named by their act, and the subject of what they do, are doing it (not those acted on:
    "police dispersed the demonstrators")."""
    head = noun
    while head.dep_ == "conj":
        head = head.head
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in words("collective_nouns"):
        head = head.head.head  # ("hundreds of demonstrators participated", "a crowd of protesters")
    if head.dep_ != "nsubj" or head.head.pos_ != "VERB":
        return None
    return Found("noun:doers-named", [noun], _targets_of(noun), head.head)


def met_with_force(noun: Any, act: NounAct, sent: Any, found: list[Event]) -> Found | None:
    """"Police fired tear gas at the demonstrators", "troops attacked the protesters", "police
    suppressed a peaceful demonstration by students": people named by their act, and a
    protest, met with force, were doing it, were held."""
    start = noun.idx - sent.start_char
    head = noun.head.idx - sent.start_char if noun.dep_ in ("dobj", "nsubjpass") else -1
    forced = any(ev.cameo[:2] in FORCE_ROOTS and (ev.target is not None and ev.target.start <= start < ev.target.end)
                 or ev.cameo.startswith(BROKEN_UP) and ev.trigger["start"] == head for ev in found)
    if not forced or _unreal(noun):
        return None  # (but "banned a planned vigil": kept from happening)
    return Found("noun:met-with-force", [noun] if act.agent else _own_doers(noun), [], None)


def _passive_of(noun: Any) -> tuple[Any, list[Any]] | None:
    """The passive verb whose by-phrase the noun is, with what it was done to (its subject, or
    the noun a participle describes): "a helicopter was hit by airstrikes", "a bus targeted by
    a suicide bomber"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "agent":
        return None
    verb = prep.head
    if verb.dep_ == "acl":
        return verb, [verb.head]
    return verb, [c for c in verb.children if c.dep_ == "nsubjpass"]


def by_agent(noun: Any) -> Found | None:
    """"A helicopter was hit by Turkish airstrikes": the act a passive's by-phrase names
    happened, to the passive's subject."""
    passive = _passive_of(noun)
    if passive is None:
        return None
    verb, patients = passive
    return Found("noun:by-agent", _own_doers(noun), _targets_of(noun) or patients, None if verb.dep_ == "acl" else verb)


def doers_by_agent(noun: Any) -> Found | None:
    """"A bus targeted by a suicide bomber", "the square was occupied by protesters": people
    named by their act, in a passive's by-phrase, did it."""
    passive = _passive_of(noun)
    if passive is None:
        return None
    verb, patients = passive
    return Found("noun:by-agent", [noun], patients, None if verb.dep_ == "acl" else verb)


def _circumstance_head(noun: Any) -> Any | None:
    """What the noun's preposition of cause or time hangs on ("treated following an attack",
    "injured due to an explosion", "killed as a result of attacks"), if it is one."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep":
        return None
    toks = [t.lower_ for t in prep.doc[max(prep.sent.start, prep.i - 3):prep.i + 1]]
    phrase = next((p for p in words("circumstance_prepositions") if toks[-len(p.split()):] == p.split()), None)
    if phrase is None or (phrase == IN_VERB and prep.head.pos_ not in ("VERB", "AUX")):
        return None
    act = act_of(noun, default_acts()) if phrase == IN_VERB else None
    if act is not None and act.code[:2] == "14":
        return None  # ("spoke in a rally": the setting of a speech; taking part is the rule taken-part's)
    if " " in phrase:  # ("due to", "as a result of": what the whole phrase hangs on)
        return _clause_verb(prep) or prep.head
    return prep.head


def circumstance(noun: Any) -> Found | None:
    """"Dozens were treated following a suspected gas attack by rebels", "three die in protest
    crackdown", "killed as a result of attacks against protesters", "took the base after days
    of fighting": an act named as the cause or the time of what the clause tells happened."""
    head = next((h for h in map(_circumstance_head, _phrase_heads(noun)) if h is not None), None)
    if head is None or _unreal(noun):
        return None
    return Found("noun:circumstance", _own_doers(noun), _targets_of(noun),
                 head if head.pos_ in ("VERB", "AUX") else None)


def suffered(noun: Any) -> Found | None:
    """"Generations of villagers have been victims of rape", "survivors of the bombing": an act
    that named people suffered happened, to them."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of" or prep.head.lemma_.lower() not in words("victim_nouns"):
        return None
    victim = prep.head
    subj = next((c for c in victim.head.children if c.dep_ == "nsubj"), None) if victim.dep_ == "attr" else None
    return Found("noun:suffered", _own_doers(noun), [subj if subj is not None else victim], _clause_verb(noun))


def phrase_named(noun: Any) -> Found | None:
    """"The army's attack to capture the hills was fended off", "the violence against two women
    has angered many": an act whose own phrase names its doer or its target happened."""
    doers, targets = _own_doers(noun), _targets_of(noun)
    if not doers and (not targets or all(t.lemma_.lower() in words("figurative_targets") for t in targets)):
        return None  # (nothing named, or "an assault on democratic values": a figure of speech)
    if _unreal(noun):
        return None
    return Found("noun:phrase", doers, targets, _clause_verb(noun))


def _clause_verb(tok: Any) -> Any | None:
    """The verb of the clause a noun is in."""
    head = tok
    for _ in range(12):
        if head.head.i == head.i:
            break
        head = head.head
        if head.pos_ in ("VERB", "AUX"):
            return head
    return head if head.pos_ in ("VERB", "AUX") else None


def _unreal(noun: Any) -> bool:
    """An act no one says happened: "no violence", "fears of an attack", "a plan for strikes",
    "to prevent attacks on pilgrims", "the alleged attack" (``unreal_governors.txt``)."""
    if any(c.dep_ in ("det", "neg") and c.lower_ in ("no", "not", "never") for c in noun.children):
        return True
    if any(c.dep_ == "amod" and (c.lower_ in words("unreal_governors") or c.lemma_.lower() in words("unreal_governors"))
           for c in noun.children):
        return True  # ("the alleged attack", "a planned vigil")
    head = noun
    for _ in range(12):
        if head.head.i == head.i:
            return False
        head = head.head
        if head.lemma_.lower() in words("unreal_governors"):
            return True
        if head.pos_ in ("VERB", "AUX") and head.dep_ not in ("acl", "pcomp", "xcomp"):
            return False
    return False


#: the rules for acts, in order; the agent nouns ("protesters") have their own
ACT_RULES: tuple[Callable[[Any], Found | None], ...] = (carried, sparked, taken_part, happened, during, reacted_to,
                                                        by_agent, circumstance, suffered, phrase_named)
AGENT_RULES: tuple[Callable[[Any], Found | None], ...] = (doers_named, doers_by_agent)
#: the rules whose act is only the reason when the verb it hangs on tells a response to it
REASONS = frozenset(("noun:circumstance", "noun:phrase"))
RESPONSE_CODES = ("16", "172", "174")  # reduced relations, sanctions, expulsions: measures, not force
#: the rules that find only acts of force or dissent ("condemned the talks", "after the talks": no event)
FORCE_ONLY = frozenset(("noun:reacted-to", "noun:sparked", "noun:by-agent", "noun:circumstance", "noun:suffered",
                        "noun:phrase"))


class NounEvents:
    """Finds the acts named by nouns in a coded sentence and builds their events."""

    def __init__(self, acts: dict[str, list[NounAct]] | None = None) -> None:
        self.acts = acts if acts is not None else default_acts()

    def code(self, article: Article, si: int, sent: Any, resolver: ActorResolver, found: list[Event],
             when: tuple[str | None, str], gazetteer: Gazetteer, sentence: str) -> list[Event]:
        """Events for the noun acts of ``sent`` that the verb events ``found`` do not cover."""
        out: list[Event] = []
        for tok in facts(sent.doc).sentence_tokens(sent):
            act = act_of(tok, self.acts)
            if act is None or _covered(tok, act, sent, found + out):
                continue
            how = next((f for rule in (AGENT_RULES if act.agent else ACT_RULES) if (f := rule(tok)) is not None), None)
            if how is not None and how.rule in FORCE_ONLY and act.code[:2] not in REACTED_ROOTS:
                how = None  # ("condemned the talks": the talks are no act of force)
            if how is None and (act.agent or act.code[:2] == "14"):
                how = met_with_force(tok, act, sent, found)
            if how is not None and how.rule in REASONS and _responded_to(how.verb, sent, found):
                continue  # (the reason for a measure told, "expelled after a nerve agent attack": background)
            if how is None or (how.verb is not None and (_not_asserted(how.verb) or _background(how.verb, how.rule))):
                continue  # (what did not happen, and what a relative or long-ago clause tells: background)
            if how.verb is not None and _summed_up(how.verb, article.published):
                continue  # ("has perpetuated violence for years", "unrest continued elsewhere": no discrete act)
            out += self._events(article, si, sent, tok, act, how, resolver, when, gazetteer, sentence)
        return out

    def _events(self, article: Article, si: int, sent: Any, noun: Any, act: NounAct, how: Found,
                resolver: ActorResolver, when: tuple[str | None, str], gazetteer: Gazetteer,
                sentence: str) -> list[Event]:
        undergone = [d for d in how.doers if d.dep_ == "poss" and d.head.i == noun.i] if act.code in UNDERGONE else []
        doers = _actors([d for d in how.doers if d not in undergone], resolver, si)
        if not doers and not act.agent and any(c.dep_ in ("compound", "amod", "nmod") for c in noun.children):
            doers = _actors([noun], resolver, si, strict="near")  # ("Israeli air strikes", "student protests")
        if act.needs_doer and not doers or _marching_army(act, how, resolver, si):
            return []
        between = _pobjs(noun, ("between",))
        aimed = [t for t in how.targets if t.ent_type_ not in ("DATE", "TIME")] or undergone \
            or (_pobjs(noun, ("of",)) if act.code[:2] in ACTED_ON_ROOTS else [])
        targets = _actors(aimed, resolver, si, keep="named")
        if not targets and not between and act.code[:2] in FORCE_ROOTS:  # "clashes with police broke out"
            targets = _actors(_pobjs(noun, ("with",)), resolver, si, keep="named")
        if between and not targets:  # "clashes between police and protesters": each against the other
            parties = _actors(between, resolver, si)
            pairs: list[tuple[Actor | None, Actor | None]] = [(a, b) for a in parties for b in parties if a is not b]
        else:
            srcs: list[Actor | None] = [*doers] or [None]
            tgts: list[Actor | None] = [*targets] or [None]
            pairs = [(s, t) for s in srcs for t in tgts]
        start = noun.idx - sent.start_char
        trigger = {"text": sentence[start:start + len(noun.text)], "start": start, "end": start + len(noun.text)}
        t = resolve_time(sent, article.published, noun)
        date = (t.date, t.precision) if t is not None and t.date else when
        place = resolve_place(sent, noun, gazetteer)
        return [_event(article, si, sentence, act, how, trigger, s, t_, date, place) for s, t_ in pairs
                if not (s is not None and t_ is not None and (s.start, s.end) == (t_.start, t_.end))]


def _marching_army(act: NounAct, how: Found, resolver: ActorResolver, si: int) -> bool:
    """"In their march toward Raqqah, the rebel forces took ...": a march that names no doer
    but a pronoun, of the armed men the clause is about, is an advance, no protest."""
    if act.code[:2] != "14" or how.rule not in REASONS or how.verb is None:
        return False
    if any(d.pos_ != "PRON" for d in how.doers):  # ("a demonstration organized by the students": theirs)
        return False
    subj, _ = clauses.subject_of(how.verb)
    return subj is not None and any(a.sector in ARMED for a in _actors([subj], resolver, si))


def _actors(heads: list[Any], resolver: ActorResolver, si: int, strict: Strict = True,
            keep: str = "people") -> list[Actor]:
    """The actors the phrases name; a phrase no dictionary knows keeps its words and role when
    it names people ("Around 20,000 people", "Detainees in the prison") or, with
    ``keep="named"``, only when it is a name or a role ("racism" is no target)."""
    out: list[Actor] = []
    for h in [x for head in heads if head is not None for x in (head, *all_conjuncts(head))]:
        if h.pos_ not in ("NOUN", "PROPN", "PRON", "NUM"):
            continue
        found = resolver.resolve(h, si, strict=strict)
        if not found and strict is True:
            found = resolver.resolve(h, si, strict="near")
        if not found and strict is True and h.pos_ != "PRON":
            role = resolver.role_of(mention_tokens(h))
            if keep == "people" or role or h.pos_ == "PROPN":
                found = [_unresolved(h, role)]
        out += found
    return out


def _unresolved(head: Any, sector: str | None) -> Actor:
    toks = mention_tokens(head)
    doc = facts(head.doc)
    sent = doc.sentence_of(head)
    start = toks[0].idx - sent.start_char
    end = toks[-1].idx + len(toks[-1].text) - sent.start_char
    named = [t for t in toks if t.pos_ == "PROPN"]
    return Actor(text=doc.span_text(sent)[start:end], start=start, end=end,
                 name=" ".join(t.text for t in named) or None, sector=sector,
                 code=("---" + sector) if sector else None)


def _covered(noun: Any, act: NounAct, sent: Any, found: list[Event]) -> bool:
    """Whether a verb event already tells this act: the noun is its trigger or inside one of its
    actors or trigger, or the sentence already has an event of the act's root."""
    start = noun.idx - sent.start_char
    for ev in found:
        if ev.cameo[:2] == act.code[:2]:
            return True
        spans = [(ev.trigger["start"], ev.trigger["end"])]
        if act.agent is False:  # (an actor no dictionary knows may be the act itself: "nights of protests came ...")
            spans += [(a.start, a.end) for a in (ev.source, ev.target) if a is not None and a.code]
        if any(s <= start < e for s, e in spans) and not act.agent:
            return True
    return False


def _background(verb: Any, rule: str = "") -> bool:
    """What a relative clause, a since-clause or a clause set long before tells is background
    ("the group that staged protests", "years after crowds stormed its embassy"); an after- or
    before-clause of the news tells an act of it ("treated after rebels carried out an attack"),
    and so does a relative clause telling what its noun set off ("a death that sparked protests")."""
    if not clauses.in_background(verb):
        return False
    if rule == "noun:sparked" and verb.dep_ == "relcl":
        return False
    tok = verb
    for _ in range(8):
        marks = [c for c in tok.children if c.dep_ == "mark"] if tok.dep_ == "advcl" else []
        if any(m.lower_ in clauses.BACKGROUND_MARKS for m in marks):
            far = [c for t in (tok, *marks) for c in t.children
                   if c.dep_ == "npadvmod" and c.lemma_.lower() in words("long_time_units")]
            return bool(far) or any(m.lower_ == "since" for m in marks)
        if tok.dep_ == "relcl" or tok.head.i == tok.i:
            return True
        tok = tok.head
    return True


def _responded_to(verb: Any | None, sent: Any, found: list[Event]) -> bool:
    """Whether the verb an act hangs on told a response to it that is no act of force: "expelled
    diplomats after a nerve agent attack", "announced sanctions in response to its chemical
    attack" (the act is the reason, told as known; the response is the news)."""
    if verb is None:
        return False
    start = verb.idx - sent.start_char
    return any(ev.trigger["start"] == start and ev.cameo.startswith(RESPONSE_CODES)
               for ev in found)


def _summed_up(verb: Any, published: str | None) -> bool:
    """The verb an act hangs on sums acts up: over a long span up to now ("Since the 2019 coup,
    the junta has perpetuated violence"), or going on over places no one names ("unrest continued
    elsewhere in the country") (``coding/summaries.py``)."""
    return summaries.long_summary(verb, published) or summaries.spread_continuation(verb)


def _not_asserted(verb: Any) -> bool:
    """What did not happen is no event: "did not hold talks", "may stage a protest"."""
    return clauses.is_negated(verb) or clauses.modality_of(verb) == "hypothetical"


def _event(article: Article, si: int, sentence: str, act: NounAct, how: Found, trigger: dict[str, Any],
           src: Actor | None, tgt: Actor | None, date: tuple[str | None, str], place: Place | None) -> Event:
    for a in (src, tgt):
        if a is not None:
            a.text = sentence[a.start:a.end]
    ev = Event(article_id=article.id, sentence_index=si, sentence=sentence, cameo=act.code, trigger=trigger,
               source=src, target=tgt, plover=to_plover(act.code, None), negated=False,
               modality=clauses.modality_of(how.verb) if how.verb is not None else "asserted",
               rule=f"{' '.join(act.words).upper()} [{act.code}] ({how.rule})")
    ev.date, ev.date_precision = date
    ev.location = place
    ev.trace = [f"noun:{' '.join(act.words)} [{act.code}]", how.rule, "when:noun" if date else "when:none",
                "where:noun" if place is not None else "where:none"]
    ev.confidence = 0.3 + (0.05 if src is not None and src.code else 0.0) + (0.05 if tgt is not None and tgt.code else 0.0)
    return ev

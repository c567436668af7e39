"""The event coder: a parsed article in, events out.

For each verb the CAMEO dictionary knows, the matching pattern gives the code; the
clause gives source (subject, or the by-phrase of a passive) and target (the pattern's
marked phrase, the object, or a prepositional object that names an actor); the
``ActorResolver`` turns those phrases into actors; dates and places come from the
sentence or, failing that, from the sentences before it.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass, replace
from typing import Any, Iterator

from ..models import Actor, Article, Event, Place
from ..nlp.dates import resolve_time
from ..nlp.docfacts import facts, spacy_token
from ..nlp.places import Gazetteer, resolve_place
from ..ontology.plover import to_plover
from ..resolve.actors import RECIPROCAL_HEADS, ActorResolver, Entity, all_conjuncts, collective_of, mention_tokens
from ..resolve.dictionary import ActorDictionary
from . import clauses, framing, nominal
from .discards import Discards
from .verbs import NO_EVENT, VerbDictionary, VerbMatch

# Prepositions whose object can be an event's target, best first.
TARGET_PREPS = ("with", "against", "between", "among", "to", "toward", "towards", "on", "at", "into", "over",
                "from", "for", "upon", "about")
# Movement and meeting codes may take their target from where they happen ("arrived in Moscow").
PLACE_TARGET_ROOTS = ("04",)
# Appeals, demands, accusations, rejections and threats are addressed to a clause's subject.
ADDRESSEE_ROOTS = ("02", "10", "11", "12", "13")
# verbs whose object is the subject of the clause they complete ("allowed Gondor to ...",
# "helped Syria rebuild its army")
ENABLING_VERBS = {"allow", "permit", "let", "help", "enable", "assist"}
STATE_ACT_ROOTS = ("09", "11", "17")  # investigate, accuse, coerce
EXPULSIONS = ("161", "166", "174")  # expel diplomats or organisations, deport persons
# acts mostly done within a country: yielding, investigating, demanding, rejecting, threatening,
# protesting, posturing, cutting relations, coercing (not meetings, comments, praise or aid, which
# cross borders as often; not violence, whose sides are as often foreign to each other)
DOMESTIC_ROOTS = ("08", "09", "10", "12", "13", "14", "15", "16", "17")
SYMMETRIC_ROOTS = ("03", "04", "05", "06")
# (but praising, defending, recognising, apologising, forgiving are done to someone: "A and B
# welcomed the agreement" is no praise of each other)
ONE_WAY = ("051", "052", "053", "054", "055", "056")
VIOLENT_ROOTS = ("18", "19", "20")
CONTINUATIONS = {"continue", "maintain", "keep", "intensify", "escalate", "prolong", "step", "sustain",
                 "resume", "restart"}  # (taking an act up again is the act too; "renewed the arms embargo" is not)
# acts whose target is often named only by their purpose: "went on hunger strike to protest the
# president's decision", "blocked roads in protest against the government", "opened fire to disperse
# demonstrators"
PURPOSE_TARGET_ROOTS = ("07", "14", "18", "19")
# agreeing and cooperating: an agreement's purpose clause may name whom it is with or for
AGREEMENT_ROOTS = ("03", "05", "06", "08")
# verbs done for the sake of what follows them: their purpose clause is the event of record
PURPOSE_VEHICLES = {"summon", "convene"}
OPINION_NOUNS = {"recommendation", "assessment", "view", "views", "position", "conclusion", "finding",
                 "findings", "analysis", "sentiment", "opinion", "statement", "argument", "characterization"}
SHOW_OF_FORCE, JOINT_EXERCISE, CEASEFIRE_VIOLATION, RESIGNATION, APPEAL, AID = "150", "062", "196", "083", "020", "070"
DONORS = {"donor", "contributor", "provider"}  # "is the largest donor of aid to ...": gives aid
# withdrawals, and intents, demands and refusals of them: the place left is what they are about
WITHDRAWALS = {"0874", "0356", "1056", "1246"}
RETURN_VERBS = {"return", "repatriate", "restitute"}
RETURN_PROPERTY = "0842"
TRANSFER_ROOTS = ("03", "05", "06", "07", "15")  # offers, cooperation, aid, mobilisation
MOVING_ROOTS = ("03", "06", "07", "08", "10", "12", "15", "16")  # intents, cooperation, aid, yielding,
# demands and refusals of them, posture, cuts
# verbs naming a statement's source ("citing officials") and passives saying what may happen
ATTRIBUTIONS = {"cite", "quote"}
MODAL_PASSIVES = {"expect", "believe", "think", "predict", "suppose", "set", "slate", "schedule", "likely"}
FREEING_VERBS = {"free", "release", "liberate", "rescue", "exchange", "swap"}
MISSIONS = {"mission", "operation", "force", "deployment", "contingent"}  # (what forces are sent to serve in)
# sending or pledging forces, military aid, peacekeepers or protection, or asking for them
SENDING_FORCES = {"062", "072", "074", "0332", "0334", "0232", "0234", "1032", "1034", "0861"}
TRAVELS = {"visit", "arrive", "come", "travel", "fly", "return", "tour"}
INSTRUMENT_VERBS = {"use", "employ", "utilize", "utilise", "wield"}
BARE_GROUPS = {"people", "those", "others", "persons", "individuals", "anyone"}
FORCE_NOUNS = {"troop", "force", "soldier", "peacekeeper", "personnel", "unit", "contingent", "division",
               "battalion", "brigade", "warship", "reinforcement", "reservist"}
_PURPOSE_NOUNS = {"protest", "defiance", "opposition", "support", "solidarity"}
# what kills when no one is named: "a roadside bomb killed ...", "killed in a car bomb explosion"
WEAPON_NOUNS = {"bomb", "bombing", "explosion", "blast", "device", "ied", "mine", "landmine", "missile", "rocket",
                "shell", "shelling", "grenade", "mortar", "airstrike", "strike", "attack", "explosive", "gunfire",
                "drone", "artillery", "ambush"}
# adjectives of a comment's mood (CAMEO 012 pessimistic, 013 optimistic)
MOODS = {**dict.fromkeys(("skeptical", "sceptical", "pessimistic", "doubtful", "wary", "cautious"), "012"),
         **dict.fromkeys(("optimistic", "hopeful", "confident", "upbeat"), "013")}
COMMENT_MOODS = ("012", "013")
# verbs whose object is the act itself: "launched an offensive", "waged a campaign of strikes"
ACT_CARRIERS = frozenset({"launch", "mount", "conduct", "stage", "perpetrate", "unleash", "wage", "step",
                          "commit", "execute", "resume", "intensify", "escalate", "renew"})
# Verbs too general to mean an event by themselves: they code only through a pattern
# ("take ... seriously" is no seizure, "called it a day" no phone call).
LIGHT_VERBS = frozenset(
    "take make give get have keep put set go come do bring turn run play see look find serve "
    "provide use include continue remain become seem let begin start show lead move "
    "follow call hold work stand pass carry open face".split()
)


@dataclass
class _Candidate:
    verb: Any
    match: VerbMatch
    code: str
    reverse: bool
    frame: str | None = None  # "intent" | "refusal" | "demand" | "appeal" | ... when a framing word re-coded it


class EventCoder:
    """Codes parsed documents. Holds the dictionaries; keeps no state between articles."""

    def __init__(self, verbs: VerbDictionary | None = None, actors: ActorDictionary | None = None,
                 gazetteer: Gazetteer | None = None, discards: Discards | None = None) -> None:
        self.verbs = verbs or VerbDictionary.default()
        self.actors = actors or ActorDictionary.default()
        self.gazetteer = gazetteer or Gazetteer.default()
        self.discards = discards if discards is not None else Discards.default()

    def code_doc(self, article: Article, doc: Any) -> list[Event]:
        """All events of one article whose text was parsed into ``doc`` (none when its lead
        names a story discard: a sports event, a celebrity, a storm)."""
        lead = next(iter(doc.sents), None)
        if lead is not None and self.discards.find(facts(doc).span_text(lead), story=True):
            return []
        resolver = ActorResolver(self.actors, article.published, publisher=article.source)
        events: list[Event] = []
        last_date: tuple[str | None, str] = (None, "unknown")
        last_place: Place | None = None
        for si, sent in enumerate(doc.sents):
            sent_events, last_date, last_place = self._code_sentence(article, si, sent, resolver, last_date, last_place)
            events.extend(sent_events)
        return _dedupe(events)

    # -- one sentence ------------------------------------------------------------------

    def _code_sentence(self, article: Article, si: int, sent: Any, resolver: ActorResolver,
                       last_date: tuple[str | None, str], last_place: Place | None):
        sent_place = resolve_place(sent, None, self.gazetteer)
        resolver.discourse.sentence_country = sent_place.country if sent_place is not None else None
        if sent_place is not None and sent_place.country:
            resolver.discourse.location_country = sent_place.country
        elif last_place is not None and last_place.country:
            resolver.discourse.location_country = last_place.country
        # mention the sentence's noun phrases in order, so that a pronoun finds only what came before it
        for tok in facts(sent.doc).sentence_tokens(sent):
            if tok.pos_ in ("PROPN", "NOUN", "PRON") and tok.dep_ not in ("compound", "amod", "poss", "nmod"):
                resolver.resolve(tok, si)
        text = facts(sent.doc).span_text(sent)
        if text.rstrip().endswith("?"):  # a question asks whether something happened; it reports nothing
            return [], last_date, last_place
        if self.discards.find(text):  # "... restore the African Nations Cup to Gondor": sport, no event
            return [], last_date, last_place
        candidates = list(self._candidates(sent))
        consumed: set[int] = set()
        for cand in candidates:
            consumed |= cand.match.consumed
        events: list[Event] = []
        sent_time = None
        frames = _apply_frames(candidates, consumed)
        produced: set[int] = set()
        background: set[int] = set()
        # a frame word ("demanded", "agreed") is coded by itself only when what it frames gave no
        # event; so is a statement ("X said Y attacked Z": the event is the attack, not the saying;
        # "X said it is skeptical of Y": the comment, not the saying)
        for cand in sorted(candidates, key=lambda c: (c.verb.i in frames, c.code[:2] == "01", c.code == "010")):
            if cand.verb.i in consumed or (cand.verb.i in frames and frames[cand.verb.i] in produced):
                continue
            if cand.code[:2] == "01" and cand.code != "015" and _reports_an_event(cand.verb, produced):
                continue
            cand_events = self._events_for(article, si, sent, cand, resolver)
            if not cand_events:
                continue
            produced.add(cand.verb.i)
            t = resolve_time(sent, article.published, spacy_token(cand.verb.head if cand.frame else cand.verb))
            if t is not None:
                when = (t.date, t.precision)
                if t.date:
                    sent_time = when
            elif last_date[0]:
                when = last_date
            else:
                when = (article.published, "before") if article.published else (None, "unknown")
            place = resolve_place(sent, spacy_token(cand.verb), self.gazetteer) or sent_place or last_place
            for ev in cand_events:
                ev.date, ev.date_precision = when
                ev.location = place
                ev.source = _where_it_struck(ev.source, place)
                events.append(ev)
            if clauses.in_background(cand.verb):
                background.update(id(ev) for ev in cand_events)
        if background and any(id(ev) not in background and ev.cameo[:2] != "01" for ev in events):
            # "... almost five years after crowds trashed its embassy", "sanctions on the faction
            # that controls Afghanistan": what an after/since clause or a relative clause tells is
            # background to the sentence's own event (and happened at another time, if at all);
            # but "X said on Monday, after Y attacked Z" is the attack
            events = [ev for ev in events if id(ev) not in background]
        if sent_time is None:
            t = resolve_time(sent, article.published, None)
            if t is not None and t.date and t.precision == "day":
                sent_time = (t.date, t.precision)
        pairs = [(e.source, e.target) for e in events if e.source and e.target]
        if pairs:
            s, t = pairs[-1]
            resolver.discourse.last_pair = (_entity(s), _entity(t))
        return events, (sent_time or last_date), (sent_place or last_place)

    def _candidates(self, sent: Any) -> Iterator[_Candidate]:
        for tok in facts(sent.doc).sentence_tokens(sent):
            mood = _mood(tok) or _donor(tok)
            if mood is not None:  # "said it is skeptical of the plan": a pessimistic comment
                yield _Candidate(tok, mood, mood.code, False)
                continue
            if tok.pos_ not in ("VERB",) and not (tok.pos_ == "AUX" and tok.dep_ == "ROOT") \
                    and not _verb_taken_for_noun(tok):
                continue
            # (asked before the dictionary: whatever it says, these code nothing)
            # "a delegation led by ...": a description (unless the parse took the main verb for one)
            if tok.dep_ == "acl" and tok.tag_ == "VBN" and not clauses.misparsed_main_verb(tok) \
                    and not clauses.headline_participle(tok):
                continue
            if clauses.attributive_participle(tok) is not None:
                continue  # "met visiting Chinese Premier Li Keqiang": a description of the one met
            if self._instrument_of(tok):
                continue  # "conducted 23 strikes using fighter aircraft": how the act was done
            if _in_charge(tok):
                continue  # "accused X of supporting ...": the charge (but "X were guilty of violating ...": X did)
            if tok.lemma_.lower() in ATTRIBUTIONS and tok.tag_ == "VBG" and tok.dep_ in ("advcl", "xcomp", "conj"):
                continue  # "..., according to Reuters, citing state comptroller Amoroso": a source named
            if tok.lemma_.lower() in MODAL_PASSIVES and clauses.is_passive(tok) \
                    and any(c.dep_ == "xcomp" for c in tok.children):
                continue  # "Italy is expected to make warships available": what may happen, not an act
            # "sanctions were lifted": a passive's subject is what the active's object would be
            m = self.verbs.match(tok, extra_words=[w for c in tok.children if c.dep_ == "nsubjpass"
                                                   for w in (c, *c.lefts) if w.dep_ != "det"])
            if (m is None or m.score == 0) and tok.lemma_.lower() in CONTINUATIONS and not any(
                    c.dep_ == "xcomp" and c.pos_ == "VERB" for c in tok.children):
                # "are continuing a hunger strike", "kept up their attacks": going on with an act
                # is the act, as starting it would be (only where a pattern names it; in "continued
                # to send arms" the infinitive is the act); going on with what is given is giving it:
                # "will continue military aid to Egypt", "maintained its support for Assad"
                for lemma in ("start", "provide"):
                    begun = self.verbs.match(tok, lemma=lemma)
                    if begun is not None and begun.score >= 1:
                        begun.rule = f"{tok.lemma_.upper()} as {begun.rule}"
                        m = begun
                        break
            occurring = self._noun_act(tok)
            if occurring is not None:  # "Palestinian riots continued": the riots, not the continuing
                m = occurring
            if m is None:
                continue
            if m.score == 0 and tok.lemma_.lower() in LIGHT_VERBS and occurring is None:
                asked = next((c for c in tok.children if c.dep_ == "advcl" and framing.frame_of(c) == ("appeal", tok)), None)
                if asked is None:
                    continue
                # "called for Britain to stay in the single market": an appeal to the clause's subject
                m = VerbMatch(APPEAL, "", f"{tok.lemma_.upper()} FOR + TO [{APPEAL}]", 1,
                              target=clauses.subject_of(asked)[0])
            code, reverse = m.code, False
            if not code and m.alt:
                code, reverse = m.alt, True
            if code == NO_EVENT and _returned_to(tok) is not None:
                code, m.rule = RETURN_PROPERTY, f"{m.rule} returned to [{RETURN_PROPERTY}]"
            # "ordered the release of ...", "speeded up the withdrawal": the act the noun names
            # (whether or not the verb codes anything by itself)
            named = self._named_act(tok, m)
            if named is not None:
                m, code, reverse = named, named.code, False
            if not code or code == NO_EVENT or not code.isdigit():
                continue
            yield _Candidate(tok, m, _recode(tok, m, code), reverse)

    def _instrument_of(self, tok: Any) -> bool:
        """A participle that says what an act was done with ("attacked a base using car bombs",
        "conducted strikes using fighter aircraft"): part of that act, no act of its own."""
        if tok.lemma_.lower() not in INSTRUMENT_VERBS or tok.tag_ != "VBG" or tok.dep_ not in ("advcl", "acl") \
                or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            return False
        act = tok.head if tok.dep_ == "advcl" else tok.head.head  # ("strikes using": the strikes' verb)
        if act.pos_ != "VERB":
            return False
        m = self.verbs.match(act)
        return m is not None and bool(m.code) and m.code != NO_EVENT

    def _noun_act(self, verb: Any) -> VerbMatch | None:
        """"Fighting broke out", "riots continued": the act the subject names, which happens;
        "X is responsible for mass killings": the act X answers for."""
        act = nominal.act_subject(verb) or nominal.culpable_act(verb)
        if act is None:
            return None
        named = self.verbs.match(act[0], lemma=act[1])
        if named is None or not named.code or named.code == NO_EVENT:
            return None
        named.rule = f"{act[0].text} {verb.lemma_.upper()} as {named.rule}"
        named.consumed |= {act[0].i}
        return named

    def _named_act(self, verb: Any, m: VerbMatch) -> VerbMatch | None:
        """"announced a suspension of aid", "ordered the release of ...": the act the noun names."""
        act = nominal.act_object(verb)
        if act is None:
            return None
        named = self.verbs.match(act[0], lemma=act[1])
        if named is None or not named.code or named.code == NO_EVENT or named.code[:2] == "01":
            return None
        named.rule = f"{m.rule}: {act[0].text} as {named.rule}"
        named.consumed |= {act[0].i}
        return named

    def _events_for(self, article: Article, si: int, sent: Any, cand: _Candidate, resolver: ActorResolver) -> list[Event]:
        verb, m = cand.verb, cand.match
        subj, own = clauses.subject_of(verb)
        agent = m.source or subj
        sources = _agents(agent, verb, resolver, si, m.score >= 1 and own and agent is not None
                          and agent.pos_ == "NOUN" and agent.i not in m.consumed)
        parties = _between(agent, verb)
        if not sources and parties is not None and agent.i in m.consumed:
            sources = resolver.resolve_conjuncts(parties, si)  # "fighting broke out between A and B"
        # (an option weighed, "considering sending troops to Syria", or threatened, "threatened to
        # close all borders with Kurdistan", has the targets of the act weighed or threatened)
        acted = m.code if cand.frame in ("option", "threat") and m.code else cand.code
        targets, strong = self._targets(verb, m, acted, resolver, si, sources, threat=cand.code[:2] == "13")
        targets = _hit_whole(verb, acted, targets)
        if acted in SENDING_FORCES:
            targets = [self._mission_place(t, verb, resolver, si) for t in targets]
        demander = _demander(verb) if cand.frame in ("demand", "appeal") else None
        if demander is not None:
            # "Russia said Sudan must return the helicopter": the speaker demands of the subject
            speaker, _ = clauses.subject_of(demander)
            said_by = _agents(speaker, demander, resolver, si, speaker is not None and speaker.pos_ == "NOUN")
            if said_by:
                demanded_of = [a for a in sources if a is not None and not any(_same(a, b) for b in said_by)]
                if not demanded_of:  # "reminded Iraq that it must ...": the one addressed
                    demanded_of = [a for h in _addressees(demander) for a in resolver.resolve_conjuncts(h, si)]
                sources, targets, strong = said_by, demanded_of, True
        if cand.reverse:  # "X faces criticism": someone (unnamed) criticises X
            sources, targets = [None], [a for a in sources if a is not None]
        # "three civilians were killed", "a US national was put under investigation", "a roadside
        # bomb killed three soldiers", "a minefield explosion killed two Iraqi youths": the one acted
        # on is known (if only by a country), who acted is not
        # (a weapon that did it stands for an unidentified armed force of where it happened, also
        # in coercion: "one strike suppressed / destroyed ...")
        weapon = _weapon(agent, verb) if cand.code[:2] in VIOLENT_ROOTS + ("17",) else None
        unnamed = clauses.is_passive(verb) if agent is None else (cand.code[:2] in VIOLENT_ROOTS or weapon is not None)
        if not sources and targets and unnamed:
            # (the state where someone "was arrested in Lebanon", "put under investigation in Italy")
            state = [a for a in self._state_where(verb, resolver, si, "in") if not any(_same(a, t) for t in targets)] \
                if agent is None and cand.code[:2] in STATE_ACT_ROOTS else []
            if agent is None and cand.code.startswith(EXPULSIONS):
                # "two inspectors have been expelled from North Korea": by the state they leave
                state = self._state_where(verb, resolver, si, "from")
                if state:
                    targets = [t for t in targets if not _same(t, state[0])] or self._sent_off(verb, resolver, si)
            # (a weapon its user names is theirs: "killed in a Taliban attack", "an Israeli air strike",
            # "missiles fired by the Israeli military")
            owner = (resolver.resolve(weapon, si, strict="near")
                     or [a for x in _fired_by(weapon) for a in resolver.resolve(x, si)]) if weapon is not None else []
            sources = owner or ([_armed_force(weapon)] if weapon is not None else state or [None])
        if not sources or not any(sources) and not targets:
            return []
        reciprocal = agent is not None and agent.lower_ in RECIPROCAL_HEADS
        if cand.code == SHOW_OF_FORCE and not targets and len({a.country for a in sources if a and a.country}) >= 2:
            # "French and Egyptian warships launched war games": exercises held together are
            # military cooperation (062), each with the other
            cand.code, m.rule = JOINT_EXERCISE, f"{m.rule} together [{JOINT_EXERCISE}]"
        # (a ceasefire that "A and B violated" is one between them: each violates it against the other;
        # so is an act the dictionary codes both ways, "[164:164]": "talks between A and B collapsed")
        # (an act intended or refused together is too: "A and B failed to reach agreement")
        done = m.code if cand.frame in ("intent", "refusal") and m.code else cand.code
        symmetric = (done[:2] in SYMMETRIC_ROOTS and done[:3] not in ONE_WAY) \
            or cand.code in (CEASEFIRE_VIOLATION, m.alt) or _each_other(verb)
        if len(sources) >= 2 and (parties is not None or m.among):
            # "clashes between A and B continued", "fighting broke out between A and B": what is
            # between two parties is each's against the other (not against where it happened);
            # so is what a pattern says a compound subject does ("% HAVE * [191]")
            symmetric, targets = True, []
        # (also when the only targets found are the subjects themselves: "Mexico and the United
        # Kingdom signed an agreement to keep trading after the UK leaves the EU")
        # (or where they did it: "Putin and Erdogan met at Sochi")
        mutual = len(sources) >= 2 and symmetric and (not targets or (reciprocal and not strong) or all(
            any(s is not None and _same(t, s) for s in sources) or _located(t, sent) for t in targets))
        if mutual:  # "A and B met", "Israeli and Palestinian negotiators met": each with the other
            pairs = [(s, t) for s, t in itertools.permutations(sources, 2) if s is not None and t is not None]
        else:
            pairs = [(s, t) for s in sources for t in (targets or [None])
                     if not (s is not None and t is not None and len(targets) > 1 and _same(s, t))]
        # a paired pattern ("LEFT [032:033]", "TALKS [046:046]"): the target does the second code to the source
        # (a place is a party to a coming, "arrived in Gondor", not to an act done there: "declared a
        # ceasefire in Tripoli")
        # (a material act is paired only with a partner: "exchanged fire with", "cooperated with",
        # not "missiles struck an area near the Golan Heights")
        # (a mutual act intended is intended by both: "will hold talks with Tusk" [046:046])
        pair_code = m.alt if m.code == cand.code else cand.code if cand.frame == "intent" and m.alt == m.code else None
        paired = pair_code if (pair_code and not cand.reverse and not mutual
                           and (cand.code[:2] < "06" or any(_partner(t, verb) for t in targets) or _each_other(verb))
                           and not (any(_located(t, sent) for t in targets)
                                    and (clauses.object_of(verb) is not None or verb.lemma_.lower() not in TRAVELS))
                           and not clauses.is_passive(verb)) else None
        negated = clauses.is_negated(verb) and cand.frame != "refusal"
        modality = "asserted" if cand.frame in ("demand", "appeal", "refusal", "posture") \
            or framing.protest_purpose(verb.head) is verb else clauses.modality_of(verb)  # (a protest "to protest" is)
        trig_start = verb.idx - sent.start_char
        sentence = _verbatim(article, sent)
        for a in (*sources, *targets):
            if a is not None:
                a.text = sentence[a.start:a.end]
        prominence = _prominence(verb, cand.code)
        out = []
        for src, tgt in pairs:
            # (each of two subjects acting together is a party of its own, even where the
            # dictionary codes both alike: "the European Parliament and the EU Council failed to agree",
            # "UK and EU negotiators agreed")
            if src is not None and tgt is not None and not mutual and _same(src, tgt):
                tgt = None
            if cand.code[:2] in DOMESTIC_ROOTS:
                src, tgt = _of_the_others_country(src, tgt), _of_the_others_country(tgt, src)
            # (the one acted on is named without the description beside it; in full, as subjects are,
            # where it acts back or is the subject: "met Angela Merkel, the German chancellor",
            # "Victoire Ingabire, leader of the party, was arrested")
            full = mutual or paired or tgt is None or tgt.start < trig_start
            directed = [(src, tgt if full else _target_words(tgt, verb), cand.code, 0.0)]
            if paired and src is not None and tgt is not None:
                directed.append((tgt, src, paired, -0.05))  # ranks just below the event it pairs with
            for a, b, code, shift in directed:
                ev = Event(
                    article_id=article.id,
                    sentence_index=si,
                    sentence=sentence,
                    cameo=code,
                    trigger={"text": sentence[trig_start:trig_start + len(verb.text)], "start": trig_start,
                             "end": trig_start + len(verb.text)},
                    source=a,
                    target=b,
                    plover=to_plover(code, verb.lemma_.lower()),
                    negated=negated,
                    modality=modality,
                    rule=m.rule,
                )
                ev.confidence = _confidence(m, a, b, modality, strong, prominence + shift)
                out.append(ev)
        return out

    def _targets(self, verb: Any, m: VerbMatch, code: str, resolver: ActorResolver, si: int,
                 sources: list[Actor | None], threat: bool = False) -> tuple[list[Actor], bool]:
        """The event's targets, and whether they were named outright (not only by a modifier);
        ``code`` is the act's, ``threat`` whether it is threatened."""
        src = [a for a in sources if a is not None]

        def ok(actors: list[Actor]) -> list[Actor]:
            # (one of two subjects may be the others' target: "A and B may spur reconciliation
            # between C and B": A's with B)
            return [a for a in actors if not any((a.start, a.end) == (s.start, s.end) for s in src)
                    and (len(src) >= 2 or not any(_same(a, s) for s in src))]

        # what a pessimistic or optimistic comment is about ("skeptical of the government's ability",
        # "expressed optimism at a bipartisan deal", "pessimistic that the Olympics will go ahead")
        if code in COMMENT_MOODS and m.anchor is not None:
            about = _about(m.anchor)
            if about is not None and not any(_same_span(about, s) for s in src):
                found = ok(resolver.resolve_conjuncts(about, si, strict="near"))
                if found or about.pos_ != "PRON":  # ("confident that we will ...": no one new)
                    return found or [_unresolved(about, resolver.role_of(mention_tokens(about)))], False
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
            and verb.lemma_.lower() not in FREEING_VERBS and _own_forces(obj) else set()
        # (nor is the weapon used, or the attacker's own thing, but what it is aimed at: "launched
        # artillery and rocket fire against the camps", "used tanks against protesters", "detonated
        # his explosives-laden vehicle near an army base")
        if obj is not None and code[:2] in VIOLENT_ROOTS + ("17",) and (obj.lemma_.lower() in WEAPON_NOUNS or (
                any(c.dep_ == "poss" and c.lower_ in ("his", "her", "its", "their") for c in obj.children)
                and verb.lemma_.lower() not in ACT_CARRIERS | LIGHT_VERBS  # (not "mounted its invasion of X")
                and resolver.role_of(mention_tokens(obj)) is None)):  # (nor people: "attacked their fighters")
            weapons = [obj, *all_conjuncts(obj)]
            moved |= {t.i for t in weapons}
            preps = preps + [(c.lower_, x) for w in weapons[1:] for c in w.children if c.dep_ == "prep"
                             for x in c.children if x.dep_ == "pobj"]
        heads = [h for h in _target_heads(verb, m, code, obj, preps) if h.i not in moved]
        # (not a word of the subject's phrase: "missiles fired by the military struck ...")
        anchor = m.anchor if m.anchor is None or (m.anchor.i not in moved and m.anchor.i > verb.i) else None
        for strict, candidates in ((True, heads), ("near", heads), (False, [anchor, *heads])):
            for h in candidates:
                if h is None:
                    continue
                found = ok(resolver.resolve_conjuncts(h, si, strict=strict))
                if found:  # (with the named ones beside them no dictionary knows: "a kidnapped Peace
                    # Corps volunteer and a Japanese citizen")
                    return found + _named_beside([h, *all_conjuncts(h)], found + src, resolver, si), strict is True
        def first(levels: tuple, candidates: list[Any]) -> list[Actor]:
            return next((found for strict in levels for h in candidates
                         if (found := ok(resolver.resolve_conjuncts(h, si, strict=strict)))), [])

        # a protest's or an attack's purpose; the one a threat's condition names ("threatened to
        # attack if Hamas runs"); last, deeper in what is acted on ("cordoned off the roads leading
        # into Mordor", "expressed hopes that Osgiliath could be drawn in")
        # (what is acted on may be a phrase the parser made prepositional: "cordoned off the roads")
        acted_on = obj if obj is not None else next((p for _, p in preps if p.i in m.consumed or p.head.i in m.consumed), None)
        found = ((code[:2] in PURPOSE_TARGET_ROOTS and first((True, "near"), _purpose_heads(verb)))
                 or (threat and first((True, "near"), _condition_subjects(verb)))
                 or (acted_on is not None and first((True,), _deep_heads(acted_on)))
                 # "signed an accord to supply Gondor with wheat": whom the agreement is for
                 or (acted_on is not None and code[:2] in AGREEMENT_ROOTS and first((True,), _purpose_heads(verb))))
        if found:
            return found, False
        # what an attack is aimed at, even when it names no actor ("attacked the Catumbela air base";
        # but in "carried out an attack" the object is the act itself), of the country where it was
        # hit, if known: "tortured an inmate to death in western Iran" (IRN)
        # (only beside a known attacker or a weapon: a thing alone makes no event)
        if (src or _weapon(m.source or clauses.subject_of(verb)[0], verb) is not None) \
                and code[:2] in VIOLENT_ROOTS and code != CEASEFIRE_VIOLATION and obj is not None and obj.pos_ in ("NOUN", "PROPN") \
                and verb.lemma_.lower() not in LIGHT_VERBS | ACT_CARRIERS and obj.lemma_.lower() not in WEAPON_NOUNS \
                and obj.i not in moved and not any(_same_span(obj, s) for s in src):  # (not "fired four shell bombs at ...")
            hit = _unresolved(obj, resolver.role_of(mention_tokens(obj)))
            where = next((a.country for name, p in preps if name == "in"
                          for a in resolver.resolve_conjuncts(p, si, strict="near") if a.country), None)
            if where is not None:
                hit = replace(hit, country=where, code=where + (hit.sector or ""))
            return [hit], False
        # a person named as what is acted on, whom no dictionary knows ("the journalist Moussa
        # Tchangari was arrested in Niger"), before where it happened
        if obj is not None and obj.i not in moved and any(t.ent_type_ == "PERSON" for t in mention_tokens(obj)) \
                and not any(_same_span(obj, s) for s in src):
            return [_unresolved(obj, resolver.role_of(mention_tokens(obj)))], False
        # last, where it happened: "arrived in Moscow", "lifted the curfew in Montenegro" (but "A and B
        # met in Cairo": each other)
        if code[:2] not in SYMMETRIC_ROOTS or len(src) < 2:
            names = ("in", "to", "at") if code[:2] in PLACE_TARGET_ROOTS else ("in",)
            if code in WITHDRAWALS:  # "is willing to withdraw its troops from Abyei"
                names += ("from",)
            if code == RESIGNATION:  # "resigned as president of Indonesia"
                names += ("of",)
            fronted = [x for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" and c.i < verb.i
                       for x in c.children if x.dep_ == "pobj"]  # ("In Colombia, the ELN declared a ceasefire")
            for h in [p for name, p in preps if name in names] + fronted:
                found = ok(resolver.resolve_conjuncts(h, si, strict="near")) or self._place_actor(h)
                if found:
                    return found, False
        # "warned of the Prince of Dol Amroth", "spoke of Iran": the verb's own "of" phrase, when it
        # names a known actor (not "accused X of ...": X is the object, found before)
        found = first((True,), [p for name, p in preps if name == "of" and p.head.head.i == verb.i])
        if found:
            return found, False
        # "met his Jordanian counterpart and signed a trade deal": a joint act done next with the
        # one just met, talked to, or named by the verb it is coordinated with
        if code[:2] in SYMMETRIC_ROOTS and verb.dep_ == "conj" and verb.head.pos_ == "VERB":
            first_verb = verb.head
            before = self.verbs.match(first_verb)
            if before is not None and (before.code or "")[:2] in SYMMETRIC_ROOTS:
                partners = [clauses.object_of(first_verb), *(p for name, p in clauses.prepositional_objects(first_verb)
                                                             if name in ("with", "to"))]
                found = first((True, "near"), [h for h in partners if h is not None])
                if found:
                    return found, False
        # a named target no dictionary knows ("lift the ban on the LTTE"): kept uncoded, as sources are
        deep = _deep_heads(acted_on) if acted_on is not None else []  # ("lift the ban on doing business with ZTE")
        for h in heads + deep:
            if _named(h) and not any(_same_span(h, s) or s.text == h.text for s in src):
                return [_unresolved(h, resolver.role_of(mention_tokens(h)))], False
        # and a group it is given or said to ("provided assistance to about 550 households",
        # "expressed condolences to the families of the victims")
        for h in [p for name, p in preps if name == "to"] + [c for c in verb.children if c.dep_ in ("dative", "iobj")]:
            if h.tag_ in ("NNS", "NNPS") and h.i not in m.consumed and not any(_same_span(h, s) for s in src):
                return [_unresolved(h, resolver.role_of(mention_tokens(h)))], False
        return [], False

    @staticmethod
    def _sent_off(verb: Any, resolver: ActorResolver, si: int) -> list[Actor]:
        """Who a passive expulsion sends off, the whole phrase ("two inspectors for the UN agency"),
        coded by any actor in it."""
        head = clauses.object_of(verb)
        if head is None:
            return []
        whole = _unresolved(head)
        found = resolver.resolve_conjuncts(head, si, strict=False)
        return [replace(a, text=whole.text, start=whole.start, end=whole.end) for a in found[:1]] or [whole]

    def _state_where(self, verb: Any, resolver: ActorResolver, si: int, prep: str) -> list[Actor]:
        """The country a passive act with no agent was done in ("was arrested in Lebanon") or,
        ``prep="from"``, sent from, as its source: arrests, charges, investigations and expulsions
        are the state's."""
        for name, pobj in clauses.prepositional_objects(verb):  # (also "under investigation in Italy")
            found = [a for a in resolver.resolve(pobj, si, strict=True) if a.country and a.code == a.country]
            if name == prep and found:
                return found[:1]
        return []

    def _mission_place(self, actor: Actor | None, verb: Any, resolver: ActorResolver, si: int) -> Actor | None:
        """Forces sent to a mission are sent to where it serves: "deploying 300 troops to the UN
        peacekeeping mission in Mali" → Mali, "contribute more to peacekeeping operations in Syria"."""
        if actor is None:
            return actor
        span = verb.sent.char_span(actor.start, actor.end, alignment_mode="expand")
        root = span.root if span is not None and len(span) else None
        if root is None or root.lemma_.lower() not in MISSIONS:
            return actor
        where = [x for c in root.children if c.dep_ == "prep" and c.lower_ == "in" for x in c.children if x.dep_ == "pobj"]
        found = [a for h in where for a in (resolver.resolve_conjuncts(h, si, strict="near") or self._place_actor(h))]
        return found[0] if found else actor

    def _place_actor(self, head: Any) -> list[Actor]:
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
        actor = _unresolved(head, appos=False)
        place = self.gazetteer.lookup(_unresolved(named, appos=False).name or named.text)
        if place is not None and place.country is not None:
            return [replace(actor, country=place.country, code=place.country)]
        # (a country's own place, kept uncoded; not a sea or a range: "war games in the Mediterranean")
        return [actor] if named.ent_type_ in ("GPE", "LOC") else []


def _mood(tok: Any) -> VerbMatch | None:
    """A copula whose adjective says how its subject sees something ("is skeptical of", "is
    optimistic about"): CAMEO's pessimistic (012) or optimistic (013) comment, on what it is about."""
    if tok.lemma_ != "be":
        return None
    adj = next((c for c in tok.children if c.dep_ == "acomp" and c.lower_ in MOODS), None)
    if adj is None:
        return None
    code = MOODS[adj.lower_]
    return VerbMatch(code, "", f"BE {adj.text.upper()} [{code}]", 1, anchor=adj, consumed={adj.i})


def _donor(tok: Any) -> VerbMatch | None:
    """A copula that names its subject a donor ("remains the largest donor of humanitarian
    assistance to Iraq"): aid given (070), to whom the donor's phrase says."""
    if tok.lemma_ not in ("be", "remain"):
        return None
    attr = next((c for c in tok.children if c.dep_ == "attr"), None)
    if attr is not None and attr.lower_ == "one":  # "is one of the largest bilateral donors"
        attr = next((x for c in attr.children if c.dep_ == "prep" and c.lower_ == "of"
                     for x in c.children if x.dep_ == "pobj"), attr)
    if attr is None or attr.lemma_.lower() not in DONORS:
        return None
    to = [x for t in attr.subtree if t.dep_ == "prep" and t.lower_ in ("to", "in", "for")
          for x in t.children if x.dep_ == "pobj"]
    return VerbMatch(AID, "", f"{tok.lemma_.upper()} {attr.lemma_.upper()} [{AID}]", 1, anchor=attr,
                     consumed={attr.i}, target=to[0] if to else None)


def _about(word: Any) -> Any | None:
    """What a word of feeling is about: its about/of/over/at/on/in phrase, or the subject of its
    that-clause; also one the parse hung on the verb ("expressed optimism | at a deal")."""
    after_verb = [c for c in word.head.children if c.i > word.i] if word.dep_ in ("dobj", "acomp") else []
    for c in [*word.children, *after_verb]:
        if c.dep_ == "prep" and c.lower_ in ("about", "of", "over", "at", "on", "in", "regarding"):
            pobj = next((x for x in c.children if x.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None and pobj.pos_ == "VERB":  # "about bringing the standoff to an end"
                pobj = clauses.object_of(pobj)
            if pobj is not None and pobj.pos_ in ("NOUN", "PROPN", "PRON") and pobj.ent_type_ not in ("DATE", "TIME"):
                return pobj
        if c.dep_ == "ccomp" or (c.dep_ == "acl" and any(x.dep_ == "mark" and x.lower_ == "that" for x in c.children)):
            return clauses.subject_of(c)[0] or clauses.object_of(c)
    return None


def _own_forces(obj: Any) -> bool:
    """Forces with no other side's name on them ("peacekeepers", "its troops", "300 troops",
    "the batch of 200 peacekeepers"), which a withdrawal, a deployment or a mobilisation moves."""
    obj = collective_of(obj) or obj
    return obj.lemma_.lower() in FORCE_NOUNS and not any(
        c.dep_ in ("amod", "compound", "nmod", "poss") and c.ent_type_ in ("NORP", "GPE", "ORG") for c in obj.children)


def _returned_to(verb: Any) -> Any | None:
    """Whom a thing is given back to (the head of the "to" phrase), if ``verb`` returns a thing:
    "returned prehistoric fossils to the Chinese government", "a sarcophagus was returned to
    Egypt". Giving back a thing (not going back somewhere) is the return of property (0842),
    whatever the thing is."""
    if verb.lemma_.lower() not in RETURN_VERBS:
        return None
    obj = clauses.object_of(verb)
    if obj is None or obj.pos_ not in ("NOUN", "ADJ") or obj.ent_type_ in ("PERSON", "NORP", "GPE", "ORG"):
        return None  # (the tagger may take the thing for an adjective: "a silver pendant")
    # (the parse may hang "to ..." on the object's words: "a silver pendant | to Russian authorities";
    # but not inside a clause of its own, "skulls that date back to A.D. 640", unless it names
    # a country or a body: "skulls that date back to A.D. 640 to Peru")
    inner = {t.i for c in obj.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
    tos = [c for c in verb.children if c.dep_ == "prep"] + [
        t for t in obj.subtree if t.dep_ == "prep" and (t.i not in inner or any(
            x.ent_type_ in ("GPE", "ORG", "NORP") for x in t.subtree))]
    return next((x for p in tos if p.lower_ == "to" for x in p.children
                 if x.dep_ == "pobj" and x.ent_type_ not in ("DATE", "TIME")), None)


def _verb_taken_for_noun(tok: Any) -> bool:
    """A headline's verb the tagger took for a noun: "EU and UN hand over supplies to ...", a
    root noun with a subject of its own; "US sanctions Iran over ...", a plural root noun
    between two names (the first its subject, the second its object)."""
    if tok.pos_ != "NOUN" or tok.dep_ != "ROOT":
        return False
    if any(c.dep_ == "nsubj" for c in tok.children):
        return True
    return tok.tag_ == "NNS" and clauses.headline_subject(tok) is not None and any(
        c.dep_ == "appos" and c.pos_ == "PROPN" and c.i == tok.i + 1 for c in tok.children)


def _deep_heads(obj: Any) -> list[Any]:
    """Noun phrases inside the object's own clauses and phrases, in text order (not the object)."""
    own = {t.i for t in mention_tokens(obj)}
    return [t for t in obj.subtree if t.i not in own and t.pos_ in ("NOUN", "PROPN")
            and t.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass", "poss", "appos", "conj")]


def _condition_subjects(verb: Any) -> list[Any]:
    """Subjects of the "if"/"unless" clauses within the clause of the verb and the verbs that
    frame it ("threatened to stop talks to reduce arms if the US goes ahead"), nearest first."""
    top = verb
    for _ in range(3):
        if top.dep_ not in ("xcomp", "ccomp", "conj") or top.head.i == top.i:
            break
        top = top.head
    clauses_ = [t for t in top.subtree if t.dep_ == "advcl"
                and any(x.dep_ == "mark" and x.lower_ in ("if", "unless") for x in t.children)]
    clauses_.sort(key=lambda t: abs(t.i - verb.i))
    return [x for c in clauses_ for x in c.children if x.dep_ in ("nsubj", "nsubjpass")]


def _vehicle(verb: Any) -> bool:
    """A verb done for the sake of its purpose clause: "summoned the envoy to complain", and a
    call made to someone ("called Morrison to congratulate him"), not a call on them to act."""
    lemma = verb.lemma_.lower()
    if lemma == "call":  # ("called on Israel to ..." has no object: an appeal)
        return any(c.dep_ == "dobj" for c in verb.children)
    return lemma in PURPOSE_VEHICLES


def _infinitive(tok: Any) -> bool:
    """A "to" infinitive hung on a verb ("... to protest", "... to complain")."""
    return tok.dep_ in ("advcl", "xcomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in tok.children)


def _purpose_heads(verb: Any) -> list[Any]:
    """The noun phrases of the act's purpose, in text order: its infinitive clause ("to protest
    Sweden's decision", "to demand reforms from the government") and its "against"/"over" or
    "in protest at" phrase; "by" phrases inside are kept ("violations by security forces")."""
    parts = []
    for c in verb.children:
        if _infinitive(c):
            parts.append(c)
        elif c.dep_ == "prep" and c.lower_ in ("against", "over"):
            parts.append(c)
        elif c.dep_ == "prep" and any(x.dep_ == "pobj" and x.lemma_.lower() in _PURPOSE_NOUNS for x in c.children):
            parts.append(c)
    # (not in a clause of its own time or condition: "to keep trading after the UK leaves the EU")
    aside = {t.i for part in parts for c in part.subtree if c.dep_ == "advcl" and c.i != part.i for t in c.subtree}
    return sorted((t for part in parts for t in part.subtree
                   if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("dobj", "pobj", "poss", "nsubj", "conj") and t.i not in aside),
                  key=lambda t: t.i)


def _target_heads(verb: Any, m: VerbMatch, code: str, obj: Any, preps: list[tuple[str, Any]]) -> list[Any]:
    """The phrases that may name the target, best first."""
    pattern_preps = [pobj for p, pobj in preps if any(c.i in m.consumed for c in (pobj.head,))]
    # "believed linked to Al-Qaeda": the phrase of the pattern's last word, when not the verb's own
    if m.anchor is not None and m.anchor.i != verb.i and m.anchor.pos_ in ("VERB", "ADJ"):
        pattern_preps += [x for c in m.anchor.children if c.dep_ == "prep" for x in c.children if x.dep_ == "pobj"]
    # (a visitor's "from" is where they come from, not whom they visit: "soldiers visiting from Fort Sill")
    ordered = [p for prep in TARGET_PREPS for (name, p) in preps if name == prep
               and not (prep == "from" and verb.lemma_.lower() in TRAVELS and obj is None and p.head.head.i == verb.i)]
    ordered.sort(key=lambda p: 0 if p.head.head.i == verb.i else 1)  # the verb's own phrases first
    # "plans to visit Syria": the infinitive's object when the pattern took in the infinitive
    inner = [object_of_xcomp for c in verb.children if c.dep_ == "xcomp" and c.i in m.consumed
             for object_of_xcomp in (clauses.object_of(c),) if object_of_xcomp is not None]
    # "promised to continue military aid to Mozambique": what the infinitive is done to, last
    framed = [x for c in verb.children if c.dep_ == "xcomp" and c.i not in m.consumed
              for x in (clauses.object_of(c), *(p for name, p in clauses.prepositional_objects(c)
                                                if name in TARGET_PREPS)) if x is not None]
    # "condemned the attack by Osgiliath soldiers", "welcomed the visit by Xi": the act's agent
    # (also when parsed onto an active verb, right after its object: "denied charges by the Chamber")
    agentive = [p for name, p in preps if name == "by" and obj is not None and (
        p.head.head.i == obj.i or (p.head.head.i == verb.i and p.head.i == obj.right_edge.i + 1
                                   and not clauses.is_passive(verb)))]
    # "gave Tanzania a grant": the indirect object is the recipient
    datives = [c for c in verb.children if c.dep_ in ("dative", "iobj") and c.pos_ != "ADP" and c is not obj]
    # "sent troops to Bosnia", "provided intelligence to Macedonia", "offered its troops to Lebanon":
    # in acts of giving, an object the pattern names or the giver owns is what is given, so the
    # phrases that name who receives it come first
    named = code[:2] in TRANSFER_ROOTS and obj is not None and (
        any(t.i in m.consumed for t in obj.subtree)
        or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in obj.children))
    # "summoned the envoy to complain about ...": the one summoned is the one complained to
    vehicle = clauses.object_of(verb.head) if (verb.dep_ in ("advcl", "xcomp") and _vehicle(verb.head)) else None
    # "returned a pendant engraved with ... to Russian authorities": the one given it back
    returned = _returned_to(verb) if code == RETURN_PROPERTY else None
    heads = [x for x in (m.target, returned, *datives, *([] if named else [obj]), vehicle, *agentive, *pattern_preps,
                         *ordered, *inner, *framed, *([obj] if named else []))
             if x is not None and x.ent_type_ not in ("DATE", "TIME")]  # (not "on Monday in Niger")
    # "demanded that the US cancel ...": the one addressed; "allowed the opposition leader to hold a
    # rally", "helped Syria rebuild its army": the one let or helped
    if code[:2] in ADDRESSEE_ROOTS or verb.lemma_.lower() in ENABLING_VERBS:
        heads += [s for c in verb.children if c.dep_ in ("ccomp", "xcomp")
                  for s in (clauses.subject_of(c)[0],) if s is not None and s.i > verb.i]
    elif obj is None:  # "supported two million girls going to school": the object the parse made a subject
        heads += [s for c in verb.children if c.dep_ == "ccomp" and c.tag_ in ("VB", "VBG")
                  and not any(x.dep_ == "mark" for x in c.children)
                  for s in (clauses.subject_of(c)[0],) if s is not None and s.left_edge.i == verb.i + 1]
    return heads


def _apply_frames(candidates: list[_Candidate], consumed: set[int]) -> dict[int, int]:
    """A framed action ("ready to withdraw") takes the frame's code. Returns frame word → the
    action it frames (token indices): the frame word is coded itself only as a fallback."""
    frames: dict[int, int] = {}
    for cand in candidates:
        if cand.verb.i in consumed:  # the frame's own pattern already took it in ("agree to cooperate")
            continue
        frame = framing.frame_of(cand.verb)
        code = framing.reframe(frame[0], cand.code) if frame else None
        if frame and code:
            cand.code, cand.frame = code, "refusal" if frame[0] == "no-intent" else frame[0]
            word = frame[1].text
            if frame[1].i == cand.verb.i:  # the verb's own auxiliaries frame it: "will not lift"
                word = " ".join(t.text for t in cand.verb.children if t.dep_ in ("aux", "neg") and t.i < cand.verb.i)
            cand.match.rule = f"{cand.match.rule} framed by '{word}' [{code}]"
            if frame[1].i != cand.verb.i:
                frames[frame[1].i] = cand.verb.i
                # "insisted on its demands that the government grant ...": the verb that carries
                # a framing noun frames the act too
                carrier = frame[1].head if frame[1].pos_ == "NOUN" else None
                if carrier is not None and carrier.pos_ == "ADP":
                    carrier = carrier.head
                if carrier is not None and carrier.pos_ == "VERB":
                    frames.setdefault(carrier.i, cand.verb.i)
    return frames


def _recode(verb: Any, m: VerbMatch, code: str) -> str:
    """The code the clause makes of the dictionary's: a demanding verb's appeal is a demand
    (02x → 10x); claiming one's own act claims responsibility (015). ``m.rule`` says so."""
    demand = framing.as_demand(verb, code)
    if demand != code:
        m.rule, code = f"{m.rule} a demand [{demand}]", demand
    if code[:2] == "11" and _claims_own_act(verb):
        m.rule, code = f"{m.rule} own act [015]", "015"
    if code == "030" and _agrees_that(verb):
        m.rule, code = f"{m.rule} agrees that [019]", "019"
    if code[:2] == "01" and code != "015" and any(framing.demanded(c) for c in verb.children):
        # "Trump said North Korea must do something meaningful": when what must be done is no
        # coded act, the saying is the demand (made of the clause's subject)
        m.rule, code = f"{m.rule} must [{framing.DEMAND_CODE}]", framing.DEMAND_CODE
    return code


def _agrees_that(verb: Any) -> bool:
    """"said they agree with the NCAA that G. made payments": agreeing that something is so is
    accord (019); agreeing that something should be done ("agreed that the two countries should
    cooperate") or to do it is an intent (030)."""
    if verb.lemma_.lower() != "agree" or clauses.is_negated(verb):
        return False
    withs = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children
             if o.dep_ in ("pobj", "pcomp")]
    if any(o.lemma_.lower() in OPINION_NOUNS for o in withs):  # "agree with the recommendation / his assessment"
        return True
    # "said they agree with Tantan", "agree with what Republicans propose": agreeing with someone, in
    # the present, is accord; "agreed with Turkey to set up ..." or "on a roadmap" is a deal
    if withs and verb.tag_ in ("VBP", "VBZ") and not any(
            c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ in ("on", "to")) for c in verb.children):
        return True
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is None:  # "agree with the NCAA that G. made ...", parsed as a relative clause of the NCAA
        clause = next((r for p in verb.children if p.dep_ == "prep" and p.lower_ == "with"
                       for o in p.children if o.dep_ == "pobj" for r in o.children
                       if r.dep_ == "relcl" and any(x.dep_ == "mark" for x in r.children)
                       and any(x.dep_ == "nsubj" for x in r.children)), None)
    if clause is None:
        return False
    return not any(c.dep_ == "aux" and c.lower_ in clauses.MODAL_HYPOTHETICAL | clauses.MODAL_FUTURE
                   for c in clause.children)


def _claims_own_act(verb: Any) -> bool:
    """"The Houthis claimed that they had attacked the airport": claiming one's own act is
    claiming responsibility (015), not an allegation against someone (11x)."""
    if verb.lemma_.lower() not in ("claim", "say", "announce", "admit"):
        return False
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.pos_ == "PRON" and subj.lower_ not in ("it", "this", "that"):
            return True
    return False


def _reports_an_event(verb: Any, coded: set[int]) -> bool:
    """A statement verb whose reported clause holds an event of its own.

    Both "X said [Y attacked Z]" and "[Y attacked Z], X said" (the saying hangs off the event).
    """
    if verb.dep_ in ("parataxis", "ccomp", "advcl") and verb.head.i in coded and verb.lemma_ in clauses.REPORTING:
        return True
    for clause in clauses.reporting_clauses(verb) or [c for c in verb.children if c.dep_ == "ccomp"]:
        if any(t.i in coded for t in clause.subtree):
            return True
    return False


INSTITUTIONS = frozenset(
    "office department agency ministry committee council government court parliament administration "
    "organization organisation union party company bank army police federation association commission "
    "authority authorities institute foundation group alliance coalition league movement embassy".split()
)


def _demander(verb: Any) -> Any | None:
    """The verb whose subject demands the framed act of the act's subject: "said" in "Russia
    said Sudan must return ..." and "said the US must be ready to mediate"; "ordered" in "Kenya
    ordered Uganda to withdraw"."""
    if verb.dep_ == "conj" and verb.head.dep_ in ("xcomp", "ccomp"):  # "urged Ethiopia to open up ... and ensure ..."
        verb = verb.head
    clause = verb.head if verb.dep_ == "xcomp" else verb
    if framing.demanded(clause):
        return clause.head
    # "Washington demanded that Hamas renounce ...", "insisted that the government grant ..."
    if verb.dep_ == "ccomp" and verb.head.lemma_ in framing.DEMAND_FRAMES and any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return verb.head
    noun = framing.demand_noun(verb)
    if noun is not None:  # "reiterated its demand that Israel ease ...": who made the demand
        return noun.head.head if noun.dep_ == "pobj" else noun.head
    if verb.dep_ == "xcomp" and ((verb.head.lemma_ in framing.DEMAND_FRAMES and any(
            c.dep_ == "dobj" for c in verb.head.children)) or framing.appeals(verb.head)):
        return verb.head
    if verb.dep_ == "advcl" and framing.frame_of(verb) == ("appeal", verb.head):  # "called for Israel to withdraw"
        return verb.head
    return None


def _addressees(verb: Any) -> list[Any]:
    """Whom a verb of saying or demanding addresses: "told Iraq", "issued a reminder to Iraq"."""
    return [x for c in verb.children if c.dep_ in ("dobj", "dative", "iobj", "prep") and (c.dep_ != "prep" or c.lower_ == "to")
            for x in ([c] if c.pos_ != "ADP" else [p for p in c.children if p.dep_ == "pobj"])]


def _between(agent: Any | None, verb: Any) -> Any | None:
    """The first party of "between A and B" on a noun subject or on its verb ("clashes between
    A and B erupted", "fighting broke out between A and B")."""
    if agent is None or agent.pos_ != "NOUN":
        return None
    for c in (*agent.children, *verb.children):
        if c.dep_ == "prep" and c.lower_ == "between":
            return next((x for x in c.children if x.dep_ == "pobj"), None)
    return None


def _agents(agent: Any | None, verb: Any, resolver: ActorResolver, si: int, keep_noun: bool) -> list[Actor]:
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
    if not found and (_nameable(agent) or keep_noun):
        found = [_unresolved(agent, resolver.role_of(mention_tokens(agent)))]
    elif found:  # "India and MERCOSUR agreed ...": a coordinated name no dictionary knows is kept too
        found = _named_beside([agent], found, resolver, si) + found + _named_beside(all_conjuncts(agent), found, resolver, si)
    clause = agent.head
    if not found and agent.pos_ == "PRON" and clause.dep_ == "ccomp" and clause.head.lemma_ in clauses.REPORTING:
        # "The agency said it is skeptical ...", "McConnell says he is pessimistic": a pronoun no
        # earlier actor explains is the speaker
        speaker, _ = clauses.subject_of(clause.head)
        if speaker is not None and speaker.pos_ != "PRON":
            return _agents(speaker, clause.head, resolver, si, speaker.pos_ == "NOUN")
    return found


def _named_beside(phrases: list[Any], found: list[Actor], resolver: ActorResolver, si: int) -> list[Actor]:
    """Those of ``phrases`` that name a party no dictionary knows and no actor in ``found``
    covers, kept unresolved with their role (not a known party left out on purpose: "talks
    between Israel and Syria spur reconciliation between Lebanon and Syria")."""
    return [_unresolved(c, resolver.role_of(mention_tokens(c))) for c in phrases
            if _nameable(c) and not any(_same_span(c, a) for a in found) and not resolver.resolve(c, si)]


def _nameable(head: Any) -> bool:
    """A subject worth keeping though no dictionary knows it: a name, an acronym ("ICE returned
    ..."), or an institution."""
    if head.pos_ == "PROPN" or head.lemma_.lower() in INSTITUTIONS or (
            len(head.text) >= 2 and head.text.isalpha() and head.text.isupper() and not head.doc.text.isupper()):
        return True
    return any(t.ent_type_ in ("ORG", "PERSON", "NORP", "GPE") for t in head.subtree if t.i <= head.i)


def _weapon(agent: Any | None, verb: Any) -> Any | None:
    """The weapon or blast that did a violent act no one is named for: the subject ("a roadside
    bomb killed ..."), the passive's agent ("killed by an improvised explosive device"), or the
    blast it was done in ("was killed in a car bomb explosion")."""
    if agent is None:
        agent = next((x for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"
                      for x in c.children if x.dep_ == "pobj"), None)
    return agent if agent is not None and agent.lemma_.lower() in WEAPON_NOUNS else None


def _armed_force(weapon: Any) -> Actor:
    """An unidentified armed force (CAMEO ``UAF``) named by its weapon ("a car bomb explosion",
    not what follows it); its country is where it struck, when that is known."""
    actor = _unresolved(weapon)
    end = weapon.idx + len(weapon.text) - weapon.sent.start_char
    return replace(actor, text=actor.text[:end - actor.start], end=end, sector="UAF", code="---UAF")


def _where_it_struck(actor: Actor | None, place: Place | None) -> Actor | None:
    """An armed force no one names ("gunmen", "a roadside bomb") is of the country where it struck."""
    if actor is None or actor.country or actor.sector != "UAF" or place is None or not place.country:
        return actor
    return replace(actor, country=place.country, code=place.country + "UAF")


def _of_the_others_country(actor: Actor | None, other: Actor | None) -> Actor | None:
    """A role no country is known for ("rebels", "a judge") in a domestic kind of act with an
    actor of a known country is taken to be of that country: "Islamic fundamentalists demanded
    the resignation of the Algerian president" (DZAMUS), "Judge Alejandro Rivera opened
    investigations against 28 Chilean officials" (CHLJUD)."""
    if actor is None or other is None or not other.country or not (actor.code or "").startswith("---"):
        return actor
    return replace(actor, country=other.country, code=other.country + actor.code[3:])


def _located(actor: Actor | None, sent: Any) -> bool:
    """An actor named only as where something happened ("in Tripoli", "at the border")."""
    if actor is None:
        return False
    span = sent.char_span(actor.start, actor.end, alignment_mode="expand")
    root = span.root if span is not None and len(span) else None
    return root is not None and root.dep_ == "pobj" and root.head.lower_ in ("in", "at")


def _named(head: Any) -> bool:
    """A phrase headed by a name ("ZTE", "the Tamil Tigers"), not a common noun."""
    return head.pos_ == "PROPN" and head.ent_type_ in ("ORG", "PERSON", "NORP", "GPE", "")


def _partner(actor: Actor | None, verb: Any) -> bool:
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


def _same_span(head: Any, actor: Actor) -> bool:
    start = head.idx - head.sent.start_char
    return actor.start <= start < actor.end


def _in_charge(tok: Any) -> bool:
    """A verb of what someone is accused of ("accused Gulen of attempting to overthrow the
    government by creating ..."), not of what the guilty did ("guilty of violating")."""
    while tok.dep_ in ("xcomp", "pcomp", "conj") or (tok.dep_ == "pobj" and tok.head.dep_ == "prep"):
        if tok.dep_ == "pcomp" and tok.head.lower_ in ("of", "for"):
            return tok.head.head.lower_ not in nominal.CULPABLE
        tok = tok.head.head if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" else tok.head
    return False


def _each_other(verb: Any) -> bool:
    """The act is done to "each other" or "one another": by each of its subjects to the others."""
    obj = clauses.object_of(verb)
    pobjs = [x for c in verb.children if c.dep_ == "prep" for x in c.children if x.dep_ == "pobj"]
    return any(x is not None and x.lower_ in ("other", "another") and x.i > 0
               and x.doc[x.i - 1].lower_ in ("each", "one") for x in (obj, *pobjs))


def _fired_by(weapon: Any) -> list[Any]:
    """Who a weapon was "fired by", "launched by", "planted by": the agents of its participles."""
    return [x for c in weapon.children if c.dep_ == "acl"
            for a in c.children if a.dep_ == "agent" for x in a.children if x.dep_ == "pobj"]


def _hit_whole(verb: Any, code: str, targets: list[Actor]) -> list[Actor]:
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
    whole = _thing(obj)
    return [replace(a, text=whole.text, start=whole.start, end=whole.end)
            if whole.start <= a.start and a.end <= whole.end and (a.start, a.end) != (whole.start, whole.end)
            and not _partner(a, verb) else a  # (not the one fought with: "exchanged fire with X")
            for a in targets]


def _target_words(actor: Actor, verb: Any) -> Actor:
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
    root, doc = span.root, verb.doc
    where = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "in" and span.start < c.i < span.end), None)
    if where is not None and root.pos_ == "NOUN" and any(
            c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE") and c.i < root.i for c in root.children):
        # ("the Chinese ambassador in Berlin", "Russian authorities in Moscow": who, not where)
        last = where.i - 1
        end = doc[last].idx + len(doc[last].text) - sent.start_char
        return replace(actor, text=actor.text[:end - actor.start], end=end)
    if root.pos_ != "PROPN":
        # (a bare "people", "those" is only who its clause says: "aid to people who had fled ...")
        last = doc[span.end - 1]
        who = next((c for c in last.children if c.dep_ == "relcl" and c.i > last.i), None) \
            if last.lower_ in BARE_GROUPS and not any(x.dep_ in ("amod", "compound", "nummod") for x in last.children) \
            and span.end < len(doc) and doc[span.end].lower_ in ("who", "whom") else None
        # ("workers employed by the UNHCR", "people affected by the flooding": who they are)
        who = who or next((c for c in last.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.i == span.end
                           and any(x.dep_ == "agent" for x in c.children)), None)
        if who is None:
            return actor
        last = max(t.i for t in who.subtree)
        end = doc[last].idx + len(doc[last].text) - sent.start_char
        return replace(actor, text=sent.text[actor.start:end], end=end)
    appos = next((c for c in root.children if c.dep_ == "appos" and root.i < c.i < span.end
                  and (c.pos_ != "PROPN" or any(x.dep_ in ("det", "poss") for x in c.children))), None)
    if appos is None:
        return actor
    last = min(t.i for t in appos.subtree) - 1
    while last > root.i and doc[last].is_punct:
        last -= 1
    end = doc[last].idx + len(doc[last].text) - sent.start_char
    return replace(actor, text=actor.text[:end - actor.start], end=end) if end < actor.end else actor


def _thing(obj: Any) -> Actor:
    """The thing an act is done to, with all its phrases ("a checkpoint on the outskirts of Kabul")."""
    whole = _unresolved(obj, appos=False)
    after = [t for c in obj.children if c.dep_ == "prep" and c.i > obj.i for t in c.subtree if not t.is_punct]
    if not after:
        return whole
    doc = facts(obj.doc)
    sent = doc.sentence_of(obj)
    last = max(after, key=lambda t: t.i)
    end = max(whole.end, last.idx + len(last.text) - sent.start_char)
    return replace(whole, text=doc.span_text(sent)[whole.start:end], end=end)


def _unresolved(head: Any, sector: str | None = None, appos: bool = True) -> Actor:
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


def _verbatim(article: Article, sent: Any) -> str:
    """The sentence as the article wrote it (the parse may have seen restored capitals)."""
    doc = facts(sent.doc)
    if len(doc.text) == len(article.text):
        return article.text[sent.start_char:sent.end_char]
    return doc.span_text(sent)


def _same(a: Actor, b: Actor) -> bool:
    return bool(a.name and a.name == b.name and a.code == b.code)


def _entity(a: Actor) -> Entity:
    return Entity(a.name, a.country, a.sector, a.code, members=list(a.members))


def _confidence(m: VerbMatch, src: Actor | None, tgt: Actor | None, modality: str, strong: bool,
                prominence: float = 0.0) -> float:
    c = prominence + 0.35 + min(m.score, 3) * 0.1 + (0.05 if strong else 0.0)
    if src is not None and src.code:
        c += 0.1
    if tgt is not None and tgt.code:
        c += 0.1
    if modality != "asserted":  # (what may happen, at most half as sure as what was said)
        c -= 0.2 if modality == "hypothetical" else 0.1
    return max(0.05, min(0.95, c))


def _prominence(verb: Any, code: str) -> float:
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
    if verb.dep_ == "ccomp" and _claims_own_act(verb.head):
        bonus -= 0.1  # "the Houthis claimed that they had attacked the airport": the claim outranks the act
    obj = clauses.object_of(verb)
    if obj is not None and any(clauses.published_by(c) is verb for c in obj.children):
        bonus -= 0.15  # "put out a report accusing ...": the accusation is the act
    if _vehicle(verb) and any(_infinitive(c) for c in verb.children):
        bonus -= 0.15  # "summoned the envoy to complain": the purpose is the act
    elif verb.dep_ in ("advcl", "xcomp") and _vehicle(verb.head):
        bonus = max(bonus, 0.1)
    return bonus


def _dedupe(events: list[Event]) -> list[Event]:
    seen: set[str] = set()
    out = []
    for ev in events:
        eid = ev.event_id  # (a hash: worked out once)
        if eid in seen:
            continue
        seen.add(eid)
        out.append(ev)
    return out

"""The event coder: a parsed article in, events out.

For each verb the CAMEO dictionary knows, the matching pattern gives the code; the
clause gives source (subject, or the by-phrase of a passive) and target (the pattern's
marked phrase, the object, or a prepositional object that names an actor); the
``ActorResolver`` turns those phrases into actors; dates and places come from the
sentence or, failing that, from the sentences before it.
"""
from __future__ import annotations

import itertools
from dataclasses import replace
from typing import Any, Iterator

from ..models import Actor, Article, Event, Place
from ..nlp.dates import resolve_time
from ..nlp.docfacts import facts, spacy_token
from ..nlp.places import Gazetteer, resolve_place
from ..ontology.plover import to_plover
from ..resolve.actors import RECIPROCAL_HEADS, ActorResolver, all_conjuncts, mention_tokens
from ..resolve.dictionary import ActorDictionary
from . import clauses, framing, nominal
from .discards import Discards
from .stages.mentions import (
    armed_force,
    entity_of,
    is_located,
    is_partner,
    nameable,
    named_beside,
    of_the_others_country,
    same_actor,
    target_words,
    thing_of,
    unresolved,
    verbatim,
    where_it_struck,
)
from .stages.phrases import (
    addressees_of,
    between_first,
    claims_own_act,
    demander_of,
    donor_match,
    each_other,
    fired_by,
    in_charge,
    is_infinitive,
    is_vehicle,
    mood_match,
    reports_an_event,
    returned_to,
    verb_taken_for_noun,
    weapon_of,
)
from .stages.record import Candidate, Context, Resolution
from .stages.targets import find_targets, place_actor
from .stages.vocab import (
    ACT_CARRIERS,
    APPEAL,
    ATTRIBUTIONS,
    CEASEFIRE_VIOLATION,
    CONTINUATIONS,
    DOMESTIC_ROOTS,
    EXPULSIONS,
    INSTRUMENT_VERBS,
    JOINT_EXERCISE,
    LIGHT_VERBS,
    MISSIONS,
    MODAL_PASSIVES,
    ONE_WAY,
    OPINION_NOUNS,
    RETURN_PROPERTY,
    SENDING_FORCES,
    SHOW_OF_FORCE,
    STATE_ACT_ROOTS,
    SYMMETRIC_ROOTS,
    TRAVELS,
    VIOLENT_ROOTS,
    WEAPON_NOUNS,
)
from .verbs import NO_EVENT, VerbDictionary, VerbMatch


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
        return dedupe(events)

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
        ctx = Context(article, si, sent, Resolution(resolver), self.verbs, self.gazetteer)
        consumed: set[int] = set()
        for cand in candidates:
            consumed |= cand.match.consumed
        events: list[Event] = []
        sent_time = None
        frames = apply_frames(candidates, consumed)
        produced: set[int] = set()
        background: set[int] = set()
        # a frame word ("demanded", "agreed") is coded by itself only when what it frames gave no
        # event; so is a statement ("X said Y attacked Z": the event is the attack, not the saying;
        # "X said it is skeptical of Y": the comment, not the saying)
        for cand in sorted(candidates, key=lambda c: (c.verb.i in frames, c.code[:2] == "01", c.code == "010")):
            if cand.verb.i in consumed or (cand.verb.i in frames and frames[cand.verb.i] in produced):
                continue
            if cand.code[:2] == "01" and cand.code != "015" and reports_an_event(cand.verb, produced):
                continue
            cand_events = self._events_for(article, si, sent, cand, resolver, ctx)
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
                ev.source = where_it_struck(ev.source, place)
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
            resolver.discourse.last_pair = (entity_of(s), entity_of(t))
        return events, (sent_time or last_date), (sent_place or last_place)

    def _candidates(self, sent: Any) -> Iterator[Candidate]:
        for tok in facts(sent.doc).sentence_tokens(sent):
            mood = mood_match(tok) or donor_match(tok)
            if mood is not None:  # "said it is skeptical of the plan": a pessimistic comment
                yield Candidate(tok, mood, mood.code, False)
                continue
            if tok.pos_ not in ("VERB",) and not (tok.pos_ == "AUX" and tok.dep_ == "ROOT") \
                    and not verb_taken_for_noun(tok):
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
            if in_charge(tok):
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
            if code == NO_EVENT and returned_to(tok) is not None:
                code, m.rule = RETURN_PROPERTY, f"{m.rule} returned to [{RETURN_PROPERTY}]"
            # "ordered the release of ...", "speeded up the withdrawal": the act the noun names
            # (whether or not the verb codes anything by itself)
            named = self._named_act(tok, m)
            if named is not None:
                m, code, reverse = named, named.code, False
            if not code or code == NO_EVENT or not code.isdigit():
                continue
            yield Candidate(tok, m, recode(tok, m, code), reverse)

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

    def _events_for(self, article: Article, si: int, sent: Any, cand: Candidate, resolver: ActorResolver,
                    ctx: Context) -> list[Event]:
        verb, m = cand.verb, cand.match
        subj, own = clauses.subject_of(verb)
        agent = m.source or subj
        sources = agents_of(agent, verb, resolver, si, m.score >= 1 and own and agent is not None
                          and agent.pos_ == "NOUN" and agent.i not in m.consumed)
        parties = between_first(agent, verb)
        if not sources and parties is not None and agent.i in m.consumed:
            sources = resolver.resolve_conjuncts(parties, si)  # "fighting broke out between A and B"
        # (an option weighed, "considering sending troops to Syria", or threatened, "threatened to
        # close all borders with Kurdistan", has the targets of the act weighed or threatened)
        acted = m.code if cand.frame in ("option", "threat") and m.code else cand.code
        targets, strong, target_rule = find_targets(verb, m, acted, ctx, sources, threat=cand.code[:2] == "13")
        targets = hit_whole(verb, acted, targets)
        if acted in SENDING_FORCES:
            targets = [self._mission_place(t, verb, resolver, si) for t in targets]
        demander = demander_of(verb) if cand.frame in ("demand", "appeal") else None
        if demander is not None:
            # "Russia said Sudan must return the helicopter": the speaker demands of the subject
            speaker, _ = clauses.subject_of(demander)
            said_by = agents_of(speaker, demander, resolver, si, speaker is not None and speaker.pos_ == "NOUN")
            if said_by:
                demanded_of = [a for a in sources if a is not None and not any(same_actor(a, b) for b in said_by)]
                if not demanded_of:  # "reminded Iraq that it must ...": the one addressed
                    demanded_of = [a for h in addressees_of(demander) for a in resolver.resolve_conjuncts(h, si)]
                sources, targets, strong = said_by, demanded_of, True
        if cand.reverse:  # "X faces criticism": someone (unnamed) criticises X
            sources, targets = [None], [a for a in sources if a is not None]
        # "three civilians were killed", "a US national was put under investigation", "a roadside
        # bomb killed three soldiers", "a minefield explosion killed two Iraqi youths": the one acted
        # on is known (if only by a country), who acted is not
        # (a weapon that did it stands for an unidentified armed force of where it happened, also
        # in coercion: "one strike suppressed / destroyed ...")
        weapon = weapon_of(agent, verb) if cand.code[:2] in VIOLENT_ROOTS + ("17",) else None
        unnamed = clauses.is_passive(verb) if agent is None else (cand.code[:2] in VIOLENT_ROOTS or weapon is not None)
        if not sources and targets and unnamed:
            # (the state where someone "was arrested in Lebanon", "put under investigation in Italy")
            state = [a for a in self._state_where(verb, resolver, si, "in") if not any(same_actor(a, t) for t in targets)] \
                if agent is None and cand.code[:2] in STATE_ACT_ROOTS else []
            if agent is None and cand.code.startswith(EXPULSIONS):
                # "two inspectors have been expelled from North Korea": by the state they leave
                state = self._state_where(verb, resolver, si, "from")
                if state:
                    targets = [t for t in targets if not same_actor(t, state[0])] or self._sent_off(verb, resolver, si)
            # (a weapon its user names is theirs: "killed in a Taliban attack", "an Israeli air strike",
            # "missiles fired by the Israeli military")
            owner = (resolver.resolve(weapon, si, strict="near")
                     or [a for x in fired_by(weapon) for a in resolver.resolve(x, si)]) if weapon is not None else []
            sources = owner or ([armed_force(weapon)] if weapon is not None else state or [None])
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
            or cand.code in (CEASEFIRE_VIOLATION, m.alt) or each_other(verb)
        if len(sources) >= 2 and (parties is not None or m.among):
            # "clashes between A and B continued", "fighting broke out between A and B": what is
            # between two parties is each's against the other (not against where it happened);
            # so is what a pattern says a compound subject does ("% HAVE * [191]")
            symmetric, targets = True, []
        # (also when the only targets found are the subjects themselves: "Mexico and the United
        # Kingdom signed an agreement to keep trading after the UK leaves the EU")
        # (or where they did it: "Putin and Erdogan met at Sochi")
        mutual = len(sources) >= 2 and symmetric and (not targets or (reciprocal and not strong) or all(
            any(s is not None and same_actor(t, s) for s in sources) or is_located(t, sent) for t in targets))
        if mutual:  # "A and B met", "Israeli and Palestinian negotiators met": each with the other
            pairs = [(s, t) for s, t in itertools.permutations(sources, 2) if s is not None and t is not None]
        else:
            pairs = [(s, t) for s in sources for t in (targets or [None])
                     if not (s is not None and t is not None and len(targets) > 1 and same_actor(s, t))]
        # a paired pattern ("LEFT [032:033]", "TALKS [046:046]"): the target does the second code to the source
        # (a place is a party to a coming, "arrived in Gondor", not to an act done there: "declared a
        # ceasefire in Tripoli")
        # (a material act is paired only with a partner: "exchanged fire with", "cooperated with",
        # not "missiles struck an area near the Golan Heights")
        # (a mutual act intended is intended by both: "will hold talks with Tusk" [046:046])
        pair_code = m.alt if m.code == cand.code else cand.code if cand.frame == "intent" and m.alt == m.code else None
        paired = pair_code if (pair_code and not cand.reverse and not mutual
                           and (cand.code[:2] < "06" or any(is_partner(t, verb) for t in targets) or each_other(verb))
                           and not (any(is_located(t, sent) for t in targets)
                                    and (clauses.object_of(verb) is not None or verb.lemma_.lower() not in TRAVELS))
                           and not clauses.is_passive(verb)) else None
        negated = clauses.is_negated(verb) and cand.frame != "refusal"
        modality = "asserted" if cand.frame in ("demand", "appeal", "refusal", "posture") \
            or framing.protest_purpose(verb.head) is verb else clauses.modality_of(verb)  # (a protest "to protest" is)
        trig_start = verb.idx - sent.start_char
        sentence = verbatim(article, sent)
        for a in (*sources, *targets):
            if a is not None:
                a.text = sentence[a.start:a.end]
        prominence = prominence_of(verb, cand.code)
        out = []
        for src, tgt in pairs:
            # (each of two subjects acting together is a party of its own, even where the
            # dictionary codes both alike: "the European Parliament and the EU Council failed to agree",
            # "UK and EU negotiators agreed")
            if src is not None and tgt is not None and not mutual and same_actor(src, tgt):
                tgt = None
            if cand.code[:2] in DOMESTIC_ROOTS:
                src, tgt = of_the_others_country(src, tgt), of_the_others_country(tgt, src)
            # (the one acted on is named without the description beside it; in full, as subjects are,
            # where it acts back or is the subject: "met Angela Merkel, the German chancellor",
            # "Victoire Ingabire, leader of the party, was arrested")
            full = mutual or paired or tgt is None or tgt.start < trig_start
            directed = [(src, tgt if full else target_words(tgt, verb), cand.code, 0.0)]
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
                ev.confidence = confidence(m, a, b, modality, strong, prominence + shift)
                out.append(ev)
        return out

    @staticmethod
    def _sent_off(verb: Any, resolver: ActorResolver, si: int) -> list[Actor]:
        """Who a passive expulsion sends off, the whole phrase ("two inspectors for the UN agency"),
        coded by any actor in it."""
        head = clauses.object_of(verb)
        if head is None:
            return []
        whole = unresolved(head)
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
        found = [a for h in where for a in (resolver.resolve_conjuncts(h, si, strict="near") or place_actor(h, self.gazetteer))]
        return found[0] if found else actor


def apply_frames(candidates: list[Candidate], consumed: set[int]) -> dict[int, int]:
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


def recode(verb: Any, m: VerbMatch, code: str) -> str:
    """The code the clause makes of the dictionary's: a demanding verb's appeal is a demand
    (02x → 10x); claiming one's own act claims responsibility (015). ``m.rule`` says so."""
    demand = framing.as_demand(verb, code)
    if demand != code:
        m.rule, code = f"{m.rule} a demand [{demand}]", demand
    if code[:2] == "11" and claims_own_act(verb):
        m.rule, code = f"{m.rule} own act [015]", "015"
    if code == "030" and agrees_that(verb):
        m.rule, code = f"{m.rule} agrees that [019]", "019"
    if code[:2] == "01" and code != "015" and any(framing.demanded(c) for c in verb.children):
        # "Trump said North Korea must do something meaningful": when what must be done is no
        # coded act, the saying is the demand (made of the clause's subject)
        m.rule, code = f"{m.rule} must [{framing.DEMAND_CODE}]", framing.DEMAND_CODE
    return code


def agrees_that(verb: Any) -> bool:
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


def agents_of(agent: Any | None, verb: Any, resolver: ActorResolver, si: int, keep_noun: bool) -> list[Actor]:
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
    clause = agent.head
    if not found and agent.pos_ == "PRON" and clause.dep_ == "ccomp" and clause.head.lemma_ in clauses.REPORTING:
        # "The agency said it is skeptical ...", "McConnell says he is pessimistic": a pronoun no
        # earlier actor explains is the speaker
        speaker, _ = clauses.subject_of(clause.head)
        if speaker is not None and speaker.pos_ != "PRON":
            return agents_of(speaker, clause.head, resolver, si, speaker.pos_ == "NOUN")
    return found


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


def dedupe(events: list[Event]) -> list[Event]:
    seen: set[str] = set()
    out = []
    for ev in events:
        eid = ev.event_id  # (a hash: worked out once)
        if eid in seen:
            continue
        seen.add(eid)
        out.append(ev)
    return out

"""The event coder: a parsed article in, events out.

For each verb the CAMEO dictionary knows, the matching pattern gives the code; the
clause gives source (subject, or the by-phrase of a passive) and target (the pattern's
marked phrase, the object, or a prepositional object that names an actor); the
``ActorResolver`` turns those phrases into actors; dates and places come from the
sentence or, failing that, from the sentences before it.
"""
from __future__ import annotations

from typing import Any, Iterator

from ..models import Article, Event, Place
from ..nlp.dates import resolve_time
from ..nlp.docfacts import facts, spacy_token
from ..nlp.places import Gazetteer, resolve_place
from ..resolve.actors import ActorResolver
from ..resolve.dictionary import ActorDictionary
from . import clauses, framing, nominal
from .discards import Discards
from .stages.mentions import (
    entity_of,
    where_it_struck,
)
from .stages.pairs import events_of
from .stages.phrases import (
    between_first,
    claims_own_act,
    donor_match,
    in_charge,
    mood_match,
    reports_an_event,
    returned_to,
    verb_taken_for_noun,
)
from .stages.record import Candidate, Clause, Context, Resolution
from .stages.roles import find_sources, mission_place, revise_roles
from .stages.targets import find_targets, hit_whole
from .stages.vocab import (
    APPEAL,
    ATTRIBUTIONS,
    CONTINUATIONS,
    INSTRUMENT_VERBS,
    LIGHT_VERBS,
    MODAL_PASSIVES,
    OPINION_NOUNS,
    RETURN_PROPERTY,
    SENDING_FORCES,
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
            cand_events = self._events_for(cand, ctx)
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

    def _events_for(self, cand: Candidate, ctx: Context) -> list[Event]:
        """The events of one candidate act, through the stages source → target → role → pair."""
        verb, m = cand.verb, cand.match
        subj, own = clauses.subject_of(verb)
        agent = m.source or subj
        # (an option weighed, "considering sending troops to Syria", or threatened, "threatened to
        # close all borders with Kurdistan", has the targets of the act weighed or threatened)
        acted = m.code if cand.frame in ("option", "threat") and m.code else cand.code
        c = Clause(cand, agent=agent, own=own, acted=acted, parties=between_first(agent, verb))
        find_sources(c, ctx)
        c.targets, c.strong, target_rule = find_targets(verb, m, acted, ctx, c.sources, threat=cand.code[:2] == "13")
        if target_rule is not None:
            c.trace.append(target_rule)
        c.targets = hit_whole(verb, acted, c.targets)
        if acted in SENDING_FORCES:
            c.targets = [mission_place(t, verb, ctx) for t in c.targets]
        revise_roles(c, ctx)
        if not c.sources or not any(c.sources) and not c.targets:
            return []
        return events_of(c, ctx)


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

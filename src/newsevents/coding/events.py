"""The event coder: a parsed article in, events out.

For each verb the CAMEO dictionary knows, the matching pattern gives the code; the
clause gives source (subject, or the by-phrase of a passive) and target (the pattern's
marked phrase, the object, or a prepositional object that names an actor); the
``ActorResolver`` turns those phrases into actors; dates and places come from the
sentence or, failing that, from the sentences before it.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from ..lang import words
from ..models import Actor, Article, Event, Place
from ..nlp.dates import carried, later_than, quoted, refers_back, resolve_time
from ..nlp.docfacts import facts, spacy_token
from ..nlp.places import (
    Gazetteer,
    jurisdiction_place,
    occasion_place,
    occasion_places,
    place_of_content,
    place_of_reported_act,
    resolve_place,
)
from ..resolve.actors import ActorResolver
from ..resolve.dictionary import ActorDictionary
from . import clauses, sense
from .continuation import continues_acts, share_carried_day
from .discards import Discards
from .noun_events import FORCE_ROOTS, NounEvents, names_dissent
from .stages import triggers
from .stages.mentions import (
    entity_of,
    verbatim,
    where_it_struck,
)
from .stages.pairs import events_of
from .stages.perpetrators import perpetrator_scene
from .stages.phrases import (
    between_first,
    reports_an_event,
)
from .stages.record import Candidate, Clause, Context, Resolution
from .stages.roles import find_sources, mission_place, revise_roles
from .stages.targets import find_targets, hit_whole
from .stages.vocab import (
    SENDING_FORCES,
)
from .verbs import VerbDictionary

Dated = tuple[str | None, str]  # (date, precision)


@dataclass
class _Scene:
    """What a sentence's events share: the date and place to fall back on, the sentence's own
    date once an event gave one, and the events told as background."""

    last_date: Dated
    sent_place: Place | None
    last_place: Place | None
    sent_time: Dated | None = None
    background: set[int] = field(default_factory=set)
    occasions: dict[str, Place] = field(default_factory=dict)  # the article's gatherings and their places
    day_acts: list[Event] = field(default_factory=list)  # the acts the carried day was the day of
    summed_up: bool = False  # the sentence's own act sums acts up (stages/nonacts.py): no event, yet the main act


class EventCoder:
    """Codes parsed documents. Holds the dictionaries; keeps no state between articles."""

    def __init__(self, verbs: VerbDictionary | None = None, actors: ActorDictionary | None = None,
                 gazetteer: Gazetteer | None = None, discards: Discards | None = None) -> None:
        self.verbs = verbs or VerbDictionary.default()
        self.actors = actors or ActorDictionary.default()
        self.gazetteer = gazetteer or Gazetteer.default()
        self.discards = discards if discards is not None else Discards.default()
        self.nouns = NounEvents()

    def code_doc(self, article: Article, doc: Any) -> list[Event]:
        """All events of one article whose text was parsed into ``doc`` (none when its lead
        names a story discard: a sports event, a celebrity, a storm)."""
        lead = next(iter(doc.sents), None)
        if lead is not None and self.discards.find(facts(doc).span_text(lead), story=True) \
                and not names_dissent(lead, self.nouns.acts):
            return []  # (but a protest at a sports event is news: "protesters staged rallies ... before the Grand Prix")
        resolver = ActorResolver(self.actors, article.published, publisher=article.source, context=article.title)
        events: list[Event] = []
        last_date: tuple[str | None, str] = (None, "unknown")
        last_place: Place | None = None
        prev_start = 0
        story_day: Dated = (None, "unknown")  # the last day an act of the article was dated to
        day_acts: list[Event] = []  # the acts ``last_date`` is the day of
        text = facts(doc).text  # ``doc.text`` joins every token again at each call
        occasions: dict[str, Place] = {}  # the gatherings the article set somewhere, by noun
        gatherings: list[tuple[int, Place, str]] = []  # (sentence, place, its text) of each set
        paragraph, paragraphs = 0, []  # each sentence's paragraph
        named: list[tuple[int, set[str]]] = []  # (sentence, people it says took part) of each such sentence
        for si, sent in enumerate(doc.sents):
            if "\n" in text[prev_start:sent.start_char]:
                paragraph += 1
                # a date and a place carry over within their paragraph only
                last_date, last_place, day_acts = (None, "unknown"), None, []
            if refers_back(facts(doc).span_text(sent)):  # "later that day": the day named before
                last_date, day_acts = story_day, []
            prev_start = sent.start_char
            paragraphs.append(paragraph)
            before = last_date
            sent_events, last_date, place = self._code_sentence(article, si, sent, resolver, last_date, last_place,
                                                                occasions, day_acts)
            dated_here = [ev for ev in sent_events if _dated_here(ev, last_date)
                          or (last_date != before and ev.date == last_date[0] and "when:noun" in ev.trace)]
            if dated_here or last_date != before:
                day_acts = dated_here  # (a day no act of the sentence was dated to dates what it names)
            set_here = occasion_places(sent, self.gazetteer)
            occasions.update(set_here)
            if took_part := participants(sent):
                named.append((si, took_part))
            if set_here:
                gatherings.append((si, next(iter(set_here.values())), facts(doc).span_text(sent).lower()))
            last_place = scene_of(place, last_place, sent_events)
            if last_date[0] and last_date[1] == "day":
                story_day = last_date
            events.extend(sent_events)
        lead_scene(events)
        occasion_scene(events)
        gathering_scene(events, gatherings, paragraphs, named)
        perpetrator_scene(events, paragraphs, doc, resolver)
        return dedupe(events)

    def code_title(self, article: Article, title_doc: Any, body: list[Event]) -> list[Event]:
        """The events of an article's title, coded like a lead sentence (``sentence_index`` -1),
        less those the lead already tells ("Houthi rebels fire missiles at US warship" and its
        first paragraph: one event, not two)."""
        resolver = ActorResolver(self.actors, article.published, publisher=article.source, context=article.text)
        titled = replace(article, text=title_doc.text)
        found: list[Event] = []
        for sent in title_doc.sents:
            events, _, _ = self._code_sentence(titled, TITLE_INDEX, sent, resolver, (None, "unknown"), None)
            found += events
        lead = [ev for ev in body if ev.sentence_index < LEAD_SENTENCES]
        # (a title's act with several counterparts is told again only with the same counterpart:
        # "A, B and C sign a memorandum" is not told again by "officials signed it", no target)
        sides = Counter(ev.source.code for ev in found if ev.source is not None)
        told = dedupe([ev for ev in found if not any(
            _same_act(ev, b, loose=ev.source is None or sides[ev.source.code] < 2) for b in lead)])
        occasion_scene(body, title=told)
        return told

    def _code_sentence(self, article: Article, si: int, sent: Any, resolver: ActorResolver,
                       last_date: Dated, last_place: Place | None,
                       occasions: dict[str, Place] | None = None,
                       day_acts: list[Event] | None = None) -> tuple[list[Event], Dated, Place | None]:
        """The events of one sentence, with the date and place later sentences fall back on
        (``occasions``: the gatherings earlier sentences set somewhere, by noun; ``day_acts``:
        the acts ``last_date`` is the day of)."""
        sent_place = resolve_place(sent, None, self.gazetteer)
        _tell_place(resolver, sent_place, last_place)
        # mention the sentence's noun phrases in order, so that a pronoun finds only what came before it
        for tok in facts(sent.doc).sentence_tokens(sent):
            if tok.pos_ in ("PROPN", "NOUN", "PRON") and tok.dep_ not in ("compound", "amod", "poss", "nmod"):
                resolver.resolve(tok, si)
        text = facts(sent.doc).span_text(sent)
        if text.rstrip().endswith("?"):  # a question asks whether something happened; it reports nothing
            return [], last_date, last_place
        if self.discards.find(text) and not names_dissent(sent, self.nouns.acts):
            # "... restore the African Nations Cup to Gondor": sport, no event (a protest at one is)
            return [], last_date, last_place
        ctx = Context(article, si, sent, Resolution(resolver), self.verbs, self.gazetteer)
        scene = _Scene(last_date, sent_place, last_place, occasions=occasions or {}, day_acts=day_acts or [])
        events = self._code_candidates(ctx, list(triggers.candidates(sent, self.verbs)), scene)
        share_carried_day(events, scene.background)
        acts = any(id(ev) not in scene.background for ev in events)  # (a relative clause's act tells no day of the story)
        if scene.background and (scene.summed_up or any(id(ev) not in scene.background and ev.cameo[:2] != "01"
                                                         for ev in events)):
            # "... almost five years after crowds trashed its embassy", "sanctions on the faction
            # that controls Afghanistan": what an after/since clause or a relative clause tells is
            # background to the sentence's own event (and happened at another time, if at all);
            # but "X said on Monday, after Y attacked Z" is the attack
            events = [ev for ev in events if id(ev) not in scene.background]
        events = [ev for ev in events if not outlet_interview(ev, article.source)]
        events = self._named_by_nouns(ctx, resolver, events, scene)
        events = sense.accidental(events, sent)
        sent_time = scene.sent_time
        if sent_time is None and not acts:
            # (a day that dated none of the sentence's acts dates what it names, "discussed the
            # March 24 summit", "stated he died on Monday": the next act is not on it)
            t = resolve_time(sent, article.published, None, anchor=last_date)
            if t is not None and t.date and t.precision == "day":
                sent_time = (t.date, t.precision)
        _tell_last_pair(resolver, events)
        return events, (sent_time or last_date), (sent_place or _gathering_place(events, sent) or last_place)

    def _named_by_nouns(self, ctx: Context, resolver: ActorResolver, events: list[Event], scene: _Scene) -> list[Event]:
        """Stage "noun events": the acts the sentence names by nouns that its verbs did not code
        ("staged rallies", "protests erupted"; coding/noun_events.py)."""
        published = ctx.article.published
        fallback = scene.sent_time or (scene.last_date if scene.last_date[0] else
                                       ((published, "before") if published else (None, "unknown")))
        found = self.nouns.code(ctx.article, ctx.si, ctx.sent, resolver, events, fallback, self.gazetteer,
                                verbatim(ctx.article, ctx.sent))
        return events + found

    def _code_candidates(self, ctx: Context, candidates: list[Candidate], scene: _Scene) -> list[Event]:
        """The events of a sentence's candidates, framed acts and reported events first: a frame
        word ("demanded", "agreed") is coded by itself only when what it frames gave no event; so
        is a statement ("X said Y attacked Z": the event is the attack, not the saying; "X said it
        is skeptical of Y": the comment, not the saying)."""
        consumed: set[int] = set()
        for cand in candidates:
            consumed |= cand.match.consumed
        frames = triggers.apply_frames(candidates, consumed)
        produced: set[int] = set()
        events: list[Event] = []
        for cand in sorted(candidates, key=lambda c: (c.verb.i in frames, c.code[:2] == "01", c.code == "010")):
            if cand.verb.i in consumed or (cand.verb.i in frames and frames[cand.verb.i] in produced):
                continue
            if cand.code[:2] == "01" and cand.code != "015" and reports_an_event(cand.verb, produced):
                continue
            cand_events = self._events_for(cand, ctx, scene)
            if not cand_events:
                continue
            produced.add(cand.verb.i)
            if clauses.in_condition(cand.verb):  # ("if the House votes to impeach": no promise made)
                for ev in cand_events:
                    ev.trace.append(CONDITION)
            self._place_in_time(ctx, cand, cand_events, scene)
            events.extend(cand_events)
            if clauses.in_background(cand.verb):
                scene.background.update(id(ev) for ev in cand_events)
        return events

    def _place_in_time(self, ctx: Context, cand: Candidate, events: list[Event], scene: _Scene) -> None:
        """Stage "when/where": the date of the act's clause, else of an earlier sentence, else before
        publication; the place of the act's clause, else of the sentence or an earlier one."""
        published = ctx.article.published
        t = resolve_time(ctx.sent, published, spacy_token(cand.verb.head if cand.frame else cand.verb),
                         anchor=scene.last_date)
        when: Dated
        if t is not None:
            when, how = (t.date, t.precision), "when:clause"
            # (only a day the main clause's act is dated to carries over: not "in 1997", not
            # "one of the Blair Babes elected in 1997")
            # (and an act to come does not replace a past act's day: "X ruled on Monday that
            # prosecutors could see the records", not the coming Monday of "could see")
            if t.date and t.precision == "day" and not clauses.in_background(cand.verb) and \
                    (scene.sent_time is None or not later_than(t.date, published)
                     or later_than(scene.sent_time[0], published)):
                scene.sent_time = when
        elif scene.last_date[0] and not continues_acts(events, scene.day_acts):
            # ("Rioters clashed with police on Saturday. The mayor accused the president of ...":
            # another kind of act by other actors, not on the riot's day)
            when, how = ((published, "before") if published else (None, "unknown")), "when:other-act"
        elif scene.last_date[0]:
            when = carried(*scene.last_date, published, spacy_token(cand.verb))
            how = "when:earlier-sentence"
        else:
            when, how = ((published, "before") if published else (None, "unknown")), "when:published"
        verb = spacy_token(cand.verb)
        said = said_mode(cand.code)
        place = resolve_place(ctx.sent, verb, self.gazetteer, said=said)
        # (a gathering the article set somewhere before: "At the debate, Smith said ...")
        occasion = None if place is not None else occasion_place(ctx.sent, verb, scene.occasions)
        place = place or occasion
        # (not the place of an act it reports, "said the attack near Gondor ...", nor an earlier
        # sentence's: the sentence places what it reports, not the report)
        reported = place is None and place_of_reported_act(ctx.sent, verb, self.gazetteer)
        sent_place, last_place = (None, None) if reported else (scene.sent_place, scene.last_place)
        if place is None and said is not None and place_of_content(ctx.sent, verb, self.gazetteer, said):
            sent_place = None  # ("commended the staff in Edoras": the sentence's place is the staff's)
        # (what a quotation or an earlier statement tells is not set where the story is; but a
        # witness's account of force, protest or coercion is the story's own: "he fired a shot,")
        aside = place is None and sent_place is None and not cand.code.startswith(SCENE_ROOTS) \
            and aside_of_scene(ctx.sent, verb)
        if aside:
            last_place = None
        where = "where:occasion-named" if occasion is not None else "where:clause" if place is not None else "where:sentence" if sent_place is not None \
            else "where:earlier-sentence" if last_place is not None \
            else "where:reported" if reported else "where:aside" if aside else "where:none"
        place = place or sent_place
        for ev in events:
            ev.date, ev.date_precision = when
            if place is not None and locates_target_only(ev, place):
                # ("we praise the courage of union leaders in Gondor": where they are, not where it is said)
                ev.trace += [how, "where:target-only"]
                continue
            if place is None and said is not None and not _reported_clause(verb) \
                    and (country_voice(ev, self.gazetteer) or own_voice(ev, ctx.sent, verb)):
                # ("The United States stands ready to help Gondor ...", "We call on all parties ...":
                # a country's or the publisher's standing word, not said where an earlier sentence was)
                ev.trace += [how, "where:country-voice"]
                continue
            home = self._home(ctx, ev) if place is None and not reported else None
            if home is not None and last_place is not None and last_place.country == home.country:
                home = None  # (the story's own place there is finer: "in Kenosha", not Wisconsin)
            ev.location = place or home or last_place
            ev.source = where_it_struck(ev.source, ev.location)
            ev.trace += [how, "where:jurisdiction" if home is not None else where]

    def _home(self, ctx: Context, ev: Event) -> Place | None:
        """Stage "where": for an act no clause places, the country or state a court's name gives
        (not for a statement: "the Gondor Supreme Court overturned ..."), or the place a
        sub-national officeholder's title names for an act of office ("Gondor's governor signed
        an order delaying the vote": Gondor; not "the mayor of Gondor dropped out of the race")."""
        if ev.source is None or ev.cameo[:2] in STATEMENT_ROOTS:
            return None
        return jurisdiction_place(ctx.sent, ev.source.start, ev.source.end, self.gazetteer,
                                  offices=ev.cameo[:2] in OFFICE_ROOTS)

    def _events_for(self, cand: Candidate, ctx: Context, scene: _Scene | None = None) -> list[Event]:
        """The events of one candidate act, through the stages source → target → role → pair (and,
        in ``scene``, whether a main clause's act was found to sum acts up)."""
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
        if scene is not None and not c.sources and not clauses.in_background(verb) \
                and any(t.startswith(SUMMING_UP) for t in c.trace):
            scene.summed_up = True  # ("Since 2019, police have arrested thousands for ... with which they
            # disagreed": what the relative clause tells is background to the summary, as to an act)
        if not c.sources and c.targets and acted[:2] in FORCE_ROOTS:
            c.sources = [None]  # "Guards detained protesters": force used on named people, by a doer no one knows
        if not c.sources or not any(c.sources) and not c.targets:
            return []
        return events_of(c, ctx)



# the role rules that find a main clause sums acts up (stages/nonacts.py)
SUMMING_UP = ("role:long-summary", "role:legal-effect", "role:spread-continuation", "role:described-governor")
OFFICE_ROOTS = ("12", "16", "17")  # acts of office: orders, refusals, cuts, coercion (arrests, bans)
STATEMENT_ROOTS = ("01", "02")  # statements, appeals: null is their place when the text gives none
# acts said at a distance whose object's own place is not theirs (praise, thanks, rebukes, rejections:
# "commended the staff in Edoras"); for the others said at a distance (statements, appeals,
# pledges: "told reporters in Edoras") only a place inside what they are about is not
OBJECT_SAID_CODES = ("051", "052", "054", "055", "056", "11")
CLAUSE_SAID_CODES = ("01", "02", "03")
MEETING_INTENT = "036"  # (an intent to meet or visit is done where the meeting is)


def said_mode(cameo: str) -> str | None:
    """How an act is said at a distance, for its place (``nlp.places.resolve_place``): "objects",
    "clauses", or None for an act done where its parties are."""
    if cameo.startswith(OBJECT_SAID_CODES):
        return "objects"
    if cameo.startswith(CLAUSE_SAID_CODES) and not cameo.startswith(MEETING_INTENT):
        return "clauses"
    return None


def _reported_clause(verb: Any) -> bool:
    """Whether the act is told inside what someone says ("The Secretary affirmed the United States
    looks forward to ..."): its speaker's, who may be somewhere."""
    node = verb
    for _ in range(8):
        if node is None or node.head is node:
            return False
        if node.dep_ == "ccomp":
            return True
        node = node.head
    return False


def own_voice(ev: Event, sent: Any, verb: Any) -> bool:
    """A said act of the text's own "we", outside a quotation ("We urge donors to support the people
    of Gondor"): the publisher's standing word, like a country's."""
    if ev.source is None or ev.source.text.strip().lower() not in OWN_VOICE or verb is None:
        return False
    return not quoted(sent.text, verb.idx - sent.start_char)


OWN_VOICE = ("we",)


def country_voice(ev: Event, gazetteer: Gazetteer) -> bool:
    """A said act whose doer is a country named by its name ("The United States remains committed
    to ...", "Gondor calls on ..."; not a person the dictionary codes by a country, "West"): the
    voice of its standing policy, which an earlier sentence's place does not set."""
    return ev.source is not None and _country_named(ev.source) and gazetteer.kind(ev.source.text) == "C"
TITLE_INDEX = -1  # the sentence_index of the title's events
LEAD_SENTENCES = 3  # the sentences of the body a title's event may repeat


def _dated_here(ev: Event, day: Dated) -> bool:
    """Whether the event got ``day`` from its own sentence."""
    return ev.date == day[0] and ev.date_precision == day[1] and "when:clause" in ev.trace


def locates_target_only(ev: Event, place: Place) -> bool:
    """Whether the place is named only inside the target's phrase of an act said at a distance (a
    statement, an appeal, praise, a rebuke): "we recognize the courage of union leaders in Gondor"
    (the leaders are there, the praise is not); not the target itself ("condemned Gondor")."""
    if not ev.cameo.startswith(VERBAL_CODES) or ev.target is None or not place.name:
        return False
    name, text = place.name.lower(), ev.target.text.lower()
    if any(w in words("venue_nouns") for w in text.split()):  # (the gathering it is said at: "advocated
        return False  # for independence at the Gondor Peace Conference")
    return name in text and text.strip(" ,.") not in (name, "the " + name)


# acts said at a distance: statements, appeals, praise and recognition, apologies, rebukes, rejections
# (not an agreement signed or a conference co-hosted, 057/053: done where the parties are)
VERBAL_CODES = ("01", "02", "051", "052", "054", "055", "056", "11", "12")


def aside_of_scene(sent: Any, verb: Any) -> bool:
    """Whether an act is told aside from the story's scene: inside a quotation ("'He is saying
    we are ready,' she said": what the quotation tells), or an earlier statement referred to ("As
    the President said last year, ..."); no earlier sentence, meeting or lead places it."""
    if verb is None:
        return False
    text, at = sent.text, verb.idx - sent.start_char
    if quoted(text, at):
        later = text.find('"', at)  # (not 'He said: "We are ...', a quotation that opens after the verb)
        return not (later >= 0 and text.count('"', 0, at) == 0 and text[later + 1:later + 2].isalnum())
    return _as_said(verb) or any(c.dep_ == "advcl" and _as_said(c) for c in verb.children)


def _as_said(verb: Any) -> bool:
    """An "as X said" clause: a reference to an earlier statement."""
    return verb.dep_ == "advcl" and verb.lemma_.lower() in words("reporting_verbs") \
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


def _gathering_place(events: list[Event], sent: Any) -> Place | None:
    """The place of a gathering the sentence's acts are set at, which goes on in its paragraph: one
    the article set before ("At the debate, Smith said ... Jones argued ..."), or a meeting or visit
    the clause of the sentence's main verb places ("Lee led a delegation to Edoras. In a meeting
    with the king, she ..."; not "hoped the flights would let them join their families in Edoras")."""
    for ev in events:
        if "where:occasion-named" in ev.trace or (
                "where:clause" in ev.trace and ev.cameo.startswith(OCCASION_ROOTS) and _main_act(ev, sent)
                and ev.location is not None and ev.location.country):
            return ev.location
    return None


def _main_act(ev: Event, sent: Any) -> bool:
    """Whether the event's trigger is the sentence's root, or a verb conjoined to it."""
    at = sent.start_char + (ev.trigger.get("start") or 0)
    verb = next((t for t in sent if t.idx == at), None)
    return verb is not None and (verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT"))


def scene_of(place: Place | None, last_place: Place | None, events: list[Event]) -> Place | None:
    """The place later sentences of the paragraph may take: the sentence's own when it located
    one of its acts, or it has none; else the earlier one ("encouraged dialogue such as the recent
    meeting between the ministers in Edoras": Edoras only locates the ministers' meeting)."""
    if place is last_place or not events or any(ev.location is not None for ev in events):
        return place
    return last_place


def _same_act(a: Event, b: Event, loose: bool = True) -> bool:
    """The same act told twice: the same kind of act (CAMEO root) between the same coded sides
    (a title's "Gondor" and the lead's "Gondor's government" are one side); ``loose``: a side one
    of them leaves out matches any."""
    def side(x: Actor | None) -> str | None:
        return x.code if x is not None else None
    sa, sb, ta, tb = side(a.source), side(b.source), side(a.target), side(b.target)
    targets = (ta is None or tb is None) if loose else ta is None
    return a.cameo[:2] == b.cameo[:2] and _same_side(sa, sb) and (targets or _same_side(ta, tb))


def _same_side(a: str | None, b: str | None) -> bool:
    """Two codes of one side: equal, or a country and that country with a sector ("USA", "USAGOV")."""
    if a is None or b is None:
        return a == b
    short, long_ = sorted((a, b), key=len)
    return a == b or (len(short) == 3 and long_.startswith(short))


def outlet_interview(ev: Event, publisher: str | None) -> bool:
    """A meeting with a news outlet is its interview, no consultation: "Patel spoke with Wikinews
    about the campaign", "Wikinews contacted campaign manager Dasbach" (in a Wikinews article: the
    publisher, when no actor code says it is more than an outlet), "spoke with Reuters" (an
    outlet the actor dictionary codes MED)."""
    if ev.cameo[:2] != "04":
        return False
    own = _name(publisher or "")
    return any(a is not None and (a.code == OUTLET or (bool(own) and a.code is None and _name(a.text) == own))
               for a in (ev.source, ev.target))


def _name(text: str) -> str:
    """"the Gondor Herald" → "gondor herald"."""
    words = text.strip().lower().split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


OUTLET = "MED"  # the actor code of a news outlet with no country ("Reuters", "BBC")
CONDITION = "modality:condition"  # the trace of an act told only as a condition ("if X votes to ...")


def happened(ev: Event) -> bool:
    """Whether the event is told as having happened, or as intended: "did not attack" and "if
    Israel attacked" are not events by default (``--all-modalities`` keeps them)."""
    # (a threat or a promise on a condition, "could impose sanctions unless ...", is made: 03x/13x;
    # but not an intent that is itself the condition: "if the House votes to impeach ...")
    return not ev.negated and (ev.modality != "hypothetical"
                               or (ev.cameo[:2] in ("03", "13") and CONDITION not in ev.trace))


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


LEAD_FAMILIES = (("18", "19", "20"), ("14",), ("17",))  # acts told again later in a story: violence, protest, coercion
SCENE_ROOTS = tuple(r for f in LEAD_FAMILIES for r in f)


def lead_scene(events: list[Event]) -> None:
    """Stage "where", last: an act of force, protest or coercion that no sentence places takes the
    place the lead gave the same kind of act between a same side, in a later paragraph too ("... was
    shot dead in Gondor on Tuesday." ... "Gunmen attacked the journalist as he left home": Gondor);
    or the place the lead gave the act's own noun, when the act names it ("... killed the general in an
    airstrike." ... "The airstrike at Edoras airport ...": Edoras)."""
    lead = [ev for ev in events if 0 <= ev.sentence_index < LEAD_SENTENCES and ev.location is not None
            and "where:clause" in ev.trace]
    nouns = [ev for ev in events if 0 <= ev.sentence_index < LEAD_SENTENCES and ev.location is not None
             and "where:noun" in ev.trace and any(t.startswith("noun:") for t in ev.trace)]
    if not lead and not nouns:
        return
    for ev in events:
        if ev.location is not None or ev.sentence_index < 0 or "where:none" not in ev.trace:
            continue
        scene = next((l_ for l_ in lead if _same_story(l_, ev)), None) \
            or next((n for n in nouns if _named_again(n, ev)), None)
        if scene is not None:
            ev.location = scene.location
            ev.trace = [t for t in ev.trace if t != "where:none"] + ["where:lead"]


OCCASION_ROOTS = ("04", "036")  # a meeting, visit or talks (or the intent to hold them) the lead places
# what its parties do there: statements and appeals made at it, pledges, talks, praise, cooperation
AT_OCCASION_ROOTS = ("01", "02", "03", "04", "05", "06")


CALL_FORMS = words("call_trigger_forms")


def occasion_scene(events: list[Event], title: list[Event] | None = None) -> None:
    """Stage "where", last: the meeting, visit or talks the lead places is where its parties' later
    talks, pledges and cooperation happen, in a later paragraph too ("Blinken met Foreign Minister
    Ithil in Edoras." ... "The two ministers discussed trade": Edoras); only for an act between the
    occasion's countries (or international bodies), of its day, when the lead places one occasion only (a trip to two
    cities places neither). A statement or appeal of its parties is made there too ("During his
    meetings, the envoy called for ...": null is the place of a statement only when the text sets
    none; a call, which the lead does not place, keeps none). With ``title``, the title's events
    instead ("Secretary's Meeting with Foreign Minister Ithil": the lead's meeting)."""
    lead = [ev for ev in events if 0 <= ev.sentence_index < LEAD_SENTENCES and ev.location is not None
            and "where:clause" in ev.trace and ev.cameo.startswith(OCCASION_ROOTS)]
    if any(ev.sentence_index == 0 and ev.trigger["text"].lower() in CALL_FORMS for ev in events + (title or [])):
        return  # (a call: "Blinken spoke today with ... to coordinate assistance to Ukraine" is not in Ukraine)
    if not lead or len({(ev.location.name, ev.location.country) for ev in lead if ev.location}) != 1 \
            or lead[0].location is None or not lead[0].location.country:
        return  # (a region, "a summit in Europe", places no act)
    countries = {_party(a) for ev in lead for a in (ev.source, ev.target) if a is not None and _party(a)}
    end = _scene_change(events, lead[0].location)
    told = title if title is not None else [ev for ev in events if 0 <= ev.sentence_index < end]
    for ev in told:
        if ev.location is not None or "where:none" not in ev.trace or not ev.cameo.startswith(AT_OCCASION_ROOTS):
            continue
        sides = [_party(a) for a in (ev.source, ev.target) if a is not None]
        if not sides or ev.source is None or None in sides or not set(sides) <= countries \
                or not _same_time(lead[0], ev) or _country_named(ev.source):
            continue  # (an act of others, or of another day: "the ministers met again in May")
        ev.location = lead[0].location
        ev.trace = [t for t in ev.trace if t != "where:none"] + ["where:occasion"]


# what a gathering's participants do there: statements, appeals, intents, talks, praise,
# cooperation, demands, disapproval, rejection ("At the debate, Smith said ..." and, paragraphs
# later, "Jones criticized the plan")
SCENE_ACT_ROOTS = ("01", "02", "03", "04", "05", "06", "10", "11", "12")
SCENE_PLACED = ("where:clause", "where:sentence", "where:noun")  # a place the text gives an act
_GROUP_WORDS = ("the", "all", "most", "both", "many", "some", "several", "two", "three", "four", "five")


def participants(sent: Any) -> set[str]:
    """The people a sentence says took part in something ("Those who took part were Jo Smith and
    Ann Brown", "candidates Smith and Brown participated"), by the last word of their names."""
    text = f" {' '.join(t.lower_ for t in sent)} "
    if not any(f" {p} " in text for p in words("participation_phrases")):
        return set()
    return {ent[-1].text for ent in sent.ents if ent.label_ == "PERSON" and len(ent[-1].text) > 2}


def gathering_scene(events: list[Event], gatherings: list[tuple[int, Place, str]],
                    paragraphs: list[int], named: list[tuple[int, set[str]]] | None = None) -> None:
    """Stage "where", last: the gathering an article sets somewhere ("At the debate, held in Gondor,
    ...") is where its participants' later statements, appeals and criticisms are made, in the
    paragraphs that go on telling what they said there ("The candidates agreed ...", "Smith
    criticized ..."): a participant is one whose act the article set at the gathering (by the last
    word of the name), or a group the gathering's sentence names ("the candidates received
    questions": "The candidates agreed"); the scene ends with a paragraph most of whose acts are
    not the participants', with an act the text sets somewhere else, or with another gathering.
    ``named``: the people sentences say took part (before or in the gathering's sentence), who are
    its participants too ("Those who took part were Smith, Jones ..." ... "At the debate, held in
    Gondor, the candidates received questions." ... "Jones criticized the plan")."""
    pending = sorted(gatherings, key=lambda g: g[0])
    by_paragraph: dict[int, list[Event]] = {}
    for ev in sorted(events, key=lambda e: e.sentence_index):
        if 0 <= ev.sentence_index < len(paragraphs):
            by_paragraph.setdefault(paragraphs[ev.sentence_index], []).append(ev)
    scene: tuple[Place, str] | None = None
    members: set[str] = set()
    for para in sorted(by_paragraph):
        evs = by_paragraph[para]
        starts = [g for g in pending if paragraphs[g[0]] <= para]
        if starts:
            pending = pending[len(starts):]
            first = max(g[0] for g in starts)
            scene = (starts[-1][1], starts[-1][2])
            members = {k for si, keys in named or [] if si <= first for k in keys}
            members |= {k for ev in evs if ev.sentence_index == first and ev.location is not None
                        and _same_place(ev.location, scene[0]) for k in _member_keys(ev.source)}
            evs = [ev for ev in evs if ev.sentence_index > first]  # (the sentence's own acts are placed)
        elif scene is not None and not _goes_on(evs, members, scene):
            scene = None
        if scene is not None:
            scene = _place_at_scene(evs, scene, members)


def _goes_on(evs: list[Event], members: set[str], scene: tuple[Place, str]) -> bool:
    """Whether a paragraph goes on telling a gathering: most of its doers are its participants."""
    doers = [ev.source for ev in evs if ev.source is not None]
    ours = sum(1 for a in doers if members & _member_keys(a) or _group_named(a, scene[1]))
    return bool(doers) and 2 * ours > len(doers)


def _place_at_scene(evs: list[Event], scene: tuple[Place, str], members: set[str]) -> tuple[Place, str] | None:
    """Set the gathering's place on a paragraph's participants' acts that have none (``members``
    grows with those the text sets there); None when an act is set somewhere else (the scene ends)."""
    for ev in evs:
        loc = ev.location
        if loc is not None:
            if _same_place(loc, scene[0]):
                members |= _member_keys(ev.source)
            elif any(t in ev.trace for t in SCENE_PLACED):
                return None  # (the story moved on)
            continue
        if "where:none" not in ev.trace or not ev.cameo.startswith(SCENE_ACT_ROOTS) or ev.source is None:
            continue
        if members & _member_keys(ev.source) or _group_named(ev.source, scene[1]):
            ev.location = scene[0]
            ev.trace = [t for t in ev.trace if t != "where:none"] + ["where:gathering"]
    return scene


def _same_place(a: Place, b: Place) -> bool:
    return a.name == b.name and a.country == b.country


def _member_keys(actor: Actor | None) -> set[str]:
    """The last capitalised word of an actor's name ("Jo Smith" → "Smith"), as a participant."""
    if actor is None:
        return set()
    last = actor.text.split()[-1] if actor.text.split() else ""
    return {last} if last[:1].isupper() and len(last) > 2 else set()


def _group_named(actor: Actor, text: str) -> bool:
    """A group of people told by a plural noun the gathering's sentence names too: "The candidates
    agreed" after "At the debate, held in Gondor, the candidates received questions"."""
    words_ = actor.text.lower().split()
    while words_ and words_[0] in _GROUP_WORDS:
        words_ = words_[1:]
    return len(words_) == 1 and words_[0].endswith("s") and len(words_[0]) > 3 \
        and f" {words_[0]} " in f" {text} "


def _party(actor: Actor) -> str | None:
    """The side an actor takes at an occasion: its country, or an international body with none
    ("Leaders of the Gondor Union met in Edoras." ... "the Union announced ...": the body's code)."""
    if actor.country:
        return actor.country
    return actor.code if actor.code and actor.code.startswith(INTERNATIONAL) else None


INTERNATIONAL = "IGO"  # the code prefix of an international body (the UN, the African Union)


def _scene_change(events: list[Event], place: Place | None) -> int:
    """The first sentence after the lead that places an act somewhere else ("She will then travel to
    Minas Tirith": the occasion's place ends there); a large number when none does."""
    moved = [ev.sentence_index for ev in events if ev.sentence_index >= LEAD_SENTENCES and ev.location
             is not None and place is not None and ev.location.name != place.name
             and ("where:clause" in ev.trace or "where:sentence" in ev.trace)]
    return min(moved, default=1 << 30)


def _country_named(actor: Actor) -> bool:
    """A country named as the doer ("The United States remains committed to ..."): the voice of a
    country's standing policy in a fact sheet, not of its envoys at the occasion."""
    text = actor.text.lower().removeprefix("the ").strip()
    return actor.code == actor.country and bool(actor.name) and text == (actor.name or "").lower()


def _same_time(occasion: Event, ev: Event) -> bool:
    """Whether the act's date may be the occasion's: undated (on or before publication), or the
    same day, month or year as far as the act's precision goes."""
    width = {"day": 10, "month": 7, "year": 4}.get(ev.date_precision)
    if width is None or not ev.date or not occasion.date:
        return True
    return ev.date[:width] == occasion.date[:width]


def _named_again(noun: Event, ev: Event) -> bool:
    """Whether an act of the same kind (a family of LEAD_FAMILIES) names the act noun the lead
    placed ("killed the general in an airstrike" and "the airstrike at Edoras airport")."""
    family = next((f for f in LEAD_FAMILIES if noun.cameo[:2] in f), None)
    word = noun.trigger["text"].lower()
    return family is not None and ev.cameo[:2] in family and ev.sentence_index != noun.sentence_index \
        and word in (t.strip(".,;:\"'()") for t in ev.sentence.lower().split())


def _same_story(lead: Event, ev: Event) -> bool:
    """The same kind of act (a family of LEAD_FAMILIES) with a side in common: the same actor code
    or the same last word of a name ("Nabil al-Quaety" ... "al-Quaety")."""
    family = next((f for f in LEAD_FAMILIES if lead.cameo[:2] in f), None)
    if family is None or ev.cameo[:2] not in family:
        return False

    def sides(e: Event) -> set[str]:
        out: set[str] = set()
        for a in (e.source, e.target):
            if a is None:
                continue
            if a.code and a.code[:3] != "---":
                out.add(a.code)
            last = a.text.split()[-1] if a.text.split() else ""
            if last[:1].isupper():
                out.add(last)
        return out
    return bool(sides(lead) & sides(ev))


def _tell_place(resolver: ActorResolver, sent_place: Place | None, last_place: Place | None) -> None:
    """Tell the resolver's discourse the country the sentence is in (the coder's one write into
    resolution state besides ``_tell_last_pair``; see coding/stages/record.Resolution)."""
    resolver.discourse.sentence_country = sent_place.country if sent_place is not None else None
    if sent_place is not None and sent_place.country:
        resolver.discourse.location_country = sent_place.country
    elif last_place is not None and last_place.country:
        resolver.discourse.location_country = last_place.country


def _tell_last_pair(resolver: ActorResolver, events: list[Event]) -> None:
    """Tell the resolver's discourse the sentence's last source and target ("each other" and
    "the two sides" in the next sentences); with none, two of its doers of different countries."""
    pairs = [(e.source, e.target) for e in events if e.source and e.target]
    if not pairs:  # ("A led the Gondorian delegation while B led the Rohirric delegation. The two sides ...")
        doers = [e.source for e in events if e.source is not None and e.source.country]
        pairs = [(a, b) for a in doers[:1] for b in doers if b.country != a.country][:1]
    if pairs:
        s, t = pairs[-1]
        resolver.discourse.last_pair = (entity_of(s), entity_of(t))
    met = [(e.source, e.target, e.sentence_index) for e in events if e.source and e.target
           and e.source.country and e.target.country and e.source.country != e.target.country
           and (e.cameo[:2] == "04" or "pair:mutual" in e.trace)]
    if met:  # ("A met B ... A condemned C's attack ... The two also discussed": A and B)
        s, t, si = met[-1]
        resolver.discourse.party_pair = ((entity_of(s), entity_of(t)), si)

"""From a noun phrase in the parse to an ``Actor``: dictionaries, titles, and the document's memory.

``ActorResolver.resolve(head)`` looks at the noun phrase headed by ``head``:

1. pronouns and referring descriptions ("he", "his country", "the Movement", "the
   delegation", "both parties") take the actor they stand for from the ``Discourse``;
2. otherwise the phrase's words are matched against the actor and agent dictionaries
   (actors give country/organisation codes, agents give roles: "Russian officials" →
   RUS + GOV), nearest to the head first;
3. people who are in no dictionary are resolved from their title ("Envoy" → GOV) and the
   country their phrase or the document gives them; a later "Bogdanov" finds the earlier
   "Mikhail Bogdanov".

Every resolved mention is remembered in the ``Discourse`` for the next sentences.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from ..lang import words
from ..models import Actor
from ..nlp.docfacts import facts
from ..nlp.types import Strict, Token
from .article_memory import ArticleMemory
from .bodies import (
    CAMPAIGN_SECTOR,
    campaign_owner,
    candidate,
    grouping,
    grouping_codes,
    grouping_name,
    publisher_official,
    title_after,
    title_before,
    title_body,
)
from .codes import INTERNATIONAL_TYPES, OUT_OF_OFFICE
from .dictionary import ActorDictionary, DictMatch, combine, org_name_sectors, split_code

PERSON_PRONOUNS = words("person_pronouns")
PLURAL_PRONOUNS = words("plural_pronouns")
GROUP_PRONOUNS = words("neuter_pronouns") | PLURAL_PRONOUNS
FIRST_PERSON = words("first_person_pronouns")
RECIPROCAL_HEADS = words("reciprocal_nouns")
PAIR_PRONOUNS = words("pair_pronouns")
QUANTIFIER_PRONOUNS = words("quantifier_pronouns")
# what is held, kept or fought between parties: "talks between A and B", "clashes between A and B"
MEETING_HEADS = words("meeting_nouns")
# Heads of descriptions that usually refer back to an actor named before ("the Movement").
_NON_REFERRING = words("non_referring_nouns")
_INDEFINITE = words("indefinite_determiners")
_STATE_NOUNS = words("state_nouns")
# (dictionary, date, text cased, words) → matches; DictMatch is immutable, so results are shared safely
_MATCHES: dict[tuple[int, str | None, bool | None, tuple[str, ...]], list[DictMatch]] = {}
_SKIP_DEPS = {"relcl", "acl", "advcl", "punct", "cc", "conj", "appos_clause"}
_NOT_ACTOR_POS = frozenset(("VERB", "AUX", "ADP", "SCONJ", "CCONJ", "NUM", "PUNCT"))
_SUBJECT_DEPS = frozenset(("nsubj", "nsubjpass"))
# what the noun a place belongs to ("mayor of Lyon, France stabbed") may be in a headline
_OWNER_DEPS = frozenset(("nsubj", "nsubjpass", "ROOT", "conj", "appos", "dobj", "compound", "npadvmod"))
# sectors of a country's own institutions (legislature, courts, police): with no country named,
# those of the country the document is about
HOME_INSTITUTIONS = ("LEG", "JUD", "COP")
# offices a "former" title no longer gives ("former Governor X" is an elite: ELI)
PAST_OFFICE_SECTORS = frozenset(("GOV", "LEG", "MIL", "JUD", "COP", "SPY"))
# sectors of a country's own people and bodies: with no country named, that of where the story is
# (not refugees, international bodies, NGOs that work across borders)
COUNTRY_SECTORS = frozenset(("GOV", "OPP", "MIL", "COP", "LEG", "JUD", "PTY", "CVL", "PPL", "EDU", "MED", "BUS",
                             "REB", "UAF", "CRM", "REL", "LAB", "AGR", "HLH", "ELI", "SPY", "ENV", "DEV"))


@dataclass
class Entity:
    """A discourse entity: an actor the document has mentioned."""

    name: str | None
    country: str | None
    sector: str | None
    code: str | None
    members: list[str] = field(default_factory=list)
    heads: set[str] = field(default_factory=set)  # lower-case words that can refer back to it
    person: bool = False
    plural: bool = False
    sentence: int = 0
    subject: bool = False  # last mentioned as a clause's subject (more salient for "it", "he")
    position: tuple[int, int] = (0, 0)  # (sentence, token) of the last mention
    span: tuple[str, int, int] | None = None  # the last mention's words and offsets in its sentence
    alternatives: tuple[str, ...] = ()  # further actor codes the dictionary gives the same phrase
    titles: frozenset[str] = frozenset()  # a person's title words, lower case ("deputy", "secretary")
    weak: bool = False  # its country is only the document's default (no word of the text gave it)
    main: bool = False  # that subject was of its sentence's main clause ("A said that B ...": A)

    def __eq__(self, other: object) -> bool:
        """Field by field, as the dataclass would (``Discourse.add`` compares a new entity with
        every one it has), but the fields that differ most often first."""
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (self.position == other.position and self.span == other.span and self.code == other.code
                and (self.name, self.country, self.sector, self.members, self.heads, self.person, self.plural,
                     self.sentence, self.subject) == (other.name, other.country, other.sector, other.members,
                                                      other.heads, other.person, other.plural, other.sentence,
                                                      other.subject))

    __hash__ = None  # type: ignore[assignment]  # mutable, as the dataclass's

    def actor(self, text: str, start: int, end: int) -> Actor:
        return Actor(text=text, start=start, end=end, name=self.name, country=self.country,
                     sector=self.sector, code=self.code, members=list(self.members))


class Discourse:
    """What the document has said so far: its actors, newest last, and its places and dates.

    The actors are kept in an insertion-ordered dict (oldest first) with an index by the
    position of their last mention, so that ``add`` costs the same however many actors the
    document has named (a list's ``remove`` compared the new actor with every one before it:
    quadratic time in the length of the article)."""

    def __init__(self) -> None:
        self._order: dict[int, Entity] = {}  # sequence number -> entity, oldest first
        self._seq: dict[int, list[int]] = {}  # id(entity) -> its sequence numbers in ``_order``
        self._by_position: dict[tuple[int, int], list[int]] = {}  # position when added -> sequence numbers
        self._by_head: dict[str, list[int]] = {}  # a word that refers back to it -> sequence numbers
        self._by_surname: dict[str, list[int]] = {}  # a person's last name, lower case -> sequence numbers
        self._next = 0
        self.countries: Counter[str] = Counter()
        self.location_country: str | None = None  # where the text is, as of this sentence
        self.sentence_country: str | None = None  # the country of a place named in this sentence
        self.last_pair: tuple[Entity, Entity] | None = None
        # the pair a subject "the two", "both" or "they" last stood for, and in which sentence
        self.spoken_pair: tuple[tuple[Entity, Entity], int] | None = None
        # the two of different countries who last met, talked or acted on each other, and in which
        # sentence ("the two sides", "Both" a few sentences later are still they)
        self.party_pair: tuple[tuple[Entity, Entity], int] | None = None

    @property
    def entities(self) -> list[Entity]:
        """The actors, oldest first."""
        return list(self._order.values())

    def add(self, ent: Entity) -> None:
        """Put ``ent`` last; the first actor equal to it, if any, leaves its place (as
        ``list.remove`` + ``append`` did). Only ``ent`` itself can have moved since it was
        indexed (``ActorResolver._remember`` updates an actor and adds it at once)."""
        seqs = self._by_position.get(ent.position, [])
        candidates = [s for s in seqs if s in self._order and self._order[s].position == ent.position]
        candidates += [s for s in self._seq.get(id(ent), ()) if s not in candidates]
        for s in sorted(candidates):
            if self._order[s] == ent:
                self._forget(s)
                break
        self._by_position[ent.position] = [s for s in seqs if s in self._order] + [self._next]
        self._order[self._next] = ent
        self._seq.setdefault(id(ent), []).append(self._next)
        # an actor's heads only grow, and only just before it is added (``_remember``)
        for head in ent.heads:
            self._by_head.setdefault(head, []).append(self._next)
        # every word of a person's name, so that the family name is found whichever way round the
        # name is written ("Japanese Vice Foreign Minister Mori Takeo" ... "Minister Mori")
        for word in _name_words(ent) if ent.person else ():
            self._by_surname.setdefault(word, []).append(self._next)
        self._next += 1
        if ent.country:
            self.countries[ent.country] += 1

    def _forget(self, seq: int) -> None:
        key = id(self._order.pop(seq))
        self._seq[key].remove(seq)
        if not self._seq[key]:
            del self._seq[key]

    def find(self, pred) -> Entity | None:
        """The newest actor for which ``pred`` holds."""
        return next(self.find_all(pred), None)

    def find_all(self, pred) -> Iterator[Entity]:
        """The actors for which ``pred`` holds, newest first."""
        return (ent for ent in reversed(self._order.values()) if pred(ent))

    def _newest(self, index: dict[str, list[int]], key: str) -> int:
        """The newest live sequence number under ``key`` (-1: none); dead ones at the end go."""
        seqs = index.get(key)
        while seqs and seqs[-1] not in self._order:
            seqs.pop()
        return seqs[-1] if seqs else -1

    def by_head(self, *words: str) -> Entity | None:
        """The newest actor one of ``words`` can refer back to (one of its ``heads``); as
        ``find(lambda e: any(w in e.heads for w in words))``, without looking at the others."""
        seq = max((self._newest(self._by_head, w) for w in words), default=-1)
        return self._order[seq] if seq >= 0 else None

    def by_surname(self, words: list[str]) -> Entity | None:
        """The newest person one of whose names is the last of ``words`` (any case)."""
        seq = self._newest(self._by_surname, words[-1].lower())
        return self._order[seq] if seq >= 0 else None


def _name_words(ent: Entity) -> list[str]:
    """The words of a person's name that may stand for the person (not "al", "bin", "J.")."""
    name = (ent.name or "").lower().split()
    return [w for w in name if len(w.rstrip(".")) > 1 and w not in _NAME_PARTICLES] or name[-1:]


def _span_text(tokens: list[Token]) -> tuple[str, int, int]:
    doc = facts(tokens[0].doc)
    sent = doc.sentence_of(tokens[0])
    start = tokens[0].idx - sent.start_char
    end = tokens[-1].idx + len(tokens[-1].text) - sent.start_char
    return doc.span_text(sent)[start:end], start, end


class ActorResolver:
    """Resolves noun phrases to actors for one document (keep one per article)."""

    def __init__(self, dictionary: ActorDictionary | None = None, date: str | None = None,
                 publisher: str | None = None, context: str | None = None) -> None:
        self.dictionary = dictionary or ActorDictionary.default()
        self.date = date
        # the rest of the article (its title, for the body; its body, for the title), read with
        # the text for what it says of its people's countries (``ArticleMemory``)
        self.context = context
        self.memory: ArticleMemory | None = None
        self.discourse = Discourse()
        self._doc: Any = None
        self._cased: bool | None = None  # the text has capitals and small letters (names stand out)
        self._story: Counter[str] | None = None  # how often the text names each country (None: not counted)
        # "I", "we" in a press release are its publisher ("US State Department" → USA GOV)
        self.publisher = self._publisher(publisher) if publisher else None
        self._cache: dict[tuple[int, Strict], list[Actor]] = {}
        # per head: its phrase's tokens and the person it names, if any (the parse alone says;
        # a head is resolved up to three times, once per strictness)
        self._phrases: dict[int, tuple[list[Token], tuple[list[Token], list[Token]] | None]] = {}

    # -- public ------------------------------------------------------------------------

    def resolve(self, head: Token, sentence_index: int = 0, strict: Strict = True) -> list[Actor]:
        """Actors the phrase headed by ``head`` stands for (several for "both parties").

        ``strict=True`` asks that the head itself names the actor ("Russian officials",
        "Hamas"); ``"near"`` also takes a direct modifier ("U.S. assistance" → USA);
        ``False`` takes an actor anywhere in the phrase ("support for the Palestinian people").
        """
        if head.doc is not self._doc:
            self._doc, self._cache, self._phrases, self._story = head.doc, {}, {}, None
            self.memory = ArticleMemory.of(self.dictionary, (self.context or "", facts(head.doc).text), self.date)
            text = facts(head.doc).text[:5000]
            self._cased = any(map(str.isupper, text)) and any(map(str.islower, text))
        key = (head.i, strict)
        if key not in self._cache:
            self._cache[key] = self._resolve(head, sentence_index, strict)
        return self._cache[key]

    def resolve_conjuncts(self, head: Token, sentence_index: int = 0, strict: Strict = True) -> list[Actor]:
        """The phrase and its coordinated phrases ("A and B"), each resolved."""
        out: list[Actor] = []
        prev: Token | None = None  # the conjunct before, when it gave exactly ``out[-1]``
        nameless: Token | None = None  # the head, a name no dictionary or rule resolved
        for tok in [head, *_conjuncts(head)]:
            found = self.resolve(tok, sentence_index, strict)
            if nameless is not None and not out and found and _describes(tok) and not _bare(found[0].code):
                # ("Olaf Sandberg, the UN Secretary-General's Personal Envoy": the envoy's UN)
                out.append(self._name_described(nameless, found[0], tok, sentence_index))
                continue
            if tok is head and not found and tok.pos_ == "PROPN" and _capitalised(tok):
                nameless = tok
            one = self._one_person(prev, out[-1], tok, found) if prev is not None and out else None
            if one is not None:  # "Israeli Foreign Minister and Alternate Prime Minister Lapid": one person
                out[-1], prev = self._learn(one), None
                continue
            prev = tok if len(found) == 1 else None
            if (not found and tok.ent_type_ == "PERSON") or (len(found) == 1 and found[0].members
                                                              and not found[0].country):
                found = self._described_by_clause(tok, sentence_index, found)
            if tok is not head and not tok.ent_type_:  # a bare role: its country can only be borrowed
                found = self._shared_modifiers(tok, head, sentence_index) or found
            if out and not found and strict is True and tok.dep_ == "conj" and tok.pos_ == "NOUN":
                found = self._of_owner(tok, sentence_index)  # "Israeli police and supporters of Hamas"
            if tok is not head and found and _bare(found[0].code):
                found = self._second_place(tok, head, found[0], sentence_index) or found
            if out and not found and strict is True and _describes(tok):  # "..., the UN relief coordinator"
                found = self.resolve(tok, sentence_index, "near")
            if out and found and _describes(tok) and not _next_of_list(out[-1], found[0], tok):
                out[-1] = _with_description(self._learn(_described(out[-1], found[0])), tok)
                continue
            out.extend(found)
        return out

    def _name_described(self, name: Token, says: Actor, appos: Token, si: int) -> Actor:
        """A name no dictionary knows with what its describing appositive says it is, remembered for
        a later mention of it ("Olaf Sandberg, the UN Personal Envoy" ... "Sandberg", "the Personal
        Envoy"): a person when the appositive is a title."""
        tokens = [t for t in self._phrase(name)[0] if t.i < appos.i and t.text != ","]
        text = " ".join(t.text for t in tokens if t.dep_ != "det")
        title = _capital_title(mention_tokens(appos))
        ent = Entity(text, says.country, says.sector, says.code, members=[text] if title else [],
                     heads={t.lower_ for t in tokens}, person=bool(title), sentence=si, titles=title)
        span = _span_text(tokens)
        self._remember(ent, name, si, span)
        return _with_description(ent.actor(*span), appos)

    def _described_by_clause(self, tok: Token, si: int, found: list[Actor]) -> list[Actor]:
        """A person no dictionary places, with what a relative clause set off after the name or an
        "as" phrase of their verb says they are: "Brett Bolt, who was the U.S. envoy to the coalition,
        ..." (the envoy's USAGOV), "Ann Vale resigned as the governor of Puerto Rico"; remembered for
        the later "Bolt said"; ``found`` when the clause says nothing."""
        be = next((c for c in tok.children if c.dep_ == "relcl" and c.lemma_ == "be"
                   and any(x.tag_ == "WP" and x.dep_ == "nsubj" for x in c.children)), None)
        attr = next((c for c in be.children if c.dep_ == "attr"), None) if be is not None else None
        if attr is None and tok.dep_ == "nsubj":  # "X resigned as the governor of Puerto Rico"
            attr = next((x for c in tok.head.children if c.dep_ == "prep" and c.lower_ == "as"
                         for x in c.children if x.dep_ == "pobj"), None)
        says = [a for a in self.resolve(attr, si, "near") if a.country] if attr is not None else []
        if not says:
            return found
        if found:
            return [self._learn(_described(found[0], says[0]))]
        tokens = self._phrase(tok)[0]
        name = " ".join(t.text for t in tokens if t.ent_type_ == "PERSON") or tok.text
        ent = Entity(name, says[0].country, says[0].sector, says[0].code, members=[name],
                     heads={tok.lower_}, person=True, sentence=si)
        span = _span_text(tokens)
        self._remember(ent, tok, si, span)
        return [ent.actor(*span)]

    def _learn(self, person: Actor) -> Actor:
        """What a description says of a named person holds for the document's later mentions of
        them ("Brett Bolt, the former U.S. envoy, ... Bolt said")."""
        ent = self.discourse.by_surname(person.members[-1].split()) if person.members and person.code else None
        if ent is not None and ent.person and (ent.name or "").split()[-1:] == person.members[-1].split()[-1:]:
            ent.country, ent.sector, ent.code, ent.weak = person.country, person.sector, person.code, False
        return person

    def _one_person(self, prev: Token, first: Actor, tok: Token, found: list[Actor]) -> Actor | None:
        """Two conjuncts the parse split that are one titled person: a title with a country and no
        name before a titled name with none of its own ("Israeli Foreign Minister and Alternate Prime
        Minister Lapid"), or a country right before one ("Republic of Korea Foreign Minister Park
        Jin"): the person, of the first's country."""
        named = self._phrase(prev)[1]  # (the parse may take "Foreign Minister" for a name)
        # (not a title that names a person the text gave before: "The Deputy Secretary and Secretary
        # General X" are two)
        if len(found) != 1 or not found[0].members or not first.country or prev.ent_type_ == "PERSON" \
                or first.members \
                or (named is not None and self.role_of(named[1]) is None):
            return None
        person = self._surname_person(tok, *self._phrase(tok))
        if person is None or len(person[0]) <= len(person[1]) \
                or any(m.kind == "actor" for m in self._match([t.text for t in person[0]])):
            return None
        if _bare(first.code):  # a country: only right before the title ("Korea Foreign Minister")
            if max(t.i for t in prev.subtree) + 1 != person[0][0].i:
                return None
        elif not (prev.is_title and prev.lower_ not in _NOT_NAMES and self.role_of(mention_tokens(prev))):
            return None
        one = found[0]
        sector = one.sector or first.sector
        return replace(one, country=first.country, sector=sector, code=(first.code or "")[:3] + (sector or ""),
                       start=first.start, text=_span_text([prev.doc[i] for i in range(
                           min(t.i for t in mention_tokens(prev)), person[1][-1].i + 1)])[0])

    # -- the steps ---------------------------------------------------------------------

    def _resolve(self, head: Token, si: int, strict: Strict) -> list[Actor]:
        """The first of the ordered referring rules (``_REFERRING_RULES``) that decides, else the
        phrase's own words (``_named``)."""
        for rule in _REFERRING_RULES:
            found = rule(self, head, si, strict)
            if found is not None:
                return found
        return self._named(head, si, strict)

    def _rule_pair_pronoun(self, head: Token, si: int, strict: Strict) -> list[Actor] | None:
        """"A spoke with B ... Both expressed support for Ukraine", "The two agreed ...", "They
        reiterated ...": as a subject, the two parties of the last pair (a source and a target of
        the sentences just before), not an actor named in an object ("... costs for Russia")."""
        low = head.lower_
        if head.dep_ not in _SUBJECT_DEPS or any(c.dep_ == "prep" for c in head.children):
            return None
        if low in PAIR_PRONOUNS:
            if head.pos_ not in ("DET", "PRON", "NUM") or (
                    low != "both" and [t.lower_ for t in head.lefts] != ["the"]):
                return None
        elif not (low == "they" and head.pos_ == "PRON") or self._subject_people(si) or self._meets_others(head):
            return None
        pair = (self._subject_pair(si) or self._party_pair(si) if low != "they" else []) \
            or self._last_parties(si, people=low == "they") or self._continued_pair(si)
        if not pair and low == "they":
            return None
        if not pair:  # ("Both" with no two parties just named: a group just named, "two Canadian
            # men ... Both were sentenced", else no one, never the last country named)
            return self._group_just_named(head, si)
        self.discourse.spoken_pair = ((pair[0], pair[1]), si)
        return [e.actor(head.text, *_offsets(head)) for e in pair]

    def _subject_pair(self, si: int) -> list[Entity]:
        """The two actors of different countries that were the subjects of the sentence before,
        when it had exactly two: "A and B expressed support ... Both condemned ..."."""
        subjects: dict[str, Entity] = {}
        for ent in self.discourse.find_all(lambda e: e.subject and e.main and e.position[0] == si - 1 and bool(e.code)):
            subjects.setdefault(ent.name or ent.code or "", ent)
        pair = list(subjects.values())
        return pair if len(pair) == 2 and pair[0].country != pair[1].country else []

    def _party_pair(self, si: int) -> list[Entity]:
        """The two who last met, talked or acted on each other, within the last few sentences."""
        found = self.discourse.party_pair
        return list(found[0]) if found is not None and si - 4 <= found[1] <= si else []

    def _continued_pair(self, si: int) -> list[Entity]:
        """"A spoke with B. The two condemned C's invasion. They both expressed support ...": the pair
        the previous sentence's "the two" stood for, when that sentence's own act (against C) made
        a pair that is no meeting of two (its events give the last pair)."""
        spoken = self.discourse.spoken_pair
        if spoken is None or spoken[1] != si - 1:
            return []
        return list(spoken[0])

    def _meets_others(self, head: Token) -> bool:
        """"They will meet President Yoon", "they met with the prime minister": a "they" whose verb
        of meeting has people for its object is one side meeting others (a travelling delegation), not the
        two parties of the meeting before, whose "they" acts of both ("They agreed ...")."""
        verb = head.head
        if verb.lemma_.lower() not in words("party_object_verbs") | words("talk_verbs"):
            return False  # ("They praised the aid workers": of both)
        objs = [c for c in verb.children if c.dep_ in ("dobj", "dative")] + [
            x for p in verb.children if p.dep_ == "prep" and p.lower_ == "with" for x in p.children if x.dep_ == "pobj"]
        return any(o.ent_type_ == "PERSON" or (o.pos_ in ("NOUN", "PROPN") and self.role_of(mention_tokens(o)))
                   for o in objs)

    def _last_parties(self, si: int, people: bool) -> list[Entity]:
        """The last pair when it is people or governments of two countries (not bare countries,
        alliances or fighters: "Iran's attacks on Israel" is no pair that meets), both mentioned
        in the last two sentences (the previous one for "they")."""
        pair = self.discourse.last_pair
        if pair is None or pair[0].country == pair[1].country or not all(e.code for e in pair):
            return []
        known = [self.discourse.find(lambda e, p=p: e.code == p.code and e.name == p.name) for p in pair]
        found = [e for e in known if e is not None]
        if len(found) < 2 or min(e.position[0] for e in found) < si - (1 if people else 2):
            return []
        if not all(e.person or e.sector == "GOV" for e in found):
            return []
        return list(pair)

    def _rule_place_of_place(self, head: Token, si: int, strict: Strict) -> list[Actor] | None:
        """"Mayor of Lyon, France stabbed at concert": "France" says where Lyon is, no actor."""
        return [] if place_qualifier(head) else None

    def _rule_not_a_noun(self, head: Token, si: int, strict: Strict) -> list[Actor] | None:
        """Verbs, prepositions, numbers name no actor ("said", "in", "three"), except a number
        with an "of" phrase ("three of the hostages")."""
        if head.pos_ in _NOT_ACTOR_POS and not (head.pos_ == "NUM" and collective_of(head) is not None):
            return []
        return None

    def _rule_first_person(self, head: Token, si: int, strict: Strict) -> list[Actor] | None:
        """"I", "we": the speaker of the quotation ('"We do not target civilians," Peskov told
        reporters' → Peskov), else the publisher ("US State Department" → USA GOV)."""
        if not (head.lower_ in FIRST_PERSON and head.pos_ == "PRON" and (head.text == "I" or not head.text.isupper())):
            return None
        speaker = _quoted_speaker(head)
        if speaker is not None:
            return [replace(a, text=head.text, start=_offsets(head)[0], end=_offsets(head)[1])
                    for a in self.resolve_conjuncts(speaker, si)]
        return [self.publisher.actor(head.text, *_offsets(head))] if self.publisher else []

    def _rule_relative_pronoun(self, head: Token, si: int, strict: Strict) -> list[Actor] | None:
        """"soldiers who had been captured": "who" is the one the clause is about; "what" of a
        question or a free relative ("what constitutes his role") is no one."""
        if head.tag_ in ("WP", "WDT") and head.head.dep_ == "relcl" and head.head.head.i != head.i:
            return self.resolve(head.head.head, si, strict)
        if head.tag_ == "WP" and head.lower_ in ("what", "whatever"):
            return []
        return None

    def _rule_pronoun(self, head: Token, si: int, strict: Strict) -> list[Actor] | None:
        """"he", "it", "they": the discourse's fitting entity; "Farc said it will release ...":
        in the same sentence the actor's words are the name the sentence gave it."""
        low = head.lower_
        if not (head.pos_ == "PRON" or low in PERSON_PRONOUNS or low in GROUP_PRONOUNS):
            return None
        pair = self._subject_people(si) if low == "they" and head.dep_ in _SUBJECT_DEPS else []
        if pair:  # "Smith and Sato met ... They also discussed ...": the two people
            return [e.actor(head.text, *_offsets(head)) for e in pair]
        ent = self._pronoun(low, subject=head.dep_ in _SUBJECT_DEPS, before=(si, head.i), tok=head)
        if ent is None:
            return []
        same_sentence = ent.position[0] == si and ent.span is not None
        return [ent.actor(*ent.span) if same_sentence and ent.span else ent.actor(head.text, *_offsets(head))]

    def _subject_people(self, si: int) -> list[Entity]:
        """The people (two or more, each coded) who were the subjects of the sentence before,
        for a "they" that opens the next: "Deputy Secretary Smith and Minister Sato discussed ...
        They also discussed ..."."""
        people = [e for e in self.discourse.entities
                  if e.person and e.subject and e.country and e.position[0] == si - 1]
        return people if len({e.name for e in people}) >= 2 and len(people) <= 3 else []

    def _rule_name_after(self, head: Token, si: int, strict: Strict) -> list[Actor] | None:
        """"its NATO ally Turkey", "his counterpart Italian President Sergio Mattarella": the name."""
        name = _name_after(head)
        if name is None:
            return None
        found = self.resolve(name, si, True)
        if not found:
            return None
        text, start, end = _span_text(mention_tokens(head))
        return [replace(a, text=text, start=start, end=end) for a in found]

    def _rule_collective(self, head: Token, si: int, strict: Strict) -> list[Actor] | None:
        """"thousands of Iraqi Kurds", "a group of Moroccan diplomats", "a number of Syrians,
        Iraqis and Afghans": the members."""
        of_obj = collective_of(head)
        if of_obj is None:
            return None
        found = self.resolve_conjuncts(of_obj, si, strict)
        if not found:
            return None
        last = ([of_obj] + _conjuncts(of_obj))[-1]
        text, start, end = _span_text(sorted({*mention_tokens(head), *(t for t in head.subtree if t.i <= last.i)},
                                             key=lambda t: t.i))
        return [Actor(text=text, start=start, end=end, name=a.name, country=a.country, sector=a.sector,
                      code=a.code, members=list(a.members)) for a in found]

    def _rule_quantifier(self, head: Token, si: int, strict: Strict) -> list[Actor] | None:
        """"All signed the agreement", "We call on all to maintain calm", "Some criticized ...": a
        quantifier standing alone is the plural group just named (in its sentence or the one
        before), else no one; never the country the story is about."""
        if head.lower_ not in QUANTIFIER_PRONOUNS or head.ent_type_ or collective_of(head) is not None \
                or head.pos_ not in ("DET", "PRON", "ADJ", "NOUN"):
            return None
        if head.dep_ == "pobj":  # ("freedoms for all", "prosperity for all": everyone, no actor)
            return []
        return self._group_just_named(head, si)

    def _group_just_named(self, head: Token, si: int) -> list[Actor]:
        """The newest plural actor (not a bare country) named before ``head`` in its sentence or
        in the one before, as ``head``'s words; else none."""
        group = self.discourse.find(lambda e: e.plural and not _bare(e.code) and bool(e.code)
                                    and (e.position[0] == si - 1 or (e.position[0] == si and e.position[1] < head.i)))
        return [group.actor(head.text, *_offsets(head))] if group is not None else []

    def _rule_between(self, head: Token, si: int, strict: Strict) -> list[Actor] | None:
        """"The summit between the EU and Turkey failed ...": as a subject, the two who met."""
        parties = _between(head)
        if parties is not None and head.dep_ in _SUBJECT_DEPS:
            return self.resolve_conjuncts(parties, si, strict)
        return None

    def _rule_both_parties(self, head: Token, si: int, strict: Strict) -> list[Actor] | None:
        """"both parties", "the two sides", "the two leaders": the pair the document was just talking about
        (and "the leaders" for the people who were the subjects of the sentence before)."""
        pair_words = {t.lower_ for t in head.lefts} & {"both", "two", "the"}
        # (no "both"/"two"/"the", or a lone "the" before a singular: none of the cases below, so
        # the modifiers' dictionary lookups are spared; most phrases)
        if not pair_words or (pair_words == {"the"} and head.tag_ != "NNS"):
            return None
        if pair_words == {"two"} or self._names_own_actor(head):
            return None  # ("two Hizballah operatives", "the Yemeni parties", "the U.S. side": their own words)
        if pair_words and head.tag_ == "NNS" and head.dep_ in _SUBJECT_DEPS and self.role_of([head]) is not None:
            people = self._subject_people(si)  # ("A and B met ... The leaders also discussed ...")
            if people:
                text, start, end = _span_text(self._phrase(head)[0])
                return [e.actor(text, start, end) for e in people]
        if not (head.lower_ in RECIPROCAL_HEADS and pair_words and (head.tag_ == "NNS" or pair_words - {"the"})) \
                and not (pair_words - {"the"} and head.tag_ == "NNS" and self.role_of([head]) is not None):
            return None  # ("the party" alone is a political party, not one of a pair)
        told = self._told_title(head, self._phrase(head)[0], self.role_of([head]), si) if head.tag_ == "NNS" else None
        if told is not None and told.alternatives:  # "the two vice foreign ministers" the article gives two countries
            return self._emit(told, True, head, self._phrase(head)[0], si)
        if not self.discourse.last_pair:
            return None
        text, start, end = _span_text(self._phrase(head)[0])
        return [e.actor(text, start, end) for e in self._sides(head, si)]

    def _sides(self, head: Token, si: int) -> list[Entity]:
        """The two sides a group noun stands for ("the parties", "both sides"): the last pair of
        two countries, less whoever addresses them ("The United States urges the sides to ...": not
        the United States); else the two countries, other than the addresser's, that the last
        sentences name; else none (several parties are never one country)."""
        addresser = self._addresser_countries(head, si)
        for found in (self._party_pair(si), list(self.discourse.last_pair or ())):
            # (a side may be an organisation of no country: "Both sides" of a U.S.-EU dialogue)
            pair = [e for e in found if (e.country or _international(e.code)) and e.country not in addresser]
            if len({e.country or e.code for e in pair}) == 2 or (pair and head.lower_ not in RECIPROCAL_HEADS):
                return pair  # ("both leaders" may be of one country: "called on both leaders" of South Sudan)
        recent: dict[str, Entity] = {}
        for ent in self.discourse.find_all(lambda e: bool(e.country) and e.position[0] >= si - 2
                                           and e.position[0] <= si and e.country not in addresser):
            recent.setdefault(ent.country or "", ent)
        return list(recent.values()) if len(recent) == 2 else []

    def _names_own_actor(self, head: Token) -> bool:
        """A modifier of the head names an actor of its own ("the Yemeni parties", "the U.S. side")."""
        mods = [t for t in head.lefts if t.dep_ in ("amod", "compound", "nmod", "poss")]
        return any(m.kind == "actor" for t in mods for m in self._match([x.text for x in t.subtree]))

    def _addresser_countries(self, head: Token, si: int) -> set[str]:
        """The countries of the subject of the verb whose object (or "on" phrase: "call on both
        sides") the phrase is: the one who urges, calls on or thanks the sides is not one of them."""
        verb = head.head
        if head.dep_ == "pobj" and verb.dep_ == "prep":
            verb = verb.head
        if head.dep_ not in ("dobj", "pobj", "dative") or verb.pos_ not in ("VERB", "AUX"):
            return set()
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None and verb.dep_ in ("xcomp", "conj"):  # ("We reject ... and call on both sides")
            subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.i == head.i:
            return set()
        return {a.country for a in self.resolve_conjuncts(subj, si) if a.country}

    def _rule_possessed_country(self, head: Token, si: int, strict: Strict) -> list[Actor] | None:
        """"his country", "its government": the possessor's country."""
        low = head.lower_
        if low not in _STATE_NOUNS:
            return None
        poss = _possessor(head)
        if poss is None or poss.pos_ != "PRON":
            return None
        ent = self._pronoun(poss.lower_)
        if not (ent and ent.country):
            return None
        gov = low == "government"
        text, start, end = _span_text(self._phrase(head)[0])
        c_ent = Entity(self._country_name(ent.country), ent.country, "GOV" if gov else None,
                       ent.country + ("GOV" if gov else ""), heads={low}, sentence=si)
        return [c_ent.actor(text, start, end)]

    def _rule_the_country(self, head: Token, si: int, strict: Strict) -> list[Actor] | None:
        """"the country", "the country's foreign ministry": the country the text is about, the
        last subject of an earlier sentence with one ("Ukraine accused Russia ... The country ...")."""
        low = head.lower_
        if low not in ("country", "nation") or [t.lower_ for t in head.lefts] != ["the"] \
                or any(c.dep_ == "prep" for c in head.children):
            return None
        ent = self.discourse.find(lambda e: e.subject and e.country is not None and e.position[0] < si)
        if ent is None or ent.country is None:
            return None
        text, start, end = _span_text(self._phrase(head)[0])
        return [Entity(self._country_name(ent.country), ent.country, None, ent.country,
                       heads={low}, sentence=si).actor(text, start, end)]

    def _rule_state_of(self, head: Token, si: int, strict: Strict) -> list[Actor] | None:
        """"the state of Montana", "the nation of Gondor": the place's state (the country that
        holds it)."""
        if head.lower_ not in _STATE_NOUNS or head.lower_ == "government":  # (a role: "the government of X")
            return None
        place = next((x for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                      for x in c.children if x.dep_ == "pobj"), None)
        found = [a for a in self.resolve(place, si, True) if a.country and _bare(a.code)] if place is not None else []
        if not found:
            return None
        text, start, end = _span_text(self._phrase(head)[0])
        return [replace(found[0], text=text, start=start, end=end)]

    def _rule_demonym_person(self, head: Token, si: int, strict: Strict) -> list[Actor] | None:
        """"the sixteen-year-old Swede", "the Briton": one person of that country, the last the
        document named without one ("climate activist Greta Thunberg ... The sixteen-year-old
        Swede is ..."), who is of that country from now on."""
        if head.tag_ not in ("NN", "NNP") or not head.is_title \
                or [t.lower_ for t in head.lefts if t.dep_ == "det"] != ["the"]:
            return None
        found = [m for m in self._match([head.text]) if m.kind == "actor"]
        country = _bare_country(found[0]) if len(found) == 1 else None
        ent = self.discourse.find(lambda e: e.person and e.position < (si, head.i)) if country else None
        if ent is None or ent.country is not None or country is None:
            return None
        ent.country, ent.code, ent.weak = country, country + (ent.sector or ""), False
        text, start, end = _span_text(self._phrase(head)[0])
        return [ent.actor(text, start, end)]

    def _rule_campaign(self, head: Token, si: int, strict: Strict) -> list[Actor] | None:
        """"the Trump campaign", "her campaign", "Biden campaign officials": a person's electoral
        campaign is their country's party side (PTY), not the office they hold (``campaign_owner``)."""
        owner = campaign_owner(head)
        if owner is None:
            return None
        person = next((a for a in self.resolve(owner, si, True)
                       if candidate(owner, a.name, a.sector, bool(a.members) or owner.lower_ in PERSON_PRONOUNS)), None)
        if person is None or person.country is None:
            return None
        country = person.country
        ent = Entity(self._country_name(country), country, CAMPAIGN_SECTOR, country + CAMPAIGN_SECTOR,
                     heads={head.lower_}, plural=head.tag_ in ("NNS", "NNPS"), sentence=si)
        tokens = self._phrase(head)[0]
        span = _span_text(tokens)
        self._remember(ent, head, si, span)
        return [ent.actor(*span)]

    def _rule_flattened_people(self, head: Token, si: int, strict: Strict) -> list[Actor] | None:
        """"Deputy Secretary Vale and State Secretary Kolbe" parsed as one name ("Vale and State
        Secretary" modifying "Kolbe"): two titled people, each resolved by their own words."""
        if head.pos_ != "PROPN" or head.ent_type_ != "PERSON":
            return None
        tokens = self._phrase(head)[0]
        for group in _coordinated_modifiers(head):
            first = group[0]
            if first.i > head.i or first.pos_ != "PROPN" or first.ent_type_ != "PERSON" \
                    or any(g.pos_ != "PROPN" for g in group):
                continue
            grouped = {t.i for g in group for t in g.subtree}
            rest = [t for t in tokens if t.i not in grouped]
            parts = [(g, _own_tokens(g)) for g in group[:-1]]
            parts.append((head, sorted(_own_tokens(group[-1]) + rest, key=lambda t: t.i)))
            people = [(h, toks, _person_mention(h, toks)) for h, toks in parts]
            if any(p is None or len(p[0]) <= len(p[1]) for _, _, p in people):
                continue  # (each a name after a title of its own)
            out: list[Actor] = []
            for h, toks, person in people:
                assert person is not None
                ent, _, words_ = self._named_person(h, toks, person, si)
                span = _span_text(words_)
                self._remember(ent, h, si, span)
                out.append(ent.actor(*span))
            return out
        return None

    def _rule_distributed(self, head: Token, si: int, strict: Strict) -> list[Actor] | None:
        """"U.S. and Iraqi forces": one actor per coordinated modifier (see ``_distributed``)."""
        return self._distributed(head, self._phrase(head)[0], si) or None

    def _named(self, head: Token, si: int, strict: Strict) -> list[Actor]:
        """The phrase's own words: a person by name and title, else the dictionaries, else
        what it refers back to or where it is based; remembered when the head names it."""
        tokens, person = self._phrase(head)
        person = self._surname_person(head, tokens, person)
        if person is not None and head.ent_type_ == "ORG" and (grouping_name(*person) or (
                _org_name_not_person(*person) and self.role_of([t for t in person[0] if t not in person[1]]) is None)):
            # ("the Philippine Daily Inquirer": an organisation, not a person "Daily Inquirer"; but
            # "Permanent Secretary of the Ministry of Foreign Affairs Thani Sen" is a titled person)
            person = None
            tokens = _before_bracket(tokens, head)
        if person is not None and self._ends_in_role(person[1]):
            person = None  # ("the Acting | Assistant Secretary": a title with no name)
        ent: Entity | None
        if person is not None:
            ent, strong, tokens = self._named_person(head, tokens, person, si)
        else:
            ent, strong = self._dictionary_or_back(head, tokens, si)
            if ent is not None and ent.country and not ent.person:
                ent, strong = self._country_org(ent, strong, head, tokens, si)
        if (ent is None or not strong) and person is None and strict is not False:
            org = self._unknown_org(head, tokens, si)  # ("the Global Alliance for Clean Wells": not Wells)
            ent, strong = (org, True) if org is not None else (ent, strong)
        if ent is None and strict is True and head.pos_ == "PROPN" and head.ent_type_ in ("ORG", "NORP", "GPE", ""):
            self._remember_unknown_name(head, tokens, si)
        if ent is None:
            home = self._home_of(head, si)
            if home is not None:  # "a terror group based in Trinidad": of the country it is based in
                sector = self.role_of(tokens)
                ent, strong = Entity(self._country_name(home), home, sector, home + (sector or ""),
                                     heads={head.lower_}, sentence=si), True
        if ent is None or (strict is True and not strong):
            return []
        if strict == "near" and not strong and not _near_modifier(tokens, head, self.dictionary, self.date):
            return []
        return self._emit(ent, strong, head, tokens, si)

    def _surname_person(self, head: Token, tokens: list[Token],
                        person: tuple[list[Token], list[Token]] | None) -> tuple[list[Token], list[Token]] | None:
        """A capitalised proper noun the document named as a person before, or the recogniser
        calls one ("Bogdanov"), is a person, though the tagger takes it for a common noun at the
        start of a sentence ("Lenderking met ..."), or the article names with a title ("Ana Morell,
        the Justice Minister of Peru" ... "Morell"); a name that is none ("the Houthis") is not."""
        if person is None and head.pos_ in ("PROPN", "NOUN") and _capitalised(head):
            known = self.discourse.by_surname([head.text])
            # (not in a phrase that names a known actor: "the Islamic Republic of Afghanistan Ashraf
            # Ghani" is the dictionary's Ghani, its phrase is resolved as it was)
            told = self.memory is not None and self.memory.office([head.text]) is not None \
                and not any(m.kind == "actor" for m in self._match([t.text for t in tokens]))
            if known is not None or told or (head.ent_type_ == "PERSON" and head.pos_ == "PROPN"):
                person = ([t for t in tokens if t.i <= head.i], [head])
        if person is not None and (self._not_a_person(*person) or _thing_name(person[1][-1]) or _medium(person[1][-1])):
            return None  # (nor "the 1991 Paris Peace Agreements": a thing's name; nor "on Twitter")
        return person

    def _named_person(self, head: Token, tokens: list[Token], person: tuple[list[Token], list[Token]],
                      si: int) -> tuple[Entity, bool, list[Token]]:
        """A person by title chain and name; "King Hassan of Morocco", "President Assad of
        Syria": the country named after the name."""
        chain, name_toks = person
        after = [t for t in tokens if t.i > name_toks[-1].i]
        of_actor = self._of_actor(after)
        ent = self._person(chain, name_toks, _possessor(head), si, of_actor)
        return ent, True, (chain + after if of_actor is not None else chain)

    def _dictionary_or_back(self, head: Token, tokens: list[Token], si: int) -> tuple[Entity | None, bool]:
        """The dictionaries' actor; when the head is not it, what the description refers back to."""
        ent, strong = self._from_dictionary(head, tokens, si)
        if ent is None or not strong:
            back = self._refer_back(head, si)
            if back is not None and not self._anothers_office(back, head, _capital_title(tokens)):
                return back, True
        return ent, strong

    def _unknown_org(self, head: Token, tokens: list[Token], si: int) -> Entity | None:
        """An organisation the recogniser names (ORG) and no dictionary knows, coded by the words
        of its name: "Radio Nord" (MED), "the Sylvanian Workers Party" (PTY), "the Ministry of
        Fisheries" (GOV) (``org_name_sectors``; a role the head itself names first: "the Nord News
        Agency" MED); of the country the name gives ("the Freedonian Times"), else of none for a
        global body ("the Global Alliance" → NGO), else of the story's country as a role is."""
        if not self._cased or head.ent_type_ != "ORG" or head.pos_ not in ("PROPN", "NOUN") \
                or not head.text[:1].isupper():
            return None
        span = next((e for e in facts(head.doc).ents if e.start <= head.i < e.end), None)
        # (the whole name, though the parse cut it: "National Union | for the Total Independence of ...")
        if span and span.root.i != head.i:
            return None  # (a piece of a longer name: "Law Enforcement Affairs" of "the Bureau of ... Affairs")
        whole = [head.doc[i] for i in range(span.start, span.end) if head.doc[i].text not in "()"] if span else [head]
        if any(m.kind == "actor" and head in whole[m.start:m.end] for m in self._match([t.text for t in whole])):
            return None  # (a name a dictionary knows, whose phrase the parse cut)
        name = _org_name(tokens)
        if head not in name:
            return None
        matches = self._match([t.text for t in name])
        pos = name.index(head)
        own = [m for m in matches if m.kind == "agent" and m.start <= pos < m.end]
        named = [c for m in matches if m.kind == "actor" for c in [_bare_country(_single_code(m))] if c]
        if not own and len(set(named)) != 1 and grouping(name, head):
            # ("the Media Freedom Coalition": no media; "the U.S.-Japan Alliance": the two)
            codes = grouping_codes(named, org_name_sectors().get(head.lower_))
            return Entity(_span_text(name)[0], split_code(codes[0])[0], split_code(codes[0])[1], codes[0],
                          heads={head.lower_}, sentence=si, alternatives=tuple(codes[1:]))
        sector = combine(None, own[:1])[2] if own else _org_sector(name)
        if sector is None:
            return None
        if named:
            country: str | None = named[-1]
        elif any(t.lower_ in NOT_HOME for t in name):
            code = {"NGO": "NGO", "BUS": "MNC"}.get(sector, "---" + sector)
            return Entity(_span_text(name)[0], None, sector, code, heads={head.lower_}, sentence=si)
        else:
            country = self._where_story_is(head, sector) if sector in COUNTRY_SECTORS else None
            if country is None and self.publisher is not None and [t.lower_ for t in tokens] == ["the", head.lower_]:
                country = self.publisher.country  # ("the Department" of a release: its publisher's)
        return Entity(_span_text(name)[0], country, sector, (country or "---") + sector,
                      heads={head.lower_}, plural=head.tag_ in ("NNS", "NNPS"), sentence=si)

    def _country_org(self, ent: Entity, strong: bool, head: Token, tokens: list[Token],
                     si: int) -> tuple[Entity, bool]:
        """An organisation named after its country that no dictionary knows as a whole: "the
        Nairobi Times" (KEN → KENMED), "the Kenya Workers Party" (PTY, not the workers' LAB): the
        country with the sector its name's words give, when the head word itself is in no
        dictionary."""
        if not self._cased or head.ent_type_ != "ORG" or head.pos_ != "PROPN" or self._match([head.text]) \
                or not (ent.code == ent.country or head.lower_ in org_name_sectors()):
            return ent, strong
        name = _org_name(tokens)
        if any(head in tokens[m.start:m.end] for m in self._match([t.text for t in tokens])):
            # (a name the dictionary knows: "the Kurdistan Workers' Party" TURREB; a role it knows:
            # "the Saudi Press Agency" SAUMED)
            return ent, strong
        sector = _org_sector(name)
        if sector is None or ent.country is None or sector in _chunks((ent.code or "")[3:]):
            return ent, strong  # ("the U.S. Defense Department": USAGOVMIL says GOV already)
        # (the head word's sector first, the modifiers' after: "the Kenya Workers Party" KENPTYLAB)
        code = ent.country + sector + (ent.code or "")[3:]
        return Entity(_span_text(name)[0], ent.country, sector, code, heads={head.lower_},
                      plural=head.tag_ in ("NNS", "NNPS"), sentence=si), True

    def _remember_unknown_name(self, head: Token, tokens: list[Token], si: int) -> None:
        """"The ELN has said it will ...": a name no dictionary knows can still be referred back
        to (a role with no country is "---" and the role, as elsewhere)."""
        span = _span_text(tokens)
        role = self.role_of(tokens)
        self._remember(Entity(span[0], None, role, "---" + role if role else None, heads={head.lower_}),
                       head, si, span)

    def _emit(self, ent: Entity, strong: bool, head: Token, tokens: list[Token], si: int) -> list[Actor]:
        """The actor (and the dictionary's alternatives) over the words that name it."""
        if not strong:
            tokens = self._actor_words(head, tokens)
        text, start, end = _span_text(tokens)
        if strong:
            self._remember(ent, head, si, (text, start, end))
        first = ent.actor(text, start, end)
        return [first] + [replace(first, code=alt, country=split_code(alt)[0], sector=split_code(alt)[1])
                          for alt in ent.alternatives]

    def _home_of(self, head: Token, si: int) -> str | None:
        """The country of the place a group is "based in", "operating in" ("a terror group based
        in Trinidad" → TTO), if the phrase says one."""
        place = _based_in(head)
        return next((a.country for a in self.resolve(place, si, "near") if a.country), None) if place is not None else None

    def _phrase(self, head: Token) -> tuple[list[Token], tuple[list[Token], list[Token]] | None]:
        """``mention_tokens(head)`` and ``_person_mention`` of them, remembered for the document
        (the lists are only read)."""
        found = self._phrases.get(head.i)
        if found is None:
            tokens = mention_tokens(head)
            found = self._phrases[head.i] = (tokens, _person_mention(head, tokens))
        return found

    def _remember(self, ent: Entity, head: Token, si: int, span: tuple[str, int, int]) -> None:
        """Put an actor the sentence names into the discourse, for what refers back to it."""
        ent.heads.add(head.lower_)
        ent.sentence = si
        first = head
        # ("A and B met": B too; "Minister A and Minister B" parsed as a name beside A, too)
        while (first.dep_ == "conj" or (first.dep_ == "appos" and first.ent_type_ == "PERSON")) \
                and first.head.i != first.i:
            first = first.head
        ent.subject = first.dep_ in ("nsubj", "nsubjpass")
        ent.main = ent.subject and _main_clause(first.head)
        ent.position = (si, head.i)
        ent.span = span
        same = self.discourse.by_surname(ent.name.split()) if ent.person and ent.name else None
        if same is not None and same is not ent and same.name == ent.name:  # (the titles of all its mentions)
            ent.titles = same.titles = ent.titles | same.titles
        self.discourse.add(ent)

    def _distributed(self, head: Token, tokens: list[Token], si: int) -> list[Actor]:
        """A phrase whose coordinated modifiers name several actors: "U.S. and Iraqi forces"
        (USAMIL, IRQMIL), "lawmakers in France and Germany" (FRALEG, DEULEG); and the same
        when the parser flattened two names into one phrase ("Fornost and the awful Gondor")."""
        for group in _coordinated_modifiers(head):
            grouped = {t.i for g in group for t in g.subtree}
            rest = [t for t in tokens if t.i not in grouped]
            if head.pos_ == "PROPN" and group[0].i < head.i:  # names side by side: each its own actor
                variants = [_own_tokens(g) for g in group] + [rest]
            else:  # the modifiers share the head: each with the rest of the phrase
                variants = [sorted(rest + _own_tokens(g), key=lambda t: t.i) for g in group]
            found: list[Entity] = []
            for toks in variants:
                ent, strong = self._from_dictionary(head, toks, si)
                if ent is not None and strong and ent.code and all(ent.code != e.code for e in found):
                    found.append(ent)
            if len(found) >= 2:
                span = _span_text(sorted({*tokens, *(t for g in group for t in _own_tokens(g))}, key=lambda t: t.i))
                for ent in found:
                    self._remember(ent, head, si, span)
                return [ent.actor(*span) for ent in found]
        return []

    def _shared_modifiers(self, tok: Token, head: Token, si: int) -> list[Actor]:
        """A coordinated role that shares the first phrase's modifiers: "Iraqi police and soldiers"
        (the soldiers are Iraqi), "lawmakers and officials in France and Germany" (the officials
        are French and German): a modifier before the first head, or a phrase after the last."""
        if tok.pos_ != "NOUN" or tok.dep_ != "conj" or any(c.dep_ in ("amod", "compound", "nmod", "poss") for c in tok.lefts):
            return []
        own = _own_tokens(tok)
        left = [t for c in head.lefts if c.dep_ in ("amod", "compound", "nmod") and c.ent_type_ in ("NORP", "GPE")
                for t in c.subtree]
        variants = [sorted(left + own, key=lambda t: t.i)] if left else []
        for p in head.rights:
            pobj = next((x for x in p.children if x.dep_ == "pobj"), None)
            if p.dep_ == "prep" and p.lower_ in ("in", "from", "of") and p.i > tok.i and pobj is not None:
                variants += [own + [p] + _own_tokens(g) for g in (pobj, *all_conjuncts(pobj))]
        found: list[Entity] = []
        for toks in variants:
            ent, strong = self._from_dictionary(tok, toks, si)
            if ent is not None and strong and ent.country and all(ent.code != e.code for e in found):
                found.append(ent)
        return [ent.actor(*_span_text(own)) for ent in found]

    def _of_owner(self, tok: Token, si: int) -> list[Actor]:
        """A coordinated noun that names no actor itself, of a known actor ("Israeli troops and
        supporters of Hamas"): that actor's."""
        pobj = next((x for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                     for x in c.children if x.dep_ == "pobj"), None)
        if pobj is None:
            return []
        text, start, end = _span_text(mention_tokens(tok))
        return [replace(a, text=text, start=start, end=end) for a in self.resolve(pobj, si)]

    def _second_place(self, tok: Token, head: Token, place: Actor, si: int) -> list[Actor]:
        """"Lawmakers in Fornost and Gondor" parsed as lawmakers and Gondor: a place coordinated
        right after the place of the head's "in"/"from"/"of" phrase is a second such place
        (lawmakers in Gondor), when both are bare places."""
        if not place.code:  # (the caller passes a bare place)
            return []
        for p in head.children:
            pobj = next((x for x in p.children if x.dep_ == "pobj"), None)
            if p.dep_ != "prep" or p.lower_ not in ("in", "from", "of") or pobj is None or pobj.i > tok.i \
                    or any(x.dep_ == "conj" for x in pobj.children):
                continue
            between = facts(tok.doc).tokens[pobj.right_edge.i + 1:tok.i]
            first = self.resolve(pobj, si, "near")
            if not between or any(t.dep_ not in ("cc", "punct") for t in between) \
                    or not first or not _bare(first[0].code) or first[0].code == place.code:
                return []
            own = [t for t in _own_tokens(head) if t not in p.subtree]
            ent, strong = self._from_dictionary(head, sorted(own + [p, tok], key=lambda t: t.i), si)
            if ent is not None and strong and ent.code and ent.code != place.code and ent.code.startswith(place.code):
                return [ent.actor(*_span_text([tok]))]
        return []

    def _actor_words(self, head: Token, tokens: list[Token]) -> list[Token]:
        """The words of a phrase that name its actor when the head does not: the phrase up to
        its head for a modifier ("U.S. calls for a ceasefire" → "U.S. calls"), the inner phrase
        for one further in ("its blockade of the U.K." → "the U.K.")."""
        matches = [m for m in self._match([t.text for t in tokens]) if m.kind == "actor"]
        head_pos = tokens.index(head) if head in tokens else len(tokens) - 1
        m = _nearest(matches, head_pos)
        if m is None:
            return tokens
        if m.start <= head_pos:  # a modifier
            return [t for t in tokens if t.i <= head.i]
        node = tokens[m.start]
        while node.head.i != head.i and node.dep_ not in ("pobj", "appos", "conj") and node.head in tokens:
            node = node.head
        if node.head.i == head.i and node.dep_ not in ("pobj", "appos"):
            return tokens
        inner = mention_tokens(node)
        return inner if all(t in tokens for t in inner) else tokens

    def role_of(self, tokens: list[Token]) -> str | None:
        """The sector the role words of a phrase give ("official news agency" → GOV), if any."""
        found = [m for m in self._match([t.text for t in tokens]) if m.kind == "agent"]
        # a role noun ("diplomats"), else a role adjective of the phrase ("official news agency")
        agents = [m for m in found if _is_noun_match(tokens, m)] or found
        if not agents:
            return None
        _, _, sector = combine(None, agents[:1])
        return sector

    def _match(self, words: list[str]) -> list[DictMatch]:
        """Dictionary matches for a phrase, remembered by the process (phrases recur a lot)."""
        key = (id(self.dictionary), self.date, self._cased, tuple(words))
        found = _MATCHES.get(key)
        if found is None:
            if len(_MATCHES) > 200_000:
                _MATCHES.clear()
            found = _MATCHES[key] = self.dictionary.match(words, self.date, self._cased)
        if self.memory is not None and self.memory.acronyms and any(w in self.memory.acronyms for w in words):
            found = self._read_short_forms(words, found)
        return found

    def _read_short_forms(self, words: list[str], found: list[DictMatch]) -> list[DictMatch]:
        """The matches with each short form the article spells out read as the article does
        (``ArticleMemory.acronym``): "AUC" after "the African Union Commission (AUC)"."""
        assert self.memory is not None
        out = list(found)
        for i, w in enumerate(words):
            if w not in self.memory.acronyms:
                continue
            own = [m for m in out if m.kind == "actor" and m.start <= i < m.end]
            if not own or any(m.end - m.start > 1 for m in own):
                # (a short form no dictionary reads gets none: "The European Parliament (EP)" is one
                # actor, its bracket no second one; a longer name the dictionary knows, or "DPRK ’s":
                # its reading stands)
                continue
            reading = self.memory.acronym(w, own[0])
            if reading is own[0]:
                continue
            out = [m for m in out if m not in own]
            if reading is not None:
                out.append(DictMatch(i, i + 1, "actor", reading.entry, reading.code))
        return sorted(out, key=lambda m: (m.start, m.end))

    def _pronoun(self, low: str, subject: bool = False, before: tuple[int, int] | None = None,
                 tok: Token | None = None) -> Entity | None:
        """The entity a pronoun stands for; a subject pronoun prefers an earlier subject (of an
        earlier sentence, its main clause's: "Vale said that Cole lied. He ..." is Vale), and a
        person pronoun first the one known person its own sentence named before it ("The press
        asked Trump about it, but he declined to comment"), not one of a clause whose unsaid
        subject is the pronoun's ("Speaking to Ann Cole of the Herald, he said": not Cole)."""
        base = self._pronoun_fits(low)
        if before is None:
            fits = base
        else:
            def fits(e: Entity) -> bool:
                return base(e) and e.position < before and not (
                    tok is not None and e.position[0] == before[0] and self._bound_by(e, tok))
        if low in PERSON_PRONOUNS and before is not None:
            here = [e for e in self.discourse.entities if e.person and e.code and fits(e) and e.position[0] == before[0]]
            if len({e.name for e in here}) == 1:
                return here[-1]
        if subject:
            ent = self.discourse.find(lambda e: fits(e) and e.subject)
            if ent is not None and not ent.main and before is not None and ent.position[0] < before[0]:
                said = ent.position[0]
                ent = self.discourse.find(lambda e: fits(e) and e.main and e.position[0] == said) or ent
            if ent is not None:
                return ent
        return self.discourse.find(fits)

    def _bound_by(self, ent: Entity, pron: Token) -> bool:
        """The mention of ``ent`` is in a clause with no subject of its own that opens the
        sentence before the pronoun, the first subject after it, whose unsaid subject is the
        pronoun: "Speaking to Ann Cole, he said" (he is the one speaking, not Cole)."""
        if self._doc is None or pron.dep_ not in _SUBJECT_DEPS:
            return False
        doc = facts(self._doc)
        if not 0 <= ent.position[1] < len(doc):
            return False
        node = doc[ent.position[1]]
        while node.head.i != node.i:
            if node.dep_ in ("advcl", "acl", "xcomp") and node.tag_ in ("VBG", "VBN") \
                    and not any(c.dep_ in _SUBJECT_DEPS for c in node.children):
                end = max(t.i for t in node.subtree)
                return end < pron.i and not any(doc[k].dep_ in _SUBJECT_DEPS for k in range(end + 1, pron.i))
            node = node.head
        return False

    @staticmethod
    def _pronoun_fits(low: str):
        if low in PERSON_PRONOUNS:
            return lambda e: e.person
        if low in PLURAL_PRONOUNS:
            return lambda e: e.plural or not e.person
        return lambda e: not e.person and not e.plural  # "it" is no "teachers"

    def _from_dictionary(self, head: Token, tokens: list[Token], si: int) -> tuple[Entity | None, bool]:
        """(entity, strong): strong when the head itself is the actor or a role of one."""
        words = [t.text for t in tokens]
        matches = self._match(words)
        if not matches:  # most phrases: no actor, no role
            return None, False
        head_pos = tokens.index(head) if head in tokens else len(tokens) - 1
        matches = self._not_opposed(tokens, matches)
        actors = [m for m in matches if m.kind == "actor"]
        agents = [m for m in matches if m.kind == "agent" and _is_noun_match(tokens, m)]
        head_agents = [a for a in agents if a.start <= head_pos < a.end]
        if not head_agents and head.lower_ in MEMBER_HEADS:  # "opposition members": the members are the role
            head_agents = agents[-1:]
        actor = _nearest(actors, head_pos)
        if actor is None:
            return (self._role_only(head, tokens, head_agents, si), True) if head_agents else (None, False)
        actor = _homeland(tokens, head, head_pos, actor, actors, self.discourse.sentence_country)
        # a dictionary may name several actors for one phrase ("THE_SHIRE [FRO/BIL/SAM]"): one each
        alternatives = tuple(actor.code.split("/")[1:])
        actor = _single_code(actor)
        head_is_actor = actor.start <= head_pos < actor.end or (
            _modifies(tokens, actor, head) and (bool(head_agents) or head.pos_ == "PROPN"))
        code, country, sector = self._combine(actor, head_agents or agents)
        ent = Entity(actor.entry, country, sector, code,
                     heads={head.lower_, *(w.lower() for w in words[actor.start:actor.end])},
                     plural=head.tag_ in ("NNS", "NNPS"), sentence=si)
        if alternatives and code == actor.code:  # the bare alternatives (with roles they would need combining)
            ent.alternatives = alternatives
        return ent, head_is_actor or bool(head_agents)

    def _role_only(self, head: Token, tokens: list[Token], head_agents: list[DictMatch], si: int) -> Entity:
        """A role with no named actor ("protesters", "police"): what it refers back to, else the
        country we are in, if known (but "Coalition military forces" belong to a name no
        dictionary knows, not to where they strike; nor are "the international community",
        "foreign troops" of where they are), else the last actor of that role."""
        code, _, sector = combine(None, head_agents)
        back = self._refer_back(head, si, role=sector or True)
        title = _capital_title(tokens)
        if back is not None and not back.person and back.titles and not title <= back.titles:
            back = None  # ("the State Secretary" ... "The Deputy Secretary": another office)
        titled = self._titled(head, tokens) if back is None or back.person else None
        back = titled or back  # (a person whose titles hold every word of it before another person)
        if back is not None and self._anothers_office(back, head, title):
            back = None
        own = titled is not None and self.publisher is not None and titled.country == self.publisher.country \
            and title == {head.lower_} and head.lower_ in ENVOY_TITLES
        if back is None or back.country is None or (back.weak and not own):
            # (not for the release's own official: "the Secretary" is not the "Foreign Secretary")
            back = self._told_title(head, tokens, sector, si) or back
        if back is not None:
            return back
        first = facts(head.doc).sentence_of(head).start
        named = any(t.is_title and first < t.i < head.i and t.pos_ in ("NOUN", "PROPN")
                    and t.ent_type_ not in ("NORP", "GPE", "LOC") for t in tokens)
        abroad = any(t.lower_ in NOT_HOME for t in tokens if t.i < head.i)
        envoy = head.tag_ in ("NN", "NNP") and head.lower_ in ENVOY_TITLES and bool(_capital_title(tokens))
        if envoy and not abroad and (self.publisher or self.discourse.sentence_country) and self._home_of(head, si) is None:
            # ("The Secretary will travel to Gondor": the publisher's, not of the place; with no
            # publisher, of the country the story is about, if one stands out; a person, whom a
            # later "he" or "she" may mean)
            country = self.publisher.country if self.publisher is not None else self._context_country(True)
            return Entity(self._country_name(country) if country else head.text.lower(), country, sector,
                          (country or "---") + (sector or code.lstrip("~")) or None, heads={head.lower_},
                          sentence=si, titles=title, person=head.tag_ == "NN" or head.tag_ == "NNP")
        country = self._home_of(head, si) or (None if named or abroad else self.discourse.sentence_country)
        if country is None and sector:
            back = self._same_role(head, sector, si)
            if back is not None:
                return back
        if country is None and head.pos_ == "PROPN" and not named and not abroad and self.publisher is not None:
            country = self.publisher.country  # "will work with Congress": the publisher's own institution
        if country is None and not named and not abroad and sector in HOME_INSTITUTIONS:
            country = self._main_country()  # ("State legislators" in a story about one country)
        if country is None and not named and sector in COUNTRY_SECTORS and not _owned_elsewhere(tokens, head):
            country = self._story_country(head, sector, si)  # ("Protesters" in a story set in Iraq)
        code = (country or "---") + (sector or code.lstrip("~"))  # "---GOV": a government, country unknown
        name = self._country_name(country) if country else head.text.lower()
        return Entity(name, country, sector, code or None, heads={head.lower_},
                      plural=head.tag_ in ("NNS", "NNPS"), sentence=si, titles=title)

    def _told_title(self, head: Token, tokens: list[Token], sector: str | None, si: int) -> Entity | None:
        """A title no named person of the document holds yet ("the Crown Prince", "the two vice
        foreign ministers"): of the one country the article gives that title elsewhere ("Bahrain's
        Crown Prince" in its title or lead), if it gives one; a plural title of each it gives."""
        if self.memory is None or head.pos_ not in ("NOUN", "PROPN") \
                or any(c.dep_ == "prep" and c.lower_ in ("of", "from") for c in head.children):
            return None  # (whose the office is, the phrase says: "the Foreign Ministers of the Coalition")
        title = [t.text for t in tokens if t.i <= head.i and t.pos_ in ("NOUN", "PROPN", "ADJ")
                 and t.ent_type_ not in ("NORP", "GPE", "CARDINAL", "ORDINAL")]
        plural = head.tag_ in ("NNS", "NNPS")
        # (a title, capitalised or a plural of several words, is any title that holds its words; a
        # small-letter role only the same role: "the regime" is "Burma's regime", but "refugees" is
        # not the "U.S. Refugee Admissions Program")
        countries = self.memory.title(title, exact=not _capital_title(tokens) and not (plural and len(title) >= 2))
        # (several for a plural: "the vice foreign ministers" of Japan and of Korea, one actor each)
        if not countries or (len(countries) > 1 and not (plural and len(countries) <= 4)):
            return None
        country = countries[0]
        return Entity(self._country_name(country), country, sector, country + (sector or ""), heads={head.lower_},
                      plural=plural, sentence=si, alternatives=tuple(c + (sector or "") for c in countries[1:]),
                      titles=_capital_title(tokens))

    def _story_country(self, head: Token, sector: str, si: int) -> str | None:
        """The country of a role no phrase of its sentence places ("Protesters", "the government"):
        that of an earlier actor of the same role word and sector ("Iraqi protesters" ...
        "Protesters"), else the country where the text is (a place of this or an earlier sentence),
        else the one the article names most (``_article_country``): not when the two differ, nor for
        a government in a release (its publisher's or another's)."""
        if head.dep_ == "appos" and head.head.i != head.i:
            # a description takes its country from the one it describes, and only to give a
            # country-only name an office ("Ann Vale, the governor": not "Vale (OPP), a leader")
            # (as resolved before it, if it was: no new resolution from inside one)
            anchor = next((self._cache[k] for k in ((head.head.i, True), (head.head.i, "near"), (head.head.i, False))
                           if k in self._cache), None)
            return anchor[0].country if anchor and _bare(anchor[0].code) else None
        return self._where_story_is(head, sector)

    def _where_story_is(self, head: Token, sector: str) -> str | None:
        """``_story_country`` of a phrase that describes no other."""
        words_ = {head.lower_, head.lemma_.lower()}
        same = self.discourse.find(lambda e: not e.person and e.country is not None and e.sector == sector
                                   and not e.weak and bool(words_ & e.heads))
        if same is not None:
            return same.country
        if self.publisher is None:
            here, story = self.discourse.location_country, self._article_country()
            if here and story and here != story:
                # ("the Secretary of State", speaking from abroad in a story about home; "politicians"
                # after "the House Committee on Benghazi"): neither is sure
                return None
            return here or story
        # (a release moves between places and its publisher's own and others' officials: only a
        # country it is about throughout, not its own, and not for a government)
        story = self._article_country(skip=self.publisher.country)
        return story if sector != "GOV" else None

    def _article_country(self, skip: str | None = None) -> str | None:
        """The country the whole text names most (its places and peoples; not ``skip``), when one
        stands out: at least twice, and at least twice as often as any other."""
        if self._doc is None:
            return None
        if self._story is None:  # (counted once per document)
            self._story = Counter()
            for ent in facts(self._doc).ents:
                if ent.label_ not in ("GPE", "NORP"):
                    continue
                found = [_bare_country(_single_code(m)) for m in self._match(ent.text.split()) if m.kind == "actor"]
                country = next((c for c in found if c and self.dictionary.country_name(c)), None)
                if country:
                    self._story[country] += 1
        top = [(c, n) for c, n in self._story.most_common(3) if c != skip][:2]
        if not top or top[0][1] < 2 or (len(top) > 1 and top[0][1] < 2 * top[1][1]):
            return None
        return top[0][0]

    def _main_country(self) -> str | None:
        """The country the document is about, when one stands out: named at least three times
        and at least twice as often as any other."""
        top = self.discourse.countries.most_common(2)
        if not top or top[0][1] < 3 or (len(top) > 1 and top[0][1] < 2 * top[1][1]):
            return None
        return top[0][0]

    def _not_opposed(self, tokens: list[Token], matches: list[DictMatch]) -> list[DictMatch]:
        """The matches without what the phrase is against ("the anti-ISIL coalition", "anti-Russian
        protesters", "counter-terrorism police"); but a government opposed is opposed at home:
        "anti-Assad rebels" are Syria's."""
        out = []
        for m in matches:
            if not _opposed(tokens, m):
                out.append(m)
            elif m.kind == "actor" and len(m.code) > 3 and self.dictionary.country_name(m.code[:3]):
                out.append(replace(m, code=m.code[:3], entry=self._country_name(m.code[:3])))
        return out

    def _combine(self, actor: DictMatch | None, agents: list[DictMatch]) -> tuple[str | None, str | None, str | None]:
        """Actor + roles; an organisation's own code already says its sector ("Hamas delegation")."""
        if actor is not None and len(actor.code) > 3:
            country, sector = split_code(actor.code)
            return actor.code, country, sector
        code, country, sector = combine(actor, agents)
        return code or None, country, sector

    def _not_a_person(self, chain: list[Token], name_toks: list[Token]) -> bool:
        """A name the recogniser took for a person but is none: "the Houthis" (a person's name
        takes no article), "Abha" (the dictionaries know it as a place: a bare country code),
        "Bosnian Serbs" (a people: a plural the dictionaries know as a country)."""
        untitled = all(t in name_toks or t.pos_ == "DET" for t in chain)
        people = name_toks[-1].tag_ == "NNPS"
        if self._is_role_name(name_toks) or self._ends_a_role(chain, name_toks):
            # ("the Vice Foreign Minister": a title, no name; "the Ministry of Foreign Affairs": the
            # end of a body's name, not a person "Foreign Affairs")
            return True
        if not untitled and not people:
            return self._post_place(chain, name_toks)
        if untitled and chain[0].pos_ == "DET":
            return True
        words = [name_toks[-1].text] if people else [t.text for t in name_toks]
        return any(m.kind == "actor" and m.start == 0 and m.end == len(words)
                   and (len(_single_code(m).code) == 3 or _bare_country(m) is not None) for m in self._match(words))

    def _is_role_name(self, name_toks: list[Token]) -> bool:
        """Words the recogniser took for a name that are all a role the dictionaries know
        ("Foreign Minister", "Crown Prince"): a title with no name."""
        words = [t.text for t in name_toks]
        return any(m.kind == "agent" and m.start == 0 and m.end == len(words) for m in self._match(words))

    def _ends_in_role(self, name_toks: list[Token]) -> bool:
        """A "name" the recogniser does not call a person's that ends in a role word ("the Acting
        | Assistant Secretary"): a title with no name."""
        if any(t.ent_type_ == "PERSON" for t in name_toks):
            return False
        words = [t.text for t in name_toks]
        return any(m.kind == "agent" and m.end == len(words) for m in self._match(words))

    def _post_place(self, chain: list[Token], name_toks: list[Token]) -> bool:
        """The "name" after a title's "for"/"to" is the place of the post, when the dictionaries
        know it as a place ("Personal Envoy for | Western Sahara", "Ambassador to | Chad")."""
        before = [t for t in chain if t.i < name_toks[0].i]
        if not before or before[-1].lower_ not in POST_PREPOSITIONS:
            return False
        words = [t.text for t in name_toks]
        return any(m.kind == "actor" and m.start == 0 and m.end == len(words) and _bare_country(m) is not None
                   for m in self._match(words))

    def _ends_a_role(self, chain: list[Token], name_toks: list[Token]) -> bool:
        """The "name" is the end of a role the dictionaries know that starts before it ("Ministry of
        | Foreign Affairs", "Department of | Homeland Security"); not a name after one ("Secretary of
        the Ministry of Foreign Affairs | Thani Sen")."""
        first = next((k for k, t in enumerate(chain) if t.i == name_toks[0].i), None)
        if not first:
            return False
        return any(m.kind == "agent" and m.start < first < m.end for m in self._match([t.text for t in chain]))

    def _of_actor(self, after: list[Token]) -> DictMatch | None:
        """The actor an "of"/"from" phrase right after a name gives ("... of Morocco"), if any."""
        if not after or after[0].dep_ != "prep" or after[0].lower_ not in ("of", "from"):
            return None
        words = [t.text for t in after[1:] if t.dep_ != "det"]
        return next((_single_code(m) for m in self._match(words)
                     if m.kind == "actor" and m.start == 0 and m.end == len(words)), None)

    def _person(self, chain: list[Token], name_toks: list[Token], poss: Token | None, si: int,
                of_actor: DictMatch | None = None) -> Entity:
        """A named person, with the title and affiliation their phrase (or the document) gives;
        ``of_actor`` (the phrase's "of Morocco") outweighs what a dictionary says of the name."""
        name = " ".join(t.text for t in name_toks)
        matches = self._match([t.text for t in chain]) if chain else []
        agents = _title_agents(chain, name_toks,
                               [m for m in matches if m.kind == "agent" and _is_noun_match(chain, m)])
        person_match = _person_match(chain, name_toks, matches, of_actor)
        if person_match is not None and self._another_of_that_name(person_match, name_toks):
            person_match = None  # ("President Hassan" after "Tanzanian President Samia Suluhu Hassan")
        org = person_match or of_actor or _title_org(chain, name_toks, matches)
        code, country, sector = self._combine(org, agents[-1:])
        if person_match is not None and code and country and sector in OUT_OF_OFFICE \
                and _in_office(chain, name_toks, agents):
            code, sector = code[:3] + "GOV", "GOV"  # (the dictionary's own country letters: "KSV")
        if sector and sector[:3] in PAST_OFFICE_SECTORS \
                and _former(chain, name_toks, agents, [m for m in matches if m.kind == "agent"]):
            # "former Governor Ann Vale", "ex-Senator X": an elite now, not the office (nor the
            # office a dictionary's open-ended entry gives: "former President Y")
            sector = "ELI"
            code = (country or "") + sector
        international = _international(code)  # ("IGOUNO" has no country; before a possessor's code)
        if org is None and poss is not None and poss.pos_ == "PRON":
            code, country, sector = self._owners(poss, code, country, sector)
        weak = False
        if country is None and not person_match and not international:
            known = self.discourse.by_surname([t.text for t in name_toks])
            # (a name with a title inside is the parse's, not a person's: "Counselor Chollet",
            # "Sherman Secretary Berger")
            clean = not any(self._is_role_name([t]) for t in name_toks)
            if known is not None and clean and not _same_given_name(known, name_toks):
                known = None  # ("Barack Obama" ... "Michelle Obama": another person of the family)
            envoy = bool(_title_words(chain, name_toks) & ENVOY_TITLES)
            if known is not None and known.weak and envoy:
                # (the place's country guessed for a shorter mention, before the title; not one the
                # title's own words give: "New Zealand ... Secretary of Foreign Affairs Chris Seed")
                own = {split_code(_single_code(m).code)[0] for m in matches if m.kind == "actor"}
                if known.country is not None and known.country == self.discourse.sentence_country \
                        and known.country not in own:
                    known = None
            # (what the article says of the person elsewhere, "Moldovan Foreign Minister Popescu",
            # before what a mention with no country was given by default)
            told = self.memory.person(t.text for t in name_toks) if self.memory is not None else None
            # (the known mention, when it says as much: "Prime Minister Ann Vale" ... "Vale")
            if told is not None and not sector and self.memory is not None:
                # ("Ana Morell, the Justice Minister of Peru" ... "Morell": the office too)
                sector = self.memory.office(t.text for t in name_toks)
            if known is not None and (told is None or (known.country == told and (
                    not sector or (known.sector and not known.weak)))):
                known.titles |= _title_words(chain, name_toks)
                if sector and not known.sector and known.code == known.country:
                    # (an office the known mention lacked: "State Ann Vale", the parse's piece of
                    # "Deputy Secretary of State Ann Vale", is a government official)
                    known.sector, known.code = sector, (known.country or "---") + sector
                return known
            # (not the country around for a body's officer: "OSCE Secretary General X")
            body = _unknown_body_title(chain, name_toks, matches)
            country = told or (None if body else self._host_country(name_toks[-1]))
            if country is None and not body:
                (country, org_code), weak = self._unplaced(chain, name_toks, envoy, si), True
                if org_code is not None:  # (an international body's officer: its code, no country)
                    code = org_code
            if country:
                code = country + (sector or "")
        if country is None and sector and code and code.startswith(sector) and not _international(code):
            code = "---" + code  # a president, country unknown ("---GOV"; "---GOVMIL", not "GOVMIL")
        ent_name = person_match.entry if person_match else name
        return Entity(ent_name, country, sector, code or None, members=[name],
                      heads={t.lower_ for t in name_toks}, person=True, sentence=si,
                      titles=_title_words(chain, name_toks), weak=weak)

    def _another_of_that_name(self, match: DictMatch, name_toks: list[Token]) -> bool:
        """A surname alone that the dictionary knows as one person ("Hassan" JORELI) stands for
        another the article has named in full ("Samia Suluhu Hassan") or placed elsewhere (a
        different country)."""
        if len(name_toks) != 1 or match.end - match.start != 1:
            return False
        country = split_code(match.code)[0]
        known = self.discourse.by_surname([name_toks[0].text])
        named = (known.name or "").lower().split() if known is not None else []
        # (another person, not the dictionary's under a longer name: "Recep Tayyip Erdogan")
        other = {w.lower() for w in match.entry.split()[:-1]}
        if known is not None and known.person and known.country and known.country != country \
                and len(named) > 1 and "and" not in named and not other & set(named):
            return True
        told = self.memory.person([name_toks[0].text]) if self.memory is not None else None
        return told is not None and told != country

    def _owners(self, poss: Token, code: str | None, country: str | None,
                sector: str | None) -> tuple[str | None, str | None, str | None]:
        """"his envoy Ali Bagheri": the code and country of the one "his" stands for, and their
        sector when the title gives none."""
        owner = self._pronoun(poss.lower_)
        if owner is None:
            return code, country, sector
        return owner.code, owner.country, owner.sector or sector

    def _refer_back(self, head: Token, si: int, role: bool | str = False) -> Entity | None:
        """A definite description ("the Movement", "the delegation") → the actor it names again.

        ``role``: the head is a role word (its sector, if it has one), so "Hamas's delegation" is
        Hamas and "the country's foreign ministry" that country's government.
        """
        low = head.lower_
        det = next((t for t in head.lefts if t.dep_ in ("det", "poss")), None)
        if det is None or low in _NON_REFERRING or det.lower_ in _INDEFINITE:
            return None
        if det.dep_ == "poss" and det.pos_ != "PRON" and role:
            owner = self.resolve(det, si, strict=True)
            if owner:
                a = owner[0]
                if a.sector is None and a.code == a.country and isinstance(role, str):  # a bare country
                    return Entity(a.name, a.country, role, (a.code or "") + role, heads={low})
                return Entity(a.name, a.country, a.sector, a.code, list(a.members), heads={low})
        lemma = head.lemma_.lower()
        return self.discourse.by_head(low, lemma)

    def _titled(self, head: Token, tokens: list[Token]) -> Entity | None:
        """"the Deputy Secretary", "the Foreign Minister": a title alone, with "the", is the last
        person the document gave that title ("Deputy Secretary of State Wendy Sherman"), or
        the last who held just that title."""
        title = _capital_title(tokens)
        dets = [t.lower_ for t in tokens if t.dep_ == "det"]
        # (also a capitalised title with no article: "The Secretary and Foreign Minister discussed")
        bare = not dets and all(t.is_title for t in tokens) and self._cased is not False
        if head.tag_ not in ("NN", "NNP") or head.lower_ not in title or (dets != ["the"] and not bare):
            return None
        # (the person with that very title before one whose longer title holds it: "the State
        # Secretary" is "State Secretary Miguel Berger", not "Deputy Secretary of State Wendy Sherman")
        held = list(self.discourse.find_all(lambda e: e.person and e.code is not None and title <= e.titles))
        own = self.publisher.country if self.publisher is not None else None
        if own is None or head.lower_ not in ENVOY_TITLES or title != {head.lower_}:
            return min(held, key=lambda e: len(e.titles - title), default=None)
        # (in a release, "the Secretary" is its own Secretary, not "Foreign Secretary Ann Vale" nor
        # "Secretary General X" of another: another's only with just that title)
        held = [e for e in held if not self._anothers_office(e, head, title)]
        return min(held, key=lambda e: (len(e.titles - title), e.country != own), default=None)

    def _anothers_office(self, ent: Entity, head: Token, title: frozenset[str]) -> bool:
        """In a release, a diplomat's title alone ("the Secretary") is not another country's person
        whose longer title makes it another office ("Foreign Secretary Ann Vale", "Secretary General")."""
        own = self.publisher.country if self.publisher is not None else None
        return own is not None and head.lower_ in ENVOY_TITLES and title == {head.lower_} and ent.person \
            and ent.country != own and bool(ent.titles - title)

    def _same_role(self, head: Token, sector: str, si: int) -> Entity | None:
        """"Nigerian troops killed ... The soldiers ...": a role named again with "the" is the
        last actor of that role an earlier sentence named (of a known country, not a person; in
        its own sentence "the soldiers" is more often someone else's)."""
        if not any(t.dep_ == "det" and t.lower_ == "the" for t in head.lefts):
            return None
        return self.discourse.find(lambda e: e.sector == sector and e.country is not None and not e.person
                                   and e.position[0] < si)

    def _publisher(self, name: str) -> Entity | None:
        """The actor that publishes the text, when the dictionaries know it."""
        words = name.split()
        matches = self._match(words)
        actor = next((m for m in matches if m.kind == "actor"), None)
        if actor is None:
            return None
        agents = [m for m in matches if m.kind == "agent"]
        code, country, sector = self._combine(_single_code(actor), agents)
        if country is None:
            return None
        return Entity(actor.entry, country, sector or "GOV", code, heads=set())

    def _unplaced(self, chain: list[Token], name_toks: list[Token], envoy: bool, si: int) -> tuple[str | None, str | None]:
        """(country, body code) of a named person no dictionary, phrase or memory places: the body
        or country a title the parse cut off names ("EEAS | Secretary General Ann Vale" → IGOEUREEC),
        else the context's (``_context_country``); but in a release, its publisher's only for one
        titled as its own official ("Special Envoy Ann Vale"), and for anyone else ("Ann Vale",
        "Prime Minister Ann Vale") the country the release is about, if one stands out."""
        # (and a title word the parse took for the name's first: "Counselor | Derek Chollet")
        lead = [t for t in name_toks[:-1] if self._is_role_name([t])]
        title = sorted({*title_before(name_toks), *(t for t in chain if t.i < name_toks[0].i), *lead},
                       key=lambda t: t.i)
        # (or the title set off after the name: "Ann Vale, Director of the U.S. Trade Agency", "Ann
        # Vale, a Swedish citizen")
        after = title_after(name_toks[-1], self._match)
        body = title_body(title, self._match) or title_body(after, self._match)
        if body is not None:
            return (None, body) if _international(body) else (split_code(body)[0], None)
        if self.publisher is None:
            return self._context_country(envoy, name_toks[-1], si), None
        if publisher_official(title or after, self._match):
            return self.publisher.country, None
        # (what the release is about, for a person the recogniser names as one: not a body's words
        # the parse took for a name, "The Center for | Disease Control")
        person = any(t.ent_type_ == "PERSON" for t in name_toks)
        return (self._article_country(skip=self.publisher.country) if person else None), None

    def _host_country(self, tok: Token) -> str | None:
        """The country of the place the sentence is set in, for a titled person its publisher's
        official meets there ("In Niger, the Under Secretary will meet with President Mohamed
        Bazoum" → NER): one met (the object, or "with" whom), in a place abroad of the publisher."""
        here = self.discourse.sentence_country
        if self.publisher is None or here is None or here == self.publisher.country:
            return None
        while tok.dep_ == "conj":
            tok = tok.head
        met = tok.dep_ == "dobj" or (tok.dep_ == "pobj" and tok.head.lower_ == "with")
        return here if met else None

    def _context_country(self, envoy: bool = False, tok: Token | None = None, si: int = 0) -> str | None:
        """The country a title-only mention belongs to: the publisher's (its own officials),
        else where the text is, else the most named one. An ``envoy`` (a diplomat's title:
        "Ambassador Ann Vale spoke in Fornost") is not of where they are, but of the country the
        whole story is about, if one stands out, when their sentence names a place (not that place);
        or of that place when ``tok`` met there one of another country ("met Dutch officials in
        Washington")."""
        if self.publisher is not None:
            return self.publisher.country
        if envoy and self.discourse.sentence_country:
            here, story = self.discourse.sentence_country, self._article_country()
            if tok is not None and self._met_visitor(tok, si, here):
                return here
            return story if story != here else None
        if self.discourse.location_country:
            return self.discourse.location_country
        if self.discourse.countries:
            return self.discourse.countries.most_common(1)[0][0]
        return None

    def _met_visitor(self, tok: Token, si: int, here: str) -> bool:
        """Whether the subject ``tok`` met (the object, or "with" whom) one of a country other
        than ``here``, the place of the sentence: the subject is the host there."""
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            return False
        verb = tok.head
        met = [c for c in verb.children if c.dep_ == "dobj"]
        met += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
                for g in c.children if g.dep_ == "pobj"]
        return any(a.country and a.country != here for m in met for a in self.resolve(m, si))

    def _country_name(self, iso3: str) -> str:
        return self.dictionary.country_name(iso3) or iso3


# The referring rules of ``ActorResolver._resolve``, in the order they are tried: each returns
# the actors when it decides the phrase, or None to pass it on (at the end: ``_named``).
_REFERRING_RULES = (
    ActorResolver._rule_pair_pronoun,
    ActorResolver._rule_place_of_place,
    ActorResolver._rule_not_a_noun,
    ActorResolver._rule_first_person,
    ActorResolver._rule_relative_pronoun,
    ActorResolver._rule_quantifier,
    ActorResolver._rule_pronoun,
    ActorResolver._rule_name_after,
    ActorResolver._rule_collective,
    ActorResolver._rule_between,
    ActorResolver._rule_both_parties,
    ActorResolver._rule_possessed_country,
    ActorResolver._rule_the_country,
    ActorResolver._rule_state_of,
    ActorResolver._rule_demonym_person,
    ActorResolver._rule_campaign,
    ActorResolver._rule_flattened_people,
    ActorResolver._rule_distributed,
)


def place_qualifier(head: Token) -> bool:
    """A country name right after a place named in a prepositional phrase and a comma, saying
    where that place is: "mayor of Lyon, France stabbed at concert" (a headline leaves out the
    "was" that makes the mayor the subject, and the parser takes France for it); not a list
    ("with Lyon, France and Spain")."""
    doc, i = head.doc, head.i
    if head.ent_type_ != "GPE" or i < 2 or doc[i - 1].text != "," or list(head.children):
        return False
    before = doc[i - 2]
    if before.pos_ != "PROPN" or before.dep_ != "pobj" or before.head.lower_ not in ("of", "in") \
            or before.ent_type_ in ("DATE", "TIME", "EVENT"):  # (not "Week of May, Russia attacked")
        return False
    owner = before.head.head  # ("mayor" of "mayor of Lyon"; not a verb's or another phrase's place:
    if owner.pos_ not in ("NOUN", "PROPN"):  # "near Damascus, Austin")
        return False
    # (a headline's bare noun the parser hung on "as": "Arrest made as mayor of Lyon, France stabbed";
    # not "as the president of Gondor, Aragorn ...")
    headline = owner.dep_ == "pobj" and head.dep_ in _SUBJECT_DEPS and not any(c.dep_ == "det" for c in owner.children)
    if owner.dep_ not in _OWNER_DEPS and not headline:
        return False
    after = doc[i + 1] if i + 1 < len(doc) else None
    return after is None or after.dep_ not in ("cc", "punct") or after.text == ":"


def _capital_title(tokens: list[Token]) -> frozenset[str]:
    """The capitalised title words of a phrase, lower case ("the Deputy Secretary" → deputy, secretary)."""
    return frozenset(t.lower_ for t in tokens if t.is_title and t.pos_ in ("PROPN", "NOUN"))


def _possessor(head: Token) -> Token | None:
    """The possessive modifier of a head ("his" of "his country"), if it has one."""
    return next((c for c in head.children if c.dep_ == "poss"), None)


# heads that stand for the group their modifiers name ("Syrian opposition members", "Hamas supporters")
MEMBER_HEADS = words("member_nouns")
COLLECTIVE_HEADS = words("collective_nouns")


def collective_of(head: Token) -> Token | None:
    """The object of "of" after a quantity or collective head ("thousands of X" → X)."""
    if head.lower_ not in COLLECTIVE_HEADS and head.pos_ != "NUM":
        return None
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            return next((x for x in c.children if x.dep_ == "pobj"), None)
    return None


BASED = words("basing_verbs")


def _based_in(head: Token) -> Token | None:
    """Where a group is "based in", "headquartered in", "operating in" ("a group based in Trinidad" → Trinidad)."""
    for c in head.children:
        if c.dep_ == "acl" and c.lemma_.lower() in BASED:
            for p in c.children:
                if p.dep_ == "prep" and p.lower_ == "in":
                    return next((x for x in p.children if x.dep_ == "pobj"), None)
    return None


def _between(head: Token) -> Token | None:
    """The first of the parties a meeting or a relation is between ("talks between A and B" → A;
    also "the resumption of ties between A and B")."""
    if head.lemma_.lower() not in MEETING_HEADS:
        return None
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ == "between":
            return next((x for x in c.children if x.dep_ == "pobj"), None)
        if c.dep_ == "prep" and c.lower_ == "of":
            inner = next((x for x in c.children if x.dep_ == "pobj"), None)
            if inner is not None and inner.i != head.i:
                found = _between(inner)
                if found is not None:
                    return found
    return None


def _coordinated_modifiers(head: Token) -> list[list[Token]]:
    """Groups of coordinated modifiers of ``head``: before it ("U.S. and Iraqi forces") or in
    its of/in/from phrase ("lawmakers in France and Germany")."""
    groups = []
    for c in head.children:
        owner: Token | None
        if c.dep_ in ("amod", "nmod", "compound") and c.i < head.i:
            owner = c
        elif c.dep_ == "prep" and c.lower_ in ("of", "in", "from"):
            owner = next((x for x in c.children if x.dep_ == "pobj"), None)
        else:
            continue
        if owner is not None and any(x.dep_ == "conj" for x in owner.children):
            groups.append([owner, *all_conjuncts(owner)])
        elif owner is c and any(x.dep_ == "cc" for x in c.children):
            # ("UK and EU negotiators", parsed as two modifiers, the first with the "and")
            nxt = next((x for x in head.children if x.dep_ in ("amod", "nmod", "compound")
                        and x.i == c.right_edge.i + 1 and x.i < head.i), None)
            if nxt is not None:
                groups.append([c, nxt])
    return groups


def all_conjuncts(tok: Token) -> list[Token]:
    """Every phrase coordinated with ``tok``, however deep ("A, B and C" → B, C)."""
    out = []
    for c in tok.children:
        if c.dep_ == "conj":
            out.append(c)
            out.extend(all_conjuncts(c))
    return out


def _own_tokens(tok: Token) -> list[Token]:
    """``tok`` and its modifiers, without the phrases coordinated with it."""
    keep, stack = [tok], [tok]
    while stack:
        for c in stack.pop().children:
            if c.dep_ not in ("conj", "cc", "punct", "relcl", "acl"):
                keep.append(c)
                stack.append(c)
    return sorted(keep, key=lambda t: t.i)


def _offsets(tok: Token) -> tuple[int, int]:
    start = tok.idx - facts(tok.doc).sentence_of(tok).start_char
    return start, start + len(tok.text)


def _describes(tok: Token) -> bool:
    """An appositive that describes the phrase before it ("X, the Minister of Interior",
    "X, Algeria's leading activist"), not the next name of a list the parser took for one
    ("Lions, tigers, and Gondor")."""
    return tok.dep_ == "appos" and (any(c.dep_ in ("det", "poss") for c in tok.children)
                                    # ("X, leader of the party", "Y, head of the agency")
                                    or (tok.pos_ == "NOUN" and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)))


def _next_of_list(named: Actor, appos: Actor, tok: Token) -> bool:
    """"Russia, the United States and France": an appositive name of another country after a
    country is the list's next member, not a description of the first."""
    return (tok.pos_ == "PROPN" and tok.ent_type_ != "PERSON" and not named.members
            and _bare(named.code) and _bare(appos.code) and appos.code != named.code)


def _bare(code: str | None) -> bool:
    """A country (or a dictionary's own place) without a role: "RUS", "MOR"."""
    return code is not None and len(code) == 3 and code.isalpha()


def _described(named: Actor, appos: Actor) -> Actor:
    """The named actor with what its describing appositive says: its code when the name had
    none, and for a person or group (not a bare country) the role the appositive gives ("Kenzo
    Oshima, the United Nations Emergency Relief Coordinator" is the UN's, whatever the
    dictionary says of the name)."""
    says = not (appos.code or "---").startswith("---")  # (none, or none known: "---GOV")
    # (a person of a bare country takes the office the appositive gives in it: "Ann Vale, the
    # prime minister of Gondor")
    office = bool(named.members) and _bare(named.code) and appos.country == named.country and bool(appos.sector)
    if not named.code or (says and not _bare(named.code)) or office:
        return replace(named, code=appos.code, country=appos.country, sector=appos.sector)
    return named


def _with_description(named: Actor, tok: Token) -> Actor:
    """``named`` whose words run on to its describing appositive's: "Vladimir Putin, the
    Russian president" is one mention."""
    # (a place the parse hung on the appositive is not part of it: "..., the German chancellor, in Sochi")
    place = [c for c in tok.children if c.dep_ == "prep" and c.lower_ not in ("of", "for")]
    last = max(t.i for t in mention_tokens(tok) if not any(t in c.subtree for c in place))
    end = _offsets(tok.doc[last])[1]
    if end <= named.end:
        return named
    doc = facts(tok.doc)
    return replace(named, text=doc.span_text(doc.sentence_of(tok))[named.start:end], end=end)


def _conjuncts(head: Token) -> list[Token]:
    """Phrases coordinated with ``head`` ("A and B"), and the appositives set off after it ("A,
    B" of a list, "X, the minister"; not "President Nicolas Maduro", a title the parse made one)."""
    out = []
    # (an object the parse coordinated with the verb: "outlawed the ANC and the recently formed PAC")
    stray = [c for c in head.head.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN") and c.i > head.i
             and not any(x.dep_ in ("nsubj", "nsubjpass", "dobj", "aux") for x in c.children)] \
        if head.dep_ == "dobj" and head.head.pos_ == "VERB" else []
    for c in [*head.children, *stray]:
        if (c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON")) or (
                c.dep_ == "appos" and _next_to(head, c) and _set_off(head, c)
                and ((c.pos_ == "PROPN" and head.pos_ == "PROPN") or _describes(c))):
            out.append(c)
            out.extend(_conjuncts(c))
    return out


QUOTES = {'"', "“", "”", "''", "``"}


def _quoted_speaker(pron: Token) -> Token | None:
    """The subject of the verb that reports the quotation ``pron`` is in, if it is in one:
    '"We will respond," Peskov said' → Peskov; 'Peskov said: "We will respond."' → Peskov."""
    doc = facts(pron.doc)
    sent = doc.sentence_tokens(doc.sentence_of(pron))
    marks = [t.i for t in sent if t.text in QUOTES]
    opened = [i for i in marks if i < pron.i]
    if len(opened) % 2 == 0:
        return None
    start = opened[-1]
    end = next((i for i in marks if i > pron.i), sent[-1].i + 1)
    tok = pron
    for _ in range(8):  # up the tree to the first word outside the quotation
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if not start < tok.i < end:
            break
    else:
        return None
    speaker = next((c for c in tok.children if c.dep_ == "nsubj" and not start < c.i < end), None)
    if speaker is None or speaker.lower_ in FIRST_PERSON:
        return None
    return speaker


def _name_after(head: Token) -> Token | None:
    """The name a role noun is followed by, with no comma between: "its ally Turkey" (not where a
    possessor says whose the role is: "Ithilen's minister Calimehtar" is Ithilen's)."""
    if head.pos_ != "NOUN" or any(c.dep_ == "poss" and c.pos_ != "PRON" for c in head.children):
        return None
    return next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                 and min(t.i for t in c.subtree) == head.i + 1), None)


def _next_to(head: Token, appos: Token) -> bool:
    """An appositive that follows its phrase (only punctuation between), not one a parse hung on
    a word far back ("Serbia eased measures in Montenegro province, the scene of ...") or past
    the phrases coordinated with it ("China and the Eurasian Union (EAEU)": the Union's)."""
    own = {t.i for t in head.subtree} - {t.i for c in head.children if c.dep_ in ("conj", "cc") for t in c.subtree}
    start = min(t.i for t in appos.subtree)
    return all(t.pos_ == "PUNCT" or t.i in own for t in facts(head.doc).tokens[head.i + 1:start]) \
        and not _speaker(appos)


def _speaker(appos: Token) -> bool:
    """An "appositive" that is the subject of the verb right after it, the parse having left the
    verb none: "... troops from Syria, Defence Minister Sergei Shoigu said on Monday"."""
    end = max(t.i for t in appos.subtree) + 1
    doc = appos.doc
    if end >= len(doc):
        return False
    verb = doc[end]
    return verb.pos_ == "VERB" and verb.tag_ in ("VBD", "VBZ", "VBP") \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _set_off(head: Token, appos: Token) -> bool:
    """Punctuation stands between a phrase and its appositive."""
    start = min(t.i for t in appos.subtree)
    return any(t.pos_ == "PUNCT" for t in facts(head.doc).tokens[head.i + 1:start])


def mention_tokens(head: Token) -> list[Token]:
    """The tokens of the noun phrase headed by ``head``, without clauses and coordinated phrases."""
    keep: list[Token] = [head]
    stack = [head]
    while stack:
        tok = stack.pop()
        for c in tok.children:
            if c.dep_ in _SKIP_DEPS:
                continue
            if c.dep_ == "prep" and tok.i == head.i and not _inside_name(c) and (c.lower_ not in ("of", "for", "in", "from") or any(
                    a.dep_ == "appos" and a.i < c.i for a in head.children)  # ("banned X, mayor Y, from office")
                                                         or _reason_for(c)):
                continue
            if c.dep_ == "appos" and not _next_to(tok, c):
                continue
            keep.append(c)
            stack.append(c)
    keep.sort(key=lambda t: t.i)
    while keep and (keep[0].is_punct or keep[0].dep_ == "case"):
        keep.pop(0)
    while keep and (keep[-1].is_punct or keep[-1].dep_ == "case"):
        keep.pop()
    if not keep:
        return [head]
    keep += _bracketed_after(head, keep[-1])
    closer = _closing_bracket(keep)
    return keep + [closer] if closer is not None else keep


def _inside_name(prep: Token) -> bool:
    """A preposition inside an organisation's name the recogniser found ("the Intergovernmental
    Authority on Development", "Committee to Protect Journalists"): part of the name."""
    return prep.ent_type_ == "ORG" and prep.ent_iob_ == "I" and prep.head.ent_type_ == "ORG"


def _reason_for(prep: Token) -> bool:
    """A "for" phrase that says why, not what post ("thanked the Crown Prince for Bahrain's
    contribution", "praised the minister for helping"; but "the Envoy for Yemen", "the Minister
    for Women's Affairs"): an act the parse hung on the name."""
    if prep.lower_ != "for":
        return False
    return any(x.dep_ == "pcomp" or (x.dep_ == "pobj" and x.pos_ == "NOUN" and x.text.islower() and (
        any(c.dep_ == "poss" for c in x.children))) for x in prep.children)


_BRACKETS = {"(": ")", "[": "]"}


def _bracketed_after(head: Token, last: Token) -> list[Token]:
    """The bracketed acronym the parse hung on the first of coordinated phrases, when it follows
    a later one: "China and the Eurasian Economic Union (EAEU)" → "(EAEU" for the Union."""
    doc = head.doc
    if head.dep_ != "conj" or last.i + 2 >= len(doc) or doc[last.i + 1].text not in _BRACKETS:
        return []
    acronym = doc[last.i + 2]
    return [doc[last.i + 1], acronym] if acronym.dep_ == "appos" and acronym.head.i == head.head.i else []


def _closing_bracket(tokens: list[Token]) -> Token | None:
    """The bracket right after the phrase that closes one opened inside it ("the Lebanese
    Armed Forces (LAF)": the phrase's words end at "LAF")."""
    doc = tokens[0].doc
    last = tokens[-1].i
    if last + 1 >= len(doc):
        return None
    nxt = doc[last + 1]
    opener = next((o for o, c in _BRACKETS.items() if c == nxt.text), None)
    if opener is None:  # (most phrases)
        return None
    words = [t.text for t in doc[tokens[0].i:last + 1]]
    return nxt if words.count(opener) > words.count(nxt.text) else None


_CHAIN_POS = {"PROPN", "ADP", "DET", "CCONJ", "PART", "ADJ"}


def _person_mention(head: Token, tokens: list[Token]) -> tuple[list[Token], list[Token]] | None:
    """A title chain ending in a person's name: "Special Envoy for the Middle East Mikhail Bogdanov".

    From the phrase's first token, follow the title to the right (proper nouns, "of the",
    "for", "and") up to the first verb or punctuation; a trailing run of proper nouns that
    the parser or the entity recogniser marks as a person is the name.
    """
    if head.pos_ not in ("PROPN", "NOUN") or not _capitalised(head):
        return None
    chain = _title_chain(head, tokens)
    name = _chain_name(chain)
    if name is None and head.ent_type_ == "PERSON" and (not chain or chain[-1].i > head.i):
        # (the title ran on past a name into a place: "Minister Ann Vale in Fornost")
        chain = [t for t in tokens if t.i <= head.i]
        name = _chain_name(chain)
        if name is not None and len(chain) <= len(name):
            return None  # (a title's name only: a bare name is the dictionaries', "Hamza bin Laden")
    if name is None or any(t.lower_ in _NOT_NAMES for t in name) \
            or _thing_name(name[-1]) or name[-1].lemma_.lower() in MEETING_HEADS:
        return None
    return chain, name


def _chain_name(chain: list[Token]) -> list[Token] | None:
    """The name a title chain ends in (``_name_run``, ``_name_of_run``), if any."""
    run = _name_run(chain) if chain else []
    return _name_of_run(chain, run) if run else None


def _title_chain(head: Token, tokens: list[Token]) -> list[Token]:
    """The phrase up to its head, then on to the right while the words can be a title
    ("Envoy for the Middle East Mikhail Bogdanov"; at most 12; not past the head's "and":
    "Gondor and the Acme Corporation"), without trailing function words."""
    sent_end = facts(head.doc).sentence_of(head).end
    doc = head.doc
    chain = [t for t in tokens if t.i <= head.i]
    i = head.i + 1
    while i < sent_end and (doc[i].pos_ in _CHAIN_POS or (doc[i].pos_ == "NOUN" and doc[i].is_title)) \
            and not doc[i].is_punct and doc[i].lower_ not in ("'s", "’s") and i - head.i <= 12:
        if doc[i].dep_ == "cc" and doc[i].head.i == head.i:
            break
        if head.ent_type_ in _NAMED_TYPES and doc[i].pos_ == "ADP" and doc[i].lower_ not in _TITLE_PREPOSITIONS \
                and i + 1 < sent_end and doc[i + 1].text[:1].isupper() and doc[i + 1].pos_ in ("PROPN", "ADJ"):
            # ("in Fornost, Niger by Ambassador X", "in Riga with Gondorian Minister Y" parsed as one
            # phrase: the title starts after the place's preposition)
            chain = []
            i += 1
            continue
        chain.append(doc[i])
        i += 1
    while chain and chain[-1].pos_ in ("ADP", "DET", "CCONJ", "PART"):
        chain.pop()
    return chain


def _capitalised(t: Token) -> bool:
    """A word written as a name: "Bolt", "McKeon", "DeJoy", the "dong" of "Hyun-dong" (not "NATO", "iPhone")."""
    return t.is_title or (t.text[:1].isupper() and any(c.islower() for c in t.text)) or _name_piece(t)


def _name_piece(t: Token) -> bool:
    """The small-letter part of a hyphenated name the tokenizer split ("Hyun-dong" → "dong"), a
    proper noun."""
    if t.i < 2 or t.pos_ != "PROPN" or not t.text.islower():
        return False
    hyphen, before = t.doc[t.i - 1], t.doc[t.i - 2]
    return hyphen.text == "-" and not hyphen.whitespace_ and not before.whitespace_ and before.is_title


def _name_run(chain: list[Token]) -> list[Token]:
    """The trailing run of capitalised proper nouns of a chain, with the particles and hyphens
    inside a name ("Omar Hassan al-Bashir", "Osama bin Laden")."""
    run: list[Token] = []
    for k in range(len(chain) - 1, -1, -1):
        t = chain[k]
        inside = run and k > 0 and chain[k - 1].pos_ == "PROPN" and (t.text == "-" or t.lower_ in _NAME_PARTICLES)
        if (t.pos_ == "PROPN" and _capitalised(t)) or inside:
            run.insert(0, t)
        else:
            break
    return run


def _name_of_run(chain: list[Token], run: list[Token]) -> list[Token] | None:
    """The person's name in a run: from its first word the recogniser marks a person; else,
    after a title, its last two words (unless the run is a place or ends in one's name)."""
    persons = [t for t in run if t.ent_type_ == "PERSON"]
    if persons:
        return [t for t in run if t.i >= persons[0].i]
    if len(run) >= 2 and len(chain) > len(run) and run[0].ent_type_ not in ("GPE", "NORP", "LOC"):
        if run[-1].ent_type_ in ("ORG", "GPE", "LOC", "FAC", "NORP", "DATE") and run[-1].ent_iob_ == "B":
            return None
        return run[-2:]
    return None


_NAME_PARTICLES = words("name_particles")
_TITLE_PREPOSITIONS = words("title_prepositions")
_NAMED_TYPES = ("GPE", "LOC", "PERSON", "FAC", "NORP")  # a name or place: no title runs on from it
PAST_TITLE = words("past_title_words")
POST_PREPOSITIONS = ("for", "to")  # "Envoy for Yemen", "Ambassador to Chad": the post, not the sender
_TITLE_GLUE = ("the", "of", "and", ",", "-")  # inside a title: "Civilian Security, Democracy, and Human Rights"
_NOT_NAMES = words("not_name_words")
_THING_NAMES = words("thing_name_words")


def _thing_name(tok: Token) -> bool:
    """The last word of a name is a thing's ("Accords", "Peace Agreements", "Treaty")."""
    low = tok.lower_
    return low in _THING_NAMES or tok.lemma_.lower() in _THING_NAMES or (low.endswith("s") and low[:-1] in _THING_NAMES)


def _medium(tok: Token) -> bool:
    """A platform something is said on, no person though the recogniser calls it one: "lashed out
    at the mayor on Twitter, accusing her ..." (her is the mayor)."""
    return tok.lower_ in words("platform_names") and tok.i > 0 and tok.doc[tok.i - 1].lower_ in ("on", "via")


OPPOSING_PREFIXES = words("opposing_prefixes")
# modifiers of a role that is not of the country the sentence is in
NOT_HOME = words("foreign_modifiers")
ENVOY_TITLES = words("envoy_titles")


def _org_name_not_person(chain: list[Token], name: list[Token]) -> bool:
    """A "name" that is an organisation's: with a word of one ("Daily Inquirer"), or the object of
    a "for"/"of" inside one ("the Global Alliance for | Clean Wells"); not a person after a title
    ("Assembly Chairperson Macky Sall")."""
    before = [t for t in chain if t.i < name[0].i]
    return _org_sector(name) is not None or bool(before and before[-1].lower_ in ("for", "of")
                                                 and _org_sector(before) is not None)


def _before_bracket(tokens: list[Token], head: Token) -> list[Token]:
    """A phrase without a bracketed short form after its head ("the Pan Africanist Congress
    (PAC)": the name, as a person's or a known actor's phrase is spanned)."""
    cut = next((i for i, t in enumerate(tokens)
                if t.i > head.i and "(" in (t.text, t.doc[t.i - 1].text)), len(tokens))
    return tokens[:cut]


def _org_name(tokens: list[Token]) -> list[Token]:
    """The words of an organisation's name in a phrase (``_before_bracket``)."""
    name = [t for t in tokens if t.ent_type_ == "ORG"]
    return _before_bracket(name, name[-1]) if name else name


def _chunks(code: str) -> list[str]:
    """A code's 3-letter pieces ("GOVMIL" → GOV, MIL)."""
    return [code[i:i + 3] for i in range(0, len(code), 3)]


def _org_sector(name: list[Token]) -> str | None:
    """The sector the words of an organisation's name give: the last such word before its first
    "of"/"for" phrase ("Sylvanian Workers Party" → PTY), else the first after ("Ministry of ...")."""
    table = org_name_sectors()
    cut = next((i for i, t in enumerate(name) if t.lower_ in ("of", "for")), len(name))
    before = [table[t.lower_] for t in name[:cut] if t.lower_ in table]
    if before:
        return before[-1]
    return next((table[t.lower_] for t in name[cut:] if t.lower_ in table), None)


def _opposed(tokens: list[Token], m: DictMatch) -> bool:
    """A match the phrase is set against: "anti-ISIL", "counter-terrorism"."""
    before = [t.lower_ for t in tokens[max(0, m.start - 2):m.start]]
    return (len(before) == 2 and before[1] == "-" and before[0] in OPPOSING_PREFIXES) \
        or (bool(before) and before[-1].rstrip("-") in OPPOSING_PREFIXES)


def _single_code(m: DictMatch) -> DictMatch:
    """Dictionaries may list alternatives ("FRO/BIL/SAM"); an actor gets the first."""
    if "/" not in m.code:
        return m
    return DictMatch(m.start, m.end, m.kind, m.entry, m.code.split("/")[0])


def _is_noun_match(tokens: list[Token], m: DictMatch) -> bool:
    """A role word used as a noun ("diplomats"), not an adjective ("diplomatic ties")."""
    return any(t.pos_ in ("NOUN", "PROPN") for t in tokens[m.start:m.end])


def _nearest(matches: list[DictMatch], head_pos: int) -> DictMatch | None:
    """The actor match nearest to the phrase's head (its own words first, then before it)."""
    if not matches:
        return None

    def rank(m: DictMatch) -> tuple[int, int]:
        if m.start <= head_pos < m.end:
            return (0, 0)
        dist = min(abs(head_pos - m.start), abs(head_pos - (m.end - 1)))
        return (1 if m.end <= head_pos else 2, dist)

    return min(matches, key=rank)


def _owned_elsewhere(tokens: list[Token], head: Token) -> bool:
    """A role phrase that says whose it is in words no dictionary knows ("African leaders", "TDP
    soldiers"), that it is of no one country ("members of the international community"), or that
    it is no more ("a former student")."""
    return any(t.lower_ in NOT_HOME or (t.i < head.i and (t.ent_type_ in ("NORP", "GPE", "ORG")
                                                         or t.lower_ in PAST_TITLE)) for t in tokens)


def _bare_country(m: DictMatch) -> str | None:
    """The country a match names when it names a country alone ("Serbian" → SRB), else None."""
    country, sector = split_code(m.code)
    return country if sector is None else None


def _homeland(tokens: list[Token], head: Token, head_pos: int, actor: DictMatch, actors: list[DictMatch],
              sentence_country: str | None) -> DictMatch:
    """A people is coded by the country it lives in, not by its name: "Bosnian Serbs" and
    "Iraqi Kurds" by the modifier's country, "ethnic Albanians in south Serbia" and "the
    Albanians of southern Serbia" by the place named after them, else by the sentence's place
    ("ethnic Albanians demonstrated in Serbia"). Other actors are returned as they are."""
    own = _bare_country(actor)
    if own is None:
        return actor
    # "Uzbeks", "Serbs" (the tagger may call them singular), not "the Philippines"
    people = (actor.start <= head_pos < actor.end and head.lower_.endswith("s")
              and not actor.entry.lower().endswith("s"))
    ethnic = actor.start > 0 and tokens[actor.start - 1].lower_ == "ethnic"
    if not (people or ethnic):
        return actor
    before = [m for m in actors if people and m.end <= actor.start and _bare_country(m) not in (None, own)]
    if before:
        return before[-1]
    after = _place_after(tokens, head, actors)
    if after is not None:
        return after if _bare_country(after) not in (None, own) else actor
    if ethnic and sentence_country and sentence_country != own:
        return DictMatch(actor.start, actor.end, actor.kind, actor.entry, sentence_country)
    return actor


def _place_after(tokens: list[Token], head: Token, actors: list[DictMatch]) -> DictMatch | None:
    """The actor match of the place an "in"/"of"/"from" phrase of the head gives ("Albanians in
    south Serbia" → Serbia): its head word's match."""
    places = [x for p in head.rights if p.dep_ == "prep" and p.lower_ in ("in", "of", "from")
              for x in p.children if x.dep_ == "pobj" and x in tokens]
    if not places:
        return None
    at = tokens.index(places[0])
    return next((m for m in actors if m.start <= at < m.end), None)


def _international(code: str | None) -> bool:
    """An international organisation's code ("IGOUNO"), which has no country."""
    return bool(code) and code[:3] in INTERNATIONAL_TYPES  # type: ignore[index]


def _title_words(chain: list[Token], name_toks: list[Token]) -> frozenset[str]:
    """The words of a person's title, lower case: "Deputy Secretary of State X" → deputy, secretary,
    state; a nationality or a name is not a title word ("German State Secretary Hans X" → state,
    secretary)."""
    return frozenset(t.lower_ for t in chain if t not in name_toks and t.is_title and t.ent_type_ not in ("NORP", "PERSON"))


def _same_given_name(known: Entity, name_toks: list[Token]) -> bool:
    """A full name ("Michelle Obama") can be a known person ("Barack Obama") only with a given
    name or initial in common; a surname alone ("Obama") can be anyone of that name."""
    # (the given names the recogniser puts in the person's name: not a title the parse took
    # for one, "Counselor Chollet")
    given = {t.text.lower().rstrip(".") for t in name_toks[:-1] if t.ent_type_ == "PERSON"}
    theirs = [w.rstrip(".") for w in (known.name or "").lower().split()]
    if not given or len(theirs) < 2 or name_toks[-1].text.lower() != theirs[-1]:
        return True
    known_given = set(theirs[:-1])
    initials = {w[0] for w in given if w}, {w[0] for w in known_given if w}
    return bool(given & known_given) or (any(len(w) == 1 for w in given | known_given) and bool(initials[0] & initials[1]))


def _main_clause(verb: Token) -> bool:
    """``verb`` is its sentence's main verb, or one coordinated with it ("A met B and signed ...")."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT"


def _former(chain: list[Token], name_toks: list[Token], agents: list[DictMatch], titles: list[DictMatch]) -> bool:
    """The title that gives a person's office (the last of ``agents``) is a past one: "former
    Minnesota Governor Ann Vale", "ex-Senator X"; not "former presidential candidate Senator X"
    (another title, of ``titles``, between: a past candidacy, a senator now)."""
    if not agents:
        return False
    last = agents[-1]
    for k, t in enumerate(chain[:last.start]):
        if t.i < name_toks[0].i and t.lower_ in PAST_TITLE \
                and not any(k < m.start < last.start and m.end <= last.start for m in titles):
            return True
    return False


def _in_office(chain: list[Token], name_toks: list[Token], agents: list[DictMatch]) -> bool:
    """The title before a name is a government office held now: "Prime Minister Albin Kurti",
    not "former Prime Minister X" nor "opposition leader X"."""
    title = [t for t in chain if t.i < name_toks[0].i]
    if not title or any(t.lower_ in PAST_TITLE for t in title):
        return False
    sectors = {split_code(combine(None, [a])[0])[1] for a in agents}
    return sectors == {"GOV"}


def _title_org(chain: list[Token], name_toks: list[Token], matches: list[DictMatch]) -> DictMatch | None:
    """The organisation a person's title names ("U.N. Secretary-General Kofi Annan" → the UN):
    the last actor outside the name, when there is a title; not the country a "for"/"to" names,
    which is the post's, not the sender's ("Special Envoy for Yemen X", "Ambassador to Chad X")."""
    if not any(t.i < name_toks[0].i for t in chain):
        return None
    name_idx = {i for i, t in enumerate(chain) if t in name_toks}
    outside = [m for m in (_single_code(m) for m in matches if m.kind == "actor")
               if not name_idx & set(range(m.start, m.end))  # (not a first name alone)
               and not _in_post(chain, m)]
    return outside[-1] if outside else None


def _unknown_body_title(chain: list[Token], name_toks: list[Token], matches: list[DictMatch]) -> bool:
    """The title follows the short name of an organisation no dictionary knows ("OSCE Secretary
    General Ann Vale", "EEAS Secretary General X"): its officer, not an official of the
    publisher or of the country the story is in."""
    first = min((m.start for m in matches if m.kind == "agent"), default=0)
    prefix = [t for t in chain[:first] if t.dep_ != "det"]
    if len(prefix) != 1 or prefix[0] in name_toks or any(m.kind == "actor" and m.start < first for m in matches):
        return False
    # (a short form only: a name in words may be the country's own body, "Assembly President X")
    word = prefix[0].text
    return len(word) >= 3 and word.isalpha() and word.isupper()


def _in_post(chain: list[Token], m: DictMatch) -> bool:
    """The match is the post a "for"/"to" names in a title ("Envoy for Yemen", "Under Secretary
    for Civilian Security"): a title's "for"/"to" before it with only title words between, looking
    past the chain's start ("Yemen Tim X" of an apposition); not a verb's ("welcomed ... to
    South African leader X")."""
    tok = chain[m.start]
    for t in reversed(tok.doc[tok.sent.start:tok.i]):
        if t.lower_ in POST_PREPOSITIONS:
            return t.head.is_title and t.head.pos_ in ("PROPN", "NOUN") and t.head.i < t.i
        if not (t.is_title or t.lower_ in _TITLE_GLUE):
            return False
    return False


def _title_agents(chain: list[Token], name_toks: list[Token], agents: list[DictMatch]) -> list[DictMatch]:
    """The agents of a title that say what the person is, not the post a "for"/"to" names:
    "Under Secretary for Civilian Security X" is government, not civilians (when the title has
    an agent of its own before the post)."""
    own = [m for m in agents if not _in_post(chain, m)]
    return own if own else agents


def _person_match(chain: list[Token], name_toks: list[Token], matches: list[DictMatch],
                  of_actor: DictMatch | None) -> DictMatch | None:
    """The dictionary's entry for the person's name, unless the phrase contradicts it: "U.N.
    Secretary-General Kofi Annan" out of the dictionary's dates (a bare "ELI"); "King Hassan of
    Morocco": not the Jordanian Hassan the dictionary knows."""
    found = next((m for m in (_single_code(m) for m in matches if m.kind == "actor")
                  if _covers(m, chain, name_toks)), None)
    if found is None:
        return None
    if split_code(found.code)[0] is None and found.code[:3] not in INTERNATIONAL_TYPES \
            and _title_org(chain, name_toks, matches) is not None:
        return None
    if of_actor is not None and found.code[:3] != of_actor.code[:3]:
        return None
    return found


def _covers(m: DictMatch, tokens: list[Token], name_toks: list[Token]) -> bool:
    idx = [tokens.index(t) for t in name_toks if t in tokens]
    return bool(idx) and m.start <= min(idx) and max(idx) < m.end


def _near_modifier(tokens: list[Token], head: Token, dictionary: ActorDictionary, date: str | None) -> bool:
    """An actor named by a direct modifier of the head ("U.S. assistance", "Russia's position")."""
    mods = [t for t in tokens if t.head.i == head.i and t.dep_ in ("amod", "compound", "poss", "nmod")]
    for m in mods:
        words = [t.text for t in m.subtree if t.dep_ != "case"]
        if any(x.kind == "actor" for x in dictionary.match(words, date)):
            return True
    return False


def _modifies(tokens: list[Token], m: DictMatch, head: Token) -> bool:
    """The actor words are a direct modifier of the head: "Russian officials", "Hamas's delegation"."""
    for t in tokens[m.start:m.end]:
        if t.head.i == head.i and t.dep_ in ("amod", "compound", "poss", "nmod", "npadvmod"):
            return True
        if t.head.head.i == head.i and t.head.dep_ in ("compound", "poss") and t.dep_ in ("compound", "amod"):
            return True
    # "delegation of the Hamas Movement", "opposition groups in Zimbabwe": a role word's "of"/"in" phrase
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "in", "from"):
            pobj = next((x for x in c.children if x.dep_ == "pobj"), None)
            if pobj is not None and any(t.i == pobj.i or t.head.i == pobj.i for t in tokens[m.start:m.end]):
                return True
    return False


__all__ = ["ActorResolver", "Discourse", "Entity", "all_conjuncts", "mention_tokens"]

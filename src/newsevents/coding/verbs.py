"""The CAMEO verb dictionary: PETRARCH patterns, parsed once, matched on a dependency parse.

A verb *block* groups synonymous verbs under a default CAMEO code; its *patterns* refine
the code by the words around the verb::

    ---  ARRIVE   [040]  ---
    ARRIVE
    - * (FOR VISIT)           [042:043]
    - * (FOR TALKS)           [046:046]

``*`` is the verb; words after it are matched in the verb's phrase (objects,
particles, prepositional phrases and infinitives, in order), words before it in its
subject (and, for a clause that completes another verb, in that verb's phrase up to it);
``(PREP WORDS)`` is a prepositional phrase; ``{A B}`` or ``A_B`` consecutive words, and
``RECENTLY_*`` / ``*_OUT`` words next to the verb; ``^`` passes over a noun phrase;
``&SET`` any member of a synonym set; ``+`` / ``$`` inside a phrase mark the target /
source; ``%`` a coordinated subject. A verb line ``WIRE_+TAP`` names words right before
the verb (``+`` marks the verb). A code ``[a:b]`` codes *a* from the subject to the object and *b* for the
reverse direction; ``[:b]`` means only the reverse (``X faces criticism``: someone
criticises X); ``[---]`` means no event.

This module parses that syntax (``parse_petrarch_verbs``, used by
``tools/convert_verbs.py`` and for user dictionaries) and matches it
(``VerbDictionary.match``).
"""
from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import AbstractSet, Any, Callable, Container, Iterable, Sequence

from ..errors import DictionaryError
from ..nlp.docfacts import facts, subtree_ids

NO_EVENT = "---"

# ---------------------------------------------------------------- parsing ------------


def _split_code(text: str) -> tuple[str, str]:
    """``"042:043"`` → ("042", "043"); ``"---"`` → ("---", ""); ``":020"`` → ("", "020")."""
    text = text.strip()
    if ":" in text:
        a, b = text.split(":", 1)
        return a.strip(), b.strip()
    return text, ""


_CODE_RE = re.compile(r"\[([^\]]*)\]")
# "--- ABANDON [345] ---"; also "--- LASH OUT [122] ---", "--- DELAY [120] [031:031] ---" (the first
# code) and a header whose closing dashes a comment took ("--- TROUBLED [---] # NOUN ---")
_HEADER_RE = re.compile(r"^---\s+([^\[]+?)\s+\[([^\]]*)\](?:\s*\[[^\]]*\])*\s*(?:---|$)")


def _tokenize_pattern(text: str) -> list[str]:
    # "RECENTLY_*", "*_OUT": words joined to the verb stand next to it ("<>"); ("*SCEPTICAL" is a typo)
    text = re.sub(r"(_?)\*(_?)", lambda m: f" {'<> ' if m.group(1) else ''}*{' <>' if m.group(2) else ''} ", text)
    return re.sub(r"([(){}])", r" \1 ", text).upper().split()


def _parse_elements(tokens: list[str], pos: int, closer: str | None, where: str,
                    synsets: Container[str] = ()) -> tuple[list[Any], int]:
    """Parse pattern tokens into element lists (see module docstring) until ``closer``
    (``synsets``: the synonym sets' names, some of which have "_" in them)."""
    out: list[Any] = []
    while pos < len(tokens):
        tok = tokens[pos]
        if tok == closer:
            return out, pos + 1
        if tok in (")", "}"):
            raise ValueError(f"unbalanced '{tok}'")
        if tok == "(":
            inner, pos = _parse_elements(tokens, pos + 1, ")", where, synsets)
            out.append(_phrase_element(inner))
            continue
        if tok == "{":
            inner, pos = _parse_elements(tokens, pos + 1, "}", where, synsets)
            words = _braced_words(inner)
            if words:
                out.append(["seq", words])
            continue
        pos += 1
        el = _token_element(tok, synsets)
        if el is not None:
            out.append(el)
    if closer:
        raise ValueError(f"missing '{closer}'")
    return out, pos


def _phrase_element(inner: list[Any]) -> list[Any]:
    """``(FOR TALKS)``: a prepositional phrase, its prepositions ("TO/FROM") and its elements."""
    if not inner or inner[0][0] != "w":
        raise ValueError("a phrase in ( ) must start with its preposition")
    preps = [p.strip("_") for p in inner[0][1].split("/") if p.strip("_")]
    return ["pp", preps, inner[1:]]


def _braced_words(inner: list[Any]) -> list[str]:
    """``{A &SET B_C}``: the words, synonym sets ("&MILITARY") and joined words, in order."""
    words: list[str] = []
    for e in inner:
        if e[0] in ("w", "syn"):
            words.append(e[1])
        elif e[0] == "seq":
            words.extend(e[1])
    return words


# one-character pattern marks: "*" the verb, "$" source, "+" target, "%" a compound actor
# ("- % * [030:030]": "A and B agree"), "^" a noun phrase passed over ("- * IFTAR IN ^ +":
# "in Cairo with X": X), "<>" the words on this side of it stand next to the verb
_MARKS = {"*": "verb", "$": "src", "+": "tgt", "%": "compound", "^": "skip", "<>": "touch"}


def _token_element(tok: str, synsets: Container[str]) -> list[Any] | None:
    """The element of one pattern token: a mark, a synonym set ("&TIETYPES_MEMOS" is a set and a
    word joined; "&FIGHT_OF_WORDS" is a set), a word ("WORD_": exactly) or joined words ("A_B")."""
    mark = _MARKS.get(tok)
    if mark is not None:
        return [mark]
    if tok.startswith("&") and ("_" not in tok.rstrip("_") or tok.rstrip("_") in synsets):
        return ["syn", tok.rstrip("_")]
    exact_last = tok.endswith("_")
    parts = [p for p in tok.split("_") if p]
    if not parts:
        return None
    if len(parts) == 1:
        return ["w", parts[0] + ("_" if exact_last else "")]
    if exact_last:
        parts[-1] += "_"
    return ["seq", parts]


def parse_petrarch_verbs(text: str, name: str = "verbs") -> dict[str, Any]:
    """Parse a PETRARCH verb dictionary into ``{"synsets", "blocks", "verbs", "warnings"}`` (and
    ``"removed"``: synonym-set members a corrections file takes out with ``-WORD``)."""
    synsets: dict[str, list[list[str]]] = {}
    blocks: dict[str, dict[str, Any]] = {}
    verbs: dict[str, list[dict[str, Any]]] = {}
    warnings: list[str] = []
    removed: dict[str, list[list[str]]] = {}
    cur_syn: str | None = None
    cur_block: str | None = None
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            if not raw.strip():  # a blank line ends a synonym set; a comment line does not
                cur_syn = None
            continue
        if line.startswith("~"):  # transformations: not used
            continue
        if line.startswith("&"):
            cur_syn = line.split()[0].rstrip("_")
            synsets[cur_syn] = []
            cur_block = None
            continue
        if cur_syn and line[:1] in "+-":  # (a corrections file may also take a member out: "-RESEARCH")
            (synsets[cur_syn] if line[0] == "+" else removed.setdefault(cur_syn, [])).append(_synset_member(line))
            continue
        m = _HEADER_RE.match(line)
        if m:
            code, alt = _split_code(m.group(2))
            cur_block = "_".join(m.group(1).split())
            blocks.setdefault(cur_block, {"code": code, "alt": alt, "patterns": []})
        elif cur_block is not None and line.startswith("-"):
            pattern = _pattern_line(line, raw, f"{name}:{lineno}", lineno, synsets, warnings)
            if pattern is not None:
                blocks[cur_block]["patterns"].append(pattern)
        elif cur_block is not None:
            for key, entry in _verb_line(line, cur_block):
                verbs.setdefault(key, []).append(entry)
    out: dict[str, Any] = {"synsets": synsets, "blocks": blocks, "verbs": verbs, "warnings": warnings}
    if removed:
        out["removed"] = removed
    return out


def _synset_member(line: str) -> list[str]:
    """A synonym set's member line: "+UN_PEACEKEEPERS", "+DID N'T" (underscores and spaces both
    join the words of a member; a trailing "_" asks for the last word exactly: a final "")."""
    words = line[1:].strip().upper()
    return [p for p in re.split(r"[_\s]+", words) if p] + ([""] if words.endswith("_") else [])


def _pattern_line(line: str, raw: str, where: str, lineno: int, synsets: Container[str],
                  warnings: list[str]) -> dict[str, Any] | None:
    """A pattern line "- * (FOR TALKS) [046]" as ``{"pre", "post", "code", "alt", "line"}`` (and
    "only", for a phrasal verb's); None, with a warning, when it cannot be read."""
    body = line[1:]
    cm = _CODE_RE.search(body)
    if not cm:
        warnings.append(f"{where}: pattern without a [code]: {raw.strip()}")
        return None
    code, alt = _split_code(cm.group(1))
    try:
        elements, _ = _parse_elements(_tokenize_pattern(body[: cm.start()]), 0, None, where, synsets)
    except ValueError as exc:
        warnings.append(f"{where}: {exc}: {raw.strip()}")
        return None
    if ["verb"] not in elements:
        warnings.append(f"{where}: pattern without '*': {raw.strip()}")
        return None
    k = elements.index(["verb"])
    pattern = {"pre": elements[:k], "post": elements[k + 1:], "code": code, "alt": alt, "line": lineno}
    only = _phrasal_verb(pattern, raw)
    if only:
        pattern["only"] = only
    return pattern


def _verb_line(line: str, block: str) -> list[tuple[str, dict[str, Any]]]:
    """A verb line (WORD or +MULTI_WORD, optional {FORMS}, optional [CODE]) as (key, entry) for
    the verb and each of its forms, in key order; none for a line without a verb."""
    cm = _CODE_RE.search(line)
    code, alt = _split_code(cm.group(1)) if cm else ("", "")
    body = line[: cm.start()] if cm else line
    forms_m = re.search(r"\{([^}]*)\}", body)
    forms = forms_m.group(1).split() if forms_m else []
    head_words = (body[: forms_m.start()] if forms_m else body).split()
    if not head_words:
        return []
    before, words = _verb_words(head_words[0])
    if not words:
        return []
    entry = {"block": block, "verb": words[0], "words": words[1:], "code": code, "alt": alt}
    if before:  # "WIRE_+TAP": the verb is TAP, "wire" stands right before it
        entry["before"] = before
    keys = {words[0]} | {_verb_words(f)[1][0] for f in forms if f.strip("+_")}
    return [(key, entry) for key in sorted(keys)]


def _verb_words(text: str) -> tuple[list[str], list[str]]:
    """A verb line's words: (the words before the verb, the verb and the words after it); "+"
    marks the verb when it is not the first word ("WIRE_+TAPPED")."""
    parts = [w for w in text.lower().split("_") if w]
    k = next((i for i, w in enumerate(parts) if w.startswith("+") and i), 0)
    return parts[:k], [w.lstrip("+") for w in parts[k:] if w.lstrip("+")]


# nouns that make an idiom only with the verb a pattern was written for ("take part", "take
# place", "take lives"; not "captured part of a stronghold")
IDIOM_NOUNS = {"PART", "PLACE", "LIVES", "STEPS", "NOTE", "SIDES", "ISSUE", "SHAPE", "HOLD", "EFFECT", "TURNS"}
# words that make a phrasal verb of the verb before them
PARTICLES = {"TO", "WITH", "FOR", "AT", "IN", "ON", "AGAINST", "FROM", "INTO", "OVER", "BACK", "OFF", "OUT",
             "UP", "DOWN", "AWAY", "BY", "UPON", "BETWEEN", "BEFORE", "OUTSIDE", "INSIDE", "THROUGH"}


def _phrasal_verb(pattern: dict[str, Any], raw: str) -> str | None:
    """The verb a pattern of one bare particle belongs to, from the pattern's comment: "- * (WITH)
    [130]  # BREAK" is "break with", not "beat with"; "- * DOWN [0831]  # STEP" is "step down".
    Patterns with words of their own ("* SANCTIONS") serve the whole block."""
    post = pattern["post"]
    if pattern["pre"] or len(post) != 1 or "#" not in raw:
        return None
    el = post[0]
    bare = (el[0] == "w" and el[1].rstrip("_") in PARTICLES | IDIOM_NOUNS) or (el[0] == "pp" and not el[2])
    comment = raw.split("#", 1)[1].split()
    return comment[0].lower() if bare and len(comment) == 1 and comment[0].isalpha() else None


# ---------------------------------------------------------------- matching -----------


@dataclass
class VerbMatch:
    """What the dictionary says about one verb token."""

    code: str  # CAMEO code ("" when only the reverse direction is coded)
    alt: str  # the reverse-direction code, if any
    rule: str  # e.g. "MEET_PEOPLE * (FOR TALKS) [036] @5437"
    score: int  # how many pattern words matched (0 = the block's default)
    target: Any = None  # a token the pattern marks as target (``+``), if any
    source: Any = None  # a token the pattern marks as source (``$``), if any
    anchor: Any = None  # the last content token the pattern matched (to look for the target near it)
    consumed: set[int] = field(default_factory=set)  # token indices the pattern used
    among: bool = False  # a compound subject ("% * ...") does it among its members: each to the others


# What a pattern element cannot match without: one of the first words exactly as a token's text
# or lemma, or one of the second among the tokens' texts, lemmas and stems.
Requirement = tuple[frozenset[str], frozenset[str]]
# The words a scope offers a pattern: (exact forms, forms and stems).
Keys = tuple[AbstractSet[str], AbstractSet[str]]

# Pattern words after the verb must sit at most this deep below it (verb → object → of → noun).
MAX_DEPTH = 4
_PRE_DEPS = {"nsubj", "nsubjpass", "csubj", "expl"}
_CLAUSE_DEPS = {"ccomp", "advcl", "conj", "parataxis", "relcl", "acl", "csubj"}
_DOER_ENDINGS = ("ER", "ERS", "OR", "ORS")  # (text is upper case here)
_DOER_ENDINGS_AFTER_E = ("R", "RS")  # "STRIKE": "strikers"


class VerbDictionary:
    """CAMEO verb blocks and patterns, with a matcher over spaCy tokens."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.synsets: dict[str, list[list[str]]] = data["synsets"]
        self.blocks: dict[str, dict[str, Any]] = data["blocks"]
        self.verbs: dict[str, list[dict[str, Any]]] = data["verbs"]
        self._doc: Any = None  # the doc whose upper-cased words are cached below
        self._text: list[str] = []
        self._lemma: list[str] = []
        self._syn_index: dict[str, dict[str, list[list[str]]]] = {}
        self._by_first_word: dict[str, list[str]] | None = None  # first word of a member → synonym sets
        self._pattern_index: dict[str, _PatternIndex] = {}

    def __getstate__(self) -> dict[str, Any]:
        """Pickled without the per-document caches (a parsed document cannot be pickled)."""
        state = dict(self.__dict__)
        for key in ("_doc", "_text", "_lemma", "_tok_keys", "_members", "_syn_at", "_subtrees"):
            state.pop(key, None)
        state["_doc"] = None
        return state

    def _prepare(self, doc: Any) -> None:
        """Upper-case each token's text and lemma once per document (the matcher's hot path)."""
        if doc is not self._doc:
            self._doc = doc
            self._text = [t.text.upper() for t in doc]
            self._lemma = [t.lemma_.upper() for t in doc]
            self._tok_keys: list[tuple[str, ...] | None] = [None] * len(doc)
            self._members: dict[tuple[str, int], list[list[str]]] = {}
            self._syn_at: list[frozenset[str] | None] = [None] * len(doc)
            self._subtrees: dict[int, frozenset[int]] = {}

    def _subtree(self, tok: Any) -> frozenset[int]:
        """Indices of ``tok``'s subtree (remembered per document: a parse does not change)."""
        found = self._subtrees.get(tok.i)
        if found is None:
            found = self._subtrees[tok.i] = subtree_ids(tok)
        return found

    def _members_at(self, name: str, i: int) -> list[list[str]]:
        """Members of synonym set ``name`` whose first word can match token ``i`` (remembered per document)."""
        if name not in self._synsets_at(i):  # (most tokens start no member of most sets)
            return []
        found = self._members.get((name, i))
        if found is None:
            found = self._members[(name, i)] = self._find_members(name, i)
        return found

    def _synsets_at(self, i: int) -> frozenset[str]:
        """The synonym sets with a member whose first word is one of token ``i``'s forms (so
        whose ``_find_members`` at ``i`` is not empty); remembered per document."""
        found = self._syn_at[i]
        if found is None:
            if self._by_first_word is None:
                by_first: dict[str, list[str]] = {}
                for set_name in self.synsets:
                    for word in self._syn_members(set_name):
                        by_first.setdefault(word, []).append(set_name)
                self._by_first_word = by_first
            by_first = self._by_first_word
            found = self._syn_at[i] = frozenset(n for k in self._forms(i) for n in by_first.get(k, ()))
        return found

    def _syn_members(self, name: str) -> dict[str, list[list[str]]]:
        """The members of synonym set ``name`` by their first word (indexed on first use)."""
        index = self._syn_index.get(name)
        if index is None:
            index = self._syn_index[name] = {}
            for member in self.synsets.get(name, []):
                words = [w for w in member if w]
                if not words:
                    continue
                if member[-1] == "":
                    words[-1] += "_"
                index.setdefault(words[0].rstrip("_"), []).append(words)
        return index

    def _find_members(self, name: str, i: int) -> list[list[str]]:
        """Members of synonym set ``name`` whose first word can match token ``i``."""
        index = self._syn_members(name)
        keys = self._forms(i)
        if index.keys().isdisjoint(keys):
            return []
        return [m for k in keys for m in index.get(k, ())]

    def _forms(self, i: int) -> tuple[str, ...]:
        """Token ``i``'s text, lemma and stems, each once (in the order of a set of them)."""
        keys = self._tok_keys[i]
        if keys is None:
            text, lemma = self._text[i], self._lemma[i]
            keys = self._tok_keys[i] = tuple({text, lemma, *(text[:k] for k in range(max(4, len(text) - 3), len(text)))})
        return keys

    def _wm(self, word: str, i: int) -> bool:
        return _word_matches(word, self._text[i], self._lemma[i])

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> "VerbDictionary":
        """The packaged dictionary (``data/verbs.json``), loaded once."""
        path = resources.files("newsevents") / "data" / "verbs.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise DictionaryError(str(path), 0, f"cannot load the verb dictionary ({exc}); reinstall newsevents") from exc
        return cls(data)

    @classmethod
    def from_petrarch_file(cls, path: str) -> "VerbDictionary":
        """A dictionary in PETRARCH's own format (e.g. a user's or a validation set's)."""
        with open(path, encoding="utf-8", errors="replace") as fh:
            return cls(parse_petrarch_verbs(fh.read(), path))

    def _by_form(self, word: str) -> list[dict[str, Any]] | None:
        """Entries for an inflected form the lemmatiser got wrong ("staged" → "stag"): the
        word less a regular ending ("stage", "vote"), when the dictionary knows that verb."""
        for ending in ("d", "ed", "s", "es", "ing"):
            if word.endswith(ending) and len(word) > len(ending) + 2:
                base = word[: -len(ending)]
                entries = self.verbs.get(base) or self.verbs.get(base + "e")
                if entries:
                    return entries
        return None

    def knows(self, lemma: str) -> bool:
        return lemma.lower() in self.verbs

    # -- the matcher ---------------------------------------------------------------

    def match(self, verb: Any, extra: Sequence[Any] = (), lemma: str | None = None,
              extra_words: Sequence[Any] = ()) -> VerbMatch | None:
        """Match the verb token against its blocks' patterns; None when the verb is unknown.

        ``extra`` are tokens outside the verb's own phrase that patterns may also use (e.g.
        the object of a light verb). Returns the most specific match; a match whose code is
        ``---`` is returned too (the caller then codes nothing). ``lemma`` matches a noun as the
        verb it names ("suspension" as "suspend"); ``extra_words`` are single tokens patterns may
        also use (a passive's subject without its own phrases).
        """
        entries = self._entries(verb, lemma)
        if not entries:
            return None
        self._prepare(verb.doc)
        post_scope = _post_scope(verb, extra) | {t.i for t in extra_words}
        chosen = self._chosen(verb, entries, post_scope)
        if not chosen:
            return None
        scopes = _Scopes(self, verb, post_scope)
        best: VerbMatch | None = None
        for entry, used in chosen:
            cand = self._match_entry(entry, used, scopes)
            if cand is not None and (best is None or cand.score > best.score):
                best = cand
        return best

    def _entries(self, verb: Any, lemma: str | None) -> list[dict[str, Any]] | None:
        """The verb lines for ``verb``: a form the dictionary gives a verb line of its own ("LEFT
        [032:033]" beside "LEAVE [012]"; not a form of another verb's line, "found" of FIND: the
        lemma's entries say it), else the lemma's (``lemma``, the token's, its text, a regular form's)."""
        form = self.verbs.get(verb.lower_) if lemma is None else None
        if form and not (all(e["verb"] == verb.lower_ for e in form) and any(not e["words"] for e in form)):
            form = None
        return form or (self.verbs.get(lemma) if lemma else None) or self.verbs.get(verb.lemma_.lower()) \
            or self.verbs.get(verb.lower_) or self._by_form(verb.lower_)

    def _chosen(self, verb: Any, entries: list[dict[str, Any]], post_scope: set[int]
                ) -> list[tuple[dict[str, Any], set[int]]]:
        """The verb lines that apply, with the tokens their own words use: those of several words
        ("MEET_WITH", "WIRE_+TAP") whose words are there, else the one-word lines."""
        chosen: list[tuple[dict[str, Any], set[int]]] = []
        for e in entries:
            if not (e["words"] or "before" in e):
                continue
            used = self._match_words_after(verb, e["words"], post_scope)
            if used is not None and "before" in e:
                pre_used = self._words_right_before(verb, e["before"])
                used = None if pre_used is None else used | pre_used
            if used is not None:
                chosen.append((e, used))
        return chosen or [(e, set()) for e in entries if not e["words"] and "before" not in e]

    def _match_entry(self, entry: dict[str, Any], used: set[int], scopes: "_Scopes") -> VerbMatch | None:
        """The best match of one verb line: its block's default, or its most specific pattern
        (on a tie the pattern whose words are nearer the verb: "issued an ultimatum to Ecuador
        to halt attacks" is the ultimatum (139), not the attacks); None for an unknown block."""
        block = self.blocks.get(entry["block"])
        if block is None:
            return None
        code, alt = (entry["code"], entry["alt"]) if (entry["code"] or entry["alt"]) else (block["code"], block["alt"])
        extra = len(entry["words"]) + len(entry.get("before", ()))
        name = entry["block"] + ("_" + "_".join(entry.get("before", []) + entry["words"]).upper() if extra else "")
        cand = VerbMatch(code, alt, f"{name} [{_fmt(code, alt)}]", extra, consumed=set(used))
        scope, post_keys = scopes.post(used)
        index = self._index(entry["block"], block)
        # (a block whose patterns all start at the verb does not look at the subject's words)
        pre_scope, pre_keys = scopes.pre() if index.looks_before else _NOTHING_BEFORE
        keys = (pre_keys, post_keys)
        verb_i = scopes.verb.i
        for pat in index.candidates(keys):
            if "only" in pat and not self._same_verb(pat["only"], entry):
                continue
            m = self._match_pattern(pat, pre_scope, scope, scopes.verb.doc, keys, verb_i)
            if m is None:
                continue
            score, consumed, tgt, src, anchor, among = m
            score += extra
            if score > cand.score or (score == cand.score and score > extra
                                      and _distance(consumed, verb_i) < _distance(cand.consumed - used, verb_i)):
                pcode, palt = pat["code"], pat["alt"]
                rule = f"{name} {_describe(pat)} [{_fmt(pcode, palt)}]"
                cand = VerbMatch(pcode, palt, rule, score, tgt, src, anchor, consumed | used, among)
        return cand

    def _same_verb(self, word: str, entry: dict[str, Any]) -> bool:
        """``word`` (a form, as a pattern's comment gives it: "RALLIED") is the entry's verb."""
        return any(e.get("verb") == entry.get("verb") and e["block"] == entry["block"]
                   for e in self.verbs.get(word) or self._by_form(word) or ())

    def _patterns_for(self, name: str, block: dict[str, Any],
                      keys: tuple[Keys, Keys]) -> list[dict[str, Any]]:
        """The block's patterns, in order, that the words in ``keys`` do not rule out."""
        return self._index(name, block).candidates(keys)

    def _index(self, name: str, block: dict[str, Any]) -> "_PatternIndex":
        """The block's pattern index (made on first use)."""
        index = self._pattern_index.get(name)
        if index is None:
            index = self._pattern_index[name] = _PatternIndex(block["patterns"], self._requirements)
        return index

    def _keys(self, scope: AbstractSet[int]) -> Keys:
        """Words a pattern word can match in ``scope``: (exact forms, forms and stems)."""
        exact = set(map(self._text.__getitem__, scope))
        exact.update(map(self._lemma.__getitem__, scope))
        stems: set[str] = set().union(*map(self._forms, scope))
        return exact, stems

    def _requirements(self, pat: dict[str, Any]) -> tuple[list[Requirement], list[Requirement]]:
        """What the pattern needs before and after the verb (worked out once per pattern)."""
        req = pat.get("_req")
        if req is None:
            req = pat["_req"] = (self._required(pat["pre"]), self._required(pat["post"]))
        return req

    def _required(self, elements: list[Any]) -> list[Requirement]:
        """What the elements cannot match without, one ``Requirement`` per element that needs a
        word: a word (``w``), the first word of a sequence (``seq``), one of the prepositions
        (``pp``), the first word of one of a synonym set's members (``syn``)."""
        req: list[Requirement] = []
        for el in elements:
            if el[0] == "syn":  # ``_element`` tries the members whose first word is a token's form or stem
                req.append((frozenset(), frozenset(self._syn_members(el[1]))))
                continue
            words = [el[1]] if el[0] == "w" else [el[1][0]] if el[0] == "seq" else \
                [p + "_" for p in el[1]] if el[0] == "pp" else []
            words = [w for w in words if not w.startswith("&")]
            if words:
                req.append((frozenset(w.rstrip("_") for w in words if w.endswith("_")),
                            frozenset(w for w in words if not w.endswith("_"))))
        return req

    @staticmethod
    def _possible(req: list[Requirement], keys: Keys) -> bool:
        """Every requirement has one of its words among ``keys`` (exact forms, forms and stems)."""
        exact, stems = keys
        return all(not need_exact.isdisjoint(exact) or not need_stem.isdisjoint(stems)
                   for need_exact, need_stem in req)

    def _match_pattern(self, pat: dict[str, Any], pre: AbstractSet[int], post: AbstractSet[int], doc: Any,
                       keys: tuple[Keys, Keys] | None = None,
                       verb_i: int = -1) -> tuple | None:
        """(score, consumed token ids, target, source, anchor, whether a compound subject matched)
        when the pattern matches."""
        if not pat["post"] and not pat["pre"]:
            return None
        if keys is not None:  # a quick test on the words the pattern needs, before the real match
            req = self._requirements(pat)
            if not (self._possible(req[0], keys[0]) and self._possible(req[1], keys[1])):
                return None
        state: dict[str, Any] = {"tgt": None, "src": None, "anchor": None, "among": False, "verb": verb_i}
        consumed: set[int] = set()
        score = 0
        for elements, scope in ((pat["pre"], pre), (pat["post"], post)):
            if not elements:
                continue
            r = self._seq(elements, _Scope.of(scope), -1, state, doc)
            if r is None:
                return None
            score += r[0]
            consumed |= r[1]
        if score == 0:
            return None
        return score, consumed, state["tgt"], state["src"], state["anchor"], state["among"] and any(
            e[0] == "compound" for e in pat["pre"])

    def _seq(self, elements: list[Any], scope: "_Scope", pos: int, state: dict[str, Any], doc: Any) -> tuple[int, set[int]] | None:
        """Match elements in order at increasing token positions within ``scope``."""
        score = 0
        used: set[int] = set()
        at: int | None = None  # where the next element must start (after "*_")
        for n, el in enumerate(elements):
            kind = el[0]
            if kind == "verb":
                continue
            if kind == "touch":  # "RECENTLY_*": the words before end next to the verb; "*_OUT": start next to it
                if n == 0:
                    pos, at = state["verb"], state["verb"] + 1
                elif not used or pos != state["verb"] - 1:
                    return None
                continue
            if kind in ("src", "tgt"):  # "WARN * ABOUT +": the phrase after the last matched word
                key = "tgt" if kind == "tgt" else "src"
                if state[key] is None:
                    state[key] = _phrase_after(doc, pos, scope)
                continue
            if kind == "skip":
                nxt = _phrase_after(doc, pos, scope)
                if nxt is None:
                    return None
                pos = nxt.i
                continue
            if kind == "compound":  # "%": a coordinated noun phrase ("France and Spain"), whose words stay actors
                head = next((i for i in scope.after(pos) if doc[i].pos_ in ("NOUN", "PROPN")
                             and any(c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") for c in doc[i].children)), None)
                if head is None:
                    return None
                score, pos, state["among"] = score + 1, head, True
                continue
            matcher = _ELEMENT_MATCHERS.get(kind)  # (``_element``, without the extra call: the hot path)
            hit = matcher(self, el, scope.after(pos), scope, pos, state, doc) if matcher is not None else None
            if hit is None or (at is not None and min(hit[1], default=-1) != at):
                return None
            at = None
            s, ids = hit
            score += s
            used |= ids
            pos = max(ids) if ids else pos
        return score, used

    def _words_right_before(self, verb: Any, words: Sequence[str]) -> set[int] | None:
        """The tokens right before the verb when they are ``words`` ("wire" of "wire tapped")."""
        start = verb.i - len(words)
        if start < 0 or start < facts(verb.doc).sentence_of(verb).start:
            return None
        ids = set(range(start, verb.i))
        return ids if all(self._wm(w.upper(), start + k) for k, w in enumerate(words)) else None

    def _match_words_after(self, verb: Any, words: Sequence[str], scope: set[int]) -> set[int] | None:
        """The extra words of a multi-word verb (``MEET_WITH``) among the verb's dependents, in order;
        an infinitive's "to" is no particle ("we're going to talk": no GO_TO, "went to Paris" is)."""
        used: set[int] = set()
        pos = verb.i
        doc = verb.doc
        ordered = [i for i in sorted(scope) if not _infinitive_marker(doc[i])]
        for w in words:
            hit = next((i for i in ordered if i > pos and self._wm(w.upper(), i)), None)
            if hit is None or hit - pos > 4:
                return None
            used.add(hit)
            pos = hit
        return used

    def _consecutive(self, words: Sequence[str], doc: Any, start: int, scope: AbstractSet[int]) -> set[int] | None:
        """Words (or synonym sets, ``&NAME``) on consecutive tokens from ``start``; hyphens skipped."""
        ids: set[int] = set()
        i = start
        for w in words:
            while i < len(doc) and i in scope and self._text[i] == "-":  # upper-cased, "-" all the same
                i += 1
            if i >= len(doc) or i not in scope:
                return None
            if w.startswith("&"):
                hit = None
                for parts in self._members_at(w.rstrip("_"), i):
                    if not any(p.startswith("&") for p in parts):
                        hit = self._consecutive(parts, doc, i, scope)
                    if hit:
                        break
                if not hit:
                    return None
                ids |= hit
                i = max(hit) + 1
                continue
            if not self._wm(w, i):
                return None
            ids.add(i)
            i += 1
        return ids

    def _element(self, el: list[Any], scope: "_Scope", pos: int, state: dict[str, Any], doc: Any) -> tuple[int, set[int]] | None:
        """(score, token ids) of the first match of a word-bearing element (``w``, ``seq``,
        ``syn``, ``pp``: ``_ELEMENT_MATCHERS``) after ``pos`` in ``scope``, recording its anchor."""
        matcher = _ELEMENT_MATCHERS.get(el[0])
        return matcher(self, el, scope.after(pos), scope, pos, state, doc) if matcher is not None else None

    def _element_word(self, el: list[Any], cands: list[int], scope: "_Scope", pos: int, state: dict[str, Any],
                      doc: Any) -> tuple[int, set[int]] | None:
        """A word: "* SANCTIONS"; a bare "* TO" (HEAD to) is a direction, not the "to" of an
        infinitive ("ordered him to appear")."""
        for i in cands:
            if self._wm(el[1], i) and not (doc[i].dep_ == "aux" and doc[i].tag_ == "TO"):
                state["anchor"] = doc[i]
                return 1, {i}
        return None

    def _element_seq(self, el: list[Any], cands: list[int], scope: "_Scope", pos: int, state: dict[str, Any],
                     doc: Any) -> tuple[int, set[int]] | None:
        """Consecutive words: "* {PEACE TALKS}", "* PEACE_TALKS"."""
        first = el[1][0]
        first_set = first.rstrip("_") if first[0] == "&" else None
        for i in cands:
            # what ``_consecutive`` tests first, without the call: on a token that is no hyphen
            # (hyphens are skipped), a plain first word must match it, a synonym set must have
            # a member that starts there
            if self._text[i] != "-" and (not self._wm(first, i) if first_set is None
                                         else first_set not in self._synsets_at(i)):
                continue
            ids = self._consecutive(el[1], doc, i, scope)
            if ids:
                state["anchor"] = doc[max(ids)]
                return len(el[1]), ids
        return None

    def _element_synset(self, el: list[Any], cands: list[int], scope: "_Scope", pos: int, state: dict[str, Any],
                        doc: Any) -> tuple[int, set[int]] | None:
        """A member of a synonym set: "* &MILITARY"."""
        for i in cands:
            for words in self._members_at(el[1], i):
                ids = self._consecutive(words, doc, i, scope)
                if ids:
                    state["anchor"] = doc[max(ids)]
                    return 1, ids
        return None

    def _element_phrase(self, el: list[Any], cands: list[int], scope: "_Scope", pos: int, state: dict[str, Any],
                        doc: Any) -> tuple[int, set[int]] | None:
        """A prepositional phrase: "* (FOR TALKS)"; "(TO COOPERATE)" also matches an infinitive:
        its words are the verb's phrase."""
        preps, items = el[1], el[2]
        for i in cands:
            if self._text[i] not in preps or not _phrase_fits(doc[i], items, pos, state["verb"]):
                continue
            tok = doc[i]
            inner = scope.phrases.get(i)  # (the same for every pattern with this preposition)
            if inner is None:
                owner = tok.head if tok.dep_ == "aux" else tok
                inner = scope.phrases[i] = _Scope(k for k in self._subtree(owner)
                                                  if k > tok.i and (k in scope or k == owner.i))
            sub_state = dict(state)
            r = self._seq(items, inner, tok.i, sub_state, doc) if items else (0, set())
            if r is None:
                continue
            pobj = next((c for c in tok.children if c.dep_ in ("pobj", "pcomp")), None)
            if ["tgt"] in items and pobj is not None:
                state["tgt"] = pobj
            if ["src"] in items and pobj is not None:
                state["src"] = pobj
            state["anchor"] = sub_state.get("anchor") or pobj or tok
            return 1 + r[0], {i} | r[1]
        return None


def _phrase_fits(tok: Any, items: list[Any], pos: int, verb_i: int) -> bool:
    """Whether the preposition ``tok`` can open a pattern's phrase with ``items``: a bare "(TO)"
    is a phrase "to" someone, not "praised its efforts to improve"; nor a phrase of time
    ("called his counterpart on Tuesday" is no call on anyone); and a bare phrase right after
    the verb is the verb's own ("* (FROM)"), not a word's in it: "returned the songbirds
    captured from illegal trade" is no return from a visit (but "* SUPPORT (FOR)": the support's)."""
    if items:
        return True
    if tok.dep_ == "aux":
        return False
    if any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in tok.children):
        return False
    return not (pos in (-1, verb_i) and verb_i >= 0 and tok.head.i != verb_i
                and tok.head.pos_ in ("NOUN", "PROPN", "VERB"))


# pattern element kind → the ``VerbDictionary`` method that matches it
_ELEMENT_MATCHERS = {
    "w": VerbDictionary._element_word,
    "seq": VerbDictionary._element_seq,
    "syn": VerbDictionary._element_synset,
    "pp": VerbDictionary._element_phrase,
}


def _distance(ids: set[int], i: int) -> int:
    """How near the nearest of ``ids`` is to token ``i`` (far when there are none)."""
    return min((abs(k - i) for k in ids), default=1_000)


class _Scope(frozenset[int]):
    """Token indices a pattern may match in, with their order worked out once (a pattern's
    elements each look for the first fitting token after the previous one)."""

    __slots__ = ("order", "phrases")
    order: list[int]
    phrases: dict[int, "_Scope"]  # preposition → the scope of its phrase within this one

    def __new__(cls, ids: Iterable[int] = ()) -> "_Scope":
        self = super().__new__(cls, ids)
        self.order = sorted(self)
        self.phrases = {}
        return self

    @classmethod
    def of(cls, ids: Iterable[int]) -> "_Scope":
        return ids if isinstance(ids, _Scope) else cls(ids)

    def after(self, pos: int) -> list[int]:
        """The indices greater than ``pos``, in order."""
        order = self.order
        return order[bisect_right(order, pos):] if pos >= 0 else order


class _Scopes:
    """The scopes one ``VerbDictionary.match`` call's patterns match in, worked out once each:
    the subject's side (when a block asks) and the phrase's side less a verb line's own words."""

    __slots__ = ("dictionary", "verb", "post_scope", "_pre", "_post")

    def __init__(self, dictionary: VerbDictionary, verb: Any, post_scope: set[int]) -> None:
        self.dictionary = dictionary
        self.verb = verb
        self.post_scope = post_scope
        self._pre: tuple[_Scope, Keys] | None = None
        self._post: dict[frozenset[int], tuple[_Scope, Keys]] = {}  # by the words used

    def pre(self) -> tuple["_Scope", Keys]:
        """The subject's side: its scope and its words' keys."""
        if self._pre is None:
            scope = _Scope(_pre_scope(self.verb, self.dictionary._subtree))
            self._pre = (scope, self.dictionary._keys(scope))
        return self._pre

    def post(self, used: set[int]) -> tuple["_Scope", Keys]:
        """The phrase's side without the tokens ``used`` (entries without words of their own all
        use the same scope: its keys are worked out once)."""
        key = frozenset(used)
        found = self._post.get(key)
        if found is None:
            scope = _Scope(self.post_scope - used)
            found = self._post[key] = (scope, self.dictionary._keys(scope))
        return found


# what a block whose patterns all start at the verb is given for the subject's side: nothing
_NOTHING_BEFORE: tuple[_Scope, Keys] = (_Scope(), (frozenset(), frozenset()))


class _PatternIndex:
    """A block's patterns by one word each of them needs (the first after the verb, else the
    first before it), so that a verb's scope words pick out the patterns worth testing: the
    same ones ``VerbDictionary._possible`` would let through, and more, never fewer."""

    def __init__(self, patterns: list[dict[str, Any]],
                 requirements: Callable[[dict[str, Any]], tuple[list[Requirement], list[Requirement]]]) -> None:
        self.patterns = patterns
        self.looks_before = any(pat["pre"] for pat in patterns)  # has a pattern words before the verb
        self.always: list[int] = []  # positions of the patterns that need no particular word
        # per side (0: before the verb, 1: after it): (exact word → positions, stem → positions)
        self.words: tuple[tuple[dict[str, list[int]], dict[str, list[int]]], ...] = (({}, {}), ({}, {}))
        for pos, pat in enumerate(patterns):
            pre, post = requirements(pat)
            side, need = (1, post[0]) if post else (0, pre[0]) if pre else (None, None)
            if side is None or need is None:
                self.always.append(pos)
                continue
            for table, words in zip(self.words[side], need):
                for word in words:
                    table.setdefault(word, []).append(pos)

    def candidates(self, keys: tuple[Keys, Keys]) -> list[dict[str, Any]]:
        """The patterns, in order, whose indexed word is among ``keys`` (exact forms, stems) of its side."""
        found = set(self.always)
        for (by_exact, by_stem), (exact, stems) in zip(self.words, keys):
            _collect(found, by_exact, exact)
            _collect(found, by_stem, stems)
        return [self.patterns[p] for p in sorted(found)]


def _collect(found: set[int], table: dict[str, list[int]], words: AbstractSet[str]) -> None:
    """Add to ``found`` the positions ``table`` lists for any of ``words``."""
    if len(table) < len(words):
        for word, positions in table.items():
            if word in words:
                found.update(positions)
    else:
        for word in words:
            listed = table.get(word)
            if listed:
                found.update(listed)


def _phrase_after(doc: Any, pos: int, scope: "_Scope") -> Any | None:
    """The head of the first noun phrase after token ``pos`` (the object of a preposition there)."""
    if pos >= 0:
        pobj = next((c for c in doc[pos].children if c.dep_ == "pobj"), None)
        if pobj is not None:
            return pobj
    for i in scope.after(pos):
        if doc[i].pos_ in ("PROPN", "NOUN", "PRON"):
            tok = doc[i]
            while tok.dep_ in ("compound", "amod") and tok.head.i > tok.i:
                tok = tok.head
            return tok
    return None


def word_matches(word: str, tok: Any) -> bool:
    """A dictionary word against a token: ``WORD_`` exactly, ``WORD`` also as a stem."""
    return _word_matches(word.upper(), tok.text.upper(), tok.lemma_.upper())


def _word_matches(word: str, text: str, lemma: str) -> bool:
    """``word`` is upper case; a trailing ``_`` asks for the exact word, else a stem will do."""
    if word[-1] == "_":
        w = word[:-1]
        return w == text or w == lemma
    if word == text or word == lemma:
        return True
    # a stem: "PROTEST" is "protests", "protested", not "protesters" (who protest, not the act)
    return len(word) >= 4 and text.startswith(word) and len(text) - len(word) <= 3 \
        and text[len(word):] not in (_DOER_ENDINGS_AFTER_E if word[-1] == "E" else _DOER_ENDINGS)


def _pre_scope(verb: Any, subtree: Any) -> set[int]:
    """Token indices before the verb that patterns' words before ``*`` may use: the verb's own
    phrase, and for a clause that completes the verb before it, that verb's phrase up to this verb
    ("Ethiopia indicated it deplored Libya", "police tried hard to disperse the crowd")."""
    ids = {i for i in subtree(verb) if i < verb.i}
    head = verb.head
    if verb.dep_ in ("xcomp", "ccomp") and head.i < verb.i and head.pos_ in ("VERB", "AUX"):
        ids |= {i for i in subtree(head) if i < verb.i}
    return ids


def _post_scope(verb: Any, extra: Iterable[Any]) -> set[int]:
    """Token indices after the verb that belong to its own phrase (not to other clauses)."""
    ids: set[int] = set()
    for child in verb.children:
        if child.i < verb.i or child.dep_ in _PRE_DEPS:
            continue
        if child.dep_ in _CLAUSE_DEPS and child.pos_ in ("VERB", "AUX"):
            continue
        if child.dep_ in ("punct", "cc", "mark"):
            continue
        _add_own_phrase(ids, child)
    for t in extra:
        ids.update(x.i for x in t.subtree)
    return ids


def _infinitive_marker(tok: Any) -> bool:
    """``tok`` is the "to" of an infinitive ("going to talk"), not a preposition ("went to Paris")."""
    return tok.tag_ == "TO" and tok.dep_ == "aux" and tok.head.pos_ in ("VERB", "AUX")


def _add_own_phrase(ids: set[int], child: Any) -> None:
    """Add the tokens of ``child``'s subtree that lie at most ``MAX_DEPTH`` below the verb
    (``child`` is one below it) and in no finite clause of their own below ``child``."""
    stack = [(child, 1)]
    while stack:
        tok, depth = stack.pop()
        ids.add(tok.i)
        if depth < MAX_DEPTH:
            stack.extend((c, depth + 1) for c in tok.children if not _opens_clause(c) and not _circumstance_participle(c))


def _circumstance_participle(tok: Any) -> bool:
    """``tok`` is a past participle that describes a noun of a prepositional phrase: "said in a
    statement released on Friday" (the statement's release is no word of what was said)."""
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.dep_ == "pobj" \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def _opens_clause(tok: Any) -> bool:
    """A finite clause of its own starts at ``tok``: a verb's clause, or a noun's content clause
    with its own subject ("spread disinformation that the protests were the work of ...")."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    return tok.dep_ in ("ccomp", "advcl", "relcl", "parataxis") \
        or (tok.dep_ == "acl" and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children))


def _fmt(code: str, alt: str) -> str:
    return f"{code}:{alt}" if alt else code


def _describe(pat: dict[str, Any]) -> str:
    def show(els: list[Any]) -> str:
        out = []
        for e in els:
            if e[0] == "w":
                out.append(e[1])
            elif e[0] == "seq":
                out.append("{" + " ".join(e[1]) + "}")
            elif e[0] == "syn":
                out.append(e[1])
            elif e[0] == "pp":
                out.append("(" + " ".join(["/".join(e[1])] + [show([x]) for x in e[2]]).strip() + ")")
            elif e[0] == "tgt":
                out.append("+")
            elif e[0] == "src":
                out.append("$")
            elif e[0] == "compound":
                out.append("%")
            elif e[0] == "skip":
                out.append("^")
        return " ".join(x for x in out if x)

    return " ".join(x for x in (show(pat["pre"]), "*", show(pat["post"])) if x)

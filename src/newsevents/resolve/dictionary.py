"""Dictionary-based actor resolution: CAMEO actor and agent dictionaries.

Two sources of data, one matcher:

* ``ActorDictionary.default()`` loads the packaged tables ``data/actors.tsv``,
  ``data/agents.tsv`` and ``data/actors_overlay.tsv`` (converted once from the
  Phoenix/PETRARCH dictionaries by ``tools/convert_dictionaries.py``).
* ``ActorDictionary.from_petrarch_files(actor_files, agent_files)`` reads raw
  PETRARCH/TABARI-format files (e.g. the validation suite's made-up dictionaries).

Table format (one synonym a line, tab separated, ``#`` lines are comments)::

    phrase  TAB  entry name  TAB  codes  TAB  source  [TAB # comment]

``phrase`` is lower case, words separated by single spaces; a trailing ``*``
means the last word may take endings (TABARI's "no trailing underscore"),
otherwise it is an exact word (plural ``s``/``es``/``ies`` and possessive
``'s`` are always tolerated).  ``codes`` is ``CODE`` or ``CODE:FROM-TO`` items
joined by ``|`` with dates as ``yyyymmdd`` and open ends left empty
(``RUSELI:19700101-19990809|RUSGOV:20080508-|RUSELI``); a code without a range
is the default.  Agent codes start (or, for prefixing agents, end) with ``~``.
The code ``-`` (``NO_ACTOR``) takes the phrase out of the tables loaded before (a wrong synonym).
"""
from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from newsevents.errors import DictionaryError
from newsevents.lang import words
from newsevents.resolve.codes import ORG_NAMES, combine_codes, country_name, split_code

__all__ = [
    "ActorDictionary",
    "DictMatch",
    "ParseReport",
    "RawEntry",
    "combine",
    "split_code",
    "parse_actor_file",
    "parse_agent_file",
    "format_codes",
    "parse_codes",
    "select_code",
    "normalize_word",
]


NO_ACTOR = "-"  # the code of a table line that removes its phrase


@dataclass(frozen=True, slots=True)
class DictMatch:
    start: int  # word index, inclusive
    end: int  # word index, exclusive
    kind: str  # "actor" | "agent"
    entry: str  # canonical, human-readable name
    code: str  # CAMEO code valid at the date ("RUSGOV", "IGOUNO", "~GOV")


def state_group_lines(text: str) -> list[str]:
    """The actor table lines of ``data/state_groups.tsv``: each regional modifier with each group
    noun ("baltic" → "baltic states", "baltic countries", ...), coded as the members' alternatives
    ("EST/LVA/LTU": one actor each)."""
    out = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        modifier, name, codes = line.split("\t")[:3]
        out += [f"{modifier} {noun}\t{name}\t{codes}\tstate_groups" for noun in sorted(words("state_group_nouns"))]
    return out


# --------------------------------------------------------------------------- codes & dates

CodeSpan = tuple[str, int | None, int | None]  # (code, from yyyymmdd, to yyyymmdd); None = open
Span = tuple[int, int, str, str, int]  # (first word, end word, kind, entry name, entry id) of a matched phrase

# 6-digit yymmdd dates: the Phoenix files were written up to 2014, so 00..15 are 20xx.
YY_PIVOT = 15

_AGENT_CODE = re.compile(r"~[A-Z0-9]+|[A-Z0-9]+~")
_ACTOR_CODE = re.compile(r"[A-Z0-9]{2,}(?:/[A-Z0-9]{2,})*|---")


def _parse_date(text: str) -> int:
    """yymmdd or yyyymmdd -> yyyymmdd int; ValueError when malformed."""
    if not text.isdigit() or len(text) not in (6, 8):
        raise ValueError(f"bad date {text!r} (want yymmdd or yyyymmdd)")
    if len(text) == 6:
        yy = int(text[:2])
        year = 2000 + yy if yy <= YY_PIVOT else 1900 + yy
        text = f"{year}{text[2:]}"
    month, day = int(text[4:6]), int(text[6:8])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        raise ValueError(f"bad date {text!r}")
    return int(text)


def parse_code_group(inner: str, *, agent: bool = False) -> CodeSpan:
    """The inside of one ``[...]`` group: ``RUSGOV 991231-080507``, ``HOB < 950601``."""
    parts = inner.split(None, 1)
    if not parts:
        raise ValueError("empty code []")
    code = parts[0].upper()
    rng = parts[1].replace(" ", "").replace("\t", "") if len(parts) > 1 else ""
    if agent:
        code = "".join(parts).replace(" ", "").replace("\t", "").upper()
        if not _AGENT_CODE.fullmatch(code):
            raise ValueError(f"bad agent code {inner.strip()!r}")
        return code, None, None
    if not _ACTOR_CODE.fullmatch(code):
        raise ValueError(f"bad actor code {code!r}")
    if not rng:
        return code, None, None
    if rng.startswith("<"):
        return code, None, _parse_date(rng[1:])
    if rng.startswith(">"):
        return code, _parse_date(rng[1:]), None
    if rng.count("-") == 1:
        a, b = rng.split("-")
        start, end = _parse_date(a), _parse_date(b)
        if start > end:
            raise ValueError(f"date range ends before it starts: {rng!r}")
        return code, start, end
    raise ValueError(f"bad date range {rng!r}")


def format_codes(codes: Iterable[CodeSpan]) -> str:
    out = []
    for code, start, end in codes:
        if start is None and end is None:
            out.append(code)
        else:
            out.append(f"{code}:{start or ''}-{end or ''}")
    return "|".join(out)


def parse_codes(text: str) -> tuple[CodeSpan, ...]:
    out: list[CodeSpan] = []
    for item in text.split("|"):
        code, _, rng = item.partition(":")
        if not code:
            raise ValueError(f"empty code in {text!r}")
        if rng:
            a, _, b = rng.partition("-")
            out.append((code, int(a) if a else None, int(b) if b else None))
        else:
            out.append((code, None, None))
    return tuple(out)


def _date_key(date: str | None) -> int | None:
    if not date:
        return None
    digits = date[:10].replace("-", "")
    if len(digits) != 8 or not digits.isdigit():
        raise ValueError(f"date must be YYYY-MM-DD, got {date!r}")
    return int(digits)


def select_code(codes: Sequence[CodeSpan], date: str | int | None = None) -> str | None:
    """The code valid at ``date`` (YYYY-MM-DD).

    With a date: the first dated code whose range holds it (file order, as
    PETRARCH); else the default (undated) code; else the dated code nearest in
    time.  Without a date: the code that is open towards the present (``>date``),
    else the default, else the latest-ending one.
    """
    if not codes:
        return None
    day = _date_key(date) if isinstance(date, str) or date is None else date
    default = next((c for c, a, b in codes if a is None and b is None), None)
    dated = [(c, a, b) for c, a, b in codes if a is not None or b is not None]
    if day is None:
        for c, _a, b in dated:
            if b is None:
                return c
        if default is not None:
            return default
        return max(dated, key=lambda t: t[2] or 0)[0]
    for c, a, b in dated:
        if (a is None or a <= day) and (b is None or day <= b):
            return c
    if default is not None:
        return default

    def distance(t: CodeSpan) -> int:
        _, a, b = t
        if a is not None and day < a:
            return a - day
        return day - (b or day)

    return min(dated, key=distance)[0]


# --------------------------------------------------------------------------- words

_APOS = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u02bc": "'",
                       "!": None, "?": None, '"': None, "*": None, ".": None})
_SPLIT_PHRASE = re.compile(r"[_\s]+")
POSSESSIVES = frozenset({"'s", "'"})


def normalize_word(word: str) -> list[str]:
    """One token -> its matching pieces: lower case, dots dropped, split at hyphens,
    a possessive ``'s`` / ``'`` split off as its own piece."""
    w = word.translate(_APOS).lower()
    pieces: list[str] = []
    for part in w.split("-"):
        if not part:
            continue
        if part in POSSESSIVES:
            pieces.append(part)
        elif len(part) > 2 and part.endswith("'s"):
            pieces.extend((part[:-2], "'s"))
        elif len(part) > 1 and part.endswith("'"):
            pieces.extend((part[:-1], "'"))
        else:
            pieces.append(part)
    return pieces


def phrase_pieces(text: str) -> list[str]:
    """A dictionary phrase (``VLADIMIR_V._PUTIN``, ``SYRIA'S_GOVERNMENT``) -> pieces."""
    out: list[str] = []
    for w in _SPLIT_PHRASE.split(text.strip("_ \t")):
        if w:
            out.extend(normalize_word(w))
    return out


# Endings a stemmed (no trailing "_") last word may take: TABARI matches any
# continuation; we accept the inflections and demonyms that matter in news.
STEM_ENDINGS: tuple[str, ...] = (
    "s", "es", "n", "ns", "an", "ans", "ian", "ians", "ia", "i", "is", "a", "e", "y",
    "ies", "ese", "er", "ers", "ish", "ic", "ics", "al", "o", "os", "ist", "ists",
)
_ACRONYMS = words("known_acronyms")
_LOWER_WORDS = words("name_lower_words")


def display_name(phrase: str) -> str:
    """``THE_UNITED_NATIONS_`` -> ``United Nations``; ``UN_SECRETARY_GENERAL`` ->
    ``UN Secretary General``; ``AL-QAEDA`` -> ``Al-Qaeda``."""
    text = re.sub(r"\([^)]*\)", " ", phrase)
    words = [w for w in _SPLIT_PHRASE.split(text.strip("_ \t")) if w]
    if len(words) > 1 and words[0].upper() == "THE":
        words = words[1:]
    out = []
    for i, word in enumerate(words):
        parts = []
        for j, part in enumerate(word.split("-")):
            low = part.lower()
            letters = re.sub(r"[^a-z0-9]", "", low)
            if not letters:
                parts.append(part)
            elif "." in part and len(letters) <= 4:
                parts.append(part.upper())  # U.N., W.
            elif letters in _ACRONYMS or (
                len(letters) >= 2 and not re.search(r"[aeiouy]", letters)
            ):
                parts.append(part.upper())
            elif (i > 0 or j > 0) and low in _LOWER_WORDS:
                parts.append(low)
            else:
                # capitalise the first letter; after an apostrophe keep lower ("People's")
                m = re.search(r"[a-z]", low)
                parts.append(low[: m.start()] + low[m.start()].upper() + low[m.start() + 1:]
                             if m else low)
        out.append("-".join(parts))
    return " ".join(out)


def entry_name(header: str, codes: Sequence[CodeSpan]) -> str:
    """Canonical name of an entry: a country's common name when the entry is just
    a country; an organisation's name for short aliases; else the title-cased header."""
    distinct = {c for c, _, _ in codes if c != "---"}
    if len(distinct) == 1:
        (code,) = distinct
        if len(code) == 3:
            name = country_name(code)
            if name:
                return name
        org = ORG_NAMES.get(code)
        if org and len(phrase_pieces(header)) <= 2:
            return org
    return display_name(header)


# --------------------------------------------------------------------------- PETRARCH parsing


@dataclass
class ParseReport:
    """Malformed or suspicious lines met while reading PETRARCH files."""

    warnings: list[str] = field(default_factory=list)  # "file:line: reason"
    skipped: int = 0  # lines (or entries) dropped

    def warn(self, path: str, line: int, reason: str, *, skipped: bool = True) -> None:
        self.warnings.append(f"{path}:{line}: {reason}")
        if skipped:
            self.skipped += 1


@dataclass(frozen=True, slots=True)
class RawEntry:
    phrase: str  # normalized: pieces joined by " ", "*" suffix for stems
    name: str
    codes: tuple[CodeSpan, ...]
    source: str  # file stem ("Phoenix.Countries.actors")
    line: int


def _phrase_key(raw: str) -> str | None:
    raw = raw.strip()
    if not raw:
        return None
    pieces = phrase_pieces(raw)
    if not pieces:
        return None
    stem = not raw.endswith("_")
    if pieces[-1] in POSSESSIVES:
        stem = False
    return " ".join(pieces) + ("*" if stem else "")


# a phrase starts with a letter or digit; "$", "=", braces, a replacement character or a
# "Word: text" label mark stray text, not a name
_VALID_PHRASE = re.compile(r"(?![A-Za-z]+:\s)[^\W_][^$=<>{}\[\]|\\\ufffd]*")


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0]


_GROUP = re.compile(r"\[([^\[\]]*)\]")


def _xml_comment_filter(lines: Iterable[str]):
    """Yield (lineno, text) with ``<!-- ... -->`` comments blanked out."""
    in_comment = False
    for lineno, line in enumerate(lines, 1):
        s = line.strip()
        if in_comment:
            if "-->" in s:
                in_comment = False
            yield lineno, ""
            continue
        if s.startswith("<!"):
            if "-->" not in s:
                in_comment = True
            yield lineno, ""
            continue
        yield lineno, line.rstrip("\r\n")


def _read_lines(path: Path) -> list[str]:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    return text.splitlines()


def parse_actor_file(path: str | Path, report: ParseReport, *, tag: str | None = None
                     ) -> list[RawEntry]:
    """Read one PETRARCH/TABARI actor dictionary into entries (one per synonym).

    Malformed lines are reported to ``report`` with file:line and skipped."""
    path = Path(path)
    reader = _ActorFileReader(path.name, tag or path.name.removesuffix(".txt"), report)
    for lineno, raw in _xml_comment_filter(_read_lines(path)):
        reader.line(lineno, raw)
    reader.flush()
    return reader.out


class _ActorFileReader:
    """The state of ``parse_actor_file`` line by line: the entry being read (its header line,
    synonyms and codes) and the code-less headers waiting for the next block's codes."""

    def __init__(self, where: str, tag: str, report: ParseReport) -> None:
        self.where, self.tag, self.report = where, tag, report
        self.out: list[RawEntry] = []
        self.header: tuple[str, int] | None = None  # (header phrase text, line)
        self.synonyms: list[tuple[str, int]] = []
        self.codes: list[CodeSpan] = []
        self.chained: list[tuple[str, int]] = []  # code-less headers waiting for the next block's codes
        self.saw_code_line = False
        self.broken = False  # a blank line since the last phrase: do not chain across it

    def line(self, lineno: int, raw: str) -> None:
        """Read one line: a code block "[USA]", a synonym "+UNITED_STATES_", or an entry's header."""
        s = _strip_comment(raw).replace("{}", "").strip()
        if not s:
            if not raw.strip():
                self.broken = True
        elif s.startswith("["):
            if self.header is None:
                self.report.warn(self.where, lineno, "code line without an entry")
            else:
                self.add_codes(s, lineno)
        elif s.startswith("+"):
            self.synonym_line(s, lineno)
        else:
            self.header_line(s, lineno)

    def add_codes(self, text: str, lineno: int) -> None:
        """The code groups of a code block ("[USA] [USAGOV >19900101]")."""
        self.saw_code_line = True
        groups = _GROUP.findall(text)
        leftover = _GROUP.sub("", text).strip()
        if leftover or text.count("[") != len(groups) or text.count("]") != len(groups):
            self.report.warn(self.where, lineno, f"unbalanced or stray text in code block {text.strip()!r}",
                             skipped=not groups)
        for inner in groups:
            try:
                self.codes.append(parse_code_group(inner))
            except ValueError as exc:
                self.report.warn(self.where, lineno, str(exc))

    def synonym_line(self, s: str, lineno: int) -> None:
        """"+A_ +B_" (two synonyms on a line), "A_+_B_" (a missing line break)."""
        if self.header is None:
            self.report.warn(self.where, lineno, "synonym without an entry")
            return
        self.broken = False
        if "[" in s:
            self.report.warn(self.where, lineno, "code on a synonym line ignored", skipped=False)
            s = s.split("[", 1)[0]
        for syn in re.split(r"\s+\+|\+(?=_)", s[1:]):
            syn = syn.strip().lstrip("_")
            if not syn:
                continue
            if not _VALID_PHRASE.fullmatch(syn):
                self.report.warn(self.where, lineno, f"bad synonym {syn!r}")
                continue
            self.synonyms.append((syn, lineno))

    def header_line(self, s: str, lineno: int) -> None:
        """An entry's first phrase, with its codes on the same line or not ("RUSSIA_ [RUS]")."""
        self.flush(next_header=True)
        self.broken = False
        phrase, bracket, rest = s.partition("[")
        if not _VALID_PHRASE.fullmatch(phrase.strip()):
            self.report.warn(self.where, lineno, f"bad entry line {s!r}")
            for t, ln in self.chained:
                self.report.warn(self.where, ln, f"entry {t.strip()!r} has no (valid) code")
            self.chained = []
            return
        self.header = (phrase, lineno)
        if bracket:
            self.add_codes(bracket + rest, lineno)

    def flush(self, *, next_header: bool = False) -> None:
        """End the entry being read: its phrases become entries with its codes (TABARI:
        consecutive phrase lines share the code block that follows them)."""
        if self.header is None:
            return
        phrases = [*self.chained, self.header, *self.synonyms]
        if not self.codes and next_header and not self.saw_code_line and not self.broken:
            self.chained, self.header, self.synonyms = phrases, None, []
            return
        if not self.codes:
            for text, lineno in phrases:
                if (text, lineno) in (self.header, *self.chained):
                    self.report.warn(self.where, lineno, f"entry {text.strip()!r} has no (valid) code")
        else:
            self.emit(phrases)
        self.header, self.synonyms, self.codes, self.chained, self.saw_code_line = None, [], [], [], False

    def emit(self, phrases: list[tuple[str, int]]) -> None:
        """One entry per phrase, named after the first, with the block's codes."""
        undated = [c for c, a, b in self.codes if a is None and b is None]
        if len(set(undated)) > 1:
            self.report.warn(self.where, phrases[0][1],
                             f"entry {phrases[0][0].strip()!r} has several default codes "
                             f"{undated}; the first is used", skipped=False)
        name = entry_name(phrases[0][0], self.codes)
        frozen = tuple(self.codes)
        for text, lineno in phrases:
            key = _phrase_key(text)
            if key is None:
                self.report.warn(self.where, lineno, "empty phrase")
                continue
            self.out.append(RawEntry(key, name, frozen, self.tag, lineno))


_SUBST = re.compile(r"^\s*(![A-Z0-9]+!)\s*=\s*(.+)$", re.I)


def parse_agent_file(path: str | Path, report: ParseReport, *, tag: str | None = None
                     ) -> list[RawEntry]:
    """Read one PETRARCH agents dictionary: ``PHRASE {PLURALS} [~CODE]`` lines and
    ``!SET! = A, B`` substitution sets."""
    path = Path(path)
    tag = tag or path.name.removesuffix(".txt")
    where = path.name
    sets: dict[str, list[str]] = {}
    out: list[RawEntry] = []
    for lineno, raw in _xml_comment_filter(_read_lines(path)):
        s = _strip_comment(raw).strip()
        if not s:
            continue
        m = _SUBST.match(s)
        if m:
            sets[m.group(1).upper()] = [v.strip() for v in m.group(2).split(",") if v.strip()]
            continue
        line = _agent_line(s, lineno, sets, where, report)
        if line is None:
            continue
        code, expanded, n_main = line
        seen = set()
        for k, v in enumerate(expanded):
            # each substitution form is named by itself, {plural forms} by the singular
            name = display_name(v if k < n_main else expanded[0])
            key = _phrase_key(v)
            if key is None:
                report.warn(where, lineno, "empty agent phrase")
                continue
            if key in seen:
                continue
            seen.add(key)
            out.append(RawEntry(key, name, (code,), tag, lineno))
    return out


def _agent_line(s: str, lineno: int, sets: dict[str, list[str]], where: str, report: ParseReport
                ) -> tuple[CodeSpan, list[str], int] | None:
    """An agent line "OFFICIAL {OFFICIALS} [~GOV]" as (code, its phrases with the substitution
    sets expanded, how many of them are the singular's); None, reported, when it is malformed."""
    groups = _GROUP.findall(s)
    if len(groups) != 1 or s.count("[") != 1 or s.count("]") != 1:
        report.warn(where, lineno, f"agent line needs exactly one [CODE]: {s!r}")
        return None
    try:
        code = parse_code_group(groups[0].replace(" ", ""), agent=True)
    except ValueError as exc:
        report.warn(where, lineno, str(exc))
        return None
    phrase, _, plural_part = s.split("[", 1)[0].partition("{")
    plurals: list[str] = []
    if plural_part:
        if "}" not in plural_part:
            report.warn(where, lineno, "unclosed {plural forms}")
            return None
        plurals = [p.strip() for p in plural_part.split("}", 1)[0].split(",") if p.strip()]
    expanded: list[str] = []
    n_main = 0
    bad = False
    for vi, v in enumerate([phrase.strip(), *plurals]):
        if vi == 1:
            n_main = len(expanded)
        forms = _substituted(v, sets, where, lineno, report)
        bad = bad or forms is None  # (each variant's undefined sets are reported)
        expanded.extend(forms or ())
    return None if bad else (code, expanded, n_main or len(expanded))


def _substituted(v: str, sets: dict[str, list[str]], where: str, lineno: int, report: ParseReport
                 ) -> list[str] | None:
    """The forms of a phrase with each ``!SET!`` mark replaced by each of its set's values;
    None, reported, for an undefined set."""
    forms = [v]
    for mark in re.findall(r"![A-Z0-9]+!", v, re.I):
        if mark.upper() not in sets:
            report.warn(where, lineno, f"undefined substitution set {mark}")
            return None
        forms = [f.replace(mark, val, 1) for f in forms for val in sets[mark.upper()]]
    return forms


# --------------------------------------------------------------------------- tables


TSV_COLUMNS = ("phrase", "entry", "codes", "source")


def entry_to_tsv(e: RawEntry) -> str:
    return "\t".join((e.phrase, e.name, format_codes(e.codes), e.source))


def read_table(lines: Iterable[str], where: str) -> list[RawEntry]:
    """Parse a packaged TSV table; a malformed line raises ``DictionaryError``."""
    out: list[RawEntry] = []
    for lineno, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\r\n").split("\t")
        if len(cols) < 4 or (len(cols) > 4 and not cols[4].lstrip().startswith("#")):
            raise DictionaryError(where, lineno, f"expected 4 tab-separated columns {TSV_COLUMNS}")
        phrase, name, codes, source = cols[:4]
        if not phrase or not name or not codes:
            raise DictionaryError(where, lineno, "empty phrase, entry or codes")
        try:
            parsed = parse_codes(codes)
        except ValueError as exc:
            raise DictionaryError(where, lineno, str(exc)) from None
        out.append(RawEntry(phrase, name, parsed, source, lineno))
    return out


# --------------------------------------------------------------------------- matcher


def _is_agent_code(code: str) -> bool:
    return code.startswith("~") or code.endswith("~")


class ActorDictionary:
    """Phrase -> (entry, dated codes) lookup with longest-match search over words."""

    _default: "ActorDictionary | None" = None
    _lock = threading.Lock()

    def __init__(self) -> None:
        # key: pieces joined by " " -> entry id; separate tables for exact and stem phrases
        self._exact: dict[str, int] = {}
        self._stem: dict[str, int] = {}
        self._maxlen: dict[str, int] = {}  # first piece -> longest phrase (pieces)
        # every phrase's beginnings up to a space ("united ", "united states "): a match cannot
        # go on past a beginning no phrase has (phrases overridden later may leave some behind)
        self._prefixes: set[str] = set()
        self._entries: list[tuple[str, str, tuple[CodeSpan, ...] | str]] = []  # kind, name, codes
        self._entry_ids: dict[tuple[str, str], int] = {}
        self.report = ParseReport()
        self.load_seconds = 0.0

    # -- building
    def _add(self, phrase: str, name: str, codes: tuple[CodeSpan, ...] | str) -> None:
        code_text = codes if isinstance(codes, str) else format_codes(codes)
        first_code = code_text.split("|", 1)[0].split(":", 1)[0]
        kind = "agent" if _is_agent_code(first_code) else "actor"
        key_e = (name, code_text)
        eid = self._entry_ids.get(key_e)
        if eid is None:
            eid = len(self._entries)
            self._entries.append((kind, name, code_text))
            self._entry_ids[key_e] = eid
        stem = phrase.endswith("*")
        key = phrase[:-1] if stem else phrase
        table = self._stem if stem else self._exact
        table[key] = eid  # later sources override earlier ones (as in PETRARCH)
        (self._stem if not stem else self._exact).pop(key, None)
        first, _, rest = key.partition(" ")
        n = rest.count(" ") + 2 if rest else 1
        if self._maxlen.get(first, 0) < n:
            self._maxlen[first] = n
        space = key.find(" ")
        while space != -1:
            self._prefixes.add(key[:space + 1])
            space = key.find(" ", space + 1)

    def _add_entries(self, entries: Iterable[RawEntry]) -> None:
        for e in entries:
            self._add(e.phrase, e.name, e.codes)

    @classmethod
    def from_tables(cls, paths: Sequence[str | Path]) -> "ActorDictionary":
        """Load TSV tables in order (later ones override earlier phrases)."""
        t0 = time.perf_counter()
        self = cls()
        for p in paths:
            p = Path(p)
            self._load_tsv(p.read_text(encoding="utf-8").splitlines(), str(p))
        self._finish(t0)
        return self

    def _load_tsv(self, lines: Sequence[str], where: str) -> None:
        # fast path of read_table: codes are kept as text and parsed when matched
        add = self._add
        for lineno, line in enumerate(lines, 1):
            if not line or line[0] == "#":
                continue
            cols = line.split("\t")
            if len(cols) < 4 or (len(cols) > 4 and not cols[4].lstrip().startswith("#")):
                raise DictionaryError(where, lineno,
                                      f"expected 4 tab-separated columns {TSV_COLUMNS}")
            phrase, name, codes = cols[0], cols[1], cols[2]
            if not phrase or not name or not codes or " " in codes:
                raise DictionaryError(where, lineno, "empty or malformed phrase, entry or codes")
            if codes == NO_ACTOR:  # (an overlay takes a wrong synonym out: "organization" is no Tanzim)
                self._exact.pop(phrase.rstrip("*"), None)
                self._stem.pop(phrase.rstrip("*"), None)
                continue
            add(phrase, name, codes)

    def _finish(self, t0: float) -> None:
        self._entry_ids.clear()
        self._codes_cache: dict[int, tuple[CodeSpan, ...]] = {}
        # what ``match`` looked up (the tables do not change once loaded): phrase ends, and the
        # code of an entry at a date; bounded (``_remember``)
        self._last_memo: dict[tuple[str, str] | str, int | None] = {}  # a piece alone by itself
        self._code_memo: dict[tuple[int, int | None], str | None] = {}
        self._span_memo: dict[tuple[tuple[str, ...], bool | None], tuple[Span, ...]] = {}  # ``_spans``
        self.load_seconds = time.perf_counter() - t0

    @classmethod
    def default(cls) -> "ActorDictionary":
        """The packaged dictionaries, loaded once per process."""
        if cls._default is None:
            with cls._lock:
                if cls._default is None:
                    data = resources.files("newsevents") / "data"
                    t0 = time.perf_counter()
                    self = cls()
                    for name in ("actors.tsv", "agents.tsv", "actors_overlay.tsv"):
                        res = data / name
                        self._load_tsv(res.read_text(encoding="utf-8").splitlines(),
                                       f"newsevents/data/{name}")
                    self._load_tsv(state_group_lines((data / "state_groups.tsv").read_text(encoding="utf-8")),
                                   "newsevents/data/state_groups.tsv")
                    self._finish(t0)
                    cls._default = self
        return cls._default

    @classmethod
    def from_petrarch_files(cls, actor_files: Iterable[str | Path],
                            agent_files: Iterable[str | Path] = (),
                            *, strict: bool = False) -> "ActorDictionary":
        """Read raw PETRARCH-format dictionaries.  Malformed lines are skipped and
        listed in ``.report.warnings`` (``file:line: reason``); with ``strict=True``
        the first one raises ``DictionaryError`` instead."""
        t0 = time.perf_counter()
        self = cls()
        for f in actor_files:
            self._add_entries(parse_actor_file(f, self.report))
        for f in agent_files:
            self._add_entries(parse_agent_file(f, self.report))
        if strict and self.report.warnings:
            first = self.report.warnings[0]
            path, line, reason = first.split(":", 2)
            raise DictionaryError(path, int(line), reason.strip())
        self._finish(t0)
        return self

    # -- introspection
    @staticmethod
    def country_name(code: str) -> str | None:
        """Common English name of a CAMEO/ISO country code ("RUS" -> "Russia")."""
        return country_name(code)

    def __len__(self) -> int:
        return len(self._exact) + len(self._stem)

    def codes(self, entry_id: int) -> tuple[CodeSpan, ...]:
        cached = self._codes_cache.get(entry_id)
        if cached is None:
            raw = self._entries[entry_id][2]
            cached = parse_codes(raw) if isinstance(raw, str) else raw
            self._codes_cache[entry_id] = cached
        return cached

    def lookup(self, phrase: str, date: str | None = None) -> DictMatch | None:
        """Match a whole phrase (convenience for tests and callers with one mention)."""
        words = phrase.split()
        for m in self.match(words, date):
            if m.start == 0 and m.end == len(words):
                return m
        return None

    # -- matching
    def _last_candidates(self, prefix: str, piece: str) -> int | None:
        """The entry of the phrase ``prefix`` + ``piece`` (or of a plural or stem form of its
        last piece), if any; remembered, as most phrases recur."""
        key = (prefix, piece) if prefix else piece
        eid = self._last_memo.get(key, _UNKNOWN)
        if eid is _UNKNOWN:
            eid = _remember(self._last_memo, key, self._find_last(prefix, piece))
        return eid

    def _code_at(self, eid: int, day: int | None) -> str | None:
        """``select_code`` of the entry's codes at ``day``; remembered."""
        key = (eid, day)
        code = self._code_memo.get(key, _UNKNOWN)
        if code is _UNKNOWN:
            code = _remember(self._code_memo, key, select_code(self.codes(eid), day))
        return code

    def _find_last(self, prefix: str, piece: str) -> int | None:
        exact, stem = self._exact, self._stem
        key = prefix + piece
        eid = exact.get(key)
        if eid is None:
            eid = stem.get(key)
        if eid is not None:
            return eid
        plural_bases, stem_bases = _piece_bases(piece)
        for base in plural_bases:  # regular plurals of exact words
            eid = exact.get(prefix + base)
            if eid is not None:
                return eid
        for base in stem_bases:  # endings of stems: longest base first
            eid = stem.get(prefix + base)
            if eid is not None:
                return eid
        return None

    def _longest_at(self, pieces: Sequence[str], i: int, limit: int) -> int:
        """The most pieces from ``i`` (at most ``limit``) a phrase may cover: all of them but
        the last must be the beginning of some phrase."""
        prefixes = self._prefixes
        prefix = ""
        length = 1
        while length < limit:
            prefix += pieces[i + length - 1] + " "
            if prefix not in prefixes:
                break
            length += 1
        return length

    def match(self, words: Sequence[str], date: str | None = None, cased: bool | None = None) -> list[DictMatch]:
        """Longest non-overlapping dictionary matches, left to right (see ``_match``); a name
        with a middle initial the dictionary writes without it is matched whole ("Antony J.
        Blinken" as ANTONY_BLINKEN), unless the words with the initial match already."""
        out = self._match(words, date, cased)
        keep = [i for i in range(len(words)) if not _middle_initial(words, i)]
        if len(keep) == len(words):
            return out
        for m in self._match(tuple(words[i] for i in keep), date, cased):
            start, end = keep[m.start], keep[m.end - 1] + 1
            if end - start == m.end - m.start:
                continue  # spans no initial: the first pass has it
            inside = [o for o in out if start <= o.start and o.end <= end]
            if any(o.start < end and start < o.end for o in out if o not in inside) or \
                    any(o.end - o.start >= end - start for o in inside):
                continue
            out = [o for o in out if o not in inside] + [replace(m, start=start, end=end)]
        return sorted(out, key=lambda o: o.start)

    def _match(self, words: Sequence[str], date: str | None = None, cased: bool | None = None) -> list[DictMatch]:
        """Longest non-overlapping dictionary matches, left to right.

        ``words`` are tokens (as spaCy gives them); indices in the result refer to
        them.  Matching is case-insensitive, ignores dots and hyphens inside and
        between words ("U.N.", "Secretary-General"), tolerates plural and
        possessive forms ("officials", "Russia's").  In normally cased text an
        actor span written all in lower case is not taken ("us", "turkey", "a plan"
        for PLAN); ``cased`` says whether the text is (else the words alone decide).
        """
        day = _date_key(date)
        key = (tuple(words), cased)
        spans = self._span_memo.get(key)
        if spans is None:
            spans = _remember(self._span_memo, key, self._spans(key[0], cased))
        code_at = self._code_at
        out: list[DictMatch] = []
        for w0, w1, kind, name, eid in spans:
            code = code_at(eid, day)
            if code and code != "---":
                out.append(DictMatch(w0, w1, kind, name, code))
        return out

    def _spans(self, words: tuple[str, ...], cased: bool | None) -> tuple[Span, ...]:
        """``_match``'s phrases before their codes are chosen: (first word, end word, kind,
        entry name, entry id) each. Which phrases match does not depend on the date (only
        which of an entry's codes holds does), so these are remembered by words and casing."""
        pieces: list[str] = []
        owner: list[int] = []  # piece -> word index
        for wi, w in enumerate(words):
            for p in _word_pieces(w):
                pieces.append(p)
                owner.append(wi)
        n = len(pieces)
        joined = "".join(words)
        mixed_case = cased if cased is not None else any(map(str.isupper, joined)) and any(map(str.islower, joined))
        out: list[Span] = []
        i = 0
        maxlen = self._maxlen
        while i < n:
            # a match must start at the first piece of a word
            if i > 0 and owner[i - 1] == owner[i] or pieces[i] in POSSESSIVES:
                i += 1
                continue
            limit = min(maxlen.get(pieces[i], 1), n - i)
            if limit <= 1 and self._last_candidates("", pieces[i]) is None:  # most pieces: no phrase
                i += 1
                continue
            found = self._longest_match(words, pieces, owner, i, limit, mixed_case)
            if found is None:
                i += 1
                continue
            end, w0, w1, kind, name, eid = found
            out.append((w0, w1, kind, name, eid))
            # skip the rest of the last word (possessive pieces)
            i = end
            while i < n and owner[i] == w1 - 1:
                i += 1
        return tuple(out)

    def _longest_match(self, words: Sequence[str], pieces: list[str], owner: list[int], i: int, limit: int,
                       mixed_case: bool) -> tuple[int, int, int, str, str, int] | None:
        """(end piece, first word, end word, kind, entry name, entry id) of the longest phrase that
        starts at piece ``i``, ends at a word's end and, in normally cased text, is no actor
        written all in lower case."""
        n = len(pieces)
        longest = self._longest_at(pieces, i, limit) if limit > 1 else 1
        for length in range(longest, 0, -1):
            end = i + length  # exclusive, in pieces
            last = end - 1
            if end < n and owner[end] == owner[last] and not _ends_word(pieces, owner, end, last):
                continue
            prefix = " ".join(pieces[i:last]) + " " if length > 1 else ""
            eid = self._last_candidates(prefix, pieces[last])
            if eid is None:
                continue
            kind, name, _ = self._entries[eid]
            w0, w1 = owner[i], owner[last] + 1
            if kind == "actor" and mixed_case and all(
                    not any(c.isupper() for c in words[k]) for k in range(w0, w1)):
                continue
            return end, w0, w1, kind, name, eid
        return None


def _ends_word(pieces: list[str], owner: list[int], end: int, last: int) -> bool:
    """A phrase of pieces up to ``last`` ends at a word's end, or before the possessive pieces
    that end the word ("Russia's")."""
    n = len(pieces)
    if end >= n or owner[end] != owner[last]:
        return True
    rest = end
    while rest < n and owner[rest] == owner[last] and pieces[rest] in POSSESSIVES:
        rest += 1
    return not (rest < n and owner[rest] == owner[last])


_UNKNOWN: Any = object()
_MEMO_SIZE = 200_000


def _remember(memo: dict, key: Any, value: Any) -> Any:
    """Put ``value`` in ``memo`` (emptied first when it has grown to ``_MEMO_SIZE``)."""
    if len(memo) >= _MEMO_SIZE:
        memo.clear()
    memo[key] = value
    return value


@lru_cache(maxsize=65536)
def _piece_bases(piece: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The bases a last piece may be a form of, in the order they are tried: (bases of regular
    plurals of exact words, bases of stems: "-ies" → "-y" first, then by ending, shortest
    ending first and in ``STEM_ENDINGS`` order among equals)."""
    plural: list[str] = []
    if len(piece) > 3 and piece.endswith("s"):
        for base in (piece[:-1], piece[:-2] if piece.endswith("es") else None,
                     piece[:-3] + "y" if piece.endswith("ies") else None):
            if base:
                plural.append(base)
    stems = [piece[:-3] + "y"] if piece.endswith("ies") else []
    stems += [piece[:-len(e)] for e in _ENDINGS_BY_LAST.get(piece[-1:], ())
              if len(piece) - len(e) >= 2 and piece.endswith(e)]
    return tuple(plural), tuple(stems)


_ENDINGS_SHORTEST_FIRST = sorted(STEM_ENDINGS, key=len)  # a stable sort: list order among equals
# the same, by their last letter (a piece can only end with the endings of its own last letter)
_ENDINGS_BY_LAST: dict[str, list[str]] = {}
for _e in _ENDINGS_SHORTEST_FIRST:
    _ENDINGS_BY_LAST.setdefault(_e[-1], []).append(_e)
del _e


def _middle_initial(words: Sequence[str], i: int) -> bool:
    """Whether ``words[i]`` is a middle initial between two capitalised names ("J." in "Antony
    J. Blinken")."""
    w = words[i]
    return 0 < i < len(words) - 1 and len(w) == 2 and w[0].isupper() and w[1] == "." and \
        words[i - 1][:1].isupper() and words[i + 1][:1].isupper()


@lru_cache(maxsize=65536)
def _word_pieces(word: str) -> tuple[str, ...]:
    """``normalize_word(word)``, remembered (words recur across phrases)."""
    return tuple(normalize_word(word))


def combine(actor: DictMatch | None, agents: list[DictMatch]) -> tuple[str, str | None, str | None]:
    """Actor + role agents -> (code, country, sector).

    ``"RUS" + "~GOV"`` -> ``("RUSGOV", "RUS", "GOV")``; agents without an actor
    give the bare role (``"~GOV"`` -> ``("GOV", None, "GOV")``).
    """
    code = combine_codes(actor.code if actor else None, [a.code for a in agents])
    country, sector = split_code(code)
    return code, country, sector


@lru_cache(maxsize=1)
def org_name_sectors() -> dict[str, str]:
    """``data/org_name_sectors.tsv``: the sector a word of an unknown organisation's name gives
    ("radio" → MED, "party" → PTY)."""
    text = (resources.files("newsevents") / "data" / "org_name_sectors.tsv").read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        cols = line.split("#", 1)[0].split("\t")
        if len(cols) >= 2 and cols[0].strip() and cols[1].strip():
            out[cols[0].strip()] = cols[1].strip()
    return out

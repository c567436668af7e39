"""Restoring capitals to text that lost them (some feeds are all lower or all upper case).

The parser and the entity recogniser lean on capitals; in "russian officials met hamas
in moscow" they find no names. ``restore_case`` capitalises what the actor dictionary and
the gazetteer know as names ("russian" → "Russian", "moscow" → "Moscow"), the first word
of each sentence, and "i". It never changes the text's length, so offsets into the
restored text are offsets into the original.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Any, Callable

from ..lang import words

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)
# a sentence starts after a full stop, but not after an initial's ("u.s. lifts", "j. smith")
_SENT_START = re.compile(r"(^|(?<!\b\w)[.!?]\s+|\n\s*)([^\W\d_])", re.UNICODE)
# (not "may", a modal far more often than a month)
_CALENDAR = words("weekdays") | (words("months") - {"may"})
_KEEP_LOWER = words("title_small_words")


def needs_case(text: str) -> bool:
    """True when the text has (almost) no capitals, or (almost) nothing but capitals."""
    letters = [c for c in text[:5000] if c.isalpha()]
    if len(letters) < 20:
        return False
    upper = sum(c.isupper() for c in letters) / len(letters)
    return upper < 0.01 or upper > 0.9


def is_title_case(line: str) -> bool:
    """A headline in title case ("U.S. Lifts Travel Ban to Lebanon"): every longer word but the
    function words capitalised (a sentence has at least its verb in lower case)."""
    if len(line) > 300:  # a paragraph, not a headline
        return False
    long = [w for w in _WORD.findall(line) if len(w) > 3 and w.lower() not in _FUNCTION_WORDS]
    return len(long) >= 3 and all(w[0].isupper() for w in long)


# every space separator but the space itself (no-break, narrow no-break, thin, em ...): the
# tokenizer splits words at spaces only, and a word joined to the next by one is misread
_SPACES = {i: " " for i in range(0x80, 0x3001) if unicodedata.category(chr(i)) == "Zs"}


def plain_spaces(text: str) -> str:
    """The text with its other space separators as plain spaces (same length, same offsets:
    "10\u202fa.m." as "10 a.m.")."""
    return text.translate(_SPACES) if not text.isascii() else text


def restore_case(text: str, dictionary: Any, gazetteer: Any, knows_verb: Callable[[str], bool]) -> str:
    """The text with the capitals of names and sentence starts restored (same length).

    Whole texts without (or with only) capitals are lower-cased and recapitalised; so is each
    title-case line, whose capitalised common words would read as names to the parser.
    ``knows_verb(lemma)`` says whether a word is a verb the coder knows (the caller passes the
    verb dictionary's, so that this stage does not import the coder)."""
    if needs_case(text):
        return _recapitalise(text.lower(), dictionary, gazetteer)
    lines = text.split("\n")
    if not any(is_title_case(line) for line in lines):
        return text
    lower_elsewhere = {w for w in _WORD.findall(text) if w.islower()}

    def common(m: re.Match) -> str:
        word = m.group(0)
        low = word.lower()
        return low if low in _FUNCTION_WORDS or low in lower_elsewhere or _is_verb(low, knows_verb) else word

    # a title-case line: its common words lose their capitals (names the dictionaries do not know keep theirs)
    return "\n".join(_recapitalise(_TITLE_WORD.sub(common, line), dictionary, gazetteer) if is_title_case(line)
                     else line for line in lines)


_TITLE_WORD = re.compile(r"\b[A-Z][a-z]+\b")  # "Lifts", not "U.S." or "NATO"
_FUNCTION_WORDS = _KEEP_LOWER | words("headline_function_words")


def _is_verb(word: str, knows_verb: Callable[[str], bool]) -> bool:
    """A word ``knows_verb`` knows, in any of its simple inflections ("lifts", "meets")."""
    return any(knows_verb(stem) for stem in (word, word[:-1], word[:-2], word[:-3]) if len(stem) > 2)


def _recapitalise(low: str, dictionary: Any, gazetteer: Any) -> str:
    """Capitals for the names the dictionaries know, sentence starts and "I" in ``low``."""
    chars = list(low)
    words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(low)]
    tokens = [w for _, _, w in words]
    for m in dictionary.match(tokens):
        if m.kind != "actor":
            continue
        for start, _end, word in words[m.start:m.end]:
            if word not in _KEEP_LOWER:
                chars[start] = chars[start].upper()
    for start, _end, word in words:
        if word in _CALENDAR or gazetteer.demonym(word) or (len(word) > 3 and gazetteer.kind(word) == "C"):
            chars[start] = chars[start].upper()
        elif word == "i":
            chars[start] = "I"
    out = "".join(chars)
    return _SENT_START.sub(lambda m: m.group(1) + m.group(2).upper(), out)

"""Restoring capitals to text that lost them (some feeds are all lower or all upper case).

The parser and the entity recogniser lean on capitals; in "russian officials met hamas
in moscow" they find no names. ``restore_case`` capitalises what the actor dictionary and
the gazetteer know as names ("russian" → "Russian", "moscow" → "Moscow"), the first word
of each sentence, and "i". It never changes the text's length, so offsets into the
restored text are offsets into the original.
"""
from __future__ import annotations

import re
from typing import Any

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)
_SENT_START = re.compile(r"(^|[.!?]\s+|\n\s*)([^\W\d_])", re.UNICODE)
_CALENDAR = set(
    "monday tuesday wednesday thursday friday saturday sunday january february march april june "
    "july august september october november december".split()
)
_KEEP_LOWER = {"of", "the", "and", "for", "in", "on", "at", "to", "al", "el", "de", "bin", "ibn", "a", "an"}


def needs_case(text: str) -> bool:
    """True when the text has (almost) no capitals, or (almost) nothing but capitals."""
    letters = [c for c in text[:5000] if c.isalpha()]
    if len(letters) < 20:
        return False
    upper = sum(c.isupper() for c in letters) / len(letters)
    return upper < 0.01 or upper > 0.9


def restore_case(text: str, dictionary: Any, gazetteer: Any) -> str:
    """The text with the capitals of names and sentence starts restored (same length)."""
    if not needs_case(text):
        return text
    low = text.lower()
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

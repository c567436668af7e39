"""Language data: the word classes the parser-side rules use, kept as data files.

In the style of spaCy's ``lang/en``: each language is a package (``lang/en/``) whose
``words/`` folder holds one file per word class, one word or phrase a line (``#`` starts
a comment). Code asks for a class by name and never spells its words::

    from newsevents.lang import words
    if tok.lemma_ in words("weekdays"): ...

A class is defined once; ``tests/lang/test_words.py`` checks that no class repeats another
and that no module of the package spells a class's words again.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..errors import NewsEventsError

ROOT = Path(__file__).resolve().parent
DEFAULT = "en"


@lru_cache(maxsize=None)
def words(name: str, lang: str = DEFAULT) -> frozenset[str]:
    """The word class ``name`` of language ``lang`` (lower-case words and phrases)."""
    return frozenset(ordered(name, lang))


@lru_cache(maxsize=None)
def ordered(name: str, lang: str = DEFAULT) -> tuple[str, ...]:
    """The word class ``name`` in the order of its file (for classes whose order means
    something: the weekdays, Monday first)."""
    path = ROOT / lang / "words" / f"{name}.txt"
    if not path.is_file():
        raise NewsEventsError(f"no word class {name!r} for language {lang!r}: expected {path}; "
                              f"the classes are {', '.join(classes(lang))}")
    out: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word and word not in out:
            out.append(word)
    return tuple(out)


def classes(lang: str = DEFAULT) -> list[str]:
    """The names of the word classes a language has."""
    return sorted(p.stem for p in (ROOT / lang / "words").glob("*.txt"))

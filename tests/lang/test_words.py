"""The English word classes (``newsevents/lang/en/words``): each defined once, as data.

(a) every class file loads and lists no word twice; (b) no two classes are the same set;
(c) no module of the package spells, as a literal set, tuple or list of four or more
lower-case words, a class or a part of one (it should ask ``words(name)`` instead).
"""
from __future__ import annotations

import ast
import itertools
from pathlib import Path

import pytest

from newsevents.lang import ROOT, classes, words

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "newsevents"
WORDS = ROOT / "en" / "words"

# Modules others are still moving to the classes (issue 19: 19a does coding/events.py, the lead
# nlp/dates.py and nlp/places.py, read/dates.py): their literals are not checked yet.
# The lead shrinks this list at merge, as each module asks ``words(name)`` instead.
NOT_YET: set[str] = set()  # (modules still spelling a class: none left)


def _lines(name: str) -> list[str]:
    out = []
    for line in (WORDS / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            out.append(word)
    return out


@pytest.mark.parametrize("name", classes())
def test_each_class_loads_without_repeats(name):
    listed = _lines(name)
    assert listed, f"{name}.txt is empty"
    repeated = sorted(w for w, n in itertools.groupby(sorted(listed)) if len(list(n)) > 1)
    assert not repeated, f"{name}.txt lists {repeated} more than once"
    assert words(name) == frozenset(listed)
    assert all(w == w.lower() for w in listed), f"{name}.txt: the classes are lower case"


def test_no_two_classes_are_the_same_set():
    by_set: dict[frozenset[str], str] = {}
    for name in classes():
        other = by_set.setdefault(words(name), name)
        assert other == name, f"{other}.txt and {name}.txt are the same class"


def _word_literals(tree: ast.AST):
    """(line, words) of each set, tuple or list literal of 4+ lower-case words in ``tree``
    (also a dict's keys, and ``set("a b c".split())``)."""
    for node in ast.walk(tree):
        elts = None
        if isinstance(node, (ast.Set, ast.Tuple, ast.List)):
            elts = node.elts
        elif isinstance(node, ast.Dict):  # a table keyed by words ({"monday": 0, ...})
            elts = [k for k in node.keys if k is not None]
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "split"
              and isinstance(node.func.value, ast.Constant) and isinstance(node.func.value.value, str)):
            yield node.lineno, frozenset(node.func.value.value.split())
            continue
        if elts is None or len(elts) < 4:
            continue
        if all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in elts):
            found = frozenset(e.value for e in elts)  # type: ignore[attr-defined]
            if all(w and w == w.lower() and any(c.isalpha() for c in w) for w in found):
                yield node.lineno, found


def test_no_module_spells_a_class_again():
    known = {name: words(name) for name in classes()}
    spelled = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel in NOT_YET:
            continue
        for lineno, found in _word_literals(ast.parse(path.read_text(encoding="utf-8"))):
            if len(found) < 4:
                continue
            for name, members in known.items():
                if found <= members:
                    spelled.append(f"{rel}:{lineno} spells {sorted(found)[:6]}... of class {name!r}")
    assert not spelled, "ask words(name) instead:\n" + "\n".join(spelled)


def test_the_check_finds_a_spelled_class():
    """The scan of ``test_no_module_spells_a_class_again`` does see a literal class."""
    source = ('DAYS = {"monday", "tuesday", "wednesday", "thursday"}\n'
              'X = set("friday saturday sunday monday".split())\n'
              'Y = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3}\n')
    found = [f for _, f in _word_literals(ast.parse(source))]
    assert all(f <= words("weekdays") for f in found) and len(found) == 3

"""CAMEO and PLOVER classes, read once from ``ontology/cameo_classes.tsv``.

A class is a named set of CAMEO code prefixes ("violent" = 18 19 20) or PLOVER types
("cooperation"), or a mapping ("penta": CAMEO root → PentaClass label). Code asks for a
class by name and never spells its codes::

    from newsevents.ontology import classes
    if code.startswith(classes.codes("violent")): ...
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from ..errors import DictionaryError

FILE = "cameo_classes.tsv"


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, ...]]:
    path = resources.files("newsevents.ontology") / FILE
    table: dict[str, tuple[str, ...]] = {}
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("class\t"):
            continue
        cols = line.split("\t")
        if len(cols) != 3 or not cols[0] or not cols[1].split():
            raise DictionaryError(str(path), lineno, "expected 3 tab-separated columns: class, members, comment")
        if cols[0] in table:
            raise DictionaryError(str(path), lineno, f"class {cols[0]!r} is defined twice; keep one row")
        table[cols[0]] = tuple(cols[1].split())
    return table


def codes(name: str) -> tuple[str, ...]:
    """The members of class ``name`` in table order (CAMEO code prefixes or PLOVER types)."""
    table = _table()
    if name not in table:
        raise KeyError(f"no CAMEO class {name!r} in ontology/{FILE}; the classes are {', '.join(table)}")
    return table[name]


def mapping(name: str) -> dict[str, str]:
    """A class whose members are ``KEY=VALUE`` pairs, as a dict."""
    out: dict[str, str] = {}
    for member in codes(name):
        key, sep, value = member.partition("=")
        if not sep:
            raise KeyError(f"class {name!r} of ontology/{FILE} is no mapping: {member!r} has no '='")
        out[key] = value
    return out


def names() -> list[str]:
    """All class names, in table order."""
    return list(_table())

"""Country names ↔ ISO 3166-1 alpha-3 codes for filters typed by people
(``country=Russia`` → ``RUS``), read once from the gazetteer's country rows
(``data/gazetteer.tsv.gz``: name, ISO3, aliases, ISO2) and the code table of
``resolve.codes``."""
from __future__ import annotations

import gzip
import re
from functools import lru_cache
from importlib import resources

_NORM = re.compile(r"[^a-z0-9]+")


def _key(text: str) -> str:
    return _NORM.sub(" ", text.lower()).strip()


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    """(lookup key → ISO3, ISO3 → display name)."""
    from .resolve.codes import COUNTRY_NAMES

    lookup: dict[str, str] = {}
    names: dict[str, str] = dict(COUNTRY_NAMES)
    for iso3, name in COUNTRY_NAMES.items():
        lookup.setdefault(_key(name), iso3)
    path = resources.files("newsevents") / "data" / "gazetteer.tsv.gz"
    with gzip.open(str(path), "rt", encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("C\t"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 9:
                continue
            name, iso3 = cols[2], cols[3]
            names.setdefault(iso3, name)
            lookup[_key(name)] = iso3
            for alias in cols[8].split("|"):
                if alias and len(alias) > 3:
                    lookup.setdefault(_key(alias), iso3)
    return lookup, names


def country_code(text: str) -> str | None:
    """The ISO3 code for a code or a name (``"rus"``, ``"Russia"``, ``"Russian Federation"``),
    or None when it is neither."""
    raw = text.strip()
    if not raw:
        return None
    lookup, names = _tables()
    if len(raw) == 3 and raw.isalpha() and raw.upper() in names:
        return raw.upper()
    return lookup.get(_key(raw))


def country_name(iso3: str) -> str | None:
    """The display name of an ISO3 code (``"RUS"`` → ``"Russia"``), or None."""
    return _tables()[1].get(iso3.strip().upper())


def resolve_countries(values: list[str] | None) -> list[str] | None:
    """Each value as an ISO3 code; raises ``ValueError`` naming a value that is neither a
    code nor a known country name."""
    if not values:
        return values
    out = []
    for value in values:
        code = country_code(value)
        if code is None:
            if len(value.strip()) == 3 and value.strip().isalpha():
                code = value.strip().upper()  # an unlisted code (CAMEO's own): kept as given
            else:
                raise ValueError(f"country: {value!r} is neither an ISO 3166 alpha-3 code nor a "
                                 "country name we know (try the code, e.g. RUS, or the English "
                                 "name, e.g. Russia)")
        out.append(code)
    return out

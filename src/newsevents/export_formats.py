"""Exports in the field's own column layouts: GDELT 2.0's event table and ICEWS's events.

One row per event cluster (``store/clusters.py``): the cluster's report with the smallest
event id stands for it, and GDELT's NumMentions / NumSources / NumArticles are the
cluster's reports, distinct publishers and distinct articles. Column lists and types are
data (``data/export_formats.json``), Goldstein values too (``data/cameo_goldstein.tsv``);
README, "Exports in the field's formats", maps every column and says what stays empty.
"""
from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date, datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import IO, Any

from .resolve.codes import country_name, country_of

FIELD_FORMATS = ("gdelt", "icews")
Pair = tuple[Mapping[str, Any], Mapping[str, Any]]  # (public record, context)


@lru_cache(maxsize=1)
def layouts() -> dict[str, Any]:
    """``data/export_formats.json``: the column lists (name, type) and code tables."""
    path = resources.files("newsevents") / "data" / "export_formats.json"
    return json.loads(path.read_text(encoding="utf-8"))


def columns(fmt: str) -> list[tuple[str, str]]:
    """The (name, type) columns of ``gdelt`` (61) or ``icews`` (20), in order."""
    key = {"gdelt": "gdelt_events_2_0", "icews": "icews_events"}[fmt]
    return [(name, kind) for name, kind in layouts()[key]]


@lru_cache(maxsize=1)
def _goldstein_table() -> dict[str, float]:
    path = resources.files("newsevents") / "data" / "cameo_goldstein.tsv"
    table: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and not line.startswith("cameo\t"):
            code, value = line.split("\t")
            table[code] = float(value)
    return table


def goldstein(cameo: str) -> float | None:
    """The published Goldstein value of a CAMEO code (else of its base, then root code)."""
    table = _goldstein_table()
    for code in (cameo, cameo[:3], cameo[:2]):
        if code in table:
            return table[code]
    return None


def quad_class(cameo: str) -> int | None:
    """1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."""
    value = layouts()["quad_class_by_root"].get(cameo[:2])
    return int(value) if value is not None else None


def numeric_id(event_id: str) -> int:
    """An integer id (< 2**60) from the hexadecimal ``event_id``."""
    return int(event_id[:15], 16)


def story_id(article_id: str) -> int:
    """An integer id (< 2**60) of an article, from a hash of its id."""
    return numeric_id(hashlib.sha1(article_id.encode("utf-8", "surrogatepass")).hexdigest())


def actor_parts(code: str | None) -> dict[str, str | None]:
    """Split a CAMEO actor code: country, known group and up to three type codes."""
    out: dict[str, str | None] = {"country": None, "group": None, "types": None}
    if not code:
        return out
    chunks = [code[i: i + 3] for i in range(0, len(code), 3)]
    if country_of(chunks[0])[0]:
        out["country"] = chunks.pop(0)
    types = set(layouts()["cameo_type_codes"])
    out["types"] = ",".join(c for c in chunks if c in types) or None
    out["group"] = next((c for c in chunks if c not in types), None)
    return out


# how well a report dates its event: a day before a month, ... , an unknown date last
_PRECISION_RANK = {"day": 0, "month": 1, "year": 2, "before": 3, "unknown": 4}


def _best(group: list[Pair]) -> Pair:
    """The report that stands for its cluster: the best-dated one, a body sentence before a
    title, then the first (the smallest event id)."""
    return min(group, key=lambda p: (_PRECISION_RANK.get(p[0].get("date_precision") or "unknown", 4),
                                     (p[0].get("sentence_index") or 0) < 0))


def representatives(pairs: Iterable[Pair]) -> Iterator[Pair]:
    """One report for each cluster (pairs come grouped by cluster): the best dated
    (``_best``); a report without a cluster stands for itself."""
    group: list[Pair] = []
    for rec, ctx in pairs:
        cid = rec.get("cluster_id")
        if group and (cid is None or cid != group[0][0].get("cluster_id")):
            yield _best(group)
            group = []
        if cid is None:
            yield rec, ctx
        else:
            group.append((rec, ctx))
    if group:
        yield _best(group)


# ---------------------------------------------------------------------------- dates


def _day(rec: Mapping[str, Any], ctx: Mapping[str, Any]) -> date | None:
    for value in (rec.get("date"), ctx.get("published")):
        if value:
            try:
                return date.fromisoformat(str(value)[:10])
            except ValueError:
                continue
    coded = ctx.get("coded_at")
    return coded.date() if isinstance(coded, datetime) else None


def _added(ctx: Mapping[str, Any]) -> str | None:
    coded = ctx.get("coded_at")
    return coded.strftime("%Y%m%d%H%M%S") if isinstance(coded, datetime) else None


# ---------------------------------------------------------------------------- GDELT


def _gdelt_actor(actor: Mapping[str, Any] | None) -> list[Any]:
    if actor is None:
        return [None] * 10
    parts = actor_parts(actor.get("code"))
    types: list[str | None] = list((parts["types"] or "").split(",")) if parts["types"] else []
    types += [None] * (3 - len(types))
    name = actor.get("name") or actor.get("text")
    return [actor.get("code"), name.upper() if name else None,
            parts["country"] or actor.get("country"), parts["group"], None, None, None,
            *types[:3]]


def _gdelt_geo(place: Mapping[str, Any] | None) -> list[Any]:
    if place is None:
        return [None] * 8
    if place.get("geonameid") is None and place.get("lat") is None:
        kind = 1  # a country (or a place we could not locate): GDELT's type 1
    else:
        kind = 3 if place.get("country") == "USA" else 4  # a city or landmark
    return [kind, place.get("name"), None, None, None, place.get("lat"), place.get("lon"),
            place.get("geonameid")]


def gdelt_row(rec: Mapping[str, Any], ctx: Mapping[str, Any]) -> list[Any]:
    """One GDELT 2.0 event row (61 values) for a report and its context."""
    cameo = str(rec["cameo"])
    day = _day(rec, ctx)
    return [
        numeric_id(rec["event_id"]),
        day.strftime("%Y%m%d") if day else None,
        day.strftime("%Y%m") if day else None,
        day.year if day else None,
        round(day.year + (day.month * 30 + day.day) / 365, 4) if day else None,
        *_gdelt_actor(rec.get("source")),
        *_gdelt_actor(rec.get("target")),
        1 if rec.get("sentence_index") == 0 else 0,
        cameo, cameo[:3], cameo[:2],
        quad_class(cameo),
        goldstein(cameo),
        ctx.get("reports") or 1, ctx.get("sources") or 1, ctx.get("articles") or 1,
        None,  # AvgTone: no tone analysis
        *_gdelt_geo(None), *_gdelt_geo(None),  # actors' own places are not located
        *_gdelt_geo(rec.get("location")),
        _added(ctx),
        ctx.get("url") or rec.get("article_id"),
    ]


# ---------------------------------------------------------------------------- ICEWS


def _sectors(actor: Mapping[str, Any] | None) -> str | None:
    if actor is None:
        return None
    types = actor_parts(actor.get("code"))["types"]
    return types or actor.get("sector")


def _country(actor: Mapping[str, Any] | None) -> str | None:
    code = (actor or {}).get("country")
    return country_name(code) or code if code else None


def _event_text(cameo: str) -> str | None:
    """The CAMEO code's name (``data/plover.tsv``), else its root's name."""
    return _plover_descriptions().get(cameo) or layouts()["cameo_root_names"].get(cameo[:2])


@lru_cache(maxsize=1)
def _plover_descriptions() -> dict[str, str]:
    path = resources.files("newsevents") / "data" / "plover.tsv"
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) == 5 and not line.startswith("#") and cols[4] and ":" not in cols[4]:
            out[cols[0]] = cols[4]
    return out


def icews_row(rec: Mapping[str, Any], ctx: Mapping[str, Any]) -> list[Any]:
    """One ICEWS event row (20 values) for a report and its context."""
    cameo = str(rec["cameo"])
    day = _day(rec, ctx)
    src, tgt, place = rec.get("source"), rec.get("target"), rec.get("location")
    return [
        numeric_id(rec["event_id"]),
        day.isoformat() if day else None,
        (src or {}).get("name") or (src or {}).get("text"),
        _sectors(src),
        _country(src),
        _event_text(cameo),
        cameo,
        goldstein(cameo),
        (tgt or {}).get("name") or (tgt or {}).get("text"),
        _sectors(tgt),
        _country(tgt),
        story_id(rec["article_id"]),
        rec.get("sentence_index"),
        ctx.get("source"),
        (place or {}).get("name") if place and place.get("geonameid") is not None else None,
        None,  # District: no administrative levels in the gazetteer
        None,  # Province
        _country(place),
        (place or {}).get("lat"),
        (place or {}).get("lon"),
    ]


# ---------------------------------------------------------------------------- write


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    return str(value).replace("\t", " ").replace("\r", " ").replace("\n", " ")


@contextmanager
def _out(out: str | Path | None) -> Iterator[IO[str]]:
    if out is None or str(out) == "-":
        yield sys.stdout
        sys.stdout.flush()
    else:
        with open(out, "w", encoding="utf-8", newline="") as fh:
            yield fh


def write_field_format(pairs: Iterable[Pair], out: str | Path | None, fmt: str) -> int:
    """Write GDELT (no header, as GDELT's files) or ICEWS (a header row) tab-separated rows,
    one per cluster, to ``out`` (None or "-": standard output). Returns the rows written."""
    if fmt not in FIELD_FORMATS:
        raise ValueError(f"unknown format {fmt!r}; accepted: {', '.join(FIELD_FORMATS)}")
    make = gdelt_row if fmt == "gdelt" else icews_row
    n = 0
    with _out(out) as fh:
        if fmt == "icews":
            fh.write("\t".join(name for name, _ in columns(fmt)) + "\n")
        for rec, ctx in representatives(pairs):
            fh.write("\t".join(_cell(v) for v in make(rec, ctx)) + "\n")
            n += 1
    return n

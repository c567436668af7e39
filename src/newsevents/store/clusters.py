"""Event clusters: the reports (events) of one real-world event, across articles.

Two reports are of the same event when every rule of ``RULES`` holds (each a small
function; thresholds in ``data/cluster_rules.json``):

* ``same_dyad``: the same source and target (codes equal, a country and one of its
  actors: ``RUS`` / ``RUSGOV``, or a code and its refinement by role codes:
  ``COLGOV`` / ``COLGOVMIL``; but not ``PSEREB`` / ``PSEREBHMS``, another group); either direction for symmetric acts (meet, cooperate,
  fight: ``symmetric_roots``);
* ``compatible_action``: the same CAMEO root, or the same PLOVER type;
* ``same_polarity``: both negated or neither;
* ``dates_within_window``: day dates at most ``day_window`` days apart; a month (year)
  date and another date in the same month (year); "before D" dates from ``before_days``
  before D to D; no date: only within one article;
* ``compatible_places``: the places' countries agree (or one is unknown);
* ``similar_wording``: where the dates are coarse (not both day dates) or a side is
  unknown, the sentences share words (Jaccard of stemmed content words >= ``min_wording``).

Clusters are the connected components of "same event" within a block (``cluster_key``:
the action group of the CAMEO root -- roots linked by a PLOVER type -- + the two actors'
countries), so they do not depend on the order the reports
came in; a cluster's id is derived from its smallest ``event_id``. ``Store.save()``
clusters its new reports in the same transaction (``recluster``), so new articles join
existing clusters; it reads only the stored reports within a new report's date reach (one
row per wording: the copies in a big cluster are one candidate) and the summary columns of
the clusters they join, so its cost does not grow with the store. PostgreSQL writers lock
the blocks first.
"""
from __future__ import annotations

import hashlib
import itertools
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any, Callable
from urllib.parse import urlsplit

from sqlalchemy import Connection, and_, bindparam, delete, func, insert, or_, select, update

from .schema import articles, clusters, events

_CHUNK = 500
_PRECISION_RANK = {"day": 0, "before": 0, "unknown": 0, "month": 1, "year": 2}


@dataclass(frozen=True)
class Rules:
    """The thresholds of ``data/cluster_rules.json``."""

    symmetric_roots: frozenset[str]
    refinement_codes: frozenset[str]
    day_window: int
    before_days: int
    min_wording: float
    min_word_length: int
    stem_length: int
    stopwords: frozenset[str]


@lru_cache(maxsize=1)
def rules() -> Rules:
    """The clustering thresholds, read once from ``data/cluster_rules.json``."""
    path = resources.files("newsevents") / "data" / "cluster_rules.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    try:
        return Rules(
            symmetric_roots=frozenset(raw["symmetric_roots"]),
            refinement_codes=frozenset(raw["refinement_codes"]),
            day_window=int(raw["day_window"]),
            before_days=int(raw["before_days"]),
            min_wording=float(raw["min_wording"]),
            min_word_length=int(raw["min_word_length"]),
            stem_length=int(raw["stem_length"]),
            stopwords=frozenset(raw["stopwords"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"{path}: bad clustering rules ({exc!r}); see README, Event clusters") from exc


# ------------------------------------------------------------------------- reports


def _actor_part(actor: Mapping[str, Any] | None) -> str:
    if not actor:
        return "-"
    code = actor.get("code") or ""
    if len(code) >= 3:
        return code[:3]
    name = actor.get("name") or actor.get("text") or ""
    return "~" + name.strip().lower() if name.strip() else "-"


@lru_cache(maxsize=1)
def action_groups() -> dict[str, str]:
    """CAMEO root -> its action group: the roots linked by a shared PLOVER type
    (``data/plover.tsv``: 02 and 10 are both REQUEST; 17-20 share ASSAULT / COERCE)."""
    path = resources.files("newsevents") / "data" / "plover.tsv"
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    by_type: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith(("#", "cameo\t")) or len(cols) < 2 or not cols[1]:
            continue
        root = cols[0][:2]
        first = by_type.setdefault(cols[1], root)
        parent[find(root)] = find(first)
    groups: dict[str, list[str]] = {}
    for root in list(parent):
        groups.setdefault(find(root), []).append(root)
    return {root: "+".join(sorted(members)) for members in groups.values() for root in members}


def cluster_key(record: Mapping[str, Any]) -> str:
    """The block of a public record: the action group of its CAMEO root + the actors'
    countries (sorted for symmetric acts). Reports in different blocks are never the
    same event."""
    root = str(record.get("cameo") or "")[:2]
    group = action_groups().get(root, root)
    src, tgt = _actor_part(record.get("source")), _actor_part(record.get("target"))
    if set(group.split("+")) & rules().symmetric_roots and tgt < src:
        src, tgt = tgt, src
    return f"{group}|{src}|{tgt}"


_WORD = re.compile(r"[^\W\d_]+")


def words(sentence: str) -> frozenset[str]:
    """The stemmed content words of a sentence (lower case, stopwords left out)."""
    r = rules()
    return frozenset(
        w[: r.stem_length]
        for w in _WORD.findall(sentence.lower())
        if len(w) >= r.min_word_length and w not in r.stopwords
    )


@dataclass(frozen=True)
class Report:
    """What the rules read of one stored event."""

    event_id: str
    article_id: str
    cameo: str
    plover_type: str | None
    source: tuple[str, str]  # (code, lower-case name), "" for unknown
    target: tuple[str, str]
    date: date | None
    precision: str
    country: str | None  # the place's country
    negated: bool
    sentence: str

    @cached_property
    def words(self) -> frozenset[str]:
        """The sentence's stemmed content words (computed when a rule first asks)."""
        return words(self.sentence)

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Report:
        """From an ``events`` row (or a mapping with its column names)."""
        return cls(
            event_id=row["event_id"],
            article_id=row["article_id"],
            cameo=str(row["cameo"]),
            plover_type=row["plover_type"] or None,
            source=_side(row, "source"),
            target=_side(row, "target"),
            date=_date(row["date"]),
            precision=row["date_precision"] or "unknown",
            country=row["location_country"] or None,
            negated=bool(row["negated"]),
            sentence=row["sentence"] or "",
        )


def _side(row: Mapping[str, Any], prefix: str) -> tuple[str, str]:
    if row[f"{prefix}_text"] is None:
        return ("", "")
    return (row[f"{prefix}_code"] or "", (row[f"{prefix}_name"] or "").strip().lower())


def _date(value: Any) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


# --------------------------------------------------------------------------- rules


def _actors_match(a: tuple[str, str], b: tuple[str, str]) -> bool:
    if a[0] and b[0]:
        if a[0] == b[0]:
            return True
        short, long_ = sorted((a[0], b[0]), key=len)
        if not long_.startswith(short) or len(short) < 3:
            return False
        if len(short) == 3:
            return True  # a country and one of its actors
        added = [long_[i: i + 3] for i in range(len(short), len(long_), 3)]
        return all(c in rules().refinement_codes for c in added)  # COLGOV / COLGOVMIL
    if a[1] and b[1]:
        return a[1] == b[1]
    return a == b  # both unknown


def same_dyad(a: Report, b: Report) -> bool:
    """The same source and target; either way round for symmetric acts."""
    if _actors_match(a.source, b.source) and _actors_match(a.target, b.target):
        return True
    symmetric = {a.cameo[:2], b.cameo[:2]} <= rules().symmetric_roots
    return symmetric and _actors_match(a.source, b.target) and _actors_match(a.target, b.source)


def compatible_action(a: Report, b: Report) -> bool:
    """The same CAMEO root (042 'visit' and 043 'host' are one meeting), or the same PLOVER
    type (020 'appeal' and 100 'demand' are both REQUEST)."""
    return a.cameo[:2] == b.cameo[:2] or (a.plover_type is not None
                                          and a.plover_type == b.plover_type)


def same_polarity(a: Report, b: Report) -> bool:
    """Both negated or neither ('met' and 'did not meet' are not one event)."""
    return a.negated == b.negated


def _coarse(x: Report) -> int:
    return _PRECISION_RANK.get(x.precision, 0)


def dates_within_window(a: Report, b: Report) -> bool:
    """The dates may be the same day, at the coarser of the two precisions."""
    da, db = a.date, b.date
    if da is None or db is None:
        return da is None and db is None and a.article_id == b.article_id
    level = max(_coarse(a), _coarse(b))
    if level == 2:
        return da.year == db.year
    if level == 1:
        return (da.year, da.month) == (db.year, db.month)
    r = rules()
    gap = (da - db).days
    if a.precision == "before" and b.precision != "before":
        return -r.day_window <= gap <= r.before_days  # b on or before a's date, not long before
    if b.precision == "before" and a.precision != "before":
        return -r.day_window <= -gap <= r.before_days
    return abs(gap) <= r.day_window


def compatible_places(a: Report, b: Report) -> bool:
    """The places' countries agree, or one of them is unknown."""
    return a.country is None or b.country is None or a.country == b.country


def wording(a: Report, b: Report) -> float:
    """Jaccard similarity of the two sentences' stemmed content words."""
    union = a.words | b.words
    return len(a.words & b.words) / len(union) if union else 1.0


def similar_wording(a: Report, b: Report) -> bool:
    """Where date or dyad are vague (coarse dates, an unknown side), the sentences must
    share words; two day-dated reports of a full dyad need not."""
    vague = (
        max(_coarse(a), _coarse(b)) > 0
        or a.date is None
        or not (a.source[0] or a.source[1])
        or not (a.target[0] or a.target[1])
    )
    return not vague or wording(a, b) >= rules().min_wording


Rule = Callable[[Report, Report], bool]
RULES: tuple[Rule, ...] = (
    compatible_action,
    same_dyad,
    same_polarity,
    dates_within_window,
    compatible_places,
    similar_wording,
)


def failed_rule(a: Report, b: Report) -> str | None:
    """The name of the first rule that tells the two reports apart (None: same event)."""
    for rule in RULES:
        if not rule(a, b):
            return rule.__name__
    return None


def same_event(a: Report, b: Report) -> bool:
    """Every rule holds: the two reports tell of one real-world event."""
    return failed_rule(a, b) is None


# ----------------------------------------------------------------------- clustering


def cluster_id(event_ids: Iterable[str]) -> str:
    """A cluster's id, from the smallest event id among its reports."""
    return "c-" + hashlib.sha1(min(event_ids).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def candidate_pairs(reports: Sequence[Report]) -> Iterator[tuple[int, int]]:
    """Index pairs (i < j or any order) that ``dates_within_window`` may accept: day dates
    at most ``day_window`` apart, and every pair with a coarse, "before" or missing date.
    Day-dated reports of other days are never compared (a block over years costs a
    comparison per pair of the same day, not per pair of the block)."""
    window = rules().day_window
    by_day: dict[date, list[int]] = {}
    loose: list[int] = []
    for i, r in enumerate(reports):
        if r.date is not None and _coarse(r) == 0 and r.precision != "before":
            by_day.setdefault(r.date, []).append(i)
        else:
            loose.append(i)
    days = sorted(by_day)
    for n, day in enumerate(days):
        group = by_day[day]
        yield from itertools.combinations(group, 2)
        for later in days[n + 1:]:
            if (later - day).days > window:
                break
            yield from itertools.product(group, by_day[later])
    seen_loose: set[int] = set()
    for i in loose:
        seen_loose.add(i)
        yield from ((i, j) for j in range(len(reports)) if j not in seen_loose)


def _pairs_with(reports: Sequence[Report], fresh: Sequence[int]) -> Iterator[tuple[int, int]]:
    """The pairs of ``candidate_pairs`` that hold a report of ``fresh``."""
    window = rules().day_window
    by_day: dict[date, list[int]] = {}
    loose: list[int] = []
    for i, r in enumerate(reports):
        if r.date is not None and _coarse(r) == 0 and r.precision != "before":
            by_day.setdefault(r.date, []).append(i)
        else:
            loose.append(i)
    for i in fresh:
        r = reports[i]
        if r.date is None or _coarse(r) != 0 or r.precision == "before":
            others: Iterable[int] = range(len(reports))
        else:
            near = (by_day.get(r.date + timedelta(days=k), []) for k in range(-window, window + 1))
            others = itertools.chain(*near, loose)
        yield from ((i, j) for j in others if j != i)


def assign(reports: Sequence[Report], settled: Mapping[str, str] | None = None) -> dict[str, str]:
    """event_id -> cluster_id: the connected components of ``same_event`` (the reports of
    one block). The same reports in any order give the same ids. ``settled``: event_id -> the
    stored cluster of reports whose cluster no deletion has changed; stored clusters are
    closed, so the reports of one are one component already and two of them are never
    compared: only pairs with a report that is not settled are."""
    ordered = sorted(reports, key=lambda r: r.event_id)
    parent = list(range(len(ordered)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    settled = settled or {}
    first: dict[str, int] = {}
    for i, r in enumerate(ordered):
        if (cid := settled.get(r.event_id)) is not None:
            parent[i] = first.setdefault(cid, i)
    pairs = candidate_pairs(ordered) if not settled else \
        _pairs_with(ordered, [i for i, r in enumerate(ordered) if r.event_id not in settled])
    for i, j in pairs:
        a, b = find(i), find(j)
        if a != b and same_event(ordered[i], ordered[j]):
            parent[max(a, b)] = min(a, b)
    groups: dict[int, list[str]] = {}
    for i, r in enumerate(ordered):
        groups.setdefault(find(i), []).append(r.event_id)
    return {eid: cluster_id(ids) for ids in groups.values() for eid in ids}


def _seen(row: Mapping[str, Any]) -> str | None:
    published = row["published"]
    if published:
        return str(published)[:10]
    coded = row["coded_at"]
    return coded.date().isoformat() if isinstance(coded, datetime) else None


def _article_identity(row: Mapping[str, Any]) -> str:
    url = (row["url"] or "").strip()
    if url:
        parts = urlsplit(url)
        return (parts.netloc.lower().removeprefix("www.") + parts.path.rstrip("/")) or url
    return "id:" + row["article_id"]


def _publisher(row: Mapping[str, Any]) -> str:
    source = (row["source"] or "").strip().lower()
    if source:
        return source
    host = urlsplit((row["url"] or "").strip()).netloc.lower().removeprefix("www.")
    return host or "article:" + _article_identity(row)


def summarize(cid: str, key: str, rows: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The ``clusters`` row of one cluster from its reports' rows (events + articles)."""
    dates = sorted(str(r["date"])[:10] for r in rows if r["date"])
    seen = sorted(s for r in rows if (s := _seen(r)))
    codes = Counter(str(r["cameo"]) for r in rows)
    return {
        "cluster_id": cid,
        "cluster_key": key,
        "date": dates[0] if dates else None,
        "first_seen": seen[0] if seen else None,
        "last_seen": seen[-1] if seen else None,
        "reports": len(rows),
        "articles": len({_article_identity(r) for r in rows}),
        "sources": len({_publisher(r) for r in rows}),
        "cameo": min(codes, key=lambda c: (-codes[c], c)),
    }


# ---------------------------------------------------------------------------- store

_e = events.c
_a = articles.c
# What the rules read of a stored report (``Report.from_row``): a candidate's "signature".
_SIGNATURE = (
    _e.cluster_key, _e.cluster_id, _e.cameo, _e.plover_type, _e.date, _e.date_precision,
    _e.location_country, _e.negated, _e.sentence, _e.source_text, _e.source_code, _e.source_name,
    _e.target_text, _e.target_code, _e.target_name,
)
# What ``summarize`` reads of a cluster's reports.
_SUMMARY_COLUMNS = (
    _e.cluster_id, _e.article_id, _e.cameo, _e.date, _a.published, _a.url, _a.source, _a.coded_at,
)


def _lock_blocks(conn: Connection, keys: Sequence[str]) -> None:
    """PostgreSQL: one transaction-scoped advisory lock per block, in sorted order, so that
    concurrent writers (``--workers``, Dask) never cluster one block at the same time.
    SQLite's ``BEGIN IMMEDIATE`` already serialises writers."""
    if conn.dialect.name != "postgresql":
        return
    for key in keys:
        n = int(hashlib.sha1(("cluster:" + key).encode("utf-8", "surrogatepass")).hexdigest()[:15], 16)
        conn.execute(select(func.pg_advisory_xact_lock(n)))


def _rows(conn: Connection, *conds: Any) -> list[dict[str, Any]]:
    stmt = select(_e.event_id, _e.article_id, *_SIGNATURE).where(*conds)
    return [dict(r) for r in conn.execute(stmt).mappings()]


def _distinct_rows(conn: Connection, *conds: Any) -> list[dict[str, Any]]:
    """One row per signature of a stored cluster (the smallest event id standing for it):
    reports the rules cannot tell apart are one candidate, however many copies a big
    cluster holds."""
    stmt = (select(func.min(_e.event_id).label("event_id"), func.min(_e.article_id).label("article_id"),
                   *_SIGNATURE).where(*conds).group_by(*_SIGNATURE))
    return [dict(r) for r in conn.execute(stmt).mappings()]


def _rows_in(conn: Connection, column: Any, values: Iterable[str], *conds: Any) -> list[dict[str, Any]]:
    wanted = sorted(set(values))
    out: list[dict[str, Any]] = []
    for i in range(0, len(wanted), _CHUNK):
        out += _rows(conn, column.in_(wanted[i: i + _CHUNK]), *conds)
    return out


# Stored reports dated in [first, end) -- of any precision (None), of one coarse precision
# ("month", "year"), "before", or "day" (any other precision a date can have, with the same
# rank as a day: day, unknown, none).
_Span = tuple[str, str, "str | None"]
_NOT_DAYS = ("before", "month", "year")


def _days(d: date, back: int, ahead: int) -> tuple[str, str]:
    return (d - timedelta(days=back)).isoformat(), (d + timedelta(days=ahead + 1)).isoformat()


def _reach(report: Report) -> list[_Span]:
    """The date spans of the stored reports that ``dates_within_window`` may accept with
    ``report``. A day date: the days within ``day_window`` of it, the "before" dates from it to
    ``before_days`` after it, and the reports dated only by its month or its year; a "before"
    date D: the day dates from ``before_days`` before D to ``day_window`` after it, the "before"
    dates within ``day_window``, its month's and its year's; a month date, its month and the
    reports dated only by its year; a year date, its whole year. An undated report meets only
    the reports of its own article, which are saved with it."""
    d = report.date
    if d is None:
        return []
    year = d.replace(month=1, day=1)
    next_year = year.replace(year=d.year + 1).isoformat()
    level = _coarse(report)
    if level == 2:
        return [(year.isoformat(), next_year, None)]
    by_year = (year.isoformat(), next_year, "year")
    month = d.replace(day=1)
    next_month = (month + timedelta(days=31)).replace(day=1).isoformat()
    if level == 1:
        return [(month.isoformat(), next_month, None), by_year]
    r = rules()
    if report.precision == "before":
        near = [(*_days(d, r.before_days, r.day_window), "day"), (*_days(d, r.day_window, r.day_window), "before")]
    else:
        near = [(*_days(d, r.day_window, r.day_window), "day"), (*_days(d, r.day_window, r.before_days), "before")]
    return [*near, (month.isoformat(), next_month, "month"), by_year]


def _within(span: _Span) -> Any:
    first, end, precision = span
    dated = and_(_e.date >= first, _e.date < end)
    if precision is None:
        return dated
    if precision == "day":
        return and_(or_(_e.date_precision.is_(None), _e.date_precision.not_in(_NOT_DAYS)), dated)
    return and_(_e.date_precision == precision, dated)


def _candidates(conn: Connection, seeds: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The stored rows of the seeds' blocks within their reach (``_reach``): the only
    stored reports a seed can be the same event as (indexes ``ix_events_cluster_key`` and
    ``ix_events_cluster_precision``). One query per block and merged span: three query
    shapes in all, compiled once (a query of many spans OR-ed had a shape of its own for
    nearly every save: compiled each time, it cost more than the rest of the saving)."""
    spans: dict[str, set[_Span]] = {}
    for row in seeds:
        spans.setdefault(row["cluster_key"], set()).update(_reach(Report.from_row(row)))
    out: list[dict[str, Any]] = []
    for key, found in sorted(spans.items()):
        for span in _merged(found):
            out += _distinct_rows(conn, _e.cluster_key == key, _within(span))
    return out


def _merged(spans: Iterable[_Span]) -> list[_Span]:
    """The spans of each precision with the overlapping or touching ones joined."""
    out: list[_Span] = []
    for first, end, precision in sorted(spans, key=lambda s: (s[2] or "", s[0], s[1])):
        if out and out[-1][2] == precision and first <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]), precision)
        else:
            out.append((first, end, precision))
    return out


def _assign_by_block(rows: Iterable[Mapping[str, Any]], settled: Mapping[str, str] | None = None
                     ) -> dict[str, str]:
    blocks: dict[str, list[Report]] = {}
    for row in rows:
        blocks.setdefault(row["cluster_key"], []).append(Report.from_row(row))
    return {eid: cid for reports in blocks.values() for eid, cid in assign(reports, settled).items()}


def _closure(conn: Connection, seeds: Iterable[str], lost: set[str]
             ) -> tuple[list[dict[str, Any]], dict[str, str], dict[str, str]]:
    """The rows the new reports ``seeds`` and the rest of the ``lost`` clusters (the
    "anchors"), their new cluster ids, and the stored clusters they join (old id -> new id):
    the same clusters as clustering the whole blocks would give, read from a small part of
    them. Stored clusters are closed (no stored report is the same event as one outside its
    cluster), so a cluster changes only through a seed: the rows read are the seeds, the
    lost clusters and one row per signature of the stored reports within a seed's date
    reach; a joined cluster is read only for its smallest event id (its new id may be it)."""
    rows: dict[str, dict[str, Any]] = {}
    new = _rows_in(conn, _e.event_id, seeds)
    for found in (new, _rows_in(conn, _e.cluster_id, lost), _candidates(conn, new)):
        rows.update((r["event_id"], r) for r in found if r["event_id"] not in rows)
    anchors = {r["event_id"] for r in new} | {e for e, r in rows.items() if r["cluster_id"] in lost}
    settled = {e: r["cluster_id"] for e, r in rows.items() if r["cluster_id"] and e not in anchors}
    ids = _assign_by_block(rows.values(), settled)
    wanted = {ids[e] for e in anchors}
    joined = {cid: ids[e] for e, cid in settled.items() if ids[e] in wanted}
    smallest = {ids[e]: e for e in sorted(anchors, reverse=True)}
    for cid, first in _first_members(conn, joined):
        smallest[joined[cid]] = min(smallest[joined[cid]], first)
    final = {c: cluster_id([e]) for c, e in smallest.items()}
    return ([rows[e] for e in anchors], {e: final[ids[e]] for e in anchors},
            {cid: final[c] for cid, c in joined.items()})


def _first_members(conn: Connection, cids: Iterable[str]) -> list[tuple[str, str]]:
    """(cluster id, its smallest event id) of stored clusters."""
    wanted = sorted(set(cids))
    out: list[tuple[str, str]] = []
    for i in range(0, len(wanted), _CHUNK):
        stmt = (select(_e.cluster_id, func.min(_e.event_id))
                .where(_e.cluster_id.in_(wanted[i: i + _CHUNK])).group_by(_e.cluster_id))
        out += [(str(c), str(e)) for c, e in conn.execute(stmt)]
    return out


def recluster(conn: Connection, keys: Iterable[str | None], seeds: Iterable[str],
              lost: Iterable[str | None] = ()) -> None:
    """Cluster the new reports ``seeds`` and the rest of the clusters that ``lost`` reports
    (inside the caller's write transaction): the clusters they belong to now get their ids
    (``cluster_id`` set where it changed) and their ``clusters`` rows; the old rows of the
    clusters they came from go."""
    wanted = sorted({k for k in keys if k is not None})
    lost_ids = {c for c in lost if c is not None}
    if not wanted:
        return
    _lock_blocks(conn, wanted)
    anchors, ids, joined = _closure(conn, seeds, lost_ids)
    old = lost_ids | set(joined) | {r["cluster_id"] for r in anchors if r["cluster_id"]}
    _write(conn, anchors, ids, old, joined)


def _write(conn: Connection, members: Sequence[Mapping[str, Any]], ids: Mapping[str, str],
           old: set[str], joined: Mapping[str, str] | None = None) -> None:
    """Set the members' new cluster ids, move the reports of the ``joined`` clusters (old id
    -> new id) and replace the ``clusters`` rows ``old`` by those of the new clusters."""
    changed = [{"eid": r["event_id"], "cid": ids[r["event_id"]]} for r in members
               if r["cluster_id"] != ids[r["event_id"]]]
    if changed:
        conn.execute(update(events).where(_e.event_id == bindparam("eid"))
                     .values(cluster_id=bindparam("cid")), changed)
    moved = [{"old": o, "cid": c} for o, c in sorted((joined or {}).items()) if o != c]
    if moved:
        conn.execute(update(events).where(_e.cluster_id == bindparam("old"))
                     .values(cluster_id=bindparam("cid")), moved)
    now = sorted(set(ids.values()))
    gone = sorted(old | set(now))
    for i in range(0, len(gone), _CHUNK):
        conn.execute(delete(clusters).where(clusters.c.cluster_id.in_(gone[i: i + _CHUNK])))
    for i in range(0, len(now), _CHUNK):
        _insert_summaries(conn, now[i: i + _CHUNK])


def _insert_summaries(conn: Connection, cids: Sequence[str]) -> None:
    """The ``clusters`` rows of the clusters ``cids``, from all their reports."""
    stmt = (select(*_SUMMARY_COLUMNS, _e.cluster_key).join_from(events, articles, _e.article_id == _a.id)
            .where(_e.cluster_id.in_(cids)))
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in conn.execute(stmt).mappings():
        groups.setdefault(r["cluster_id"], []).append(dict(r))
    if groups:
        conn.execute(insert(clusters), [summarize(cid, rows[0]["cluster_key"], rows)
                                        for cid, rows in sorted(groups.items())])


_KEY_COLUMNS = (
    _e.event_id, _e.cameo, _e.source_text, _e.source_code, _e.source_name,
    _e.target_text, _e.target_code, _e.target_name,
)


def _key_of_row(row: Mapping[str, Any]) -> str:
    def actor(prefix: str) -> dict[str, Any] | None:
        if row[f"{prefix}_text"] is None:
            return None
        return {"code": row[f"{prefix}_code"], "name": row[f"{prefix}_name"],
                "text": row[f"{prefix}_text"]}

    return cluster_key({"cameo": row["cameo"], "source": actor("source"),
                        "target": actor("target")})


def rebuild(conn: Connection) -> int:
    """Set every event's ``cluster_key`` and ``cluster_id`` and refill ``clusters`` (the
    backfill of migration 0004). Returns the number of clusters."""
    keys = []
    for row in conn.execute(select(*_KEY_COLUMNS)).mappings().all():
        keys.append({"eid": row["event_id"], "key": _key_of_row(dict(row))})
    if keys:
        conn.execute(update(events).where(_e.event_id == bindparam("eid"))
                     .values(cluster_key=bindparam("key")), keys)
    conn.execute(delete(clusters))
    everything = _rows(conn)
    _write(conn, everything, _assign_by_block(everything), set())
    return int(conn.execute(select(func.count()).select_from(clusters)).scalar_one())

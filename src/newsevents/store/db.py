"""``Store``: the event database (SQLite file or PostgreSQL), through SQLAlchemy 2.x Core.

Every statement is a SQLAlchemy expression; the only literal SQL is the SQLite
connection set-up (PRAGMAs, ``BEGIN [IMMEDIATE]``), applied only to SQLite engines.

SQLite: WAL journal, a busy timeout and ``BEGIN IMMEDIATE`` for writes, so two
processes can code into the same file; foreign keys on.
"""
from __future__ import annotations

import calendar
import importlib.util
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Connection,
    String,
    and_,
    create_engine,
    delete,
    distinct,
    event,
    func,
    insert,
    inspect,
    literal,
    or_,
    select,
    union_all,
    update,
)
from sqlalchemy.dialects import postgresql as pg_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from ..errors import StoreError
from ..models import SCHEMA_VERSION, Article, Event
from ..read.clean import clean_text
from . import clusters as event_clusters
from . import rollups
from .records import (
    actor_identity,
    article_to_row,
    as_record,
    record_to_row,
    row_to_article,
    row_to_record,
)
from .schema import (
    SCHEMA_REVISION,
    STORE_VERSION,
    actors,
    alembic_version,
    articles,
    create_if_empty,
    events,
    lock_schema,
    rollup_daily,
    rollup_day_type,
    schema_info,
)

BUSY_TIMEOUT_S = 30
_CHUNK = 500  # ids per IN (...) list; well under every database's parameter limit
_YIELD_PER = 1000

EQUALITY_FILTERS = (
    "country",
    "sector",
    "plover_type",
    "cameo_root",
    "location_country",
    "modality",
    "article_id",
)
EVENT_FILTERS = (
    "date_from",
    "date_to",
    "actor",
    "source",
    "target",
    "country",
    "sector",
    "plover_type",
    "cameo_root",
    "location_country",
    "negated",
    "modality",
    "q",
    "article_id",
)
PAGING = ("limit", "offset", "sort")
ROLLUP_FILTERS = ("date_from", "date_to", "plover_type", "cameo_root", "modality")
"""The filters ``rollup_daily`` answers (any other filter: the events table)."""

_e = events.c
SORT_COLUMNS = {
    "date": _e.date,
    "article_id": _e.article_id,
    "event_id": _e.event_id,
    "confidence": _e.confidence,
    "cameo": _e.cameo,
    "plover_type": _e.plover_type,
    "source_name": _e.source_name,
    "target_name": _e.target_name,
    "source_country": _e.source_country,
    "target_country": _e.target_country,
    "location_country": _e.location_country,
    "modality": _e.modality,
}
"""Accepted ``sort`` values (``-name`` sorts descending)."""

DEFAULT_ORDER = (_e.article_id, _e.sentence_index, _e.trigger_start, _e.event_id)


# --------------------------------------------------------------------------- URLs


def normalize_url(url: str | Path) -> str:
    """``sqlite:///x.db`` / ``postgresql://...`` as given; a bare path becomes SQLite.

    ``postgresql://`` without a driver picks psycopg 3 when installed, else psycopg2.
    """
    text = str(url).strip()
    if not text:
        raise StoreError("empty database URL")
    if text == ":memory:":
        return "sqlite://"
    if "://" not in text:
        path = Path(text).expanduser().resolve()
        return "sqlite:///" + path.as_posix()
    if text.startswith("postgres://"):
        text = "postgresql://" + text[len("postgres://"):]
    if text.startswith("postgresql://"):
        # SQLAlchemy's default driver differs between versions (2.0: psycopg2,
        # 2.1: psycopg 3): name the one that is installed.
        for module, driver in (("psycopg", "psycopg"), ("psycopg2", "psycopg2")):
            if importlib.util.find_spec(module) is not None:
                text = f"postgresql+{driver}://" + text[len("postgresql://"):]
                break
    return text


def _make_engine(url: str) -> Engine:
    u = make_url(url)
    if u.get_backend_name() != "sqlite":
        return create_engine(u, pool_pre_ping=True)

    memory = u.database in (None, "", ":memory:")
    if memory:
        engine = create_engine(
            u, poolclass=StaticPool, connect_args={"check_same_thread": False}
        )
    else:
        Path(str(u.database)).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(u, connect_args={"timeout": BUSY_TIMEOUT_S})

    @event.listens_for(engine, "connect")
    def _sqlite_connect(dbapi_conn, _record):  # pragma: no cover - exercised via engine
        # Let SQLAlchemy's "begin" event below issue BEGIN itself (pysqlite's own
        # transaction handling defers it and cannot do BEGIN IMMEDIATE).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA busy_timeout = 30000")
        cur.execute("PRAGMA foreign_keys = ON")
        if not memory:
            cur.execute("PRAGMA journal_mode = WAL")
            cur.execute("PRAGMA synchronous = NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _sqlite_begin(conn):  # pragma: no cover - exercised via engine
        # Writers take the write lock up front: a deferred transaction that reads
        # first and writes later fails at once (SQLITE_BUSY) under WAL when another
        # process committed in between, whatever the busy timeout.
        if conn.get_execution_options().get("newsevents_write"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")

    return engine


def _stored_revision(conn: Connection) -> str | None:
    """The Alembic revision the database is stamped with, read as Alembic would (None: no
    ``alembic_version`` table, or not exactly one row in it)."""
    if not inspect(conn).has_table(alembic_version.name):
        return None
    found = conn.execute(select(alembic_version.c.version_num)).scalars().all()
    return found[0] if len(found) == 1 else None


# ------------------------------------------------------------------------ filters


def _storable(row: dict[str, Any]) -> dict[str, Any]:
    """``row`` with NULs and lone surrogates in its strings replaced (``read.clean``): PostgreSQL
    refuses NUL in text and UTF-8 cannot encode a surrogate, so either would abort the batch."""
    for key, value in row.items():
        if isinstance(value, str):
            row[key] = clean_text(value)
    return row


def _chunks(seq: Sequence[Any], n: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(seq), n):
        yield seq[i : i + n]


_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _bound_date(value: Any, name: str, end: bool) -> str:
    """A full ISO date for a ``date_from`` / ``date_to`` bound (YYYY and YYYY-MM allowed)."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    m = _DATE_RE.match(text[:10] if len(text) > 10 and text[10] in "T " else text)
    if not m:
        raise ValueError(f"{name}: expected an ISO date YYYY-MM-DD (or YYYY-MM, YYYY), got {value!r}")
    year = int(m.group(1))
    month = int(m.group(2) or (12 if end else 1))
    if m.group(3):
        day = int(m.group(3))
    else:
        day = calendar.monthrange(year, month)[1] if end else 1
    try:
        return date(year, month, day).isoformat()
    except ValueError as exc:
        raise ValueError(f"{name}: invalid date {value!r}: {exc}") from None


def _bool(value: Any, name: str) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "y", "t"):
        return True
    if text in ("0", "false", "no", "n", "f"):
        return False
    raise ValueError(f"{name}: expected true or false, got {value!r}")


def _values(value: Any, name: str) -> list[str]:
    """One value or a list of them, as strings, normalised for ``name``."""
    items = list(value) if isinstance(value, (list, tuple, set, frozenset)) else [value]
    out = []
    for item in items:
        text = str(item) if name == "article_id" else str(item).strip()
        if name == "cameo_root":
            if isinstance(item, int):
                text = f"{item:02d}"
            if not re.fullmatch(r"\d{2}", text):
                raise ValueError(f"cameo_root: expected two digits such as '04', got {item!r}")
        elif name in ("country", "sector", "plover_type", "location_country"):
            text = text.upper()
        elif name == "modality":
            text = text.lower()
        out.append(text)
    return out


def _int(value: Any, name: str) -> int:
    try:
        n = int(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name}: expected a non-negative integer, got {value!r}") from None
    if n < 0:
        raise ValueError(f"{name}: expected a non-negative integer, got {value!r}")
    return n


def event_conditions(filters: Mapping[str, Any]) -> list:
    """SQLAlchemy conditions on ``events`` for the filters (None values are ignored)."""
    unknown = set(filters) - set(EVENT_FILTERS) - set(PAGING)
    if unknown:
        raise TypeError(
            f"unknown event filter(s): {', '.join(sorted(unknown))}; "
            f"accepted: {', '.join(EVENT_FILTERS + PAGING)}"
        )
    e = events.c
    conds: list = []

    def given(name: str) -> Any:
        v = filters.get(name)
        return None if v is None or v == "" else v

    if (v := given("date_from")) is not None:
        conds.append(e.date >= _bound_date(v, "date_from", end=False))
    if (v := given("date_to")) is not None:
        conds.append(e.date <= _bound_date(v, "date_to", end=True))
    if (v := given("actor")) is not None:
        needle = str(v)
        conds.append(
            or_(
                *(
                    col.icontains(needle, autoescape=True)
                    for col in (e.source_name, e.source_text, e.target_name, e.target_text)
                )
            )
        )
    for role in ("source", "target"):  # a dyad: "source=Russia&target=Ukraine"
        if (v := given(role)) is not None:
            conds.append(or_(*(e[f"{role}_{part}"].icontains(str(v), autoescape=True)
                               for part in ("name", "text", "code"))))
    for name, cols in (
        ("country", (e.source_country, e.target_country)),
        ("sector", (e.source_sector, e.target_sector)),
        ("plover_type", (e.plover_type,)),
        ("cameo_root", (e.cameo_root,)),
        ("location_country", (e.location_country,)),
        ("modality", (e.modality,)),
        ("article_id", (e.article_id,)),
    ):
        if (v := given(name)) is None:
            continue
        vals = _values(v, name)
        parts = [col.in_(vals) if len(vals) > 1 else col == vals[0] for col in cols]
        conds.append(or_(*parts) if len(parts) > 1 else parts[0])
    if (v := given("negated")) is not None:
        conds.append(e.negated == _bool(v, "negated"))
    if (v := given("q")) is not None:
        conds.append(e.sentence.icontains(str(v), autoescape=True))
    return conds


def _given(filters: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in filters.items()
            if k not in PAGING and v is not None and not (isinstance(v, str) and v == "")}


def daily_conditions(filters: Mapping[str, Any], table=rollup_daily) -> list | None:
    """Conditions on ``table`` (``rollup_daily``, or ``rollup_day_type``)
    equivalent to ``event_conditions(filters)``, or None when a filter is not one the
    table has (``ROLLUP_FILTERS``; without CAMEO root and modality for
    ``rollup_day_type``). Bad filters raise as in ``event_conditions``."""
    event_conditions(filters)  # the same validation, the same errors
    given = _given(filters)
    allowed = set(ROLLUP_FILTERS)
    if table is rollup_day_type:
        allowed -= {"cameo_root", "modality"}
    if set(given) - allowed:
        return None
    d = table.c
    conds: list = []
    if "date_from" in given:
        conds.append(d.date >= _bound_date(given["date_from"], "date_from", end=False))
    if "date_to" in given:
        conds.append(d.date <= _bound_date(given["date_to"], "date_to", end=True))
    for name in ("plover_type", "cameo_root", "modality"):
        if name in given and name in d:
            vals = _values(given[name], name)
            conds.append(d[name].in_(vals) if len(vals) > 1 else d[name] == vals[0])
    return conds


def has_filters(filters: Mapping[str, Any]) -> bool:
    """True if any event filter (not paging) is given."""
    event_conditions(filters)
    return bool(_given(filters))


def _order_by(sort: Any) -> list:
    keys: list = []
    if sort:
        names = sort if isinstance(sort, (list, tuple)) else str(sort).split(",")
        for raw in names:
            name = str(raw).strip()
            desc = name.startswith("-")
            name = name.lstrip("-+")
            col = SORT_COLUMNS.get(name)
            if col is None:
                raise ValueError(
                    f"sort: unknown column {name!r}; accepted: "
                    f"{', '.join(SORT_COLUMNS)} (prefix '-' for descending)"
                )
            # Nulls last in both directions, the same on every database.
            keys.append(col.is_(None))
            keys.append(col.desc() if desc else col.asc())
    keys.extend(DEFAULT_ORDER)
    return keys


# -------------------------------------------------------------------------- store


class Store:
    """The event database. ``Store("events.db")``, ``Store("postgresql://...")``."""

    def __init__(self, url: str | Path):
        self.url = normalize_url(url)
        try:
            self._display = make_url(self.url).render_as_string(hide_password=True)
        except ArgumentError as exc:
            raise StoreError(f"invalid database URL {str(url)!r}: {exc}") from exc
        try:
            self.engine = _make_engine(self.url)
        except (SQLAlchemyError, OSError, ImportError) as exc:
            raise StoreError(f"cannot open database {self._display}: {exc}") from exc
        try:
            self._init_schema()
        except BaseException:
            self.engine.dispose()
            raise

    def __repr__(self) -> str:
        return f"Store({self._display!r})"

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    # ------------------------------------------------------------- internals

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """One write transaction (SQLite: BEGIN IMMEDIATE); rolled back on any error."""
        with self.engine.connect() as conn:
            conn.execution_options(newsevents_write=True)
            with conn.begin():
                yield conn

    def _error(self, action: str, exc: BaseException) -> StoreError:
        detail = getattr(exc, "orig", None) or exc
        return StoreError(f"cannot {action} ({self._display}): {detail}")

    def _init_schema(self) -> None:
        """Create the tables in a new database, upgrade an older one (Alembic,
        ``store/migrations``), and check the layout family in ``schema_info``."""
        for attempt in range(2):
            try:
                with self.engine.connect() as conn:
                    # Fast path, read only, without Alembic (0.2 s to import): already at the
                    # newest revision.
                    if _stored_revision(conn) == SCHEMA_REVISION and self._check_layout(conn):
                        return
                with self._write() as conn:
                    lock_schema(conn)
                    # a new database is created without Alembic too; any other goes through it
                    if not create_if_empty(conn, self._display):
                        try:
                            from . import migrations
                        except ImportError as exc:  # pragma: no cover - a broken install
                            raise StoreError(f"cannot open databases without Alembic ({exc}): "
                                             "pip install alembic") from exc
                        migrations.upgrade(conn, self._display)
                    if not self._check_layout(conn):
                        conn.execute(
                            insert(schema_info),
                            [
                                {"key": "store_version", "value": STORE_VERSION},
                                {"key": "schema_version", "value": SCHEMA_VERSION},
                            ],
                        )
                return
            except SQLAlchemyError as exc:
                # A first failure may be a concurrent creation by another process;
                # try once more.
                if attempt:
                    raise self._error("open the database", exc) from exc

    def _check_layout(self, conn: Connection) -> bool:
        """True if ``schema_info`` names this layout family, False if it has no row;
        a StoreError for another family."""
        found = conn.execute(
            select(schema_info.c.value).where(schema_info.c.key == "store_version")
        ).scalar()
        if found is not None and found != STORE_VERSION:
            raise StoreError(
                f"database {self._display} has store layout version {found}, "
                f"this newsevents uses {STORE_VERSION}"
            )
        return found is not None

    def _upsert(self, conn: Connection, table, rows: list[dict], keys: list[str], *,
                update_rest: bool) -> None:
        """Insert rows; on a key conflict update the other columns (or skip them)."""
        if not rows:
            return
        name = conn.dialect.name
        if name in ("sqlite", "postgresql"):
            ins = (sqlite_dialect if name == "sqlite" else pg_dialect).insert(table)
            if update_rest:
                rest = {c.name: ins.excluded[c.name] for c in table.columns if c.name not in keys}
                stmt = ins.on_conflict_do_update(index_elements=keys, set_=rest)
            else:
                stmt = ins.on_conflict_do_nothing(index_elements=keys)
            conn.execute(stmt, rows)
            return
        # Portable fallback for other databases: look up, then update or insert.
        for row in rows:
            where = and_(*(table.c[k] == row[k] for k in keys))
            exists = conn.execute(select(literal(1)).select_from(table).where(where)).first()
            if exists is None:
                conn.execute(insert(table), [row])
            elif update_rest:
                conn.execute(
                    update(table).where(where).values({k: v for k, v in row.items() if k not in keys})
                )

    def _insert_events(self, conn: Connection, rows: list[dict]) -> None:
        if rows:
            conn.execute(insert(events), rows)

    def _insert_actors(self, conn: Connection, identities: list[tuple[str, str, str, str]]) -> None:
        rows = [dict(zip(("name", "country", "sector", "code"), ident)) for ident in identities]
        self._upsert(conn, actors, rows, ["name", "country", "sector", "code"], update_rest=False)

    # ----------------------------------------------------------------- writing

    def save(self, batch: Iterable[tuple[Article, Sequence[Event | Mapping[str, Any]]]]) -> None:
        """Store a batch of coded articles in ONE transaction.

        Each article is upserted by id, its old events deleted and the new ones
        inserted, so re-coding an article replaces its events; the rollup tables
        (``store/rollups.py``) are updated by the difference in the same transaction. Any failure rolls the
        whole batch back and raises ``StoreError`` (database errors) or the original
        exception. An article given twice in a batch: the last one wins.
        """
        by_id: dict[str, tuple[Article, list[dict[str, Any]]]] = {}
        for article, evs in batch:
            records = [as_record(ev) for ev in evs]
            for rec in records:
                if rec.get("article_id") != article.id:
                    raise StoreError(
                        f"event {rec.get('event_id')} belongs to article "
                        f"{rec.get('article_id')!r}, not to {article.id!r}"
                    )
            by_id[article.id] = (article, records)
        if not by_id:
            return

        now = datetime.now(timezone.utc)
        # Sorted: concurrent writers lock articles in the same order (PostgreSQL).
        by_id = dict(sorted(by_id.items()))
        article_rows = [_storable(article_to_row(a, now)) for a, _ in by_id.values()]
        records = [rec for _, recs in by_id.values() for rec in recs]
        event_rows = [_storable(record_to_row(rec)) for rec in records]
        identities = sorted(
            {
                ident
                for rec in records
                for side in ("source", "target")
                if (ident := actor_identity(rec.get(side))) is not None
            }
        )
        ids = list(by_id)
        deltas = rollups.new_deltas()
        rollups.add(deltas, event_rows, +1)
        touched = {row["cluster_key"] for row in event_rows}  # blocks to cluster again
        lost: set[str | None] = set()  # the clusters of the replaced events
        try:
            with self._write() as conn:
                self._upsert(conn, articles, article_rows, ["id"], update_rest=True)
                for chunk in _chunks(ids):
                    # The rollups lose exactly what this transaction deletes.
                    gone = delete(events).where(events.c.article_id.in_(chunk))
                    if conn.dialect.delete_returning:
                        old = [dict(r) for r in conn.execute(gone.returning(
                            *rollups.SOURCE_COLUMNS, events.c.cluster_key,
                            events.c.cluster_id)).mappings()]
                        rollups.add(deltas, old, -1)
                    else:  # pragma: no cover - a database without DELETE RETURNING
                        old = [dict(r) for r in conn.execute(
                            select(*rollups.SOURCE_COLUMNS, events.c.cluster_key, events.c.cluster_id)
                            .where(events.c.article_id.in_(chunk)).with_for_update()).mappings()]
                        rollups.add(deltas, old, -1)
                        conn.execute(gone)
                    touched.update(r["cluster_key"] for r in old)
                    lost.update(r["cluster_id"] for r in old)
                self._insert_events(conn, event_rows)
                self._insert_actors(conn, identities)
                rollups.apply(conn, deltas)
                event_clusters.recluster(conn, touched, [r["event_id"] for r in event_rows], lost)
        except SQLAlchemyError as exc:
            dups = [eid for eid, n in Counter(r["event_id"] for r in event_rows).items() if n > 1]
            hint = f"; duplicate event_id in the batch: {', '.join(dups[:5])}" if dups else ""
            err = self._error(f"save a batch of {len(ids)} article(s)", exc)
            raise StoreError(f"{err}{hint}; nothing of the batch was saved") from exc

    # ----------------------------------------------------------------- reading

    def known_hashes(self, article_ids: Iterable[str] | None = None) -> dict[str, str]:
        """article id -> ``Article.content_hash`` of the stored version (for incremental runs)."""
        a = articles.c
        out: dict[str, str] = {}
        try:
            with self.engine.connect() as conn:
                if article_ids is None:
                    for row in conn.execute(select(a.id, a.content_hash)):
                        out[row.id] = row.content_hash
                else:
                    wanted = list(dict.fromkeys(article_ids))
                    for chunk in _chunks(wanted):
                        stmt = select(a.id, a.content_hash).where(a.id.in_(chunk))
                        for row in conn.execute(stmt):
                            out[row.id] = row.content_hash
        except SQLAlchemyError as exc:
            raise self._error("read article hashes", exc) from exc
        return out

    def select_events(self, **filters: Any):
        """The SELECT for ``iter_events`` (filters, sort, limit, offset applied)."""
        conds = event_conditions(filters)
        stmt = select(events).where(*conds).order_by(*_order_by(filters.get("sort")))
        if filters.get("limit") is not None:
            stmt = stmt.limit(_int(filters["limit"], "limit"))
        if filters.get("offset") is not None:
            offset = _int(filters["offset"], "offset")
            if offset:
                stmt = stmt.offset(offset)
        return stmt

    def iter_events(self, **filters: Any) -> Iterator[dict[str, Any]]:
        """Public records matching the filters, streamed, ordered by article_id,
        sentence_index, trigger start (or by ``sort`` first).

        Filters: date_from, date_to, actor, country, sector, plover_type, cameo_root,
        location_country, negated, modality, q, article_id; limit, offset, sort.
        Bad filters raise ``TypeError``/``ValueError`` here, before any iteration.
        """
        stmt = self.select_events(**filters)
        return self._stream(stmt)

    def _stream(self, stmt) -> Iterator[dict[str, Any]]:
        try:
            with self.engine.connect() as conn:
                result = conn.execution_options(yield_per=_YIELD_PER).execute(stmt)
                for row in result.mappings():
                    yield row_to_record(row)
        except SQLAlchemyError as exc:
            raise self._error("read events", exc) from exc

    def count_events(self, *, at_most: int | None = None, **filters: Any) -> int:
        """How many events match the filters (limit, offset and sort are ignored).

        ``at_most``: stop counting after ``at_most + 1`` matches (a result above
        ``at_most`` means "more than ``at_most``"); bounds the cost of a count that
        cannot use an index (the ``q`` text search scans the sentences).
        """
        conds = event_conditions(filters)
        if at_most is not None:
            matches = (select(literal(1).label("one")).select_from(events).where(*conds)
                       .limit(_int(at_most, "at_most") + 1).subquery("matches"))
            stmt = select(func.count()).select_from(matches)
        else:
            stmt = select(func.count()).select_from(events).where(*conds)
        try:
            with self.engine.connect() as conn:
                return int(conn.execute(stmt).scalar_one())
        except SQLAlchemyError as exc:
            raise self._error("count events", exc) from exc

    def get_event(self, event_id: str) -> dict[str, Any] | None:
        try:
            with self.engine.connect() as conn:
                row = conn.execute(
                    select(events).where(events.c.event_id == str(event_id))
                ).mappings().first()
        except SQLAlchemyError as exc:
            raise self._error("read an event", exc) from exc
        return row_to_record(row) if row is not None else None

    def get_cluster(self, cluster_id: str) -> dict[str, Any] | None:
        """A cluster's row (``clusters`` table: first/last seen, reports, articles,
        sources) and ``event_ids``, its reports in article order; None if unknown."""
        c = event_clusters.clusters.c
        try:
            with self.engine.connect() as conn:
                row = conn.execute(select(event_clusters.clusters)
                                   .where(c.cluster_id == str(cluster_id))).mappings().first()
                if row is None:
                    return None
                ids = conn.execute(select(events.c.event_id)
                                   .where(events.c.cluster_id == str(cluster_id))
                                   .order_by(*DEFAULT_ORDER)).scalars().all()
        except SQLAlchemyError as exc:
            raise self._error("read a cluster", exc) from exc
        return {**{k: row[k] for k in row.keys() if k != "cluster_key"}, "event_ids": list(ids)}

    def cluster_reports(self, cluster_id: str, *, limit: int = 100) -> list[dict[str, Any]]:
        """The public records of a cluster's reports, in article order (at most ``limit``)."""
        stmt = (select(events).where(events.c.cluster_id == str(cluster_id))
                .order_by(*DEFAULT_ORDER).limit(_int(limit, "limit")))
        return list(self._stream(stmt))

    def iter_cluster_reports(self, **filters: Any) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
        """(public record, context) of the events matching the filters, ordered by cluster
        then event id (a cluster's reports together, its smallest event id first).
        ``context``: the article's ``url``, ``source``, ``published``, ``coded_at`` and the
        cluster's ``reports``, ``articles``, ``sources`` (None without a cluster)."""
        a, c = articles.c, event_clusters.clusters.c
        extra = (a.url.label("ctx_url"), a.source.label("ctx_source"),
                 a.published.label("ctx_published"), a.coded_at.label("ctx_coded_at"),
                 c.reports.label("ctx_reports"), c.articles.label("ctx_articles"),
                 c.sources.label("ctx_sources"))
        stmt = (select(events, *extra)
                .join_from(events, articles, events.c.article_id == a.id)
                .outerjoin(event_clusters.clusters, events.c.cluster_id == c.cluster_id)
                .where(*event_conditions(filters))
                .order_by(events.c.cluster_id.is_(None), events.c.cluster_id, events.c.event_id))
        try:
            with self.engine.connect() as conn:
                result = conn.execution_options(yield_per=_YIELD_PER).execute(stmt)
                for mapping in result.mappings():
                    row = dict(mapping)
                    ctx = {k[4:]: row[k] for k in row if k.startswith("ctx_")}
                    yield row_to_record(row), ctx
        except SQLAlchemyError as exc:
            raise self._error("read events", exc) from exc

    def count_clusters(self, **filters: Any) -> int:
        """How many clusters (real-world events) have a report matching the filters."""
        conds = event_conditions(filters)
        stmt = select(func.count(distinct(events.c.cluster_id))).where(*conds)
        try:
            with self.engine.connect() as conn:
                return int(conn.execute(stmt).scalar_one())
        except SQLAlchemyError as exc:
            raise self._error("count clusters", exc) from exc

    def get_article(self, article_id: str) -> dict[str, Any] | None:
        """The stored article's fields (with ``content_hash``, ``coded_at``) + ``events``."""
        try:
            with self.engine.connect() as conn:
                row = conn.execute(
                    select(articles).where(articles.c.id == str(article_id))
                ).mappings().first()
                if row is None:
                    return None
                out = row_to_article(row)
                stmt = (
                    select(events)
                    .where(events.c.article_id == str(article_id))
                    .order_by(*DEFAULT_ORDER)
                )
                out["events"] = [row_to_record(r) for r in conn.execute(stmt).mappings()]
        except SQLAlchemyError as exc:
            raise self._error("read an article", exc) from exc
        return out

    def count_articles(self) -> int:
        try:
            with self.engine.connect() as conn:
                return int(conn.execute(select(func.count()).select_from(articles)).scalar_one())
        except SQLAlchemyError as exc:
            raise self._error("count articles", exc) from exc

    def _actor_counts(self, q: str | None, country: str | None):
        e = events.c

        def side(prefix: str):
            cols = [func.coalesce(e[f"{prefix}_{k}"], "").label(k)
                    for k in ("name", "country", "sector", "code")]
            return select(e.event_id, *cols).where(e[f"{prefix}_text"].is_not(None))

        u = union_all(side("source"), side("target")).subquery("mentions")
        counts = (
            select(u.c.name, u.c.country, u.c.sector, u.c.code,
                   func.count(distinct(u.c.event_id)).label("events"))
            .group_by(u.c.name, u.c.country, u.c.sector, u.c.code)
            .subquery("counts")
        )
        a = actors.c
        stmt = select(a.name, a.country, a.sector, a.code, counts.c.events).join_from(
            actors,
            counts,
            and_(a.name == counts.c.name, a.country == counts.c.country,
                 a.sector == counts.c.sector, a.code == counts.c.code),
        )
        if q:
            stmt = stmt.where(or_(a.name.icontains(q, autoescape=True),
                                  a.code.icontains(q, autoescape=True)))
        if country:
            stmt = stmt.where(a.country == str(country).strip().upper())
        return stmt, counts

    def actors(self, limit: int | None = 100, offset: int = 0, *, q: str | None = None,
               country: str | None = None) -> list[dict[str, Any]]:
        """Distinct actors of the stored events, most frequent first:
        ``{"name", "country", "sector", "code", "events"}`` (events = how many events
        have the actor as source or target). ``q``: substring of name or code."""
        stmt, counts = self._actor_counts(q, country)
        a = actors.c
        stmt = stmt.order_by(counts.c.events.desc(), a.name, a.country, a.sector, a.code)
        if limit is not None:
            stmt = stmt.limit(_int(limit, "limit"))
        if offset:
            stmt = stmt.offset(_int(offset, "offset"))
        try:
            with self.engine.connect() as conn:
                rows = conn.execute(stmt).mappings().all()
        except SQLAlchemyError as exc:
            raise self._error("read actors", exc) from exc
        return [
            {
                "name": r["name"] or None,
                "country": r["country"] or None,
                "sector": r["sector"] or None,
                "code": r["code"] or None,
                "events": int(r["events"]),
            }
            for r in rows
        ]

    def count_actors(self, *, q: str | None = None, country: str | None = None) -> int:
        stmt, _ = self._actor_counts(q, country)
        try:
            with self.engine.connect() as conn:
                return int(conn.execute(
                    select(func.count()).select_from(stmt.subquery())).scalar_one())
        except SQLAlchemyError as exc:
            raise self._error("count actors", exc) from exc

    def stats(self, *, use_rollups: bool = True, **filters: Any) -> dict[str, Any]:
        """Summary numbers of the (filtered) events: ``articles`` and ``actors`` (all),
        ``events``, ``date_min``, ``date_max``, counts ``by_plover_type``,
        ``by_cameo_root``, ``by_modality`` (most first).

        Answered from ``rollup_daily`` when every filter is one it has
        (``ROLLUP_FILTERS``), else from ``events`` (``use_rollups=False``: always);
        both give the same numbers."""
        conds = event_conditions(filters)
        daily = daily_conditions(filters) if use_rollups else None
        e = events.c
        names = ("plover_type", "cameo_root", "modality")
        try:
            with self.engine.connect() as conn:
                if daily is None:
                    src, n = events, func.count()
                    cols = {"date": e.date, "plover_type": e.plover_type,
                            "cameo_root": e.cameo_root, "modality": e.modality}
                    n_events, dmin, dmax = conn.execute(
                        select(n, func.min(e.date), func.max(e.date))
                        .select_from(events).where(*conds)
                    ).one()

                    def by(name: str) -> dict[Any, int]:
                        col = cols[name]
                        stmt = (select(col, n).select_from(src).where(*conds)
                                .group_by(col).order_by(n.desc(), col))
                        return {k: int(c) for k, c in conn.execute(stmt)}

                    found = {name: by(name) for name in names}
                else:
                    # One pass over the rollup: its (type, root, modality) groups,
                    # then each breakdown from those few rows, ordered by the database
                    # exactly as the events query orders them.
                    d = rollup_daily.c
                    g = (select(*(d[k] for k in names), func.sum(d.n).label("n"),
                                func.min(d.date).label("dmin"), func.max(d.date).label("dmax"))
                         .where(d.n > 0, *daily).group_by(*(d[k] for k in names))
                         .cte("groups"))
                    summed = func.sum(g.c.n)
                    parts = [select(literal(i).label("part"), g.c[k].label("value"),
                                    summed.label("n"), literal(None, String).label("dmin"),
                                    literal(None, String).label("dmax")).group_by(g.c[k])
                             for i, k in enumerate(names)]
                    parts.append(select(literal(len(names)), literal(None, String), summed,
                                        func.min(g.c.dmin), func.max(g.c.dmax)))
                    u = union_all(*parts).subquery("parts")
                    rows = conn.execute(
                        select(u).order_by(u.c.part, u.c.n.desc(), u.c.value)).all()
                    found = {name: {} for name in names}
                    n_events, dmin, dmax = 0, None, None
                    for part, value, k, lo, hi in rows:
                        if part == len(names):
                            n_events, dmin, dmax = k, lo, hi
                        elif k:
                            found[names[part]][value] = int(k)
                out = {
                    "articles": int(conn.execute(
                        select(func.count()).select_from(articles)).scalar_one()),
                    "events": int(n_events or 0),
                    "actors": int(conn.execute(
                        select(func.count()).select_from(actors)).scalar_one()),
                    "date_min": dmin,
                    "date_max": dmax,
                    "by_plover_type": found["plover_type"],
                    "by_cameo_root": found["cameo_root"],
                    "by_modality": found["modality"],
                }
        except SQLAlchemyError as exc:
            raise self._error("compute statistics", exc) from exc
        return out

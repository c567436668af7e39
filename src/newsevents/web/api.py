"""The JSON API under ``/api``: events (filtered, paged, exported), articles, actors,
statistics, and ``POST /api/articles`` to code and store an article."""
from __future__ import annotations

import csv
import hashlib
import io
import itertools
import json
from collections.abc import Iterator
from typing import Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import StreamingResponse
from pydantic import Field, ValidationError

from ..errors import ReadError
from ..export import CSV_COLUMNS, csv_row, parquet_schema, parquet_table
from ..models import Article as ArticleModel
from ..store import Store, analytics
from . import schemas
from .auth import HOW_TO_WRITE, local_token_for, require_token

router = APIRouter(prefix="/api", responses=schemas.ERROR_RESPONSES)

MAX_PAGE = 1000
EXPORT_FORMATS = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "jsonl": ("application/x-ndjson; charset=utf-8", "jsonl"),
    "parquet": ("application/vnd.apache.parquet", "parquet"),
}
_FORMAT_ALIASES = {"ndjson": "jsonl", "jsonlines": "jsonl", "pq": "parquet"}
_STREAM_ROWS = 1000  # records per streamed chunk (csv, jsonl)
_PARQUET_GROUP = 10_000
# The largest offset a database takes (a 64-bit integer); more was a 500 (SQLite) or 503.
MAX_OFFSET = 2**63 - 1


def _store(request: Request) -> Store:
    return request.app.state.store


def _cache(request: Request) -> analytics.QueryCache:
    return request.app.state.cache


def _multi(values: list[str] | None) -> list[str] | None:
    """Repeated and comma-separated values (``?plover_type=AID,AGREE&plover_type=ASSAULT``)."""
    if not values:
        return None
    out = [part.strip() for v in values for part in v.split(",") if part.strip()]
    return out or None


def _countries(values: list[str] | None) -> list[str] | None:
    """Country names as ISO codes (``Russia`` → ``RUS``); 422 naming an unknown one."""
    from ..countries import resolve_countries

    try:
        return resolve_countries(values)
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from None


def event_filters(
    date_from: str | None = Query(None, description="Events on or after this date "
                                  "(YYYY-MM-DD, YYYY-MM or YYYY)"),
    date_to: str | None = Query(None, description="Events on or before this date"),
    actor: str | None = Query(None, description="Substring of the source or target "
                              "(canonical name or mention)"),
    source: str | None = Query(None, description="Substring of the source (canonical name, "
                               "mention or CAMEO code): with target, a source → target pair"),
    target: str | None = Query(None, description="Substring of the target (canonical name, "
                               "mention or CAMEO code)"),
    country: list[str] | None = Query(None, description="Source or target country "
                                      "(ISO alpha-3 or English name: RUS, Russia); repeat "
                                      "or comma-separate for several"),
    sector: list[str] | None = Query(None, description="Source or target sector (GOV, MIL ...)"),
    plover_type: list[str] | None = Query(None, description="PLOVER type (ASSAULT, AID ...)"),
    cameo_root: list[str] | None = Query(None, description="CAMEO root code, two digits"),
    location_country: list[str] | None = Query(None, description="Country of the event's "
                                               "place (ISO alpha-3 or English name)"),
    negated: bool | None = Query(None, description="true: only negated events; false: none"),
    modality: list[str] | None = Query(None, description="asserted | intended | hypothetical "
                                       "| reported"),
    q: str | None = Query(None, description="Text searched in the sentences "
                          "(case-insensitive substring). On /api/events the total of a "
                          f"text search is counted up to {analytics.Q_TOTAL_CAP:,} (see "
                          "total_is_lower_bound)"),
    article_id: str | None = Query(None, description="Only the events of this article"),
) -> dict[str, Any]:
    _no_nul(date_from=date_from, date_to=date_to, actor=actor, source=source, target=target,
            country=country, sector=sector,
            plover_type=plover_type, cameo_root=cameo_root, location_country=location_country,
            modality=modality, q=q, article_id=article_id)
    return {
        "date_from": date_from,
        "date_to": date_to,
        "actor": actor or None,
        "source": source or None,
        "target": target or None,
        "country": _countries(_multi(country)),
        "sector": _multi(sector),
        "plover_type": _multi(plover_type),
        "cameo_root": _multi(cameo_root),
        "location_country": _countries(_multi(location_country)),
        "negated": negated,
        "modality": _multi(modality),
        "q": q or None,
        "article_id": article_id or None,
    }


def _no_nul(**params: str | list[str] | None) -> None:
    """422 for a parameter with a NUL character (``%00``): no stored text has one, SQLite
    matched every event with it and PostgreSQL refused it (503)."""
    for name, value in params.items():
        values = value if isinstance(value, list) else [value]
        if any(v is not None and "\x00" in v for v in values):
            raise HTTPException(422, f"{name}: a NUL character (%00) is not allowed")


def _check(store: Store, **filters: Any) -> dict[str, Any]:
    """The filters, validated by building the query once (bad ones → 422)."""
    filters = {k: v for k, v in filters.items() if v is not None}
    try:
        store.select_events(**filters)
    except (ValueError, TypeError) as exc:
        raise HTTPException(422, str(exc)) from None
    return filters


SORT_HELP = ("Sort key(s), comma-separated, '-' prefix for descending: date, article_id, "
             "event_id, confidence, cameo, plover_type, source_name, target_name, "
             "source_country, target_country, location_country, modality. "
             "Default: article order.")


class EventPage(schemas.EventPage):
    total_is_lower_bound: bool = Field(
        False, description="True when the count stopped at its cap: more than `total` "
        f"events match (only with a `q` text search, counted up to "
        f"{analytics.Q_TOTAL_CAP:,})")


@router.get(
    "/events", response_model=EventPage, summary="Events, filtered and paged",
    description="One page of the events matching the filters, and `total`, how many "
    "match in all. With a `q` text search (which no index serves) the count stops at "
    f"{analytics.Q_TOTAL_CAP:,}: when more events match, `total` is "
    f"{analytics.Q_TOTAL_CAP:,} and `total_is_lower_bound` is true (page on with "
    "`offset` until a page comes back short). Without `q`, `total` is exact and "
    "`total_is_lower_bound` false.")
def list_events(
    request: Request,
    filters: dict = Depends(event_filters),
    limit: int = Query(50, ge=0, le=MAX_PAGE, description="Page size"),
    offset: int = Query(0, ge=0, le=MAX_OFFSET, description="Events skipped before the page"),
    sort: str | None = Query(None, description=SORT_HELP),
):
    store = _store(request)
    f = _check(store, **filters, sort=sort)
    items = list(store.iter_events(**f, limit=limit, offset=offset))
    counted = {k: v for k, v in f.items() if k != "sort"}
    if counted.get("q"):
        cap = analytics.Q_TOTAL_CAP
        n = _cache(request).get(analytics.cache_key("count_capped", cap=cap, **counted),
                                lambda: store.count_events(**counted, at_most=cap))
        return {"items": items, "total": min(n, cap), "total_is_lower_bound": n > cap}
    total = _cache(request).get(analytics.cache_key("count", **counted),
                                lambda: store.count_events(**counted))
    return {"items": items, "total": total, "total_is_lower_bound": False}


def _format(fmt: str) -> str:
    name = _FORMAT_ALIASES.get(fmt.strip().lower(), fmt.strip().lower())
    if name not in EXPORT_FORMATS:
        raise HTTPException(
            422, f"format: unknown export format {fmt!r}; accepted: {', '.join(EXPORT_FORMATS)}")
    return name


class _Sink:
    """A write-only file collecting bytes, emptied by ``take()`` (Parquet streaming)."""

    def __init__(self) -> None:
        self._buf = bytearray()
        self._pos = 0
        self.closed = False

    def write(self, data) -> int:
        self._buf += data
        self._pos += len(data)
        return len(data)

    def tell(self) -> int:
        return self._pos

    def flush(self) -> None:
        pass

    def close(self) -> None:
        self.closed = True

    def writable(self) -> bool:
        return True

    def take(self) -> bytes:
        out = bytes(self._buf)
        self._buf.clear()
        return out


def _stream_jsonl(records: Iterator[dict]) -> Iterator[bytes]:
    chunk: list[str] = []
    for rec in records:
        chunk.append(json.dumps(rec, ensure_ascii=False))
        if len(chunk) >= _STREAM_ROWS:
            yield ("\n".join(chunk) + "\n").encode("utf-8")
            chunk = []
    if chunk:
        yield ("\n".join(chunk) + "\n").encode("utf-8")


def _stream_csv(records: Iterator[dict]) -> Iterator[bytes]:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n",
                            extrasaction="ignore")
    writer.writeheader()
    n = 0
    for rec in records:
        writer.writerow(csv_row(rec))
        n += 1
        if n % _STREAM_ROWS == 0:
            yield buf.getvalue().encode("utf-8")
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue().encode("utf-8")


def _stream_parquet(records: Iterator[dict]) -> Iterator[bytes]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    sink = _Sink()
    writer = pq.ParquetWriter(pa.PythonFile(sink, mode="w"), schema)
    try:
        chunk: list[dict] = []
        for rec in records:
            chunk.append(rec)
            if len(chunk) >= _PARQUET_GROUP:
                writer.write_table(parquet_table(chunk))
                chunk = []
                yield sink.take()
        if chunk:
            writer.write_table(parquet_table(chunk))
    finally:
        writer.close()
    yield sink.take()


@router.get(
    "/events/export",
    summary="Export the filtered events (CSV, JSON Lines or Parquet), streamed",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/csv": {}, "application/x-ndjson": {},
                                 "application/vnd.apache.parquet": {}},
                     "description": "The events, one record per row/line"}},
)
def export_events(
    request: Request,
    filters: dict = Depends(event_filters),
    format: str = Query("jsonl", description="csv | jsonl | parquet"),
    limit: int | None = Query(None, ge=0, le=MAX_OFFSET, description="At most this many events (default all)"),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
    sort: str | None = Query(None, description=SORT_HELP),
):
    name = _format(format)
    store = _store(request)
    f = _check(store, **filters, sort=sort)
    # the first record read before the answer starts: a database failure is a 503, not a
    # 200 with a cut body
    records = store.iter_events(**f, limit=limit, offset=offset)
    first = next(records, None)
    if first is not None:
        records = itertools.chain([first], records)
    media, ext = EXPORT_FORMATS[name]
    body = {"csv": _stream_csv, "jsonl": _stream_jsonl, "parquet": _stream_parquet}[name](records)
    return StreamingResponse(
        body, media_type=media,
        headers={"Content-Disposition": f'attachment; filename="events.{ext}"'},
    )


OTHER_REPORTS = 50


@router.get("/events/{event_id}", response_model=schemas.EventInCluster,
            summary="One event, its cluster and the other reports of the same event")
def get_event(request: Request, event_id: str):
    store = _store(request)
    rec = store.get_event(event_id)
    if rec is None:
        raise HTTPException(404, f"no event with id {event_id!r}")
    cid = rec.get("cluster_id")
    cluster = store.get_cluster(cid) if cid else None
    others = [r for r in store.cluster_reports(cid, limit=OTHER_REPORTS + 1)
              if r["event_id"] != event_id][:OTHER_REPORTS] if cid else []
    return {**rec, "cluster": cluster, "other_reports": others}


@router.get("/articles/{article_id:path}", response_model=schemas.Article,
            summary="An article with all its events and their spans")
def get_article(request: Request, article_id: str):
    art = _store(request).get_article(article_id)
    if art is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return art


@router.get("/actors", response_model=schemas.ActorPage,
            summary="Actors with their event counts, most frequent first")
def list_actors(
    request: Request,
    limit: int = Query(100, ge=0, le=MAX_PAGE),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
    q: str | None = Query(None, description="Substring of the actor's name or code"),
    country: str | None = Query(None, description="Actor country (ISO alpha-3)"),
):
    _no_nul(q=q, country=country)
    items, total = _cache(request).get(
        analytics.cache_key("actors", limit=limit, offset=offset, q=q or None, country=country or None),
        lambda: analytics.actor_counts(_store(request), limit, offset, q=q or None, country=country or None))
    return {"items": items, "total": total}


@router.get("/stats", response_model=schemas.Stats,
            summary="Events per day per PLOVER type, dyads, cooperation vs conflict, places")
def stats(
    request: Request,
    filters: dict = Depends(event_filters),
    interval: str = Query("month", description="Period of cooperation_conflict: "
                          "day | month | year"),
    dyads: int = Query(50, ge=0, le=MAX_PAGE, description="How many dyads"),
    places: int = Query(500, ge=0, le=5000, description="How many places"),
    count: Literal["clusters", "reports"] = Query(
        "clusters", description="What `total` counts: real-world events (clusters of "
        "reports, the default) or reports (event records; `events` always counts these)"),
):
    if interval not in analytics.INTERVALS:
        raise HTTPException(422, f"interval: expected one of {', '.join(analytics.INTERVALS)}, "
                            f"got {interval!r}")
    store = _store(request)
    f = _check(store, **filters)
    cached = _cache(request).get
    key = analytics.cache_key
    out = dict(cached(key("stats", **f), lambda: store.stats(**f)))
    out["per_day"] = cached(key("per_day", **f), lambda: analytics.per_day_per_type(store, **f))
    out["dyads"] = cached(key("dyads", n=dyads, **f),
                          lambda: analytics.dyads(store, limit=dyads, **f))
    out["cooperation_conflict"] = cached(
        key("coop", interval=interval, **f),
        lambda: analytics.cooperation_conflict(store, interval, **f))
    out["locations"] = cached(key("places", n=places, **f),
                              lambda: analytics.locations(store, limit=places, **f))
    out["interval"] = interval
    out["undated"] = max(0, out["events"] - sum(r["events"] for r in out["per_day"]))
    firsts = [r["date"] for r in out["per_day"]]
    out["coarse_dates"] = cached(key("coarse", **f),
                                 lambda: analytics.coarse_dates(store, firsts, **f))
    out["reports"] = out["events"]
    out["clusters"] = cached(key("clusters", **f), lambda: store.count_clusters(**f))
    out["count"] = count
    out["total"] = out[count]
    out["by_plover_type"] = {("" if k is None else k): v for k, v in out["by_plover_type"].items()}
    out["by_modality"] = {("" if k is None else k): v for k, v in out["by_modality"].items()}
    return out


@router.get("/facets", response_model=schemas.Facets,
            summary="The most frequent countries and sectors of the filtered events")
def facets(
    request: Request,
    filters: dict = Depends(event_filters),
    limit: int = Query(10, ge=1, le=100, description="How many values of each"),
):
    """Top countries (with their names) and sectors of the events' sources and targets,
    under the same filters as ``/api/events``: the page's facet counts."""
    from ..countries import country_name

    store = _store(request)
    f = _check(store, **filters)
    found = _cache(request).get(analytics.cache_key("facets", n=limit, **f),
                                lambda: analytics.facets(store, limit=limit, **f))
    countries = [{**c, "name": country_name(c["value"]) or c["value"]} for c in found["country"]]
    return {"country": countries, "sector": found["sector"], "counted": found["counted"],
            "complete": found["complete"]}


# ----------------------------------------------------------------------------- writing


@router.get("/session", response_model=schemas.Session,
            summary="Can this page write, and how to turn writing on")
def session(request: Request):
    """Whether ``POST /api/articles`` is open to this client: with the operator's token
    (``token_required``), with the server's local token (handed here, to pages opened
    from this computer only), or not at all."""
    local = local_token_for(request)
    if request.app.state.token:
        return {"writable": True, "token_required": True, "local_token": None,
                "how": "type the server's token (the operator's $NEWSEVENTS_TOKEN) in the page"}
    if local:
        return {"writable": True, "token_required": False, "local_token": local,
                "how": "writing is on for this computer (a local server); no token needed"}
    return {"writable": False, "token_required": True, "local_token": None,
            "how": f"writing is off on this server: {HOW_TO_WRITE}"}


async def _read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it passes ``limit`` bytes."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise _too_large(int(declared), limit, "request")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise _too_large(len(body), limit, "request")
    return bytes(body)


def _too_large(size: int, limit: int, what: str) -> HTTPException:
    return HTTPException(
        413,
        f"the {what} is too large: {size:,} bytes, over the limit of {limit:,} bytes "
        f"(the operator can raise it with NEWSEVENTS_MAX_ARTICLE_BYTES)",
    )


def _to_article(data: schemas.ArticleIn) -> ArticleModel:
    from ..read import parse_html_page
    from ..read.dates import iso_date
    from ..read.text import parse_text_page

    if (data.text is None) == (data.html is None):
        raise HTTPException(422, "send the article as 'text' (plain text) or as 'html' "
                            "(a web page), exactly one of them")
    raw = data.text if data.text is not None else data.html
    assert raw is not None  # (exactly one of them, checked above)
    article_id = data.id or "api-" + hashlib.sha1(raw.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    origin = f"POST /api/articles ({article_id})"
    if data.html is not None:
        art = parse_html_page(data.html, id=article_id, origin=origin)
    else:
        art = parse_text_page(raw, id=article_id, origin=origin)
    if isinstance(art, ReadError):
        raise HTTPException(422, f"cannot read the article: {art.reason}")
    for key in ("title", "published", "url", "source"):
        value = getattr(data, key)
        if value and key == "published":
            # the coder needs YYYY-MM-DD (an unchecked value crashed it: a 500)
            value = iso_date(value)
            if value is None:
                raise HTTPException(422, f"published: expected a date, YYYY-MM-DD, "
                                    f"got {data.published!r}")
        if value:
            setattr(art, key, value)
    return art


@router.post(
    "/articles",
    status_code=201,
    response_model=schemas.Article,
    dependencies=[Depends(require_token)],
    summary="Code an article (text or HTML) and store it with its events",
    responses={401: {"model": schemas.ErrorEnvelope, "description": "No token sent"},
               403: {"model": schemas.ErrorEnvelope,
                     "description": "Wrong token, or writing disabled (no NEWSEVENTS_TOKEN)"},
               413: {"model": schemas.ErrorEnvelope, "description": "Article too large"}},
    openapi_extra={"requestBody": {
        "required": True,
        "content": {"application/json": {"schema": schemas.ArticleIn.model_json_schema()}},
    }},
)
async def post_article(request: Request):
    max_bytes: int = request.app.state.max_article_bytes
    # JSON escapes may make the body longer than the article: allow for them here and
    # check the article itself below.
    body = await _read_body(request, 6 * max_bytes + 65_536)
    try:
        data = schemas.ArticleIn.model_validate_json(body)
    except ValidationError as exc:
        msg = "; ".join(f"{'.'.join(str(part) for part in e['loc']) or 'body'}: {e['msg']}"
                        for e in exc.errors()[:5])
        raise HTTPException(422, f"invalid article: {msg}. Send JSON like "
                            '{"text": "...", "title": "...", "published": "2024-05-01"}') from None
    raw = data.text if data.text is not None else (data.html or "")
    size = len(raw.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise _too_large(size, max_bytes, "article")
    # coded in the app's coding thread, not in the pool that serves the reads
    return await request.app.state.coding.run(_code_and_save, request, data)


def _code_and_save(request: Request, data: schemas.ArticleIn) -> dict[str, Any]:
    """Code the article as the command line does by default (``app.state.learned``: off)
    and store it; a failure of its coding is an error for this article only."""
    from ..errors import ArticleError
    from ..pipeline import Coder
    from ..read.clean import clean_article

    article = clean_article(_to_article(data))
    try:
        events = Coder.get(request.app.state.model, request.app.state.learned).code_article(article)
    except ArticleError as exc:
        raise HTTPException(500, f"the article could not be coded ({exc.stage} failed: {exc.reason}); "
                            "it was not stored") from None
    store = _store(request)
    store.save([(article, events)])
    stored = store.get_article(article.id)
    if stored is None:  # (saved just now: only a concurrent delete could remove it)
        raise HTTPException(503, "the article was stored but could not be read back; try again")
    return stored

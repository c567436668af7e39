"""Pydantic models of the API's bodies, for validation and the OpenAPI description.

``Event`` is the public event record of ``docs/event-schema.md``, field for field.
"""
from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class Actor(BaseModel):
    text: str = Field(description="The mention as written")
    start: int = Field(description="Character offset in the sentence")
    end: int
    name: str | None = Field(description="Canonical name")
    country: str | None = Field(description="ISO 3166-1 alpha-3, or null (IGOs)")
    sector: str | None
    code: str | None = Field(description="The CAMEO actor code")
    members: list[str]


class Place(BaseModel):
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None


class Plover(BaseModel):
    type: str
    mode: str | None
    context: list[str]


class Trigger(BaseModel):
    text: str
    start: int
    end: int


class Event(BaseModel):
    """One coded event: the public record (``docs/event-schema.md``)."""

    schema_version: str
    event_id: str
    article_id: str
    sentence_index: int
    sentence: str
    date: str | None
    date_precision: str | None
    source: Actor | None
    target: Actor | None
    cameo: str
    plover: Plover | None
    trigger: Trigger
    location: Place | None
    negated: bool
    modality: str | None
    confidence: float | None
    rule: str | None
    trace: list[str] = Field(default_factory=list, description="Every named rule that decided "
                             "the event, in stage order (schema 2)")
    cluster_id: str | None = Field(None, description="The real-world event this report "
                                   "belongs to, shared by its reports in other articles")


class Cluster(BaseModel):
    """An event cluster: the reports of one real-world event (``store/clusters.py``)."""

    cluster_id: str
    date: str | None = Field(description="The event's date: the earliest of its reports'")
    first_seen: str | None = Field(description="Earliest publication date of its articles")
    last_seen: str | None = Field(description="Latest publication date of its articles")
    reports: int = Field(description="Events (reports) in the cluster")
    articles: int = Field(description="Distinct articles (by URL, else id)")
    sources: int = Field(description="Distinct publishers")
    cameo: str | None = Field(description="The most reported CAMEO code")


class EventInCluster(Event):
    """The public record, then its cluster and the other reports of the same event."""

    cluster: Cluster | None = None
    other_reports: list[Event] = Field(
        default_factory=list, description="The other reports of the same real-world event "
        "(in other articles, or repeated in this one), in article order; at most 50")


class EventPage(BaseModel):
    items: list[Event]
    total: int = Field(description="How many events match the filters (all pages)")


class Article(BaseModel):
    id: str
    title: str | None = None
    published: str | None = None
    retrieved: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str | None = None
    text: str
    content_hash: str | None = None
    coded_at: Any = None
    events: list[Event]


class ActorCount(BaseModel):
    name: str | None
    country: str | None
    sector: str | None
    code: str | None
    events: int = Field(description="Events with this actor as source or target")


class ActorPage(BaseModel):
    items: list[ActorCount]
    total: int


class DayType(BaseModel):
    date: str
    plover_type: str | None
    events: int


class CoarseDate(BaseModel):
    date: str = Field(description="The first day of the month or year")
    precision: Literal["month", "year"]
    plover_type: str | None
    events: int


class Dyad(BaseModel):
    source: str
    target: str
    events: int
    cooperation: int
    conflict: int


class Period(BaseModel):
    period: str
    cooperation: int
    conflict: int


class Location(BaseModel):
    name: str | None
    country: str | None
    lat: float
    lon: float
    events: int


class Stats(BaseModel):
    model_config = ConfigDict(extra="allow")

    articles: int
    events: int
    actors: int
    date_min: str | None
    date_max: str | None
    by_plover_type: dict[str, int]
    by_cameo_root: dict[str, int]
    by_modality: dict[str, int]
    per_day: list[DayType] = Field(description="Events per date per PLOVER type; a date "
                                   "is YYYY-MM-DD, or YYYY-MM / YYYY when only the month "
                                   "or year is known")
    undated: int = Field(0, description="Events without a date (not in per_day)")
    coarse_dates: list[CoarseDate] = Field(
        [], description="Of per_day, the events dated only to a month or a year (stored "
        "on the period's first day): the timeline spreads them over the period")
    dyads: list[Dyad] = Field(description="Most frequent source → target pairs")
    cooperation_conflict: list[Period] = Field(
        description="Cooperation (AGREE CONSULT SUPPORT COOPERATE AID CONCEDE RETREAT) "
        "versus conflict (the other PLOVER types) per period")
    locations: list[Location]
    interval: Literal["day", "month", "year"]
    reports: int = Field(0, description="Event records (reports) matching: as `events`")
    clusters: int = Field(0, description="Real-world events (clusters of reports) matching")
    count: Literal["clusters", "reports"] = Field("clusters", description="What `total` counts")
    total: int = Field(0, description="`clusters` (default) or `reports`, as `count` asks")


class FacetValue(BaseModel):
    value: str
    events: int
    name: str | None = Field(None, description="Display name (countries)")


class Facets(BaseModel):
    country: list[FacetValue]
    sector: list[FacetValue]
    counted: int | None = Field(description="With filters: how many matching events were "
                                "counted (events with the value on either side, once). "
                                "Without filters: null, and the counts are of actors in "
                                "events (a value on both sides of an event counts twice)")
    complete: bool = Field(description="False when more events match than were counted "
                           "(the first 5,000; with a text search 1,000)")


class Session(BaseModel):
    """What the page may do: write or not, and how to turn writing on."""

    writable: bool = Field(description="POST /api/articles is open to this client "
                           "(with the token it needs)")
    token_required: bool = Field(description="The client must send the operator's token")
    local_token: str | None = Field(None, description="The token of a loopback server, "
                                    "handed only to pages opened from the same computer")
    how: str = Field(description="In words: how writing works here or how to turn it on")


class ArticleIn(BaseModel):
    """An article to code: ``text`` (plain text) or ``html`` (a web page), not both."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = Field(None, description="Article id (default: derived from the text)")
    text: str | None = Field(None, description="Plain text of the article")
    html: str | None = Field(None, description="An HTML page; its article text is extracted")
    title: str | None = None
    published: str | None = Field(None, description="Publication date, YYYY-MM-DD")
    url: str | None = None
    source: str | None = Field(None, description="The outlet")


class ErrorBody(BaseModel):
    status: int
    message: str
    detail: Any = None


class ErrorEnvelope(BaseModel):
    error: ErrorBody


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorEnvelope, "description": desc}
    for code, desc in (
        (400, "Bad request"),
        (404, "Not found"),
        (422, "Invalid parameter"),
    )
}

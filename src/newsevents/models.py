"""The records passed between the pipeline's stages.

``Article`` comes out of the readers, ``Event`` (with its ``Actor`` and ``Place``)
out of the coder. ``Event.to_dict()`` is the public record of
``docs/event-schema.md`` (schema version 2): every way out of the system uses it.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA_VERSION = "2"


@dataclass
class Article:
    """One news article, as read from a file, a JSON line, a web page or stdin."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD (or datetime) of publication
    retrieved: str | None = None  # ISO date the page was captured, when the page says so
    url: str | None = None
    source: str | None = None  # the outlet / publisher
    origin: str | None = None  # where it was read from: "path" or "path:line"

    @property
    def content_hash(self) -> str:
        """A hash of everything that changes the coding or the stored record of this article
        (its url and source too: a changed one is stored again, not skipped as unchanged)."""
        h = hashlib.sha256()
        for part in (self.id, self.title or "", self.published or "", self.text, self.url or "", self.source or ""):
            h.update(part.encode("utf-8", "surrogatepass"))
            h.update(b"\x00")
        return h.hexdigest()[:32]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Actor:
    """A resolved actor mention (schema doc: ``Actor``)."""

    text: str
    start: int
    end: int
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    members: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
            "code": self.code,
            "members": list(self.members),
        }


@dataclass
class Place:
    """A geocoded place (schema doc: ``Place``)."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "geonameid": self.geonameid,
        }


@dataclass
class Event:
    """One coded event: who did what to whom, when and where, and from which sentence."""

    article_id: str
    sentence_index: int
    sentence: str
    cameo: str
    trigger: dict[str, Any]  # {"text", "start", "end"} in ``sentence``
    source: Actor | None = None
    target: Actor | None = None
    date: str | None = None
    date_precision: str = "unknown"  # day | month | year | before | unknown
    plover: dict[str, Any] | None = None  # {"type", "mode", "context": [...]}
    location: Place | None = None
    negated: bool = False
    modality: str = "asserted"  # asserted | intended | hypothetical | reported
    confidence: float = 0.5
    rule: str = ""
    trace: list[str] = field(default_factory=list)
    cluster_id: str | None = None  # the real-world event this report belongs to (store/clusters.py)

    @property
    def event_id(self) -> str:
        """Stable id: the same article and the same event give the same id on every run."""
        key = "|".join(
            [
                self.article_id,
                str(self.sentence_index),
                str(self.trigger.get("start")),
                self.cameo,
                _span_key(self.source),
                _span_key(self.target),
            ]
        )
        return hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:20]

    def to_dict(self) -> dict[str, Any]:
        """The public event record (``docs/event-schema.md``), in its field order."""
        return {
            "schema_version": SCHEMA_VERSION,
            "event_id": self.event_id,
            "article_id": self.article_id,
            "sentence_index": self.sentence_index,
            "sentence": self.sentence,
            "date": self.date,
            "date_precision": self.date_precision,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "cameo": self.cameo,
            "plover": self.plover,
            "trigger": dict(self.trigger),
            "location": self.location.to_dict() if self.location else None,
            "negated": self.negated,
            "modality": self.modality,
            "confidence": round(float(self.confidence), 3),
            "rule": self.rule,
            "trace": list(self.trace),
            "cluster_id": self.cluster_id,
        }


def _span_key(actor: Actor | None) -> str:
    if actor is None:
        return "-"
    return f"{actor.start}:{actor.end}:{actor.code or ''}"


EVENT_FIELDS: tuple[str, ...] = (
    "schema_version",
    "event_id",
    "article_id",
    "sentence_index",
    "sentence",
    "date",
    "date_precision",
    "source",
    "target",
    "cameo",
    "plover",
    "trigger",
    "location",
    "negated",
    "modality",
    "confidence",
    "rule",
    "trace",
    "cluster_id",
)

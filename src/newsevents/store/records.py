"""Public event record (``Event.to_dict()``) ⇄ flat ``events`` row, and article rows.

``row_to_record(record_to_row(r)) == r`` for every record the coder produces: the same
keys in the same order (``EVENT_FIELDS``), null actors / places / PLOVER stay null.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Any

from ..models import Article, Event
from .clusters import cluster_key

ACTOR_KEYS = ("text", "start", "end", "name", "country", "sector", "code", "members")
PLACE_KEYS = ("name", "country", "lat", "lon", "geonameid")
TRIGGER_KEYS = ("text", "start", "end")
ARTICLE_FIELDS = (
    "id",
    "title",
    "published",
    "retrieved",
    "url",
    "source",
    "origin",
    "text",
    "content_hash",
    "coded_at",
)


def as_record(event: Event | Mapping[str, Any]) -> dict[str, Any]:
    """The public record of an ``Event`` (or a record dict, returned as is)."""
    if isinstance(event, Event):
        return event.to_dict()
    if hasattr(event, "to_dict"):
        return event.to_dict()
    return dict(event)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _actor_to_columns(prefix: str, actor: Mapping[str, Any] | None) -> dict[str, Any]:
    if actor is None:
        return {f"{prefix}_{k}": None for k in ACTOR_KEYS}
    cols = {f"{prefix}_{k}": actor.get(k) for k in ACTOR_KEYS}
    # The text is the null marker: an actor that is present always has one.
    cols[f"{prefix}_text"] = actor.get("text") if actor.get("text") is not None else ""
    cols[f"{prefix}_members"] = _json(list(actor.get("members") or []))
    return cols


def _actor_from_row(prefix: str, row: Mapping[str, Any]) -> dict[str, Any] | None:
    if row[f"{prefix}_text"] is None:
        return None
    actor = {k: row[f"{prefix}_{k}"] for k in ACTOR_KEYS}
    members = actor["members"]
    actor["members"] = json.loads(members) if members else []
    return actor


def record_to_row(record: Mapping[str, Any]) -> dict[str, Any]:
    """Flatten a public record into the ``events`` table's columns."""
    cameo = str(record["cameo"])
    trigger = record.get("trigger") or {}
    plover = record.get("plover")
    location = record.get("location")
    row: dict[str, Any] = {
        "event_id": record["event_id"],
        "article_id": record["article_id"],
        "schema_version": record.get("schema_version"),
        "sentence_index": record["sentence_index"],
        "sentence": record["sentence"],
        "date": record.get("date"),
        "date_precision": record.get("date_precision"),
        **_actor_to_columns("source", record.get("source")),
        **_actor_to_columns("target", record.get("target")),
        "cameo": cameo,
        "cameo_root": cameo[:2],
        "plover_type": plover.get("type") if plover is not None else None,
        "plover_mode": plover.get("mode") if plover is not None else None,
        # Never null when plover is present (the marker), "[]" at least.
        "plover_context": (
            _json(list(plover.get("context") or [])) if plover is not None else None
        ),
        "trigger_text": trigger.get("text"),
        "trigger_start": trigger.get("start"),
        "trigger_end": trigger.get("end"),
        "negated": bool(record.get("negated", False)),
        "modality": record.get("modality"),
        "confidence": record.get("confidence"),
        "rule": record.get("rule"),
        "trace": _json(list(record.get("trace") or [])),
        "cluster_id": record.get("cluster_id"),
        "cluster_key": cluster_key(record),
    }
    if location is None:
        row.update({f"location_{k}": None for k in PLACE_KEYS})
    else:
        row.update({f"location_{k}": location.get(k) for k in PLACE_KEYS})
        if row["location_name"] is None:
            row["location_name"] = ""
    return row


def row_to_record(row: Mapping[Any, Any]) -> dict[str, Any]:
    """Rebuild the public record, in ``EVENT_FIELDS`` order, from an ``events`` row."""
    if row["plover_context"] is None:
        plover = None
    else:
        plover = {
            "type": row["plover_type"],
            "mode": row["plover_mode"],
            "context": json.loads(row["plover_context"]),
        }
    if row["location_name"] is None:
        location = None
    else:
        location = {k: row[f"location_{k}"] for k in PLACE_KEYS}
    confidence = row["confidence"]
    record = {
        "schema_version": row["schema_version"],
        "event_id": row["event_id"],
        "article_id": row["article_id"],
        "sentence_index": row["sentence_index"],
        "sentence": row["sentence"],
        "date": row["date"],
        "date_precision": row["date_precision"],
        "source": _actor_from_row("source", row),
        "target": _actor_from_row("target", row),
        "cameo": row["cameo"],
        "plover": plover,
        "trigger": {k: row[f"trigger_{k}"] for k in TRIGGER_KEYS},
        "location": location,
        "negated": bool(row["negated"]),
        "modality": row["modality"],
        "confidence": float(confidence) if confidence is not None else None,
        "rule": row["rule"],
        "trace": json.loads(row["trace"]) if row["trace"] else [],
        "cluster_id": row["cluster_id"],
    }
    return record


def article_to_row(article: Article, coded_at: datetime) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "published": article.published,
        "retrieved": article.retrieved,
        "url": article.url,
        "source": article.source,
        "origin": article.origin,
        "text": article.text,
        "content_hash": article.content_hash,
        "coded_at": coded_at,
    }


def row_to_article(row: Mapping[Any, Any]) -> dict[str, Any]:
    out = {k: row[k] for k in ARTICLE_FIELDS}
    coded_at = out["coded_at"]
    if isinstance(coded_at, datetime):
        if coded_at.tzinfo is None:  # SQLite keeps no zone; we always write UTC
            coded_at = coded_at.replace(tzinfo=timezone.utc)
        out["coded_at"] = coded_at.isoformat()
    return out


def actor_identity(actor: Mapping[str, Any] | None) -> tuple[str, str, str, str] | None:
    """(name, country, sector, code) with "" for unknown parts; None for no identity."""
    if actor is None or (not actor.get("name") and not actor.get("code")):
        return None
    return (
        actor.get("name") or "",
        actor.get("country") or "",
        actor.get("sector") or "",
        actor.get("code") or "",
    )

"""JSON Lines: one article object per line; a bad line is reported and the others go on."""
from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any

from ..errors import ReadError
from ..models import Article
from .dates import iso_date
from .mojibake import fix_mojibake

log = logging.getLogger("newsevents.read")


def _optional_str(obj: dict[str, Any], key: str, origin: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        log.warning("%s: field %r is not a string (%s), ignored", origin, key, type(value).__name__)
        return None
    return value.strip() or None


def _date_field(obj: dict[str, Any], key: str, origin: str) -> str | None:
    value = _optional_str(obj, key, origin)
    if value is None:
        return None
    iso = iso_date(value)
    if iso is None:
        log.warning("%s: %s %r is not a date (want YYYY-MM-DD), set to null", origin, key, value)
    return iso


def text_id(text: str) -> str:
    """A stable id for an article without one: ``sha1-`` and 16 hex digits of its text."""
    import hashlib

    return "sha1-" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON (JSON has no NaN or Infinity)")


def _loads(text: str) -> Any:
    """``json.loads`` without the ``NaN``/``Infinity`` Python accepts and JSON does not."""
    return json.loads(text, parse_constant=_no_constant)


def article_from_object(obj: Any, origin: str) -> Article | ReadError:
    """One decoded JSON value → ``Article``, or ``ReadError`` naming what is wrong."""
    if not isinstance(obj, dict):
        return ReadError(origin, f"expected a JSON object, got {type(obj).__name__}")
    raw_id = obj.get("id")
    if raw_id is not None and (isinstance(raw_id, bool) or not isinstance(raw_id, (str, int))
                               or not str(raw_id).strip()):
        return ReadError(origin, "invalid 'id' (want a non-empty string, or no 'id' at all "
                         "for one made from the text)")
    if "text" not in obj or obj["text"] is None:
        return ReadError(origin, "missing 'text'")
    text = obj["text"]
    if not isinstance(text, str):
        return ReadError(origin, f"'text' must be a string, got {type(text).__name__}")
    if not text.strip():
        return ReadError(origin, "empty text")
    if raw_id is None:
        raw_id = text_id(text)
        log.warning("%s: no 'id'; using %s, made from the text (the same text gets the same "
                    "id; give each line an \"id\" to choose your own)", origin, raw_id)
    title = _optional_str(obj, "title", origin)
    return Article(
        id=str(raw_id).strip(),
        text=fix_mojibake(text.replace("\r\n", "\n").replace("\r", "\n")),
        title=fix_mojibake(title) if title else None,
        published=_date_field(obj, "published", origin),
        retrieved=_date_field(obj, "retrieved", origin),
        url=_optional_str(obj, "url", origin),
        source=_optional_str(obj, "source", origin),
        origin=origin,
    )


def parse_jsonl(text: str, *, origin: str) -> Iterator[Article | ReadError]:
    """Articles (or errors naming ``origin:line``) from a decoded JSON Lines document.

    A document that is one JSON array (or object) spread over several lines, as a
    ``.json`` file may be, is read whole; its elements are named ``origin:line`` too
    (the line where the document starts).
    """
    whole = _whole_document(text)
    if whole is not None:
        start, items = whole
        if not items:
            yield ReadError(origin, "empty JSON array (no articles)")
        for n, item in enumerate(items, 1):
            where = f"{origin}:{start}" if len(items) == 1 else f"{origin}:{start}[{n}]"
            yield article_from_object(item, where)
        return
    seen = False
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        seen = True
        where = f"{origin}:{number}"
        try:
            obj = _loads(line)
        except json.JSONDecodeError as exc:
            yield ReadError(where, f"invalid JSON: {exc.msg} (column {exc.colno})")
            continue
        except ValueError as exc:
            yield ReadError(where, f"invalid JSON: {exc}")
            continue
        except RecursionError:
            yield ReadError(where, "invalid JSON: nested too deeply")
            continue
        yield article_from_object(obj, where)
    if not seen:
        yield ReadError(origin, "empty file (no JSON lines)")


def _whole_document(text: str) -> tuple[int, list[Any]] | None:
    """(first line, items) when ``text`` is one multi-line JSON array/object, else None."""
    stripped = text.strip()
    if "\n" not in stripped or not stripped.startswith(("[", "{")):
        return None
    try:
        doc = _loads(stripped)
    except (ValueError, RecursionError):
        return None
    line = text[: len(text) - len(text.lstrip())].count("\n") + 1
    return line, doc if isinstance(doc, list) else [doc]

"""JSON Lines: one article object per line; a bad line is reported and the others go on."""
from __future__ import annotations

import codecs
import json
import logging
from collections.abc import Generator, Iterator
from typing import Any, BinaryIO

from ..errors import ReadError
from ..models import Article
from .dates import iso_date
from .decode import _CONTROL, MAX_CONTROL_RATIO
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
        yield _line_item(line, f"{origin}:{number}")
    if not seen:
        yield ReadError(origin, "empty file (no JSON lines)")


def _line_item(line: str, where: str) -> Article | ReadError:
    """One non-blank line → ``Article``, or ``ReadError`` naming ``where`` (origin:line)."""
    try:
        obj = _loads(line)
    except json.JSONDecodeError as exc:
        return ReadError(where, f"invalid JSON: {exc.msg} (column {exc.colno})")
    except ValueError as exc:
        return ReadError(where, f"invalid JSON: {exc}")
    except RecursionError:
        return ReadError(where, "invalid JSON: nested too deeply")
    return article_from_object(obj, where)


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


# -- a JSON Lines stream, read line by line -------------------------------------------------

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def stream_jsonl(fh: BinaryIO, *, origin: str, max_bytes: int,
                 sniff: bool = False) -> Generator[Article | ReadError, None, bytes | None]:
    """Articles (or errors naming ``origin:line``) from a JSON Lines file read line by line:
    one line in memory at a time, whatever the file's size; each line (one article) at most
    ``max_bytes`` bytes (a longer one is reported and skipped).

    What it yields is what ``parse_jsonl`` gives for the whole file decoded by
    ``decode_bytes``, line numbers included. The first non-blank line decides; when it
    cannot be read this way (``sniff`` and it does not start with ``{``; it starts with
    ``[`` or ``{`` but is no JSON value by itself: a JSON array or object over several
    lines; it is not UTF-8, holds NUL bytes or is mostly control characters; it is over
    ``max_bytes``; a UTF-16 BOM; no non-blank line at all), nothing is yielded and the
    generator returns the bytes it read, for the caller to read the whole file as before.
    Otherwise it returns None at the end. A later line that is not UTF-8 is decoded alone
    (cp1252, else latin-1, with a warning naming the line)."""
    head: list[bytes] = []  # what was read before the first non-blank line decided
    deciding = True
    number = 0
    while True:
        raw = fh.readline(max_bytes + 1)
        if not raw:
            break
        too_long = len(raw) > max_bytes and not raw.endswith(b"\n")
        if deciding:
            head.append(raw)
            text = _head_text(raw, first=len(head) == 1, too_long=too_long)
            if text is None:
                return b"".join(head)
        elif too_long:
            number += 1
            _skip_line(fh)
            yield ReadError(f"{origin}:{number}", f"line is over the limit of {max_bytes:,} bytes "
                            "(raise it with --max-bytes)")
            continue
        else:
            text = _decode_line(raw, f"{origin}:{number + 1}")
        for line in _logical_lines(text):
            number += 1
            if not line.strip():
                continue
            where = f"{origin}:{number}"
            if deciding:
                first = _first_item(line, where, sniff)
                if first is None:
                    return b"".join(head)
                deciding, head = False, []
                yield first
                continue
            yield _line_item(line, where)
    return b"".join(head) if deciding else None


def _head_text(raw: bytes, *, first: bool, too_long: bool) -> str | None:
    """A line read before the first non-blank one: its text, or None when the whole file must
    be read instead (see ``stream_jsonl``)."""
    if too_long or b"\x00" in raw or (first and raw.startswith(_UTF16_BOMS)):
        return None
    try:
        text = raw.decode("utf-8-sig" if first else "utf-8")
    except UnicodeDecodeError:
        return None
    if text and len(_CONTROL.findall(text)) > MAX_CONTROL_RATIO * len(text):
        return None
    return text


def _first_item(line: str, where: str, sniff: bool) -> Article | ReadError | None:
    """The first non-blank line's article (or error), or None: read the whole file instead."""
    stripped = line.strip()
    if sniff and not stripped.startswith("{"):
        return None  # not JSON Lines: a page or a text (``sniff_kind``)
    if not stripped.startswith(("[", "{")):
        return _line_item(line, where)
    try:
        obj = _loads(line)
    except (ValueError, RecursionError):
        return None  # maybe one JSON document over several lines (``parse_jsonl``)
    return article_from_object(obj, where)


def _logical_lines(text: str) -> list[str]:
    """A line read up to its ``\\n``, as ``decode_bytes`` and ``parse_jsonl`` see it: line ends
    (``\\r\\n``, a lone ``\\r``) made ``\\n``, mojibake repaired, cut at each ``\\n`` (a lone ``\\r``
    ends a line too), the ``\\n`` that ends it dropped."""
    lines = fix_mojibake(text.replace("\r\n", "\n").replace("\r", "\n")).split("\n")
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()
    return lines


def _decode_line(raw: bytes, where: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text, encoding = raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        text, encoding = raw.decode("latin-1"), "latin-1"
    log.warning("%s: not valid UTF-8, decoded as %s", where, encoding)
    return text


def _skip_line(fh: BinaryIO) -> None:
    """Read on to the end of the current line (past its ``\\n``), keeping nothing."""
    while True:
        chunk = fh.readline(1 << 20)
        if not chunk or chunk.endswith(b"\n"):
            return

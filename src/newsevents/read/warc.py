"""Web archives (``.warc`` / ``.warc.gz``, e.g. Common Crawl's CC-NEWS) → articles (warcio).

Every HTML response record (HTTP 200, ``text/html`` or ``application/xhtml+xml``) is an article:
id and url the record's target URI, ``retrieved`` the WARC date, title and ``published`` from
the page when it has them. Other records (requests, metadata, images, redirects, a URL seen
before in the archive) are skipped and counted (``WarcStats``, logged at the end). A truncated or
corrupt archive yields the articles before the damage and a ``ReadError`` naming the byte offset
where reading stopped.
"""
from __future__ import annotations

import logging
import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..errors import ReadError
from ..models import Article
from .dates import iso_date
from .decode import decode_bytes
from .html import parse_html_page

log = logging.getLogger("newsevents.read")

WARC_EXTENSIONS = (".warc", ".warc.gz")
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# a complete uncompressed archive ends with its last record's blank lines, not counted by warcio
TRAILER_BYTES = 4


def is_warc_path(value: str) -> bool:
    return value.lower().endswith(WARC_EXTENSIONS)


@dataclass
class WarcStats:
    """What one archive held: pages read, and the records skipped by reason."""

    pages: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    stopped_at: int | None = None  # byte offset where a damaged archive stopped being read

    def summary(self, path: str) -> str:
        parts = ", ".join(f"{n} {why}" for why, n in sorted(self.skipped.items()))
        return (f"{path}: {self.pages} HTML page(s) read; {sum(self.skipped.values())} other "
                f"record(s) skipped{': ' + parts if parts else ''}")


def _skip_reason(rec: Any) -> str | None:
    """Why a record is not an article (None: it is an HTML page)."""
    if rec.rec_type not in ("response", "resource"):
        return f"{rec.rec_type} records"
    headers = rec.http_headers
    if rec.rec_type == "response":
        if headers is None:
            return "responses without HTTP headers"
        status = (headers.get_statuscode() or "").strip()
        if status != "200":
            return f"HTTP {status or '?'} responses"
        kind = (headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    else:
        kind = (rec.rec_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if kind not in HTML_TYPES:
        return f"non-HTML ({kind or 'no type'})"
    return None


def _article(rec: Any, body: bytes, origin: str) -> Article | ReadError:
    url = rec.rec_headers.get_header("WARC-Target-URI") or ""
    try:
        html = decode_bytes(body, origin)
    except ReadError as exc:
        return exc
    art = parse_html_page(html, id=url or origin, origin=origin)
    if isinstance(art, ReadError):
        return art
    art.url = url or art.url
    date = rec.rec_headers.get_header("WARC-Date")
    art.retrieved = iso_date(date) if date else None
    return art


def _truncated(rec: Any) -> bool:
    """True when the record's block ended before its Content-Length (end of file)."""
    return getattr(rec.raw_stream, "limit", 0) > 0


def read_warc(path: str, *, max_bytes: int = 20_000_000,
              stats: WarcStats | None = None) -> Iterator[Article | ReadError]:
    """Each HTML page of the archive at ``path`` as an ``Article``; a ``ReadError`` per page
    without text, and one where a damaged archive stopped being read."""
    from warcio.archiveiterator import ArchiveIterator

    stats = stats if stats is not None else WarcStats()
    try:
        size = os.path.getsize(path)
        fh = open(path, "rb")
    except OSError as exc:
        yield ReadError(path, f"cannot read: {exc.strerror or exc}")
        return
    end = 0
    seen: set[str] = set()
    with fh:
        records = ArchiveIterator(fh)
        try:
            for rec in records:
                reason = _skip_reason(rec)
                url = rec.rec_headers.get_header("WARC-Target-URI") or ""
                if reason is None and url in seen:
                    reason = "repeated URLs"
                # the body first: asking for the offset reads the record to its end
                body = rec.content_stream().read(max_bytes + 1) if reason is None else b""
                records.read_to_end(rec)
                offset = records.get_record_offset()
                origin = f"{path}@{offset}"
                if _truncated(rec):
                    break
                end = offset + records.get_record_length()
                if reason is not None:
                    stats.skipped[reason] += 1
                    continue
                seen.add(url)
                if len(body) > max_bytes:
                    stats.skipped["pages over --max-bytes"] += 1
                    continue
                item = _article(rec, body, origin)
                if isinstance(item, Article):
                    stats.pages += 1
                yield item
        except Exception as exc:  # warcio's ArchiveLoadFailed, zlib / EOF errors
            stats.stopped_at = end
            (log.warning if stats.skipped else log.info)("%s", stats.summary(path))
            yield ReadError(path, f"archive is corrupt after byte {end:,} of {size:,} "
                                  f"({type(exc).__name__}: {str(exc)[:80]!r}); "
                                  f"the {stats.pages} page(s) before it were read")
            return
    if size - end > TRAILER_BYTES:
        stats.stopped_at = end
        (log.warning if stats.skipped else log.info)("%s", stats.summary(path))
        yield ReadError(path, f"archive is truncated: reading stopped at byte {end:,} of {size:,}; "
                              f"the {stats.pages} page(s) before it were read")
        return
    (log.warning if stats.skipped else log.info)("%s", stats.summary(path))

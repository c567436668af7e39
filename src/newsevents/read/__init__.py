"""The readers: files, folders, stdin, feeds and web archives → ``Article`` records
(``ReadError`` for bad ones).

    for item in read_inputs(["news/", "more.jsonl", "-"]):
        if isinstance(item, ReadError): report(item)
        else: code(item)

Errors are yielded, never raised, so one bad article never stops the others.
"""
from __future__ import annotations

import logging
import os
import re
import select
import sys
from collections.abc import Iterator, Sequence
from typing import BinaryIO

from ..errors import ReadError
from ..models import Article
from .clean import clean_article
from .decode import decode_bytes
from .feeds import is_feed_path, read_feed
from .fetch import Fetcher, FetchSettings
from .html import parse_html_page
from .jsonl import parse_jsonl, stream_jsonl
from .sources import STDIN_ORIGIN, Source, iter_sources
from .text import parse_text_page
from .warc import is_warc_path, read_warc

__all__ = ["read_inputs", "sniff_kind", "DEFAULT_MAX_BYTES", "DEFAULT_MAX_CHARS"]

log = logging.getLogger("newsevents.read")
DEFAULT_MAX_BYTES = 20_000_000
# The longest article coded (characters of text); a longer one is reported like any bad input.
DEFAULT_MAX_CHARS = 2_000_000
# How long a FIFO (or another file that is not a regular one) named as an input may stay
# without data before it is reported instead of waited for.
FIFO_WAIT_S = 10.0
_HTML_HINT = re.compile(
    r"^\s*(<!doctype\s+html|<html\b|<\?xml)|<(html|head|body|article|p|div)\b[^>]*>", re.I
)


def sniff_kind(text: str) -> str:
    """"jsonl" if the first non-blank line starts with ``{``, "html" if it looks like HTML,
    else "text"."""
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    if first.startswith("{"):
        return "jsonl"
    if first.startswith("<") and _HTML_HINT.search(text[:4096]):
        return "html"
    return "text"


def _open(src: Source, stdin: BinaryIO | None) -> tuple[BinaryIO, bool] | ReadError:
    """(the source opened for reading in binary, whether to close it), or the reason it cannot be.
    A FIFO or device is opened once data comes within ``FIFO_WAIT_S`` seconds (a FIFO nobody
    writes to would block ``open`` forever)."""
    if src.path == STDIN_ORIGIN:
        return (stdin if stdin is not None else sys.stdin.buffer), False
    try:
        if os.path.isfile(src.path):
            return open(src.path, "rb"), True
        fd = os.open(src.path, os.O_RDONLY | os.O_NONBLOCK)
        try:
            poller = select.poll()
            poller.register(fd, select.POLLIN | select.POLLHUP)
            if not poller.poll(int(FIFO_WAIT_S * 1000)):
                os.close(fd)
                return ReadError(src.path, f"not a regular file, and no data came within {FIFO_WAIT_S:g} s "
                                 "(write to it first, or pipe the text into - for standard input)")
            os.set_blocking(fd, True)
            return os.fdopen(fd, "rb"), True
        except BaseException:
            os.close(fd)
            raise
    except OSError as exc:
        return ReadError(src.path, f"cannot read: {exc.strerror or exc}")


def _too_big(origin: str, size: int, max_bytes: int) -> ReadError:
    if origin == STDIN_ORIGIN:
        return ReadError(STDIN_ORIGIN, f"standard input is over the limit of {max_bytes:,} "
                         "bytes (raise it with --max-bytes)")
    return ReadError(
        origin,
        f"file is {size:,} bytes, over the limit of {max_bytes:,} bytes "
        f"(raise it with --max-bytes)",
    )


def _read_whole(src: Source, fh: BinaryIO, head: bytes, max_bytes: int) -> bytes | ReadError:
    """The whole input, ``head`` (what was read of it already) and the rest: at most
    ``max_bytes`` bytes (a regular file's size is checked first)."""
    try:
        if src.path != STDIN_ORIGIN and os.path.isfile(src.path):
            size = os.fstat(fh.fileno()).st_size
            if size > max_bytes:
                return _too_big(src.path, size, max_bytes)
        data = head + fh.read(max(0, max_bytes + 1 - len(head)))
    except OSError as exc:
        return ReadError(src.path, f"cannot read: {exc.strerror or exc}")
    if len(data) > max_bytes:
        return _too_big(src.path, len(data), max_bytes)
    return data


def _read_source(
    src: Source, max_bytes: int, stdin: BinaryIO | None
) -> Iterator[Article | ReadError]:
    """A file's (or stdin's) articles. JSON Lines (by its extension, or sniffed: a first
    non-blank line starting with ``{``) are read line by line (``stream_jsonl``: memory does
    not grow with the file, ``max_bytes`` bounds each line); anything else is read whole (at
    most ``max_bytes``), decoded and parsed as one page or text (or one JSON document)."""
    opened = _open(src, stdin)
    if isinstance(opened, ReadError):
        yield opened
        return
    fh, close = opened
    try:
        head = b""
        if src.kind in (None, "jsonl"):
            try:
                unread = yield from stream_jsonl(fh, origin=src.path, max_bytes=max_bytes, sniff=src.kind is None)
            except OSError as exc:
                yield ReadError(src.path, f"cannot read: {exc.strerror or exc}")
                return
            if unread is None:  # read to its end, line by line
                return
            head = unread  # not JSON Lines after all (or one JSON document): read whole
        data = _read_whole(src, fh, head, max_bytes)
    finally:
        if close:
            fh.close()
    if isinstance(data, ReadError):
        yield data
        return
    try:
        text = decode_bytes(data, src.path)
    except ReadError as err:
        yield err
        return
    kind = src.kind or sniff_kind(text)
    if kind == "jsonl":
        yield from parse_jsonl(text, origin=src.path)
    elif kind == "html":
        yield parse_html_page(text, id=src.id, origin=src.path)
    else:
        yield parse_text_page(text, id=src.id, origin=src.path)


def _read_stream(item: str, max_bytes: int, fetcher: Fetcher) -> Iterator[Article | ReadError]:
    """A web archive or a feed (file or URL): its articles."""
    try:
        if not is_warc_path(item):
            yield from read_feed(item, fetcher, max_bytes=max_bytes)
        elif item.startswith(("http://", "https://")):
            yield ReadError(item, "web archives are read from files: download it first")
        else:
            yield from read_warc(item, max_bytes=max_bytes)
    except Exception as exc:  # a reader bug must not lose the other inputs
        log.error("%s: unexpected error while reading", item, exc_info=True)
        yield ReadError(item, f"unexpected error: {type(exc).__name__}: {exc}")


def read_inputs(
    inputs: Sequence[str], *, max_bytes: int = DEFAULT_MAX_BYTES, stdin: BinaryIO | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    fetch: FetchSettings | None = None,
) -> Iterator[Article | ReadError]:
    """Yield an ``Article`` per article in ``inputs`` and a ``ReadError`` per bad one.

    ``inputs``: files, folders (read recursively, sorted, supported extensions only),
    ``-`` for ``stdin`` (default ``sys.stdin.buffer``), RSS / Atom feeds (http(s) URLs or
    .rss / .atom / .xml files: each item's page is fetched with ``fetch``'s settings) and
    .warc / .warc.gz web archives. Nothing is raised for bad input. An article longer than
    ``max_chars`` characters, and a second article with an id already read (naming both
    places), are bad input too.
    """
    seen: dict[str, str] = {}  # id -> where it was read
    for item in _read_all(inputs, max_bytes, stdin, fetch):
        if isinstance(item, ReadError):
            yield item
            continue
        where = item.origin or item.id
        if len(item.text) > max_chars:
            yield ReadError(where, f"the article is {len(item.text):,} characters long, over the limit of "
                            f"{max_chars:,} (raise it with --max-chars)")
            continue
        if item.id in seen:
            yield ReadError(where, f"duplicate article id {item.id!r}, already read from {seen[item.id]}: "
                            "skipped (give each article its own id, or code the two in separate runs)")
            continue
        seen[item.id] = where
        yield clean_article(item)


def _read_all(inputs: Sequence[str], max_bytes: int, stdin: BinaryIO | None,
              fetch: FetchSettings | None) -> Iterator[Article | ReadError]:
    """Each input in turn: feeds and web archives by their readers, the rest as files."""
    fetcher: Fetcher | None = None
    try:
        for item in inputs:
            if is_warc_path(item) or is_feed_path(item):
                if fetcher is None:
                    fetcher = Fetcher(fetch)
                yield from _read_stream(item, max_bytes, fetcher)
                continue
            yield from _read_files(item, max_bytes, stdin)
    finally:
        if fetcher is not None:
            fetcher.close()


def _read_files(item: str, max_bytes: int, stdin: BinaryIO | None) -> Iterator[Article | ReadError]:
    for src in iter_sources([item]):
        if isinstance(src, ReadError):
            yield src
            continue
        try:
            yield from _read_source(src, max_bytes, stdin)
        except Exception as exc:  # a reader bug must not lose the other articles
            log.error("%s: unexpected error while reading", src.path, exc_info=True)
            yield ReadError(src.path, f"unexpected error: {type(exc).__name__}: {exc}")

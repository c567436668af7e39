"""Plain-text pages: header dates, a title, the body, and site furniture at the end.

A scraped page looks like::

    Sun 6-October-2024          <- capture stamp  -> retrieved
    Hamas delegation discusses  <- title
    Friday 5-February-2021      <- publication date -> published
    A senior delegation ...     <- body paragraphs
    Short link:                 <- furniture, dropped with what follows
"""
from __future__ import annotations

import re

from ..errors import ReadError
from ..models import Article
from .dates import DateLine, parse_date_lines
from .furniture import furniture_start, is_furniture

MAX_TITLE_LEN = 200
MAX_TITLE_WORDS = 30
MAX_HEADER_LINES = 8
_NOT_TITLE_END = re.compile(r"[.,;:\-–—]$")


def _looks_like_title(line: str) -> bool:
    s = line.strip()
    return (
        0 < len(s) <= MAX_TITLE_LEN
        and len(s.split()) <= MAX_TITLE_WORDS
        and not _NOT_TITLE_END.search(s)
        and any(c.isalpha() for c in s)
        and not is_furniture(s)
    )


def _next_nonblank(lines: list[str], i: int) -> int:
    while i < len(lines) and not lines[i].strip():
        i += 1
    return i


def _split_header(lines: list[str]) -> tuple[list[tuple[int, DateLine]], int | None, int]:
    """(dated header lines with their index, title line index, index where the body starts)."""
    dates: list[tuple[int, DateLine]] = []
    title: int | None = None
    i = _next_nonblank(lines, 0)
    for _ in range(MAX_HEADER_LINES):
        if i >= len(lines):
            break
        found = parse_date_lines(lines[i])
        if found:
            dates.extend((i, d) for d in found)
            i = _next_nonblank(lines, i + 1)
            continue
        if title is not None or not _looks_like_title(lines[i]):
            break
        after = i + 1
        nxt = _next_nonblank(lines, after)
        if nxt >= len(lines):
            break  # nothing follows: it is the text, not a title
        blank_follows = nxt > after
        date_follows = bool(parse_date_lines(lines[nxt]))
        continuation = lines[nxt].lstrip()[:1].islower()
        if not (blank_follows or date_follows or (dates and not continuation)):
            break
        title = i
        i = nxt
    return dates, title, i


def _assign_dates(
    dates: list[tuple[int, DateLine]], title: int | None, body: int
) -> tuple[str | None, str | None]:
    """(published, retrieved) from the header's date lines."""
    by_label = {lab: [d.value for _, d in dates if d.label == lab and d.value] for lab in
                ("published", "updated", "retrieved")}
    unlabelled = [(i, d.value) for i, d in dates if d.label is None and d.value]
    published: str | None = by_label["published"][0] if by_label["published"] else None
    retrieved: str | None = by_label["retrieved"][0] if by_label["retrieved"] else None
    if published is None and unlabelled:
        published = unlabelled[-1][1]  # the one nearest the title/body
    if published is None and by_label["updated"]:
        published = by_label["updated"][0]
    if retrieved is None and published:
        anchor = title if title is not None else body
        later = [v for i, v in unlabelled if i < anchor and v > published]
        retrieved = later[0] if later else None
    return published, retrieved


def _paragraphs(lines: list[str]) -> list[str]:
    paras: list[str] = []
    current: list[str] = []
    for line in lines + [""]:
        if line.strip():
            current.append(line.rstrip())
        elif current:
            paras.append("\n".join(current).strip())
            current = []
    return paras


def body_text(lines: list[str]) -> str:
    """Body lines → paragraphs joined by a blank line, trailing site furniture dropped."""
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    cut = furniture_start([lines[i] for i in nonblank])
    if cut < len(nonblank):
        lines = lines[: nonblank[cut]]
    return "\n\n".join(_paragraphs(lines))


def parse_text_page(text: str, *, id: str, origin: str) -> Article | ReadError:
    """Turn a decoded plain-text page into an ``Article`` (or a ``ReadError`` if it is empty)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    dates, title_idx, body_idx = _split_header(lines)
    body = body_text(lines[body_idx:])
    if not body:
        if not text.strip():
            return ReadError(origin, "empty text (the file is blank)")
        if title_idx is None and not dates:
            return ReadError(origin, "no article text (only site furniture)")
        return ReadError(origin, "no article text after the header (title/date lines only)")
    published, retrieved = _assign_dates(dates, title_idx, body_idx)
    title = lines[title_idx].strip().lstrip("#").strip() if title_idx is not None else None
    return Article(
        id=id, text=body, title=title, published=published, retrieved=retrieved, origin=origin
    )

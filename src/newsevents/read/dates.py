"""Recognise date-only lines ("Friday 5-February-2021", "Published: 2021-02-05 10:32 GMT").

Own regexes first; ``dateparser`` (English only, strict, absolute dates only) as a
fallback for the odd format. Ambiguous all-numeric dates (05/02/2021) are recognised
as dates but given no value rather than a guess.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from ..lang import words

MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_WEEKDAYS = words("weekdays") | words("weekday_abbreviations")
_FILLER = {
    "at", "on", "of", "the", "am", "pm", "a", "p", "m", "t", "z", "st", "nd", "rd", "th",
    "gmt", "utc", "bst", "cet", "cest", "eet", "eest", "est", "edt", "cst", "cdt", "mst",
    "mdt", "pst", "pdt", "ist", "msk", "ast", "jst", "aest", "et", "pt", "ct", "mt", "local",
    "time",
}
_LABELS = {
    "published": "published", "posted": "published", "first published": "published",
    "publication date": "published", "date published": "published", "date": "published",
    "dated": "published", "released": "published", "issued": "published",
    "updated": "updated", "last updated": "updated", "modified": "updated",
    "last modified": "updated", "date modified": "updated", "revised": "updated",
    "retrieved": "retrieved", "captured": "retrieved", "accessed": "retrieved",
    "scraped": "retrieved", "archived": "retrieved", "crawled": "retrieved",
    "downloaded": "retrieved", "fetched": "retrieved", "saved": "retrieved",
}
_LABEL_RE = re.compile(
    r"^\s*(?P<label>"
    + "|".join(sorted((re.escape(k) for k in _LABELS), key=len, reverse=True))
    + r")\b\s*(?:on|at)?\s*[:\-–—|]?\s*",
    re.I,
)
_BYLINE_RE = re.compile(
    r"^\s*(?:(?:posted|published|written|filed)\s+)?by\s+[^|]{1,60}?"
    r"\s*(?:\bon\b|[,|–—-])\s*(?=\S)",
    re.I,
)
_TIME_ONLY_RE = re.compile(
    r"^\s*\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:[a-z]{2,4}|[+-]\d{2}:?\d{2})?\s*$",
    re.I,
)
_ISO_RE = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$",
    re.I,
)
_TIME_RE = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\b\s*(?:[+-]\d{2}:?\d{2}\b)?")
_OFFSET_RE = re.compile(r"(?:(?<=gmt)|(?<=utc)|(?<=\s))[+-]\d{1,2}(?::?\d{2})?\b", re.I)
_TOKEN_RE = re.compile(r"[a-z]+|\d+")
MAX_DATE_LINE = 80


@dataclass(frozen=True)
class DateLine:
    """A header line that holds only a date: its ``label`` (published/updated/retrieved or
    None) and its ``value`` (ISO date, or None when the date is ambiguous/incomplete)."""

    label: str | None
    value: str | None


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _from_tokens(tokens: list[str]) -> tuple[bool, str | None]:
    """(is a date, ISO value) from tokens with weekdays/times/fillers removed."""
    months = [MONTHS[t] for t in tokens if t in MONTHS]
    nums = [t for t in tokens if t.isdigit()]
    if len(months) + len(nums) != len(tokens) or len(months) > 1 or not nums:
        return False, None
    years = [n for n in nums if len(n) == 4 and 1800 <= int(n) <= 2200]
    if months:
        if len(nums) == 1 and years:  # "February 2021": a date, but no day
            return True, None
        if len(nums) != 2 or len(years) != 1:
            return False, None
        day = next(int(n) for n in nums if n != years[0] or nums.count(n) > 1)
        value = _valid(int(years[0]), months[0], day)
        return value is not None, value
    if len(nums) != 3 or not years:
        return False, None
    a, b, c = (int(n) for n in nums)
    if len(nums[0]) == 4:
        value = _valid(a, b, c)
        return value is not None, value
    if len(nums[2]) != 4:
        return False, None
    dmy, mdy = _valid(c, b, a), _valid(c, a, b)
    if dmy and mdy and dmy != mdy:
        return True, None  # 05/02/2021: a date, but which? don't guess
    value = dmy or mdy
    return value is not None, value


@lru_cache(maxsize=4096)
def parse_date_text(text: str) -> tuple[bool, str | None]:
    """Is ``text`` only a date (with optional weekday, time, zone)? And its ISO value."""
    s = text.strip().strip(".,;|()[]").strip()
    if not s or len(s) > MAX_DATE_LINE or not re.search(r"\d", s):
        return False, None
    m = _ISO_RE.match(s)
    if m:
        value = _valid(*(int(g) for g in m.groups()))
        return value is not None, value
    low = _OFFSET_RE.sub(" ", _TIME_RE.sub(" ", s.lower()))
    tokens = [t for t in _TOKEN_RE.findall(low) if t not in _WEEKDAYS and t not in _FILLER]
    if re.search(r"[^\w\s,./\-–—:+'’|()]", low):
        return False, None
    found, value = _from_tokens(tokens)
    if found:
        return found, value
    return _dateparser_fallback(s, tokens)


def _dateparser_fallback(s: str, tokens: list[str]) -> tuple[bool, str | None]:
    """Strict English-only dateparser, for short lines with a year and at most one odd word."""
    unknown = [t for t in tokens if not t.isdigit() and t not in MONTHS]
    if len(unknown) > 1 or not re.search(r"\b(1[89]|2[01])\d\d\b", s):
        return False, None
    import dateparser  # slow import: only when needed

    parsed = dateparser.parse(
        s,
        languages=["en"],
        settings={
            "STRICT_PARSING": True,
            "REQUIRE_PARTS": ["day", "month", "year"],
            "PARSERS": ["absolute-time"],
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    if parsed is None:
        return False, None
    return True, parsed.date().isoformat()


def parse_date_line(line: str) -> DateLine | None:
    """A ``DateLine`` when ``line`` is only a (labelled) date, else None.

    ``"Published: 5 Feb 2021 | Updated: 6 Feb 2021"`` gives the first part's date; use
    :func:`parse_date_lines` for every part.
    """
    parts = parse_date_lines(line)
    return parts[0] if parts else None


def parse_date_lines(line: str) -> list[DateLine]:
    """Every date of a date-only line (parts split on ``|``); [] when it is not one."""
    if len(line.strip()) > 2 * MAX_DATE_LINE:
        return []
    out: list[DateLine] = []
    for part in re.split(r"\s+\|\s+|\s+·\s+", line.strip()):
        if out and _TIME_ONLY_RE.match(part):
            continue  # "February 5, 2021 | 10:32 AM"
        label = None
        m = _BYLINE_RE.match(part) or _LABEL_RE.match(part)
        if m:
            label = _LABELS[m.group("label").lower()] if "label" in m.groupdict() else "published"
            part = part[m.end():]
        found, value = parse_date_text(part)
        if not found:
            return []
        out.append(DateLine(label, value))
    return out


def iso_date(value: str) -> str | None:
    """YYYY-MM-DD from "YYYY-MM-DD", an ISO datetime or another plain date; else None."""
    s = value.strip()
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d{2}:\d{2})", s)
    if m:
        try:
            dt.datetime.fromisoformat(s.replace("Z", "+00:00").replace(" ", "T", 1))
        except ValueError:
            if len(s) > 10:
                return None
        return _valid(*(int(g) for g in m.groups()))
    found, iso = parse_date_text(s)
    return iso if found else None

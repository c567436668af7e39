"""When an event happened: find the time expression of an event's clause and
resolve it against the article's publication date.

``resolve_time(sent, published, trigger)`` returns a ``TimeRef`` (the ISO date,
its precision, the expression and its offsets in the sentence) or None when the
sentence has no time expression, so the caller can inherit the article's or the
previous event's date.

How expressions resolve (``P`` = the publication date):

=============================================  =====================================  ==========
expression                                     date                                   precision
=============================================  =====================================  ==========
5 February 2021, February 5, 2021, 2021-02-05  that day                               day
5/2/2021 (both parts <= 12 and different)      skipped: ambiguous                     --
on 5 February, Feb. 5 (no year)                that day in the nearest year, <= P     day
                                               for a past event, >= P for a future
                                               one (unless a few days off: 7 past,
                                               14 future); present tense: nearest
in February 2021, early February 2021          2021-02-01                             month
in February (no year)                          latest February <= P (future: next;    month
                                               present tense: the nearest)
in 2019, the 2019 elections, early 2019        2019-01-01                             year
on Thursday, Thursday afternoon, last Thursday most recent Thursday <= P ("last X" on  day
                                               weekday X itself: a week back)
on/next Monday with a future-tense trigger     the coming Monday (>= P; "next": > P)  day
today, tonight, this morning, earlier today    P                                      day
yesterday, last night                          P - 1                                  day
tomorrow (future)                              P + 1                                  day
N days ago / N weeks ago                       P - N / P - 7N                         day
N months ago / N years ago                     first of that month / year             month/year
last week                                      the Sunday that ended last week        before
over the weekend, last weekend                 the latest Sunday <= P (P on weekends) before
this week, earlier this week                   P                                      before
last month / this month / next month           first of that month                    month
last year / this year / next year              1 January of that year                 year
earlier, recently, previously, in recent days  P                                      before
next week                                      None (no precision expresses it)       unknown
since 2015, until June, since the talks began  P: a span's bound dates nothing (the   before
in 1986 (a span's bound, on the way up)        act lasts over it); future: no date    (unknown)
=============================================  =====================================  ==========

"before" means "on or before ``date``": the event is known only to precede it.
Inside a quotation, today and yesterday are the speaker's, who may have spoken days
before the article: they give ``P`` with precision "before" (``quoted``).
"last week" gets the end of the previous calendar week (weeks start on Monday)
as that bound, which is always true, rather than an invented day.

A past-tense event is never dated after ``P``: an expression that resolves later
than ``P`` for a past event gives ``P`` with precision "before". Without ``P``
only absolute dates (those with a year) resolve; relative ones give a TimeRef with
``date=None`` and precision "unknown".

The search is regex- and table-based and cheap; ``dateparser`` is only a fallback
for a spaCy DATE entity with a digit or a month name that none of the patterns
read, and its answers are cached.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..lang import ordered, words
from .docfacts import facts

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token


@dataclass
class TimeRef:
    """A resolved time expression; ``text == sent.text[start:end]``."""

    date: str | None  # ISO YYYY-MM-DD (first day of the month/year for coarser precisions)
    precision: str  # "day" | "month" | "year" | "before" | "unknown"
    text: str
    start: int
    end: int
    offset: int | None = None  # days from the day named before ("the next day": 1), else None


# ----------------------------------------------------------------- tables

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {day: i for i, day in enumerate(ordered("weekdays"))}  # Monday 0
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

_MONTH_FULL = r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTH_ANY = (
    r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_WEEKDAY = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_ORD = r"(?:st|nd|rd|th)?"
_PART = r"(?:morning|afternoon|evening|night)"
_NUM = r"(?:\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_EDGE = r"(?:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|end\s+of)"

# Preposition cues are matched but left out of the expression's text.
_P = r"(?:(?P<prep>on|in|since|during|by|until|till|from|before|after|of|for)\s+)?"

# (name, pattern): order matters, earlier patterns claim their characters first.
_PATTERNS: list[tuple[str, re.Pattern]] = [
    (name, re.compile(rx, re.IGNORECASE))
    for name, rx in [
        ("iso", r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"),
        ("numeric", r"\b(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4})\b"),
        ("dmy", _P + r"\b(?P<d>\d{1,2})" + _ORD + r"(?:\s+|-)(?:of\s+)?(?P<mon>" + _MONTH_ANY
         + r")(?:,?\s+|-)(?P<y>\d{4})\b"),
        ("mdy", _P + r"\b(?P<mon>" + _MONTH_ANY + r")\s+(?P<d>\d{1,2})" + _ORD + r",?\s+(?P<y>\d{4})\b"),
        ("dm", _P + r"\b(?P<d>\d{1,2})" + _ORD + r"(?:\s+|-)(?:of\s+)?(?P<mon>" + _MONTH_ANY + r")(?![\w])"),
        ("md", _P + r"\b(?P<mon>" + _MONTH_ANY + r")\s+(?P<d>\d{1,2})" + _ORD + r"\b(?!\s*[:\d])"),
        ("my", _P + r"\b(?:(?P<edge>" + _EDGE + r")[\s-]+)?(?P<mon>" + _MONTH_ANY + r"),?\s+(?P<y>\d{4})\b"),
        ("earlier_today", r"\b(?:earlier|later)\s+(?:today|this\s+" + _PART + r")\b"),
        ("today", r"\b(?:today|tonight|this\s+" + _PART + r")\b"),
        ("yesterday", r"\b(?:the\s+day\s+before\s+)?yesterday(?:\s+" + _PART + r")?\b|\blast\s+night\b"),
        ("tomorrow", r"\b(?:the\s+day\s+after\s+)?tomorrow(?:\s+" + _PART + r")?\b"),
        ("ago", r"\b(?P<n>" + _NUM + r"|a\s+few|several|a\s+couple\s+of)\s+(?P<unit>day|week|month|year)s?\s+ago\b"),
        ("rel_day", r"\bthe\s+(?P<dir>next|following|previous|preceding)\s+(?:day|morning|afternoon|evening|night)\b"
         r"|\b(?P<n>" + _NUM + r")\s+days?\s+(?P<dir2>later|afterwards?|earlier)\b"
         r"|\bthe\s+day\s+(?P<dir3>after|before)(?=\s*(?:[,.;:]|$))"),
        ("weekday", r"\b" + r"(?:(?P<prep>on)\s+)?(?:(?P<mod>last|next|this|this\s+past|this\s+coming|coming|past)\s+)?"
         r"(?P<wd>" + _WEEKDAY + r")(?!s\b)(?:\s+(?P<part>" + _PART + r"))?\b"),
        ("rel_period", r"\b(?P<earlier>earlier\s+|later\s+)?(?P<mod>last|this|next|past|previous)\s+(?P<unit>week|month|year)\b"),
        ("month", r"\b(?P<cue>in|since|during|by|until|till|last|next|this|early|mid|late|from|before|after|of|end\s+of)[\s-]+"
         r"(?P<mon>" + _MONTH_FULL + r")\b(?!\s+\d)"),
        ("year", r"\b(?:(?P<cue>in|since|during|by|until|till|of|early|late|mid|the|from|before|after|year|around)[\s-]+)?"
         r"(?P<y>(?:19|20)\d{2})\b(?!s\b|[\d,.]\d|-\d|\s*(?:%|percent|people|troops|soldiers|members|"
         r"km|kilomet|miles|metres|meters|dollars|euros|tons|tonnes|men|women|children))"),
        ("weekend", r"\b(?:(?:over|during|at)\s+the\s+weekend|(?:last|this\s+past|this|past)\s+weekend)\b"),
        ("vague", r"\b(?:earlier|recently|previously|lately|in\s+recent\s+(?:days|weeks|months)|"
         r"in\s+the\s+past\s+(?:few\s+)?(?:days|weeks)|days\s+ago|weeks\s+ago)\b"),
    ]
]

# What a text must hold for a pattern to match in it: a digit (``\d``), or the case-sensitive
# beginning of a month's name (every month alternative above starts with one); a text without
# it is not searched with that pattern (the answer would be no match).
_DIGIT = re.compile(r"\d")
_MONTH_START = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
_NEEDS: dict[str, tuple[re.Pattern, ...]] = {
    "iso": (_DIGIT,), "numeric": (_DIGIT,), "dmy": (_DIGIT, _MONTH_START), "mdy": (_DIGIT, _MONTH_START),
    "dm": (_DIGIT, _MONTH_START), "md": (_DIGIT, _MONTH_START), "my": (_DIGIT, _MONTH_START),
    "month": (_MONTH_START,), "year": (_DIGIT,),
}

# What else a text must hold for a pattern to match in it: one of these words, in lower case.
# Tested only on texts all in ASCII: beyond it, a case-insensitive match may take other letters
# ("ſ" for "s", the Kelvin sign for "k") that lower-casing the text would not give.
_WORDS: dict[str, tuple[str, ...]] = {
    "earlier_today": ("today", "this"), "today": ("today", "tonight", "this"), "yesterday": ("yesterday", "last"),
    "tomorrow": ("tomorrow",), "ago": ("ago",), "rel_day": ("day", "morning", "afternoon", "evening", "night"), "weekday": ("day",), "rel_period": ("week", "month", "year"),
    "weekend": ("weekend",), "vague": ("earlier", "recent", "previously", "lately", "past", "ago"),
}

# how specific each kind is, for ties between equally attached candidates (lower wins)
_RANK = {
    "iso": 0, "numeric": 0, "dmy": 0, "mdy": 0, "dm": 0, "md": 0, "weekday": 0,
    "earlier_today": 0, "today": 0, "yesterday": 0, "tomorrow": 0, "rel_day": 0, "ago": 1, "my": 1,
    "rel_period": 2, "month": 2, "year": 3, "weekend": 2, "vague": 4, "dateparser": 1,
}

_DATEISH = re.compile(
    r"\d|(?-i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)|"
    r"today|tonight|yesterday|tomorrow|morning|afternoon|evening|night|ago|week|month|year|"
    r"earlier|recent|previous|lately|weekend|\bdays?\b",
    re.IGNORECASE,
)

_PREP_CUES = words("date_cue_words")
_SCHEDULED = words("schedule_words")
_FUTURE_AUX = words("future_auxiliaries")
_PLAN_LEMMAS = words("plan_verbs")
_SPAN_BOUNDS = words("span_bound_words")
_LATER = words("later_adverbs")
_OCCASION = words("occasion_verbs")
_SAME_DAY_UNITS = words("same_day_units")
_REPORT_WORDS = words("news_report_words")
_SAYING = words("saying_verbs")


# ----------------------------------------------------------------- helpers

def _parse_published(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def _mk(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _month_num(s: str) -> int:
    return MONTHS[s.rstrip(".").lower()]


def _num(s: str) -> int | None:
    s = s.lower()
    if s.isdigit():
        return int(s)
    return NUMBERS.get(s)


def _shift_month(d: dt.date, months: int) -> dt.date:
    idx = d.year * 12 + (d.month - 1) + months
    return dt.date(idx // 12, idx % 12 + 1, 1)


# An event's tense, for a date with no year: True future (or planned), False past, None
# neither said (a present-tense statement, "regrets that ... in September").
Tense = bool | None

# How far a day with no year may fall on the wrong side of the publication date and keep
# its nearest year: a past act a few days "after" it (the release's date lags the act's), a
# planned trip that began a few days before it ("will travel ... from July 31 to August 6"
# published on 1 August). Beyond these the tense's side wins.
_PAST_SLACK_DAYS = 7
_FUTURE_SLACK_DAYS = 14


def _infer_year(m: int, d: int, pub: dt.date, future: Tense) -> dt.date | None:
    """The date (month m, day d) nearest to pub: on the tense's side of it (>= pub for a
    future act, <= pub for a past one) unless the nearest one is only a few days on the
    other side; the nearest either way when the tense says neither."""
    cands = [c for c in (_mk(pub.year + k, m, d) for k in range(-4, 5)) if c is not None]
    if not cands:
        return None
    nearest = min(cands, key=lambda c: abs((c - pub).days))
    if future is None:
        return nearest
    gap = (nearest - pub).days
    if (future and -_FUTURE_SLACK_DAYS <= gap) or (not future and gap <= _PAST_SLACK_DAYS):
        return nearest
    side = [c for c in cands if (c >= pub if future else c <= pub)]
    return min(side, key=lambda c: abs((c - pub).days)) if side else nearest


_MONTHS_AHEAD = 2  # a month no tense places is the coming one only this near ("the elections in September")


def _infer_month_year(m: int, pub: dt.date, future: Tense, strict: bool = False) -> dt.date:
    """First day of the month m nearest to pub's month (<= for past, >= for future; the
    nearest either way when the tense says neither, as "the elections in September")."""
    y = pub.year
    if future is None and not strict:
        ahead = (m - pub.month) % 12  # months from pub's month forward to m
        return dt.date(y + (pub.month + ahead > 12), m, 1) if ahead <= _MONTHS_AHEAD else \
            dt.date(y - (m > pub.month), m, 1)
    if future:
        if m < pub.month or (strict and m == pub.month):
            y += 1
    else:
        if m > pub.month or (strict and m == pub.month):
            y -= 1
    return dt.date(y, m, 1)


def is_future(trigger: "Token | None", sent: "Span | None" = None) -> bool:
    """True when the event is in the future: a will/shall auxiliary, "going to", or
    an infinitive governed by a planning verb ("plans to visit") or a non-past verb."""
    tok = trigger if trigger is not None else (sent.root if sent is not None else None)
    if tok is None:
        return False
    tok = _first_conjunct(_governing_verb(tok))
    if _future_auxiliary_or_schedule(tok):
        return True
    return tok.tag_ == "VB" and _future_infinitive(tok)


def _past_verb(tok: "Token") -> bool:
    """"called", "has asked", "was urged": a verb told in the past (not "is scheduled")."""
    aux = [ch for ch in tok.children if ch.dep_ in ("aux", "auxpass")]
    if tok.tag_ == "VBD":
        return True
    return tok.tag_ == "VBN" and any(ch.tag_ == "VBD" or ch.lower_ in ("has", "have") for ch in aux)


def _first_conjunct(tok: "Token") -> "Token":
    """The first verb of a coordination, whose auxiliary and "to" its conjuncts share ("will
    host a meeting to galvanize action and outline steps": "outline" is to come too)."""
    for _ in range(6):
        if tok.dep_ != "conj" or tok.head is tok or tok.head.pos_ not in ("VERB", "AUX"):
            break
        tok = tok.head
    return tok


def tense(trigger: "Token | None", sent: "Span | None" = None) -> Tense:
    """True for a future (or planned) act, False for a past one ("met", "has met", "did not
    meet"), None when the verb says neither ("regrets", "meeting")."""
    tok = trigger if trigger is not None else (sent.root if sent is not None else None)
    if tok is None:
        return None
    tok = _first_conjunct(_governing_verb(tok))
    aux = [ch for ch in tok.children if ch.dep_ in ("aux", "auxpass")]
    if is_future(trigger, sent):
        # (but an act a past plan or call framed, "called Liu to condemn the Feb 26 test",
        # may lie on either side of publication)
        framed = tok.tag_ == "VB" and tok.head is not tok and any(ch.lower_ == "to" for ch in aux) \
            and not any(ch.tag_ == "MD" or ch.lower_ in _FUTURE_AUX for ch in aux)
        return None if framed and _past_verb(tok.head) else True
    if any(ch.lower_ == "to" or ch.tag_ == "MD" for ch in aux):
        return None  # ("is to be moderated", "could be held": no past said)
    if tok.tag_ in ("VBD", "VBN") or any(ch.tag_ == "VBD" for ch in aux):
        return False
    return None


def _governing_verb(tok: "Token") -> "Token":
    """The verb that governs a noun trigger ("the visit"), at most three steps up."""
    hops = 0
    while tok.pos_ not in ("VERB", "AUX") and tok.head is not tok and hops < 3:
        tok = tok.head
        hops += 1
    return tok


def _future_auxiliary_or_schedule(tok: "Token") -> bool:
    """"will visit", and "is scheduled / expected / due / set to ..."."""
    for ch in tok.children:
        if ch.dep_ in ("aux", "auxpass") and ch.lower_ in _FUTURE_AUX:
            return True
        if ch.dep_ in ("xcomp", "ccomp") and ch.tag_ == "VB" and tok.lower_ in _SCHEDULED \
                and any(c.lower_ == "to" for c in ch.children):
            return True
    return False


def _future_infinitive(tok: "Token") -> bool:
    """A bare verb with a modal ("may visit"), or an infinitive whose governor plans it, is
    future-tense itself, or is not past ("plans to visit", "wants to visit")."""
    if any(ch.dep_ == "aux" and ch.tag_ == "MD" for ch in tok.children):
        return True
    if not any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in tok.children):
        return False
    head = tok.head
    if head is tok:
        return True
    if head.lemma_.lower() in _PLAN_LEMMAS or head.lower_ in _SCHEDULED:
        return True
    if any(ch.dep_ in ("aux", "auxpass") and ch.lower_ in _FUTURE_AUX for ch in head.children):
        return True
    if head.tag_ in ("VBD", "VBN"):
        return False
    return head.tag_ in ("VBZ", "VBP", "VB", "VBG", "JJ")


# ----------------------------------------------------------------- resolution

def _iso(g: dict[str, Any], pub: dt.date | None, future: Tense) -> tuple[dt.date | None, str] | None:
    d = _mk(int(g["y"]), int(g["m"]), int(g["d"]))
    return (d, "day") if d else None


def _numeric(g: dict[str, Any], pub: dt.date | None, future: Tense) -> tuple[dt.date | None, str] | None:
    a, b, y = int(g["a"]), int(g["b"]), int(g["y"])
    if a > 12 and b <= 12:
        d = _mk(y, b, a)
    elif b > 12 and a <= 12:
        d = _mk(y, a, b)
    elif a == b:
        d = _mk(y, a, a)
    else:
        return None  # 5/2/2021: day-month or month-day? skip
    return (d, "day") if d else None


def _day_month_year(g: dict[str, Any], pub: dt.date | None, future: Tense) -> tuple[dt.date | None, str] | None:
    d = _mk(int(g["y"]), _month_num(g["mon"]), int(g["d"]))
    return (d, "day") if d else None


def _month_year(g: dict[str, Any], pub: dt.date | None, future: Tense) -> tuple[dt.date | None, str] | None:
    return dt.date(int(g["y"]), _month_num(g["mon"]), 1), "month"


def _day_month(g: dict[str, Any], pub: dt.date | None, future: Tense) -> tuple[dt.date | None, str] | None:
    mon, day = _month_num(g["mon"]), int(g["d"])
    if not 1 <= day <= 31:
        return None
    if pub is None:
        return None, "unknown"
    d = _infer_year(mon, day, pub, future)
    return (d, "day") if d else None


def _month(g: dict[str, Any], pub: dt.date | None, future: Tense) -> tuple[dt.date | None, str] | None:
    mon = _month_num(g["mon"])
    if g["mon"] == "May" and g["cue"].lower() in ("by", "of"):
        return None
    if pub is None:
        return None, "unknown"
    cue = g["cue"].lower()
    if cue == "next":
        return _infer_month_year(mon, pub, True, strict=True), "month"
    if cue == "last":
        return _infer_month_year(mon, pub, False, strict=True), "month"
    if cue == "this":
        return dt.date(pub.year, mon, 1), "month"
    return _infer_month_year(mon, pub, future), "month"


def _year(g: dict[str, Any], pub: dt.date | None, future: Tense) -> tuple[dt.date | None, str] | None:
    return dt.date(int(g["y"]), 1, 1), "year"


# kinds that name their own date (or need the publication date only for its year)
_ABSOLUTE: dict[str, Callable[[dict[str, Any], dt.date | None, Tense], tuple[dt.date | None, str] | None]] = {
    "iso": _iso, "numeric": _numeric, "dmy": _day_month_year, "mdy": _day_month_year, "my": _month_year,
    "dm": _day_month, "md": _day_month, "month": _month, "year": _year,
}


def _today(g: dict[str, Any], text: str, pub: dt.date, future: Tense) -> tuple[dt.date | None, str] | None:
    return pub, "day"


def _yesterday(g: dict[str, Any], text: str, pub: dt.date, future: Tense) -> tuple[dt.date | None, str] | None:
    return pub - dt.timedelta(days=2 if text.startswith("the day before") else 1), "day"


def _tomorrow(g: dict[str, Any], text: str, pub: dt.date, future: Tense) -> tuple[dt.date | None, str] | None:
    return pub + dt.timedelta(days=2 if text.startswith("the day after") else 1), "day"


def _ago(g: dict[str, Any], text: str, pub: dt.date, future: Tense) -> tuple[dt.date | None, str] | None:
    unit = g["unit"].lower()
    n = _num(g["n"]) if " " not in g["n"] else None  # "a few", "several", "a couple of"
    if n is None:
        return pub, "before"
    if unit == "day":
        return pub - dt.timedelta(days=n), "day"
    if unit == "week":
        return pub - dt.timedelta(days=7 * n), "day"
    if unit == "month":
        return _shift_month(pub, -n), "month"
    return dt.date(pub.year - n, 1, 1), "year"


def _weekday(g: dict[str, Any], text: str, pub: dt.date, future: Tense) -> tuple[dt.date | None, str] | None:
    wd = WEEKDAYS[g["wd"].lower()]
    mod = (g.get("mod") or "").lower()
    if mod == "next" or (future and mod not in ("last", "past", "this past")):
        delta = (wd - pub.weekday()) % 7
        if delta == 0 and mod in ("next",):
            delta = 7
        return pub + dt.timedelta(days=delta), "day"
    delta = (pub.weekday() - wd) % 7
    if delta == 0 and mod in ("last", "past", "this past"):
        delta = 7
    return pub - dt.timedelta(days=delta), "day"


def _rel_period(g: dict[str, Any], text: str, pub: dt.date, future: Tense) -> tuple[dt.date | None, str] | None:
    mod, unit = g["mod"].lower(), g["unit"].lower()
    if mod in ("past",):
        return pub, "before"  # "the past week": up to now
    if unit == "week":
        if mod in ("last", "previous"):
            return pub - dt.timedelta(days=pub.weekday() + 1), "before"
        if mod == "this":
            return pub, "before"
        return None, "unknown"  # next week
    if unit == "month":
        off = {"last": -1, "previous": -1, "this": 0, "next": 1}[mod]
        return _shift_month(pub, off), "month"
    off = {"last": -1, "previous": -1, "this": 0, "next": 1}[mod]
    return dt.date(pub.year + off, 1, 1), "year"


def _vague(g: dict[str, Any], text: str, pub: dt.date, future: Tense) -> tuple[dt.date | None, str] | None:
    return pub, "before"


def _weekend(g: dict[str, Any], text: str, pub: dt.date, future: Tense) -> tuple[dt.date | None, str] | None:
    # on or before the most recent Sunday (the publication day itself on a weekend)
    if pub.weekday() >= 5:
        return pub, "before"
    return pub - dt.timedelta(days=pub.weekday() + 1), "before"


# kinds relative to the publication date: (groups, lower-case match text, publication date, future)
_RELATIVE: dict[str, Callable[[dict[str, Any], str, dt.date, Tense], tuple[dt.date | None, str] | None]] = {
    "today": _today, "earlier_today": _today, "yesterday": _yesterday, "tomorrow": _tomorrow, "ago": _ago,
    "weekday": _weekday, "rel_period": _rel_period, "vague": _vague, "weekend": _weekend,
}


def _resolve(kind: str, m: re.Match, pub: dt.date | None, future: Tense) -> tuple[dt.date | None, str] | None:
    """(date, precision) for one match, or None when the match is not a usable date."""
    g = m.groupdict()
    absolute = _ABSOLUTE.get(kind)
    if absolute is not None:
        return absolute(g, pub, future)
    # the rest are relative to the publication date
    if pub is None:
        return None, "unknown"
    relative = _RELATIVE.get(kind)
    return relative(g, m.group(0).lower(), pub, future) if relative is not None else None


# DATE entities that name no date: durations ("a 17-year war", "for 25 years"), ranges
# ("2015-16"), decades ("the 1970s") and numbers that are no year ("13582") — dateparser would
# make dates of them ("17-year" → the 17th)
_NOT_A_DATE = re.compile(
    r"(?:(?:nearly|about|some|over|almost|more than|less than|the past|the last|the next)\s+)?"
    r"(?:\d+|a|an|one|two|three|several|many)\s*-?\s*(?:year|month|week|day|hour|decade)s?(?:\s*-?\s*old)?$"
    r"|\d{4}\s*[-–]\s*\d{2,4}$|(?:the\s+)?(?:(?:late|early|mid)[-\s]*)?\d{2,4}'?s$|\d{1,3}$|\d{5,}$"
    r"|(?:(?:a|the)\s+)?\d{1,2}(?:st|nd|rd|th)[-\s]+century$|[a-z]\s*\d+$",
    re.IGNORECASE)
_PLAIN_MONTH = re.compile(r"(?:(?:in|last)\s+)?(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?$",
                          re.IGNORECASE)
_PLAIN_YEAR = re.compile(r"(?:in\s+)?((?:19|20)\d\d)$")
_PLAIN_DAY = re.compile(r"the\s+(\d{1,2})(?:st|nd|rd|th)$", re.IGNORECASE)
_PLAIN_MONTH_DAY = re.compile(r"(" + "|".join(max((k for k in MONTHS if MONTHS[k] == n), key=len) for n in range(1, 13))
                              + r")\s+([1-9]|[12]\d|3[01])$",
                              re.IGNORECASE)


def _month_day(m: re.Match, pub: dt.date | None) -> tuple[str, str] | None:
    """"January 9": that day in the latest year that puts it on or before ``pub`` (today when
    there is none), as dateparser reads it (preferring past dates); None for a day the month
    lacks (February 29 is left to dateparser)."""
    base = pub or dt.date.today()
    month, day = MONTHS[m.group(1).lower()], int(m.group(2))
    try:
        found = dt.date(base.year, month, day)
        if found > base:
            found = dt.date(base.year - 1, month, day)
    except ValueError:
        return None
    return found.isoformat(), "day"


def _plain_date(text: str, pub: dt.date | None) -> tuple[str, str] | None:
    """What dateparser would make of the DATE entities news has most ("December", "2000", "the
    13th", "January 9"), without waking it (its first call costs ~0.3 s): the latest such date up to ``pub``."""
    m = _PLAIN_YEAR.match(text)
    if m:
        return dt.date(int(m.group(1)), 1, 1).isoformat(), "year"
    m = _PLAIN_MONTH_DAY.match(text)
    if m:
        return _month_day(m, pub)
    if pub is None:
        return None
    m = _PLAIN_MONTH.match(text)
    if m:
        month = MONTHS[m.group(1).lower()]
        return dt.date(pub.year if month <= pub.month else pub.year - 1, month, 1).isoformat(), "month"
    m = _PLAIN_DAY.match(text)
    if m and 1 <= int(m.group(1)) <= 31:
        day, year, month = int(m.group(1)), pub.year, pub.month
        for _ in range(13):  # the latest month (up to this one) that has that day
            if day <= pub.day or (year, month) != (pub.year, pub.month):
                try:
                    return dt.date(year, month, day).isoformat(), "day"
                except ValueError:
                    pass
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return None


@lru_cache(maxsize=2048)
def _dateparser(text: str, published: str | None) -> tuple[str, str] | None:
    """dateparser on one DATE entity's text: (iso date, precision) or None."""
    try:
        from dateparser.date import DateDataParser
    except ImportError:  # pragma: no cover
        return None
    settings = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True}
    pub = _parse_published(published)
    if pub is not None:
        settings["RELATIVE_BASE"] = dt.datetime(pub.year, pub.month, pub.day, 12)
    try:
        data = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    except Exception:  # noqa: BLE001 - dateparser raises assorted errors on odd strings
        return None
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    if not 1900 <= d.year <= 2100:
        return None
    period = data.period or "day"
    if period == "month":
        return dt.date(d.year, d.month, 1).isoformat(), "month"
    if period == "year":
        return dt.date(d.year, 1, 1).isoformat(), "year"
    return d.isoformat(), "day"


def _explicit_future(kind: str, m: re.Match) -> bool:
    """Expressions that name a future time whatever the verb's tense."""
    if kind == "tomorrow":
        return True
    g = m.groupdict()
    return (g.get("mod") or g.get("cue") or "").lower() in ("next", "coming", "this coming")


# the dependencies that open a description of a noun: a relative clause, a participle, an appositive
_DESCRIPTIONS = ("relcl", "acl", "appos")


def _describes_another(span: "Span", trigger: "Token | None") -> bool:
    """Whether the expression sits in a description of something (a relative clause, a
    participle or an appositive: "the MP elected in 1997", "Smith, who was jailed in 2010")
    that the trigger is not part of; a description of the trigger itself, a noun naming an act,
    dates it ("the attacks that took place this week", "the bombing carried out in 2018")."""
    node = span.root
    while node.head.i != node.i:
        # (a time set beside a time, "Friday, 5 February", describes no one)
        if node.dep_ in _DESCRIPTIONS and not {node.ent_type_, node.head.ent_type_} & {"DATE", "TIME"}:
            if trigger is not None and node.head.i == trigger.i and trigger.pos_ == "NOUN" and node.dep_ != "appos" \
                    and _hangs_on(span.root, node):
                return False
            return trigger is None or not (node.left_edge.i <= trigger.i <= node.right_edge.i)
        node = node.head
    return False


def _hangs_on(root: "Token", verb: "Token") -> bool:
    """Whether a time hangs on ``verb`` itself, directly or by a preposition ("took place this
    week", "started on July 11"; not "including a July 14 strike": the strike's day)."""
    node = root
    for _ in range(2):
        if node.head.i == verb.i:
            return True
        node = node.head
        if node.pos_ != "ADP":
            return False
    return False


def _attachment(span: "Span", trigger: "Token | None") -> int:
    """0: the expression hangs off the trigger (via a preposition, npadvmod, or
    nouns of the trigger's own phrase); 1: off the trigger's clause (its head
    verb, an auxiliary chain); 2+: elsewhere, by tree distance."""
    if trigger is None:
        return 0
    if span.start <= trigger.i < span.end:
        return 0
    node = span.root
    steps = 0
    while node.head is not node and steps < 8:
        node = node.head
        steps += 1
        if node.i == trigger.i:
            return 0
        if node.pos_ in ("VERB", "AUX") and not (span.start <= node.i < span.end):
            break
    # the verb the expression hangs off is the trigger's governor or a conjunct
    if node.i == trigger.head.i and trigger.dep_ in (
        "xcomp", "ccomp", "conj", "dobj", "nsubj", "nsubjpass", "pobj", "advcl", "acl", "relcl", "attr"
    ):
        return 1
    if node.head.i == trigger.i and node.dep_ in ("conj", "xcomp"):
        return 1
    anc_t = [trigger] + list(trigger.ancestors)
    pos = {t.i: n for n, t in enumerate(anc_t)}
    for n, t in enumerate([span.root] + list(span.root.ancestors)):
        if t.i in pos:
            return 2 + n + pos[t.i]
    return 50


@lru_cache(maxsize=1024)
def _scan(text: str) -> tuple[tuple[str, re.Match, int, int], ...] | None:
    """Every pattern's matches in ``text`` (None when nothing in it looks like a time), in
    pattern order, each with the characters it claims (a leading preposition or cue left
    out); the same for every trigger of a sentence, so worked out once per text."""
    if not _DATEISH.search(text):
        return None
    out: list[tuple[str, re.Match, int, int]] = []
    present = {rx: rx.search(text) is not None for rx in (_DIGIT, _MONTH_START)}
    lower = text.lower() if text.isascii() else None
    for kind, rx in _PATTERNS:
        if not all(present[need] for need in _NEEDS.get(kind, ())):
            continue
        words = _WORDS.get(kind)
        if words and lower is not None and not any(w in lower for w in words):
            continue
        for m in rx.finditer(text):
            s, e = m.span()
            if "prep" in rx.groupindex and m.group("prep"):
                s = m.start("prep") + len(m.group("prep"))
                while s < e and text[s].isspace():
                    s += 1
            if kind in ("year", "month") and (m.group("cue") or "").lower() in _PREP_CUES:
                s = m.start("y" if kind == "year" else "mon")
            out.append((kind, m, s, e))
    return tuple(out)


def _expressions(sent: "Span", text: str, found: tuple, pub: dt.date | None, future: Tense
                 ) -> list[tuple["Span | None", int, int, TimeRef]]:
    """The sentence's time expressions as candidates: (span, rank, start, time), whatever the
    trigger (only how near they are to it is its own); worked out once per sentence, date of
    publication and tense, as every event of the sentence asks."""
    memo = facts(sent.doc).memo
    key = ("dates", sent.start, sent.end, pub, future)
    out = memo.get(key)
    if out is not None:
        return out
    ents = facts(sent.doc).sentence_ents(sent)
    out = _matched(sent, text, found, pub, future, ents) or _entity_dates(sent, ents, pub, future)
    memo[key] = out
    return out


Candidate = tuple["Span | None", int, int, TimeRef]


def _matched(sent: "Span", text: str, found: tuple, pub: dt.date | None, future: Tense, ents: list
             ) -> list[Candidate]:
    """The expressions the patterns read, each character claimed once (an ambiguous 5/2/2021
    claims its characters and gives nothing)."""
    base = sent.start_char
    date_ents = [(e.start_char - base, e.end_char - base) for e in ents if e.label_ in ("DATE", "TIME")]
    out: list[Candidate] = []
    claimed: list[tuple[int, int]] = []
    for kind, m, s, e in found:
        if any(s < ce and cs < e for cs, ce in claimed):
            continue
        if not _an_expression(sent, kind, m, s, e, date_ents):
            continue
        if kind == "rel_day":
            claimed.append((s, e))
            ref = TimeRef(None, "unknown", text[s:e], s, e, offset=_day_offset(m))
            out.append((sent.char_span(s, e, alignment_mode="expand"), _RANK[kind], s, ref))
            continue
        res = (dt.date(int(m.group("y")), 1, 1), "year") if kind == "year" and not m.group("cue") \
            else _resolve(kind, m, pub, future)
        claimed.append((s, e))
        if res is None:
            continue
        d, prec = res
        if d is not None and pub is not None and not future and d > pub and not _explicit_future(kind, m):
            d, prec = pub, "before"
        if d is not None and pub is not None and kind in _SPEAKERS_DAY and quoted(text, s):
            d, prec = pub, "before"  # ('X said: "Today I ask ..."': the day X spoke, not the article's)
        ref = TimeRef(d.isoformat() if d else None, prec, text[s:e], s, e)
        out.append((sent.char_span(s, e, alignment_mode="expand"), _RANK[kind], s, ref))
    return out


# the expressions a quotation tells from the day its speaker spoke, which the quotation
# does not give
_SPEAKERS_DAY = frozenset({"today", "earlier_today", "yesterday"})
_OPENING, _CLOSING = "\u201c", "\u201d"


def quoted(text: str, at: int) -> bool:
    """Whether offset ``at`` of a sentence is inside a quotation: after an opening mark not
    yet closed, or before the closing mark of a quotation opened in an earlier sentence."""
    before, after = text[:at], text[at:]
    if before.count(_OPENING) > before.count(_CLOSING) or before.count('"') % 2:
        return True
    first_close = after.find(_CLOSING)
    if first_close >= 0 and _OPENING not in after[:first_close]:
        return True
    return after.count('"') % 2 == 1 and before.count('"') == 0


def _day_offset(m: re.Match) -> int:
    """How many days "the next day", "two days later", "the day before" lie from the day named before."""
    if m.group("dir"):
        return 1 if m.group("dir").lower() in ("next", "following") else -1
    if m.group("dir2"):
        n = _num(m.group("n")) or 1
        return -n if m.group("dir2").lower() == "earlier" else n
    return 1 if m.group("dir3").lower() == "after" else -1


def _an_expression(sent: "Span", kind: str, m: re.Match, s: int, e: int, date_ents: list[tuple[int, int]]) -> bool:
    """Whether a match is a time expression at all: a bare year only inside a DATE entity;
    "earlier" not as a comparative ("earlier talks")."""
    if kind == "year" and not m.group("cue"):
        return any(a <= m.start("y") and m.end("y") <= b for a, b in date_ents)
    if kind == "vague" and m.group(0).lower() == "earlier":
        span = sent.char_span(s, e, alignment_mode="expand")
        return not (span is not None and span.root.dep_ == "amod")
    return True


def _entity_dates(sent: "Span", ents: list, pub: dt.date | None, future: Tense) -> list[Candidate]:
    """The fallback: a DATE entity the patterns did not read, with a digit or a month."""
    base = sent.start_char
    out: list[Candidate] = []
    for ent in ents:
        et = ent.text
        if ent.label_ != "DATE" or not re.search(r"\d|" + _MONTH_ANY, et) or _NOT_A_DATE.match(et.strip()):
            continue
        got = _plain_date(et.strip(), pub) or _dateparser(et, pub.isoformat() if pub else None)
        if got is None:
            continue
        iso, prec = got
        if pub is not None and not future and dt.date.fromisoformat(iso) > pub:
            iso, prec = pub.isoformat(), "before"
        s, e = ent.start_char - base, ent.end_char - base
        out.append((ent, _RANK["dateparser"], s, TimeRef(iso, prec, et, s, e)))
    return out


_SPAN_RANK = 5  # a span's bound: any other time of the sentence dates the act first (resolve_time)


def _when_clause_of(span: "Span", trigger: "Token") -> bool:
    """Whether the trigger's clause opens with "when" right after the expression ("since
    October 2020, when the council announced ..."), however the parser hung the clause."""
    verb = _first_conjunct(trigger)
    doc = span.doc
    nxt = span.end + (1 if span.end < len(doc) and doc[span.end].text == "," else 0)
    return nxt < len(doc) and doc[nxt].lower_ == "when" and doc[nxt].head.i in (trigger.i, verb.i)


def _bounds_a_span(text: str, start: int, span: "Span | None", trigger: "Token | None") -> bool:
    """Whether the expression bounds a span the act lasts over rather than dating it: it
    follows "since"/"until" ("since 2015", "until June"), or hangs under such a word on its
    way up to the trigger ("since the program began in 1986"); not the trigger's own clause
    ("since the protests began in June" dates the beginning)."""
    if span is not None and trigger is not None and _when_clause_of(span, trigger):
        return False  # ("since August 2017, when thousands were forced to flee": the date of the flight)
    before = text[:start].split()
    if before and before[-1].lower() in _SPAN_BOUNDS:
        return True
    if span is None:
        return False
    node = span.root
    for _ in range(8):
        if node.head is node:
            return False
        node = node.head
        if trigger is not None and node.i == trigger.i:
            return False
        if node.lower_ in _SPAN_BOUNDS or any(ch.dep_ == "mark" and ch.lower_ in _SPAN_BOUNDS for ch in node.children):
            return True
    return False


def resolve_time(
    sent: "Span", published: str | None, trigger: "Token | None" = None, anchor: tuple[str | None, str] | None = None
) -> TimeRef | None:
    """The time of the event whose trigger is ``trigger`` in ``sent`` (see the module
    docstring for the rules), or None when the sentence has no time expression. ``anchor``
    is the day named before the sentence, which "the next day" counts from."""
    text = facts(sent.doc).span_text(sent)
    found = _scan(text)
    if found is None:
        return None
    pub = _parse_published(published)
    future = tense(trigger, sent)
    at = trigger.idx - sent.start_char if trigger is not None else None
    cands: list[tuple[int, int, int, int, TimeRef]] = []  # (attach, rank, dist, start, ref)
    for span, rank, s, ref in _expressions(sent, text, found, pub, future):
        if span is not None and _describes_another(span, trigger):
            continue  # ("one of the Blair Babes elected in 1997, criticised ...": not the criticism's date)
        if span is not None and _dates_an_object(span, trigger):
            continue  # ("discussed the outcomes of the March 24 summit": the summit's day, not the talks')
        if at is not None and quoted(text, s) and not quoted(text, at):
            continue  # ('issued a statement: "There was an assault on Friday"': the assault's day, not the statement's)
        if _bounds_a_span(text, s, span, trigger):
            # ("has reported 16 deaths since 2015": the act is the report's, on or before publication)
            rank, ref = _SPAN_RANK, TimeRef(pub.isoformat() if pub is not None and not future else None,
                                            "before" if pub is not None and not future else "unknown",
                                            ref.text, ref.start, ref.end)
        if span is not None and ref.precision == "day" and future is not True and _dates_a_report(span, trigger):
            # ("It was reported on Saturday the prisoner was stabbed": on or before Saturday)
            ref = replace(ref, precision="before")
        att = _attachment(span, trigger) if span is not None else 50
        if rank == _SPAN_RANK:
            att = 50  # (after any other time of the sentence, however near the trigger the bound is)
        dist = abs(span.start - trigger.i) if (span is not None and trigger is not None) else s
        cands.append((att, rank, dist, s, ref))
    if not cands:
        return None
    cands.sort(key=lambda c: (min(c[0], 2), c[1], c[0], c[2], c[3]))
    best = cands[0][4]
    if best.offset is not None:
        return _counted(best, [c[4] for c in cands], anchor, pub, future)
    return best


def _dates_a_report(span: "Span", trigger: "Token | None") -> bool:
    """Whether the expression hangs (directly or by a preposition) on a word naming a news
    report that is not the trigger ("By reports on Saturday, two victims died", "media reported
    on Monday that soldiers shot ..."): it dates the report, not the act the report tells."""
    if trigger is None or trigger.lemma_.lower() in _REPORT_WORDS or span.root.dep_ not in ("pobj", "npadvmod"):
        return False  # (not "noted in a March 11 report": the day of the noting)
    node = span.root
    for _ in range(2):
        if node.head is node:
            return False
        node = node.head
        if node.i == trigger.i:
            return False
        if node.lemma_.lower() in _SAYING and node.pos_ in ("VERB", "AUX") and trigger.lemma_.lower() not in _SAYING:
            # (not "the ministry said on Monday it rejected the plan": the saying is the act)
            return not _own_act(trigger)
        if node.lemma_.lower() in _REPORT_WORDS:
            # (but "a bombing was yesterday reported to have killed ...": the report's subject
            # is the act itself, told as of that day)
            return not (trigger.dep_ == "xcomp" and trigger.head.i == node.i)
        if node.pos_ != "ADP":
            return False
    return False


def _own_act(trigger: "Token") -> bool:
    """Whether the act is told by a pronoun subject, the speaker's own ("said it rejected")."""
    verb = _governing_verb(trigger)
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ == "PRP" for c in verb.children)


def _counted(ref: TimeRef, others: list[TimeRef], anchor: tuple[str | None, str] | None,
             pub: dt.date | None, future: Tense) -> TimeRef:
    """"The next day", "two days later": counted from a day named earlier in the sentence ("met
    on Monday and spoke again the next day"), else from the day named before the sentence;
    with neither, on or before publication for a past act."""
    days = [o for o in others if o.offset is None and o.date and o.precision == "day" and o.start < ref.start]
    base = max(days, key=lambda o: o.start).date if days else \
        (anchor[0] if anchor is not None and anchor[0] and anchor[1] == "day" else None)
    if base is None:
        before = pub is not None and not future
        return replace(ref, date=pub.isoformat() if before and pub else None, precision="before" if before else "unknown")
    day = dt.date.fromisoformat(base[:10]) + dt.timedelta(days=ref.offset or 0)
    if pub is not None and not future and day > pub:
        return replace(ref, date=pub.isoformat(), precision="before")
    return replace(ref, date=day.isoformat(), precision="day")


# the dependencies by which a time names a noun's day before it: "the March 24 summit"
_PRENOMINAL = ("compound", "nmod", "amod", "npadvmod", "nummod")
# the links from a noun up to the object it is part of ("the outcomes of the ... summit", "efforts, including the ... statement")
_IN_PHRASE = ("pobj", "prep", "conj", "appos", "compound", "nmod")


def _dates_an_object(span: "Span", trigger: "Token | None") -> bool:
    """Whether the expression names, before it, the day of a noun in a verb's object ("discussed
    the outcomes of the March 24 summit", "welcomed the February 14 statement"): the day of that
    thing, not of the act (but of the noun itself when it is the trigger, of an act a noun names,
    and of an act the occasion is the object of: "attended the February 12 ministerial")."""
    root = span.root
    noun = root.head
    if root.dep_ not in _PRENOMINAL or noun.pos_ not in ("NOUN", "PROPN") or noun.i < span.end:
        return False
    if trigger is not None and trigger.pos_ not in ("VERB", "AUX"):
        return False
    node = noun
    for _ in range(8):
        if trigger is not None and node.i == trigger.i:
            return False
        if node.dep_ == "dobj":
            return node.head.lemma_.lower() not in _OCCASION
        if node.dep_ not in _IN_PHRASE or node.head is node:
            return False
        node = node.head
    return False


def carried(date: str | None, precision: str, published: str | None, trigger: "Token | None"
            ) -> tuple[str | None, str]:
    """An earlier sentence's date for an act that names none: kept, but not for a past act
    when it lies after publication ("The minister will arrive on Monday. The
    talks were held ...": the coming Monday dates only what is to come)."""
    if date and published and date > published[:10] and tense(trigger) is False:
        return published[:10], "before"
    if date and published and trigger is not None and told_later(trigger) and tense(trigger) is not True:
        return published[:10], "before"  # ("They met on Monday. The envoy later left": not Monday)
    return date, precision


def told_later(trigger: "Token") -> bool:
    """Whether the act is told as coming after the day named before it ("later", "eventually",
    "has since resigned"), not as on it ("later that day" is that day)."""
    verb = _first_conjunct(_governing_verb(trigger))
    # ("a short time later", "minutes later" are still that day; "a few days later" is not)
    if not any(ch.dep_ == "advmod" and ch.lower_ in _LATER and not any(t.lemma_.lower() in _SAME_DAY_UNITS for t in ch.lefts)
               for ch in (*trigger.children, *verb.children)):
        return False
    return _SAME_DAY.search(facts(trigger.doc).span_text(trigger.sent)) is None


def later_than(date: str | None, published: str | None) -> bool:
    """Whether a date lies after publication (an act to come)."""
    return bool(date and published and date > published[:10])


# "later that day", "that same evening", "on the same day": a time told by the day named before
_SAME_DAY = re.compile(r"\b(?:(?:later|earlier) )?(?:that|the same|that same) (?:day|morning|afternoon|evening|night)\b",
                       re.IGNORECASE)


def refers_back(text: str) -> bool:
    """Whether ``text`` dates its act by the day named before it ("Later that day the
    delegation held a meeting"): that day carries over, even into a new paragraph (but "the
    next day" counts only from a day of its own paragraph: a day paragraphs back is seldom the
    one it counts from)."""
    return _SAME_DAY.search(text) is not None

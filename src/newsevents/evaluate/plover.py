"""The PLOVER gold standard (``PLOVER_GSR_CAMEO.txt``): a JSON list of coded sentences.

The first entry (``"event": "DOCUMENT"``) documents the file and is skipped. Each record has
``text``, ``event`` (a PLOVER type, some under their old names), ``source``/``target``
(lists of ``{"actorText", "code", "sector"?}``, or ``""`` for none), ``context`` (comma
separated), ``date`` and ``textInfo.markup`` — the sentence with its parts tagged
``(SRC: ...)``, ``(TAR: ...)``, ``(SRC/TAR: ...)``, ``(EVT: ...)``, ``(LOC: ...)``.
The markup is hand-written: tags nest (``(LOC:to (TAR: Bosnia))``), a few close with ``}``,
and ``textInfo`` is sometimes the markup string itself; the parser copes with all three.
"""
from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from .scoring import (
    NONE,
    Confusion,
    ErrorCase,
    SetResult,
    Table,
    actor_spans,
    best_event,
    code_texts,
    describe_event,
    per_class_rows,
    ratio,
)

FILE = "PLOVER_GSR_CAMEO.txt"

# Old PLOVER type names in the gold → the names the coder uses.
TYPE_ALIASES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
# Country codes in the gold that are not the ISO/CAMEO ones the coder produces.
COUNTRY_ALIASES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
# Context spellings in the gold → PLOVER context names.
CONTEXT_ALIASES = {"refugees": "refugee", "resources": "resource", "politics": "political"}

_TAG_RE = re.compile(r"\(\s*([A-Z]{3}(?:/[A-Z]{3})*)\s*:\s*")


@dataclass
class Span:
    tag: str  # SRC, TAR, SRC/TAR, EVT, LOC, ...
    start: int
    end: int
    text: str

    def has(self, role: str) -> bool:
        return role in self.tag.split("/")


@dataclass
class GoldActor:
    text: str
    code: str
    sector: str | None = None

    @property
    def country(self) -> str:
        return country_key(self.code)


@dataclass
class PloverItem:
    id: str
    text: str
    date: str | None
    raw_type: str
    type: str
    sources: list[GoldActor] = field(default_factory=list)
    targets: list[GoldActor] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    markup: str = ""

    def spans_of(self, role: str) -> list[Span]:
        return [s for s in self.spans if s.has(role)]


def country_key(code: str | None) -> str:
    """The country part of a CAMEO actor code: its first three letters (IGO, NGO, IMG ... included)."""
    key = (code or "")[:3].upper()
    return COUNTRY_ALIASES.get(key, key)


def produced_country(actor: Any | None) -> str | None:
    """The same key for a produced actor: its country (ISO, as the record gives it), else the
    first three letters of its code (IGO, NGO, IMG ...)."""
    if actor is None:
        return None
    if actor.country:
        return country_key(actor.country)
    return country_key(actor.code) if actor.code else None


def normalize_type(name: str) -> str:
    name = (name or "").strip().upper()
    return TYPE_ALIASES.get(name, name)


def parse_context(value: Any) -> list[str]:
    if not value or not isinstance(value, str):
        return []
    out = []
    for part in value.split(","):
        part = part.strip().lower()
        if part and part != "unknown":
            out.append(CONTEXT_ALIASES.get(part, part))
    return out


# -- the markup ---------------------------------------------------------------------------

def parse_markup(markup: str) -> tuple[str, list[Span]]:
    """Strip ``(TAG: ...)`` markup; returns the plain text and the tagged spans in it.

    Plain parentheses inside or outside tags are kept; tags may nest; a tag closes at its
    matching ``)`` (or a stray ``}``), or at the end of the text when left open.
    """
    out: list[str] = []
    pos = 0  # length of the plain text so far
    stack: list[tuple[str, int]] = []  # ("(" for plain parentheses) or (tag, start)
    spans: list[Span] = []
    i, n = 0, len(markup)
    while i < n:
        ch = markup[i]
        if ch == "(":
            m = _TAG_RE.match(markup, i)
            if m:
                stack.append((m.group(1), pos))
                i = m.end()
                continue
            stack.append(("(", pos))
        elif ch == ")" and stack:
            kind, start = stack.pop()
            if kind != "(":
                spans.append(_span(kind, start, out))
                i += 1
                continue
        elif ch == "}" and stack and stack[-1][0] != "(":
            kind, start = stack.pop()
            spans.append(_span(kind, start, out))
            i += 1
            continue
        out.append(ch)
        pos += 1
        i += 1
    while stack:
        kind, start = stack.pop()
        if kind != "(":
            spans.append(_span(kind, start, out))
    spans.sort(key=lambda s: (s.start, s.end))
    return "".join(out), spans


def _span(tag: str, start: int, out: list[str]) -> Span:
    text = "".join(out[start:])
    # trim the whitespace a hand-typed tag may have kept inside it
    lead = len(text) - len(text.lstrip())
    body = text.strip()
    return Span(tag, start + lead, start + lead + len(body), body)


def align_spans(plain: str, text: str, spans: Sequence[Span]) -> list[Span]:
    """Move spans found in the markup's plain text onto ``text`` (they differ in spacing now and then)."""
    if plain == text:
        return list(spans)
    out = []
    for s in spans:
        if not s.text:
            continue
        hits = [m.start() for m in re.finditer(re.escape(s.text), text)]
        if not hits:
            continue
        best = min(hits, key=lambda h: abs(h - s.start))
        out.append(Span(s.tag, best, best + len(s.text), s.text))
    return out


# -- reading ------------------------------------------------------------------------------

def _actors(value: Any) -> list[GoldActor]:
    if not isinstance(value, list):
        return []
    out = []
    for a in value:
        if isinstance(a, dict) and a.get("code"):
            out.append(GoldActor(str(a.get("actorText") or ""), str(a["code"]), a.get("sector")))
    return out


def read_plover(path: str | Path) -> list[PloverItem]:
    """The records of a PLOVER gold file (the DOCUMENT entry and records without text skipped)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a JSON list of records")
    return [item for rec in data if (item := record_to_item(rec)) is not None]


def record_to_item(rec: Any) -> PloverItem | None:
    if not isinstance(rec, dict) or rec.get("event") == "DOCUMENT" or not rec.get("text"):
        return None
    info = rec.get("textInfo")
    markup = info.get("markup", "") if isinstance(info, dict) else (info if isinstance(info, str) else "")
    text = str(rec["text"]).strip()
    spans: list[Span] = []
    if markup:
        plain, raw = parse_markup(markup)
        spans = align_spans(plain, text, raw)
    return PloverItem(
        id=str(rec.get("id") or ""),
        text=text,
        date=rec.get("date") or None,
        raw_type=str(rec.get("event") or ""),
        type=normalize_type(str(rec.get("event") or "")),
        sources=_actors(rec.get("source")),
        targets=_actors(rec.get("target")),
        context=parse_context(rec.get("context")),
        spans=spans,
        markup=markup,
    )


# -- scoring ------------------------------------------------------------------------------

def _typed(ev: Any) -> bool:
    return bool(ev.plover and ev.plover.get("type"))


def _country_right(role: str, gold: Sequence[GoldActor], chosen: Any | None, problems: list[str]) -> bool:
    """Whether the chosen event's ``role`` actor has a gold actor's country (else a problem noted)."""
    got = produced_country(getattr(chosen, role)) if chosen is not None else None
    ok = got is not None and got in {a.country for a in gold}
    if not ok and chosen is not None:
        problems.append(f"{role} missing" if got is None else f"{role} wrong country")
    return ok


def _overlaps(spans: Sequence[tuple[int, int]], gold: Sequence[Span]) -> bool:
    return any(s < g.end and g.start < e for s, e in spans for g in gold)


def score(items: Sequence[PloverItem], events_per_item: Sequence[Sequence[Any]]) -> SetResult:
    """Figures for coded PLOVER records (``events_per_item[i]`` are the events of ``items[i]``)."""
    conf = Confusion()
    any_type_ok = 0
    src_n = src_ok = tgt_n = tgt_ok = 0
    src_span_n = src_span_ok = tgt_span_n = tgt_span_ok = 0
    ctx_n = ctx_ok = 0
    errors: list[ErrorCase] = []
    for item, events in zip(items, events_per_item):
        chosen = best_event(events, _typed)
        ptype = chosen.plover["type"] if chosen is not None else None
        conf.add(item.type, ptype)
        type_ok = ptype == item.type
        any_type_ok += any(_typed(e) and e.plover["type"] == item.type for e in events)
        problems: list[str] = []
        if item.sources:
            src_n += 1
            src_ok += _country_right("source", item.sources, chosen, problems)
        if item.targets:
            tgt_n += 1
            tgt_ok += _country_right("target", item.targets, chosen, problems)
        gsrc, gtgt = item.spans_of("SRC"), item.spans_of("TAR")
        if gsrc:
            src_span_n += 1
            src_span_ok += chosen is not None and _overlaps(actor_spans(item.text, [chosen], "source"), gsrc)
        if gtgt:
            tgt_span_n += 1
            tgt_span_ok += chosen is not None and _overlaps(actor_spans(item.text, [chosen], "target"), gtgt)
        if item.context:
            ctx_n += 1
            ctx_ok += chosen is not None and bool(set(chosen.plover.get("context") or []) & set(item.context))
        if not type_ok:
            if not events:
                pattern, weight = "no event: no dictionary verb matched", 0.5
            elif chosen is None:
                pattern, weight = "only untyped events (CAMEO 01/02 statements or appeals)", 0.6
            else:
                pattern, weight = f"type {item.type} coded as {ptype}", 1.0 + chosen.confidence
        elif problems:
            pattern, weight = problems[0], 0.3 + (0.1 if len(problems) > 1 else 0.0)
        else:
            continue
        errors.append(ErrorCase(
            item_id=item.id,
            sentence=item.text,
            expected=_expected(item),
            produced=describe_event(chosen) + _others(events, chosen),
            rule=chosen.rule if chosen is not None else "; ".join(sorted({e.rule for e in events})),
            pattern=pattern,
            weight=weight,
        ))
    n = conf.total
    labels = sorted(conf.gold_labels())
    figures = {
        "type_accuracy": conf.accuracy,
        "type_macro_f1": conf.macro_f1(labels),
        "type_any_event": ratio(any_type_ok, n),
        "coverage": conf.coverage,
        "source_country_accuracy": ratio(src_ok, src_n),
        "target_country_accuracy": ratio(tgt_ok, tgt_n),
        "source_span_overlap": ratio(src_span_ok, src_span_n),
        "target_span_overlap": ratio(tgt_span_ok, tgt_span_n),
        "context_match": ratio(ctx_ok, ctx_n),
    }
    res = SetResult("plover", "PLOVER gold standard (event type, actors, context)", n, figures=figures,
                    confusion=conf, errors=errors,
                    headline=["type_accuracy", "type_macro_f1", "source_country_accuracy",
                              "target_country_accuracy", "coverage"])
    res.tables.append(Table("Overall", ["figure", "value", "over"], [
        ["event-type accuracy", figures["type_accuracy"], n],
        ["event-type macro-F1", figures["type_macro_f1"], len(labels)],
        ["any event of the sentence has the type", figures["type_any_event"], n],
        ["coverage (a typed event produced)", figures["coverage"], n],
        ["source-country accuracy", figures["source_country_accuracy"], src_n],
        ["target-country accuracy", figures["target_country_accuracy"], tgt_n],
        ["source span overlaps (SRC:)", figures["source_span_overlap"], src_span_n],
        ["target span overlaps (TAR:)", figures["target_span_overlap"], tgt_span_n],
        ["context overlaps", figures["context_match"], ctx_n],
    ]))
    rows = per_class_rows(conf, labels)
    res.tables.append(Table("Per event type", ["type", "P", "R", "F1", "n"], rows))
    for lab, _p, _r, f1, _ in rows:
        res.figures[f"f1.{lab}"] = f1
    return res


def _expected(item: PloverItem) -> str:
    src = ",".join(f"{a.code}“{a.text}”" for a in item.sources) or "—"
    tgt = ",".join(f"{a.code}“{a.text}”" for a in item.targets) or "—"
    evt = "; ".join(s.text for s in item.spans_of("EVT"))
    alias = f" (gold: {item.raw_type})" if item.raw_type != item.type else ""
    return f"{item.type}{alias} {src} → {tgt} [EVT: {evt}]"


def _others(events: Sequence[Any], chosen: Any | None) -> str:
    rest = [e for e in events if e is not chosen]
    if not rest:
        return ""
    return "; also " + ", ".join(f"{e.cameo}[{e.trigger.get('text')}]" for e in rest[:4])


def run(gold_dir: Path, coder: Any, limit: int | None = None, batch_size: int = 64) -> SetResult:
    t0 = time.perf_counter()
    items = read_plover(gold_dir / FILE)[:limit]
    events = code_texts(coder, [(it.id, it.text, it.date) for it in items], batch_size)
    res = score(items, events)
    res.seconds = time.perf_counter() - t0
    return res


__all__ = ["FILE", "NONE", "PloverItem", "GoldActor", "Span", "parse_markup", "align_spans", "read_plover",
           "record_to_item", "score", "run", "country_key", "produced_country", "normalize_type"]

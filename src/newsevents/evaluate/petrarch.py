"""PETRARCH's unit-test records (``PETR.UnitTest.records.xml``) with its validation dictionaries.

Each ``<Sentence date= id= category= sentence=>`` holds ``<EventCoding sourcecode= targetcode=
eventcode=>`` elements (or ``noevents="True"``, or ``error="..."``) and a ``<Text>``; ``<Config
option= value=>`` elements between sentences change PETRARCH's options for the records after
them (``require_dyad`` matters here: when true, PETRARCH drops events missing an actor).

Records are coded with an ``EventCoder`` built from ``PETR.Validate.verbs.txt``,
``.actors.txt``, ``.agents.txt`` and ``.discards.txt``; source code, target code and CAMEO code are compared
exactly (a missing actor is ``---``; a compound dictionary code ``FRO/BIL/SAM`` counts as one
coding per code, as PETRARCH prints it). Skipped, with the reason kept:

- ``sentence="false"``: features PETRARCH itself never implemented;
- ``error="bad_input_parse"``: tests of PETRARCH's own parse-tree input, which we do not read;
- codings with a quoted text actor (``'"INJURY TOLL"'``): PETRARCH's ``new_actor_length`` feature.

Other ``error=`` records (``dateline``, ``storydiscard``, ``sentencediscard``) and ``noevents``
records expect no event and are scored.
"""
from __future__ import annotations

import copy
import re
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from .scoring import PRF, ErrorCase, SetResult, Table, code_texts, group_counts, ratio

DIR = "petrarch"
RECORDS = "PETR.UnitTest.records.xml"
VERBS = "PETR.Validate.verbs.txt"
ACTORS = "PETR.Validate.actors.txt"
AGENTS = "PETR.Validate.agents.txt"
DISCARDS = "PETR.Validate.discards.txt"
NULL = "---"

Coding = tuple[str, str, str]  # (source code, target code, CAMEO code)


@dataclass
class PetrRecord:
    id: str
    date: str | None  # ISO
    category: str
    text: str
    expected: list[Coding] = field(default_factory=list)
    skip: str = ""  # why the record is not scored ("" = scored)
    require_dyad: bool = True
    expect_note: str = ""  # "noevents" or the error= value when no event is expected


def _iso(date: str | None) -> str | None:
    d = (date or "").strip()
    if len(d) == 8 and d.isdigit():
        return f"{d[:4]}-{d[4:6]}-{d[6:]}"
    return None


def _truthy(value: str | None, default: bool) -> bool:
    if value is None:
        return default
    return value.strip().lower() in ("true", "1", "yes")


def parse_records(xml_text: str) -> list[PetrRecord]:
    """The ``<Sentence>`` records of a PETRARCH validation file, in order, with their options."""
    root = ET.fromstring(xml_text)
    container = root.find("Sentences")
    elements = list(container) if container is not None else list(root.iter("Sentence"))
    options: dict[str, str] = {}
    out: list[PetrRecord] = []
    for el in elements:
        if el.tag == "Config":
            if el.get("option"):
                options[el.get("option", "").strip()] = (el.get("value") or "").strip()
            continue
        if el.tag != "Sentence":
            continue
        rec = PetrRecord(
            id=(el.get("id") or f"record-{len(out) + 1}").strip(),
            date=_iso(el.get("date")),
            category=(el.get("category") or "").strip(),
            text=_as_parsed(" ".join((el.findtext("Text") or "").split()), el.findtext("Parse") or ""),
            require_dyad=_truthy(options.get("require_dyad"), True),
        )
        for ec in el.findall("EventCoding"):
            if ec.get("noevents") is not None:
                rec.expect_note = rec.expect_note or "noevents"
                continue
            if ec.get("error") is not None:
                err = ec.get("error", "").strip()
                rec.expect_note = f"error={err}"
                if err == "bad_input_parse":
                    rec.skip = "tests PETRARCH's parse-tree input (error=bad_input_parse)"
                continue
            src, tgt, code = (ec.get(k, "").strip() for k in ("sourcecode", "targetcode", "eventcode"))
            if src.startswith('"') or tgt.startswith('"'):
                rec.skip = rec.skip or "expects a quoted text actor (PETRARCH new_actor_length option)"
            rec.expected.append((src or NULL, tgt or NULL, code))
        if (el.get("sentence") or "true").strip().lower() == "false":
            rec.skip = 'marked sentence="false" (not implemented in PETRARCH)'
        if not rec.text:
            rec.skip = rec.skip or "no text"
        out.append(rec)
    return out


def _as_parsed(text: str, parse: str) -> str:
    """The sentence PETRARCH codes: the words of the record's parse tree.

    Where the tree's words are the text's (contractions and brackets aside) the text is kept as
    written; where they differ (a text "government" parsed as "Congresses", "Dol_Amroth" as "Dol
    Amroth"), the expected codings follow the tree, so the tree's words are the sentence."""
    leaves = [w for _, w in _LEAF.findall(parse)]
    if not leaves or _words(" ".join(leaves)) == _words(text.replace("_", " ")):
        return text.replace("_", " ") if leaves and "_" not in parse else text
    out = " ".join(_PTB.get(w, w) for w in leaves)
    out = re.sub(r" (?=[.,;:!?)%]|'s\b|n't\b|'')", "", out)
    return re.sub(r"(?<=[($]) ", "", out)


_LEAF = re.compile(r"\(([^\s()]+) ([^\s()]+)\)")
_PTB = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "``": '"', "''": '"'}


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.lower().replace("n't", " not"))


def read_records(path: str | Path) -> list[PetrRecord]:
    return parse_records(Path(path).read_text(encoding="utf-8", errors="replace"))


def actor_code(actor: Any | None) -> str:
    if actor is None or not actor.code:
        return NULL
    return actor.code


def produced_codings(events: Sequence[Any], require_dyad: bool) -> list[Coding]:
    """Unique (source, target, CAMEO) triples of the events, as PETRARCH would print them."""
    out: list[Coding] = []
    for ev in events:
        src, tgt = actor_code(ev.source), actor_code(ev.target)
        if require_dyad and (src == NULL or tgt == NULL):
            continue
        # a compound dictionary code ("THE_SHIRE [FRO/BIL/SAM]") stands for several actors:
        # PETRARCH prints one coding per combination
        for s in src.split("/"):
            for t in tgt.split("/"):
                c = (s, t, ev.cameo)
                if c not in out:
                    out.append(c)
    return out


def compare(expected: Sequence[Coding], produced: Sequence[Coding]) -> tuple[bool, int, int, int]:
    """(exact, matched, expected, produced): exact = the same set of codings."""
    e, p = set(expected), set(produced)
    return e == p, len(e & p), len(e), len(p)


def diagnose(expected: Sequence[Coding], produced: Sequence[Coding], n_events: int) -> str:
    """A short description of how a record's codings went wrong."""
    e, p = set(expected), set(produced)
    if not e and p:
        return "event produced where none is expected"
    if e and not p:
        return "no event produced" if n_events == 0 else "events produced but dropped (an actor missing; require_dyad)"
    missing, extra = e - p, p - e
    for (es, et, ec) in missing:
        for (ps, pt, pc) in extra:
            if (es, et) == (ps, pt):
                return "right actors, wrong CAMEO code" + (" (same root)" if ec[:2] == pc[:2] else "")
            if ec == pc and (es, et) == (pt, ps):
                return "source and target swapped"
            if ec == pc and es != ps and et == pt:
                return "right code, wrong source actor"
            if ec == pc and et != pt and es == ps:
                return "right code, wrong target actor"
    if missing and not extra:
        return "an expected coding is missing (the others are right)"
    if extra and not missing:
        return "extra coding(s) beyond the expected ones"
    return "codes and actors both wrong"


def build_coder(folder: Path, model: str | None) -> Any:
    """A ``Coder`` sharing the loaded model but with an ``EventCoder`` on the validation dictionaries."""
    from ..coding.discards import Discards
    from ..coding.events import EventCoder
    from ..coding.verbs import VerbDictionary
    from ..pipeline import Coder
    from ..resolve.dictionary import ActorDictionary

    base = Coder.get(model)
    coder = copy.copy(base)
    coder.coder = EventCoder(
        verbs=VerbDictionary.from_petrarch_file(str(folder / VERBS)),
        actors=ActorDictionary.from_petrarch_files([folder / ACTORS], [folder / AGENTS]),
        gazetteer=base.coder.gazetteer,
        discards=Discards.from_petrarch_file(folder / DISCARDS),
    )
    return coder


def score(records: Sequence[PetrRecord], events_per_record: Sequence[Sequence[Any]]) -> SetResult:
    scored = [(r, evs) for r, evs in zip(records, events_per_record) if not r.skip]
    skipped = Counter(r.skip for r in records if r.skip)
    prf = PRF()
    exact_n = 0
    none_n = none_ok = 0
    by_cat: list[tuple[str, bool]] = []
    code_ok = code_n = 0
    errors: list[ErrorCase] = []
    for rec, events in scored:
        produced = produced_codings(events, rec.require_dyad)
        exact, matched, n_exp, n_prod = compare(rec.expected, produced)
        prf.add(tp=matched, fp=n_prod - matched, fn=n_exp - matched)
        exact_n += exact
        by_cat.append((rec.category, exact))
        if not rec.expected:
            none_n += 1
            none_ok += exact
        # the CAMEO code alone (any actors): how often the verb dictionary part is right
        for (_, _, code) in set(rec.expected):
            code_n += 1
            code_ok += any(e.cameo == code for e in events)
        if not exact:
            pattern = diagnose(rec.expected, produced, len(events))
            errors.append(ErrorCase(
                item_id=rec.id, sentence=rec.text,
                expected=_fmt_codings(rec.expected) or f"no event ({rec.expect_note or 'noevents'})",
                produced=(_fmt_codings(produced) or "no event") + _dropped(events, produced),
                rule="; ".join(dict.fromkeys(e.rule for e in events)) or "",
                pattern=pattern,
                weight=1.0 + ratio(n_prod - matched, max(n_prod, 1)) if n_prod else 0.6))
    n = len(scored)
    figures = {
        "exact_records": ratio(exact_n, n),
        "coding_precision": prf.precision,
        "coding_recall": prf.recall,
        "coding_f1": prf.f1,
        "cameo_code_recall": ratio(code_ok, code_n),
        "no_event_records_right": ratio(none_ok, none_n),
    }
    res = SetResult("petrarch", "PETRARCH unit tests (validation dictionaries, exact codings)", n, figures=figures,
                    errors=errors, headline=["exact_records", "coding_precision", "coding_recall", "coding_f1"])
    res.tables.append(Table("Overall", ["figure", "value", "over"], [
        ["records coded exactly right", figures["exact_records"], n],
        ["codings: precision", figures["coding_precision"], prf.tp + prf.fp],
        ["codings: recall", figures["coding_recall"], prf.tp + prf.fn],
        ["codings: F1", figures["coding_f1"], ""],
        ["expected CAMEO code produced (any actors)", figures["cameo_code_recall"], code_n],
        ["no-event records left without event", figures["no_event_records_right"], none_n],
    ]))
    cats = group_counts(by_cat)
    res.tables.append(Table("Exact records per category", ["category", "exact", "records", "share"],
                            [[c, r, t, ratio(r, t)] for c, (r, t) in sorted(cats.items())]))
    res.notes.append(f"{len(records)} records, {n} scored, {sum(skipped.values())} skipped: "
                     + "; ".join(f"{k}: {v}" for k, v in skipped.most_common()))
    return res


def _fmt_codings(codings: Sequence[Coding]) -> str:
    return ", ".join(f"{s} {t} {c}" for s, t, c in codings)


def _dropped(events: Sequence[Any], produced: Sequence[Coding]) -> str:
    kept = set(produced)
    gone = [(actor_code(e.source), actor_code(e.target), e.cameo) for e in events]
    gone = [g for g in dict.fromkeys(gone) if g not in kept]
    return f" (dropped without an actor: {_fmt_codings(gone)})" if gone else ""


def run(gold_dir: Path, coder: Any | None = None, limit: int | None = None, batch_size: int = 64,
        model: str | None = None) -> SetResult:
    t0 = time.perf_counter()
    folder = gold_dir / DIR
    records = read_records(folder / RECORDS)[:limit]
    petr_coder = build_coder(folder, model)
    todo = [r for r in records if not r.skip]
    coded = code_texts(petr_coder, [(r.id, r.text, r.date) for r in todo], batch_size)
    by_id = {id(r): evs for r, evs in zip(todo, coded)}
    res = score(records, [by_id.get(id(r), []) for r in records])
    res.seconds = time.perf_counter() - t0
    return res

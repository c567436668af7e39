"""CASE 2021 (task 2) dev half: does the coder find the family of event a real snippet reports?

``case2021/dev.tsv`` (``id<TAB>text<TAB>subtype``) holds short real news snippets labelled with
ACLED sub-event types. Each scored subtype belongs to a family (``data/case_families.tsv``);
the coder finds it when one of a snippet's events is of that family (the rules below, from
the set's NOTICE). The same figures are given for a keyword list (``data/case_keywords.tsv``)
so that every run shows coder against keywords. Disasters are scored the other way round: any
violence, protest or repression event on one is a false alarm.
"""
from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .scoring import ErrorCase, SetResult, Table, code_texts, describe_event

FILE = "case2021/dev.tsv"
DATA = Path(__file__).resolve().parent / "data"
FAMILIES = ("violence", "protest", "repression", "arrest", "agreement", "diplomacy")
ALARMS = ("violence", "protest", "repression")  # what a disaster must not get
_CROWDS = re.compile(r"protest|demonstr|crowd|rioter|activist|opposition|march|student|worker", re.I)


@dataclass
class CaseItem:
    id: str
    text: str
    subtype: str
    family: str | None  # None: not scored
    peaceful: bool


def _ptype(ev: Any) -> str:
    return ((ev.plover or {}).get("type") or "") if ev.plover else ""


def _root(ev: Any) -> str:
    return (ev.cameo or "")[:2]


def _violence(ev: Any) -> bool:
    return _root(ev) in ("18", "19", "20") or _ptype(ev) == "ASSAULT"


def _protest(ev: Any) -> bool:
    return _root(ev) == "14" or _ptype(ev) == "PROTEST"


def _repression(ev: Any) -> bool:
    if (ev.cameo or "").startswith("175"):
        return True
    forceful = _root(ev) in ("17", "18", "19") or _ptype(ev) in ("ASSAULT", "COERCE")
    tgt = ev.target
    return forceful and tgt is not None and (tgt.sector == "OPP" or bool(_CROWDS.search(tgt.text or "")))


def _arrest(ev: Any) -> bool:
    return (ev.cameo or "").startswith("173") or ((ev.plover or {}).get("mode") == "arrest")


def _agreement(ev: Any) -> bool:
    return _root(ev) in ("03", "05", "06", "08") or _ptype(ev) in ("AGREE", "COOPERATE", "AID", "CONCEDE")


def _diplomacy(ev: Any) -> bool:
    return _root(ev) in ("01", "02", "03", "04", "05") or _ptype(ev) in ("CONSULT", "AGREE", "SUPPORT", "REQUEST")


#: what counts as finding each family among a coder's events (NOTICE, "Families used for scoring")
FOUND_BY: dict[str, Callable[[Any], bool]] = {
    "violence": _violence, "protest": _protest, "repression": _repression,
    "arrest": _arrest, "agreement": _agreement, "diplomacy": _diplomacy,
}


def _rows(name: str) -> list[list[str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def families() -> dict[str, tuple[str, bool]]:
    """subtype → (family, peaceful)."""
    return {sub: (fam, flag == "1") for sub, fam, flag in _rows("case_families.tsv")}


@lru_cache(maxsize=1)
def keyword_patterns() -> dict[str, re.Pattern[str]]:
    """family → one regex of its keywords (``attack*`` matches words beginning so)."""
    out = {}
    for fam, words in _rows("case_keywords.tsv"):
        alts = [re.escape(w[:-1]) + r"[\w-]*" if w.endswith("*") else re.escape(w) for w in words.split()]
        out[fam] = re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])", re.I)
    return out


def keyword_families(text: str) -> set[str]:
    """The families whose keywords occur in ``text``."""
    return {fam for fam, pat in keyword_patterns().items() if pat.search(text)}


def coder_families(events: Sequence[Any]) -> set[str]:
    """The families the coder's events of a snippet belong to."""
    return {fam for fam, found in FOUND_BY.items() if any(found(ev) for ev in events)}


def parse_tsv(lines: Sequence[str], name: str = "dev.tsv") -> list[CaseItem]:
    """Items of a CASE ``id<TAB>text<TAB>subtype`` file (header line skipped)."""
    fams = families()
    out = []
    for lineno, raw in enumerate(lines, 1):
        parts = raw.rstrip("\r\n").split("\t")
        if lineno == 1 and parts[0] == "id" or not raw.strip():
            continue
        if len(parts) != 3:
            raise ValueError(f"{name}:{lineno}: expected 'id<TAB>text<TAB>subtype', got {raw[:80]!r}")
        ident, text, subtype = parts
        family, peaceful = fams.get(subtype, (None, False))
        out.append(CaseItem(ident, text, subtype, family, peaceful))
    return out


def read_tsv(path: str | Path) -> list[CaseItem]:
    path = Path(path)
    return parse_tsv(path.read_text(encoding="utf-8").splitlines(), path.name)


def _figures(items: Sequence[CaseItem], found: Sequence[set[str]]) -> dict[str, float]:
    """Hit rate per family, micro hit, and the two false-alarm shares (as 'clean' shares)."""
    fig: dict[str, float] = {}
    hits = total = 0
    for fam in FAMILIES:
        idx = [i for i, it in enumerate(items) if it.family == fam]
        got = sum(fam in found[i] for i in idx)
        hits, total = hits + got, total + len(idx)
        if idx:
            fig[f"hit.{fam}"] = got / len(idx)
    fig["micro_hit"] = hits / total if total else 0.0
    peaceful = [i for i, it in enumerate(items) if it.peaceful]
    disasters = [i for i, it in enumerate(items) if it.family == "none"]
    fig["violence_on_peaceful"] = sum("violence" in found[i] for i in peaceful) / max(1, len(peaceful))
    fig["disaster_false_alarm"] = sum(bool(found[i] & set(ALARMS)) for i in disasters) / max(1, len(disasters))
    return fig


#: figures where lower is better: the gate pins ``1 - x`` for them (``…_clean``)
LOWER_IS_BETTER = ("violence_on_peaceful", "disaster_false_alarm")


def score(items: Sequence[CaseItem], events_per_item: Sequence[Sequence[Any]]) -> SetResult:
    """Coder and keyword figures side by side, and the snippets the coder missed."""
    coder = [coder_families(evs) for evs in events_per_item]
    keywords = [keyword_families(it.text) for it in items]
    mine, theirs = _figures(items, coder), _figures(items, keywords)
    figures = {k: v for k, v in mine.items() if k not in LOWER_IS_BETTER}
    for k in LOWER_IS_BETTER:
        figures[f"{k}_clean"] = 1.0 - mine[k]
    rows = [[k, mine[k], theirs[k], sum(1 for it in items if f"hit.{it.family}" == k) or ""]
            for k in mine]
    res = SetResult("case", "CASE 2021 dev half (real conflict/protest snippets), coder vs keywords", len(items),
                    figures=figures, headline=["micro_hit", "hit.protest", "hit.diplomacy"])
    res.tables.append(Table("Families (hit rate; the last two rows: lower is better)",
                            ["figure", "coder", "keywords", "n"], rows))
    res.notes.append("keyword figures: " + ", ".join(f"{k} {v:.3f}" for k, v in theirs.items()))
    res.errors = _errors(items, events_per_item, coder)
    return res


def _errors(items: Sequence[CaseItem], events_per_item: Sequence[Sequence[Any]],
            coder: Sequence[set[str]]) -> list[ErrorCase]:
    out = []
    for it, evs, fams in zip(items, events_per_item, coder):
        if it.family in FAMILIES and it.family not in fams:
            out.append(ErrorCase(it.id, it.text, f"{it.subtype} ({it.family})",
                                 "; ".join(describe_event(e) for e in evs[:3]) or "(no event)", "",
                                 f"{it.family} missed", 1.0))
        elif (it.family == "none" and fams & set(ALARMS)) or (it.peaceful and "violence" in fams):
            out.append(ErrorCase(it.id, it.text, f"{it.subtype} (no {'/'.join(sorted(fams & set(ALARMS)))})",
                                 "; ".join(describe_event(e) for e in evs[:3]), "", "false alarm", 1.5))
    return out


def run(gold_dir: Path, coder: Any, limit: int | None = None, batch_size: int = 64) -> SetResult:
    """Code the CASE dev half and score it."""
    t0 = time.perf_counter()
    items = read_tsv(gold_dir / FILE)[:limit]
    events = code_texts(coder, [(it.id, it.text, None) for it in items], batch_size, all_modalities=False)
    res = score(items, events)
    res.seconds = time.perf_counter() - t0
    return res
